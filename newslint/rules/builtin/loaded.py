"""NL301 loaded-said-verb: reporting verbs that judge the speaker."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newslint.analysis.attribution import Kind, SpeechAct, phrasal
from newslint.analysis.document import Analysis
from newslint.analysis.lexicon import default_lexicon
from newslint.analysis.nlp import Need
from newslint.rules.base import Finding, Rule, Severity
from newslint.rules.builtin.lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Token

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
    sentence ("she misspoke when she claimed", "ridiculously claimed") or in a bare
    denial right after it ("(He was not.)"). A text does not speak with feeling, so
    "a tweet that blasts the plan" is not flagged.

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
            if _loaded(verb, speaker, act, _quotes_in_sentence(analysis, verb, act)):
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
        return not _text_speaks(verb, speaker)
    return not (_legal(verb) or _settled(verb) or _denied_next(verb))


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


def _denied_next(verb: Token) -> bool:
    """The next sentence is a bare denial of the claim: "(He was not.)", "It did not." """
    if verb.sent.end >= len(verb.doc):
        return False
    following = [t for t in verb.doc[verb.sent.end].sent if not t.is_punct]
    return len(following) == 3 and [t.dep_ for t in following] == ["nsubj", "ROOT", "neg"]


def _legal(verb: Token) -> bool:
    """A claim made in a lawsuit or a court: its paragraph speaks of one."""
    return any(t.lemma_.lower() in words("sourcing", "loaded-verbs", "legal") for t in verb.doc)


RULES = [LoadedSaidVerb]
