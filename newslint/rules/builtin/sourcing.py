"""Sourcing rules: vague attribution (NL102), anonymous sources (NL104), orphan quotes (NL105)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

from newslint.analysis.attribution import Kind, SpeechAct
from newslint.analysis.document import AnalysedBlock, Analysis
from newslint.analysis.nlp import Need
from newslint.analysis.quotes import Quote
from newslint.rules.base import Finding, Option, Rule, Severity
from newslint.rules.builtin.lexicons import says_any, words
from newslint.rules.builtin.quotation import WORD

if TYPE_CHECKING:
    from spacy.tokens import Token

CREDIT_WORDS = 8
# Fewer words than this in a first body block make it a deck or byline, not the lead.
LEAD_WORDS = 15
# A reader's signature: a name of at most this many words, within this many paragraphs.
SIGNATURE_WORDS = 4
SIGNATURE_AFTER = 3
# How many paragraphs after "experts say" a named source may speak and answer the query.
LATER_PARAGRAPHS = 3
# How many paragraphs before and after "reportedly" may name who reported it.
SOURCE_BEFORE = 2
SOURCE_AFTER = 2
# A digest item's closing credit: "… [Reuters]", then the next item or the end.
CREDIT = re.compile(r"\[[A-Z][^\]]{0,40}\](?=\s*(?:$|[A-Z]))")
VAGUE_DETERMINERS = frozenset({"some", "many", "most", "several", "other", "others"})
AGENTLESS_COMPLEMENTS = frozenset({"to", "that", "as"})
# Modifiers that pick out a group: "some of them", "critics who favour it", "people in the hall".
RESTRICTING_DEPS = frozenset({"prep", "relcl", "acl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Where a plural noun names a group a following "some" can pick from.
GROUP_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"})
# What a repeated "the sources" or "multiple sources" adds nothing to.
COUNTING_DEPS = frozenset({"det", "predet", "nummod", "quantmod", "punct"})


def _writer_voice(analysis: Analysis, offset: int) -> bool:
    return not analysis.in_quote(offset) and analysis.attribution_at(offset) is None


def _sentence_index(block: AnalysedBlock, token: Token) -> int:
    assert block.doc is not None
    return next(i for i, sent in enumerate(block.doc.sents) if sent.start <= token.i < sent.end)


def _named(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


class VagueAttribution(Rule):
    """Flags attribution to nobody in particular.

    "It is believed", "is widely expected to", "critics say", "studies show" and
    "reportedly" tell the reader someone stands behind a claim without saying
    who. Name the source, or say plainly that it is our own judgement.

    Not flagged: "reportedly", "is said to", "is regarded as" where a named source
    speaks (or a credit line closes) in the paragraph or the two before or after;
    "studies show" in a story that names a study, survey or pollster, and "reports
    indicate" there too or with a named source as near as for "reportedly"; a vague group in
    the headline, deck or lead (they sum up critics named lower down), followed within
    three paragraphs by a named source, picked out by the sentence ("some of the
    delegates", "budget analysts") or the sentence before ("Billionaires disagree. Some
    argue …"), met before in the story, or pinning a label ("a bill critics called
    unfair"); vague words inside someone else's reported speech; "known as"; and a plain
    "is expected to" (a schedule, a sum, a forecast whose basis the story gives): only a
    consensus ("widely", "generally") or a shift in one ("now") is queried, and not in a
    relative clause, as a past expectation, or next to a forecast that says whose it is.
    Nor is a past belief that its own sentence overturns ("what many thought a scandal
    turned out to be nothing").

    Anti-pattern:
        The bridge is widely expected to reopen in May. Critics say the repairs were rushed.

    Best practice:
        The bridge will reopen in May, the highways agency said. Two local
        councillors said the repairs were rushed.
    """

    code = "NL102"
    name = "vague-attribution"
    summary = "Attribution to nobody in particular"
    needs = frozenset({Need.PARSE, Need.ENTITIES})  # dates tell a forecast from a rule

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        letters = _letters(analysis)
        for block in analysis.blocks:
            if block.doc is None or block.index in letters:
                continue
            spans = [] if block.block.is_title else self._agentless(analysis, block)
            spans += self._adverbs(analysis, block)
            for start, end in spans:
                if _writer_voice(analysis, start):
                    yield self._report(analysis, start, end)
            for act in block.acts:
                if self._vague_speaker(analysis, block, act):
                    yield self._report(
                        analysis, min(act.speaker[0], act.cue[0]), max(act.speaker[1], act.cue[1])
                    )

    def _report(self, analysis: Analysis, start: int, end: int) -> Finding:
        span = analysis.text[start:end]
        message = f"'{span}' attributes to nobody in particular; name the source"
        return self.finding(analysis, start, end, message)

    def _agentless(self, analysis: Analysis, block: AnalysedBlock) -> list[tuple[int, int]]:
        """Passive "is believed to", "it is understood that", with no "by …" and no named
        source near it; "is expected to" only as a consensus ("widely")."""
        assert block.doc is not None
        participles = words("sourcing", "vague-attribution", "agentless")
        found = []
        for token in block.doc:
            if token.tag_ != "VBN" or token.lemma_ not in participles:
                continue
            aux = next((c for c in token.children if c.dep_ == "auxpass"), None)
            if aux is None:
                continue
            if any(c.dep_ == "agent" for c in token.children):
                continue
            following = token.nbor(1) if token.i + 1 < len(block.doc) else None
            if following is None or following.lower_ not in AGENTLESS_COMPLEMENTS:
                continue
            if token.lemma_ == "expect" and not _forecast(block, token, aux):
                continue
            hearsay = token.lemma_ in words("sourcing", "vague-attribution", "hearsay")
            if hearsay and _sourced_nearby(analysis, block):
                continue
            last = following if following.lower_ != "as" else token
            found.append((block.offset(aux), block.offset(last) + len(last.text)))
        return found

    def _adverbs(self, analysis: Analysis, block: AnalysedBlock) -> list[tuple[int, int]]:
        """ "Reportedly", unless the paragraph or the two before or after (for a
        headline, the story's first) name a source."""
        assert block.doc is not None
        adverbs = words("sourcing", "vague-attribution", "adverbs")
        return [
            (block.offset(t), block.offset(t) + len(t.text))
            for t in block.doc
            if t.lower_ in adverbs
            and not (_credit_line(block, t) or _sourced_nearby(analysis, block))
        ]

    def _vague_speaker(self, analysis: Analysis, block: AnalysedBlock, act: SpeechAct) -> bool:
        """ "Critics say …": a verb of saying or believing that reports a claim, with
        nobody in particular as its subject ("some chanted", "people continue" report
        no claim), in our own words."""
        assert block.doc is not None
        head, verb = block.doc[act.head], block.doc[act.verb]
        study = head.lemma_.lower() in words("sourcing", "vague-attribution", "studies")
        if not act.region or not (
            study or head.lemma_.lower() in words("sourcing", "vague-attribution", "vague-speakers")
        ):
            return False
        if head.dep_ not in SUBJECT_DEPS or head.head.i != verb.i:
            return False  # "Some seek to be removed … and argue": not the verb's subject
        if verb.lemma_ not in words("sourcing", "vague-attribution", "verbs"):
            return False
        if analysis.in_quote(act.speaker[0]) or analysis.in_quote(act.cue[0]):
            return False
        if any(other is not act and verb.i in other.region for other in block.acts):
            return False  # "She said critics are wrong": the named speaker's words
        if not self._nobody_in_particular(head) or _terminology(verb):
            return False
        if any(c.dep_ == "compound" for c in head.children) or CREDIT.search(block.block.text):
            return False  # "budget analysts", "exit polls": a record to check; a credited item
        if study:
            hearsay = head.lemma_ in words("sourcing", "vague-attribution", "hearsay")
            return not (_study_named(analysis) or (hearsay and _sourced_nearby(analysis, block)))
        if _lead(analysis, block) or verb.lemma_ in words(
            "sourcing", "vague-attribution", "labelling"
        ):
            return False  # a lead sums up critics named lower down
        if _met_before(analysis, block, head):
            return False  # "Experts said …" again: the query belongs to the first mention
        if _overturned(verb):
            return False
        if head.lower_ in VAGUE_DETERMINERS and _group_in_context(analysis, block, head):
            return False
        return not _named_later(analysis, block, head)

    def _nobody_in_particular(self, head: Token) -> bool:
        """ "Critics", "some analysts", "many": no name, number or restriction."""
        if any(t.pos_ == "PROPN" or t.like_num for t in head.subtree):
            return False
        if any(c.dep_ in RESTRICTING_DEPS for c in head.children):
            return False  # "some of them", "people who fought it", "people familiar with"
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "amod", "poss")}
        bare = head.tag_ in ("NNS", "DT", "JJ") and not (determiners - VAGUE_DETERMINERS)
        return bare or head.lower_ in VAGUE_DETERMINERS


def _overturned(verb: Token) -> bool:
    """A past belief its own sentence overturns ("what many believed a scandal turned
    out to be nothing"): the story relies on nobody's claim."""
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    rest = " ".join(t.lower_ for t in verb.sent if t.i > verb.i)
    return says_any(rest, words("sourcing", "vague-attribution", "overturned"))


def _forecast(block: AnalysedBlock, participle: Token, aux: Token) -> bool:
    """ "The plant is widely expected to close": a consensus nobody is named for. Not a
    plain "is expected to" (a schedule, a sum from the story's figures, a forecast whose
    basis the story gives), "was expected" (a past expectation), "might be expected"
    (reasoning), one in a relative clause (with or without its "that"), one a forecast
    next to it attributes, or one in a digest item credited to a wire service."""
    assert block.doc is not None
    consensus = words("sourcing", "vague-attribution", "consensus")
    if not any(c.lower_ in consensus for c in participle.children) or _credit_line(
        block, participle
    ):
        return False
    verb = next((c for c in participle.children if c.dep_ == "xcomp"), None)
    if verb is not None and verb.lemma_ in words("sourcing", "vague-attribution", "scheduled"):
        return False
    auxiliaries = [c for c in participle.children if c.dep_ in ("aux", "auxpass")]
    if aux.tag_ == "VBD" or any(c.tag_ == "MD" or c.lemma_ == "have" for c in auxiliaries):
        return False
    subject = next((c for c in participle.children if c.dep_ == "nsubjpass"), None)
    if subject is not None and (subject.tag_ in ("WP", "WDT") or _contact_clause(subject)):
        return False  # "the final, which is expected to draw crowds": background, not news
    return not any(_says_who_expects(block, participle, act) for act in block.acts)


def _contact_clause(subject: Token) -> bool:
    """A relative clause without its "that" ("on the night she is widely expected to
    win"): the clause's subject follows straight after a common noun it describes."""
    first = min(subject.subtree, key=lambda t: t.i)
    if first.i == 0:
        return False
    before = first.nbor(-1)
    return before.pos_ == "NOUN" and before.dep_ in ("pobj", "dobj", "attr")


def _says_who_expects(block: AnalysedBlock, participle: Token, act: SpeechAct) -> bool:
    """A forecast in the sentence or next to it: "… is expected to resign. Her aides
    say she will go on Friday." """
    assert block.doc is not None
    verb = block.doc[act.verb]
    distance = abs(_sentence_index(block, verb) - _sentence_index(block, participle))
    if distance > 1 or act.kind == Kind.ACCORDING_TO:
        return False
    future = words("sourcing", "vague-attribution", "forecast-words")
    return verb.lemma_ in words("sourcing", "vague-attribution", "forecast-verbs") and any(
        block.doc[i].lower_ in future for i in act.region
    )


def _terminology(verb: Token) -> bool:
    """ "what economists call consumption": a term of art, not a claim."""
    if verb.lemma_ != "call":
        return False
    named = [c for c in verb.children if c.dep_ in ("oprd", "dobj", "xcomp", "ccomp")]
    return any(c.lower_ == "what" for c in verb.children) and all(
        len(list(c.subtree)) == 1 for c in named
    )


def _group_in_context(analysis: Analysis, block: AnalysedBlock, pronoun: Token) -> bool:
    """ "Billionaires disagree. Some argue …": a bare "some" or "others" means some of a
    group the sentence has just named as a subject, or the sentence before (over a
    verbless subheading) has named."""
    assert block.doc is not None
    sentence = pronoun.sent
    subjects = [t for t in sentence if t.i < pronoun.i and t.dep_ in SUBJECT_DEPS]
    if sentence.start > 0:
        before = list(block.doc[sentence.start - 1].sent)
    else:
        previous = next(
            (
                b.doc
                for b in reversed(analysis.body())
                if b.index < block.index and b.doc and any(t.pos_ == "VERB" for t in b.doc)
            ),
            None,
        )
        before = list(list(previous.sents)[-1]) if previous is not None else []
    named = subjects + [t for t in before if t.dep_ in GROUP_DEPS]
    if pronoun.lower_ in ("others", "other") and any(_named(t) for t in subjects):
        return True  # "Although Ode says it was safe, others argue …": others than Ode
    return any(t.tag_ in ("NNS", "NNPS") for t in named)


def _named_later(analysis: Analysis, block: AnalysedBlock, head: Token) -> bool:
    """ "Experts expect … election law expert Jo Ode tweeted": the paragraph, or the
    next three, names one of the group; or a named person, body or study speaks after it
    in the paragraph or in the next three, perhaps to make the group's point."""
    following = [t for t in head.doc if t.i > head.i]
    after = analysis.blocks[block.index + 1 : block.index + 1 + LATER_PARAGRAPHS]
    for later in after:
        following += list(later.doc) if later.doc is not None else []
    start = block.offset(head)
    named_account = any(
        _names(analysis, act) for act in block.acts if act.speaker[0] > start
    ) or any(_names(analysis, act) for later in after for act in later.acts)
    return (
        named_account
        or _quotes_a_name(analysis, block, block.offset(head))
        or any(
            t.lemma_ == head.lemma_
            and (
                (t.dep_ in ("compound", "appos") and t.head.pos_ == "PROPN")
                or any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in t.children)
            )
            for t in following
        )
    )


def _letters(analysis: Analysis) -> set[int]:
    """The blocks of a reader's letter or comment: a signature line (a name alone) closes
    it within the next few paragraphs. Readers' hearsay is theirs to voice."""
    signed = {block.index for block in analysis.body() if _signature(block)}
    return {
        block.index
        for block in analysis.blocks
        if any(b.index in signed for b in analysis.body_after(block.index, SIGNATURE_AFTER))
    }


def _signature(block: AnalysedBlock) -> bool:
    # one word past the limit is enough to rule a paragraph out
    names = list(islice((t for t in block.doc or [] if t.is_alpha), SIGNATURE_WORDS + 1))
    return (
        0 < len(names) <= SIGNATURE_WORDS
        and all(t.pos_ == "PROPN" for t in names)
        and any(t.ent_type_ == "PERSON" for t in names)
    )


def _lead(analysis: Analysis, block: AnalysedBlock) -> bool:
    """The headline, a deck or byline, or the story's first full paragraph, which sum up
    what comes lower down."""
    if block.block.is_title:
        return True
    for earlier in analysis.body():
        if earlier.index >= block.index:
            return True
        if len(WORD.findall(earlier.block.text)) >= LEAD_WORDS:
            return False
    return False


def _met_before(analysis: Analysis, block: AnalysedBlock, head: Token) -> bool:
    """The story has spoken of the same group before: "legal experts said …", then
    "experts said"."""
    if head.lower_ in VAGUE_DETERMINERS:
        return False
    first = analysis.first_use(head.lemma_)
    if first is not None and first < (block.index, head.i):
        return True
    # a headline is not in the body: look back within it
    return block.block.is_title and any(t.lemma_ == head.lemma_ for t in head.doc[: head.i])


def _study_named(analysis: Analysis) -> bool:
    """The story names a study, survey or pollster somewhere: "a Harbour Trust survey",
    "the study by Saltby University"."""
    studies = words("sourcing", "vague-attribution", "named-studies")
    return any(
        t.lemma_.lower() in studies and (any(_named(n) for n in t.subtree) or _named(t.head))
        for b in analysis.blocks
        if b.doc is not None
        for t in b.doc
    )


def _quotes_a_name(analysis: Analysis, block: AnalysedBlock, start: int) -> bool:
    """A quote later in the paragraph whose speaker is named."""
    acts = [q.act for q in analysis.quotes.opening_in(start + 1, block.block.end)]
    return any(act is not None and _names(analysis, act) for act in acts)


def _sourced_nearby(analysis: Analysis, block: AnalysedBlock) -> bool:
    """A named source speaks, or a credit line closes, in the paragraph or the two before or
    after: they may be who reported it ("the Ledger reported", "according to
    Reuters", "… [Reuters]"). A headline's are the story's first paragraphs."""
    if block.block.is_title:
        near = analysis.body()[: SOURCE_AFTER + 1]
    else:
        body = analysis.body()
        at = next(i for i, b in enumerate(body) if b is block)
        near = body[max(at - SOURCE_BEFORE, 0) : at + SOURCE_AFTER + 1]
    return any(
        CREDIT.search(b.block.text) or _named_act(analysis, b) or _named_reporter(b) for b in near
    )


def _named_reporter(block: AnalysedBlock) -> bool:
    """ "Jo Ode, reporting for the Gazette, saw it": a reporter or outlet named as who
    reports."""
    hearsay = words("sourcing", "vague-attribution", "hearsay")
    return block.doc is not None and any(
        t.pos_ == "VERB" and t.lemma_ in hearsay and any(_named(n) for n in [t.head, *t.children])
        for t in block.doc
    )


def _names(analysis: Analysis, act: SpeechAct) -> bool:
    home = analysis.block_at(act.speaker[0])
    doc = home.doc if home is not None else None
    return doc is not None and any(_named(t) for t in doc[act.head].subtree)


def _named_act(analysis: Analysis, block: AnalysedBlock) -> bool:
    return any(_names(analysis, act) for act in block.acts)


def _credit_line(block: AnalysedBlock, token: Token) -> bool:
    """A wire digest's item that closes with its source: "… is expected to … [Reuters]"."""
    bracket = block.block.text.find("[", token.idx)
    return bracket >= 0 and CREDIT.match(block.block.text, bracket) is not None


class AnonymousSource(Rule):
    """Flags sources the reader cannot identify.

    "A source said" is a warning: say why the source cannot be named and what
    they know. "People familiar with the talks" is info. An unnamed official or aide
    is not flagged for the information they give: the story usually says where they
    work. An anonymous source offering opinion rather than information is a
    warning (info for an official of a named institution): anonymity is for facts,
    not attacks.

    Not flagged: a source whose anonymity the story explains (before or after), or
    whose own sentence says what they fear; one met before ("the official", "sources"
    again); another outlet's source ("sources told the Ledger", "the Ledger reported,
    citing sources", "media sources", a paragraph reproduced after a lead-in such as
    "From the Ledger:", or a whole story retold from another outlet's, whose lead says
    "The Ledger reports that …"); and words inside a quotation. Words the source reports someone
    else said ("he told her she should quit") are information, not their opinion.

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
        met = Met()
        retold = _retold(analysis)
        for block, act in analysis.speech_acts():
            if not (act.region or id(act) in quoted) or analysis.in_quote(act.cue[0]):
                continue  # no report: "elected officials, called superdelegates"
            if analysis.in_quote(act.speaker[0]):
                continue
            severity = self._severity(block, act)
            if severity is None or self._explained(analysis, block, act, met):
                continue
            if retold or _other_outlet(block, act) or _excerpted(analysis, block):
                continue
            start, end = act.speaker
            span = analysis.text[start:end]
            if self._gives_opinion(block, act):
                message = f"Anonymous source '{span}' gives opinion, not information"
                severity = Severity.INFO if self._of_named_body(block, act) else Severity.WARNING
            else:
                message = f"Anonymous source '{span}'; say who they are or why they cannot be named"
            yield self.finding(analysis, start, end, message, severity=severity)

    def _severity(self, block: AnalysedBlock, act: SpeechAct) -> Severity | None:
        head = block.doc[act.head] if block.doc is not None else None
        if head is None or head.pos_ not in ("NOUN", "PROPN"):
            return None  # "Anything close to that range would signal …"
        if any(t.ent_type_ == "PERSON" for t in head.subtree) or any(
            c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children
        ):
            return None  # "harbour official Ayo Bello", "the official in charge, Bello,"
        if head.lower_ in words("sourcing", "anonymous-sources", "sources"):
            return Severity.WARNING
        phrase = " ".join(t.lower_ for t in _own_words(head))
        unnamed_phrase = any(
            p in phrase for p in words("sourcing", "anonymous-sources", "unnamed-phrases")
        )
        if unnamed_phrase:
            return Severity.INFO
        unnamed = head.lower_ in words("sourcing", "anonymous-sources", "unnamed")
        return Severity.WARNING if unnamed and self._gives_opinion(block, act) else None

    def _explained(
        self, analysis: Analysis, block: AnalysedBlock, act: SpeechAct, met: Met
    ) -> bool:
        """The query is answered or already asked: the story says why sources are not
        named (before or after), or the source's sentence says what they fear; "the
        official" refers back to one met before, or "sources" to the same sources; or "his
        advisers" says whose they are."""
        assert block.doc is not None
        head = block.doc[act.head]
        if _anonymity_explained(analysis) or _fears(head):
            return True
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
        definite = head.lemma_ in met.kinds and determiners & {"the", "that", "this", "those"}
        counted_only = all(c.dep_ in COUNTING_DEPS or _counting(c) for c in head.children)
        again = head.lower_ in met.forms and counted_only
        owned = any(c.dep_ == "poss" for c in head.children)
        met.kinds.add(head.lemma_)
        met.forms.add(head.lower_)
        return bool(definite) or again or owned

    def _gives_opinion(self, block: AnalysedBlock, act: SpeechAct) -> bool:
        """An opinion word in what the source says, not in a clause that describes
        someone ("the governor, who must decide") nor in what the source reports others
        said ("he told her she should go", "aides called it absurd"): that is a fact."""
        assert block.doc is not None
        opinion = words("sourcing", "anonymous-sources", "opinion")
        return any(
            block.doc[i].lower_ in opinion
            and not _describing(block.doc[i], act)
            and not _reported(block.doc[i], act)
            for i in act.region
        )

    def _of_named_body(self, block: AnalysedBlock, act: SpeechAct) -> bool:
        """ "A ministry official in Lagos", "a State Department aide": we know where they
        work."""
        assert block.doc is not None
        return any(_named(t) for t in block.doc[act.head].subtree)


@dataclass
class Met:
    """Sources met so far in a story: by kind ("source") and by form ("sources")."""

    kinds: set[str] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)


def _describing(token: Token, act: SpeechAct) -> bool:
    return any(a.dep_ == "relcl" and a.i in act.region for a in [token, *token.ancestors])


def _reported(token: Token, act: SpeechAct) -> bool:
    """A word inside what a verb of saying in the source's report governs."""
    verbs = words("sourcing", "vague-attribution", "verbs")
    return any(a.i in act.region and a.lemma_ in verbs for a in token.ancestors)


def _anonymity_explained(analysis: Analysis) -> bool:
    """The story, anywhere, says in its own words why a source is not named: a reason
    given once covers the sources before it too."""
    reasons = _reasons(tuple(words("sourcing", "anonymous-sources", "reasons")))
    return any(not analysis.in_quote(m.start()) for m in reasons.finditer(analysis.text))


def _fears(head: Token) -> bool:
    """ "a former aide, who was intimidated by the legal letters": the source's own
    sentence says what they fear, which is why they are not named."""
    fears = words("sourcing", "anonymous-sources", "fears")
    return any(t.lower_ in fears for t in head.sent)


def _excerpted(analysis: Analysis, block: AnalysedBlock) -> bool:
    """A paragraph of another outlet's article that the story reproduces after a lead-in
    ending with a colon that names the outlet: "From the Ledger:", "the Ledger reported:".
    Its sources are that outlet's."""
    lead = analysis.lead_in(block)
    return lead is not None and lead.doc is not None and any(_outlet(t) for t in lead.doc)


def _retold(analysis: Analysis) -> bool:
    """A story retold from another outlet's: its lead opens "The Ledger reports that …",
    so the anonymous sources that follow are that outlet's."""
    lead = next((b for b in analysis.blocks if not b.block.is_title), None)
    if lead is None or lead.doc is None:
        return False
    root = next(iter(lead.doc.sents)).root
    return root.lemma_ in words("sourcing", "anonymous-sources", "retold-verbs") and any(
        c.dep_ == "nsubj" and _outlet(c) for c in root.children
    )


@cache
def _reasons(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.IGNORECASE)


def _counting(modifier: Token) -> bool:
    """ "multiple", "several", "other": a count, not a description."""
    return modifier.dep_ == "amod" and modifier.lower_ in words(
        "sourcing", "anonymous-sources", "counts"
    )


def _own_words(head: Token) -> list[Token]:
    """The noun phrase without its relative clauses: in "lawmakers, who are close to the
    industry," the clause describes them, it does not hide who they are."""
    inside = {t.i for c in head.children if c.dep_ == "relcl" for t in c.subtree}
    return [t for t in head.subtree if t.i not in inside]


def _other_outlet(block: AnalysedBlock, act: SpeechAct) -> bool:
    """Another outlet's source, whose anonymity is that outlet's: "media sources",
    "a source told the Ledger", "a source speaking to Radio Nord", "the Ledger reported,
    citing sources", "a Ledger story in which sources said"."""
    assert block.doc is not None
    head, verb = block.doc[act.head], block.doc[act.verb]
    outlets = words("sourcing", "anonymous-sources", "outlet-words")
    if head.i > 0 and head.nbor(-1).lower_ in outlets:
        return True  # "media sources", not "media buying sources"
    verbs = words("sourcing", "anonymous-sources", "outlet-verbs")
    nouns = words("sourcing", "anonymous-sources", "outlet-nouns")
    related = [verb, *verb.ancestors, *head.subtree]
    return any(
        (token.lemma_ in verbs and any(_outlet(t) for t in _partners(token, head)))
        or (
            token.lemma_ in nouns
            and any(c.dep_ in ("compound", "poss") and _outlet(c) for c in token.children)
        )
        for token in related
    )


def _partners(verb: Token, source: Token) -> list[Token]:
    """Who a verb of telling or reporting involves besides the source: its subject,
    object, or the object of its "to"."""
    direct = [c for c in verb.children if c.dep_ in ("nsubj", "dobj", "dative")]
    indirect = [
        g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    ]
    return [t for t in direct + indirect if t.i != source.i]


def _outlet(token: Token) -> bool:
    """A name that is not a person's: a newspaper or broadcaster, as far as we can tell."""
    name = [t for t in token.subtree if t.pos_ == "PROPN"]
    return bool(name) and not any(t.ent_type_ == "PERSON" for t in name)


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
