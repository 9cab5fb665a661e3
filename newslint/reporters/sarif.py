"""The SARIF 2.1.0 format, for code-scanning services.

Each rule links to its documentation (``helpUri``); a fixable finding carries its fix
as artifact changes in the same code-point regions as the results; each result has a
``partialFingerprints`` entry, the shared fingerprint of its code, flagged text and
sentence, so that code scanning tracks it across commits; the run's errors (a file it
could not read, a broken config) are notifications of its invocation.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from newslint.linter.fingerprint import run_fingerprints
from newslint.reporters.fixes import PlacedEdit, describe_edit, placed_edits
from newslint.rules.base import Finding, Severity
from newslint.rules.docs import rule_url

if TYPE_CHECKING:
    from newslint.reporters import ReportContext

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/newslint/newslint"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "newslintFingerprint/v1"


def _uri(path: str) -> str:
    return quote(PurePath(path).as_posix())


def _descriptor(finding: Finding, context: ReportContext) -> dict[str, Any]:
    rule = context.rules.get(finding.code)
    if rule is None:
        return {"id": finding.code, "name": finding.rule, "helpUri": rule_url(finding.code)}
    documentation = rule.documentation()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": documentation},
        "help": {"text": documentation},
        "helpUri": rule_url(rule.code),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _fix(finding: Finding, edits: list[PlacedEdit]) -> dict[str, Any]:
    """The finding's fix: one artifact change holding a replacement per edit."""
    described = "; ".join(describe_edit(edit) for edit in edits)
    replacements = [
        {
            "deletedRegion": _region(edit.line, edit.column, edit.end_line, edit.end_column),
            "insertedContent": {"text": edit.replacement},
        }
        for edit in edits
    ]
    return {
        "description": {"text": f"{finding.code} safe fix: {described}"},
        "artifactChanges": [
            {"artifactLocation": {"uri": _uri(finding.path)}, "replacements": replacements}
        ],
    }


def _result(
    finding: Finding, index: int, fingerprint: str | None, context: ReportContext
) -> dict[str, Any]:
    message = finding.message
    if finding.suggestion is not None:
        message += f" (suggestion: {finding.suggestion})"
    region = _region(finding.line, finding.column, finding.end_line, finding.end_column)
    location = {"artifactLocation": {"uri": _uri(finding.path)}, "region": region}
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": location}],
    }
    if fingerprint is not None:
        result["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint}
    edits = placed_edits(finding, context.sources)
    if edits:
        result["fixes"] = [_fix(finding, edits)]
    profile = context.profiles.get(finding.path)
    if profile is not None:
        result["properties"] = {"profile": profile}
    return result


def _notification(message: str) -> dict[str, Any]:
    """An error of the run; located at its file when the message starts with the path
    of a file that exists (one that could not be read, a broken config)."""
    notification: dict[str, Any] = {"level": "error", "message": {"text": message}}
    path = message.split(": ", 1)[0]
    if path != message and os.path.lexists(path):
        artifact = {"artifactLocation": {"uri": _uri(path)}}
        notification["locations"] = [{"physicalLocation": artifact}]
    return notification


def _invocation(context: ReportContext) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": not context.errors}
    if context.errors:
        invocation["toolExecutionNotifications"] = [_notification(e) for e in context.errors]
    return invocation


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
    fingerprints = run_fingerprints(findings, context.sources)
    results = [
        _result(finding, index[finding.code], fingerprint, context)
        for finding, fingerprint in zip(findings, fingerprints, strict=True)
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [_invocation(context)],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def report(findings: Sequence[Finding], context: ReportContext) -> str:
    return json.dumps(build(findings, context), indent=2, ensure_ascii=False) + "\n"
