"""Fingerprints of findings that survive edits elsewhere in a file.

A finding's fingerprint is its code, the text it flags and the sentence around that
text, whitespace folded, hashed: lines added above it or text changed in another
paragraph leave it alone, and an edit to its own sentence makes it a new finding. The
baseline (``--baseline``) and SARIF's ``partialFingerprints`` both use it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence

from newslint.analysis.nlp import SENTENCE_END as SENTENCE_STOP
from newslint.documents.source import Source
from newslint.rules.base import Finding

# Where a sentence ends: where the parser's pieces are cut (. ! ? … and any closing
# quote or bracket, then a space), or at a blank line, which ends a paragraph.
SENTENCE_END = re.compile(rf"{SENTENCE_STOP.pattern}|\n[ \t]*\n")
SPACE = re.compile(r"\s+")
REACH = 400  # characters either side of a finding that its sentence is looked for in


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence that holds ``text[start:end]``, whitespace folded to one space."""
    low = max(0, start - REACH)
    ends = [m.end() for m in SENTENCE_END.finditer(text, low, start)]
    first = ends[-1] if ends else low
    after = SENTENCE_END.search(text, end, end + REACH)
    last = after.start() + 1 if after else min(len(text), end + REACH)
    return SPACE.sub(" ", text[first:last]).strip()


def fingerprint(finding: Finding, text: str) -> str:
    """A hex digest of the finding's code, flagged text and sentence in ``text``, the
    source it was found in."""
    flagged = SPACE.sub(" ", text[finding.start : finding.end])
    parts = (finding.code, flagged, sentence_around(text, finding.start, finding.end))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def fingerprints(findings: Iterable[Finding], text: str) -> Iterator[tuple[Finding, str]]:
    """Each finding of one file with its fingerprint; a repeat of the same code, text and
    sentence in the file gets ``:2``, ``:3``… in order, so that each stays distinct."""
    seen: Counter[str] = Counter()
    for finding in findings:
        digest = fingerprint(finding, text)
        seen[digest] += 1
        yield finding, digest if seen[digest] == 1 else f"{digest}:{seen[digest]}"


def run_fingerprints(
    findings: Sequence[Finding], sources: Mapping[str, Source]
) -> list[str | None]:
    """Each finding of a run's fingerprint, in order; None where its file's text is not
    at hand. Repeats within a file are numbered in file order, as ``fingerprints`` does."""
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
