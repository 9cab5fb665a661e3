"""Which speech act, if any, each quotation belongs to.

A partial quote is attributed when its words lie in what a speech act attributes
("Ms Cruz said the union would "consider" it"). A direct quote takes a speech act
from its own sentence, from the sentence before when that ends in a colon, or from
the sentence after ("…," he said.). A direct quote right after an attributed one in
the same paragraph keeps its speaker, and a quote continued over paragraphs keeps the
attribution of its first paragraph.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from newslint.analysis.attribution import Kind, SpeechAct, in_restrictive_clause
from newslint.analysis.document import AnalysedBlock, Analysis, Sentence
from newslint.analysis.quotes import Quote

if TYPE_CHECKING:
    from spacy.tokens import Token

SENTENCE_END = tuple(".?!,…")
TRAILING_PUNCTUATION = ".,;:!? "
LABEL_WORDS = 10


def attribute_quotes(analysis: Analysis) -> None:
    """Fill ``direct`` and ``act`` on every quote of a parsed document."""
    previous: Quote | None = None
    for quote in analysis.quotes.quotes:
        block = analysis.blocks[quote.blocks[0]]
        sentences = block.sentence_list
        if not sentences:
            continue
        quote.direct = is_direct(quote, block, sentences)
        quote.act = (
            _direct_act(quote, block, sentences) if quote.direct else _partial_act(quote, block)
        )
        if quote.act is None and quote.direct:
            quote.act = _introduced_act(quote, block)
        if quote.act is None and quote.direct and _continues(previous, quote):
            quote.act = previous.act
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
    first = _first_from(block, quote.inner_start, quote.inner_end)
    last = _last_before(block, quote.inner_end, quote.inner_start)
    if last < first:
        return False
    sentence = _sentence_at(sentences, quote.open)
    before = block.slice(sentence.start, quote.open).strip()
    after = block.slice(quote.end, sentence.end).strip()
    opens_clause = not before or before.endswith((":", ","))
    ends_clause = text[last] in SENTENCE_END or not after.strip(TRAILING_PUNCTUATION)
    return text[first].isupper() and opens_clause and ends_clause


def _sentence_at(sentences: list[Sentence], offset: int) -> Sentence:
    k = bisect.bisect_right(sentences, offset, key=lambda s: s.start) - 1
    return sentences[k] if k >= 0 and offset < sentences[k].end else sentences[-1]


def _inner_words(quote: Quote, block: AnalysedBlock) -> set[int]:
    inside = block.tokens_from(quote.open + 1, quote.inner_end) or ()
    return {t.i for t in inside if not t.is_punct}


def _acts_from(block: AnalysedBlock, first: int, last: int) -> list[SpeechAct]:
    """The block's acts whose sentence starts at a token index in ``[first, last)``, in
    order (acts come in sentence order)."""
    start = bisect.bisect_left(block.acts, first, key=lambda a: a.sentence[0])
    end = bisect.bisect_left(block.acts, last, key=lambda a: a.sentence[0])
    return block.acts[start:end]


def _partial_act(quote: Quote, block: AnalysedBlock) -> SpeechAct | None:
    """The act whose report holds the quoted words. Words a writer quotes inside a
    clause that picks out a noun ("regions that held 'referendums'") stay the writer's."""
    assert block.doc is not None
    inner = _inner_words(quote, block)
    if not inner:
        return None
    for act in block.acts_for(min(inner)):
        if inner <= act.region:
            first = block.doc[min(inner)]
            if not in_restrictive_clause(first, block.doc[act.verb]):
                return act
    return None


def _context(quote: Quote, block: AnalysedBlock, sentences: list[Sentence]) -> list[Sentence]:
    """The quote's sentences, plus a colon-ended one before and a tag sentence after."""
    first = bisect.bisect_right(sentences, quote.open, key=lambda s: s.end)
    last = bisect.bisect_left(sentences, quote.end, key=lambda s: s.start) - 1
    if first > last:
        return []
    chosen = set(range(first, last + 1))
    before = _last_before(block, quote.open)
    if first > 0 and before >= 0 and block.block.text[before] == ":":
        chosen.add(first - 1)
    tail = block.slice(quote.end, sentences[last].end)
    if last + 1 < len(sentences) and not tail.strip(TRAILING_PUNCTUATION):
        chosen.add(last + 1)
    return [sentences[i] for i in sorted(chosen)]


def _direct_act(quote: Quote, block: AnalysedBlock, sentences: list[Sentence]) -> SpeechAct | None:
    spans = [(s.span.start, s.span.end) for s in _context(quote, block, sentences)]
    if not spans:
        return None
    for act in _acts_from(block, spans[0][0], spans[-1][1]):
        in_context = any(start <= act.sentence[0] < end for start, end in spans)
        outside = not quote.open <= act.cue[0] < quote.end
        if in_context and outside:
            return act
    return None


def _introduced_act(quote: Quote, block: AnalysedBlock) -> SpeechAct | None:
    """A quote a colon or a comma introduces: a label (``Ana Cruz: "…"``, ``More from Ms
    Cruz: "…"``) or the subject of the clause before ("He leaned in and boomed: "…"",
    "she wanted to know, "…"")."""
    assert block.doc is not None
    last = _last_before(block, quote.open)
    if last < 0 or block.block.text[last] not in ":,":
        return None
    mark = block.token_at(block.block.start + last)
    if mark is None or mark.text not in (":", ","):
        return None
    label = [t for t in block.doc[mark.sent.start : mark.i] if not t.is_punct]
    names = [t for t in label if t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper()]
    if mark.text == ":" and names and len(label) <= LABEL_WORDS:
        return _introducing_act(block, label, names[-1], mark)
    subject = _clause_subject(mark)
    if subject is None or subject.i > mark.i or subject.lower_ == "it":
        return None
    return _introducing_act(block, list(subject.subtree), subject, mark)


def _last_before(block: AnalysedBlock, offset: int, start: int | None = None) -> int:
    """Index in the block's text of the last non-space character in ``[start, offset)``
    (from the block's start by default), or one before ``start``. Found without copying
    the text, as one long paragraph may hold many quotes."""
    text = block.block.text
    low = 0 if start is None else start - block.block.start
    i = min(offset - block.block.start, len(text)) - 1
    while i >= low and text[i].isspace():
        i -= 1
    return i


def _first_from(block: AnalysedBlock, offset: int, end: int) -> int:
    """Index in the block's text of the first non-space character in ``[offset, end)``,
    or the index of ``end`` (clipped to the block)."""
    text = block.block.text
    high = min(end - block.block.start, len(text))
    i = offset - block.block.start
    while i < high and text[i].isspace():
        i += 1
    return i


def _clause_subject(mark: Token) -> Token | None:
    """The subject of the last clause before ``mark`` in its sentence (the quote after
    the mark may hold clauses of its own)."""
    before = mark.doc[mark.sent.start : mark.i]
    subjects = [t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head.i < mark.i]
    return subjects[-1] if subjects else None


def _introducing_act(
    block: AnalysedBlock, words: list[Token], head: Token, mark: Token
) -> SpeechAct:
    """A speech act whose cue is the colon or comma that introduces a quote."""
    return SpeechAct(
        Kind.REPORTED_SPEECH,
        (block.offset(words[0]), block.offset(words[-1]) + len(words[-1].text)),
        (block.offset(mark), block.offset(mark) + 1),
        None,
        (mark.sent.start, mark.sent.end),
        head=head.i,
        verb=mark.i,
    )
