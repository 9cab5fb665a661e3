"""Guessing a story's genre from its text, cheaply: no language model.

Only a clear signal counts: a writer who says I, me, my or myself at least three
times in body text, outside quotation marks, is writing opinion (a column, a review,
an analysis). Sport is not guessed: a score such as "won 3-1" is also a vote count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.analysis.quotes import scan_quotes
from newslint.documents.model import BlockKind, Document

FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]yself)\b")
# "World War I", "Elizabeth I": a numeral after a capitalised word in mid-sentence.
NUMERAL_I = re.compile(r"[a-z,] [A-Z][\w’']* $")
BODY = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
MIN_FIRST_PERSON = 3


@dataclass(frozen=True)
class Detection:
    profile: str
    evidence: str


def first_person_count(document: Document) -> int:
    """How often the writer speaks in the first person, outside quotes, in body text."""
    scan = scan_quotes(document)
    return sum(
        1
        for block in document.blocks
        if block.kind in BODY
        for match in FIRST_PERSON.finditer(block.text)
        if not scan.covers(block.start + match.start(), block.start + match.end())
        and not (
            match.group() == "I"
            and NUMERAL_I.search(block.text, max(0, match.start() - 40), match.start())
        )
    )


def detect_profile(document: Document) -> Detection | None:
    """``opinion`` for a first-person writer; None when the text gives no clear signal."""
    count = first_person_count(document)
    if count < MIN_FIRST_PERSON:
        return None
    return Detection("opinion", f"first person outside quotes, {count} times")
