"""Consistent spelling (NL503): one spelling of each word or name in a story."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from newslint.analysis.document import AnalysedBlock, Analysis
from newslint.analysis.nlp import Need
from newslint.documents.model import BlockKind
from newslint.rules.base import Finding, Rule
from newslint.rules.builtin.lexicons import lexicon
from newslint.rules.builtin.people import capitalised

# Where a form's literal beginning ends: regex syntax, or a space (any whitespace).
SYNTAX = set("\\()[]{}?*+|.^$ ")
WORD_START = re.compile(r"\b\w")
OPENING = 3  # characters of a word's opening that the pre-check compares
OPTIONAL = set("?*{")  # these make the character before them optional


@dataclass(frozen=True)
class Form:
    """One spelling: its pattern, and the letters (lower case) every match starts with."""

    pattern: str
    literal: str

    @property
    def compiled(self) -> re.Pattern[str]:
        return _compiled(self.pattern)


@dataclass(frozen=True)
class VariantGroup:
    """Spellings of one word; ``names`` groups are matched whatever the capitals."""

    forms: tuple[Form, ...]
    names: bool


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    body = pattern.replace(" ", r"\s+")
    return re.compile(rf"\b(?:{body})\b", re.I)


def literal_start(pattern: str) -> str:
    """The letters every match of ``pattern`` starts with, in lower case ("judgement"
    for "judgements?", "fulfil" for "fulfil|fulfils"); "" when it cannot tell."""
    depth, alternatives, current = 0, [], ""
    for char in pattern:  # split at top-level bars
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            alternatives.append(current)
            current = ""
        else:
            current += char
    starts = [_prefix(alternative).lower() for alternative in [*alternatives, current]]
    shortest = min(starts, key=len)
    while not all(start.startswith(shortest) for start in starts):
        shortest = shortest[:-1]
    return shortest


def _prefix(pattern: str) -> str:
    for index, char in enumerate(pattern):
        if char in SYNTAX:
            return pattern[: index - 1] if char in OPTIONAL else pattern[:index]
    return pattern


def _form(pattern: str) -> Form:
    return Form(pattern, literal_start(pattern))


@cache
def variant_groups() -> tuple[VariantGroup, ...]:
    table = lexicon("variants")
    spellings = [entry["forms"] for entry in table["spellings"]]
    for family in table["families"]:
        spellings += [[f"{stem}(?:{form})" for form in family["forms"]] for stem in family["stems"]]
    groups = [VariantGroup(tuple(map(_form, forms)), False) for forms in spellings]
    groups += [VariantGroup(tuple(map(_form, e["forms"])), True) for e in table["names"]]
    return tuple(groups)


class VariantConsistency(Rule):
    """Flags a story that mixes spellings of one word or one name.

    "Organise" and "organize", "referendums" and "referenda", "Zelensky" and
    "Zelenskyy" are each fine, but not in one story. The form used less often
    is reported wherever it appears (on a tie, the form that came in later).
    Quotes, block quotes and proper names ("World Health Organization") are
    left alone. The spellings live in the lexicon ``rules/lexicon/variants.toml``.

    Anti-pattern:
        Two referendums were held in May. Both referenda failed.

    Best practice:
        Two referendums were held in May. Both referendums failed.
    """

    code = "NL503"
    name = "variant-consistency"
    summary = "Spellings of one word mixed in one story"
    needs = frozenset({Need.PARSE})

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        blocks = [b for b in analysis.blocks if b.block.kind is not BlockKind.BLOCK_QUOTE]
        lowered = analysis.text.lower()
        openings = _word_openings(lowered)
        for group in variant_groups():
            # most forms never appear: a group needs two in the text before any regex runs
            written = [form for form in group.forms if _written(form, lowered, openings)]
            if len(written) < 2:
                continue
            uses = [self._uses(analysis, blocks, form.compiled, group.names) for form in written]
            present = [spans for spans in uses if spans]
            if len(present) < 2:
                continue
            chosen = max(present, key=lambda spans: (len(spans), -spans[0][0]))
            first, last = chosen[0]
            there = analysis.text[first:last]
            for start, end in (span for spans in present if spans is not chosen for span in spans):
                here = analysis.text[start:end]
                message = f"'{here}' here, but '{there}' elsewhere in this article; pick one"
                yield self.finding(analysis, start, end, message)

    def _uses(
        self,
        analysis: Analysis,
        blocks: list[AnalysedBlock],
        form: re.Pattern[str],
        names: bool,
    ) -> list[tuple[int, int]]:
        if not form.search(analysis.text):  # most forms never appear: one scan, not one a block
            return []
        uses = []
        for block in blocks:
            for match in form.finditer(block.block.text):
                start, end = block.block.start + match.start(), block.block.start + match.end()
                if analysis.in_quote(start, end) or (not names and _proper(block, start)):
                    continue
                uses.append((start, end))
        return uses


def _word_openings(lowered: str) -> set[str]:
    """The first ``OPENING`` characters of every word in the text."""
    return {lowered[m.start() : m.start() + OPENING] for m in WORD_START.finditer(lowered)}


def _written(form: Form, lowered: str, openings: set[str]) -> bool:
    """Whether the text holds the form's literal start; every match opens a word, so a
    literal whose opening no word has is absent without a search of the text."""
    literal = form.literal
    if len(literal) >= OPENING and literal[0].isalnum() and literal[:OPENING] not in openings:
        return False
    return literal in lowered


def _proper(block: AnalysedBlock, offset: int) -> bool:
    """A capitalised word inside a sentence, or tagged a proper noun: part of a name."""
    token = block.token_at(offset)
    if token is None or not capitalised(token):
        return False
    return not token.is_sent_start or token.pos_ == "PROPN"


RULES: list[type[Rule]] = [VariantConsistency]
