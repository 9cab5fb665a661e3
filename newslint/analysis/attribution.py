"""Who says so: reporting constructions and the words they attribute.

For each parsed block this finds every *speech act* (a speaker, a cue, a kind) and
the tokens it attributes:

- a reporting verb with a subject and a report ("X said that…", "…, said X",
  "police estimate 300"): the verb's clause, less its subject;
- a reporting verb in parenthesis ("…, the council has said, …"): the clause it
  interrupts;
- "according to X", "citing X", "as X put it", "in X's words": the whole sentence.

Agentless forms ("it is believed", "is expected to") have no speaker and attribute
nothing. A pronoun speaker ("It claimed…") carries over a source named earlier.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from newslint.analysis.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPEAKER_DEPS = ("nsubj", "csubj")
REPORT_DEPS = frozenset({"ccomp", "oprd", "xcomp"})
DESCRIPTIVE_DEPS = frozenset({"relcl", "acl"})


class Kind(str, Enum):
    REPORTED_SPEECH = "reported-speech"
    ACCORDING_TO = "according-to"
    ATTRIBUTION_NOUN = "attribution-noun"
    CARRIED_OVER = "carried-over"


@dataclass(frozen=True)
class SpeechAct:
    """Who says so and how. ``speaker`` and ``cue`` are source offsets ``[start, end)``.

    ``head`` and ``verb`` are the token indices of the speaker's head word and of the
    cue's first word, ``sentence`` the token range of its sentence and ``region`` the
    indices of the tokens it attributes, all in the block's doc (``region`` is empty when
    the verb has no report of its own, as in ``she told reporters:`` before a quote).
    """

    kind: Kind
    speaker: tuple[int, int]
    cue: tuple[int, int]
    verb_class: str | None
    sentence: tuple[int, int]
    region: frozenset[int] = field(default_factory=frozenset)
    head: int = 0
    verb: int = 0


def speech_acts(doc: Doc, lexicon: Lexicon, base: int) -> list[SpeechAct]:
    """Every speech act in a block's doc; ``base`` is the block's source offset."""
    tree = _Subtrees(doc)
    return [act for sentence in doc.sents for act in _sentence_acts(sentence, lexicon, base, tree)]


class _Subtrees:
    """Every token's subtree in one doc, as a slice of one depth-first order of its tokens.

    Built once per doc, so a long sentence with many reporting verbs costs a slice per
    verb, not a walk of spaCy's tree (a Python object per token) for each."""

    def __init__(self, doc: Doc) -> None:
        heads = [t.head.i for t in doc]
        children: list[list[int]] = [[] for _ in heads]
        for i, head in enumerate(heads):
            if head != i:
                children[head].append(i)
        self.order: list[int] = []
        self.start = [0] * len(heads)
        self.end = [0] * len(heads)
        stack = [i for i, head in enumerate(heads) if head == i]
        while stack:
            node = stack.pop()
            if node < 0:  # every descendant of ~node is placed
                self.end[~node] = len(self.order)
                continue
            self.start[node] = len(self.order)
            self.order.append(node)
            stack.append(~node)
            stack.extend(children[node])

    def of(self, token: Token) -> list[int]:
        """Indices of ``token`` and all its descendants."""
        return self.order[self.start[token.i] : self.end[token.i]]


def _sentence_acts(
    sentence: Span, lexicon: Lexicon, base: int, tree: _Subtrees
) -> Iterator[SpeechAct]:
    for token in sentence:
        act = _source_phrase(token, sentence, base, tree) or _reporting_verb(
            token, sentence, lexicon, base, tree
        )
        if act is not None:
            yield act


def _bounds(tokens: list[Token], base: int) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return base + first.idx, base + last.idx + len(last.text)


def _sentence_region(sentence: Span, source: Token, tree: _Subtrees) -> frozenset[int]:
    return frozenset(range(sentence.start, sentence.end)).difference(tree.of(source))


def _phrase_act(
    sentence: Span, source: Token, cue: list[Token], base: int, tree: _Subtrees
) -> SpeechAct:
    return SpeechAct(
        Kind.ACCORDING_TO,
        _bounds(list(source.subtree), base),
        _bounds(cue, base),
        None,
        (sentence.start, sentence.end),
        _sentence_region(sentence, source, tree),
        source.i,
        cue[0].i,
    )


def _source_phrase(token: Token, sentence: Span, base: int, tree: _Subtrees) -> SpeechAct | None:
    """ "according to X", "citing X", "as X put it", "in X's words"."""
    lower = token.lower_
    if lower == "according":
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        return _phrase_act(sentence, source, [token, to], base, tree) if source and to else None
    if lower == "citing":
        source = next((c for c in token.children if c.dep_ == "dobj"), None)
        return _phrase_act(sentence, source, [token], base, tree) if source else None
    if lower == "words" and token.head.lower_ == "in":
        source = next((c for c in token.children if c.dep_ == "poss"), None)
        return _phrase_act(sentence, source, [token.head, token], base, tree) if source else None
    if token.lemma_ == "put" and any(c.lower_ == "as" and c.dep_ == "mark" for c in token.children):
        source = next((c for c in token.children if c.dep_ == "nsubj"), None)
        return _phrase_act(sentence, source, [token], base, tree) if source else None
    return None


def phrasal(verb: Token) -> str:
    """The verb with its particle, as the lexicon lists two-word verbs ("point out")."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_} {particle}" if particle else verb.lemma_


def _verb_class(verb: Token, lexicon: Lexicon) -> str | None:
    return lexicon.reporting_class(phrasal(verb)) or lexicon.reporting_class(verb.lemma_)


def _speaker(verb: Token) -> Token | None:
    """The subject that speaks for a verb, borrowed from the clause where it has none."""
    subjects = [c for c in verb.children if c.dep_ in SPEAKER_DEPS]
    if not subjects and verb.dep_ == "acl":
        return verb.head  # "billboards proclaiming …"
    if not subjects and _borrows_subject(verb):
        return _speaker(verb.head)  # "He spoke, saying …", "He smiled and joked, …"
    inverted = [s for s in subjects if s.i > verb.i]  # "…, says the ministry"
    return (inverted or subjects or [None])[0]


def _borrows_subject(verb: Token) -> bool:
    """A participle or a second verb that shares the clause's subject."""
    if verb.head is verb or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ == "conj":
        return True
    return verb.tag_ == "VBG" and verb.dep_ in ("advcl", "pcomp", "xcomp")


def _reporting_verb(
    verb: Token, sentence: Span, lexicon: Lexicon, base: int, tree: _Subtrees
) -> SpeechAct | None:
    if verb.pos_ != "VERB":
        return None
    verb_class = _verb_class(verb, lexicon)
    speaker = _speaker(verb) if verb_class else None
    if speaker is None:
        return None
    words = [speaker] if verb.dep_ == "acl" else list(speaker.subtree)
    kind = _kind(speaker, lexicon)
    region = _region(verb, speaker, lexicon, tree)
    return SpeechAct(
        kind,
        _bounds(words, base),
        _bounds([verb], base),
        verb_class,
        (sentence.start, sentence.end),
        region,
        speaker.i,
        verb.i,
    )


def _kind(speaker: Token, lexicon: Lexicon) -> Kind:
    if speaker.pos_ == "PRON":
        return Kind.CARRIED_OVER
    if (
        speaker.lemma_.lower() in lexicon.attribution_nouns
        or speaker.lower_ in lexicon.attribution_nouns
    ):
        return Kind.ATTRIBUTION_NOUN
    return Kind.REPORTED_SPEECH


def _region(verb: Token, speaker: Token, lexicon: Lexicon, tree: _Subtrees) -> frozenset[int]:
    """The tokens the verb attributes: its report, or the clause it interrupts."""
    if verb.dep_ == "parataxis" or _is_as_clause(verb):
        return frozenset(tree.of(verb.head)).difference(tree.of(verb))
    if not _has_report(verb, speaker, lexicon):
        if _is_trailing(verb, speaker, tree):
            return frozenset(tree.of(verb.head)).difference(tree.of(verb))
        return frozenset()
    return frozenset(tree.of(verb)).difference(tree.of(speaker), (verb.i,))


def in_restrictive_clause(token: Token, verb: Token) -> bool:
    """True if ``token`` lies in a clause that picks out a noun below ``verb``
    ("regions that held votes"), not in an aside set off by a comma."""
    for node in [token, *token.ancestors]:
        if node.i == verb.i:
            return False
        if node.dep_ in DESCRIPTIVE_DEPS:
            first = min(node.subtree, key=lambda t: t.i)
            if first.i == 0 or first.nbor(-1).text != ",":
                return True
    return False


def _is_trailing(verb: Token, speaker: Token, tree: _Subtrees) -> bool:
    """ "Deficits will rise, the budget office reported on Tuesday": a reporting clause
    after a comma that the model hangs on the report as an adverbial clause."""
    if verb.dep_ != "advcl" or verb.i < verb.head.i or speaker.i > verb.i:
        return False
    first = verb.doc[min(tree.of(verb))]
    starts_with_speaker = first.i == min(tree.of(speaker))
    return starts_with_speaker and first.i > 0 and first.nbor(-1).text == ","


def _is_as_clause(verb: Token) -> bool:
    """ "…, as the minister said." """
    return verb.dep_ == "advcl" and any(
        c.lower_ == "as" and c.dep_ == "mark" for c in verb.children
    )


def _has_report(verb: Token, speaker: Token, lexicon: Lexicon) -> bool:
    for child in verb.children:
        if child.dep_ in REPORT_DEPS:
            return True
        if child.dep_ in SPEAKER_DEPS and child.i != speaker.i:  # "Prices fall, says bank"
            return True
        if child.dep_ == "prep" and child.lower_ == "as":  # "dismissed as a sham"
            return True
        if child.i > verb.i and not child.is_punct and verb.lemma_ in lexicon.object_verbs:
            return True  # "The survey found 61% …", however the model attaches the figure
    return False
