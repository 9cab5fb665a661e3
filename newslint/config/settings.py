"""Settings from ``[tool.newslint]``, ``newslint.toml`` or ``.newslint.toml``."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePath
from typing import Any

from newslint.documents.source import DEFAULT_MAX_BYTES
from newslint.rules.base import SEVERITIES, Severity
from newslint.toml import TOMLError, bundled_pack, load_toml

BUNDLED_PREFIX = "newslint:"
CONFIG_FILES = (".newslint.toml", "newslint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox")
DEFAULT_PROFILE = "news"
PROFILES_PACK = "profiles.toml"


class ConfigError(Exception):
    """A bad configuration. The message names the file and the key, or for a bad
    command-line option (``path`` "--select", no ``key``) the option."""

    def __init__(self, path: Path | str, key: str, message: str) -> None:
        super().__init__(f"{path}: {key}: {message}" if key else f"{path}: {message}")


@dataclass(frozen=True)
class Profile:
    """A story genre profile: an overlay on a config's rule selection and options.

    ``origin`` is the file that defines it, named in error messages.
    """

    name: str
    origin: Path
    description: str = ""
    extends: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return str(self.origin)

    @property
    def key(self) -> str:
        return f"profiles.{self.name}"


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
    profile: str | None = None
    per_file_profiles: Mapping[str, str] = field(default_factory=dict)
    profiles: Mapping[str, Profile] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return str(self.path) if self.path else "default settings"

    @property
    def profile_names(self) -> list[str]:
        """The built-in profiles and this config's own, sorted."""
        return sorted({*builtin_profiles(), *self.profiles})

    def lineage(self, name: str) -> list[Profile]:
        """Profile ``name`` and the profiles it extends, nearest first."""
        return profile_lineage(self.profiles, builtin_profiles(), name)

    def matching_globs(self, path: Path | None, globs: Collection[str]) -> list[str]:
        """The globs, relative to the config's folder, that ``path`` matches (none for stdin).

        As ``PurePath.match``, from the right; ``**`` also matches any number of folders.
        """
        if path is None or not globs:
            return []
        relative = relative_to_root(path, self.root)
        posix = relative.as_posix()
        return [
            glob
            for glob in globs
            if relative.match(glob) or ("**" in glob and fnmatch.fnmatch(posix, glob))
        ]


def relative_to_root(path: Path, root: Path) -> PurePath:
    """``path`` from the config's root, or its bare name outside the root."""
    try:
        # realpath, unlike resolve(), does not raise on a symlink loop, which is read later
        return PurePath(os.path.realpath(path)).relative_to(os.path.realpath(root))
    except ValueError:
        return PurePath(path.name)


def unknown_profile(name: str, known: Iterable[str]) -> str:
    return f"unknown profile {name!r}; expected one of {', '.join(known)}"


def profile_lineage(
    user: Mapping[str, Profile], builtin: Mapping[str, Profile], name: str
) -> list[Profile]:
    """Profile ``name`` and the profiles it extends, nearest first.

    A config's own profiles shadow the built-in ones; one that extends its own name
    extends the built-in profile of that name. Raises LookupError for an unknown name
    or a cycle.
    """
    scope = user if name in user else builtin
    found: list[Profile] = []
    while True:
        if name not in scope:
            raise LookupError(unknown_profile(name, sorted({*user, *builtin})))
        profile = scope[name]
        if profile in found:
            cycle = " extends ".join([*(p.name for p in found), name])
            raise LookupError(f"profiles extend each other: {cycle}")
        found.append(profile)
        if profile.extends is None:
            return found
        if profile.extends == name or profile.extends not in scope:
            scope = builtin
        name = profile.extends


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, key, "expected a list of strings")
    return tuple(value)


def _glob(path: Path, key: str, glob: str) -> str:
    """A glob that ``Settings.matching_globs`` can match paths against."""
    try:
        PurePath("x").match(glob)
    except ValueError as exc:
        raise ConfigError(path, key, f"invalid glob {glob!r}: {exc}") from exc
    return glob


def _per_file(path: Path, key: str, value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(path, key, "expected a table of glob = [codes]")
    return {
        _glob(path, f"{key}.{glob}", glob): _strings(path, f"{key}.{glob}", codes)
        for glob, codes in value.items()
    }


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


def _text(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(path, key, "expected a string")
    return value


def _profile_name(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(path, key, 'expected a profile name such as "sport"')
    return value


def _per_file_profiles(path: Path, key: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(path, key, "expected a table of glob = profile")
    return {
        _glob(path, f"{key}.{glob}", glob): _profile_name(path, f"{key}.{glob}", name)
        for glob, name in value.items()
    }


def _profiles(path: Path, key: str, value: Any) -> dict[str, Profile]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(path, key, "expected tables such as [tool.newslint.profiles.sport]")
    return {
        name: Profile(
            name,
            path,
            **_parse(path, table, PROFILE_PARSERS, f"profile {name!r}", f"{key}.{name}."),
        )
        for name, table in value.items()
    }


Parser = Callable[[Path, str, Any], Any]

PARSERS: dict[str, tuple[str, Parser]] = {
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
    "profile": ("profile", _profile_name),
    "per-file-profiles": ("per_file_profiles", _per_file_profiles),
    "profiles": ("profiles", _profiles),
}

# A profile takes the rule-selection keys of a config, plus its own two.
PROFILE_PARSERS: dict[str, tuple[str, Parser]] = {
    "description": ("description", _text),
    "extends": ("extends", _profile_name),
    **{key: PARSERS[key] for key in ("select", "ignore", "extend-select", "rules")},
}


def _parse(
    path: Path,
    table: Mapping[str, Any],
    parsers: Mapping[str, tuple[str, Parser]],
    where: str,
    prefix: str = "",
) -> dict[str, Any]:
    """Attribute values from ``table``, whose keys are named ``prefix + key`` in errors."""
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in parsers:
            raise ConfigError(path, prefix + key, f"unknown key in {where}")
        attribute, parse = parsers[key]
        values[attribute] = parse(path, prefix + key, value)
    return values


def _check_lineages(
    path: Path, user: Mapping[str, Profile], builtin: Mapping[str, Profile]
) -> None:
    for name in user:
        try:
            profile_lineage(user, builtin, name)
        except LookupError as exc:
            raise ConfigError(path, f"profiles.{name}.extends", str(exc)) from exc


def _check_profile_names(path: Path, settings: Settings) -> None:
    """Every profile the config names exists: built in, or defined by the config."""
    _check_lineages(path, settings.profiles, builtin_profiles())
    known = settings.profile_names
    named = {"profile": settings.profile} | {
        f"per-file-profiles.{glob}": name for glob, name in settings.per_file_profiles.items()
    }
    for key, name in named.items():
        if name is not None and name not in known:
            raise ConfigError(path, key, unknown_profile(name, known))


def parse_settings(path: Path, table: Mapping[str, Any], where: str) -> Settings:
    settings = Settings(root=path.parent, path=path, **_parse(path, table, PARSERS, where))
    _check_profile_names(path, settings)
    return settings


def _read(path: Path) -> dict[str, Any]:
    try:
        return load_toml(path)
    except (OSError, TOMLError) as exc:
        raise ConfigError(path, "file", f"cannot read config: {exc}") from exc


def load_profiles(path: Path) -> dict[str, Profile]:
    """The ``[profiles.NAME]`` tables of a profiles file; ConfigError names the file and key."""
    profiles: dict[str, Profile] = _parse(
        path, _read(path), {"profiles": ("profiles", _profiles)}, path.name
    ).get("profiles", {})
    _check_lineages(path, profiles, profiles)
    return profiles


@cache
def builtin_profiles() -> dict[str, Profile]:
    """The profiles shipped with newslint (``rules/profiles.toml``)."""
    return load_profiles(Path(str(bundled_pack(PROFILES_PACK))))


def read_config(path: Path) -> Settings | None:
    """Settings from a config file; ``None`` for a pyproject.toml with no newslint table."""
    data = _read(path)
    if path.name != "pyproject.toml":
        return parse_settings(path, data, path.name)
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(path, "tool", "expected a table such as [tool.newslint]")
    table = tool.get("newslint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(path, "tool.newslint", "expected a table [tool.newslint]")
    return None if table is None else parse_settings(path, table, "[tool.newslint]")
