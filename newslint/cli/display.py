"""What the command shows of a run besides the report: ``--min-severity`` filters the
findings of every format, and ``--show-fixes`` with ``--fix`` lists the fixes made."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from newslint.linter.run import LintRun
from newslint.rules.base import Severity


def displayed(run: LintRun, min_severity: str | None) -> LintRun:
    """The run with only its findings at or above ``min_severity`` (all without it).

    A display filter, like Vale's ``--minAlertLevel``: the rules still run (and
    ``--fix`` still fixes), but a hidden finding is in no report and, as in Vale, does
    not count towards the exit code either.
    """
    if min_severity is None:
        return run
    floor = Severity(min_severity).rank
    return replace(run, findings=[f for f in run.findings if f.severity.rank >= floor])


def _fixable(run: LintRun) -> Counter[tuple[str, str, str]]:
    return Counter((f.path, f.code, f.rule) for f in run.findings if f.fix is not None)


def fixed_summary(before: LintRun, after: LintRun) -> str:
    """The fixes ``--fix`` made, by file and rule, as ruff's ``--show-fixes`` lists them:
    the fixable findings of each rewritten file that its new lint no longer finds."""
    changed = {
        path
        for path, source in after.sources.items()
        if path in before.sources and before.sources[path].text != source.text
    }
    gone = _fixable(before) - _fixable(after)
    fixed = {key: count for key, count in sorted(gone.items()) if key[0] in changed}
    if not fixed:
        return ""
    total = sum(fixed.values())
    lines = [f"Fixed {total} finding{'' if total == 1 else 's'}:"]
    for path in dict.fromkeys(path for path, _, _ in fixed):
        lines.append(f"- {path}:")
        lines += [f"    {n} × {code} ({rule})" for (p, code, rule), n in fixed.items() if p == path]
    return "".join(f"{line}\n" for line in lines)
