"""An article's text as HTML: every character of the source, escaped, block by block,
with findings, attributions and markup as elements around their spans (split where
they cross, so that each keeps exactly its own text)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from newslint.documents.loader import load_document
from newslint.documents.model import Block
from newslint.documents.source import Source

# Controls other than tab and line feed, which HTML parsing would drop or rewrite (a
# carriage return becomes a line feed), written as character references to keep them.
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# How each kind of block is shown; the kind names the CSS class too.
BLOCK_TAGS = {
    "headline": "h2",
    "heading": "h3",
    "paragraph": "p",
    "list-item": "div",
    "block-quote": "blockquote",
}
# Among spans opening at one offset, which goes outside: sourcing shade, then
# findings, then dimmed markup.
ATTRIBUTION, FINDING, MARKUP = 0, 1, 2


def esc(text: str) -> str:
    """Text for an HTML text node or a quoted attribute value, in ASCII."""
    escaped = html.escape(text, quote=True)
    escaped = CONTROLS.sub(lambda m: f"&#{ord(m.group())};", escaped)
    return escaped.encode("ascii", "xmlcharrefreplace").decode("ascii")


@dataclass(frozen=True, eq=False)
class Span:
    """An element around source offsets ``[start, end)``. It may be split into pieces
    to nest with the others; the first piece carries ``anchor`` as its id."""

    start: int
    end: int
    layer: int
    tag: str
    attrs: str
    anchor: str = ""

    def opening(self, first: bool) -> str:
        anchor = f' id="{self.anchor}"' if first and self.anchor else ""
        return f"<{self.tag}{anchor} {self.attrs}>"

    def closing(self) -> str:
        return f"</{self.tag}>"


def nest(text: str, lo: int, hi: int, spans: Sequence[Span], opened: set[Span]) -> str:
    """``text[lo:hi]`` escaped, with each span that overlaps it as elements that nest:
    where two spans cross, the inner one is closed and opened again. An empty span is
    an empty element at its offset. ``opened`` holds the spans already started."""
    inside = [s for s in spans if s.start < hi and s.end > lo]
    empty = [s for s in spans if s.start == s.end and lo <= s.start < hi]
    points = sorted(
        {lo, hi} | {max(lo, s.start) for s in inside} | {min(hi, s.end) for s in inside}
    )
    out: list[str] = []
    stack: list[Span] = []
    for start, end in pairwise(points):
        active = [s for s in inside if s.start <= start and s.end >= end]
        keep = 0
        while keep < len(stack) and stack[keep] in active:
            keep += 1
        out += [s.closing() for s in reversed(stack[keep:])]
        del stack[keep:]
        for s in empty:
            if s.start == start:
                out += [s.opening(s not in opened), s.closing()]
                opened.add(s)
        for s in sorted((s for s in active if s not in stack), key=lambda s: (-s.end, s.layer)):
            out.append(s.opening(s not in opened))
            opened.add(s)
            stack.append(s)
        out.append(esc(text[start:end]))
    out += [s.closing() for s in reversed(stack)]
    return "".join(out)


def article_text(source: Source, spans: Sequence[Span]) -> str:
    """The whole source, block by block: each prose block on its lines, styled by kind,
    with its markup dimmed; what lies between (front matter, comments) as it is."""
    text = source.text
    document = load_document(source)
    at = document.source.original_offset  # HTML and Markdown references are decoded
    prose = bytearray(len(text))
    for block in document.blocks:
        for i, char in enumerate(block.text):
            if char != " ":  # a decoded reference is prose all the way through
                first, last = at(block.start + i), at(block.start + i + 1)
                prose[first:last] = b"\x01" * (last - first)
    blocks = [replace(b, start=at(b.start), end=at(b.end)) for b in document.blocks]
    pieces = list(_pieces(source, blocks))
    opened: set[Span] = set()
    out = ['<div class="text">']
    for (kind, lo, hi), near in zip(pieces, _near(spans, pieces), strict=True):
        if kind is None:
            out.append(_between(text, lo, hi, near, opened))
            continue
        markup = [Span(a, b, MARKUP, "span", 'class="mk"') for a, b in _markup(text, prose, lo, hi)]
        tag = BLOCK_TAGS.get(kind, "p")
        out.append(
            f'<{tag} class="b k-{kind}">{nest(text, lo, hi, [*near, *markup], opened)}</{tag}>'
        )
    out.append(_at_end(text, spans, opened))
    return "".join([*out, "</div>"])


def _pieces(source: Source, blocks: Sequence[Block]) -> Iterator[tuple[str | None, int, int]]:
    """(kind, start, end) of each block widened to whole lines, and (None, start, end)
    of the text between them: pieces that cover the text, in order."""
    done = 0
    for kind, start, end in _regions(source, blocks):
        if start > done:
            yield None, done, start
        yield kind, start, end
        done = end
    if done < len(source.text):
        yield None, done, len(source.text)


def _near(
    spans: Sequence[Span], pieces: Sequence[tuple[str | None, int, int]]
) -> Iterator[list[Span]]:
    """For each piece in order, the spans that may touch it."""
    ordered = sorted(spans, key=lambda s: s.start)
    live: list[Span] = []
    taken = 0
    for _, lo, hi in pieces:
        while taken < len(ordered) and ordered[taken].start <= hi:
            live.append(ordered[taken])
            taken += 1
        live = [s for s in live if s.end >= lo]
        yield live


def _regions(source: Source, blocks: Sequence[Block]) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of each block widened to whole lines, in order, not overlapping."""
    done = 0
    for block in sorted(blocks, key=lambda b: b.start):
        line = source.position(block.start)[0]
        start = max(done, source.line_starts[line - 1])
        last = source.position(max(block.start, block.end - 1))[0]
        end = source.line_starts[last - 1] + len(source.line_text(last))
        if end > start:
            yield block.kind.value, start, end
            done = end


def _markup(text: str, prose: bytearray, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Runs of characters in ``[lo, hi)`` that are neither prose nor white space."""
    start = None
    for i in range(lo, hi + 1):
        is_markup = i < hi and not prose[i] and not text[i].isspace()
        if is_markup and start is None:
            start = i
        elif not is_markup and start is not None:
            yield start, i
            start = None


def _between(text: str, lo: int, hi: int, spans: Sequence[Span], opened: set[Span]) -> str:
    """Text outside the prose blocks: line breaks alone are hidden, anything else shown."""
    if not text[lo:hi].strip():
        return f'<span class="gap">{nest(text, lo, hi, spans, opened)}</span>'
    return f'<div class="raw">{nest(text, lo, hi, spans, opened)}</div>'


def _at_end(text: str, spans: Sequence[Span], opened: set[Span]) -> str:
    """Empty spans at the very end of the text, which no piece of it holds."""
    return "".join(
        s.opening(s not in opened) + s.closing() for s in spans if s.start == s.end == len(text)
    )
