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


class TOMLError(ValueError):
    """A file that is not UTF-8 or not TOML; the message says where in the file."""


def load_toml(path: Path | Traversable) -> dict[str, Any]:
    """The file's tables; TOMLError for bad UTF-8, bad TOML or nesting too deep to read.

    A UTF-8 byte-order mark, which some editors write, is allowed."""
    with path.open("rb") as handle:
        data = handle.read()
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise TOMLError(f"invalid UTF-8 at line {line} (byte offset {exc.start})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise TOMLError(str(exc)) from exc
    except RecursionError as exc:
        raise TOMLError("arrays or tables nested too deeply to read") from exc


def bundled_pack(name: str) -> Traversable:
    """A rule pack shipped with newslint, e.g. ``bundled_pack("lexicon/attribution.toml")``."""
    return files("newslint.packs").joinpath(name)


def bundled_packs(folder: str) -> list[Traversable]:
    """The rule packs shipped in one folder, e.g. ``bundled_packs("topics")``, by name."""
    found = files("newslint.packs").joinpath(folder).iterdir()
    return sorted((pack for pack in found if pack.name.endswith(".toml")), key=lambda p: p.name)
