"""The attribution lexicon, read from the bundled rule pack."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from newslint.toml import bundled_pack, load_toml


@cache
def lexicon(name: str) -> dict[str, Any]:
    """A bundled lexicon pack by file stem, e.g. ``lexicon("sourcing")``."""
    return load_toml(bundled_pack(f"lexicon/{name}.toml"))


@cache
def words(name: str, table: str, key: str) -> frozenset[str]:
    return frozenset(lexicon(name)[table][key])


@dataclass(frozen=True)
class Lexicon:
    verb_class: dict[str, str]
    object_verbs: frozenset[str]
    attribution_nouns: frozenset[str]
    study_nouns: frozenset[str]
    source_verbs: frozenset[str]

    def reporting_class(self, lemma: str) -> str | None:
        """The class of a reporting verb ("neutral", "doubt", …), or None."""
        return self.verb_class.get(lemma.lower())


@cache
def default_lexicon() -> Lexicon:
    data = lexicon("attribution")
    verb_class = {verb: cls for cls, verbs in data["reporting-verbs"].items() for verb in verbs}
    return Lexicon(
        verb_class,
        frozenset(data["object-verbs"]["verbs"]),
        frozenset(data["attribution-nouns"]["nouns"]),
        frozenset(data["study-nouns"]["nouns"]),
        frozenset(data["source-verbs"]["verbs"]),
    )
