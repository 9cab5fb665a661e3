"""The document model: prose blocks with exact offsets into the source."""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from newslint.documents.source import Source


class BlockKind(str, Enum):
    HEADLINE = "headline"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    BLOCK_QUOTE = "block-quote"
    TABLE_CELL = "table-cell"  # a cell of a table: data, not a paragraph of prose


@dataclass(frozen=True)
class Block:
    """One unit of prose.

    ``text`` is the source slice ``[start, end)`` with everything that is not prose
    (markup, URLs, line ends) blanked to spaces, so index ``i`` in ``text`` is
    offset ``start + i`` in the source.
    """

    kind: BlockKind
    start: int
    end: int
    text: str

    @property
    def is_title(self) -> bool:
        return self.kind in (BlockKind.HEADLINE, BlockKind.HEADING)

    @property
    def is_body(self) -> bool:
        """Running prose: not a headline or heading, and not a table cell."""
        return not self.is_title and self.kind is not BlockKind.TABLE_CELL


@dataclass(frozen=True)
class Suppression:
    """Codes switched off for source lines ``first..last`` (1-based, inclusive).

    An empty ``codes`` means every rule.
    """

    first: int
    last: int
    codes: frozenset[str]

    def covers(self, line: int, code: str) -> bool:
        if not self.first <= line <= self.last:
            return False
        return not self.codes or any(code.startswith(c) for c in self.codes)


@dataclass(frozen=True)
class Document:
    """A parsed file. ``front_matter`` holds a Markdown file's top-level front matter fields;
    ``suppression_codes`` the (1-based line, code as written) of each code a suppression
    comment names; ``notices`` what the parser could not read, each naming file and line."""

    source: Source
    blocks: Sequence[Block]
    suppressions: Sequence[Suppression] = ()
    front_matter: Mapping[str, str] = field(default_factory=dict)
    suppression_codes: Sequence[tuple[int, str]] = ()
    notices: Sequence[str] = ()

    @property
    def path(self) -> str:
        return self.source.path

    def suppressed(self, line: int, code: str) -> bool:
        lines, in_force = self._suppressions_by_line
        at = bisect.bisect_right(lines, line) - 1
        return at >= 0 and any(s.covers(line, code) for s in in_force[at])

    @cached_property
    def _suppressions_by_line(self) -> tuple[list[int], list[tuple[Suppression, ...]]]:
        """The lines where the suppressions in force change, and those in force from
        each: every finding asks, and a long file may hold thousands of comments."""
        starting: dict[int, list[int]] = {}
        ending: dict[int, list[int]] = {}
        for k, suppression in enumerate(self.suppressions):
            starting.setdefault(suppression.first, []).append(k)
            ending.setdefault(suppression.last + 1, []).append(k)
        lines = sorted(starting.keys() | ending.keys())
        in_force: dict[int, Suppression] = {}
        table = []
        for line in lines:
            for k in ending.get(line, ()):
                in_force.pop(k, None)
            for k in starting.get(line, ()):
                in_force[k] = self.suppressions[k]
            table.append(tuple(in_force.values()))
        return lines, table

    def suppression_warnings(self, known: Collection[str]) -> list[str]:
        """A message for each code in a suppression comment that is no prefix of a ``known``
        code, or is written in lower case (which is read as upper case)."""
        messages = []
        for line, code in self.suppression_codes:
            where = f"{self.path}:{line}: suppression comment"
            if not any(k.startswith(code.upper()) for k in known):
                messages.append(f"{where} names unknown rule code '{code}'; it suppresses nothing")
            elif code != code.upper():
                messages.append(
                    f"{where} names '{code}' in lower case; read as '{code.upper()}' "
                    "(write it in upper case)"
                )
        return messages


def blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each ``[start, end)`` replaced by spaces: markup that is not prose."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def prose_slice(source: Source, start: int, end: int) -> str:
    """The source slice with line-end characters blanked, so sentences flow over lines."""
    return source.text[start:end].replace("\r", " ").replace("\n", " ")
