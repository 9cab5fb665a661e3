"""Settings from ``[tool.newslint]``, ``newslint.toml`` or ``.newslint.toml``."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePath
from typing import Any

from newslint.documents.loader import DEFAULT_SKIP_TAGS, HtmlOptions
from newslint.documents.source import DEFAULT_MAX_BYTES
from newslint.rules.base import SEVERITIES, Severity
from newslint.toml import TOMLError, bundled_pack, load_toml

BUNDLED_PREFIX = "newslint:"
CONFIG_FILES = (".newslint.toml", "newslint.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox")
DEFAULT_PROFILE = "news"
PROFILES_PACK = "profiles.toml"
EXTEND = "extend"
# The table keys that merge entry by entry over those of an extended config.
PER_FILE = ("per_file_ignores", "per_file_profiles")
MERGED_TABLES = (*PER_FILE, "rules", "profiles")


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
    # HTML input: only the article body of a whole web page; the elements that are not
    # prose; image alt text as prose.
    extract: bool = False
    skip_tags: tuple[str, ...] = DEFAULT_SKIP_TAGS
    alt_text: bool = False
    # The config files this one extends (its ``extend`` chain), nearest first.
    extends: tuple[Path, ...] = ()
    # The per-file globs inherited through ``extend``, by the file that sets them.
    inherited_globs: Mapping[str, Path] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return str(self.path) if self.path else "default settings"

    def html_options(self, extract: bool = False) -> HtmlOptions:
        """How this config reads HTML; ``extract`` (``--extract``) turns extraction on."""
        tags = frozenset(tag.lower() for tag in self.skip_tags)
        return HtmlOptions(tags, self.alt_text, self.extract or extract)

    @property
    def profile_names(self) -> list[str]:
        """The built-in profiles and this config's own, sorted."""
        return sorted({*builtin_profiles(), *self.profiles})

    def lineage(self, name: str) -> list[Profile]:
        """Profile ``name`` and the profiles it extends, nearest first."""
        return profile_lineage(self.profiles, builtin_profiles(), name)

    def matching_globs(self, path: Path | None, globs: Collection[str]) -> list[str]:
        """The globs, relative to the folder of the config that sets them, that ``path``
        matches (none for stdin).

        As ``PurePath.match``, from the right; ``**`` also matches any number of folders.
        """
        if path is None:
            return []
        return [glob for glob in globs if _matches(path, self._glob_root(glob), glob)]

    def _glob_root(self, glob: str) -> Path:
        inherited = self.inherited_globs.get(glob)
        return inherited.parent if inherited else self.root

    def glob_label(self, glob: str) -> str:
        """The config file that sets a per-file glob: this one, or one it extends."""
        inherited = self.inherited_globs.get(glob)
        return str(inherited) if inherited else self.label


def _matches(path: Path, root: Path, glob: str) -> bool:
    relative = relative_to_root(path, root)
    return relative.match(glob) or ("**" in glob and fnmatch.fnmatch(relative.as_posix(), glob))


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


def _flag(path: Path, key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(path, key, "expected true or false")
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
    "extract": ("extract", _flag),
    "skip-tags": ("skip_tags", _strings),
    "alt-text": ("alt_text", _flag),
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
    """Settings from a config file laid over those of the files it extends; ``None`` for
    a pyproject.toml with no newslint table."""
    found = _table(path)
    if found is None:
        return None
    values, chain = _layered(path, *found, [path])
    settings = Settings(root=path.parent, path=path, extends=chain, **values)
    _check_profile_names(path, settings)
    return settings


def _table(path: Path) -> tuple[dict[str, Any], str] | None:
    """A config file's newslint table and how errors name it; None for a pyproject.toml
    with no newslint table."""
    data = _read(path)
    if path.name != "pyproject.toml":
        return data, path.name
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(path, "tool", "expected a table such as [tool.newslint]")
    table = tool.get("newslint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(path, "tool.newslint", "expected a table [tool.newslint]")
    return None if table is None else (table, "[tool.newslint]")


def _layered(
    path: Path, table: Mapping[str, Any], where: str, chain: list[Path]
) -> tuple[dict[str, Any], tuple[Path, ...]]:
    """A config's values laid over those of the file it extends (and so on up the
    ``chain`` of files read so far), and the files extended, nearest first."""
    values = _parse(path, {k: v for k, v in table.items() if k != EXTEND}, PARSERS, where)
    if EXTEND not in table:
        return values, ()
    extended = _extended(path, table[EXTEND], chain)
    try:
        found = _table(extended)
        if found is None:
            raise ConfigError(extended, "tool.newslint", "no [tool.newslint] table to extend")
        base, further = _layered(extended, *found, [*chain, extended])
    except ConfigError as exc:
        exc.args = (f"{exc} (extended by {path})",)
        raise
    merged = _merge(base, values)
    merged["inherited_globs"] = _inherited_globs(base, values, extended)
    return merged, (extended, *further)


def _inherited_globs(
    base: Mapping[str, Any], own: Mapping[str, Any], extended: Path
) -> dict[str, Path]:
    """The per-file globs an extending config inherits, each by the file that sets it,
    so that it matches from that file's folder."""
    deeper = base.get("inherited_globs", {})
    inherited = {glob: deeper.get(glob, extended) for key in PER_FILE for glob in base.get(key, {})}
    for key in PER_FILE:
        for glob in own.get(key, {}):
            inherited.pop(glob, None)
    return inherited


def _extended(path: Path, value: Any, chain: list[Path]) -> Path:
    """The config file that ``extend`` names, relative to the config naming it."""
    if not isinstance(value, str) or not value:
        raise ConfigError(path, EXTEND, "expected the path of a config file, as a string")
    extended = Path(os.path.normpath(path.parent / Path(value).expanduser()))
    if not extended.is_file():
        raise ConfigError(path, EXTEND, f"{extended}: no such config file")
    if any(os.path.samefile(extended, seen) for seen in chain):
        cycle = " extends ".join(str(p) for p in [*chain, extended])
        raise ConfigError(path, EXTEND, f"configs extend each other in a cycle: {cycle}")
    return extended


def _merge(base: Mapping[str, Any], own: Mapping[str, Any]) -> dict[str, Any]:
    """An extending config's values over those it extends, key by key, as ruff merges
    them: a key set here replaces the inherited one, except that ``ignore`` and
    ``extend-select`` add to the inherited selection unless ``select`` starts a new
    one, and tables (``rules``, ``per-file-*``, ``profiles``) merge entry by entry."""
    merged = {**base, **own}
    for key in ("ignore", "extend_select"):
        if "select" in own:
            merged[key] = own.get(key, ())
        elif key in base and key in own:
            merged[key] = base[key] + own[key]
    for key in MERGED_TABLES:
        if key in base and key in own:
            merged[key] = {**base[key], **own[key]}
    if "rules" in base and "rules" in own:
        merged["rules"] = {
            code: {**base["rules"].get(code, {}), **own["rules"].get(code, {})}
            for code in merged["rules"]
        }
    return merged
