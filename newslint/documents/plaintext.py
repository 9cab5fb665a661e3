"""Plain text: blank lines separate paragraphs; a short first block may be the headline."""

from __future__ import annotations

import re

from newslint.documents.model import Block, BlockKind, Document, blank, prose_slice
from newslint.documents.source import Source

PARAGRAPH = re.compile(r"\S(?:[^\r\n]*\S)?(?:(?:\r\n|\r|\n)[ \t]*\S(?:[^\r\n]*\S)?)*")
END_PUNCTUATION = tuple(".!?:;…")
CLOSERS = "\"'”’)]"
TITLE_MAX_WORDS = 20
TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?>")
# Pasted embeds are someone else's words, not prose: from the tag to its end tag, or to
# the end of the paragraph when the scrape lost it.
EMBED = re.compile(r"<(tweet|blockquote|script|style)\b[^<>]*>.*?(?:</\1\s*>|$)", re.S | re.I)


def looks_like_title(text: str) -> bool:
    """A short single line with no end punctuation reads as a headline or subheading."""
    stripped = text.strip()
    one_line = "\n" not in stripped and "\r" not in stripped
    short = len(stripped.split()) <= TITLE_MAX_WORDS
    return one_line and short and not stripped.rstrip(CLOSERS).endswith(END_PUNCTUATION)


def title_case_headline(text: str) -> bool:
    """A short single first line in title case is the headline, whatever ends it:
    "Council Approves Ferry Fare Rise." """
    stripped = text.strip()
    if "\n" in stripped or "\r" in stripped or len(stripped.split()) > TITLE_MAX_WORDS:
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", stripped) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def parse_plaintext(source: Source) -> Document:
    blocks = []
    matches = list(PARAGRAPH.finditer(source.text))
    for match in matches:
        start, end = match.span()
        kind = BlockKind.PARAGRAPH
        first = not blocks and len(matches) > 1
        if looks_like_title(match.group()) or (first and title_case_headline(match.group())):
            kind = BlockKind.HEADING if blocks else BlockKind.HEADLINE
        blocks.append(Block(kind, start, end, _without_markup(prose_slice(source, start, end))))
    return Document(source=source, blocks=tuple(blocks))


def _without_markup(text: str) -> str:
    """Tags pasted into plain text, and the embeds they wrap, blanked like Markdown's HTML."""
    spans = [m.span() for m in EMBED.finditer(text)] + [m.span() for m in TAG.finditer(text)]
    return blank(text, spans) if spans else text
