"""GitLab's Code Quality report: a JSON array of issues that a merge request shows
(``artifacts:reports:codequality``).

An issue's ``fingerprint`` is the finding's shared fingerprint (its code, flagged text
and sentence) hashed with its path: GitLab compares fingerprints between the base and
the head of a merge request, so a finding keeps its identity when lines move.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from newslint.linter.fingerprint import run_fingerprints
from newslint.rules.base import Finding, Severity

if TYPE_CHECKING:
    from newslint.reporters import ReportContext

LEVELS = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def relative_path(path: str) -> str:
    """The path as GitLab wants it, relative to the repository root (the job's folder):
    forward slashes, no leading ``./``."""
    pure = PurePath(path)
    if pure.is_absolute() and pure.is_relative_to(Path.cwd()):
        pure = pure.relative_to(Path.cwd())
    posix = pure.as_posix()
    return posix[2:] if posix.startswith("./") else posix


def _fingerprint(finding: Finding, shared: str | None) -> str:
    """The shared fingerprint with the path; without the file's text, its position."""
    where = shared or f"{finding.code}:{finding.line}:{finding.column}"
    key = f"{relative_path(finding.path)}\x1f{where}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def issue(finding: Finding, shared: str | None) -> dict[str, Any]:
    return {
        "description": f"{finding.code} {' '.join(finding.message.split())}",
        "check_name": finding.code,
        "fingerprint": _fingerprint(finding, shared),
        "severity": LEVELS[finding.severity],
        "location": {
            "path": relative_path(finding.path),
            "lines": {"begin": finding.line, "end": finding.end_line},
        },
    }


def report(findings: Sequence[Finding], context: ReportContext) -> str:
    shared = run_fingerprints(findings, context.sources)
    issues = [issue(f, fp) for f, fp in zip(findings, shared, strict=True)]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
