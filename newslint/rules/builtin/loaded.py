"""NL301 loaded-said-verb: reporting verbs that judge the speaker."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newslint.analysis.attribution import Kind, SpeechAct, phrasal
from newslint.analysis.document import AnalysedBlock, Analysis
from newslint.analysis.lexicon import default_lexicon
from newslint.analysis.nlp import Need
from newslint.rules.base import Finding, Rule, Severity
from newslint.rules.builtin.lexicons import says_any, words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

REASONS = {
    "doubt": ("casts doubt on the speaker", Severity.WARNING),
    "endorsing": ("tells the reader the speaker is right", Severity.INFO),
    "emotive": ("dramatises how the speaker spoke", Severity.INFO),
}
SAID = {"VBD": "said", "VBN": "said", "VBZ": "says", "VBG": "saying"}
FIRST_PERSON = frozenset({"i", "we"})
NEARBY = 6  # sentences after a claim that may answer it: about two short paragraphs
CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "NUM"})
SHARED_WITH_HEADLINE = 2


class LoadedSaidVerb(Rule):
    """Flags a reporting verb that takes sides: claimed, revealed, slammed, boasted.

    "Said" is neutral. "Claimed" about an opinion or a contested fact hints the speaker
    is lying; "revealed" before a plain quote tells the reader it is a disclosure, and
    true; "slammed" and "boasted" dramatise. Only verbs that report what someone said
    count: not "claimed responsibility", "claimed victory" or "claim" as a noun (",
    claims that the audit could not confirm": a verb joined by a bare comma with no
    subject of its own), nor a claim in a lawsuit or a court ("the suit claims"), a
    claim the writer calls false ("falsely claimed"), or what a document, an ad or an
    investigation claimed or revealed, nor "revealed the figures" (a disclosure of
    records). "Alleged" is the careful verb for an accusation, and "insisted",
    "confirmed", "acknowledged" and "admitted" read as fair in edited copy, so they are
    not flagged. Nor is a claim the copy itself settles: in its sentence ("she misspoke
    when she claimed", "ridiculously claimed"), in a bare denial or the writer's own
    evidence right after it ("(He was not.)", "In fact, …", "Fraud is, in fact, rare.",
    "But records show …") or in another named party's rebuttal, in the next sentence
    ("The museum said it had never made an offer") or, for a denial or a verdict, the
    writer's too, up to two paragraphs on ("PolitiFact rated it false", "That claim is
    false."), or in a headline that says it is not so. A text does not speak
    with feeling, so "a tweet that blasts the plan" is not flagged, and an emotive verb
    ("slammed", "boasted") beside a quote of the words themselves shows the reader what
    was said: a quote in its sentence that no other verb reports, or one opening the
    next sentence when the verb's own sentence words no charge. Only a paraphrase
    ("slammed the plan as reckless") is flagged.

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
            if not _loaded(verb, speaker, act, quoted):
                continue
            if act.verb_class == "emotive" and _quote_beside(analysis, block, verb):
                continue
            if not _answered(analysis, block, verb, speaker):
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
        return act.kind is not Kind.ATTRIBUTION_NOUN and not _discloses_records(verb)
    if _text_speaks(verb, speaker):
        return False
    if act.verb_class == "emotive":
        return True  # unless the words themselves are beside it: see _quote_beside
    return _has_subject(verb) and not (_legal(verb) or _settled(verb))


def _discloses_records(verb: Token) -> bool:
    """ "revealed the figures: …": a disclosure of records, true or not by their own
    account, not the speaker's words endorsed."""
    evidence = words("sourcing", "loaded-verbs", "evidence")
    return any(c.dep_ == "dobj" and c.lemma_.lower() in evidence for c in verb.children)


def _quotes_in_sentence(analysis: Analysis, verb: Token, act: SpeechAct) -> bool:
    """True if the act speaks a quote that opens in its own sentence or right after
    it ends in a colon ("The skipper revealed: "…""), not one a later sentence gives."""
    block = analysis.block_at(act.cue[0])
    if block is None:
        return False
    last = verb.sent[-1]
    start, end = block.offset(verb.sent[0]), block.offset(last) + len(last.text)
    reach = end + 2 if last.text == ":" else end
    return any(q.act is act for q in analysis.quotes.opening_in(start, reach))


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
    lemma = speaker.lemma_.lower()
    return lemma in default_lexicon().attribution_nouns or lemma in words(
        "sourcing", "loaded-verbs", "media"
    )


def _settled(verb: Token) -> bool:
    """The claim's sentence, outside what is claimed, says it is false or unsupported."""
    claim = {t.i for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree}
    rest = " ".join("|" if t.i in claim else t.lower_ for t in verb.sent)
    return says_any(rest, words("sourcing", "loaded-verbs", "settled"))


def _quote_beside(analysis: Analysis, block: AnalysedBlock, verb: Token) -> bool:
    """The words themselves are beside the verb, so "slammed" describes rather than
    judges: a quote in its sentence that no other reporting verb speaks ("slammed the
    plan as "a farce"", not "slammed him for saying "…""), or a quote opening the next
    sentence when the verb's own sentence paraphrases no charge ("hit out at the board.
    "They sold us a wreck," he said.")."""
    start = block.offset(verb.sent[0])
    end = block.offset(verb.sent[-1]) + len(verb.sent[-1].text)
    for q in analysis.quotes.opening_in(start, end):
        token = block.token_at(q.open + q.width)
        if token is not None and not _spoken_by_other(token, verb):
            return True
    following = _next_sentence(analysis, block, verb)
    if following is None or _charge_paraphrased(verb):
        return False
    owner = block if following.doc is block.doc else analysis.blocks[block.index + 1]
    opening = owner.offset(following[0])
    return bool(analysis.quotes.opening_in(opening, opening + 1))


def _spoken_by_other(token: Token, verb: Token) -> bool:
    """Another reporting verb between the token and the verb speaks it: the token is in
    that verb's clause ("for saying that it was "…""), not its object ("for promoting
    "…"", the slammer's own words)."""
    child = token
    for ancestor in token.ancestors:
        if ancestor == verb:
            return False
        if (
            child.dep_ in ("ccomp", "parataxis")
            and ancestor.pos_ == "VERB"
            and default_lexicon().reporting_class(ancestor.lemma_)
        ):
            return True
        child = ancestor
    return False


def _charge_paraphrased(verb: Token) -> bool:
    """The verb's sentence words the charge itself: "slammed the plan as reckless"."""
    return any(
        c.dep_ in ("ccomp", "xcomp", "oprd", "acomp")
        or (c.dep_ == "prep" and c.lower_ in ("as", "for"))
        for c in verb.children
    )


def _has_subject(verb: Token) -> bool:
    """The verb has a speaker of its own: not a noun misread as a verb (", claims that
    the audit could not confirm"), which a bare comma joins with no subject and no
    "and"."""
    if verb.tag_.startswith("NN"):
        return False
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        if not any(c.dep_ in ("cc", "preconj") for c in verb.head.children):
            return False
        verb = verb.head
    return True


def _next_sentence(analysis: Analysis, block: AnalysedBlock, verb: Token) -> Span | None:
    """The sentence after the verb's, in its paragraph or at the start of the next."""
    if verb.sent.end < len(verb.doc):
        return verb.doc[verb.sent.end].sent
    following = analysis.blocks[block.index + 1 :]
    doc = following[0].doc if following else None
    return next(iter(doc.sents), None) if doc is not None else None


def _answered(analysis: Analysis, block: AnalysedBlock, verb: Token, speaker: Token) -> bool:
    """The copy answers the claim: a bare denial, the writer's evidence or another named
    party saying it is not so in the next sentence ("(He was not.)", "In fact, …", "But
    records show …", "The museum said it had never …"), or a named party's denial or
    verdict or the writer's in the next few sentences, up to two paragraphs on ("The
    museum denied it", "PolitiFact rated it false", "That claim is false.")."""
    if _headline_denies(analysis, verb):
        return True
    following = _next_sentence(analysis, block, verb)
    if following is None:
        return False
    if speaker.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":  # "Obama, who claimed"
        speaker = verb.head
    if _countered(following) or _says_not(following, speaker):
        return True
    return any(
        _rebuts(sent, speaker) or _judged_false(sent) for sent in _nearby(analysis, block, verb)
    )


def _headline_denies(analysis: Analysis, verb: Token) -> bool:
    """The headline says the claim is not so: it negates and shares two of the claim's
    content words ("Harbour is not the busiest in Europe" over "claimed the harbour
    was Europe's busiest")."""
    claim = _content_lemmas(
        t for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree
    )
    return any(
        any(t.dep_ == "neg" for t in title.doc)
        and len(claim & _content_lemmas(title.doc)) >= SHARED_WITH_HEADLINE
        for title in analysis.blocks
        if title.block.is_title and title.doc is not None
    )


def _content_lemmas(tokens: Iterable[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens if t.pos_ in CONTENT and not t.is_stop}


def _countered(sent: Span) -> bool:
    """A bare denial ("(He was not.)") or the writer's evidence ("In fact, …", "Fraud
    is, in fact, rare.", "But records show …")."""
    if [t.dep_ for t in sent if not t.is_punct] == ["nsubj", "ROOT", "neg"]:
        return True
    opening = " ".join(t.lower_ for t in sent if not t.is_punct)
    for lead in ("but ", "yet "):
        opening = opening.removeprefix(lead)
    text = sent.text.lower()
    if any(
        f"{opening} ".startswith(f"{phrase} ") or f", {phrase}," in text
        for phrase in words("sourcing", "loaded-verbs", "countered")
    ):
        return True
    return any(t.lemma_.lower() == "show" and _evidence_shows(t) for t in sent)


def _evidence_shows(show: Token) -> bool:
    """ "Records show …", "a review seems to show …": evidence is the subject."""
    heads = (show, show.head) if show.dep_ == "xcomp" else (show,)
    return any(
        c.dep_ == "nsubj" and c.lemma_.lower() in words("sourcing", "loaded-verbs", "evidence")
        for head in heads
        for c in head.children
    )


def _nearby(analysis: Analysis, block: AnalysedBlock, verb: Token) -> list[Span]:
    """The next few sentences, to the end of the paragraph after next at most."""
    sents = [s for s in verb.doc.sents if s.start >= verb.sent.end]
    for following in analysis.blocks[block.index + 1 : block.index + 3]:
        if following.doc is not None:
            sents.extend(following.doc.sents)
    return sents[:NEARBY]


def _says_not(sent: Span, speaker: Token) -> bool:
    """A named party other than the claimant says it is not so."""
    return any(t.dep_ == "neg" for t in sent) and any(
        _named_subject(t, speaker) and t.lemma_.lower() == "say" for t in sent
    )


def _rebuts(sent: Span, speaker: Token) -> bool:
    """A named party other than the claimant denies it or rates it false ("PolitiFact
    deemed the claim false")."""
    verdict = any(t.lower_ in words("sourcing", "loaded-verbs", "verdicts") for t in sent)
    return any(
        _named_subject(t, speaker)
        and (
            t.lemma_.lower() in words("sourcing", "loaded-verbs", "rebuttals")
            or (verdict and t.lower_ in words("sourcing", "loaded-verbs", "verdict-verbs"))
        )
        for t in sent
    )


def _judged_false(sent: Span) -> bool:
    """The writer's verdict: "That comment is a lie.", "The claim is false." """
    root = sent.root
    children = list(root.children)
    return (
        root.lemma_ == "be"
        and any(
            c.dep_ == "nsubj" and c.lower_ in words("sourcing", "loaded-verbs", "verdict-subjects")
            for c in children
        )
        and any(
            c.dep_ in ("attr", "acomp")
            and c.lower_ in words("sourcing", "loaded-verbs", "verdicts")
            for c in children
        )
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
