"""Linting files: read, analyse once, run the rules, collect findings and errors."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from newslint.analysis.document import Analysis
from newslint.analysis.nlp import ModelError, Need, components_for, load_model, needs_model
from newslint.analysis.pipeline import analyse
from newslint.analysis.sourcing import SOURCING_NEEDS
from newslint.config.discovery import settings_for_dir
from newslint.config.profiles import ProfileChoice, choose_profile
from newslint.config.ruleset import Overrides, RuleSet, build_profile_rule_set, build_rule_set
from newslint.config.settings import ConfigError, Settings, read_config
from newslint.documents.loader import load_document
from newslint.documents.model import Document
from newslint.documents.source import InputError
from newslint.linter.cache import Cache
from newslint.linter.part import CONFIG, LINT, READ, LintRun, Part, join
from newslint.linter.targets import Target, expand, read_target
from newslint.rules.base import Rule, describe
from newslint.rules.engine import needs_of, run_rules
from newslint.rules.registry import Registry, load_registry

if TYPE_CHECKING:
    from spacy.language import Language

PLEASE_REPORT = "please report it to the newslint maintainers"
# Files linted together: the unit of work of a worker process, and how many files'
# documents and analyses are held at once.
CHUNK_FILES = 8


class Progress(Protocol):
    """Told how many files a run lints, then of the files finished, batch by batch (from
    the cache, a chunk, a worker's chunk), with how many words they hold."""

    def start(self, files: int) -> None: ...

    def advance(self, files: int, words: int) -> None: ...


@dataclass
class Job:
    index: int
    document: Document
    rule_set: RuleSet
    rules: list[Rule]


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
            return (
                self._explicit()
                if self.explicit
                else self._discover(Path(os.path.realpath(directory)))
            )
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


@cache
def process_resolver(overrides: Overrides, config: str | None) -> Resolver:
    """This process's resolver, on the plugins it loads itself, built on first use: a
    worker process (``-j``, the audit's Dask workers) keeps it for every chunk it takes.
    A plugin may change newslint as it loads, so each process loads them itself; their
    errors the main process reports."""
    return Resolver(load_registry(), overrides, config)


def lint(
    paths: Sequence[str],
    registry: Registry,
    resolver: Resolver,
    stdin_name: str | None,
    jobs: int = 1,
    cache: Cache | None = None,
    measure: bool = False,
    progress: Progress | None = None,
) -> LintRun:
    """Lint the files under command-line ``paths`` (``-`` is stdin); ``measure`` and
    ``progress`` as for ``lint_targets``."""
    targets, missing = expand(list(paths), resolver.settings, stdin_name)
    return lint_targets(
        targets, registry, resolver, jobs, cache, measure, unfound=missing, progress=progress
    )


def lint_targets(
    targets: Sequence[Target],
    registry: Registry,
    resolver: Resolver,
    jobs: int = 1,
    cache: Cache | None = None,
    measure: bool = False,
    unfound: Sequence[str] = (),
    progress: Progress | None = None,
) -> LintRun:
    """Lint each target, files or documents in memory, with its own settings and genre
    profile: the one entry point for everything that lints.

    Files the ``cache`` holds are not linted again; the others are linted in chunks,
    across ``jobs`` worker processes when there is more than one chunk. ``measure``
    also counts, from the same analysis, each file's words of prose and how many of
    them a source is said to say (``LintRun.voice``), and keeps its attributions
    (``LintRun.attributions``); it lints in this process with no cache. ``unfound``
    are errors for paths that named no file, reported first. ``progress`` hears of the
    files as they finish."""
    config_before = list(resolver.errors)
    if progress is not None:
        progress.start(len(targets))
    usable = cache if cache is not None and not registry.errors and not measure else None
    indexed = list(enumerate(targets))
    hits = usable.lookup(indexed, resolver) if usable else []
    for hit in hits:
        advance(progress, 1, hit)
    done = {index for part in hits for index in part.sources}
    misses = [(index, target) for index, target in indexed if index not in done]
    chunks = [misses[i : i + CHUNK_FILES] for i in range(0, len(misses), CHUNK_FILES)]
    if jobs > 1 and len(chunks) > 1 and not measure:
        parts = _in_workers(misses, resolver, jobs, progress)
    else:
        parts = _in_process(chunks, resolver, measure, progress)
    if usable:
        usable.store(parts, targets)
    run = join([*hits, *parts], [*registry.errors, *unfound], config_before)
    if usable:
        run.cache_hits, run.cache_misses = len(hits), sum(len(part.sources) for part in parts)
    return run


def advance(progress: Progress | None, files: int, part: Part) -> None:
    """Tell ``progress`` of ``files`` finished, with the words of those ``part`` read."""
    if progress is not None:
        progress.advance(files, sum(len(s.text.split()) for s in part.sources.values()))


def _in_workers(
    misses: list[tuple[int, Target]], resolver: Resolver, jobs: int, progress: Progress | None
) -> list[Part]:
    """Lint files across worker processes and stdin here, where it can be read."""
    from newslint.linter import parallel  # it imports this module

    stdin = [(index, target) for index, target in misses if target.stdin]
    files = [(index, target) for index, target in misses if not target.stdin]
    chunks = [files[i : i + CHUNK_FILES] for i in range(0, len(files), CHUNK_FILES)]
    parts = _in_process([stdin], resolver, progress=progress) if stdin else []
    if len(chunks) > 1:
        workers = min(jobs, len(chunks))
        return parts + parallel.lint_chunks(chunks, resolver, workers, progress)
    return parts + _in_process(chunks, resolver, progress=progress)


def _in_process(
    chunks: list[list[tuple[int, Target]]],
    resolver: Resolver,
    measure: bool = False,
    progress: Progress | None = None,
) -> list[Part]:
    """Lint chunk after chunk in this process, up to a Ctrl-C."""
    parts = []
    for chunk in chunks:
        parts.append(lint_part(chunk, resolver, measure))
        advance(progress, len(chunk), parts[-1])
        if parts[-1].stopped is not None:
            break
    return parts


def lint_part(
    chunk: Sequence[tuple[int, Target]], resolver: Resolver, measure: bool = False
) -> Part:
    """Lint some of a run's targets, each with its index in the run; a Ctrl-C stops it
    with the files finished so far."""
    part = Part()
    jobs = []
    for index, target in chunk:
        try:
            job = _guarded_job(index, target, resolver, part)
        except KeyboardInterrupt:
            part.stopped = index
            return part
        if job is not None:
            jobs.append(job)
    for model, group in _by_model(jobs).items():
        _lint_group(model, group, part, measure)
        if part.stopped is not None:
            break
    return part


def prepare(target: Target, resolver: Resolver) -> tuple[Job | None, Part]:
    """One file read, its genre profile chosen and its rules built, as a lint would, but
    not linted (``--show-settings``); the part holds its profile, errors and notices."""
    part = Part()
    return _guarded_job(0, target, resolver, part), part


def _guarded_job(index: int, target: Target, resolver: Resolver, part: Part) -> Job | None:
    """``_job``, with config errors met on the way and any bug in newslint reported."""
    reported = len(resolver.errors)
    try:
        job = _job(index, target, resolver, part)
    except Exception as exc:  # a bug in newslint must not cost the other files
        part.error(READ, index, internal_error(target.display, exc))
        job = None
    for message in resolver.errors[reported:]:
        part.error(CONFIG, index, message)
    return job


def _job(index: int, target: Target, resolver: Resolver, part: Part) -> Job | None:
    """One file's document and rules; None if it cannot be linted (reported in ``part``)."""
    base = resolver.base(target.settings)
    if base is None:
        return None
    try:
        source = read_target(target)
    except InputError as exc:
        part.error(READ, index, str(exc))
        return None
    part.sources[index] = source
    part.rules.update(base.registry.rules)
    notices = part.notices.setdefault(index, [])
    if not source.text.strip():
        notices.append(f"{source.path}: empty file; nothing to lint")
        return None
    document = load_document(source, target.settings.html_options(resolver.overrides.extract))
    notices.extend(document.notices)
    notices.extend(document.suppression_warnings(base.registry.rules))
    choice = resolver.choose(target, document)
    rule_set = resolver.rule_set(target.settings, choice.name) if choice else None
    if choice is None or rule_set is None:
        return None
    part.profiles[index] = choice
    return Job(index, document, rule_set, rule_set.rules_for(target.path))


def _by_model(jobs: list[Job]) -> dict[str | None, list[Job]]:
    groups: dict[str | None, list[Job]] = {}
    for job in jobs:
        groups.setdefault(job.rule_set.settings.model, []).append(job)
    return groups


def _lint_group(model: str | None, jobs: list[Job], part: Part, measure: bool) -> None:
    """Lint the files that share a model; on Ctrl-C keep the files finished so far."""
    checked: set[int] = set()
    failed: list[str] = []
    try:
        nlp = _model(model, jobs, part, SOURCING_NEEDS if measure else frozenset())
        by_document = {id(job.document): job for job in jobs}
        for analysis in analyse_each([job.document for job in jobs], nlp, failed):
            job = by_document[id(analysis.document)]
            _check(job, analysis, part)
            if measure:
                part.voice[job.index] = (analysis.prose_words, analysis.sourcing.attributed_words)
                part.attributions[job.index] = tuple(analysis.sourcing.attributions)
            checked.add(job.index)
    except KeyboardInterrupt:
        part.stopped = min(job.index for job in jobs if job.index not in checked)
    # A document whose analysis failed is skipped with one error, in order.
    skipped = [job for job in jobs if job.index not in checked]
    for job, message in zip(skipped, failed, strict=False):
        part.error(LINT, job.index, message)


def _model(
    model: str | None, jobs: list[Job], part: Part, extra: frozenset[Need]
) -> Language | None:
    """The model the group's rules (and ``extra`` needs) need; None if they need none or
    it fails to load, when the rules that need it are dropped."""
    needs = needs_of([rule for job in jobs for rule in job.rules]) | extra
    if not needs_model(needs):
        return None
    first = jobs[0]
    try:
        return load_model(model, components_for(needs))
    except ModelError as exc:
        message = f"{first.document.path}: {exc}"
    except Exception as exc:  # a bug, not a missing model: the other rules still run
        message = (
            f"{first.document.path}: internal error loading the model: {describe(exc)}; "
            f"{PLEASE_REPORT}"
        )
    part.error(LINT, first.index, message)
    part.failed_models[message] = model
    for job in jobs:
        job.rules = [r for r in job.rules if not needs_model(r.needs)]
    return None


def _check(job: Job, analysis: Analysis, part: Part) -> None:
    """Run the job's rules on its analysis and record the outcome."""
    try:
        outcome = run_rules(analysis, job.rules)
    except Exception as exc:  # a bug in newslint must not cost the other files
        part.error(LINT, job.index, internal_error(job.document.path, exc))
        return
    part.findings[job.index] = outcome.findings
    for message in outcome.errors:
        part.error(LINT, job.index, message)
    part.fail_on[job.index] = job.rule_set.settings.fail_on


def analyse_each(
    documents: Sequence[Document], nlp: Language | None, errors: list[str]
) -> Iterator[Analysis]:
    """Each document's analysis, in order; one whose analysis fails is reported in
    ``errors`` as an internal error and skipped.

    The model parses documents in batches, so a failure may surface on a document
    before the one at fault: that document is analysed again on its own, to blame
    the right file, and the rest continue in a new batch.
    """
    done = 0
    while done < len(documents):
        try:
            for analysis in analyse(documents[done:], nlp):
                done += 1
                yield analysis
        except Exception:
            document = documents[done]
            done += 1
            try:
                alone = next(analyse([document], nlp))
            except Exception as exc:
                errors.append(internal_error(document.path, exc))
                continue
            yield alone


def internal_error(path: str, exc: Exception) -> str:
    """One line for a bug met while linting ``path``: the exception, and where to report it."""
    return f"{path}: internal error: {describe(exc)}; not linted; {PLEASE_REPORT}"
