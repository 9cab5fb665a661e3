"""Edits to a document's source text, and applying them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Edit(NamedTuple):
    """Replace source offsets ``[start, end)`` with ``replacement``."""

    start: int
    end: int
    replacement: str


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied."""
    parts, last = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        parts += [text[last : edit.start], edit.replacement]
        last = edit.end
    parts.append(text[last:])
    return "".join(parts)
