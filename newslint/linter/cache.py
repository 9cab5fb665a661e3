"""A cache of each file's outcome, as ruff keeps one: a file whose content, settings and
linter are unchanged is not linted again.

An entry is keyed by everything its outcome depends on: the file's path and text, its
config (path and content, those of the files it ``extend``s, and the content of its house
packs), the command-line overrides, newslint's version and code (its bundled packs and
word lists included), the spaCy model's name and version, spaCy's version, and the
installed plugins (entry points, distribution versions and module content). Only files
linted with no error are stored. Entries are written to a temporary file and renamed into
place, so concurrent runs are safe; an entry that cannot be read or parsed is a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import newslint
from newslint.analysis.nlp import DEFAULT_MODELS
from newslint.config.discovery import settings_for_dir
from newslint.config.profiles import ProfileChoice
from newslint.config.ruleset import Overrides
from newslint.config.settings import ConfigError, Settings
from newslint.documents.source import Source
from newslint.linter.part import Part
from newslint.linter.targets import Target, read_target
from newslint.rules.base import Edit, Finding, Fix, Severity
from newslint.rules.registry import ENTRY_POINT_GROUP

if TYPE_CHECKING:
    from newslint.linter.run import Resolver

CACHE_NAME = ".newslint_cache"
CACHE_ENV = "NEWSLINT_CACHE_DIR"
LAYOUT = "v1"  # bump when the entry format changes


def cache_directory(flag: str | None, config: str | None) -> Path:
    """``--cache-dir``, else ``$NEWSLINT_CACHE_DIR``, else ``.newslint_cache`` in the
    project root: the folder of the config in use for the current folder, else the
    current folder."""
    chosen = flag or os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    if config:
        return Path(config).parent / CACHE_NAME
    try:
        settings = settings_for_dir(Path.cwd())
    except ConfigError:  # reported when a file under it is linted
        return Path(CACHE_NAME)
    return (settings.root if settings.path else Path.cwd()) / CACHE_NAME


class Cache:
    """The entries under ``directory`` for one run's overrides."""

    def __init__(self, directory: Path, overrides: Overrides) -> None:
        self.directory = directory
        self.overrides = overrides
        self.writable = True
        self._run_key = ""
        self._settings_keys: dict[str, str] = {}

    def lookup(self, indexed: Sequence[tuple[int, Target]], resolver: Resolver) -> list[Part]:
        """A part for each target the cache holds."""
        hits = []
        for index, target in indexed:
            if _cacheable(target):
                part = self._hit(index, target, resolver)
                if part is not None:
                    hits.append(part)
        return hits

    def _hit(self, index: int, target: Target, resolver: Resolver) -> Part | None:
        try:
            source = read_target(target)
            entry = json.loads(self._path(self.key(target, source)).read_bytes())
            part = _part(index, source, entry)
        except Exception:  # unreadable, corrupt or from another layout: a miss
            return None
        base = resolver.base(target.settings)
        if base is None:
            return None
        part.rules.update(base.registry.rules)
        return part

    def store(self, parts: Sequence[Part], targets: Sequence[Target]) -> None:
        """Store each file the parts linted to the end with no error."""
        for part in parts:
            for index, source in part.sources.items():
                if self.writable and _cacheable(targets[index]) and part.clean(index):
                    self._write(self.key(targets[index], source), _entry(part, index))

    def key(self, target: Target, source: Source) -> str:
        """The entry's name: a hash of everything the file's outcome depends on."""
        if not self._run_key:  # on first use: plugins are loaded by then
            self._run_key = _run_key(self.overrides)
        parts = [
            self._run_key,
            self._settings_key(target.settings),
            target.display,
            str(target.path),
            str(source.bom),
            hashlib.sha256(source.text.encode("utf-8", "surrogatepass")).hexdigest(),
        ]
        return _digest(parts)

    def _settings_key(self, settings: Settings) -> str:
        described = repr(settings)
        if described not in self._settings_keys:
            configs = [settings.path, *settings.extends] if settings.path else []
            files = [*configs, *settings.packs]
            contents = [(str(path), _file_digest(path)) for path in files]
            model = _model_identity(settings.model)
            self._settings_keys[described] = _digest([described, contents, model])
        return self._settings_keys[described]

    def _path(self, key: str) -> Path:
        return self.directory / LAYOUT / key[:2] / key

    def _write(self, key: str, entry: dict[str, Any]) -> None:
        """Write to a temporary file and rename it into place; a cache that cannot be
        written is not used for the rest of the run."""
        path = self._path(key)
        try:
            if not (self.directory / ".gitignore").exists():
                write_atomic(self.directory / ".gitignore", b"*\n")
            write_atomic(path, json.dumps(entry).encode("ascii"))
        except (OSError, ValueError):
            self.writable = False


def _cacheable(target: Target) -> bool:
    """Files only: stdin and documents in memory are not cached."""
    return not target.stdin and target.text is None and target.path is not None


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place: a
    reader sees the old file or the new one, never part of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        os.fchmod(handle, 0o666 & ~_umask())  # as an ordinary file; mkstemp makes it private
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@cache
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _entry(part: Part, index: int) -> dict[str, Any]:
    choice = part.profiles[index]
    return {
        "findings": [asdict(finding) for finding in part.findings.get(index, [])],
        "notices": part.notices.get(index, []),
        "profile": [choice.name, choice.reason],
        "fail_on": part.fail_on[index].value,
    }


def _part(index: int, source: Source, entry: dict[str, Any]) -> Part:
    """The part an entry restores; raises on any entry not written by ``_entry``."""
    findings = [_finding(item) for item in entry["findings"]]
    if any(finding.path != source.path for finding in findings):
        raise ValueError("entry for another file")
    notices = entry["notices"]
    if not all(isinstance(notice, str) for notice in notices):
        raise ValueError("bad notices")
    name, reason = entry["profile"]
    return Part(
        sources={index: source},
        notices={index: list(notices)},
        profiles={index: ProfileChoice(str(name), str(reason))},
        fail_on={index: Severity(entry["fail_on"])},
        findings={index: findings},
    )


def _finding(item: dict[str, Any]) -> Finding:
    fix = item.pop("fix")
    severity = Severity(item.pop("severity"))
    edits = tuple(Edit(int(s), int(e), str(r)) for s, e, r in fix["edits"]) if fix else None
    return Finding(**item, severity=severity, fix=Fix(edits) if edits is not None else None)


def _digest(parts: Sequence[Any]) -> str:
    return hashlib.sha256(json.dumps(parts, default=str).encode("utf-8")).hexdigest()


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def _run_key(overrides: Overrides) -> str:
    """What every file's outcome depends on in this run."""
    return _digest(
        [
            newslint.__version__,
            _code_digest(),
            _version("spacy"),
            _plugins(),
            repr(overrides),
        ]
    )


@cache
def _code_digest() -> str:
    return _digest([(str(path), _file_digest(path)) for path in code_files()])


def code_files() -> list[Path]:
    """newslint's own code and data (bundled packs, word lists): a checkout that changed
    without a new version must not reuse entries."""
    roots = {Path(newslint.__file__).parent, Path(str(resources.files("newslint.packs")))}
    found = {p for root in roots for p in root.rglob("*") if p.suffix in (".py", ".toml")}
    return sorted(found)


def _plugins() -> list[list[str]]:
    """Each plugin's entry point, distribution and version, and its module's content."""
    found = []
    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = entry_point.dist
        module = sys.modules.get(entry_point.module)
        origin = getattr(module, "__file__", None)
        found.append(
            [
                entry_point.name,
                entry_point.value,
                dist.name if dist else "",
                dist.version if dist else "",
                _file_digest(Path(origin)) if origin else "",
            ]
        )
    return sorted(found)


@cache
def _model_identity(model: str | None) -> str:
    """The model's name and version, read from package metadata or a model folder's
    meta.json, without loading spaCy."""
    for name in (model,) if model else DEFAULT_MODELS:
        version = _version(name)
        if version:
            return f"{name}=={version}"
        meta = Path(name) / "meta.json"
        if meta.is_file():
            return f"{Path(name).resolve()}:{_file_digest(meta)}"
    return f"{model}: not installed"


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""
