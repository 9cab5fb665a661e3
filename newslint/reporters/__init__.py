"""Turning findings into output: plain text, JSON, SARIF, GitHub annotations, GitLab
Code Quality and HTML."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import import_module

from newslint.analysis.sourcing import Attribution
from newslint.documents.source import Source
from newslint.rules.base import Finding, Rule


@dataclass(frozen=True)
class ReportContext:
    """What a reporter may need besides the findings; ``profiles`` maps each linted
    path to the name of its genre profile; ``nothing_linted`` when no file was;
    ``attributions`` each linted path's attributions, for the formats that show them
    (filled only when one is asked for); ``errors`` the run's errors (files it could not
    lint, broken configs), which SARIF reports as notifications; ``show_fixes`` prints
    each fix under its finding in the text format."""

    rules: Mapping[str, type[Rule]]
    sources: Mapping[str, Source]
    color: bool = False
    show_source: bool = False
    statistics: bool = False
    quiet: bool = False
    version: str = "0"
    profiles: Mapping[str, str] = field(default_factory=dict)
    nothing_linted: bool = False
    attributions: Mapping[str, Sequence[Attribution]] = field(default_factory=dict)
    errors: Sequence[str] = ()
    show_fixes: bool = False


Reporter = Callable[[Sequence[Finding], ReportContext], str]


def _imported_when_used(name: str) -> Reporter:
    """The ``report`` of module ``name``, imported at the first report: a run loads
    only the reporter it writes with."""

    def report(findings: Sequence[Finding], context: ReportContext) -> str:
        return import_module(f"newslint.reporters.{name}").report(findings, context)

    return report


REPORTERS: dict[str, Reporter] = {
    name: _imported_when_used(name)
    for name in ("text", "json", "sarif", "github", "gitlab", "html")
}
# The formats that show who says what, for which the linter keeps the attributions.
SHOW_ATTRIBUTIONS = frozenset({"html"})


def render(fmt: str, findings: Sequence[Finding], context: ReportContext) -> str:
    """The report in format ``fmt``; findings come sorted by path, line, column.

    Each line of the result ends with a newline; an empty report is ``""``.
    """
    if fmt not in REPORTERS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(REPORTERS)}")
    return REPORTERS[fmt](findings, context)
