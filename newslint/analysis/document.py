"""The shared analysis of one document: blocks, their parses, sentences and quotes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from newslint.analysis.attribution import SpeechAct
from newslint.analysis.quotes import Quote, QuoteScan
from newslint.analysis.sourcing import Sourcing
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

    def token_at(self, offset: int) -> Token | None:
        if self.doc is None:
            return None
        span = self.doc.char_span(
            offset - self.block.start, offset - self.block.start + 1, alignment_mode="expand"
        )
        return span[0] if span is not None and len(span) else None

    def act_for(self, token: Token) -> SpeechAct | None:
        """The speech act that attributes a token, if any."""
        return next((act for act in self.acts if token.i in act.region), None)

    def sentences(self) -> Iterator[Sentence]:
        if self.doc is None or not self.doc.has_annotation("SENT_START"):
            return
        for span in self.doc.sents:
            start = self.block.start + span.start_char
            yield Sentence(self.index, span, start, self.block.start + span.end_char)


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
        return next((b for b in self.blocks if b.block.start <= offset < b.block.end), None)

    def token_at(self, offset: int) -> tuple[AnalysedBlock, Token] | None:
        """The parsed token at ``offset`` and its block, if there is one."""
        block = self.block_at(offset)
        token = block.token_at(offset) if block else None
        return (block, token) if block is not None and token is not None else None

    def body(self) -> list[AnalysedBlock]:
        """The prose blocks that are not headlines or headings."""
        return [block for block in self.blocks if not block.block.is_title]

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
