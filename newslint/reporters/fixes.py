"""A finding's fix as the reports show it: each edit's span in lines and columns, the
same 1-based code-point positions as the finding, converted exactly through the file's
``Source``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from newslint.documents.source import Source
from newslint.rules.base import Finding


@dataclass(frozen=True)
class PlacedEdit:
    """Replace source offsets ``[start, end)`` (lines and columns as a finding's, the
    end exclusive) with ``replacement``; ``removed`` is the text it replaces."""

    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    replacement: str
    removed: str


def placed_edits(finding: Finding, sources: Mapping[str, Source]) -> list[PlacedEdit]:
    """The edits of the finding's fix with their positions; empty when the finding has no
    fix, its file's text is not at hand, or an edit falls outside that text."""
    source = sources.get(finding.path)
    if finding.fix is None or source is None:
        return []
    edits = finding.fix.edits
    if not all(0 <= edit.start <= edit.end <= len(source.text) for edit in edits):
        return []
    return [
        PlacedEdit(
            *source.position(edit.start),
            *source.position(edit.end),
            edit.start,
            edit.end,
            edit.replacement,
            source.text[edit.start : edit.end],
        )
        for edit in edits
    ]


def describe_edit(edit: PlacedEdit) -> str:
    """``replace 'the the' with 'the'``, ``delete ' '`` or ``insert '’'``; each text as
    a Python literal, so that quote marks and spaces read unambiguously."""
    if not edit.removed:
        return f"insert {edit.replacement!r}"
    if not edit.replacement:
        return f"delete {edit.removed!r}"
    return f"replace {edit.removed!r} with {edit.replacement!r}"
