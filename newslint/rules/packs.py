"""Rule packs: TOML files that turn rule kinds into rule instances, no Python needed.

[pack]
name = "house"

[[rules]]
code = "HS001"
name = "prefer-kyiv"
kind = "substitution"
summary = "Use the house spelling"
message = "Use '{suggestion}' rather than '{match}'"
swap = { Kiev = "Kyiv" }
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from newslint.rules.base import SEVERITIES, Rule, Severity
from newslint.rules.kinds import PackRule
from newslint.toml import TOMLDecodeError, load_toml

CODE = re.compile(r"^[A-Z]{1,6}[0-9]{1,4}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
PACK_KEYS = {"name", "style", "description"}
COMMON_KEYS = {"code", "name", "kind", "summary", "message", "severity", "ignore-case"}
COMMON_KEYS |= {"exceptions", "description", "avoid", "prefer", "skip-attributed", "title-severity"}
COMMON_KEYS |= {"default"}
REQUIRED = ("code", "name", "kind", "summary", "message")


class PackError(Exception):
    """A rule pack that cannot be used. The message names the file and the key."""


def load_pack(
    path: Path | Traversable, kinds: Mapping[str, type[PackRule]], plugin: str
) -> list[type[Rule]]:
    try:
        data = load_toml(path)
    except (OSError, TOMLDecodeError) as exc:
        raise PackError(f"{path}: cannot read rule pack: {exc}") from exc
    _check_keys(path, "pack", data.get("pack", {}), PACK_KEYS)
    _check_keys(path, "top level", data, {"pack", "rules"})
    pack_name = data.get("pack", {}).get("name", getattr(path, "name", str(path)))
    return [_rule_class(path, pack_name, entry, kinds, plugin) for entry in data.get("rules", [])]


def _check_keys(path: object, where: str, table: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise PackError(f"{path}: unknown key '{unknown[0]}' in {where}")


def _rule_class(
    path: object,
    pack: str,
    entry: Mapping[str, Any],
    kinds: Mapping[str, type[PackRule]],
    plugin: str,
) -> type[Rule]:
    where = f"rule {entry.get('code', '?')}"
    missing = [key for key in REQUIRED if key not in entry]
    if missing:
        raise PackError(f"{path}: {where} lacks required key '{missing[0]}'")
    kind = kinds.get(entry["kind"])
    if kind is None:
        raise PackError(
            f"{path}: {where}: unknown kind '{entry['kind']}' (known: {', '.join(kinds)})"
        )
    _check_keys(path, where, entry, COMMON_KEYS | kind.pack_keys | kind.optional_keys)
    missing = sorted(kind.pack_keys - set(entry))
    if missing:
        raise PackError(f"{path}: {where} lacks required key '{missing[0]}'")
    _check_identity(path, where, entry)
    attributes = {
        "code": entry["code"],
        "name": entry["name"],
        "summary": entry["summary"],
        "message": entry["message"],
        "severity": Severity(entry.get("severity", "warning")),
        "default": entry.get("default", True),
        "exceptions": tuple(entry.get("exceptions", ())),
        "description": entry.get("description", ""),
        "avoid": entry.get("avoid", ""),
        "prefer": entry.get("prefer", ""),
        "pack": pack,
        "plugin": plugin,
        **kind.configure(entry),
    }
    return type(f"{kind.__name__}_{entry['code']}", (kind,), attributes)


def _check_identity(path: object, where: str, entry: Mapping[str, Any]) -> None:
    if not CODE.match(entry["code"]):
        raise PackError(f"{path}: {where}: code must look like 'AB123'")
    if not NAME.match(entry["name"]):
        raise PackError(f"{path}: {where}: name must be kebab-case")
    if not isinstance(entry.get("default", True), bool):
        raise PackError(f"{path}: {where}: default must be true or false")
    for key in ("severity", "title-severity"):
        if entry.get(key, "warning") not in SEVERITIES:
            raise PackError(f"{path}: {where}: {key} must be one of {', '.join(SEVERITIES)}")
