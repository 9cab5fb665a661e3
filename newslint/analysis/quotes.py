"""Finding quotations: which marks open and close quotes, and which are apostrophes.

Character level only, so it runs with or without a language model. Straight and
curly quotes, single and double, each have their own open/close logic; quotes may
nest; and an unclosed quote continues into the next paragraph when that paragraph
opens with a quote mark of the same kind (the multi-paragraph convention), or into
the next sentence when a mark of the same kind reopens it right after the sentence's
end (the same convention, with the paragraphs run together on one line), or into
the next paragraph when that paragraph's first mark closes it (one paragraph broken
in two).

Marks are read where they stand, as a reader reads them: two single quotes ('') are
a double quote, as some archives write it (and '.' after a full stop closes one); a
curly mark typed the wrong way round closes or opens by its place (``abhorrent“ in``,
``”get``); a mark after a digit is a prime (6'2") unless it closes an open quote; and
quote marks inside markup tags (``<a href="…">``) are not quotation marks at all.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from newslint.analysis.attribution import SpeechAct
from newslint.analysis.intervals import AnyOverlapping, FirstHolding
from newslint.documents.model import Block, Document


class Mark(str, Enum):
    DOUBLE = "double"
    SINGLE = "single"


Run = tuple[int, int]  # a run of adjacent quote marks, [start, end)


class Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    APOSTROPHE = "apostrophe"


QUOTE_CHARS = {'"': Mark.DOUBLE, "“": Mark.DOUBLE, "”": Mark.DOUBLE, "„": Mark.DOUBLE}
QUOTE_CHARS |= {"'": Mark.SINGLE, "‘": Mark.SINGLE, "’": Mark.SINGLE}
DOUBLED = ("''", "‘‘", "’’")
SPLIT_CLOSER = "'.'"
BRACKETS = "([{"
OPENING_CONTEXT = set(BRACKETS + "—–-/\"'“‘„")
SENTENCE_END = tuple(".!?")
ELISIONS = ("em", "tis", "twas", "til", "cause", "bout", "t ", "n ", "n’", "n'")
FEET_INCHES = re.compile(r"\d['’]\d{1,2}$")
QUOTE_RUN = re.compile(f"[{re.escape(''.join(QUOTE_CHARS))}]+")
MARKUP = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")


@dataclass
class Quote:
    """A quotation, from its opening mark to its closing mark.

    ``end`` is one past the closing mark; for a quote never closed, the end of the
    last block it reaches. ``width`` is the length of the opening mark (2 for '').
    ``reopens`` are the marks that reopen it in later paragraphs or sentences.
    Attribution fields are filled by the attribution analysis.
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
    width: int = 1

    @property
    def inner_start(self) -> int:
        return self.open + self.width

    @property
    def inner_end(self) -> int:
        return self.close if self.close is not None else self.end

    @property
    def attributed(self) -> bool:
        return self.act is not None

    @property
    def last_open(self) -> int:
        """The mark that opened the quote's last part: where its closing mark is missing."""
        return self.reopens[-1] if self.reopens else self.open

    def contains(self, offset: int) -> bool:
        return self.open < offset < self.inner_end

    def inner(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]


@dataclass
class QuoteScan:
    """The quotes of a document, in the order they open. The lookups index them on first
    use, so ``quotes`` is complete and in order before anyone asks."""

    quotes: list[Quote] = field(default_factory=list)
    stray_closers: list[int] = field(default_factory=list)

    def innermost(self, offset: int) -> Quote | None:
        """The most deeply nested quote around ``offset``, if any."""
        return self._innermost.at(offset)

    def covers(self, start: int, end: int) -> bool:
        """True if any part of ``[start, end)`` is inside a quote."""
        return self._inside.overlaps(start, end)

    def opening_in(self, start: int, end: int) -> list[Quote]:
        """The quotes whose opening mark is in ``[start, end)``, by where they open."""
        opens = self._opens
        return self.quotes[bisect.bisect_left(opens, start) : bisect.bisect_left(opens, end)]

    @cached_property
    def _opens(self) -> list[int]:
        return [q.open for q in self.quotes]

    @cached_property
    def _innermost(self) -> FirstHolding[Quote]:
        ranked = sorted(enumerate(self.quotes), key=lambda iq: (-iq[1].depth, iq[0]))
        return FirstHolding((q.open + 1, q.inner_end, q) for _, q in ranked)

    @cached_property
    def _inside(self) -> AnyOverlapping:
        return AnyOverlapping((q.open, q.inner_end) for q in self.quotes)


def mark_at(text: str, offset: int) -> str:
    """The quote mark that starts at ``offset``: one character, or two single quotes."""
    return text[offset : offset + 2] if text.startswith(DOUBLED, offset) else text[offset]


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace() or unicodedata.category(ch) == "Cf"


def _blank(text: str, start: int = 0, end: int | None = None) -> bool:
    """True if ``text[start:end]`` holds only spaces (and invisible format marks)."""
    return all(_is_space(text[k]) for k in range(start, len(text) if end is None else end))


@dataclass(frozen=True)
class _Context:
    """A mark and what stands around it; adjacent marks (``."'``) share one context.

    ``prev`` and ``nxt`` are the characters around the run of marks ("" for a
    space), ``touching`` the two characters right beside the mark itself.
    """

    char: str
    prev: str
    nxt: str
    touching: str
    at_start: bool
    at_end: bool
    rest: str

    @property
    def opens_word(self) -> bool:
        return self.prev == "" or self.prev in OPENING_CONTEXT


def _context(text: str, i: int, width: int, run: Run | None = None) -> _Context:
    start, end = run if run is not None else _run_around(text, i, width)
    prev, nxt = text[start - 1 : start], text[end : end + 1]
    return _Context(
        char=text[i],
        prev="" if _is_space(prev) else prev,
        nxt="" if _is_space(nxt) else nxt,
        touching=text[i - 1 : i] + text[i + width : i + width + 1],
        at_start=_blank(text, 0, start),
        at_end=_blank(text, end),
        rest=text[end : end + 6].lower(),
    )


def _run_around(text: str, i: int, width: int) -> Run:
    """The run of adjacent quote marks the mark at ``i`` stands in."""
    start, end = i, i + width
    while start > 0 and text[start - 1] in QUOTE_CHARS:
        start -= 1
    while end < len(text) and text[end] in QUOTE_CHARS:
        end += 1
    return start, end


def _kind(text: str, i: int, width: int) -> Mark:
    return Mark.DOUBLE if width == 2 else QUOTE_CHARS[text[i]]


def role(
    text: str, i: int, open_marks: Sequence[Mark], width: int = 1, run: Run | None = None
) -> Role:
    """Decide what the quote mark at ``text[i]`` does, given the open quotes; ``run``
    is the run of adjacent marks it stands in, when the caller knows it."""
    at = _context(text, i, width, run)
    mark = _kind(text, i, width)
    if width == 1 and at.char in "'’‘" and _apostrophe(at):
        return Role.APOSTROPHE
    prime = FEET_INCHES.search(text, max(0, i - 4), i) is not None
    if prime or (at.prev.isdigit() and mark not in open_marks):
        return Role.APOSTROPHE  # a prime: 6'2", 5’2”, a 30" screen
    if at.char in "“„‘":
        return _left_glyph(at, mark, open_marks)
    if at.char == "”":
        opens = at.at_start or (at.opens_word and at.nxt.isalnum())
        return Role.OPEN if opens and not at.at_end else Role.CLOSE
    return _straight(at, mark, open_marks)


def _apostrophe(at: _Context) -> bool:
    if len(at.touching) == 2 and (at.touching.isalpha() or at.touching.isdigit()):
        return True  # O'Brien, don’t, 6'2
    return at.opens_word and (at.nxt.isdigit() or at.rest.startswith(ELISIONS))


def _left_glyph(at: _Context, mark: Mark, open_marks: Sequence[Mark]) -> Role:
    """“ and ‘ open, unless they stand where only a closing mark can: after a word
    and before a space or punctuation ("abhorrent“ in"), alone between spaces while
    a quote of their kind is open, or at a paragraph's end."""
    after_word = at.prev not in ("", *BRACKETS, *QUOTE_CHARS) and not at.nxt.isalnum()
    standing_alone = at.prev == "" and at.nxt == "" and mark in open_marks
    if at.at_start or not (at.at_end or after_word or standing_alone):
        return Role.OPEN
    if mark is Mark.SINGLE and mark not in open_marks:
        return Role.APOSTROPHE
    return Role.CLOSE


def _straight(at: _Context, mark: Mark, open_marks: Sequence[Mark]) -> Role:
    if at.opens_word and at.nxt != "":
        return Role.OPEN
    if mark is Mark.SINGLE:
        return Role.CLOSE if mark in open_marks else Role.APOSTROPHE
    if at.prev and not at.nxt.isalnum():
        return Role.CLOSE
    return Role.CLOSE if mark in open_marks else Role.OPEN  # glued: said:"I, about"joint


def _widths(text: str, i: int, bounds: Run) -> list[int]:
    """The marks in a run of one single-quote character at ``i``: two make a double
    quote, three a double and a single (opening) or a single and a double (closing)."""
    run = 1
    while i + run < len(text) and text[i + run] == text[i]:
        run += 1
    if run == 3:
        at = _context(text, i, 3, bounds)
        return [2, 1] if at.opens_word and at.nxt != "" else [1, 2]
    return [2] * (run // 2) + [1] * (run % 2)


def without_markup(text: str) -> str:
    """``text`` with markup tags (``<a href="…">``) blanked: their quotes are not prose."""
    return MARKUP.sub(lambda m: " " * len(m.group()), text) if "<" in text else text


def marks(text: str) -> Iterator[tuple[int, int]]:
    """Each quote mark of a text as (offset, width)."""
    return ((i, width) for i, width, _ in marks_in_runs(text))


def marks_in_runs(text: str) -> Iterator[tuple[int, int, Run]]:
    """Each quote mark of a text as (offset, width, the run of adjacent marks it is in)."""
    for found in QUOTE_RUN.finditer(text):
        run = found.span()
        i = found.start()
        while i < found.end():
            widths = _widths(text, i, run) if QUOTE_CHARS[text[i]] is Mark.SINGLE else [1]
            for width in widths:
                yield i, width, run
                i += width


@dataclass
class _Open:
    """A quote mark as the scanner holds it: an open quote, or a closing mark."""

    mark: Mark
    glyph: str
    offset: int
    width: int
    blocks: list[int]
    reopens: list[int] = field(default_factory=list)


class _Scanner:
    def __init__(self, document: Document) -> None:
        self.blocks = document.blocks
        self.stack: list[_Open] = []
        self.open_kinds: Counter[Mark] = Counter()  # marks of the stack, so no rescan per mark
        self.reopened: int | None = None
        self.stray: _Open | None = None
        self.result = QuoteScan()

    def run(self) -> QuoteScan:
        for index, block in enumerate(self.blocks):
            self._scan_block(index, block)
            self._end_block(index, block)
        return self.result

    def _scan_block(self, index: int, block: Block) -> None:
        text = without_markup(block.text)
        skip = self.reopened
        for i, width, run in marks_in_runs(text):
            offset = block.start + i
            if offset == skip:
                continue
            mark = _kind(text, i, width)
            what = role(text, i, [m for m, n in self.open_kinds.items() if n], width, run)
            if self._split_closer(text, i):
                self._close(_Open(Mark.DOUBLE, text[i], offset, len(SPLIT_CLOSER), [index]))
                skip = offset + len(SPLIT_CLOSER) - 1
            elif what is Role.OPEN and self._reopens(text, i):
                self.stack[-1].reopens.append(offset)
            elif what is Role.OPEN:
                self._push(_Open(mark, text[i], offset, width, [index]))
            elif what is Role.CLOSE:
                self._close(_Open(mark, text[i], offset, width, [index]))
        if self.stray is not None:
            self.result.stray_closers.append(self.stray.offset)
            self.stray = None

    def _push(self, opened: _Open) -> None:
        self.stack.append(opened)
        self.open_kinds[opened.mark] += 1

    def _truncate(self, depth: int) -> None:
        """Drop the open quotes from ``depth`` up."""
        for opened in self.stack[depth:]:
            self.open_kinds[opened.mark] -= 1
        del self.stack[depth:]

    def _split_closer(self, text: str, i: int) -> bool:
        """Archives that write a double quote as two single ones ('') sometimes close
        a quote ending in a full stop with '.' ("Syria.'.')"): that closes the '' quote."""
        if not text.startswith(SPLIT_CLOSER, i) or text.startswith("'", i + len(SPLIT_CLOSER)):
            return False
        top = self.stack[-1] if self.stack else None
        return top is not None and top.width == 2 and top.glyph == "'" and text[i - 1 : i] == "."

    def _reopens(self, text: str, i: int) -> bool:
        """A mark like the open quote's, opening a sentence inside it, continues it:
        the next paragraph of the quote, run together on one line."""
        if not self.stack or self.stack[-1].glyph != text[i]:
            return False
        j = i - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        return 0 <= j < i - 1 and text[j] in SENTENCE_END

    def _close(self, closing: _Open) -> None:
        mark, offset = closing.mark, closing.offset
        depth = self._depth_of(mark)
        if depth is None:
            self._stray(closing)
            return
        for inner_depth in range(depth + 1, len(self.stack)):
            self._record(self.stack[inner_depth], inner_depth, None, offset)
        opened = self.stack[depth]
        self._truncate(depth)
        self._record(opened, depth, offset, offset + closing.width)

    def _depth_of(self, mark: Mark) -> int | None:
        """Depth of the innermost open quote of ``mark``'s kind, if one is open."""
        if not self.open_kinds[mark]:
            return None
        return next(d for d in range(len(self.stack) - 1, -1, -1) if self.stack[d].mark is mark)

    def _stray(self, closing: _Open) -> None:
        """Two closing marks with no opening one in a paragraph: the first, typed the
        wrong way round, opened the quote the second closes (He says,” we … .”)."""
        if closing.mark is not Mark.DOUBLE:
            return
        if self.stray is None:
            self.stray = closing
            return
        opened, self.stray = self.stray, None
        self._record(opened, len(self.stack), closing.offset, closing.offset + closing.width)

    def _end_block(self, index: int, block: Block) -> None:
        if not self.stack:
            return
        nxt = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        outer = self.stack[0]
        reopen = self._reopening_mark(block, nxt, outer.mark)
        continues = reopen is not None or self._closed_in(block, nxt, outer.mark)
        for depth, opened in reversed(list(enumerate(self.stack))):
            if opened is outer and continues:
                continue
            self._record(opened, depth, None, block.end)
        self._truncate(0)
        if continues:
            self._push(outer)
        self.reopened = reopen
        if reopen is not None:
            outer.reopens.append(reopen)
        if continues:
            outer.blocks.append(index + 1)

    def _closed_in(self, block: Block, nxt: Block | None, mark: Mark) -> bool:
        """The next paragraph's first quote mark closes a quote of this kind: one
        paragraph broken in two, with no mark to reopen it ("…since the election
        in¶1988. … those lies," he says.)."""
        if nxt is None or block.is_title or nxt.is_title:
            return False
        text = without_markup(nxt.text)
        first = next(marks(text), None)
        if first is None:
            return False
        i, width = first
        return _kind(text, i, width) is mark and role(text, i, [], width) is Role.CLOSE

    def _reopening_mark(self, block: Block, nxt: Block | None, mark: Mark) -> int | None:
        """Offset of the mark that continues a quote into ``nxt``, if it does."""
        if nxt is None or block.is_title or nxt.is_title:
            return None
        text = without_markup(nxt.text)
        first = next(marks(text), None)
        if first is None or not _blank(text, 0, first[0]):
            return None
        i, width = first
        if _kind(text, i, width) is not mark or role(text, i, [], width) is not Role.OPEN:
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
            width=opened.width,
        )
        self.result.quotes.append(quote)


def scan_quotes(document: Document) -> QuoteScan:
    """All quotations in a document, in the order they open."""
    scan = _Scanner(document).run()
    scan.quotes.sort(key=lambda q: q.open)
    return scan
