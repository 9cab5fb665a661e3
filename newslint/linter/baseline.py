"""Baselines: the findings an archive already had, recorded so that only new ones are
reported (``--write-baseline``, ``--baseline``).

An entry is a finding's path (as reported, relative), code and fingerprint (see
``linter.fingerprint``): never its line, so that lines added above an old finding leave
it matched. The line and message are kept for people reading the file. Entries match
findings one to one, so a second copy of an old problem in the same sentence is new.
"""

from __future__ import annotations

import json
import os
import stat
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newslint.documents.source import Source
from newslint.linter.cache import write_atomic
from newslint.linter.fingerprint import run_fingerprints
from newslint.rules.base import Finding

VERSION = 1
REQUIRED = ("path", "code", "fingerprint")


class BaselineError(Exception):
    """A baseline that cannot be read or written; the message names the file."""


@dataclass(frozen=True)
class Entry:
    """One recorded finding: ``path``, ``code`` and ``fingerprint`` identify it; ``line``
    and ``message`` are where and what it was when recorded, for people."""

    path: str
    code: str
    fingerprint: str
    line: int = 0
    message: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.code, self.fingerprint)


@dataclass(frozen=True)
class Matched:
    """Findings no entry matched, and per file linted the entries no finding matched."""

    new: list[Finding]
    unmatched: dict[str, list[Entry]]


def entry_path(display: str) -> str:
    """A finding's path as an entry keeps it: relative to the current folder when the
    path was given absolute and lies under it, with forward slashes."""
    path = Path(display)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_posix()
    return path.as_posix()


def entries(findings: Sequence[Finding], sources: Mapping[str, Source]) -> list[Entry]:
    """An entry for each finding of a run whose file's text is at hand (all of them)."""
    return [
        Entry(entry_path(finding.path), finding.code, print_, finding.line, finding.message)
        for finding, print_ in zip(findings, run_fingerprints(findings, sources), strict=True)
        if print_ is not None
    ]


def match(
    baseline: Iterable[Entry],
    findings: Sequence[Finding],
    sources: Mapping[str, Source],
    linted: Iterable[str],
) -> Matched:
    """Split ``findings`` into those no baseline entry matches (``new``: also any whose
    file's text is not at hand) and, for each file in ``linted``, the entries that
    matched no finding."""
    remaining = Counter(entry.key for entry in baseline)
    pending = {entry.key: entry for entry in baseline}
    new = []
    for finding, print_ in zip(findings, run_fingerprints(findings, sources), strict=True):
        key = (entry_path(finding.path), finding.code, print_)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(finding)
    files = {entry_path(path) for path in linted}
    unmatched: dict[str, list[Entry]] = {path: [] for path in files}
    for key, count in remaining.items():
        if count > 0 and key[0] in files:
            unmatched[key[0]] += [pending[key]] * count
    return Matched(new, unmatched)


def write_baseline(path: Path, recorded: list[Entry]) -> None:
    """Write the entries to ``path`` as JSON, atomically; BaselineError if it fails."""
    document = {"version": VERSION, "entries": [asdict(entry) for entry in recorded]}
    data = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    try:
        write_atomic(path, data.encode("utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from exc


def read_baseline(path: Path) -> list[Entry]:
    """The entries of the baseline at ``path``; BaselineError, naming it, if it is
    missing, unreadable or not a newslint baseline."""
    data = _read(path)
    try:
        document = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BaselineError(f"{path}: baseline is not UTF-8 (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise BaselineError(f"{path}: baseline is not valid JSON ({exc.msg} at {where})") from exc
    return _parsed(path, document)


def _read(path: Path) -> bytes:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would never end
            raise BaselineError(f"{path}: baseline is not a regular file")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise BaselineError(
            f"{path}: baseline not found (create it with --write-baseline)"
        ) from exc
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from exc


def _parsed(path: Path, document: Any) -> list[Entry]:
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise BaselineError(
            f'{path}: not a newslint baseline (expected a JSON object with "version" and "entries")'
        )
    version = document.get("version")
    if version != VERSION:
        raise BaselineError(
            f"{path}: baseline version {version!r} is not one this newslint reads "
            f"({VERSION}); write it again with --write-baseline"
        )
    return [_entry(path, number, raw) for number, raw in enumerate(document["entries"], 1)]


def _entry(path: Path, number: int, raw: Any) -> Entry:
    """Entry ``number`` (1-based) of the file, checked."""
    if not isinstance(raw, dict):
        raise BaselineError(f"{path}: baseline entry {number} is not a JSON object")
    for name in REQUIRED:
        if not isinstance(raw.get(name), str) or not raw[name]:
            raise BaselineError(f'{path}: baseline entry {number} has no "{name}" string')
    line, message = raw.get("line", 0), raw.get("message", "")
    if isinstance(line, bool) or not isinstance(line, int) or not isinstance(message, str):
        raise BaselineError(
            f'{path}: baseline entry {number} has a "line" that is not a whole number '
            'or a "message" that is not text'
        )
    return Entry(raw["path"], raw["code"], raw["fingerprint"], line, message)
