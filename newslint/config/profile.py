"""Turning settings into the rule instances that lint a file."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path, PurePath

from newslint.config.settings import ConfigError, Settings
from newslint.rules.base import OptionError, Rule, Severity
from newslint.rules.packs import PackError
from newslint.rules.registry import Registry
from newslint.rules.selection import matches, select_codes, unknown_selectors


@dataclass(frozen=True)
class Overrides:
    """Command-line choices that win over the config file."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    fail_on: str | None = None


@dataclass(frozen=True)
class Profile:
    settings: Settings
    registry: Registry
    rules: tuple[Rule, ...]

    def rules_for(self, path: Path | None) -> list[Rule]:
        """The rules for one file, after ``per-file-ignores``."""
        if path is None or not self.settings.per_file_ignores:
            return list(self.rules)
        relative = _relative(path, self.settings.root)
        ignored = [
            c
            for glob, codes in self.settings.per_file_ignores.items()
            if relative.match(glob)
            for c in codes
        ]
        return [rule for rule in self.rules if not matches(rule.code, ignored)]


def _relative(path: Path, root: Path) -> PurePath:
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return PurePath(path.name)


def apply_overrides(settings: Settings, overrides: Overrides) -> Settings:
    """``--select`` and ``--fail-on`` replace; ``--ignore`` and ``--extend-select`` add."""
    return replace(
        settings,
        select=overrides.select if overrides.select is not None else settings.select,
        ignore=settings.ignore + (overrides.ignore or ()),
        extend_select=settings.extend_select + (overrides.extend_select or ()),
        fail_on=Severity(overrides.fail_on) if overrides.fail_on else settings.fail_on,
    )


def build_profile(settings: Settings, registry: Registry) -> Profile:
    """Rule instances chosen and configured by ``settings``; ConfigError names the key."""
    try:
        registry = registry.with_packs(list(settings.packs))
    except PackError as exc:
        raise ConfigError(settings.label, "packs", str(exc)) from exc
    codes = list(registry.rules)
    for key, selectors in (
        ("select", settings.select or ()),
        ("ignore", settings.ignore),
        ("extend-select", settings.extend_select),
    ):
        unknown = unknown_selectors(codes, selectors)
        if unknown:
            raise ConfigError(settings.label, key, f"unknown rule code {unknown[0]!r}")
    for code in settings.rules:
        if code not in registry.rules:
            raise ConfigError(settings.label, f"rules.{code}", "unknown rule code")
    chosen = select_codes(codes, settings.select, settings.ignore, settings.extend_select)
    return Profile(
        settings, registry, tuple(_instantiate(settings, registry, code) for code in chosen)
    )


def _instantiate(settings: Settings, registry: Registry, code: str) -> Rule:
    try:
        return registry.rules[code](settings.rules.get(code, {}))
    except OptionError as exc:
        raise ConfigError(settings.label, f"rules.{code}.{exc.key}", exc.detail) from exc
