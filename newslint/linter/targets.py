"""From command-line paths to the files to lint, each with its settings."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newslint.config.settings import DEFAULT_EXCLUDE, Settings

STDIN = "-"


@dataclass(frozen=True)
class Target:
    """A file to lint; ``path`` is None for stdin."""

    path: Path | None
    display: str
    settings: Settings


def _excluded(name: str, relative: str, settings: Settings) -> bool:
    patterns = (*DEFAULT_EXCLUDE, *settings.exclude)
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(relative, p) for p in patterns)


def _included(name: str, settings: Settings) -> bool:
    return any(fnmatch.fnmatch(name, p) for p in settings.include)


def _walk(directory: Path, settings_for: Callable[[Path], Settings | None]) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
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
    try:
        return path.resolve().relative_to(settings.root.resolve()).as_posix()
    except ValueError:
        return path.name


def expand(
    paths: list[str], settings_for: Callable[[Path], Settings | None], stdin_name: str | None
) -> tuple[list[Target], list[str]]:
    """Targets in command-line order (directories walked, sorted), and missing paths."""
    targets: list[Target] = []
    errors: list[str] = []
    for raw in paths:
        path = Path(stdin_name or STDIN) if raw == STDIN else Path(raw)
        if raw != STDIN and not path.exists():
            errors.append(f"{raw}: no such file or directory")
            continue
        found = [path] if raw == STDIN or not path.is_dir() else _walk(path, settings_for)
        for file in found:
            settings = settings_for(file.parent)
            if settings is not None:
                targets.append(Target(None if raw == STDIN else file, str(file), settings))
    return targets, errors
