"""Sourcing rules: vague attribution (NL102), anonymous sources (NL104), orphan quotes (NL105)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newslint.analysis.attribution import SpeechAct
from newslint.analysis.document import AnalysedBlock, Analysis
from newslint.analysis.nlp import Need
from newslint.analysis.quotes import Quote
from newslint.rules.base import Finding, Option, Rule, Severity
from newslint.rules.builtin.lexicons import words
from newslint.rules.builtin.quotation import WORD

if TYPE_CHECKING:
    from spacy.tokens import Token

CREDIT_WORDS = 8
VAGUE_DETERMINERS = frozenset({"some", "many", "most", "several", "other", "others"})
AGENTLESS_COMPLEMENTS = frozenset({"to", "that", "as"})


def _writer_voice(analysis: Analysis, offset: int) -> bool:
    return not analysis.in_quote(offset) and analysis.attribution_at(offset) is None


class VagueAttribution(Rule):
    """Flags attribution to nobody in particular.

    "It is believed", "is expected to", "critics say", "studies show" and
    "reportedly" tell the reader someone stands behind a claim without saying
    who. Name the source, or say plainly that it is our own judgement.

    Anti-pattern:
        The bridge is expected to reopen in May. Critics say the repairs were rushed.

    Best practice:
        The bridge will reopen in May, the highways agency said. Two local
        councillors said the repairs were rushed.
    """

    code = "NL102"
    name = "vague-attribution"
    summary = "Attribution to nobody in particular"
    needs = frozenset({Need.PARSE})

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        for block in analysis.blocks:
            if block.doc is None:
                continue
            for start, end in [*self._agentless(block), *self._adverbs(block)]:
                if _writer_voice(analysis, start):
                    yield self._report(analysis, start, end)
            for act in block.acts:
                if self._vague_speaker(block, act) and not analysis.in_quote(act.cue[0]):
                    yield self._report(
                        analysis, min(act.speaker[0], act.cue[0]), max(act.speaker[1], act.cue[1])
                    )

    def _report(self, analysis: Analysis, start: int, end: int) -> Finding:
        span = analysis.text[start:end]
        message = f"'{span}' attributes to nobody in particular; name the source"
        return self.finding(analysis, start, end, message)

    def _agentless(self, block: AnalysedBlock) -> Iterator[tuple[int, int]]:
        """Passive "is believed to", "it is understood that", with no "by …"."""
        assert block.doc is not None
        participles = words("sourcing", "vague-attribution", "agentless")
        for token in block.doc:
            aux = next((c for c in token.children if c.dep_ == "auxpass"), None)
            if token.tag_ != "VBN" or token.lemma_ not in participles or aux is None:
                continue
            if any(c.dep_ == "agent" for c in token.children):
                continue
            following = token.nbor(1) if token.i + 1 < len(block.doc) else None
            if following is None or following.lower_ not in AGENTLESS_COMPLEMENTS:
                continue
            if _scheduled(token):
                continue
            last = following if following.lower_ != "as" else token
            yield block.offset(aux), block.offset(last) + len(last.text)

    def _adverbs(self, block: AnalysedBlock) -> Iterator[tuple[int, int]]:
        assert block.doc is not None
        adverbs = words("sourcing", "vague-attribution", "adverbs")
        for token in block.doc:
            if token.lower_ in adverbs:
                yield block.offset(token), block.offset(token) + len(token.text)

    def _vague_speaker(self, block: AnalysedBlock, act: SpeechAct) -> bool:
        """ "Critics say …": a verb of saying or believing that reports a claim, with
        nobody in particular as its speaker ("some chanted", "people continue" report
        no claim)."""
        head = block.doc[act.head] if block.doc is not None else None
        if head is None or head.lemma_.lower() not in words(
            "sourcing", "vague-attribution", "vague-speakers"
        ):
            return False
        verb = block.doc[act.verb]
        if not act.region or verb.lemma_ not in words("sourcing", "vague-attribution", "verbs"):
            return False
        named = any(t.pos_ == "PROPN" or t.like_num for t in head.subtree)
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "amod", "poss")}
        bare = head.tag_ in ("NNS", "DT", "JJ") and not (determiners - VAGUE_DETERMINERS)
        return not named and (bare or head.lower_ in VAGUE_DETERMINERS)


def _scheduled(participle: Token) -> bool:
    """ "is expected to speak at 10am": a schedule, not a belief."""
    verb = next((c for c in participle.children if c.dep_ == "xcomp"), None)
    return verb is not None and verb.lemma_ in words("sourcing", "vague-attribution", "scheduled")


class AnonymousSource(Rule):
    """Flags sources the reader cannot identify.

    "A source said" is a warning: say why the source cannot be named and what
    they know. "People familiar with the talks" is info. An unnamed official or aide
    is not flagged for the information they give: the story usually says where they
    work. Any anonymous source offering opinion rather than information is a
    warning: anonymity is for facts, not attacks. A source whose anonymity the
    sentence explains, or one met before ("the official"), is not flagged again.

    Anti-pattern:
        A source said the chief executive was "clueless".

    Best practice:
        A senior manager, who asked not to be named because she was not
        authorised to speak, said the board met twice last week.
    """

    code = "NL104"
    name = "anonymous-source"
    summary = "Source the reader cannot identify"
    needs = frozenset({Need.PARSE, Need.ENTITIES})

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        quoted = {id(q.act) for q in analysis.quotes.quotes if q.act is not None}
        met: set[str] = set()
        for block, act in analysis.speech_acts():
            if not (act.region or id(act) in quoted) or analysis.in_quote(act.cue[0]):
                continue  # no report: "elected officials, called superdelegates"
            severity = self._severity(block, act)
            if severity is None or self._explained(block, act, met):
                continue
            start, end = act.speaker
            span = analysis.text[start:end]
            if self._gives_opinion(block, act):
                message = f"Anonymous source '{span}' gives opinion, not information"
                severity = Severity.WARNING
            else:
                message = f"Anonymous source '{span}'; say who they are or why they cannot be named"
            yield self.finding(analysis, start, end, message, severity=severity)

    def _severity(self, block: AnalysedBlock, act: SpeechAct) -> Severity | None:
        head = block.doc[act.head] if block.doc is not None else None
        if head is None or any(t.ent_type_ == "PERSON" for t in head.subtree):
            return None
        if head.lower_ in words("sourcing", "anonymous-sources", "sources"):
            return Severity.WARNING
        phrase = " ".join(t.lower_ for t in head.subtree)
        unnamed_phrase = any(
            p in phrase for p in words("sourcing", "anonymous-sources", "unnamed-phrases")
        )
        if unnamed_phrase:
            return Severity.INFO
        unnamed = head.lower_ in words("sourcing", "anonymous-sources", "unnamed")
        return Severity.WARNING if unnamed and self._gives_opinion(block, act) else None

    def _explained(self, block: AnalysedBlock, act: SpeechAct, met: set[str]) -> bool:
        """The query is answered or already asked: the sentence says why the source is
        not named, "the official" refers back to one met before, or "his advisers" says
        whose they are."""
        assert block.doc is not None
        head = block.doc[act.head]
        sentence = head.sent.text.lower()
        if any(reason in sentence for reason in words("sourcing", "anonymous-sources", "reasons")):
            return True
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
        back_reference = head.lemma_ in met and determiners & {"the", "that", "this", "those"}
        owned = any(c.dep_ == "poss" for c in head.children)
        met.add(head.lemma_)
        return bool(back_reference) or owned

    def _gives_opinion(self, block: AnalysedBlock, act: SpeechAct) -> bool:
        assert block.doc is not None
        opinion = words("sourcing", "anonymous-sources", "opinion")
        return any(block.doc[i].lower_ in opinion for i in act.region)


class OrphanQuote(Rule):
    """Flags a direct quote of five or more words with no speaker in sight.

    The reader must know who is speaking: in the quote's own paragraph (a speech act,
    or a reporting verb or attribution noun in our own words), or for a quote that
    opens its paragraph, in the paragraph before (or before a run of quote
    paragraphs that follow a speaker). A speaker named as a label before a colon
    (``Ana Cruz: "…"``) and a credit closing the paragraph count. Headlines quote
    by design; the story says who.

    Anti-pattern:
        "We will not be bullied into closing the library."

    Best practice:
        "We will not be bullied into closing the library," said council leader
        Priya Shah.
    """

    code = "NL105"
    # Opt-in: in edited copy every quote has a speaker, and the ones this rule cannot
    # link yet (credit lines, dialogue, digests) were all false alarms (0 of 68 judged).
    default = False
    name = "orphan-quote"
    summary = "Direct quote with no speaker"
    needs = frozenset({Need.PARSE})
    options = (Option.positive("min-words", 5, "Shortest quote, in words, that needs a speaker"),)

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        spoken = set(analysis.sourcing.speaking_blocks)
        for quote in analysis.quotes.quotes:
            first = quote.blocks[0]
            if quote.depth or not quote.direct or analysis.blocks[first].block.is_title:
                continue  # a headline quotes; the story says who
            if (
                quote.attributed
                or first in spoken
                or self._speaker_before(analysis, quote, spoken)
                or _credited(analysis, quote)
            ):
                spoken.update(quote.blocks)
                continue
            if len(WORD.findall(quote.inner(analysis.text))) < self.settings["min-words"]:
                continue
            mark = analysis.text[quote.open]
            message = f"Quote opening {mark} has no speaker in its paragraph; say who said it"
            yield self.finding(analysis, quote.open, quote.open + 1, message)

    def _speaker_before(self, analysis: Analysis, quote: Quote, spoken: set[int]) -> bool:
        """A quote opening its paragraph right after a paragraph with a speaker, or after
        a run of quote paragraphs that follow one."""
        index = quote.blocks[0]
        block = analysis.blocks[index]
        opens_paragraph = not block.slice(block.block.start, quote.open).strip()
        return opens_paragraph and index - 1 in spoken


def _credited(analysis: Analysis, quote: Quote) -> bool:
    """A credit after the quote closes its paragraph: "… here." — Jo Ode, harbour master,
    or "[Harbour Gazette]"."""
    block = analysis.blocks[quote.blocks[-1]].block
    tail = block.text[quote.end - block.start :].strip(" .,;—–-\t[(")
    words_after = WORD.findall(tail)
    return 0 < len(words_after) <= CREDIT_WORDS and tail[:1].isupper()


RULES = [VagueAttribution, AnonymousSource, OrphanQuote]
