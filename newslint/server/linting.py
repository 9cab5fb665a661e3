"""Linting one open document, as the command line would lint it as a file at its path."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from newslint.analysis.nlp import remember_parses
from newslint.config.ruleset import Overrides
from newslint.documents.loader import MARKDOWN_SUFFIXES
from newslint.documents.source import InputError, Source, read_limited
from newslint.linter.run import Resolver, internal_error, lint_targets
from newslint.linter.targets import Target
from newslint.rules.base import Finding, Rule
from newslint.rules.registry import load_registry


@dataclass
class Outcome:
    """What one lint of a document's text found; ``source`` maps its offsets."""

    source: Source
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    rules: dict[str, type[Rule]] = field(default_factory=dict)

    @property
    def markdown(self) -> bool:
        return self.source.path.lower().endswith(MARKDOWN_SUFFIXES)


# Paragraphs whose parse the server keeps: an edit re-parses only the paragraphs it
# changed, across a few open articles of a few hundred paragraphs each.
REMEMBERED_PARAGRAPHS = 2_000


class Linter:
    """Lints documents in this process. Plugins load once; the model stays loaded
    between lints, and unchanged paragraphs are not parsed again. Configs are read
    afresh for each lint, so an edit to one applies at the next keystroke."""

    def __init__(self) -> None:
        self.registry = load_registry()
        remember_parses(REMEMBERED_PARAGRAPHS)

    def lint(self, path: Path, text: str) -> Outcome:
        """Lint ``text`` as if it were the file at ``path``, under that path's config,
        per-file ignores and profile; whatever goes wrong is an error in the outcome."""
        display = str(path)
        outcome = Outcome(Source(display, text))
        try:
            self._lint(path, text, outcome)
        except Exception as exc:  # a bug in newslint must not cost the editor its server
            outcome.errors.append(internal_error(display, exc))
        return outcome

    def _lint(self, path: Path, text: str, outcome: Outcome) -> None:
        resolver = Resolver(self.registry, Overrides(), None)
        settings = resolver.settings(path.parent)
        if settings is None:  # a broken config
            outcome.errors += [*self.registry.errors, *resolver.errors]
            return
        try:  # as the command line refuses an oversized file
            read_limited(
                io.BytesIO(text.encode("utf-8", "surrogatepass")),
                outcome.source.path,
                settings.max_file_size,
            )
        except InputError as exc:
            outcome.errors.append(str(exc))
            return
        target = Target(path, outcome.source.path, settings, text=text)
        run = lint_targets([target], self.registry, resolver)
        outcome.source = run.sources.get(outcome.source.path, outcome.source)
        outcome.findings = run.findings
        outcome.errors = run.errors
        outcome.notices = run.notices
        outcome.rules = run.rules or self.registry.rules
