"""One analysis for all documents: every block of every file in one ``nlp.pipe`` stream."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from newslint.analysis.attribution import speech_acts
from newslint.analysis.document import AnalysedBlock, Analysis
from newslint.analysis.lexicon import default_lexicon
from newslint.analysis.nlp import parse
from newslint.analysis.quote_attribution import attribute_quotes
from newslint.analysis.quotes import scan_quotes
from newslint.documents.model import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

BATCH_SIZE = 64


def analyse(documents: Sequence[Document], nlp: Language | None) -> Iterator[Analysis]:
    """Yield each document's analysis in order; with no model, a character-level one."""
    stream = _parse_stream(documents, nlp)
    for document in documents:
        docs = [next(stream) for _ in document.blocks] if nlp else [None] * len(document.blocks)
        yield _build(document, docs, parsed=nlp is not None and nlp.has_pipe("parser"))


def _parse_stream(documents: Sequence[Document], nlp: Language | None) -> Iterator[Doc]:
    if nlp is None:
        return iter(())
    texts = (block.text for document in documents for block in document.blocks)
    return parse(nlp, texts, BATCH_SIZE)


def _build(document: Document, docs: Iterable[Doc | None], parsed: bool) -> Analysis:
    blocks = [
        AnalysedBlock(i, b, d) for i, (b, d) in enumerate(zip(document.blocks, docs, strict=True))
    ]
    analysis = Analysis(document, blocks, scan_quotes(document))
    if parsed:
        lexicon = default_lexicon()
        for block in blocks:
            if block.doc is not None:
                block.acts = speech_acts(block.doc, lexicon, block.block.start)
        attribute_quotes(analysis)
    return analysis
