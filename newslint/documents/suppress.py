"""Writing suppression comments into Markdown: ``<!-- newslint-disable-next-line CODE -->``
placed so that it suppresses the line below it and changes nothing else.

A comment on a line of its own ends a paragraph, so the comment for a line inside a
paragraph goes at the end of the line before it (ahead of a hard line break there);
above the first line of a block it goes on a new line, with that line's indentation and
quote markers so that it stays in the same list item or quotation. A comment already
ending the line above gets the new codes instead of a second comment. The language
server's "disable for this line" action and ``--add-noqa`` both place comments here.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from newslint.documents.edits import Edit, apply_edits
from newslint.documents.loader import load_document
from newslint.documents.markdown import CODE_SEPARATOR, DIRECTIVE
from newslint.documents.model import Document
from newslint.documents.source import LINE_BREAK, Source

DISABLE_NEXT_LINE = "<!-- newslint-disable-next-line {codes} -->"
# Lines that end a block, where text appended would change the Markdown: code fences,
# front matter and setext underlines, thematic breaks; and ATX headings, whose closing
# hashes would become text.
NOT_PROSE = re.compile(r"\s*([`~]{3,}|[-=*_+\s]+$)| {0,3}#{1,6}(\s|$)")
# What a comment on a new line copies from the line below it: indentation and '>' markers.
CONTAINER_PREFIX = re.compile(r"[ \t>]*")
# A directive ending its line, perhaps before a hard line break.
LINE_TAIL = re.compile(r"[ \t]*\\?[ \t]*")


@dataclass(frozen=True)
class Suppressed:
    """The text with comments added, how many lines they suppress, and the lines that
    could not be given one safely (each left as it was)."""

    text: str
    added: int
    refused: tuple[int, ...]


def comment_above(source: Source, line: int, codes: Iterable[str]) -> Edit | None:
    """The edit that suppresses ``codes`` on 1-based ``line``; None if a comment ending
    the line above already does."""
    wanted = list(dict.fromkeys(codes))
    above = source.line_text(line - 1) if line > 1 else ""
    existing = _trailing_directive(above)
    if existing is not None:
        return _merged(source, line, existing, wanted)
    comment = DISABLE_NEXT_LINE.format(codes=",".join(wanted))
    content = above[len(_prefix(above)) :]
    if content.strip() and not NOT_PROSE.match(content):
        at = source.line_starts[line - 2] + _before_hard_break(above)
        return Edit(at, at, f" {comment}")
    start = source.line_starts[line - 1]
    prefix = _prefix(source.line_text(line))
    return Edit(start, start, prefix + comment + _line_end(source, line))


def _prefix(text: str) -> str:
    """The indentation and quote markers that start a line."""
    match = CONTAINER_PREFIX.match(text)
    return match.group() if match else ""


def _trailing_directive(text: str) -> re.Match[str] | None:
    """A ``disable-next-line`` comment that ends ``text``, if there is one."""
    found = list(DIRECTIVE.finditer(text))
    last = found[-1] if found else None
    if last is None or last.group(1) != "disable-next-line":
        return None
    return last if LINE_TAIL.fullmatch(text, last.end()) else None


def _merged(source: Source, line: int, existing: re.Match[str], wanted: list[str]) -> Edit | None:
    """The comment ``existing`` on the line above, naming ``wanted`` codes too; None if
    it already covers them (a comment naming no codes covers every rule)."""
    written = [code for code in CODE_SEPARATOR.split(existing.group(2)) if code]
    if not written:
        return None
    missing = [c for c in wanted if not any(c.startswith(w.upper()) for w in written)]
    if not missing:
        return None
    start = source.line_starts[line - 2]
    comment = DISABLE_NEXT_LINE.format(codes=",".join([*written, *missing]))
    return Edit(start + existing.start(), start + existing.end(), comment)


def _before_hard_break(text: str) -> int:
    """Where appended text goes on a line: before trailing spaces and a hard-break
    backslash (an odd run of backslashes ends in one), so that a break stays a break."""
    core = text.rstrip(" \t")
    slashes = len(core) - len(core.rstrip("\\"))
    return len(core) - slashes % 2


def _line_end(source: Source, line: int) -> str:
    """The line end of ``line``, or the file's first one if it is the last line."""
    match = LINE_BREAK.search(source.text, source.line_starts[line - 1])
    return match.group() if match else source.line_end


def add_suppressions(source: Source, lines: Mapping[int, Collection[str]]) -> Suppressed:
    """``source``'s text with a comment above each line in ``lines`` suppressing its codes.

    Each comment is checked by parsing the new text: the line must now be suppressed for
    those codes and every block must keep its kind and prose. A line whose comment would
    break that is refused and left alone; if the comments pass alone but not together,
    none is added.
    """
    before = load_document(source)
    edits = {n: e for n, codes in lines.items() if (e := comment_above(source, n, codes))}
    if _safe(source, before, edits, lines):
        return Suppressed(apply_edits(source.text, edits.values()), len(edits), ())
    safe = {n: e for n, e in edits.items() if _safe(source, before, {n: e}, lines)}
    if not _safe(source, before, safe, lines):
        safe = {}
    refused = tuple(sorted(set(edits) - set(safe)))
    return Suppressed(apply_edits(source.text, safe.values()), len(safe), refused)


def _safe(
    source: Source,
    before: Document,
    edits: Mapping[int, Edit],
    lines: Mapping[int, Collection[str]],
) -> bool:
    """Whether applying ``edits`` suppresses their lines' codes and keeps the prose."""
    if not edits:
        return True
    edited = Source(source.path, apply_edits(source.text, edits.values()), source.bom)
    after = load_document(edited)
    if not _same_prose(before, after):
        return False
    for line in edits:
        moved = _moved(source.line_starts[line - 1], edits.values())
        new_line = edited.position(moved)[0]  # the file's offset (after.source may be decoded)
        if not all(after.suppressed(new_line, code) for code in lines[line]):
            return False
    return True


def _same_prose(before: Document, after: Document) -> bool:
    """The same blocks, of the same kinds, with the same words: a comment added inline
    is blanked out of the prose, so only whitespace may differ."""
    if len(before.blocks) != len(after.blocks):
        return False
    pairs = zip(before.blocks, after.blocks, strict=True)
    return all(a.kind == b.kind and a.text.split() == b.text.split() for a, b in pairs)


def _moved(offset: int, edits: Iterable[Edit]) -> int:
    """Where ``offset`` of the old text is in the new, edits before it applied."""
    return offset + sum(len(e.replacement) - (e.end - e.start) for e in edits if e.end <= offset)
