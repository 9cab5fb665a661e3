"""The story-level sourcing model: every attribution, and how near a claim's source is.

Real copy sources by paragraph and by story, not one sentence at a time. This model
lists every attribution in a document (speech acts and direct quotes, each with its
source, cue, kind and the words it attributes) and answers, for any offset, "is this
sourced, by whom, and how near?":

- ``sentence``: the words are attributed, or their sentence names a source;
- ``next-sentence``: the sentence after names one ("The figures were published by …");
- ``paragraph``: another sentence of the paragraph attributes something;
- ``previous-paragraph``: the paragraph before cites a document, or an organisation
  that reports or estimates ("A report by the bureau found …");
- ``lead``: such a source in the lead ("Official figures show …", "…, the statistics
  office reported") governs the story;
- ``story``: a poll, survey or study cited anywhere covers the story's statistics.
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING

from newslint.analysis.attribution import Kind, SpeechAct
from newslint.analysis.intervals import AnyOverlapping, FirstHolding
from newslint.analysis.lexicon import Lexicon, default_lexicon, words
from newslint.analysis.nlp import Need

WORD = re.compile(r"\S+")
# What the sourcing model reads: the parse, and entities to tell sources apart.
SOURCING_NEEDS = frozenset({Need.PARSE, Need.ENTITIES})

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newslint.analysis.document import AnalysedBlock, Analysis, Sentence
    from newslint.analysis.quotes import Quote


class Reach(str, Enum):
    """How near a claim's source is, nearest first."""

    SENTENCE = "sentence"
    NEXT_SENTENCE = "next-sentence"
    PARAGRAPH = "paragraph"
    PREVIOUS_PARAGRAPH = "previous-paragraph"
    LEAD = "lead"
    STORY = "story"


KIND_NAMES = {
    Kind.REPORTED_SPEECH: "indirect-speech",
    Kind.ACCORDING_TO: "according-to",
    Kind.ATTRIBUTION_NOUN: "attribution-noun",
    Kind.CARRIED_OVER: "carried-over",
}
DIRECT_QUOTE = "direct-quote"
PARTIAL_QUOTE = "partial-quote"  # a few quoted words nobody in the sentence is said to say
PERSON_LABELS = frozenset({"PERSON"})
ORGANISATION_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})


@dataclass(frozen=True)
class Attribution:
    """One attribution: who (``source``, offsets as written), how (``cue``, ``kind``),
    and the words attributed (``content``, source offsets ``[start, end)``).

    ``source_type`` is "person", "organisation", "document", "anonymous" or "none";
    ``named`` is true when the source, or the name a pronoun carries over, is named.
    """

    kind: str
    source: tuple[int, int] | None
    source_type: str
    named: bool
    cue: tuple[int, int] | None
    content: tuple[tuple[int, int], ...]
    block: int
    sentence: int


@dataclass(frozen=True)
class Coverage:
    attribution: Attribution | None
    reach: Reach


class Sourcing:
    """Every attribution of one analysed document, indexed by sentence and offset."""

    def __init__(self, analysis: Analysis) -> None:
        # The analysis keeps this model: a strong reference back would make the pair a
        # cycle, and every document's parse would outlive its lint until the garbage
        # collector's next full pass, the peak memory of a long run growing meanwhile.
        self._analysis = weakref.ref(analysis)
        self.lexicon = default_lexicon()
        self.sentences: list[Sentence] = list(analysis.sentences())
        self._starts = [s.start for s in self.sentences]
        self.attributions = self._collect()
        self._by_sentence: dict[int, list[Attribution]] = {}
        self._by_block: dict[int, list[Attribution]] = {}
        for attribution in self.attributions:
            self._by_sentence.setdefault(attribution.sentence, []).append(attribution)
            self._by_block.setdefault(attribution.block, []).append(attribution)
        self._quoted_across = [
            a for a in self.attributions if a.kind == DIRECT_QUOTE and len(a.content) > 1
        ]
        self._paragraphs: dict[int, list[int]] = {}
        for i, sentence in enumerate(self.sentences):
            self._paragraphs.setdefault(sentence.block, []).append(i)
        self._blocks = sorted(self._paragraphs)
        self._holding: dict[int, FirstHolding[Attribution]] = {}
        self._citing = {i for i, s in enumerate(self.sentences) if self._names_a_source(s)}
        self._speaking = {self.sentence_of(act.cue[0]) for _, act in analysis.speech_acts()}

    @property
    def analysis(self) -> Analysis:
        analysis = self._analysis()
        assert analysis is not None, "a sourcing model outlived its analysis"
        return analysis

    @cached_property
    def attributed_words(self) -> int:
        """How many words some attribution says a source says, each word once."""
        text = self.analysis.text
        return len(
            {
                start + m.start()
                for attribution in self.attributions
                for start, end in attribution.content
                for m in WORD.finditer(text, start, end)
            }
        )

    def sentence_of(self, offset: int) -> int | None:
        """Index of the sentence holding ``offset``, if a parsed sentence does."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i if i >= 0 and offset < self.sentences[i].end else None

    def attributing(self, offset: int) -> Attribution | None:
        """The attribution whose content holds ``offset``: one of its paragraph's, else a
        quote running over paragraphs; outside any parsed sentence, any attribution."""
        index = self.sentence_of(offset)
        if index is None:
            return self._holding_any.at(offset)
        block = self.sentences[index].block
        if block not in self._holding:
            self._holding[block] = _first_holding(self._by_block.get(block, []))
        found = self._holding[block].at(offset)
        return found if found is not None else self._holding_across.at(offset)

    @cached_property
    def _holding_any(self) -> FirstHolding[Attribution]:
        return _first_holding(self.attributions)

    @cached_property
    def _holding_across(self) -> FirstHolding[Attribution]:
        return _first_holding(self._quoted_across)

    def coverage(self, offset: int) -> Coverage | None:
        """How near the source of the words at ``offset`` is, or None if nothing sources them."""
        found = self.attributing(offset)
        if found is not None:
            return Coverage(found, Reach.SENTENCE)
        index = self.sentence_of(offset)
        if index is None:
            return None
        for reach, sentences in self._around(index):
            for i in sentences:
                found = self._by_sentence.get(i, [])
                if reach is Reach.NEXT_SENTENCE:
                    found = [a for a in found if a.source_type == "document"]
                    sourced = bool(found) or i in self._citing
                elif reach is Reach.PREVIOUS_PARAGRAPH:
                    found = [a for a in found if self._reports_figures(a)]
                    sourced = bool(found) or i in self._citing
                else:
                    sourced = i in self._citing or i in self._speaking
                if sourced:
                    return Coverage(next(iter(found), None), reach)
        return self._lead_or_story

    def preceding(self, offset: int) -> list[Span]:
        """The sentences before the one holding ``offset``, back to the start of the
        previous paragraph."""
        index = self.sentence_of(offset)
        if index is None:
            return []
        block = self.sentences[index].block
        before = self._paragraph_before(block)
        first = self._paragraphs[block if before is None else before][0]
        return [s.span for s in self.sentences[first:index]]

    def speaks_next(self, offset: int, name: str) -> bool:
        """Someone speaks in the paragraph after ``offset``'s, in a sentence naming ``name``:
        a company's figure its spokeswoman confirms next."""
        index = self.sentence_of(offset)
        if index is None:
            return False
        block = self.sentences[index].block
        k = bisect.bisect_right(self._blocks, block)
        after = self._blocks[k] if k < len(self._blocks) else None
        return after is not None and any(
            (i in self._speaking or i in self._by_sentence)
            and name.lower() in self.sentences[i].span.text.lower()
            for i in self._paragraphs[after]
        )

    def _paragraph_before(self, block: int) -> int | None:
        """The nearest block before ``block`` with a parsed sentence."""
        k = bisect.bisect_left(self._blocks, block)
        return self._blocks[k - 1] if k > 0 else None

    def _around(self, index: int) -> list[tuple[Reach, list[int]]]:
        """Sentences to search, nearest first. The next sentence counts only when it says
        where figures come from: a document source or "… published by X"."""
        block = self.sentences[index].block
        paragraph = [i for i in self._paragraphs[block] if i != index]
        following = [index + 1] if index + 1 < len(self.sentences) else []
        before = self._paragraph_before(block)
        return [
            (Reach.SENTENCE, [index]),
            (Reach.NEXT_SENTENCE, following),
            (Reach.PARAGRAPH, paragraph),
            (Reach.PREVIOUS_PARAGRAPH, self._paragraphs[before] if before is not None else []),
        ]

    @cached_property
    def _lead_or_story(self) -> Coverage | None:
        lead = self._lead_block
        in_lead = next(
            (a for a in self.attributions if a.block == lead and self._reports_figures(a)), None
        )
        if in_lead is not None:
            return Coverage(in_lead, Reach.LEAD)
        documents = [a for a in self.attributions if a.source_type == "document"]
        study = next((a for a in documents if self._is_study(a)), None)
        return Coverage(study, Reach.STORY) if self.cites_study else None

    def _reports_figures(self, attribution: Attribution) -> bool:
        """A document, or an organisation that reports, estimates or publishes (not one
        that merely says): a source whose figures the next paragraphs go on giving."""
        if attribution.source_type == "document":
            return True
        if attribution.source_type != "organisation" or attribution.cue is None:
            return False
        found = self.analysis.token_at(attribution.cue[0])
        verbs = words("attribution", "figure-verbs", "verbs")
        return found is not None and found[1].lemma_.lower() in verbs

    @cached_property
    def _lead_block(self) -> int | None:
        return next((b.index for b in self.analysis.body() if b.doc is not None), None)

    def _is_study(self, attribution: Attribution) -> bool:
        if attribution.source is None:
            return False
        words = self.analysis.text[attribution.source[0] : attribution.source[1]].lower().split()
        return any(w.strip(".,") in self.lexicon.study_nouns for w in words)

    def _names_a_source(self, sentence: Sentence) -> bool:
        """A sentence that says where figures come from: "… were published by the office",
        "in a recent survey", "the budget office's outlook"."""
        for token in sentence.span:
            if token.lemma_.lower() in self.lexicon.source_verbs and any(
                c.dep_ == "agent" for c in token.children
            ):
                return True
            if token.lower_ in self.lexicon.study_nouns and token.pos_ == "NOUN":
                return True
        return False

    @cached_property
    def speaking_blocks(self) -> frozenset[int]:
        """Paragraphs where someone is said to speak: a speech act, or a reporting verb or
        attribution noun in our own words ("a reporter can be heard asking", "in a
        statement")."""
        lexicon = self.lexicon
        found = set()
        for block in self.analysis.blocks:
            reporting = (
                t
                for t in block.doc or ()
                if (t.pos_ == "VERB" and lexicon.reporting_class(t.lemma_))
                or t.lower_ in lexicon.attribution_nouns
            )
            if block.acts or any(not self.analysis.in_quote(block.offset(t)) for t in reporting):
                found.add(block.index)
        return frozenset(found)

    @cached_property
    def cites_poll(self) -> bool:
        """The story cites a poll or a survey, whose shares it may go on giving."""
        polls = words("attribution", "poll-nouns", "nouns")
        return any(
            t.lemma_.lower() in polls and t.pos_ == "NOUN" for s in self.sentences for t in s.span
        )

    @cached_property
    def cites_study(self) -> bool:
        """The story cites a poll, survey or study somewhere."""
        return bool(self._citing) or any(self._is_study(a) for a in self.attributions)

    def _collect(self) -> list[Attribution]:
        found = []
        described: dict[int, tuple[str, bool]] = {}
        last: tuple[str, bool] = ("anonymous", False)
        quotes = [q for q in self.analysis.quotes.quotes if q.direct and q.depth == 0]
        partial = [
            q
            for q in self.analysis.quotes.quotes
            if not q.direct and q.depth == 0 and q.act is None and q.close is not None
        ]
        quoted = AnyOverlapping((q.open, q.end) for q in quotes)
        for block in self.analysis.blocks:
            for act in block.acts:
                described[id(act)] = self._describe(block, act, last)
                if act.kind is not Kind.CARRIED_OVER:
                    last = described[id(act)]
                attribution = self._from_act(block, act, described[id(act)], quoted)
                if attribution.content:
                    found.append(attribution)
        found += [self._from_quote(quote, described) for quote in quotes + partial]
        return sorted(found, key=lambda a: a.content[0] if a.content else (0, 0))

    def _from_act(
        self,
        block: AnalysedBlock,
        act: SpeechAct,
        described: tuple[str, bool],
        quotes: AnyOverlapping,
    ) -> Attribution:
        """The act's attribution; words inside direct quotes go to the quote's own."""
        spans = _runs(block, sorted(act.region))
        content = tuple((s, e) for s, e in spans if not quotes.encloses(s, e))
        return Attribution(
            kind=KIND_NAMES[act.kind],
            source=act.speaker,
            source_type=described[0],
            named=described[1],
            cue=act.cue,
            content=content,
            block=block.index,
            sentence=self.sentence_of(act.cue[0]) or 0,
        )

    def _from_quote(self, quote: Quote, described: dict[int, tuple[str, bool]]) -> Attribution:
        act = quote.act
        block = self.analysis.blocks[quote.blocks[0]]
        if act is None:
            source_type, named = "none", False
        elif id(act) in described:
            source_type, named = described[id(act)]
        else:  # a label before a colon: ``Ana Cruz: "…"``
            assert block.doc is not None
            source_type, named = describe_source(block.doc[act.head], self.lexicon)
        cue = act.cue if act else None
        return Attribution(
            kind=DIRECT_QUOTE if quote.direct else PARTIAL_QUOTE,
            source=act.speaker if act else None,
            source_type=source_type,
            named=named,
            cue=cue,
            content=self._quote_spans(quote),
            block=block.index,
            sentence=self.sentence_of(cue[0] if cue else quote.open) or 0,
        )

    def _quote_spans(self, quote: Quote) -> tuple[tuple[int, int], ...]:
        """The quoted words, one span per paragraph the quote runs through."""
        spans = []
        for index in quote.blocks:
            block = self.analysis.blocks[index].block
            start = max(block.start, quote.inner_start)
            end = min(block.end, quote.inner_end)
            if start < end:
                spans.append((start, end))
        return tuple(spans)

    def _describe(
        self, block: AnalysedBlock, act: SpeechAct, last: tuple[str, bool]
    ) -> tuple[str, bool]:
        """The source's type and whether it is named; a pronoun takes the last source."""
        assert block.doc is not None
        if act.kind is Kind.CARRIED_OVER:
            return last
        return describe_source(block.doc[act.head], self.lexicon)


def describe_source(head: Token, lexicon: Lexicon) -> tuple[str, bool]:
    """What a speaker phrase names: a person, an organisation, a document, or nobody."""
    phrase = list(head.subtree)
    labels = {t.ent_type_ for t in phrase}
    proper = any(t.pos_ == "PROPN" for t in phrase)
    if labels & PERSON_LABELS:
        return "person", True
    if labels & ORGANISATION_LABELS or proper:
        return "organisation", True
    if head.lemma_.lower() in lexicon.attribution_nouns or head.lower_ in lexicon.attribution_nouns:
        return "document", False
    return "anonymous", False


def _runs(block: AnalysedBlock, indices: list[int]) -> tuple[tuple[int, int], ...]:
    """Contiguous token runs as source spans, without edge punctuation."""
    assert block.doc is not None
    doc = block.doc
    runs: list[list[int]] = []
    for i in indices:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    spans = []
    for run in runs:
        tokens = _trim(doc[run[0] : run[-1] + 1])
        if tokens is not None:
            first, last = tokens
            spans.append((block.offset(first), block.offset(last) + len(last.text)))
    return tuple(spans)


def _trim(span: Span) -> tuple[Token, Token] | None:
    """The first and last words of ``span``, read from each end (a run may be long)."""
    first = next((t for t in span if not (t.is_punct or t.is_space)), None)
    if first is None:
        return None
    last = next(t for t in reversed(span) if not (t.is_punct or t.is_space))
    return first, last


def _first_holding(attributions: list[Attribution]) -> FirstHolding[Attribution]:
    """Which of ``attributions``, the first in order, holds a point in its content."""
    return FirstHolding((s, e, a) for a in attributions for s, e in a.content)
