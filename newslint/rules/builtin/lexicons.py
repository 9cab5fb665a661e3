"""The word lists built-in rules read from the bundled rule packs under ``rules/lexicon``."""

from newslint.analysis.lexicon import lexicon, words

__all__ = ["lexicon", "words"]
