"""Figures and their kinds: which numbers are claims that need a source.

Percentages, money, quantities and large or approximated numbers are *figures*. Not
every figure is a claim: a price paid, a sum raised, a score or a result can be
checked. A figure is a claim when it is an estimate ("about 40%"), a forecast ("will
rise by 12%"), a count of people in a crowd or among casualties, or a statistic about
people or the economy. The cue words live in ``rules/lexicon/figures.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

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
    """A figure's span, its number, the offset of its head word, and its kind."""

    start: int
    end: int
    number: str
    anchor: int
    kind: FigureKind


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
    for phrase in sorted(_cues("estimate", "approximators"), key=len, reverse=True):
        size = len(phrase.split())
        for start in (entity.start, entity.start - size):
            if start >= 0 and doc[start : start + size].text.lower() == phrase:
                return doc[start]
    return None


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
    """The noun a figure counts: "300" in "300 people", "40%" in "40% of voters"."""
    root = entity.root
    if root.dep_ in ("nummod", "quantmod") and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    of = next((c for c in root.children if c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return noun if noun is not None else root


def kind_of(entity: Span, approximated: bool) -> FigureKind:
    """What kind of figure an entity is; see the module docstring."""
    clause = _clause(entity.root)
    lemmas = {t.lemma_.lower() for t in clause.subtree} | {t.lower_ for t in clause.subtree}
    governing = _governing_words(entity)
    auxiliaries = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    changes = clause.lemma_.lower() in _cues("forecast", "verbs")
    if (changes and auxiliaries & _cues("forecast", "modals")) or governing & _cues(
        "forecast", "cues"
    ):
        return FigureKind.FORECAST
    if governing & _cues("estimate", "cues"):
        return FigureKind.ESTIMATE
    if entity.label_ in ("MONEY", "QUANTITY") or not any(ch.isdigit() for ch in entity.text):
        return FigureKind.FACT  # a sum paid, a distance, or a vague "thousands"
    if IN_TEN.match(entity.doc[entity.start : entity.end + 3].text):
        return FigureKind.STATISTIC  # "about 4 in 10 voters"
    if lemmas & _cues("result", "cues") or _settled(clause):
        return FigureKind.FACT
    counted = _counted(entity).lemma_.lower()
    if counted in _cues("people", "nouns") or clause.lemma_.lower() in _cues("people", "verbs"):
        return FigureKind.PEOPLE
    if approximated:
        return FigureKind.ESTIMATE
    if entity.label_ == "PERCENT" and lemmas & _cues("statistic", "nouns"):
        return FigureKind.STATISTIC
    return FigureKind.FACT


def _governing_words(entity: Span) -> set[str]:
    """Words that govern the figure: its heads up the tree and its own noun phrase
    ("is projected to be $5bn", "an estimated 11 million"), not the rest of the sentence."""
    near = [*_heads(entity.root), *_counted(entity).children, *entity.root.children]
    return {t.lemma_.lower() for t in near} | {t.lower_ for t in near}


def _heads(token: Token) -> list[Token]:
    """The heads above a token, stopping at a subject: a figure in "a staff of 100 are
    expected to…" is not what is expected."""
    heads = []
    while token.head.i != token.i and token.dep_ not in ("nsubj", "nsubjpass"):
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


def figures(block: AnalysedBlock, min_cardinal: int) -> Iterator[Figure]:
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
            kind_of(entity, approx is not None),
        )


def _with_currency(entity: Span) -> Token:
    """The entity's first token, or the currency symbol the model left outside it."""
    before = entity.doc[entity.start - 1] if entity.start > 0 else None
    return before if before is not None and before.is_currency else entity[0]


def _with_scale(entity: Span) -> Token:
    """The entity's last token, or a scale word the model left outside it ("3.4" + "m")."""
    after = entity.doc[entity.end] if entity.end < len(entity.doc) else None
    return after if after is not None and after.lower_ in NUMBER_WORDS else entity[-1]
