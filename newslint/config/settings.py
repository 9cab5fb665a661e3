"""Settings from ``[tool.newslint]``, ``newslint.toml`` or ``.newslint.toml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.documents.source import DEFAULT_MAX_BYTES
from newslint.rules.base import SEVERITIES, Severity
from newslint.toml import TOMLDecodeError, bundled_pack, load_toml

BUNDLED_PREFIX = "newslint:"
CONFIG_FILES = (".newslint.toml", "newslint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox")


class ConfigError(Exception):
    """A bad configuration. The message names the file and the key."""

    def __init__(self, path: Path | str, key: str, message: str) -> None:
        super().__init__(f"{path}: {key}: {message}")


@dataclass(frozen=True)
class Settings:
    root: Path
    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    model: str | None = None
    packs: tuple[Path, ...] = ()
    max_file_size: int = DEFAULT_MAX_BYTES

    @property
    def label(self) -> str:
        return str(self.path) if self.path else "default settings"


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, key, "expected a list of strings")
    return tuple(value)


def _per_file(path: Path, key: str, value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(path, key, "expected a table of glob = [codes]")
    return {glob: _strings(path, f"{key}.{glob}", codes) for glob, codes in value.items()}


def _severity(path: Path, key: str, value: Any) -> Severity:
    if value not in SEVERITIES:
        raise ConfigError(path, key, f"expected one of {', '.join(SEVERITIES)}, got {value!r}")
    return Severity(value)


def _rules(path: Path, key: str, value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(path, key, "expected tables such as [tool.newslint.rules.NL402]")
    return {code: dict(options) for code, options in value.items()}


def _model(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(path, key, "expected a model package name or a path")
    return value


def _pack_path(config: Path, name: str) -> Path:
    """A house pack relative to the config, or ``newslint:topics/x.toml`` for a bundled one."""
    if name.startswith(BUNDLED_PREFIX):
        return Path(str(bundled_pack(name.removeprefix(BUNDLED_PREFIX))))
    return config.parent / name


def _packs(path: Path, key: str, value: Any) -> tuple[Path, ...]:
    packs = tuple(_pack_path(path, p) for p in _strings(path, key, value))
    missing = next((p for p in packs if not p.is_file()), None)
    if missing:
        raise ConfigError(path, key, f"rule pack {missing} does not exist")
    return packs


def _size(path: Path, key: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ConfigError(path, key, "expected a positive number of bytes")
    return value


PARSERS = {
    "select": ("select", _strings),
    "ignore": ("ignore", _strings),
    "extend-select": ("extend_select", _strings),
    "per-file-ignores": ("per_file_ignores", _per_file),
    "include": ("include", _strings),
    "exclude": ("exclude", _strings),
    "fail-on": ("fail_on", _severity),
    "rules": ("rules", _rules),
    "model": ("model", _model),
    "packs": ("packs", _packs),
    "max-file-size": ("max_file_size", _size),
}


def parse_settings(path: Path, table: Mapping[str, Any], where: str) -> Settings:
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in PARSERS:
            raise ConfigError(path, key, f"unknown key in {where}")
        attribute, parse = PARSERS[key]
        values[attribute] = parse(path, key, value)
    return Settings(root=path.parent, path=path, **values)


def read_config(path: Path) -> Settings | None:
    """Settings from a config file; ``None`` for a pyproject.toml with no newslint table."""
    try:
        data = load_toml(path)
    except (OSError, TOMLDecodeError) as exc:
        raise ConfigError(path, "file", f"cannot read config: {exc}") from exc
    if path.name != "pyproject.toml":
        return parse_settings(path, data, path.name)
    table = data.get("tool", {}).get("newslint")
    return None if table is None else parse_settings(path, table, "[tool.newslint]")
