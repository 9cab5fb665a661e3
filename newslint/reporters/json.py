"""The JSON format: an array of findings with a fixed key order (a stable contract)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newslint.rules.base import Finding

if TYPE_CHECKING:
    from newslint.reporters import ReportContext


def as_dict(finding: Finding) -> dict[str, Any]:
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
    if finding.suggestion is not None:
        entry["suggestion"] = finding.suggestion
    return entry


def report(findings: Sequence[Finding], context: ReportContext) -> str:
    return json.dumps([as_dict(f) for f in findings], indent=2, ensure_ascii=False) + "\n"
