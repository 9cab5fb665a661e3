"""One TOML reader for every layer (tomllib from 3.11, tomli before)."""

from __future__ import annotations

import sys
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

TOMLDecodeError = tomllib.TOMLDecodeError


def load_toml(path: Path | Traversable) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def bundled_pack(name: str) -> Traversable:
    """A rule pack shipped with newslint, e.g. ``bundled_pack("lexicon/attribution.toml")``."""
    return files("newslint.packs").joinpath(name)
