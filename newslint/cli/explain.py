"""``newslint rule CODE`` and ``newslint rules``: documentation from the rule classes.

They describe every rule a run could use: the plugins' rules, the packs of the config
found from the current folder, and the bundled topic packs a config may opt in to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newslint.config.discovery import settings_for_dir
from newslint.config.ruleset import Overrides, build_rule_set
from newslint.config.settings import BUNDLED_PREFIX, ConfigError
from newslint.rules.base import Rule
from newslint.rules.docs import opt_in_flag
from newslint.rules.packs import PackError, load_pack
from newslint.rules.registry import Registry, load_registry
from newslint.toml import bundled_packs

TOPICS = "topics"


@dataclass
class Catalogue:
    """The rules to describe; ``packs`` names, for a rule of a topic pack the config
    does not load, the entry that opts in to it; ``errors`` are load failures."""

    registry: Registry
    packs: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def opt_in(self, rule: type[Rule]) -> str:
        """How to turn the rule on, for a rule that is off by default; else empty."""
        if rule.code in self.packs:
            return f'packs = ["{self.packs[rule.code]}"]'
        return opt_in_flag(rule)


def catalogue() -> Catalogue:
    """The plugins' rules, the packs of the config for the current folder, then the
    bundled topic packs' rules; every plugin, config and pack failure is in ``errors``."""
    plugins = load_registry()
    found = Catalogue(plugins, errors=list(plugins.errors))
    try:
        config = settings_for_dir(Path.cwd())
        found.registry = build_rule_set(config, plugins, Overrides()).registry
    except ConfigError as exc:
        found.errors.append(str(exc))
    for pack in bundled_packs(TOPICS):
        try:
            rules = load_pack(pack, found.registry.kinds, f"pack:{pack.name}")
        except PackError as exc:
            found.errors.append(str(exc))
            continue
        for rule in rules:
            if rule.code not in found.registry.rules:
                found.registry.add(rule, rule.plugin)
                found.packs[rule.code] = f"{BUNDLED_PREFIX}{TOPICS}/{pack.name}"
    return found


def list_rules(found: Catalogue) -> str:
    rows = sorted(found.registry.rules.values(), key=lambda r: r.code)
    width = max((len(r.name) for r in rows), default=0)
    return "".join(
        f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  "
        f"{'opt-in' if found.opt_in(r) else '':<6}  {r.summary}\n"
        for r in rows
    )
