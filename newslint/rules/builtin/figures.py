"""NL101 unsourced-figure: statistics that nobody in the copy stands behind."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.analysis.document import AnalysedBlock, Analysis
from newslint.analysis.nlp import Need
from newslint.rules.base import Finding, Option, Rule, Severity
from newslint.rules.builtin.lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

ALWAYS_FIGURES = frozenset({"PERCENT", "MONEY", "QUANTITY"})
NUMBER_WORDS = {
    "hundred": 100, "hundreds": 100, "thousand": 1_000, "thousands": 1_000,
    "million": 1_000_000, "millions": 1_000_000, "billion": 10**9, "billions": 10**9,
    "trillion": 10**12, "m": 1_000_000, "bn": 10**9, "k": 1_000,
}  # fmt: skip
DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True)
class Figure:
    """A statistic's span, its number, and the offset of its head word."""

    start: int
    end: int
    number: str
    anchor: int


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
    for phrase in sorted(words("sourcing", "figures", "approximators"), key=len, reverse=True):
        size = len(phrase.split())
        for start in (entity.start, entity.start - size):
            if start >= 0 and doc[start : start + size].text.lower() == phrase:
                return doc[start]
    return None


def _is_name_or_age(entity: Span) -> bool:
    before = entity.doc[entity.start - 1] if entity.start > 0 else None
    after = entity.doc[entity.end : entity.end + 2].text.lower()
    if before is not None and before.lower_ in words("sourcing", "figures", "name-words"):
        return True
    if before is not None and before.lower_ in words("sourcing", "figures", "age-words"):
        return True
    if any(after.startswith(w) or after.startswith("-" + w) for w in ("year-old", "years old")):
        return True
    head = entity.root.head
    return head.pos_ == "PROPN" and entity.root.dep_ in ("nummod", "appos", "npadvmod")


def figures(block: AnalysedBlock, min_cardinal: int) -> Iterator[Figure]:
    """Statistics in one block: percentages, money, quantities, big or estimated numbers."""
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
        start = block.offset(first)
        last = _with_scale(entity)
        end = block.offset(last) + len(last.text)
        yield Figure(start, end, entity.text, block.offset(entity.root))


def _with_currency(entity: Span) -> Token:
    """The entity's first token, or the currency symbol the model left outside it."""
    before = entity.doc[entity.start - 1] if entity.start > 0 else None
    return before if before is not None and before.is_currency else entity[0]


def _with_scale(entity: Span) -> Token:
    """The entity's last token, or a scale word the model left outside it ("3.4" + "m")."""
    after = entity.doc[entity.end] if entity.end < len(entity.doc) else None
    return after if after is not None and after.lower_ in NUMBER_WORDS else entity[-1]


def _number_key(text: str) -> str:
    return "".join(DIGITS.findall(text)) or text.lower()


class UnsourcedFigure(Rule):
    """Flags a statistic that nothing in its sentence attributes.

    Percentages, money, quantities with units, numbers of 100 or more, and any
    number after "about", "nearly", "some" or another approximator need a source
    the reader can see. Dates, years, times, ordinals, ages, numbers inside names
    (Article 5, Resolution 2202) and small counts are not statistics. A figure
    that is attributed elsewhere in the article is reported as info.

    Anti-pattern:
        About 40% of the town's bus routes will close.

    Best practice:
        About 40% of the town's bus routes will close, the transport authority said.
    """

    code = "NL101"
    name = "unsourced-figure"
    summary = "Figure has no source"
    needs = frozenset({Need.PARSE, Need.ENTITIES})
    options = (
        Option.positive("min-cardinal", 100, "Smallest plain number that counts as a statistic"),
    )

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        found = [
            f for block in analysis.blocks for f in figures(block, self.settings["min-cardinal"])
        ]
        sourced = {_number_key(f.number) for f in found if analysis.attribution_at(f.anchor)}
        for figure in found:
            if analysis.in_quote(figure.start, figure.end) or analysis.attribution_at(
                figure.anchor
            ):
                continue
            severity = Severity.INFO if _number_key(figure.number) in sourced else None
            span = analysis.text[figure.start : figure.end]
            message = f"Figure '{span}' has no source; say who gives it"
            yield self.finding(analysis, figure.start, figure.end, message, severity=severity)


RULES = [UnsourcedFigure]
