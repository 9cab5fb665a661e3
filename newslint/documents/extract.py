"""The article body of a whole web page, as trafilatura finds it.

trafilatura decides what is article and what is page chrome (navigation, share bars,
cookie notices, related links); the HTML walk still makes the blocks, so positions
stay exact. A block is the article's when its text is a line (or a table cell) of the
extracted text, or, for a longer block the extractor may have joined or split, when
its text is found in the extracted text.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Sequence

from newslint.documents.model import Block
from newslint.documents.source import Source

SPACE = re.compile(r"\s+")
CELL_SEPARATOR = re.compile(r"\s*\|\s*")
LONG_BLOCK_WORDS = 6  # a block this long may be matched inside the extracted text


def _normal(text: str) -> str:
    return SPACE.sub(" ", text).strip()


def article_blocks(source: Source, blocks: Sequence[Block]) -> tuple[list[Block], str | None]:
    """The blocks that are the page's article, and a notice when no article was found
    (then every block is kept)."""
    extracted = _extract(source.text)
    if not extracted:
        notice = f"{source.path}: --extract found no article body; the whole page is linted"
        return list(blocks), notice
    lines = {_normal(part) for line in extracted.splitlines() for part in _parts(line)}
    whole = _normal(extracted)
    kept = []
    for block in blocks:
        text = _normal(html.unescape(block.text))
        if text in lines or (len(text.split()) >= LONG_BLOCK_WORDS and text in whole):
            kept.append(block)
    return kept, None


def _parts(line: str) -> list[str]:
    """A line of extracted text, and its cells if it is a table row."""
    return [line, *CELL_SEPARATOR.split(line.strip().strip("|"))] if "|" in line else [line]


def _extract(page: str) -> str:
    """The article's text, title first, one block a line; empty if none is found."""
    import trafilatura  # slow to import; only --extract needs it

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        found = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_tables=True,
            include_comments=False,
            favor_precision=True,
        )
    except Exception:  # the extractor's failure on a broken page is "no article found"
        return ""
    if found is None or not found.text:
        return ""
    return "\n".join(filter(None, (found.title, found.text)))
