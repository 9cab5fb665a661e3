"""Reading a file into text, keeping exact positions in the original."""

from __future__ import annotations

import bisect
import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

LINE_BREAK = re.compile(r"\r\n|\r|\n")
DEFAULT_MAX_BYTES = 5_000_000
BINARY_SNIFF_BYTES = 8192
CHUNK_BYTES = 1 << 16
NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not wait for a writer
WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
SPECIAL_FILES = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


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

    def original_offset(self, offset: int) -> int:
        """The offset in the file's own text: the same, unless the text was decoded
        (see ``documents.decoded``)."""
        return offset

    @property
    def line_end(self) -> str:
        """The file's first line end, for writing it back the same way."""
        match = LINE_BREAK.search(self.text)
        return match.group() if match else "\n"


def decode(data: bytes, path: str) -> Source:
    """Decode UTF-8 bytes (with or without BOM) or raise InputError naming the file."""
    _refuse_wide_encodings(data, path)
    nul = data.find(b"\x00", 0, BINARY_SNIFF_BYTES)
    if nul != -1:
        raise InputError(f"{path}: binary file (NUL byte at byte offset {nul}); not linted")
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(_invalid_utf8(path, body, exc.start, bom)) from exc
    return Source(path=path, text=text, bom=bom)


def _refuse_wide_encodings(data: bytes, path: str) -> None:
    """UTF-32 and UTF-16 (by their BOM, or UTF-16 by its NUL pattern) are named as such,
    not called binary."""
    encoding = next((name for bom, name in WIDE_BOMS if data.startswith(bom)), None)
    if encoding is None and _utf16_by_nuls(data[:BINARY_SNIFF_BYTES]):
        encoding = "UTF-16"
    if encoding is not None:
        raise InputError(f"{path}: {encoding} text; save it as UTF-8 to lint it; not linted")


def _utf16_by_nuls(sample: bytes) -> bool:
    """UTF-16 without a BOM: mostly Latin text puts a NUL in every other byte, and only
    there, and reads as printable text."""
    even, odd = sample[0::2], sample[1::2]
    for zeros, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if len(zeros) >= 2 and zeros.count(0) * 2 >= len(zeros) and others.count(0) == 0:
            return _printable(sample[: len(sample) // 2 * 2].decode(codec, "replace"))
    return False


def _invalid_utf8(path: str, body: bytes, start: int, bom: bool) -> str:
    """The message for invalid UTF-8 at ``start`` in ``body``: the byte offset in the file,
    the line and column where an editor shows it, and a hint for Latin-1 text."""
    before = body[:start].decode("utf-8")
    line, column = Source(path, before).position(len(before))
    offset = start + (len(codecs.BOM_UTF8) if bom else 0)
    latin1 = before.isascii() and _latin1(body)  # valid UTF-8 before it: not Latin-1
    hint = "; looks like Latin-1 (or Windows-1252); save it as UTF-8" if latin1 else ""
    return (
        f"{path}: invalid UTF-8 at byte offset {offset} (line {line}, column {column})"
        f"{hint}; not linted"
    )


def _latin1(data: bytes) -> bool:
    """Whether the bytes read as Windows-1252 (a superset of Latin-1's printable characters)
    text: every character printable or a line or tab space."""
    try:
        return _printable(data.decode("cp1252"))
    except UnicodeDecodeError:
        return False


def _printable(text: str) -> bool:
    return all(char.isprintable() or char in "\t\n\r\f" for char in text)


def read_source(path: Path, display: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode a regular file, or raise InputError naming it."""
    return decode(read_file(path, display, max_bytes), display)


def read_file(path: Path, display: str, max_bytes: int) -> bytes:
    """A regular file's bytes, read in chunks and refused once over ``max_bytes``: a FIFO,
    device or socket never blocks the run, and neither does a file that grows while read."""
    try:
        _check_regular(os.stat(path).st_mode, display)
        fd = os.open(path, os.O_RDONLY | NONBLOCK)
    except OSError as exc:
        raise InputError(os_error_message(display, exc)) from exc
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            _check_regular(info.st_mode, display)  # swapped since the first look
            if info.st_size > max_bytes:
                raise InputError(
                    f"{display}: file is {info.st_size} bytes, over the limit of {max_bytes} "
                    "(max-file-size); not linted"
                )
            return read_limited(handle, display, max_bytes)
        except OSError as exc:
            raise InputError(os_error_message(display, exc)) from exc


def read_limited(stream: BinaryIO, display: str, max_bytes: int) -> bytes:
    """Up to ``max_bytes`` from ``stream``; InputError naming ``display`` if there are more."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = stream.read(min(CHUNK_BYTES, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise InputError(
            f"{display}: more than {max_bytes} bytes, over the limit (max-file-size); not linted"
        )
    return b"".join(chunks)


def _check_regular(mode: int, display: str) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in SPECIAL_FILES if test(mode)), "a special file")
    raise InputError(f"{display}: {kind}, not a regular file; not linted")


def os_error_message(display: str, exc: OSError) -> str:
    """What went wrong opening or reading ``display``: a symlink loop by name."""
    if exc.errno == errno.ELOOP:
        return f"{display}: symlink loop; not linted"
    return f"{display}: cannot read: {exc.strerror or exc}"
