"""The JSON format: an array of findings with a fixed key order (a stable contract)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newslint.rules.base import Finding

if TYPE_CHECKING:
    from newslint.reporters import ReportContext


def as_dict(finding: Finding, profile: str | None = None) -> dict[str, Any]:
    """The finding's keys in contract order; ``profile`` after ``message`` when known."""
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
    return entry


def report(findings: Sequence[Finding], context: ReportContext) -> str:
    entries = [as_dict(f, context.profiles.get(f.path)) for f in findings]
    return json.dumps(entries, indent=2, ensure_ascii=False) + "\n"
