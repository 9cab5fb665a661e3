"""Which speech act, if any, each quotation belongs to.

A partial quote is attributed when its words lie in what a speech act attributes
("Ms Cruz said the union would "consider" it"). A direct quote takes a speech act
from its own sentence, from the sentence before when that ends in a colon, or from
the sentence after ("…," he said.). A direct quote right after an attributed one in
the same paragraph keeps its speaker, and a quote continued over paragraphs keeps the
attribution of its first paragraph.
"""

from __future__ import annotations

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
        sentences = list(block.sentences())
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
    inner = block.slice(quote.inner_start, quote.inner_end).strip()
    sentence = _sentence_at(sentences, quote.open)
    before = block.slice(sentence.start, quote.open).strip()
    after = block.slice(quote.end, sentence.end).strip()
    opens_clause = not before or before.endswith((":", ","))
    ends_clause = inner.endswith(SENTENCE_END) or not after.strip(TRAILING_PUNCTUATION)
    return inner[:1].isupper() and opens_clause and ends_clause


def _sentence_at(sentences: list[Sentence], offset: int) -> Sentence:
    return next((s for s in sentences if s.start <= offset < s.end), sentences[-1])


def _inner_words(quote: Quote, block: AnalysedBlock) -> set[int]:
    assert block.doc is not None
    inside = (t for t in block.doc if quote.open < block.offset(t) < quote.inner_end)
    return {t.i for t in inside if not t.is_punct}


def _partial_act(quote: Quote, block: AnalysedBlock) -> SpeechAct | None:
    """The act whose report holds the quoted words. Words a writer quotes inside a
    clause that picks out a noun ("regions that held 'referendums'") stay the writer's."""
    assert block.doc is not None
    inner = _inner_words(quote, block)
    for act in block.acts:
        if inner and inner <= act.region:
            first = block.doc[min(inner)]
            if not in_restrictive_clause(first, block.doc[act.verb]):
                return act
    return None


def _context(quote: Quote, block: AnalysedBlock, sentences: list[Sentence]) -> list[Sentence]:
    """The quote's sentences, plus a colon-ended one before and a tag sentence after."""
    around = [i for i, s in enumerate(sentences) if s.start < quote.end and quote.open < s.end]
    if not around:
        return []
    first, last = around[0], around[-1]
    chosen = set(around)
    if first > 0 and block.slice(block.block.start, quote.open).rstrip().endswith(":"):
        chosen.add(first - 1)
    tail = block.slice(quote.end, sentences[last].end)
    if last + 1 < len(sentences) and not tail.strip(TRAILING_PUNCTUATION):
        chosen.add(last + 1)
    return [sentences[i] for i in sorted(chosen)]


def _direct_act(quote: Quote, block: AnalysedBlock, sentences: list[Sentence]) -> SpeechAct | None:
    spans = [(s.span.start, s.span.end) for s in _context(quote, block, sentences)]
    for act in block.acts:
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
    head = block.slice(block.block.start, quote.open).rstrip()
    if not head.endswith((":", ",")):
        return None
    mark = block.token_at(block.block.start + len(head) - 1)
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
