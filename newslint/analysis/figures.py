"""Figures and their kinds: which numbers are claims that need a source.

Percentages, money, quantities and large or approximated numbers are *figures*. Not
every figure is a claim: a price paid, a sum raised, a score, a result or vote share,
a threshold or target, a figure hyphenated to a noun, and an organisation's count of
its own members or records can be checked. A figure is a claim when it is an estimate
("about 40%", "an estimated 11 million"), a forecast ("will rise by 12%"), a count of
people in a crowd or among casualties in the thousands, or a statistic about people or
the economy ("there are 300,000 steel workers"). The cue words live in
``rules/lexicon/figures.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING

from newslint.analysis.attribution import phrasal
from newslint.analysis.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newslint.analysis.document import AnalysedBlock

ALWAYS_FIGURES = frozenset({"PERCENT", "MONEY", "QUANTITY"})
NUMBER_WORDS = {
    "hundred": 100, "hundreds": 100, "thousand": 1_000, "thousands": 1_000,
    "million": 1_000_000, "millions": 1_000_000, "billion": 10**9, "billions": 10**9,
    "trillion": 10**12, "m": 1_000_000, "bn": 10**9, "k": 1_000,
}  # fmt: skip
DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
YEAR = re.compile(r"^(1[89]|20)\d\d$")
SUBJECTS = ("nsubj", "nsubjpass")
STOPS = (*SUBJECTS, "appos")
IN_TEN = re.compile(r"^(?:about |nearly |almost |roughly )?\w+ (?:in|out of) (?:10|ten)\b", re.I)


class FigureKind(str, Enum):
    ESTIMATE = "estimate"
    FORECAST = "forecast"
    PEOPLE = "people"
    STATISTIC = "statistic"
    FACT = "fact"

    @property
    def claim(self) -> bool:
        return self is not FigureKind.FACT


@dataclass(frozen=True)
class Figure:
    """A figure's span, its number, the offset of its head word, its kind, whether it is
    a share ("40%", "4 in 10") and whether its sentence names whose figures they are
    ("the party's plan", "its target"), and the name its clause is about ("Acme is
    expected to cut 300 jobs")."""

    start: int
    end: int
    number: str
    anchor: int
    kind: FigureKind
    share: bool = False
    owned: bool = False
    actor: str | None = None


def _cues(table: str, key: str) -> frozenset[str]:
    return words("figures", table, key)


def _value(entity: Span) -> float:
    """The largest value an entity states ("2.5 million" is 2,500,000)."""
    value = 0.0
    for token in entity:
        match = DIGITS.search(token.text)
        if match:
            value = max(value, float(match.group().replace(",", "")))
        scale = NUMBER_WORDS.get(token.lower_)
        if scale:
            value = max(value * scale, scale)
    return value


def _approximator(entity: Span) -> Token | None:
    """The first token of an approximator right before (or opening) the entity."""
    doc = entity.doc
    for phrase, size in _approximators():
        for start in (entity.start, entity.start + 1, entity.start - size):
            if start >= 0 and doc[start : start + size].text.lower() == phrase:
                return doc[start]
    return None


@cache
def _approximators() -> list[tuple[str, int]]:
    """Approximator phrases, longest first, with their sizes in words."""
    phrases = sorted(_cues("estimate", "approximators"), key=len, reverse=True)
    return [(phrase, len(phrase.split())) for phrase in phrases]


def _is_name_or_age(entity: Span) -> bool:
    before = entity.doc[entity.start - 1] if entity.start > 0 else None
    after = entity.doc[entity.end : entity.end + 2].text.lower()
    if before is not None and before.lower_ in _cues("names", "name-words"):
        return True
    if before is not None and before.lower_ in _cues("names", "age-words"):
        return True
    if any(after.startswith(w) or after.startswith("-" + w) for w in ("year-old", "years old")):
        return True
    head = entity.root.head
    return head.pos_ == "PROPN" and entity.root.dep_ in ("nummod", "appos", "npadvmod")


def _clause(token: Token) -> Token:
    """The verb heading the clause a token belongs to (or the sentence root)."""
    for node in [token, *token.ancestors]:
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            return node
    return token.sent.root


def _counted(entity: Span) -> Token:
    """The noun a figure counts: "300" in "300 people", "40%" in "40% of voters",
    "100,000" in "100,000 more women"."""
    root = _number(entity)
    if root.dep_ in ("nummod", "quantmod", "advmod", "npadvmod"):
        head = root.head
        while head.pos_ == "ADJ" and head.dep_ == "amod":
            head = head.head
        if head.pos_ in ("NOUN", "PROPN"):
            return head
    of = next((c for c in root.children if c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return noun if noun is not None else root


def _number(entity: Span) -> Token:
    """The entity's number: its root, unless the model took in a determiner before it
    ("an estimated 11,000", whose root is "an")."""
    numbers = [t for t in entity if t.like_num]
    return entity.root if entity.root.like_num or not numbers else numbers[-1]


def kind_of(entity: Span, approximated: bool, min_people: float) -> FigureKind:
    """What kind of figure an entity is; see the module docstring."""
    clause = _clause(entity.root)
    governing = _governing_words(entity)
    if _is_compound_modifier(entity) or governing & _cues("threshold", "cues"):
        return FigureKind.FACT  # "an 8,000-word article", "the 1,237 delegates needed"
    auxiliaries = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    changes = clause.lemma_.lower() in _cues("forecast", "verbs")
    if (changes and auxiliaries & _cues("forecast", "modals")) or governing & _cues(
        "forecast", "cues"
    ):
        return FigureKind.FORECAST
    if governing & _cues("estimate", "cues"):
        return FigureKind.FACT if _established(entity) else FigureKind.ESTIMATE
    if entity.label_ in ("MONEY", "QUANTITY") or not any(ch.isdigit() for ch in entity.text):
        return FigureKind.FACT  # a sum paid, a distance, or a vague "thousands"
    if IN_TEN.match(_with_next(entity, 3)):
        return FigureKind.STATISTIC  # "about 4 in 10 voters"
    crowd = _counts_people(entity, clause, "people")
    if crowd or (_counts_people(entity, clause, "casualties") and not _settled(clause)):
        return FigureKind.PEOPLE if _value(entity) >= min_people else FigureKind.FACT
    lemmas = {t.lemma_.lower() for t in clause.subtree} | {t.lower_ for t in clause.subtree}
    if lemmas & _cues("result", "cues") or _settled(clause):
        return FigureKind.FACT
    return _count_kind(entity, clause, approximated, lemmas)


def _count_kind(entity: Span, clause: Token, approximated: bool, lemmas: set[str]) -> FigureKind:
    """The kind of a plain count or percentage: a statistic about a population or an
    economy, an approximated share, or a fact."""
    if entity.label_ == "PERCENT" and lemmas & _cues("official", "series"):
        return FigureKind.FACT  # "the city's unemployment rate is 4.6 percent"
    counted = _counted(entity).lemma_.lower()
    population = counted in _cues("statistic", "population") and not _named_subject(clause)
    if population and (_states(clause) or (approximated and counted != "people")):
        return FigureKind.ESTIMATE if approximated else FigureKind.STATISTIC
    if entity.label_ != "PERCENT":
        return FigureKind.FACT  # pages released, donors, members: on record
    if _won(entity, clause):
        return FigureKind.FACT
    if approximated and not _moved(clause):
        return FigureKind.ESTIMATE
    if lemmas & _cues("statistic", "nouns"):
        return FigureKind.STATISTIC
    return FigureKind.FACT


def _established(entity: Span) -> bool:
    """A definite estimate is an established figure: "the estimated 11 million"."""
    first = next((t.i for t in entity if t.like_num), entity.start)
    before = [t.lower_ for t in entity.doc[max(first - 2, 0) : first]]
    return len(before) == 2 and before[0] == "the" and before[1] in _cues("estimate", "cues")


def _counts_people(entity: Span, clause: Token, table: str) -> bool:
    """A count of people in a crowd (``table`` "people") or among casualties and the
    displaced ("casualties")."""
    counted = _counted(entity).lemma_.lower()
    if counted in _cues(table, "nouns"):
        return True
    if counted not in ("people", "person") and entity.root.dep_ not in SUBJECTS:
        return False
    if phrasal(clause).lower() in _cues(table, "verbs"):
        return True
    heads = _heads(entity.root)
    return table == "people" and any(t.lemma_.lower() in _cues(table, "gatherings") for t in heads)


def _is_compound_modifier(entity: Span) -> bool:
    """A figure hyphenated to a noun describes it: "a 15,000-member staff", "a
    trillion-dollar law" (but "28,000-plus" is a count)."""
    doc = entity.doc
    for token in doc[entity.start : entity.end + 1]:
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.text == "-" and after is not None and after.pos_ in ("NOUN", "ADJ"):
            return True
    return False


def _states(clause: Token) -> bool:
    """A clause that says how things are: "there are", "have", in the present tense."""
    return clause.tag_ in ("VBZ", "VBP")


def _named_subject(clause: Token) -> bool:
    """The clause's subject is a name: "the union represents 50,000 workers"."""
    return any(c.dep_ in SUBJECTS and c.pos_ == "PROPN" for c in clause.children)


def _won(entity: Span, clause: Token) -> bool:
    """A bare share a named candidate or party took: "Cruz pulled almost 70 percent"."""
    return _counted(entity).i == entity.root.i and _named_subject(clause)


def _moved(clause: Token) -> bool:
    """A past movement: "it declined, dropping roughly 50 percent"."""
    verbs = [clause, *(t for t in clause.ancestors if t.pos_ == "VERB")]
    past = any(v.tag_ in ("VBD", "VBN") for v in verbs)
    return past and any(v.lemma_.lower() in _cues("moves", "verbs") for v in verbs)


def _governing_words(entity: Span) -> set[str]:
    """Words that govern the figure: its heads up the tree and its own noun phrase
    ("is projected to be $5bn", "an estimated 11 million"), not the rest of the sentence."""
    counted = _counted(entity)
    near = [*_heads(entity.root), *counted.children, *entity.root.children]
    near = [t for t in near if t.i != counted.i]  # "3,500 projects" projects nothing
    return {t.lemma_.lower() for t in near} | {t.lower_ for t in near}


def _heads(token: Token) -> list[Token]:
    """The heads above a token up to its clause's verb, and on up a chain of infinitives
    ("is expected to cut 300 jobs"). They stop at a subject or an appositive: a figure
    in "a staff of 100 are expected to…" is not what is expected."""
    heads = []
    while token.head.i != token.i and token.dep_ not in STOPS:
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "xcomp":
            break
        token = token.head
        heads.append(token)
    return heads


def _settled(clause: Token) -> bool:
    """A past event dated by month or year ("killed 130 people in Paris in November"):
    a settled figure, not the story's own claim."""
    if clause.tag_ != "VBD":
        return False
    dates = [t for t in clause.subtree if t.ent_type_ == "DATE"]
    return any(t.lower_ in _cues("settled", "date-words") or YEAR.match(t.text) for t in dates)


def figures(block: AnalysedBlock, min_cardinal: int, min_people: int) -> Iterator[Figure]:
    """Figures in one block: percentages, money, quantities, big or estimated numbers."""
    if block.doc is None:
        return
    for entity in block.doc.ents:
        if entity.label_ not in ALWAYS_FIGURES | {"CARDINAL"} or _is_name_or_age(entity):
            continue
        approx = _approximator(entity)
        is_year = bool(YEAR.match(entity.text)) and entity.label_ == "CARDINAL"
        big = entity.label_ != "CARDINAL" or _value(entity) >= min_cardinal
        if is_year or not (big or approx is not None):
            continue
        first = approx if approx is not None and approx.i < entity.start else _with_currency(entity)
        last = _with_scale(entity)
        yield Figure(
            block.offset(first),
            block.offset(last) + len(last.text),
            entity.text,
            block.offset(entity.root),
            kind_of(entity, approx is not None, min_people),
            entity.label_ == "PERCENT" or bool(IN_TEN.match(_with_next(entity, 3))),
            _owned(entity),
            _actor(entity),
        )


def _actor(entity: Span) -> str | None:
    """The name that is the subject of the figure's clause, up a chain of infinitives."""
    clause = _clause(entity.root)
    while clause.dep_ == "xcomp":
        clause = clause.head
    names = [c for c in clause.children if c.dep_ in SUBJECTS and c.pos_ == "PROPN"]
    return names[0].text if names else None


def _with_next(entity: Span, size: int) -> str:
    return entity.doc[entity.start : entity.end + size].text


def _owned(entity: Span) -> bool:
    """Someone in the sentence gives the figure: an owned plan, outlook or target ("the
    party's plan to cut 5,000 posts"), someone named who counts or models ("scholars
    modeled …"), or a verb whose "that" clause holds it ("held a briefing to boast that
    unemployment had fallen below 5%")."""
    nouns = _cues("owned", "nouns")
    for token in entity.sent:
        if token.lemma_.lower() in nouns and any(c.dep_ == "poss" for c in token.children):
            return True
    if gives_figures(entity.sent):
        return True
    clause = _clause(entity.root)
    that = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    head = clause.head
    said = head.pos_ == "VERB" and head.lemma_.lower() not in _cues("owned", "not-saying")
    return clause.dep_ == "ccomp" and that and said


def gives_figures(sentence: Span) -> bool:
    """Someone named in the sentence counts, estimates or models: "advocates estimated"."""
    verbs = words("attribution", "figure-verbs", "verbs")
    return any(t.pos_ == "VERB" and t.lemma_.lower() in verbs and _named_actor(t) for t in sentence)


def _named_actor(verb: Token) -> bool:
    """The verb has a subject that names someone: "scholars at the institute modeled"."""
    return any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def _with_currency(entity: Span) -> Token:
    """The entity's first token, or the currency symbol the model left outside it."""
    before = entity.doc[entity.start - 1] if entity.start > 0 else None
    return before if before is not None and before.is_currency else entity[0]


def _with_scale(entity: Span) -> Token:
    """The entity's last token, or a scale word the model left outside it ("3.4" + "m")."""
    after = entity.doc[entity.end] if entity.end < len(entity.doc) else None
    return after if after is not None and after.lower_ in NUMBER_WORDS else entity[-1]
