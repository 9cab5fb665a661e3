"""Reading archives: files and folders (an article a file), JSON Lines and Parquet (an
article a line or row), streamed in chunks so a large archive is never all in memory."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from newslint.config.settings import Settings
from newslint.documents.source import InputError, read_source
from newslint.linter.targets import expand

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
METADATA = ("section", "author", "date")
PARQUET_CHUNK = 1000  # rows read at a time
MONTH = re.compile(r"^(\d{4})-(\d{2})")


@dataclass(frozen=True)
class Article:
    """One article and its metadata. ``path`` is where it came from (the file, or the
    archive and ``#id``), unique in the run; ``extra`` holds any other metadata as JSON."""

    id: str
    path: str
    text: str
    section: str | None = None
    author: str | None = None
    date: str | None = None
    extra: str = "{}"

    @property
    def month(self) -> str | None:
        """``YYYY-MM`` of an ISO date, or None."""
        found = MONTH.match(self.date or "")
        return f"{found[1]}-{found[2]}" if found else None


def read_archives(
    paths: list[str], settings_for: Callable[[Path], Settings | None], errors: list[str]
) -> Iterator[tuple[Settings, Article]]:
    """Every article under the command-line ``paths``, with the settings of its folder;
    bad input is reported in ``errors`` and skipped."""
    targets, missing = expand(paths, settings_for, None)
    errors.extend(missing)
    for target in targets:
        assert target.path is not None
        suffix = target.path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            articles = read_jsonl(target.path, errors)
        elif suffix in PARQUET_SUFFIXES:
            articles = read_parquet(target.path, errors)
        else:
            articles = _read_file(target.path, target.settings, errors)
        for article in articles:
            yield target.settings, article


def _read_file(path: Path, settings: Settings, errors: list[str]) -> Iterator[Article]:
    try:
        source = read_source(path, str(path), settings.max_file_size)
    except InputError as exc:
        errors.append(str(exc))
        return
    yield Article(id=str(path), path=str(path), text=source.text)


def read_jsonl(path: Path, errors: list[str]) -> Iterator[Article]:
    """An article per line; blank lines are skipped."""
    ids = _Ids(path)
    try:
        with path.open("rb") as stream:
            for number, raw in enumerate(stream, start=1):
                where = f"{path}:{number}"
                row = _json_row(raw, where, errors)
                if row is not None:
                    yield from _article(row, where, str(number), ids, errors)
    except OSError as exc:
        errors.append(f"{path}: cannot read: {exc.strerror or exc}")


def _json_row(raw: bytes, where: str, errors: list[str]) -> dict[str, Any] | None:
    try:
        line = raw.decode("utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError as exc:
        errors.append(f"{where}: not valid UTF-8 (byte {exc.start + 1} of the line)")
        return None
    if not line.strip():
        return None
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        message = exc.msg.removesuffix(" at")  # "Invalid control character at"
        errors.append(f"{where}: not valid JSON: {message} at column {exc.colno}")
        return None
    if not isinstance(row, dict):
        errors.append(f"{where}: not a JSON object with a 'text' key")
        return None
    return row


def read_parquet(path: Path, errors: list[str]) -> Iterator[Article]:
    """An article per row, read ``PARQUET_CHUNK`` rows at a time; rows count from 1."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    ids = _Ids(path)
    try:
        table = pq.ParquetFile(path)
        if "text" not in table.schema_arrow.names:
            errors.append(f"{path}: no 'text' column; not audited")
            return
        number = 0
        for chunk in table.iter_batches(batch_size=PARQUET_CHUNK):
            for row in chunk.to_pylist():
                number += 1
                yield from _article(row, f"{path}: row {number}", str(number), ids, errors)
    except (OSError, pa.ArrowException) as exc:
        errors.append(f"{path}: cannot read as Parquet: {exc}")


class _Ids:
    """The ids met so far in one archive: an id names one article."""

    def __init__(self, archive: Path) -> None:
        self.archive = archive
        self.seen: dict[str, str] = {}

    def claim(self, article_id: str, where: str, errors: list[str]) -> bool:
        first = self.seen.setdefault(article_id, where)
        if first != where:
            errors.append(f"{where}: duplicate id {article_id!r} (first at {first}); not audited")
        return first == where


def _article(
    row: dict[str, Any], where: str, default_id: str, ids: _Ids, errors: list[str]
) -> Iterator[Article]:
    """The row as an article, or an error naming it."""
    text = row.pop("text", None)
    if not isinstance(text, str) or not text.strip():
        errors.append(f"{where}: no 'text' (a non-empty string); not audited")
        return
    raw_id = row.pop("id", None)
    article_id = default_id if raw_id is None else _string(raw_id)
    if not ids.claim(article_id, where, errors):
        return
    section, author, when = (_optional(row.pop(key, None)) for key in METADATA)
    yield Article(
        id=article_id,
        path=f"{ids.archive}#{article_id}",
        text=text,
        section=section,
        author=author,
        date=when,
        extra=json.dumps(row, ensure_ascii=False, sort_keys=True, default=_string),
    )


def _optional(value: Any) -> str | None:
    return None if value is None else _string(value)


def _string(value: Any) -> str:
    """Metadata as text: dates in ISO form, anything else as ``str`` gives it."""
    return value.isoformat() if isinstance(value, date) else str(value)
