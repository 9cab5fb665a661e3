"""The word lists built-in rules read from the bundled rule packs under ``rules/lexicon``."""

from __future__ import annotations

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
