"""Markdown front matter: a YAML (``---``) or TOML (``+++``) block at the top of a file.

Only what newslint needs is read: the top-level ``key: value`` (YAML) or
``key = "value"`` (TOML) lines, as strings. Nested structure, lists and TOML tables
are skipped; no YAML library is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.documents.source import Source

CLOSERS = {"---": ("---", "..."), "+++": ("+++",)}
FIELD = {
    "---": re.compile(r"([A-Za-z0-9_.-]+):(?:[ \t]+(.*)|$)"),
    "+++": re.compile(r"([A-Za-z0-9_.-]+)[ \t]*=[ \t]*(.*)"),
}
QUOTED = re.compile(r"""(["'])(.*?)\1""")


@dataclass(frozen=True)
class FrontMatter:
    """The block's top-level scalar fields, and the offset just past its closing line."""

    fields: dict[str, str]
    end: int


def _scalar(raw: str) -> str:
    """A quoted value without its quotes, or a bare value without a trailing comment."""
    quoted = QUOTED.match(raw)
    return quoted.group(2) if quoted else raw.split(" #", 1)[0].strip()


def _fields(opener: str, lines: list[str]) -> dict[str, str]:
    fields = {}
    for line in lines:
        if opener == "+++" and line.startswith("["):  # a TOML table: no longer top level
            break
        match = FIELD[opener].fullmatch(line.rstrip())
        if match:
            fields[match.group(1)] = _scalar(match.group(2) or "")
    return fields


def find_front_matter(source: Source) -> FrontMatter | None:
    """The front matter that opens ``source``, if its first line opens one that closes."""
    opener = source.line_text(1).rstrip()
    closers = CLOSERS.get(opener)
    if closers is None:
        return None
    count = len(source.line_starts)
    for line in range(2, count + 1):
        if source.line_text(line).rstrip() in closers:
            end = source.line_starts[line] if line < count else len(source.text)
            inner = [source.line_text(n) for n in range(2, line)]
            return FrontMatter(_fields(opener, inner), end)
    return None
