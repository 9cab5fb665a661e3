"""The JSON format: an array of findings with a fixed key order (a stable contract).

A fixable finding ends with a ``fix`` key: its exact edits, each a span in lines and
columns (as the finding's) and in code-point offsets into the decoded text, and the
replacement.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newslint.reporters.fixes import PlacedEdit, placed_edits
from newslint.rules.base import Finding

if TYPE_CHECKING:
    from newslint.reporters import ReportContext


def as_dict(
    finding: Finding, profile: str | None = None, edits: list[PlacedEdit] | None = None
) -> dict[str, Any]:
    """The finding's keys in contract order; ``profile`` after ``message`` when known,
    ``fix`` last when there are ``edits``."""
    entry: dict[str, Any] = {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
    }
    if profile is not None:
        entry["profile"] = profile
    if finding.suggestion is not None:
        entry["suggestion"] = finding.suggestion
    if edits:
        entry["fix"] = {"edits": [_edit(edit) for edit in edits]}
    return entry


def _edit(edit: PlacedEdit) -> dict[str, Any]:
    return {
        "line": edit.line,
        "column": edit.column,
        "end_line": edit.end_line,
        "end_column": edit.end_column,
        "start_offset": edit.start,
        "end_offset": edit.end,
        "replacement": edit.replacement,
    }


def report(findings: Sequence[Finding], context: ReportContext) -> str:
    entries = [
        as_dict(f, context.profiles.get(f.path), placed_edits(f, context.sources)) for f in findings
    ]
    return json.dumps(entries, indent=2, ensure_ascii=False) + "\n"
