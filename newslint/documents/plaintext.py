"""Plain text: blank lines separate paragraphs; a short first block may be the headline."""

from __future__ import annotations

import re

from newslint.documents.model import Block, BlockKind, Document, blank, prose_slice
from newslint.documents.source import Source

PARAGRAPH = re.compile(r"\S(?:[^\r\n]*\S)?(?:[ \t]*(?:\r\n|\r|\n)[ \t]*\S(?:[^\r\n]*\S)?)*")
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


def headline_with_deck(text: str) -> bool:
    """A first block of two short lines, the first a headline and the second starting a
    deck (standfirst) of its own: "Ferry fares to rise;" then "Islanders face 8% increase."
    A hard-wrapped first paragraph runs on: its first line ends mid-sentence."""
    lines = text.strip().splitlines()
    if len(lines) != 2 or any(len(line.split()) > TITLE_MAX_WORDS for line in lines):
        return False
    head, deck = (line.strip() for line in lines)
    headline = looks_like_title(head) or title_case_headline(head) or head.endswith((";", ":"))
    return headline and deck[:1].isupper()


def parse_plaintext(source: Source) -> Document:
    blocks = []
    matches = list(PARAGRAPH.finditer(source.text))
    for match in matches:
        start, end = match.span()
        kind = BlockKind.PARAGRAPH
        first = not blocks and len(matches) > 1
        text = match.group()
        if looks_like_title(text) or (
            first and (title_case_headline(text) or headline_with_deck(text))
        ):
            kind = BlockKind.HEADING if blocks else BlockKind.HEADLINE
        blocks.append(Block(kind, start, end, _without_markup(prose_slice(source, start, end))))
    return Document(source=source, blocks=tuple(blocks))


def _without_markup(text: str) -> str:
    """Tags pasted into plain text, and the embeds they wrap, blanked like Markdown's HTML."""
    spans = [m.span() for m in EMBED.finditer(text)] + [m.span() for m in TAG.finditer(text)]
    return blank(text, spans) if spans else text
