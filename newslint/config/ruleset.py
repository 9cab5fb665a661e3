"""Turning settings and a genre profile into the rule instances that lint a file."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import reduce
from pathlib import Path
from typing import Any

from newslint.config.settings import ConfigError, Profile, Settings
from newslint.rules.base import OptionError, Rule, Severity
from newslint.rules.packs import PackError
from newslint.rules.registry import Registry
from newslint.rules.selection import matches, select_codes, unknown_selectors


def split_codes(value: str) -> tuple[str, ...]:
    """Rule codes from a comma-separated option value: "NL101, NL2"."""
    return tuple(c.strip() for c in value.split(",") if c.strip())


@dataclass(frozen=True)
class Overrides:
    """Command-line choices that win over the config file and the genre profile."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] | None = None
    fail_on: str | None = None
    profile: str | None = None
    extract: bool = False  # --extract: only the article body of HTML web pages


@dataclass(frozen=True)
class RuleSet:
    """The rules of one config file, under one genre profile or none."""

    settings: Settings
    registry: Registry
    rules: tuple[Rule, ...]

    def rules_for(self, path: Path | None) -> list[Rule]:
        """The rules for one file, after ``per-file-ignores``."""
        ignores = self.settings.per_file_ignores
        ignored = [c for glob in self.settings.matching_globs(path, ignores) for c in ignores[glob]]
        return [rule for rule in self.rules if not matches(rule.code, ignored)]


def apply_overrides(settings: Settings, overrides: Overrides) -> Settings:
    """``--select`` and ``--fail-on`` replace; ``--ignore`` and ``--extend-select`` add."""
    return replace(
        settings,
        select=overrides.select if overrides.select is not None else settings.select,
        ignore=settings.ignore + (overrides.ignore or ()),
        extend_select=settings.extend_select + (overrides.extend_select or ()),
        fail_on=Severity(overrides.fail_on) if overrides.fail_on else settings.fail_on,
    )


def build_rule_set(settings: Settings, registry: Registry, overrides: Overrides) -> RuleSet:
    """The config's own rules, its packs loaded, then the command line; no genre profile.

    Everything the config names is checked, used or not: its packs, rule codes,
    per-file-ignores, every rule's options and its own profiles. ConfigError names the
    file and key; for a bad ``--select`` and the like, the option."""
    try:
        registry = registry.with_packs(list(settings.packs))
    except PackError as exc:
        raise ConfigError(settings.label, "packs", str(exc)) from exc
    _check(settings, registry, settings.label, "")
    for glob, codes in settings.per_file_ignores.items():
        _check_codes(registry, codes, settings.label, f"per-file-ignores.{glob}")
    for profile in settings.profiles.values():
        _check(profile, registry, profile.label, f"{profile.key}.")
    return _rule_set(settings, registry, overrides)


def build_profile_rule_set(
    settings: Settings, registry: Registry, overrides: Overrides, profile: str
) -> RuleSet:
    """The rules under a genre profile: the profile and those it extends laid over the
    config, the furthest first, then the command line. ``registry`` holds the config's
    packs (from :func:`build_rule_set`). A bad profile key is named with its file."""
    lineage = settings.lineage(profile)
    for layer in lineage:
        _check(layer, registry, layer.label, f"{layer.key}.")
    overlaid = reduce(_overlay, reversed(lineage), settings)
    return _rule_set(overlaid, registry, overrides)


def _overlay(settings: Settings, profile: Profile) -> Settings:
    """A profile's ``select`` replaces; its ``ignore``, ``extend-select`` and options add."""
    return replace(
        settings,
        select=profile.select if profile.select is not None else settings.select,
        ignore=settings.ignore + profile.ignore,
        extend_select=settings.extend_select + profile.extend_select,
        rules={
            code: {**settings.rules.get(code, {}), **profile.rules.get(code, {})}
            for code in {*settings.rules, *profile.rules}
        },
    )


def _rule_set(settings: Settings, registry: Registry, overrides: Overrides) -> RuleSet:
    """The chosen rules, built with their options, after the command line."""
    for flag, selectors in (
        ("--select", overrides.select),
        ("--ignore", overrides.ignore),
        ("--extend-select", overrides.extend_select),
    ):
        _check_codes(registry, selectors or (), flag, "")
    settings = apply_overrides(settings, overrides)
    defaults = [code for code, rule in registry.rules.items() if rule.default]
    chosen = select_codes(
        list(registry.rules), settings.select, settings.ignore, settings.extend_select, defaults
    )
    rules = (
        _instantiate(registry, code, settings.rules.get(code, {}), settings.label, "")
        for code in chosen
    )
    return RuleSet(settings, registry, tuple(rules))


def _check(layer: Settings | Profile, registry: Registry, label: str, prefix: str) -> None:
    """Every code a config or profile names exists, and every rule's options are
    valid, whether or not the rule is selected."""
    for key, selectors in (
        ("select", layer.select or ()),
        ("ignore", layer.ignore),
        ("extend-select", layer.extend_select),
    ):
        _check_codes(registry, selectors, label, prefix + key)
    for code, options in layer.rules.items():
        if code not in registry.rules:
            raise ConfigError(label, f"{prefix}rules.{code}", "unknown rule code")
        _instantiate(registry, code, options, label, prefix)


def _check_codes(registry: Registry, selectors: Sequence[str], label: str, key: str) -> None:
    """ConfigError naming ``label`` and ``key`` for the first selector that matches no
    rule (``key`` is empty for a command-line option, which ``label`` names)."""
    unknown = unknown_selectors(list(registry.rules), selectors)
    if unknown:
        raise ConfigError(label, key, f"unknown rule code {unknown[0]!r}")


def _instantiate(
    registry: Registry, code: str, options: Mapping[str, Any], label: str, prefix: str
) -> Rule:
    rule = registry.rules[code]
    try:
        return rule(options)
    except OptionError as exc:
        raise ConfigError(label, f"{prefix}rules.{code}.{exc.key}", exc.detail) from exc
    except Exception as exc:  # a plugin rule whose constructor raises
        detail = f"{type(exc).__name__}: {exc}"
        raise ConfigError(
            label, f"{prefix}rules.{code}", f"plugin '{rule.plugin}' failed to build it: {detail}"
        ) from exc
