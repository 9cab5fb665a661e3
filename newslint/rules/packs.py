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

Every entry is checked against its kind's schema (``PackRule.keys``) when the pack
loads, whether or not the rule is selected.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from newslint.rules.base import Rule, Severity
from newslint.rules.kinds import PackRule
from newslint.toml import TOMLError, load_toml

PACK_KEYS = {"name", "style", "description"}
SHOWN = 60  # characters of a bad value quoted in an error


class PackError(Exception):
    """A rule pack that cannot be used. The message names the file and the key."""


def load_pack(
    path: Path | Traversable, kinds: Mapping[str, type[PackRule]], plugin: str
) -> list[type[Rule]]:
    try:
        data = load_toml(path)
    except (OSError, TOMLError) as exc:
        raise PackError(f"{path}: cannot read rule pack: {exc}") from exc
    _check_keys(path, "top level", data, {"pack", "rules"})
    header = data.get("pack", {})
    if not isinstance(header, dict):
        raise PackError(f"{path}: pack: expected a table [pack]")
    _check_keys(path, "[pack]", header, PACK_KEYS)
    for key, value in header.items():
        if not isinstance(value, str):
            raise PackError(f"{path}: pack.{key}: expected a string, got {_shown(value)}")
    entries = data.get("rules", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise PackError(f"{path}: rules: expected an array of tables [[rules]]")
    pack_name = header.get("name", getattr(path, "name", str(path)))
    return [_rule_class(path, pack_name, entry, kinds, plugin) for entry in entries]


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
    code = entry.get("code")
    where = f"rule {code[:SHOWN] if isinstance(code, str) else '?'}"
    kind = _kind(path, where, entry, kinds)
    _check_entry(path, where, entry, kind)
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
    return kind.make(f"{kind.__name__}_{entry['code']}", attributes)


def _kind(
    path: object, where: str, entry: Mapping[str, Any], kinds: Mapping[str, type[PackRule]]
) -> type[PackRule]:
    name = entry.get("kind")
    if name is None:
        raise PackError(f"{path}: {where} lacks required key 'kind'")
    kind = kinds.get(name) if isinstance(name, str) else None
    if kind is None:
        known = ", ".join(kinds)
        raise PackError(f"{path}: {where}: kind: unknown kind {_shown(name)} (known: {known})")
    return kind


def _check_entry(path: object, where: str, entry: Mapping[str, Any], kind: type[PackRule]) -> None:
    """The entry against its kind's schema: known keys, required keys, values, message."""
    _check_keys(path, where, entry, set(kind.keys))
    for key, spec in kind.keys.items():
        if key not in entry:
            if spec.required:
                raise PackError(f"{path}: {where} lacks required key '{key}'")
        elif not spec.accepts(entry[key]):
            shown = _shown(entry[key])
            raise PackError(f"{path}: {where}: {key}: expected {spec.expects}, got {shown}")
    problem = _message_problem(entry["message"], kind.placeholders)
    if problem:
        raise PackError(f"{path}: {where}: message: {problem}")


def _message_problem(message: str, placeholders: frozenset[str]) -> str | None:
    """What is wrong with a message template whose fields may be ``placeholders``."""
    known = ", ".join(f"{{{name}}}" for name in sorted(placeholders))
    try:
        fields = [
            field for _, field, _, _ in string.Formatter().parse(message) if field is not None
        ]
        unknown = next((field for field in fields if field not in placeholders), None)
        if unknown is not None:
            return f"unknown placeholder {{{unknown}}}; this kind has {known}"
        message.format(**{name: "x" for name in placeholders})
    except (ValueError, KeyError, IndexError) as exc:
        return f"bad template ({exc}); write {{{{ and }}}} for a literal brace"
    return None


def _shown(value: Any) -> str:
    """A bad value as an error quotes it, cut short."""
    text = repr(value)
    return text if len(text) <= SHOWN else f"{text[: SHOWN - 1]}…"
