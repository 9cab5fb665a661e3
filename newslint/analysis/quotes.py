"""Finding quotations: which marks open and close quotes, and which are apostrophes.

Character level only, so it runs with or without a language model. Straight and
curly quotes, single and double, each have their own open/close logic; quotes may
nest; and an unclosed quote continues into the next paragraph when that paragraph
opens with a quote mark of the same kind (the multi-paragraph convention).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from newslint.analysis.attribution import SpeechAct
from newslint.documents.model import Block, Document


class Mark(str, Enum):
    DOUBLE = "double"
    SINGLE = "single"


class Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    APOSTROPHE = "apostrophe"


QUOTE_CHARS = {'"': Mark.DOUBLE, "“": Mark.DOUBLE, "”": Mark.DOUBLE, "„": Mark.DOUBLE}
QUOTE_CHARS |= {"'": Mark.SINGLE, "‘": Mark.SINGLE, "’": Mark.SINGLE}
OPENING_CONTEXT = set("([{—–-/\"'“‘„")
ELISIONS = ("em", "tis", "twas", "til", "cause", "n ", "n’", "n'")


@dataclass
class Quote:
    """A quotation, from its opening mark to its closing mark.

    ``end`` is one past the closing mark; for a quote never closed, the end of the
    last block it reaches. ``reopens`` are the marks that reopen it in later
    paragraphs. Attribution fields are filled by the attribution analysis.
    """

    mark: Mark
    open: int
    close: int | None
    end: int
    blocks: tuple[int, ...]
    depth: int
    reopens: tuple[int, ...] = ()
    direct: bool = False
    act: SpeechAct | None = None

    @property
    def inner_start(self) -> int:
        return self.open + 1

    @property
    def inner_end(self) -> int:
        return self.close if self.close is not None else self.end

    @property
    def attributed(self) -> bool:
        return self.act is not None

    def contains(self, offset: int) -> bool:
        return self.open < offset < self.inner_end

    def inner(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]


@dataclass
class QuoteScan:
    quotes: list[Quote] = field(default_factory=list)
    stray_closers: list[int] = field(default_factory=list)

    def innermost(self, offset: int) -> Quote | None:
        """The most deeply nested quote around ``offset``, if any."""
        around = [q for q in self.quotes if q.contains(offset)]
        return max(around, key=lambda q: q.depth, default=None)

    def covers(self, start: int, end: int) -> bool:
        """True if any part of ``[start, end)`` is inside a quote."""
        return any(q.open < end and start < q.inner_end for q in self.quotes)


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _elided(text: str, i: int) -> bool:
    return text[i + 1 : i + 6].lower().startswith(ELISIONS)


def role(text: str, i: int, open_marks: Sequence[Mark]) -> Role:
    """Decide what the quote character at ``text[i]`` does, given the open quotes."""
    ch, prev, nxt = text[i], text[i - 1 : i], text[i + 1 : i + 2]
    if ch in "“„":
        return Role.OPEN
    if ch == "”":
        return Role.CLOSE
    opens_word = _is_space(prev) or prev in OPENING_CONTEXT
    if ch in "'’‘" and (prev.isalpha() and nxt.isalpha()):
        return Role.APOSTROPHE
    if ch in "'’‘" and opens_word and (nxt.isdigit() or _elided(text, i)):
        return Role.APOSTROPHE
    if ch == "‘":
        return Role.OPEN
    mark = QUOTE_CHARS[ch]
    if opens_word and not _is_space(nxt):
        return Role.OPEN
    if mark is Mark.SINGLE:
        return Role.CLOSE if mark in open_marks else Role.APOSTROPHE
    if not _is_space(prev):
        return Role.CLOSE
    return Role.CLOSE if mark in open_marks else Role.OPEN


@dataclass
class _Open:
    mark: Mark
    offset: int
    blocks: list[int]
    reopens: list[int] = field(default_factory=list)


class _Scanner:
    def __init__(self, document: Document) -> None:
        self.blocks = document.blocks
        self.stack: list[_Open] = []
        self.reopened: int | None = None
        self.result = QuoteScan()

    def run(self) -> QuoteScan:
        for index, block in enumerate(self.blocks):
            self._scan_block(index, block)
            self._end_block(index, block)
        return self.result

    def _scan_block(self, index: int, block: Block) -> None:
        text = block.text
        for i, ch in enumerate(text):
            if ch not in QUOTE_CHARS or block.start + i == self.reopened:
                continue
            what = role(text, i, [o.mark for o in self.stack])
            if what is Role.OPEN:
                self.stack.append(_Open(QUOTE_CHARS[ch], block.start + i, [index]))
            elif what is Role.CLOSE:
                self._close(QUOTE_CHARS[ch], block.start + i)

    def _close(self, mark: Mark, offset: int) -> None:
        depth = next(
            (d for d in range(len(self.stack) - 1, -1, -1) if self.stack[d].mark is mark), None
        )
        if depth is None:
            if mark is Mark.DOUBLE:
                self.result.stray_closers.append(offset)
            return
        for inner_depth in range(depth + 1, len(self.stack)):
            self._record(self.stack[inner_depth], inner_depth, None, offset)
        opened = self.stack[depth]
        del self.stack[depth:]
        self._record(opened, depth, offset, offset + 1)

    def _end_block(self, index: int, block: Block) -> None:
        if not self.stack:
            return
        nxt = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        outer = self.stack[0]
        reopen = self._reopening_mark(block, nxt, outer.mark)
        for depth, opened in reversed(list(enumerate(self.stack))):
            if opened is outer and reopen is not None:
                continue
            self._record(opened, depth, None, block.end)
        self.stack = [outer] if reopen is not None else []
        self.reopened = reopen
        if reopen is not None:
            outer.reopens.append(reopen)
            outer.blocks.append(index + 1)

    def _reopening_mark(self, block: Block, nxt: Block | None, mark: Mark) -> int | None:
        """Offset of the mark that continues a quote into ``nxt``, if it does."""
        if nxt is None or block.is_title or nxt.is_title:
            return None
        stripped = nxt.text.lstrip()
        if not stripped or QUOTE_CHARS.get(stripped[0]) is not mark:
            return None
        i = len(nxt.text) - len(stripped)
        if role(nxt.text, i, []) is not Role.OPEN:
            return None
        return nxt.start + i

    def _record(self, opened: _Open, depth: int, close: int | None, end: int) -> None:
        quote = Quote(
            mark=opened.mark,
            open=opened.offset,
            close=close,
            end=end,
            blocks=tuple(opened.blocks),
            depth=depth,
            reopens=tuple(opened.reopens),
        )
        self.result.quotes.append(quote)


def scan_quotes(document: Document) -> QuoteScan:
    """All quotations in a document, in the order they close."""
    scan = _Scanner(document).run()
    scan.quotes.sort(key=lambda q: q.open)
    return scan
