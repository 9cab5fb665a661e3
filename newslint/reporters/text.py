"""The human format: ``path:line:col: CODE message``, like ruff; a fixable finding is
marked ``[*]`` before its message, and ``--show-fixes`` prints its fix under it.

Text from the file reaches the terminal with its control characters escaped, and
the caret under a source line counts the columns a terminal gives each character.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newslint.reporters.fixes import describe_edit, placed_edits
from newslint.rules.base import Finding, Severity

if TYPE_CHECKING:
    from newslint.reporters import ReportContext

BOLD = "1"
FIXABLE = "[*]"
COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
# Format characters that reorder or hide text on a terminal ("Trojan Source").
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{style}m{text}\x1b[0m" if color else text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 or word == "info" else f"{count} {word}s"


def shown(char: str) -> str:
    """How a character from a file is printed: a tab as itself; a control character
    escaped, ``^[`` for ESC, ``\\x85`` or ``\\u202e`` beyond ASCII; others as they are."""
    code = ord(char)
    if char == "\t":
        return char
    if code < 0x20 or code == 0x7F:
        return "^" + chr(code ^ 0x40)
    if unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in BIDI_CONTROLS:
        return char.encode("unicode_escape").decode("ascii")
    return char


def printable(text: str) -> str:
    """``text`` with every control character escaped, safe to print to a terminal."""
    return "".join(shown(char) for char in text)


def columns(char: str) -> int:
    """The columns a terminal gives a character as :func:`shown` prints it: two for wide
    (CJK, most emoji), none for combining marks and invisible joiners."""
    printed = shown(char)
    if printed != char:
        return len(printed)
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _source_lines(finding: Finding, context: ReportContext) -> list[str]:
    source = context.sources.get(finding.path)
    if source is None:
        return []
    line = source.line_text(finding.line)
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    indent = "".join("\t" if char == "\t" else " " * columns(char) for char in line[:start])
    width = max(sum(columns(char) for char in line[start:end]), 1)
    marker = _paint("^" + "~" * (width - 1), COLORS[finding.severity], context.color)
    return [printable(line), indent + marker]


def _finding_lines(findings: Sequence[Finding], context: ReportContext) -> list[str]:
    lines = []
    for finding in findings:
        where = f"{printable(finding.path)}:{finding.line}:{finding.column}:"
        code = _paint(finding.code, COLORS[finding.severity], context.color)
        message = printable(" ".join(finding.message.splitlines()))  # one line a finding
        mark = f"{FIXABLE} " if finding.fix is not None else ""
        lines.append(f"{_paint(where, BOLD, context.color)} {code} {mark}{message}")
        if context.show_source:
            lines.extend(_source_lines(finding, context))
        if context.show_fixes:
            lines.extend(_fix_lines(finding, context))
    return lines


def _fix_lines(finding: Finding, context: ReportContext) -> list[str]:
    """``  fix 1:30-1:34: delete ' the'``, one line an edit, under the finding."""
    return [
        f"  fix {edit.line}:{edit.column}-{edit.end_line}:{edit.end_column}: "
        + printable(describe_edit(edit))
        for edit in placed_edits(finding, context.sources)
    ]


def _statistics_lines(findings: Sequence[Finding]) -> list[str]:
    """A line a rule, most findings first; ``[*]`` marks a rule with fixable findings."""
    counts = Counter(finding.code for finding in findings)
    names = {finding.code: finding.rule for finding in findings}
    fixable = {finding.code for finding in findings if finding.fix is not None}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [
        f"{count:>5}  {code}  {'[*] ' if code in fixable else ''}{names[code]}"
        for code, count in ranked
    ]


def summary(findings: Sequence[Finding], nothing_linted: bool = False) -> str:
    """``Found N findings (E errors, W warnings, I info).``, ``No findings.``, or
    ``No files linted.``"""
    if nothing_linted:
        return "No files linted."
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
        lines.append(summary(findings, context.nothing_linted))
        fixable = sum(finding.fix is not None for finding in findings)
        if fixable:
            lines.append(f"{FIXABLE} {fixable} fixable with the `--fix` option.")
    return "".join(f"{line}\n" for line in lines)
