"""What a Dask worker runs: lint a batch of articles and measure their sourcing.

Each worker process builds its registry, resolver and spaCy model once (a memo per
process) and keeps them for every batch it is given."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.analysis.sourcing import WORD
from newslint.audit.archive import Article
from newslint.config.ruleset import Overrides
from newslint.config.settings import Settings
from newslint.linter.run import LintRun, lint_targets, process_resolver
from newslint.linter.targets import Target
from newslint.rules.base import Finding


@dataclass(frozen=True)
class Batch:
    """Articles that share a config, with the command line's choices."""

    articles: tuple[Article, ...]
    settings: Settings
    overrides: Overrides
    config: str | None


@dataclass
class Outcome:
    """A batch's rows for the report, and its errors and notices."""

    findings: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def audit_batch(batch: Batch) -> Outcome:
    """Lint every article of ``batch`` and measure how much of each is attributed."""
    resolver = process_resolver(batch.overrides, batch.config)
    targets = [
        Target(path=Path(a.path), display=a.path, settings=batch.settings, text=a.text)
        for a in batch.articles
    ]
    run = lint_targets(targets, resolver.registry, resolver, measure=True)
    outcome = Outcome(errors=run.errors, notices=run.notices)
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in run.findings:
        by_path[finding.path].append(finding)
    for article in batch.articles:
        found = by_path.get(article.path, [])
        profile = _profile(run, article.path)
        outcome.findings += [_finding_row(article, f, profile) for f in found]
        prose, attributed = run.voice.get(article.path, (None, None))
        outcome.articles.append(
            _article_row(article, len(found), profile)
            | {"prose_words": prose, "attributed_words": attributed}
        )
    return outcome


def _profile(run: LintRun, path: str) -> str | None:
    choice = run.profiles.get(path)
    return choice.name if choice else None


def _metadata(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "section": article.section,
        "author": article.author,
        "date": article.date,
        "path": article.path,
        "metadata": article.extra,
    }


def _finding_row(article: Article, finding: Finding, profile: str | None) -> dict[str, Any]:
    return _metadata(article) | {
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "message": finding.message,
        "profile": profile,
    }


def _article_row(article: Article, findings: int, profile: str | None) -> dict[str, Any]:
    return _metadata(article) | {
        "month": article.month,
        "words": len(WORD.findall(article.text)),
        "findings": findings,
        "profile": profile,
    }
