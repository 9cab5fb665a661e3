"""The word lists built-in rules read from the bundled rule packs under ``rules/lexicon``."""

from collections.abc import Iterable

from newslint.analysis.lexicon import lexicon, words

__all__ = ["lexicon", "says_any", "words"]


def says_any(spaced_words: str, phrases: Iterable[str]) -> bool:
    """Whether any phrase stands, as whole words, in words joined by single spaces
    ("she misspoke when she claimed" holds "misspoke")."""
    padded = f" {spaced_words} "
    return any(f" {phrase} " in padded for phrase in phrases)
