"""Character references decoded for analysis, with every offset mapped back to the file.

An HTML or Markdown file writes ``&mdash;`` or ``&#8220;`` where it means one character.
Rules read the decoded character; findings point at the file. A ``DecodedSource`` is
the file's text with the references in its prose replaced by what they stand for: its
offsets are those the analysis sees, ``original_offset`` maps one back to the file,
and ``position`` gives the file's own line and column. A reference never holds a line
end in decoded text (one that decodes to a line end reads as a space), so lines keep
their numbers.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from html.entities import html5

from newslint.documents.model import Block, Document
from newslint.documents.source import Source

# A character reference as HTML reads one in text: named (a few legacy names may lack
# the semicolon), decimal or hexadecimal.
CHARACTER_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")
LINE_ENDS = str.maketrans({"\r": " ", "\n": " "})


@dataclass(frozen=True)
class Reference:
    """File offsets ``[start, end)`` of a character reference, and the text it stands for."""

    start: int
    end: int
    value: str


@dataclass(frozen=True)
class DecodedSource(Source):
    """The text the analysis reads, and the file it came from (``original``).

    ``decoded_starts[k]``/``decoded_ends[k]`` bound the k-th decoded reference, which
    stands at ``original_starts[k]``/``original_ends[k]`` in the file.
    """

    original: Source | None = field(default=None, repr=False, compare=False)
    decoded_starts: tuple[int, ...] = field(default=(), repr=False)
    decoded_ends: tuple[int, ...] = field(default=(), repr=False)
    original_starts: tuple[int, ...] = field(default=(), repr=False)
    original_ends: tuple[int, ...] = field(default=(), repr=False)

    def original_offset(self, offset: int) -> int:
        k = bisect_right(self.decoded_starts, offset) - 1
        if k < 0:
            return offset
        if offset >= self.decoded_ends[k]:
            return self.original_ends[k] + offset - self.decoded_ends[k]
        return self.original_starts[k] + offset - self.decoded_starts[k]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the file of an offset into the decoded text."""
        assert self.original is not None
        return self.original.position(self.original_offset(offset))


def decoded_document(document: Document, references: Iterable[Reference]) -> Document:
    """``document`` with ``references`` (inside its blocks, in the file's offsets) decoded
    in its source and its blocks; the same document when there are none."""
    found = sorted(references, key=lambda r: r.start)
    if not found:
        return document
    source = _decoded_source(document.source, found)
    blocks = tuple(_decoded_block(block, found, source) for block in document.blocks)
    return replace(document, source=source, blocks=blocks)


def _decoded_source(original: Source, references: Sequence[Reference]) -> DecodedSource:
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    done = length = 0
    for ref in references:
        pieces.append(original.text[done : ref.start])
        length += ref.start - done
        value = ref.value.translate(LINE_ENDS)
        pieces.append(value)
        starts.append(length)
        length += len(value)
        ends.append(length)
        done = ref.end
    pieces.append(original.text[done:])
    return DecodedSource(
        original.path,
        "".join(pieces),
        original.bom,
        original=original,
        decoded_starts=tuple(starts),
        decoded_ends=tuple(ends),
        original_starts=tuple(r.start for r in references),
        original_ends=tuple(r.end for r in references),
    )


def _decoded_block(block: Block, references: Sequence[Reference], source: DecodedSource) -> Block:
    first = bisect_left(source.original_starts, block.start)
    last = bisect_right(source.original_ends, block.end)
    inside = references[first:last]
    if not inside:
        start = _decoded_offset(source, block.start)
        return replace(block, start=start, end=start + len(block.text))
    pieces: list[str] = []
    done = block.start
    for ref in inside:
        pieces += [block.text[done - block.start : ref.start - block.start], ref.value]
        done = ref.end
    pieces.append(block.text[done - block.start :])
    text = "".join(pieces).translate(LINE_ENDS)
    start = _decoded_offset(source, block.start)
    return replace(block, start=start, end=start + len(text), text=text)


def _decoded_offset(source: DecodedSource, offset: int) -> int:
    """The decoded offset of a file offset that is not inside a reference."""
    k = bisect_right(source.original_ends, offset) - 1
    if k < 0:
        return offset
    return source.decoded_ends[k] + offset - source.original_ends[k]


def markdown_references(document: Document) -> list[Reference]:
    """The character references in a Markdown document's prose: in its blocks' text,
    where code spans and other markup are already blanked."""
    found = []
    for block in document.blocks:
        for match in CHARACTER_REFERENCE.finditer(block.text):
            written = match.group()
            named = not written.startswith("&#")
            if not written.endswith(";") or (named and written[1:] not in html5):
                continue  # CommonMark reads only a whole reference, semicolon and all
            value = html.unescape(written)
            if value != written:
                start = block.start + match.start()
                found.append(Reference(start, start + len(written), value))
    return found
