"""Plain text: blank lines separate paragraphs; a short first block may be the headline."""

from __future__ import annotations

import re

from newslint.documents.model import Block, BlockKind, Document, prose_slice
from newslint.documents.source import Source

PARAGRAPH = re.compile(r"\S(?:[^\r\n]*\S)?(?:(?:\r\n|\r|\n)[ \t]*\S(?:[^\r\n]*\S)?)*")
END_PUNCTUATION = tuple(".!?:;…")
CLOSERS = "\"'”’)]"
TITLE_MAX_WORDS = 20


def looks_like_title(text: str) -> bool:
    """A short single line with no end punctuation reads as a headline or subheading."""
    stripped = text.strip()
    one_line = "\n" not in stripped and "\r" not in stripped
    short = len(stripped.split()) <= TITLE_MAX_WORDS
    return one_line and short and not stripped.rstrip(CLOSERS).endswith(END_PUNCTUATION)


def parse_plaintext(source: Source) -> Document:
    blocks = []
    for match in PARAGRAPH.finditer(source.text):
        start, end = match.span()
        kind = BlockKind.PARAGRAPH
        if looks_like_title(match.group()):
            kind = BlockKind.HEADING if blocks else BlockKind.HEADLINE
        blocks.append(Block(kind, start, end, prose_slice(source, start, end)))
    return Document(source=source, blocks=tuple(blocks))
