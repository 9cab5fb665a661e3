"""The shared fingerprint of each finding (``linter.fingerprint``), for the formats
that track findings across commits: SARIF's ``partialFingerprints`` and GitLab's
``fingerprint``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newslint.documents.source import Source
from newslint.linter.fingerprint import fingerprints
from newslint.rules.base import Finding


def finding_fingerprints(
    findings: Sequence[Finding], sources: Mapping[str, Source]
) -> list[str | None]:
    """Each finding's fingerprint, in order; None where its file's text is not at hand.
    Repeats within a file are numbered in file order, as ``fingerprints`` does."""
    by_path: dict[str, list[int]] = {}
    for index, finding in enumerate(findings):
        by_path.setdefault(finding.path, []).append(index)
    result: list[str | None] = [None] * len(findings)
    for path, indexes in by_path.items():
        source = sources.get(path)
        if source is None:
            continue
        found = fingerprints((findings[i] for i in indexes), source.text)
        for index, (_, digest) in zip(indexes, found, strict=True):
            result[index] = digest
    return result
