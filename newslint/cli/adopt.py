"""Adopting newslint on an existing archive: ``--write-baseline``, ``--baseline`` and
``--baseline-report`` on the command line (the baseline itself is ``linter.baseline``)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newslint.cli.args import build_parser
from newslint.linter.baseline import (
    BaselineError,
    Entry,
    entries,
    match,
    read_baseline,
    write_baseline,
)
from newslint.linter.run import LintRun
from newslint.linter.targets import STDIN

Lint = Callable[..., LintRun]  # paths, then keyword options such as progress


def start(args: argparse.Namespace) -> Adoption | None:
    """The run's adoption options checked (a usage error exits) and its baseline read;
    None, with an error naming the baseline, if it cannot be used."""
    problem = _conflict(args)
    if problem is not None:
        build_parser().error(problem)
    adoption = Adoption(args.baseline, args.baseline_report)
    return adoption if adoption.ready() else None


def _conflict(args: argparse.Namespace) -> str | None:
    """What is wrong with the combination of adoption options given, if anything."""
    if args.baseline_report and not args.baseline:
        return "--baseline-report needs --baseline FILE"
    if args.write_baseline and (args.baseline or args.diff or args.add_noqa):
        return "--write-baseline cannot be combined with --baseline, --diff or --add-noqa"
    if args.add_noqa and (args.fix or args.diff):
        return "--add-noqa cannot be combined with --fix or --diff"
    if args.add_noqa and STDIN in args.paths:
        return "--add-noqa writes to files, so it cannot read stdin ('-')"
    return None


class Adoption:
    """The run's baseline: read before anything is linted, it filters every lint of the
    run (the first one and any after fixes), keeping per file the entries no finding
    matched, and reports them at the end."""

    def __init__(self, baseline: str | None, report: bool) -> None:
        self.path = Path(baseline) if baseline else None
        self.report = report
        self.entries: list[Entry] = []
        self.unmatched: dict[str, list[Entry]] = {}

    def ready(self) -> bool:
        """Read the baseline, if there is one; False, with an error naming it, if it
        cannot be used, when nothing should be linted."""
        if self.path is None:
            return True
        try:
            self.entries = read_baseline(self.path)
        except BaselineError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return False
        return True

    def filtering(self, lint: Lint) -> Lint:
        """``lint``, reporting only the findings that are not in the baseline."""
        if self.path is None:
            return lint

        def filtered(paths: Sequence[str], **options: Any) -> LintRun:
            run = lint(paths, **options)
            linted = [p for p, s in run.sources.items() if p in run.fail_on or not s.text.strip()]
            matched = match(self.entries, run.findings, run.sources, linted)
            self.unmatched.update(matched.unmatched)
            run.findings = matched.new
            return run

        return filtered

    def report_stale(self, run: LintRun) -> None:
        """With ``--baseline-report``, a notice for each entry no finding matched: in a
        file linted to the end, or for a file that no longer exists."""
        if not self.report or self.path is None:
            return
        stale = [entry for found in self.unmatched.values() for entry in found]
        unjudged = {entry.path for entry in self.entries} - set(self.unmatched)
        gone = {path for path in unjudged if path != STDIN and not os.path.lexists(path)}
        stale += [entry for entry in self.entries if entry.path in gone]
        run.notices += [_stale_notice(entry) for entry in stale]
        if stale:
            s = "y" if len(stale) == 1 else "ies"
            run.notices.append(
                f"{self.path}: {len(stale)} stale entr{s}; --write-baseline drops them"
            )


def record(target: str, run: LintRun) -> None:
    """Record the run's findings in the baseline ``target``, with a notice; an error
    naming it if it cannot be written or the run was stopped before every file was
    linted, when it is left as it was."""
    if run.interrupted:
        run.errors.append(f"{target}: interrupted; baseline not written")
        return
    recorded = entries(run.findings, run.sources)
    try:
        write_baseline(Path(target), recorded)
    except BaselineError as exc:
        run.errors.append(str(exc))
        return
    files = len({entry.path for entry in recorded})
    s, fs = ("" if len(recorded) == 1 else "s"), ("" if files == 1 else "s")
    run.notices.append(f"{target}: recorded {len(recorded)} finding{s} in {files} file{fs}")


def _stale_notice(entry: Entry) -> str:
    where = f"{entry.path}:{entry.line}" if entry.line > 0 else entry.path
    what = f" ({entry.message})" if entry.message else ""
    return f"{where}: {entry.code} stale baseline entry, no finding matches it{what}"
