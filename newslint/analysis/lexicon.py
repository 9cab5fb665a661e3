"""The attribution lexicon, read from the bundled rule pack."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newslint.toml import bundled_pack, load_toml

LEXICON_PACK = "lexicon/attribution.toml"


@dataclass(frozen=True)
class Lexicon:
    verb_class: dict[str, str]
    attribution_nouns: frozenset[str]

    def is_reporting_verb(self, lemma: str) -> bool:
        return lemma.lower() in self.verb_class


@cache
def default_lexicon() -> Lexicon:
    data = load_toml(bundled_pack(LEXICON_PACK))
    verb_class = {verb: cls for cls, verbs in data["reporting-verbs"].items() for verb in verbs}
    return Lexicon(verb_class, frozenset(data["attribution-nouns"]["nouns"]))
