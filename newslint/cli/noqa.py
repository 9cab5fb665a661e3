"""``--add-noqa``: a suppression comment above each finding of a Markdown file, written
in place as ``--fix`` writes (``cli.fix.write``), placed as ``documents.suppress``
places it; plain-text files have no comment syntax and are left alone."""

from __future__ import annotations

from collections.abc import Callable

from newslint.cli.fix import Change, written
from newslint.documents.loader import MARKDOWN_SUFFIXES
from newslint.documents.source import Source
from newslint.linter.run import LintRun
from newslint.rules.base import Finding


def add_noqa(run: LintRun, relint: Callable[[list[str]], LintRun]) -> LintRun:
    """Suppress every finding of the run's Markdown files in place, then lint the
    changed files again so that what remains is reported. On Ctrl-C the files written
    so far are listed and the run is marked interrupted."""
    from newslint.documents.suppress import add_suppressions  # loads the Markdown parser

    if run.interrupted:
        run.errors.append("interrupted before adding suppression comments; no file changed")
        return run
    wanted: dict[str, dict[int, list[str]]] = {}
    for finding in run.findings:
        lines = wanted.setdefault(finding.path, {})
        for line in _lines(finding, run.sources[finding.path]):
            lines.setdefault(line, []).append(finding.code)
    written_paths: list[str] = []
    try:
        for path, lines in wanted.items():
            if not path.lower().endswith(MARKDOWN_SUFFIXES):
                run.notices.append(f"{path}: not Markdown, so no suppression comments added")
                continue
            source = run.sources[path]
            result = add_suppressions(source, lines)
            run.notices += [
                f"{path}:{line}: no safe place for a suppression comment; left as it is"
                for line in result.refused
            ]
            if result.added and written(Change(source, result.text, result.added), run.errors):
                written_paths.append(path)
                s = "" if result.added == 1 else "s"
                run.notices.append(f"{path}: added {result.added} suppression comment{s}")
        if written_paths:
            run = run.merge(relint(written_paths))
    except KeyboardInterrupt:
        run.findings = [f for f in run.findings if f.path not in written_paths]
        run.interrupted = True
    return run


def _lines(finding: Finding, source: Source) -> set[int]:
    """The lines a comment must cover: the finding's own, and those its fix edits (a
    finding such as NL504's stands for every mark it would change)."""
    lines = {finding.line}
    if finding.fix is not None:
        lines |= {source.position(edit.start)[0] for edit in finding.fix.edits}
    return lines
