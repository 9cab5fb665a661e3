"""The shared analysis of one document: blocks, their parses, sentences and quotes."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from newslint.analysis.attribution import SpeechAct
from newslint.analysis.quotes import Quote, QuoteScan
from newslint.analysis.sourcing import WORD, Sourcing
from newslint.documents.model import Block, Document
from newslint.documents.source import Source

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class Sentence:
    """A sentence of one block; ``span`` is its spaCy span."""

    block: int
    span: Span
    start: int
    end: int


@dataclass
class AnalysedBlock:
    index: int
    block: Block
    doc: Doc | None
    acts: list[SpeechAct] = field(default_factory=list)

    def offset(self, token: Token) -> int:
        """Source offset of a token."""
        return self.block.start + token.idx

    def slice(self, start: int, end: int) -> str:
        """The block's prose between two source offsets."""
        return self.block.text[start - self.block.start : end - self.block.start]

    def tokens_from(self, start: int, end: int) -> Span | None:
        """The tokens that begin at a source offset in ``[start, end)``."""
        if self.doc is None:
            return None
        base = self.block.start
        first = bisect.bisect_left(self._token_starts, start - base)
        last = bisect.bisect_left(self._token_starts, end - base)
        return self.doc[first : max(first, last)]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.idx for t in self.doc or ()]

    def token_at(self, offset: int) -> Token | None:
        if self.doc is None:
            return None
        span = self.doc.char_span(
            offset - self.block.start, offset - self.block.start + 1, alignment_mode="expand"
        )
        return span[0] if span is not None and len(span) else None

    def act_for(self, token: Token) -> SpeechAct | None:
        """The speech act that attributes a token, if any."""
        return next(iter(self.acts_for(token.i)), None)

    def acts_for(self, index: int) -> list[SpeechAct]:
        """The speech acts that attribute the token at ``index``, in order."""
        return self._acts_of_token.get(index, [])

    @cached_property
    def _acts_of_token(self) -> dict[int, list[SpeechAct]]:
        """The acts attributing each token. ``acts`` are complete before anyone asks."""
        found: dict[int, list[SpeechAct]] = {}
        for act in self.acts:
            for i in act.region:
                found.setdefault(i, []).append(act)
        return found

    def sentences(self) -> Iterator[Sentence]:
        yield from self.sentence_list

    @cached_property
    def sentence_list(self) -> list[Sentence]:
        """The block's sentences, in order (none when it has no parse)."""
        if self.doc is None or not self.doc.has_annotation("SENT_START"):
            return []
        return [
            Sentence(
                self.index,
                span,
                self.block.start + span.start_char,
                self.block.start + span.end_char,
            )
            for span in self.doc.sents
        ]


@dataclass
class Analysis:
    """Everything rules may read about a document. Rules never call spaCy."""

    document: Document
    blocks: list[AnalysedBlock]
    quotes: QuoteScan

    @property
    def source(self) -> Source:
        return self.document.source

    @property
    def text(self) -> str:
        return self.document.source.text

    def sentences(self) -> Iterator[Sentence]:
        for block in self.blocks:
            yield from block.sentences()

    def quote_at(self, offset: int) -> Quote | None:
        return self.quotes.innermost(offset)

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """True if any of ``[start, end)`` lies inside a quotation."""
        return self.quotes.covers(start, end if end is not None else start + 1)

    def block_at(self, offset: int) -> AnalysedBlock | None:
        k = bisect.bisect_right(self._block_starts, offset) - 1
        found = self.blocks[k] if k >= 0 else None
        return found if found is not None and offset < found.block.end else None

    @cached_property
    def _block_starts(self) -> list[int]:
        """Start of each block; blocks are in source order and never overlap."""
        return [b.block.start for b in self.blocks]

    def token_at(self, offset: int) -> tuple[AnalysedBlock, Token] | None:
        """The parsed token at ``offset`` and its block, if there is one."""
        block = self.block_at(offset)
        token = block.token_at(offset) if block else None
        return (block, token) if block is not None and token is not None else None

    def body(self) -> list[AnalysedBlock]:
        """The prose blocks that are not headlines, headings or table cells (one list,
        built once: rules ask for it per paragraph; do not change it)."""
        return self._body

    @cached_property
    def _body(self) -> list[AnalysedBlock]:
        return [block for block in self.blocks if block.block.is_body]

    @cached_property
    def prose_words(self) -> int:
        """Words in the body: prose, without headlines and headings."""
        return sum(len(WORD.findall(block.block.text)) for block in self._body)

    def body_after(self, index: int, count: int) -> list[AnalysedBlock]:
        """The next ``count`` body blocks after block ``index``."""
        at = bisect.bisect_right(self._body_indices, index)
        return self._body[at : at + count]

    @cached_property
    def _body_indices(self) -> list[int]:
        return [block.index for block in self._body]

    def lead_in(self, block: AnalysedBlock) -> AnalysedBlock | None:
        """The nearest body block before ``block`` that ends with a colon and so leads
        in to someone else's words: "In a post, she wrote:", "From the Ledger:"."""
        at = bisect.bisect_left(self._lead_in_indices, block.index)
        return self.blocks[self._lead_in_indices[at - 1]] if at else None

    def set_off(self, block: AnalysedBlock) -> bool:
        """Whether ``block`` comes right after a lead-in ending with a colon: its words
        are a source's or another writer's, not the story's narrative."""
        lead = self.lead_in(block)
        at = bisect.bisect_left(self._body_indices, block.index)
        return lead is not None and at > 0 and self._body_indices[at - 1] == lead.index

    @cached_property
    def _lead_in_indices(self) -> list[int]:
        return [b.index for b in self._body if b.block.text.rstrip().endswith(":")]

    def first_use(self, lemma: str) -> tuple[int, int] | None:
        """(block index, token index) of the body's first token with ``lemma``."""
        return self._first_uses.get(lemma)

    @cached_property
    def _first_uses(self) -> dict[str, tuple[int, int]]:
        first: dict[str, tuple[int, int]] = {}
        for block in self._body:
            for token in block.doc or ():
                first.setdefault(token.lemma_, (block.index, token.i))
        return first

    def attribution_at(self, offset: int) -> SpeechAct | None:
        """Who says the words at ``offset``: a quote's speaker or a reporting clause."""
        quote = self.quote_at(offset)
        if quote is not None and quote.act is not None:
            return quote.act
        found = self.token_at(offset)
        return found[0].act_for(found[1]) if found else None

    @cached_property
    def sourcing(self) -> Sourcing:
        """The story-level sourcing model, built on first use."""
        return Sourcing(self)

    def speech_acts(self) -> Iterator[tuple[AnalysedBlock, SpeechAct]]:
        for block in self.blocks:
            for act in block.acts:
                yield block, act
