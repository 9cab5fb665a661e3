"""Collecting rules from plugins (entry-point group ``newslint``) and rule packs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import pluggy

from newslint.rules import hookspecs
from newslint.rules.base import Rule, describe
from newslint.rules.kinds import PackRule
from newslint.rules.packs import PackError, load_pack

ENTRY_POINT_GROUP = "newslint"


@dataclass
class Registry:
    """Every known rule by code, the pack kinds, and what went wrong loading them."""

    rules: dict[str, type[Rule]] = field(default_factory=dict)
    kinds: dict[str, type[PackRule]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, rule: type[Rule], plugin: str) -> None:
        rule.plugin = rule.plugin or plugin
        other = self.rules.get(rule.code)
        if other is not None and other is not rule:
            self.errors.append(
                f"plugin '{plugin}': rule code {rule.code} is already defined by "
                f"plugin '{other.plugin}'; ignoring the second definition"
            )
            return
        self.rules[rule.code] = rule

    def add_pack(self, path: Path | Traversable, plugin: str) -> None:
        """Add a pack's rules; raises PackError naming the file and key."""
        for rule in load_pack(path, self.kinds, plugin):
            self.add(rule, plugin)

    def with_packs(self, paths: Sequence[Path]) -> Registry:
        """A copy that also holds the rules of the given house packs."""
        extended = Registry(dict(self.rules), dict(self.kinds), [])
        for path in paths:
            extended.add_pack(path, f"pack:{path.name}")
        if extended.errors:
            raise PackError(extended.errors[0])
        return extended


def load_registry() -> Registry:
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    registry = Registry()
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            manager.register(entry_point.load(), name=entry_point.name)
        except Exception as exc:  # a broken plugin must not stop the others
            registry.errors.append(f"plugin '{entry_point.name}' failed to load: {describe(exc)}")
    _collect(manager.hook.newslint_rule_kinds, registry, lambda k, p: _add_kinds(registry, k, p))
    _collect(manager.hook.newslint_rules, registry, lambda rules, p: _add_all(registry, rules, p))
    _collect(manager.hook.newslint_packs, registry, lambda packs, p: _add_packs(registry, packs, p))
    return registry


def _collect(hook: Any, registry: Registry, use: Callable[[Any, str], None]) -> None:
    """Call each plugin's implementation on its own, so one failure names its plugin."""
    for impl in hook.get_hookimpls():
        try:
            use(impl.function(), impl.plugin_name)
        except Exception as exc:
            registry.errors.append(
                f"plugin '{impl.plugin_name}' failed in {hook.name}: {describe(exc)}"
            )


def _add_kinds(registry: Registry, kinds: Mapping[str, type[PackRule]], plugin: str) -> None:
    """Pack kinds by name; one that is not a PackRule class is reported and left out."""
    for name, kind in kinds.items():
        if isinstance(kind, type) and issubclass(kind, PackRule):
            registry.kinds[name] = kind
        else:
            registry.errors.append(
                f"plugin '{plugin}': pack kind {name!r} is not a PackRule class; ignoring it"
            )


def _add_all(registry: Registry, rules: Iterable[type[Rule]], plugin: str) -> None:
    for rule in rules:
        registry.add(rule, plugin)


def _add_packs(registry: Registry, packs: Iterable[Path | Traversable], plugin: str) -> None:
    for pack in packs:
        try:
            registry.add_pack(pack, plugin)
        except PackError as exc:
            registry.errors.append(f"plugin '{plugin}': {exc}")
