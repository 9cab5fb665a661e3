"""Between newslint's code-point offsets and LSP positions in the client's encoding.

LSP counts a line's characters in UTF-16 code units unless client and server agree on
UTF-8 bytes or UTF-32 code points; lines end at ``\\r\\n``, ``\\r`` or ``\\n``, as
``Source`` splits them."""

from __future__ import annotations

from lsprotocol import types

from newslint.documents.source import Source

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """How many code units of ``encoding`` spell ``text`` (a lone surrogate counts as one
    UTF-16 unit, as an editor stores it)."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def to_position(source: Source, offset: int, encoding: str) -> types.Position:
    """The LSP position of a code-point offset into ``source.text``."""
    line, column = source.position(offset)
    start = source.line_starts[line - 1]
    return types.Position(line - 1, units(source.text[start : start + column - 1], encoding))


def to_range(source: Source, start: int, end: int, encoding: str) -> types.Range:
    return types.Range(to_position(source, start, encoding), to_position(source, end, encoding))


def to_offset(source: Source, position: types.Position, encoding: str) -> int:
    """The code-point offset of an LSP position; past a line's end means its end, and
    inside a character means before it."""
    if position.line >= len(source.line_starts):
        return len(source.text)
    start = source.line_starts[position.line]
    counted = 0
    for index, char in enumerate(source.line_text(position.line + 1)):
        counted += units(char, encoding)
        if counted > position.character:
            return start + index
    return start + len(source.line_text(position.line + 1))
