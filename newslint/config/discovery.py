"""Finding the nearest config file upward from each linted file."""

from __future__ import annotations

from pathlib import Path

from newslint.config.settings import CONFIG_FILES, Settings, read_config


def settings_for_dir(directory: Path) -> Settings:
    """The nearest config at or above ``directory``; defaults rooted at the CWD if none."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                found = read_config(candidate)
                if found is not None:
                    return found
    return Settings(root=Path.cwd())
