"""Linting files: read, analyse once, run the rules, collect findings and errors."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newslint.analysis.nlp import ModelError, components_for, load_model, needs_model
from newslint.analysis.pipeline import analyse
from newslint.cli.targets import Target, expand
from newslint.config.discovery import settings_for_dir
from newslint.config.profiles import ProfileChoice, choose_profile
from newslint.config.ruleset import Overrides, RuleSet, build_profile_rule_set, build_rule_set
from newslint.config.settings import ConfigError, Settings, read_config
from newslint.documents.loader import load_document
from newslint.documents.model import Document
from newslint.documents.source import InputError, Source, decode, read_source
from newslint.rules.base import Finding, Rule, Severity
from newslint.rules.engine import needs_of, run_rules
from newslint.rules.registry import Registry


@dataclass
class Job:
    document: Document
    rule_set: RuleSet
    rules: list[Rule]


@dataclass
class LintRun:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    fail_on: dict[str, Severity] = field(default_factory=dict)
    profiles: dict[str, ProfileChoice] = field(default_factory=dict)

    @property
    def failing(self) -> bool:
        """Any finding at or above its file's ``fail-on``."""
        return any(f.severity.rank >= self.fail_on[f.path].rank for f in self.findings)

    def merge(self, again: LintRun) -> LintRun:
        """This run with the files linted ``again`` replaced by their new results."""
        paths = set(again.sources)
        kept = [f for f in self.findings if f.path not in paths]
        return LintRun(
            findings=sorted(kept + again.findings, key=lambda f: f.sort_key),
            errors=self.errors + [e for e in again.errors if e not in self.errors],
            notices=self.notices + again.notices,
            sources=self.sources | again.sources,
            rules=self.rules | again.rules,
            fail_on=self.fail_on | again.fail_on,
            profiles=self.profiles | again.profiles,
        )


class Resolver:
    """Settings per config file and rule sets per config file and genre profile, each
    built once; broken ones report once."""

    def __init__(self, registry: Registry, overrides: Overrides, config: str | None) -> None:
        self.registry = registry
        self.overrides = overrides
        self.explicit = Path(config) if config else None
        self.bases: dict[Path | None, RuleSet | None] = {}
        self.rule_sets: dict[tuple[Path | None, str], RuleSet | None] = {}
        self.found: dict[Path, Settings] = {}
        self.errors: list[str] = []

    def settings(self, directory: Path) -> Settings | None:
        """The config's settings; the command line applies when its rule sets are built."""
        try:
            return self._explicit() if self.explicit else self._discover(directory.resolve())
        except ConfigError as exc:
            self.report(str(exc))
            return None

    def _discover(self, directory: Path) -> Settings:
        if directory not in self.found:
            self.found[directory] = settings_for_dir(directory)
        return self.found[directory]

    def _explicit(self) -> Settings:
        assert self.explicit is not None
        if not self.explicit.is_file():
            raise ConfigError(self.explicit, "file", "config file not found")
        return read_config(self.explicit) or Settings(root=self.explicit.parent, path=self.explicit)

    def base(self, settings: Settings) -> RuleSet | None:
        """The config's rules with no genre profile; None if the config is broken."""
        if settings.path not in self.bases:
            self.bases[settings.path] = self._build(
                lambda: build_rule_set(settings, self.registry, self.overrides)
            )
        return self.bases[settings.path]

    def rule_set(self, settings: Settings, profile: str) -> RuleSet | None:
        """The config's rules under a genre profile; None if either is broken."""
        base = self.base(settings)
        key = (settings.path, profile)
        if base is not None and key not in self.rule_sets:
            registry = base.registry
            self.rule_sets[key] = self._build(
                lambda: build_profile_rule_set(settings, registry, self.overrides, profile)
            )
        return self.rule_sets.get(key)

    def choose(self, target: Target, document: Document) -> ProfileChoice | None:
        """The genre profile for a file; None, reported, if it names an unknown one."""
        try:
            return choose_profile(target.settings, target.path, document, self.overrides.profile)
        except ConfigError as exc:
            self.report(str(exc))
            return None

    def _build(self, build: Callable[[], RuleSet]) -> RuleSet | None:
        try:
            return build()
        except ConfigError as exc:
            self.report(str(exc))
            return None

    def report(self, message: str) -> None:
        if message not in self.errors:
            self.errors.append(message)


def read_target(target: Target) -> Source:
    max_bytes = target.settings.max_file_size
    if target.path is None:
        data = sys.stdin.buffer.read()
        if len(data) > max_bytes:
            raise InputError(
                f"{target.display}: input is {len(data)} bytes, over the limit of "
                f"{max_bytes} (max-file-size); not linted"
            )
        return decode(data, target.display)
    return read_source(target.path, target.display, max_bytes)


def lint(
    paths: Sequence[str], registry: Registry, resolver: Resolver, stdin_name: str | None
) -> LintRun:
    run = LintRun(errors=list(registry.errors))
    targets, missing = expand(list(paths), resolver.settings, stdin_name)
    run.errors.extend(missing)
    jobs = _jobs(targets, resolver, run)
    run.errors.extend(resolver.errors)
    for model, group in _by_model(jobs).items():
        _lint_group(model, group, run)
    run.findings.sort(key=lambda f: f.sort_key)
    return run


def _jobs(targets: list[Target], resolver: Resolver, run: LintRun) -> list[Job]:
    """Read each file, then choose its genre profile, which may depend on its text."""
    jobs = []
    for target in targets:
        base = resolver.base(target.settings)
        if base is None:
            continue
        try:
            source = read_target(target)
        except InputError as exc:
            run.errors.append(str(exc))
            continue
        run.sources[source.path] = source
        run.rules.update(base.registry.rules)
        if not source.text.strip():
            run.notices.append(f"{source.path}: empty file; nothing to lint")
            continue
        document = load_document(source)
        choice = resolver.choose(target, document)
        rule_set = resolver.rule_set(target.settings, choice.name) if choice else None
        if choice is None or rule_set is None:
            continue
        run.profiles[source.path] = choice
        jobs.append(Job(document, rule_set, rule_set.rules_for(target.path)))
    return jobs


def _by_model(jobs: list[Job]) -> dict[str | None, list[Job]]:
    groups: dict[str | None, list[Job]] = {}
    for job in jobs:
        groups.setdefault(job.rule_set.settings.model, []).append(job)
    return groups


def _lint_group(model: str | None, jobs: list[Job], run: LintRun) -> None:
    needs = needs_of([rule for job in jobs for rule in job.rules])
    nlp = None
    if needs_model(needs):
        try:
            nlp = load_model(model, components_for(needs))
        except ModelError as exc:
            run.errors.append(f"{jobs[0].document.path}: {exc}")
            for job in jobs:
                job.rules = [r for r in job.rules if not needs_model(r.needs)]
    for job, analysis in zip(jobs, analyse([j.document for j in jobs], nlp), strict=True):
        outcome = run_rules(analysis, job.rules)
        run.findings.extend(outcome.findings)
        run.errors.extend(outcome.errors)
        run.fail_on[job.document.path] = job.rule_set.settings.fail_on
