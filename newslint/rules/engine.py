"""Running rules over an analysis: findings, suppressions, and rules that crash or
report what cannot be a finding on this document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from newslint.analysis.document import Analysis
from newslint.analysis.nlp import Need
from newslint.documents.decoded import DecodedSource
from newslint.documents.source import Source
from newslint.rules.base import Edit, Finding, Fix, Rule, Severity, describe


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def needs_of(rules: Sequence[Rule]) -> frozenset[Need]:
    return frozenset().union(*(rule.needs for rule in rules))


def run_rules(analysis: Analysis, rules: Sequence[Rule]) -> Outcome:
    """Every rule's valid findings on one document, less inline suppressions.

    A rule that raises, or reports something that is not a finding on this
    document's text, is reported by plugin, rule and file; its bad output is
    dropped and everything else still runs.
    """
    outcome = Outcome()
    document = analysis.document
    for rule in rules:
        try:
            found = list(rule.check(analysis))
        except Exception as exc:  # a plugin's bug must not cost the other rules
            outcome.errors.append(f"{document.path}: {rule.label()} crashed: {describe(exc)}")
            continue
        for item in found:
            problem = invalid(item, rule, analysis.source)
            if problem is not None:
                outcome.errors.append(f"{document.path}: {rule.label()} {problem}; dropped")
            elif not document.suppressed(item.line, item.code):
                outcome.findings.append(in_file(item, analysis.source))
    outcome.findings.sort(key=lambda f: f.sort_key)
    return outcome


def in_file(finding: Finding, source: Source) -> Finding:
    """A finding on decoded text (HTML or Markdown character references) with its
    offsets, and its fix's, mapped back to the file's own text."""
    if not isinstance(source, DecodedSource):
        return finding
    at = source.original_offset
    fix = finding.fix and Fix(
        tuple(Edit(at(e.start), at(e.end), e.replacement) for e in finding.fix.edits)
    )
    return replace(finding, start=at(finding.start), end=at(finding.end), fix=fix)


def invalid(item: object, rule: Rule, source: Source) -> str | None:
    """What makes a rule's output unfit to report on ``source``; None if it is fit."""
    if not isinstance(item, Finding):
        return f"yielded {type(item).__name__} {_short(item)}, not a Finding"
    if item.path != source.path:
        return f"reported a finding for another file, {_short(item.path)}"
    if item.code != rule.code:
        return f"reported a finding under another code, {_short(item.code)}"
    if not _offset(item.start) or not _offset(item.end):
        return f"reported a span with offsets {_short(item.start)}, {_short(item.end)}"
    if not 0 <= item.start <= item.end <= len(source.text):
        return (
            f"reported span {item.start}-{item.end}, outside the text "
            f"(0-{len(source.text)}) or reversed"
        )
    where = (*source.position(item.start), *source.position(item.end))
    if (item.line, item.column, item.end_line, item.end_column) != where:
        return "reported a line and column that do not match its offsets"
    if not isinstance(item.severity, Severity) or not isinstance(item.message, str):
        return "reported a finding whose severity or message has the wrong type"
    if item.suggestion is not None and not isinstance(item.suggestion, str):
        return "reported a finding whose suggestion is not text"
    return None


def _offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _short(value: object) -> str:
    """A bounded repr for an error message: plugin output can be any size."""
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"
