"""Findings and problems as LSP diagnostics."""

from __future__ import annotations

from lsprotocol import types

from newslint.documents.source import Source
from newslint.rules.base import Finding, Severity
from newslint.rules.docs import rule_url
from newslint.server.linting import Outcome
from newslint.server.positions import to_range

SOURCE = "newslint"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
TOP = types.Range(types.Position(0, 0), types.Position(0, 0))


def diagnostics(outcome: Outcome, encoding: str) -> list[types.Diagnostic]:
    """The outcome's problems (a broken config, a plugin that failed…) at the top of the
    document, then its findings."""
    problems = [problem(message) for message in outcome.errors]
    return problems + [diagnostic(f, outcome.source, encoding) for f in outcome.findings]


def diagnostic(finding: Finding, source: Source, encoding: str) -> types.Diagnostic:
    return types.Diagnostic(
        range=to_range(source, finding.start, finding.end, encoding),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=rule_url(finding.code)),
        source=SOURCE,
    )


def problem(message: str) -> types.Diagnostic:
    """Something that kept newslint from linting the document as configured."""
    return types.Diagnostic(
        range=TOP, message=message, severity=types.DiagnosticSeverity.Error, source=SOURCE
    )
