"""Linting files: read, analyse once, run the rules, collect findings and errors."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newslint.analysis.nlp import ModelError, components_for, load_model, needs_model
from newslint.analysis.pipeline import analyse
from newslint.cli.targets import Target, expand
from newslint.config.discovery import settings_for_dir
from newslint.config.profile import Overrides, Profile, apply_overrides, build_profile
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
    profile: Profile
    rules: list[Rule]


@dataclass
class LintRun:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    fail_on: dict[str, Severity] = field(default_factory=dict)

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
        )


class Resolver:
    """Settings and profiles per config file, each built once; broken ones report once."""

    def __init__(self, registry: Registry, overrides: Overrides, config: str | None) -> None:
        self.registry = registry
        self.overrides = overrides
        self.explicit = Path(config) if config else None
        self.profiles: dict[Path | None, Profile | None] = {}
        self.found: dict[Path, Settings] = {}
        self.errors: list[str] = []

    def settings(self, directory: Path) -> Settings | None:
        try:
            settings = self._explicit() if self.explicit else self._discover(directory.resolve())
        except ConfigError as exc:
            self._report(str(exc))
            return None
        return apply_overrides(settings, self.overrides)

    def _discover(self, directory: Path) -> Settings:
        if directory not in self.found:
            self.found[directory] = settings_for_dir(directory)
        return self.found[directory]

    def _explicit(self) -> Settings:
        assert self.explicit is not None
        if not self.explicit.is_file():
            raise ConfigError(self.explicit, "file", "config file not found")
        return read_config(self.explicit) or Settings(root=self.explicit.parent, path=self.explicit)

    def profile(self, settings: Settings) -> Profile | None:
        if settings.path not in self.profiles:
            try:
                self.profiles[settings.path] = build_profile(settings, self.registry)
            except ConfigError as exc:
                self._report(str(exc))
                self.profiles[settings.path] = None
        return self.profiles[settings.path]

    def _report(self, message: str) -> None:
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
    jobs = []
    for target in targets:
        profile = resolver.profile(target.settings)
        if profile is None:
            continue
        try:
            source = read_target(target)
        except InputError as exc:
            run.errors.append(str(exc))
            continue
        run.sources[source.path] = source
        run.rules.update(profile.registry.rules)
        if not source.text.strip():
            run.notices.append(f"{source.path}: empty file; nothing to lint")
            continue
        jobs.append(Job(load_document(source), profile, profile.rules_for(target.path)))
    return jobs


def _by_model(jobs: list[Job]) -> dict[str | None, list[Job]]:
    groups: dict[str | None, list[Job]] = {}
    for job in jobs:
        groups.setdefault(job.profile.settings.model, []).append(job)
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
        run.fail_on[job.document.path] = job.profile.settings.fail_on
