"""The SARIF 2.1.0 format, for code-scanning services."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from newslint.rules.base import Finding, Severity

if TYPE_CHECKING:
    from newslint.reporters import ReportContext

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/newslint/newslint"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _descriptor(finding: Finding, context: ReportContext) -> dict[str, Any]:
    rule = context.rules.get(finding.code)
    if rule is None:
        return {"id": finding.code, "name": finding.rule}
    documentation = rule.documentation()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": documentation},
        "help": {"text": documentation},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _result(finding: Finding, index: int, profile: str | None) -> dict[str, Any]:
    message = finding.message
    if finding.suggestion is not None:
        message += f" (suggestion: {finding.suggestion})"
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    uri = quote(PurePath(finding.path).as_posix())
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
    }
    if profile is not None:
        result["properties"] = {"profile": profile}
    return result


def build(findings: Sequence[Finding], context: ReportContext) -> dict[str, Any]:
    """The SARIF log as a dict; driver.rules lists only the rules that reported."""
    first = {finding.code: finding for finding in reversed(findings)}
    codes = sorted(first)
    driver = {
        "name": "newslint",
        "version": context.version,
        "informationUri": INFORMATION_URI,
        "rules": [_descriptor(first[code], context) for code in codes],
    }
    index = {code: position for position, code in enumerate(codes)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(finding, index[finding.code], context.profiles.get(finding.path))
                    for finding in findings
                ],
            }
        ],
    }


def report(findings: Sequence[Finding], context: ReportContext) -> str:
    return json.dumps(build(findings, context), indent=2, ensure_ascii=False) + "\n"
