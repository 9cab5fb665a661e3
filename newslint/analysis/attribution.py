"""Who says so: reporting constructions that attribute quotations to a speaker.

A quote is attributed when its sentence holds a reporting verb with a subject
("X said", "said X", "X told Y:") whose complement holds the quote, or "according
to X". A direct quote may also take its reporting clause from the sentence before
(ending in a colon) or the one after ("…," he said.). Quotes continued over
paragraphs keep the attribution of their first paragraph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newslint.analysis.document import AnalysedBlock, Analysis, Sentence
from newslint.analysis.lexicon import Lexicon
from newslint.analysis.quotes import Quote

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
# A quote inside a clause the writer attached to a noun is the writer's description.
DESCRIPTIVE_DEPS = frozenset({"relcl", "acl", "appos"})
SENTENCE_END = tuple(".?!,…")

# (speaker span, cue span) as source offsets.
Cue = tuple[tuple[int, int], tuple[int, int]]


def attribute_quotes(analysis: Analysis, lexicon: Lexicon) -> None:
    """Fill ``direct``, ``speaker`` and ``cue`` on every quote of a parsed document."""
    previous: Quote | None = None
    for quote in analysis.quotes.quotes:
        block = analysis.blocks[quote.blocks[0]]
        sentences = list(block.sentences())
        if not sentences:
            continue
        quote.direct = is_direct(quote, block, sentences)
        found = _find_cue(quote, block, _context(quote, block, sentences), lexicon)
        if found:
            quote.speaker, quote.cue = found
        elif quote.direct and _continues(previous, quote):
            quote.speaker, quote.cue = previous.speaker, previous.cue
        if quote.depth == 0:
            previous = quote


def _continues(previous: Quote | None, quote: Quote) -> bool:
    """A direct quote right after an attributed one in the same paragraph: same speaker."""
    return (
        previous is not None
        and previous.attributed
        and previous.direct
        and previous.blocks[-1] == quote.blocks[0]
    )


def is_direct(quote: Quote, block: AnalysedBlock, sentences: list[Sentence]) -> bool:
    """A whole-sentence quote, as opposed to a few words quoted inside our sentence."""
    if len(quote.blocks) > 1:
        return True
    text = block.block.text
    base = block.block.start
    inner = text[quote.inner_start - base : quote.inner_end - base].strip()
    sentence = _sentence_at(sentences, quote.open)
    before = text[sentence.start - base : quote.open - base].strip()
    after = text[quote.end - base : sentence.end - base].strip()
    opens_clause = not before or before.endswith((":", ","))
    ends_clause = inner.endswith(SENTENCE_END) or not after.strip(".,;:!?")
    return inner[:1].isupper() and opens_clause and ends_clause


def _sentence_at(sentences: list[Sentence], offset: int) -> Sentence:
    return next((s for s in sentences if s.start <= offset < s.end), sentences[-1])


def _context(quote: Quote, block: AnalysedBlock, sentences: list[Sentence]) -> list[Span]:
    """Sentences where a reporting construction for the quote may stand."""
    overlapping = [i for i, s in enumerate(sentences) if s.start < quote.end and quote.open < s.end]
    if not overlapping:
        return []
    first, last = overlapping[0], overlapping[-1]
    chosen = set(overlapping)
    if quote.direct:
        text, base = block.block.text, block.block.start
        if first > 0 and text[: quote.open - base].rstrip().endswith(":"):
            chosen.add(first - 1)
        if last + 1 < len(sentences) and not text[
            quote.end - base : sentences[last].end - base
        ].strip(".,;:!? "):
            chosen.add(last + 1)
    return [sentences[i].span for i in sorted(chosen)]


def _find_cue(
    quote: Quote, block: AnalysedBlock, spans: Iterable[Span], lexicon: Lexicon
) -> Cue | None:
    inside = _quote_tokens(quote, block, spans)
    for token in _outside(quote, block, spans):
        if token.lower_ == "according":
            found = _according_to(token, block)
        elif lexicon.is_reporting_verb(token.lemma_) and token.pos_ in ("VERB", "AUX"):
            found = _reporting_verb(token, inside, block, require_path=not quote.direct)
        else:
            found = None
        if found:
            return found
    return None


def _quote_tokens(quote: Quote, block: AnalysedBlock, spans: Iterable[Span]) -> list[Token]:
    return [t for span in spans for t in span if quote.open < block.offset(t) < quote.inner_end]


def _outside(quote: Quote, block: AnalysedBlock, spans: Iterable[Span]) -> Iterator[Token]:
    for span in spans:
        for token in span:
            if not quote.open <= block.offset(token) < quote.end:
                yield token


def _char_span(block: AnalysedBlock, tokens: list[Token]) -> tuple[int, int]:
    start = min(block.offset(t) for t in tokens)
    return start, max(block.offset(t) + len(t.text) for t in tokens)


def _according_to(token: Token, block: AnalysedBlock) -> Cue | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if source is None:
        return None
    return _char_span(block, list(source.subtree)), _char_span(block, [token, to])


def _reporting_verb(
    verb: Token, inside: list[Token], block: AnalysedBlock, require_path: bool
) -> Cue | None:
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    inner = {t.i for t in inside}
    if any(inner & {t.i for t in s.subtree} for s in subjects):
        return None
    speakers = [s for s in subjects if s.dep_ in ("nsubj", "csubj")]
    if not speakers and verb.dep_ == "acl":
        speakers = [verb.head]  # "billboards proclaiming '…'"
    if not speakers or (require_path and not _governs(verb, inside)):
        return None
    speaker = speakers[0]
    words = [speaker] if verb.dep_ == "acl" else list(speaker.subtree)
    return _char_span(block, words), _char_span(block, [verb])


def _governs(verb: Token, inside: list[Token]) -> bool:
    """The quote sits in the verb's complement, not in a clause describing a noun."""
    inner = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in inner or t.head.i == t.i]
    if not heads:
        return False
    node = heads[0]
    while node.i != verb.i:
        if node.dep_ in DESCRIPTIVE_DEPS or node.head.i == node.i:
            return False
        node = node.head
    return True
