"""From command-line paths to the files to lint, each with its settings."""

from __future__ import annotations

import errno
import fnmatch
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newslint.config.settings import DEFAULT_EXCLUDE, Settings, relative_to_root
from newslint.documents.source import Source, decode, os_error_message, read_limited, read_source

STDIN = "-"


@dataclass(frozen=True)
class Target:
    """A file to lint. For stdin, ``path`` is the ``--stdin-filename`` (None without one),
    which per-file globs match as if it were the file. ``text`` is a document already in
    memory (an archived article), linted as if it were a file at ``path``."""

    path: Path | None
    display: str
    settings: Settings
    stdin: bool = False
    text: str | None = None


def _excluded(name: str, relative: str, settings: Settings) -> bool:
    patterns = (*DEFAULT_EXCLUDE, *settings.exclude)
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(relative, p) for p in patterns)


def _included(name: str, settings: Settings) -> bool:
    return any(fnmatch.fnmatch(name, p) for p in settings.include)


def _walk(
    directory: Path, settings_for: Callable[[Path], Settings | None], errors: list[str]
) -> Iterator[Path]:
    """The included files under ``directory``, sorted; a folder it cannot list is an error."""

    def unreadable(exc: OSError) -> None:
        errors.append(f"{exc.filename}: cannot read directory: {exc.strerror or exc}")

    for root, dirs, files in os.walk(directory, onerror=unreadable):
        folder = Path(root)
        settings = settings_for(folder)
        if settings is None:  # a broken config: its error is already reported
            dirs[:] = []
            continue
        dirs[:] = sorted(d for d in dirs if not _excluded(d, _rel(folder / d, settings), settings))
        for name in sorted(files):
            path = folder / name
            if _included(name, settings) and not _excluded(name, _rel(path, settings), settings):
                yield path


def _rel(path: Path, settings: Settings) -> str:
    return relative_to_root(path, settings.root).as_posix()


def expand(
    paths: list[str], settings_for: Callable[[Path], Settings | None], stdin_name: str | None
) -> tuple[list[Target], list[str]]:
    """Targets in command-line order (directories walked, sorted), each file once, and
    errors for paths that are missing or cannot be listed."""
    targets: list[Target] = []
    errors: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            files: Iterable[Path] = [Path(stdin_name or STDIN)]
        elif _missing(raw, errors):
            seen.add(os.path.realpath(raw))  # reported once, even if a walk meets it again
            continue
        else:
            path = Path(raw)
            files = _walk(path, settings_for, errors) if path.is_dir() else [path]
        for file in files:
            key = STDIN if raw == STDIN else os.path.realpath(file)
            if key in seen:  # named twice, or a file and its folder: lint it once
                continue
            seen.add(key)
            settings = settings_for(file.parent)
            if settings is not None:
                stdin = raw == STDIN
                named = None if stdin and stdin_name is None else file
                targets.append(Target(named, str(file), settings, stdin))
    return targets, errors


def _missing(raw: str, errors: list[str]) -> bool:
    """Whether a command-line path does not exist (a symlink loop is named as one)."""
    try:
        os.stat(raw)
    except OSError as exc:
        missing = exc.errno in (errno.ENOENT, errno.ENOTDIR)
        errors.append(
            f"{raw}: no such file or directory" if missing else os_error_message(raw, exc)
        )
        return True
    return False


def read_target(target: Target) -> Source:
    """Read a file or stdin, at most ``max-file-size`` bytes, or raise InputError."""
    max_bytes = target.settings.max_file_size
    if target.text is not None:
        return Source(path=target.display, text=target.text)
    if target.stdin:
        return decode(read_limited(sys.stdin.buffer, target.display, max_bytes), target.display)
    assert target.path is not None
    return read_source(target.path, target.display, max_bytes)
