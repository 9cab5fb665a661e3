"""A run and its parts: what linting some of its targets found, kept by target index, and
joining parts into one run. Parts join into the same run however the targets were split
up (in chunks, across worker processes, from the cache), so ``-j N`` reports what
``-j 1`` reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newslint.analysis.sourcing import Attribution
from newslint.config.profiles import ProfileChoice
from newslint.documents.source import Source
from newslint.rules.base import Finding, Rule, Severity

# Errors are reported phase by phase, each in target order, as one pass over the
# files would meet them: reading a file, then its config, then linting it.
READ, CONFIG, LINT = 0, 1, 2
# The fields of a part that join by updating a dict.
DICTS = ("sources", "notices", "profiles", "fail_on", "findings", "voice", "attributions", "rules")


@dataclass
class Part:
    """Each target's outcome, by the target's index in the run."""

    sources: dict[int, Source] = field(default_factory=dict)
    notices: dict[int, list[str]] = field(default_factory=dict)
    profiles: dict[int, ProfileChoice] = field(default_factory=dict)
    fail_on: dict[int, Severity] = field(default_factory=dict)
    findings: dict[int, list[Finding]] = field(default_factory=dict)
    # Words of prose, and how many of them a source is said to say (when measured).
    voice: dict[int, tuple[int, int]] = field(default_factory=dict)
    # Every attribution the sourcing model found (when measured).
    attributions: dict[int, tuple[Attribution, ...]] = field(default_factory=dict)
    # (phase, target index, message)
    errors: list[tuple[int, int, str]] = field(default_factory=list)
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    # A model that failed to load, by its error: reported once per run, not per part.
    failed_models: dict[str, str | None] = field(default_factory=dict)
    # Ctrl-C: the index of the first target not finished.
    stopped: int | None = None

    def error(self, phase: int, index: int, message: str) -> None:
        self.errors.append((phase, index, message))

    def clean(self, index: int) -> bool:
        """Whether target ``index`` was linted to the end with no error of any kind."""
        return (
            index in self.fail_on
            and not self.failed_models
            and (self.stopped is None or index < self.stopped)
            and all(i != index for _, i, _ in self.errors)
        )


@dataclass
class LintRun:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    fail_on: dict[str, Severity] = field(default_factory=dict)
    profiles: dict[str, ProfileChoice] = field(default_factory=dict)
    # Per file: words of prose, and how many a source is said to say (when measured).
    voice: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Per file: every attribution the sourcing model found (when measured).
    attributions: dict[str, tuple[Attribution, ...]] = field(default_factory=dict)
    # Stopped by Ctrl-C: the findings are those of the files finished before it.
    interrupted: bool = False
    # Files whose outcome came from the cache, and files linted afresh with a cache on.
    cache_hits: int = 0
    cache_misses: int = 0

    @property
    def linted(self) -> int:
        """How many files were linted to the end; an empty file counts, as there is
        nothing in it to lint."""
        empty = {path for path, source in self.sources.items() if not source.text.strip()}
        return len(empty | set(self.fail_on))

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
            voice=self.voice | again.voice,
            attributions=self.attributions | again.attributions,
            interrupted=self.interrupted or again.interrupted,
            cache_hits=self.cache_hits + again.cache_hits,
            cache_misses=self.cache_misses + again.cache_misses,
        )


def join(parts: Iterable[Part], before: list[str], config_before: list[str]) -> LintRun:
    """Join ``parts``; ``before`` are errors met before any file (plugins, paths) and
    ``config_before`` config errors met while finding the files."""
    parts = list(parts)
    stops = [part.stopped for part in parts if part.stopped is not None]
    cut = min(stops, default=None)
    merged = Part()
    for part in parts:
        for name in DICTS:
            getattr(merged, name).update(getattr(part, name))
        merged.errors += part.errors
        merged.failed_models |= part.failed_models
    order = sorted(i for i in merged.sources if cut is None or i < cut)
    path = {i: merged.sources[i].path for i in order}
    return LintRun(
        sources={path[i]: merged.sources[i] for i in order},
        notices=[notice for i in order for notice in merged.notices.get(i, [])],
        profiles={path[i]: merged.profiles[i] for i in order if i in merged.profiles},
        fail_on={path[i]: merged.fail_on[i] for i in order if i in merged.fail_on},
        voice={path[i]: merged.voice[i] for i in order if i in merged.voice},
        attributions={path[i]: merged.attributions[i] for i in order if i in merged.attributions},
        findings=sorted(
            (f for i in order for f in merged.findings.get(i, [])), key=lambda f: f.sort_key
        ),
        errors=_errors(merged, cut, before, config_before),
        rules=merged.rules,
        interrupted=cut is not None,
    )


def _errors(
    merged: Part, cut: int | None, before: list[str], config_before: list[str]
) -> list[str]:
    """Errors phase by phase in target order, each once; a model's load error once."""
    kept = sorted(
        (error for error in merged.errors if cut is None or error[1] < cut),
        key=lambda error: error[:2],
    )
    ordered = [*before]
    failed: set[str | None] = set()
    for phase, _, message in kept:
        if phase >= CONFIG and config_before:
            ordered += config_before
            config_before = []
        if message in merged.failed_models:
            model = merged.failed_models[message]
            if model in failed:
                continue
            failed.add(model)
        ordered.append(message)
    ordered += config_before
    return list(dict.fromkeys(ordered))
