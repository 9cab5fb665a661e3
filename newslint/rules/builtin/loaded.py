"""NL301 loaded-said-verb: reporting verbs that judge the speaker."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newslint.analysis.attribution import Kind, SpeechAct, phrasal
from newslint.analysis.document import AnalysedBlock, Analysis
from newslint.analysis.lexicon import default_lexicon
from newslint.analysis.nlp import Need
from newslint.rules.base import Finding, Rule, Severity
from newslint.rules.builtin.lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

REASONS = {
    "doubt": ("casts doubt on the speaker", Severity.WARNING),
    "endorsing": ("tells the reader the speaker is right", Severity.INFO),
    "emotive": ("dramatises how the speaker spoke", Severity.INFO),
}
SAID = {"VBD": "said", "VBN": "said", "VBZ": "says", "VBG": "saying"}
FIRST_PERSON = frozenset({"i", "we"})


class LoadedSaidVerb(Rule):
    """Flags a reporting verb that takes sides: claimed, revealed, slammed, boasted.

    "Said" is neutral. "Claimed" about an opinion or a contested fact hints the
    speaker is lying; "revealed" before a plain quote tells the reader it is a
    disclosure, and true; "slammed" and "boasted" dramatise. Only verbs that report
    what someone said count: not "claimed responsibility", "claimed victory" or
    "claim" as a noun, nor a claim in a lawsuit or a court ("the suit claims"), a
    claim the writer calls false ("falsely claimed"), or what a document or an
    investigation revealed. "Alleged" is the careful verb for an accusation, and
    "insisted", "confirmed", "acknowledged" and "admitted" read as fair in edited
    copy, so they are not flagged. Nor is a claim the copy itself settles: in its
    sentence ("she misspoke when she claimed", "ridiculously claimed"), in a bare
    denial right after it ("(He was not.)") or in another named party's rebuttal in
    the next sentence ("The museum said it had never made an offer"). A text does not
    speak with feeling, so "a tweet that blasts the plan" is not flagged, and a verb
    of manner ("boasted", "scoffed") beside a quote of the words themselves describes
    a tone the reader can hear.

    Anti-pattern:
        The council claimed the cuts would save £2m.

    Best practice:
        The council said the cuts would save £2m.
    """

    code = "NL301"
    name = "loaded-said-verb"
    summary = "Reporting verb that judges the speaker"
    needs = frozenset({Need.PARSE})

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        for block, act in analysis.speech_acts():
            if block.doc is None or act.verb_class not in REASONS:
                continue
            if act.kind is Kind.ACCORDING_TO or analysis.in_quote(act.cue[0]):
                continue
            verb, speaker = block.doc[act.verb], block.doc[act.head]
            quoted = _quotes_in_sentence(analysis, verb, act)
            if _loaded(verb, speaker, act, quoted) and not _denied_next(
                analysis, block, verb, speaker
            ):
                yield self._finding(analysis, verb, act)

    def _finding(self, analysis: Analysis, verb: Token, act: SpeechAct) -> Finding:
        start, end = act.cue
        neutral = SAID.get(verb.tag_, "say")
        reason, severity = REASONS[act.verb_class or ""]
        message = f"'{analysis.text[start:end]}' {reason}; the neutral verb is '{neutral}'"
        return self.finding(analysis, start, end, message, severity=severity, suggestion=neutral)


def _loaded(verb: Token, speaker: Token, act: SpeechAct, quoted: bool) -> bool:
    """True if this use of a doubting, endorsing or emotive verb judges its speaker."""
    if not _reports_speech(verb, act, quoted) or _other_particle(verb):
        return False
    if speaker.lower_ in FIRST_PERSON or any(
        c.lower_ in words("sourcing", "loaded-verbs", "established") for c in verb.children
    ):
        return False
    if act.verb_class == "endorsing":  # "revealed: '…'", not "the report revealed"
        return act.kind is not Kind.ATTRIBUTION_NOUN
    if act.verb_class == "emotive":
        return not (_text_speaks(verb, speaker) or _tone_shown(verb, quoted))
    return not (_legal(verb) or _settled(verb))


def _quotes_in_sentence(analysis: Analysis, verb: Token, act: SpeechAct) -> bool:
    """True if the act speaks a quote that opens in its own sentence or right after
    it ends in a colon ("The skipper revealed: "…""), not one a later sentence gives."""
    block = analysis.block_at(act.cue[0])
    if block is None:
        return False
    last = verb.sent[-1]
    start, end = block.offset(verb.sent[0]), block.offset(last) + len(last.text)
    colon = last.text == ":"
    return any(
        q.act is act and start <= q.open and (q.open < end or (colon and q.open <= end + 1))
        for q in analysis.quotes.quotes
    )


def _other_particle(verb: Token) -> bool:
    """ "blasted out an email" is another verb than "blasted"; "hit out" is listed."""
    two_words = phrasal(verb)
    return two_words != verb.lemma_ and default_lexicon().reporting_class(two_words) is None


def _reports_speech(verb: Token, act: SpeechAct, quoted: bool) -> bool:
    """A clause or a quote is what was said: not "claimed victory" or "claimed the lives"."""
    if act.verb_class == "emotive":
        return bool(act.region) or quoted  # "slammed the plan as reckless"
    if act.verb_class == "endorsing":
        return quoted
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return True
    return quoted or (verb.dep_ in ("parataxis", "advcl") and bool(act.region))


def _text_speaks(verb: Token, speaker: Token) -> bool:
    """The speaker is a text, a tweet or a statement ("a tweet that blasts her")."""
    if speaker.tag_ == "WDT" and verb.dep_ == "relcl":
        speaker = verb.head
    return speaker.lemma_.lower() in default_lexicon().attribution_nouns


def _settled(verb: Token) -> bool:
    """The claim's sentence, outside what is claimed, says it is false or unsupported."""
    claim = {t.i for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree}
    rest = " ".join("|" if t.i in claim else t.lower_ for t in verb.sent)
    return any(
        f" {phrase} " in f" {rest} " for phrase in words("sourcing", "loaded-verbs", "settled")
    )


def _tone_shown(verb: Token, quoted: bool) -> bool:
    """A verb of manner ("boasted", "scoffed") beside a quote of the words themselves:
    the reader can hear the tone, so the verb describes rather than judges."""
    return quoted and verb.lemma_.lower() in words("sourcing", "loaded-verbs", "tone")


def _next_sentence(analysis: Analysis, block: AnalysedBlock, verb: Token) -> Span | None:
    """The sentence after the verb's, in its paragraph or at the start of the next."""
    if verb.sent.end < len(verb.doc):
        return verb.doc[verb.sent.end].sent
    following = analysis.blocks[block.index + 1 :]
    doc = following[0].doc if following else None
    return next(iter(doc.sents), None) if doc is not None else None


def _denied_next(analysis: Analysis, block: AnalysedBlock, verb: Token, speaker: Token) -> bool:
    """The next sentence settles the claim: a bare denial ("(He was not.)") or another
    named party's rebuttal ("The museum denied it", "The museum said it had never …")."""
    following = _next_sentence(analysis, block, verb)
    if following is None:
        return False
    if speaker.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":  # "Obama, who claimed"
        speaker = verb.head
    bare = [t.dep_ for t in following if not t.is_punct]
    if bare == ["nsubj", "ROOT", "neg"]:
        return True
    negated = any(t.dep_ == "neg" for t in following)
    return any(
        _named_subject(t, speaker)
        and (
            t.lemma_.lower() in words("sourcing", "loaded-verbs", "rebuttals")
            or (negated and t.lemma_.lower() == "say")
        )
        for t in following
    )


def _named_subject(verb: Token, claimant: Token) -> bool:
    """The verb's subject is a name or a noun other than the claimant, not a pronoun."""
    return any(
        c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") and c.lower_ != claimant.lower_
        for c in verb.children
    )


def _legal(verb: Token) -> bool:
    """A claim made in a lawsuit or a court: its paragraph speaks of one."""
    return any(t.lemma_.lower() in words("sourcing", "loaded-verbs", "legal") for t in verb.doc)


RULES = [LoadedSaidVerb]
