"""The attribution lexicon, read from the bundled rule pack."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newslint.toml import bundled_pack, load_toml

LEXICON_PACK = "lexicon/attribution.toml"


@dataclass(frozen=True)
class Lexicon:
    verb_class: dict[str, str]
    object_verbs: frozenset[str]
    attribution_nouns: frozenset[str]

    def reporting_class(self, lemma: str) -> str | None:
        """The class of a reporting verb ("neutral", "doubt", …), or None."""
        return self.verb_class.get(lemma.lower())


@cache
def default_lexicon() -> Lexicon:
    data = load_toml(bundled_pack(LEXICON_PACK))
    verb_class = {verb: cls for cls, verbs in data["reporting-verbs"].items() for verb in verbs}
    return Lexicon(
        verb_class,
        frozenset(data["object-verbs"]["verbs"]),
        frozenset(data["attribution-nouns"]["nouns"]),
    )
