"""The model's attribute ruler and lemmatizer, answered from memory.

Both set each token's attributes from a handful of its own: the ruler from its tag,
lowercase form, dependency and whether it is a space (a few patterns read a neighbour
too); the lemmatizer from its form, part of speech and morphology. News copy repeats
those combinations endlessly, so each is worked out once, with the model's own patterns
and lemmatizer, then read back from memory over whole arrays: the attributes the
model's components would set, at a fraction of their cost per token.

A model whose ruler tests or sets anything else keeps its own components.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"
READ = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what the ruler's patterns may test
WRITTEN = ("POS", "MORPH", "LEMMA", "TAG", "DEP")  # what its rules may set

Test = Callable[[Any], bool]
Signature = tuple[int, ...]  # a token's READ attributes, as the doc's array holds them
Setting = tuple[int, dict[int, int]]  # a rule's position, and its values by column
MEMORY = 200_000  # signatures and lemmas kept; past it, memory starts again


@dataclass(frozen=True)
class _Pattern:
    rule: int
    steps: tuple[dict[str, Test], ...]  # each token's tests by attribute
    index: int  # which token of the match the rule sets
    values: dict[int, int]  # the values it sets, by column of WRITTEN
    exact: dict[str, str]  # the first token's attributes it wants as one exact value


@dataclass(frozen=True)
class _Known:
    """What a token's signature decides: the one-token rules it matches, and the longer
    patterns whose first token it matches."""

    settings: tuple[Setting, ...]
    starts: tuple[_Pattern, ...]


class TokenRules:
    """Sets what the model's attribute ruler and lemmatizer would, from memory."""

    def __init__(self, nlp: Language, patterns: list[_Pattern]) -> None:
        from spacy import attrs

        self.nlp = nlp
        self.lemmatizer = nlp.get_pipe(LEMMATIZER)
        # Each pattern filed under the tag or form its first token must have, if any,
        # so that a new signature is tested against few patterns.
        self.by_value: dict[tuple[str, str], list[_Pattern]] = {}
        self.unindexed: list[_Pattern] = []
        for pattern in patterns:
            key = next((k for k in ("TAG", "LOWER") if k in pattern.exact), None)
            if key is None:
                self.unindexed.append(pattern)
            else:
                self.by_value.setdefault((key, pattern.exact[key]), []).append(pattern)
        self.read = [getattr(attrs, name) for name in READ]
        self.written = [getattr(attrs, name) for name in WRITTEN]
        self.lemma_key = [attrs.ORTH, attrs.POS, attrs.MORPH, attrs.LEMMA]
        self.known: dict[Signature, _Known] = {}
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, docs: Sequence[Doc]) -> None:
        for doc in docs:
            self._rule(doc)
            self._lemmatize(doc)

    def _rule(self, doc: Doc) -> None:
        """The ruler: rules apply in their order, a later one overriding an earlier."""
        signatures = [tuple(row) for row in doc.to_array(self.read).tolist()]
        changes: dict[int, list[Setting]] = {}
        for i, signature in enumerate(signatures):
            known = self._known(signature)
            if known.settings:
                changes.setdefault(i, []).extend(known.settings)
            for pattern in known.starts:
                end = i + len(pattern.steps)
                if end <= len(doc) and all(
                    _passes(self._token(signatures[j]), tests)
                    for j, tests in zip(range(i + 1, end), pattern.steps[1:], strict=True)
                ):
                    target = i + pattern.index % len(pattern.steps)
                    changes.setdefault(target, []).append((pattern.rule, pattern.values))
        if changes:
            self._write(doc, changes)

    def _write(self, doc: Doc, changes: Mapping[int, list[Setting]]) -> None:
        columns = doc.to_array(self.written)
        dep = WRITTEN.index("DEP")
        for i, settings in changes.items():
            for _, values in sorted(settings, key=lambda setting: setting[0]):
                for column, value in values.items():
                    columns[i, column] = value
                if dep in values:  # from_array would want the heads as well
                    doc[i].dep = values[dep]
        kept = [c for c in range(len(WRITTEN)) if c != dep]
        doc.from_array([self.written[c] for c in kept], columns[:, kept])

    def _known(self, signature: Signature) -> _Known:
        known = self.known.get(signature)
        if known is None:
            if len(self.known) >= MEMORY:
                self.known.clear()
            token = self._token(signature)
            candidates = sorted(
                (
                    *self.by_value.get(("TAG", token["TAG"]), ()),
                    *self.by_value.get(("LOWER", token["LOWER"]), ()),
                    *self.unindexed,
                ),
                key=lambda pattern: pattern.rule,
            )
            matched = [p for p in candidates if _passes(token, p.steps[0])]
            settings = tuple((p.rule, p.values) for p in matched if len(p.steps) == 1)
            starts = tuple(p for p in matched if len(p.steps) > 1)
            known = self.known[signature] = _Known(settings, starts)
        return known

    def _token(self, signature: Signature) -> dict[str, Any]:
        strings = self.nlp.vocab.strings
        tag, lower, dep, space = signature
        return {
            "TAG": strings[tag],
            "LOWER": strings[lower],
            "DEP": strings[dep],
            "IS_SPACE": bool(space),
        }

    def _lemmatize(self, doc: Doc) -> None:
        """The lemmatizer, for each token the ruler gave no lemma."""
        rows = doc.to_array(self.lemma_key)
        lemmas = rows[:, 3:].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            found = self.lemmas.get((orth, pos, morph))
            if found is None:
                if len(self.lemmas) >= MEMORY:
                    self.lemmas.clear()
                text = self.lemmatizer.lemmatize(doc[i])[0]
                found = self.lemmas[orth, pos, morph] = self.nlp.vocab.strings.add(text)
            lemmas[i, 0] = found
        doc.from_array([self.lemma_key[3]], lemmas)


def token_rules(nlp: Language) -> TokenRules | None:
    """The model's ruler and lemmatizer from memory; None if it lacks either, or its
    ruler tests or sets what this does not."""
    return _token_rules(id(nlp), nlp)


@cache
def _token_rules(_: int, nlp: Language) -> TokenRules | None:
    from spacy import attrs

    if not (nlp.has_pipe(RULER) and nlp.has_pipe(LEMMATIZER)):
        return None
    ruler = nlp.get_pipe(RULER)
    columns = {getattr(attrs, name): column for column, name in enumerate(WRITTEN)}
    patterns = []
    for rule, (entry, values) in enumerate(zip(ruler.patterns, ruler.attrs, strict=True)):
        if not set(values) <= set(columns):
            return None
        for pattern in entry["patterns"]:
            steps = [_tests(step) for step in pattern]
            if any(step is None for step in steps):
                return None
            patterns.append(
                _Pattern(
                    rule,
                    tuple(steps),
                    entry.get("index", 0),
                    {columns[a]: value for a, value in values.items()},
                    {k: v for k, v in pattern[0].items() if isinstance(v, str)},
                )
            )
    return TokenRules(nlp, patterns)


def _tests(step: Mapping[str, Any]) -> dict[str, Test] | None:
    """One token's tests by attribute; None if it tests what this does not read."""
    if not set(step) <= set(READ):
        return None
    tests = {key: _test(wanted) for key, wanted in step.items()}
    return None if any(test is None for test in tests.values()) else tests  # type: ignore[return-value]


def _test(wanted: Any) -> Test | None:
    if not isinstance(wanted, dict):
        return lambda value: value == wanted
    if set(wanted) == {"IN"}:
        allowed = frozenset(wanted["IN"])
        return lambda value: value in allowed
    if set(wanted) == {"NOT_IN"}:
        barred = frozenset(wanted["NOT_IN"])
        return lambda value: value not in barred
    if set(wanted) == {"REGEX"}:
        pattern = re.compile(wanted["REGEX"])
        return lambda value: isinstance(value, str) and bool(pattern.search(value))
    return None


def _passes(token: Mapping[str, Any], tests: Mapping[str, Test]) -> bool:
    return all(test(token[key]) for key, test in tests.items())
