"""Reading a file into text, keeping exact positions in the original."""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

LINE_BREAK = re.compile(r"\r\n|\r|\n")
DEFAULT_MAX_BYTES = 5_000_000
BINARY_SNIFF_BYTES = 8192


class InputError(Exception):
    """A file that cannot be linted. The message names the file."""


@dataclass(frozen=True)
class Source:
    """Decoded text of one file, line ends as they were, without a BOM.

    Offsets are Unicode code points into ``text``. Lines and columns are 1-based;
    a BOM is not counted, so column 1 is the first character an editor shows.
    """

    path: str
    text: str
    bom: bool = False
    line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0] + [m.end() for m in LINE_BREAK.finditer(self.text)]
        object.__setattr__(self, "line_starts", tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line end."""
        start = self.line_starts[line - 1]
        match = LINE_BREAK.search(self.text, start)
        return self.text[start : match.start() if match else len(self.text)]

    @property
    def line_end(self) -> str:
        """The file's first line end, for writing it back the same way."""
        match = LINE_BREAK.search(self.text)
        return match.group() if match else "\n"


def decode(data: bytes, path: str) -> Source:
    """Decode UTF-8 bytes (with or without BOM) or raise InputError naming the file."""
    nul = data.find(b"\x00", 0, BINARY_SNIFF_BYTES)
    if nul != -1:
        raise InputError(f"{path}: binary file (NUL byte at byte offset {nul}); not linted")
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(codecs.BOM_UTF8) if bom else 0)
        raise InputError(f"{path}: invalid UTF-8 at byte offset {offset}; not linted") from exc
    return Source(path=path, text=text, bom=bom)


def read_source(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode a file, or raise InputError naming it."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{display}: file is {size} bytes, over the limit of {max_bytes} "
                "(max-file-size); not linted"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{display}: cannot read: {exc.strerror or exc}") from exc
    return decode(data, display)
