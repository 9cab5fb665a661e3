"""The human format: ``path:line:col: CODE message``, like ruff."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newslint.rules.base import Finding, Severity

if TYPE_CHECKING:
    from newslint.reporters import ReportContext

BOLD = "1"
COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{style}m{text}\x1b[0m" if color else text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word == "info" else f"{count} {word}s"


def _source_lines(finding: Finding, context: ReportContext) -> list[str]:
    source = context.sources.get(finding.path)
    if source is None:
        return []
    line = source.line_text(finding.line)
    indent = "".join("\t" if char == "\t" else " " for char in line[: finding.column - 1])
    last = finding.end_column if finding.end_line == finding.line else len(line) + 1
    width = max(last - finding.column, 1)
    marker = _paint("^" + "~" * (width - 1), COLORS[finding.severity], context.color)
    return [line, indent + marker]


def _finding_lines(findings: Sequence[Finding], context: ReportContext) -> list[str]:
    lines = []
    for finding in findings:
        where = f"{finding.path}:{finding.line}:{finding.column}:"
        code = _paint(finding.code, COLORS[finding.severity], context.color)
        lines.append(f"{_paint(where, BOLD, context.color)} {code} {finding.message}")
        if context.show_source:
            lines.extend(_source_lines(finding, context))
    return lines


def _statistics_lines(findings: Sequence[Finding]) -> list[str]:
    counts = Counter(finding.code for finding in findings)
    names = {finding.code: finding.rule for finding in findings}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [f"{count:>5}  {code}  {names[code]}" for code, count in ranked]


def summary(findings: Sequence[Finding]) -> str:
    """``Found N findings (E errors, W warnings, I info).`` or ``No findings.``"""
    if not findings:
        return "No findings."
    levels = Counter(finding.severity for finding in findings)
    return (
        f"Found {_plural(len(findings), 'finding')} ("
        f"{_plural(levels[Severity.ERROR], 'error')}, "
        f"{_plural(levels[Severity.WARNING], 'warning')}, "
        f"{_plural(levels[Severity.INFO], 'info')})."
    )


def report(findings: Sequence[Finding], context: ReportContext) -> str:
    statistics = context.statistics
    lines = _statistics_lines(findings) if statistics else _finding_lines(findings, context)
    if not context.quiet:
        lines.append(summary(findings))
    return "".join(f"{line}\n" for line in lines)
