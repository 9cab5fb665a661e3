"""Safe fixes: apply the findings' mechanical edits to files, or show them as a diff.

A file is rewritten only with ``--fix``: through a temporary file in the same folder
and an atomic rename, with its BOM, line ends and mode kept. Input from stdin is never
written anywhere; its fixed text is returned for the caller to print.
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import difflib
import io
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newslint.cli.lint import LintRun
from newslint.cli.targets import STDIN
from newslint.documents.source import Source
from newslint.rules.base import Edit, Finding

NO_NEWLINE = "\n\\ No newline at end of file\n"


@dataclass(frozen=True)
class Change:
    """The fixed text of one source, and how many findings the fixes resolve."""

    source: Source
    text: str
    fixed: int


def stdin_display(paths: Sequence[str], stdin_filename: str | None) -> str | None:
    """The path reported for stdin input, as ``targets.expand`` names it; None without it."""
    return str(Path(stdin_filename or STDIN)) if STDIN in paths else None


def plan(run: LintRun) -> list[Change]:
    """What ``--fix`` would change: one Change per source whose text changes."""
    fixable: dict[str, list[Finding]] = {}
    for finding in run.findings:
        if finding.fix is not None:
            fixable.setdefault(finding.path, []).append(finding)
    changes = []
    for path, findings in fixable.items():
        source = run.sources[path]
        edits, fixed = _compatible(findings)
        text = _apply(source.text, edits)
        if text != source.text:
            changes.append(Change(source, text, fixed))
    return changes


def _compatible(findings: list[Finding]) -> tuple[list[Edit], int]:
    """The edits of each fix that overlaps none taken before it (findings come sorted)."""
    taken: list[Edit] = []
    fixed = 0
    for finding in findings:
        assert finding.fix is not None
        edits = finding.fix.edits
        if any(_clashes(taken, edit) for edit in edits):
            continue
        for edit in edits:
            bisect.insort(taken, edit)
        fixed += 1
    return taken, fixed


def _clashes(taken: list[Edit], edit: Edit) -> bool:
    """Whether ``edit`` overlaps a sorted run of non-overlapping edits."""
    i = bisect.bisect_left(taken, (edit.start,))
    before = taken[i - 1] if i else None
    after = taken[i] if i < len(taken) else None
    if before is not None and before.end > edit.start:
        return True
    return after is not None and (after.start < edit.end or after.start == edit.start)


def _apply(text: str, edits: list[Edit]) -> str:
    parts, last = [], 0
    for edit in edits:
        parts += [text[last : edit.start], edit.replacement]
        last = edit.end
    parts.append(text[last:])
    return "".join(parts)


def diff(changes: list[Change]) -> str:
    """A unified diff of every change, line ends as they are in the files."""
    out = []
    for change in changes:
        path = change.source.path
        old, new = _lines(change.source.text), _lines(change.text)
        for line in difflib.unified_diff(old, new, path, path):
            out.append(line if line.endswith(("\n", "\r")) else line + NO_NEWLINE)
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Lines with their ends, split where ``Source`` splits them (\\r\\n, \\r, \\n)."""
    starts = Source("", text).line_starts
    return [text[a:b] for a, b in zip(starts, (*starts[1:], len(text)), strict=True) if a < b]


def encoded(source: Source, text: str) -> bytes:
    return (codecs.BOM_UTF8 if source.bom else b"") + text.encode("utf-8")


def write(change: Change) -> None:
    """Replace the file with its fixed text; refuse if it changed since it was read."""
    path = Path(os.path.realpath(change.source.path))  # write through a symlink, keep it
    if path.read_bytes() != encoded(change.source, change.source.text):
        raise OSError("file changed since it was read")
    mode = stat.S_IMODE(path.stat().st_mode)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(encoded(change.source, change.text))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def fix(
    run: LintRun, relint: Callable[[list[str]], LintRun], stdin: str | None
) -> tuple[LintRun, str | None]:
    """Apply every safe fix, then lint the changed files again so that only what
    remains is reported; unchanged files keep their first results.

    Returns the new run and, when ``stdin`` (its display path) was linted, its
    fixed text with any BOM, for the caller to print instead of writing it.
    """
    changes = plan(run)
    errors: list[str] = []
    notices: list[str] = []
    changed: list[str] = []
    piped = run.sources.get(stdin) if stdin is not None else None
    data = encoded(piped, piped.text) if piped is not None else None
    for change in changes:
        path = change.source.path
        if path == stdin:
            data = encoded(change.source, change.text)
        else:
            try:
                write(change)
            except OSError as exc:
                errors.append(f"{path}: cannot write fixes: {exc.strerror or exc}")
                continue
        changed.append(STDIN if path == stdin else path)
        s = "" if change.fixed == 1 else "s"
        notices.append(f"{path}: fixed {change.fixed} problem{s}")
    if changed:
        with _stdin(data):
            run = run.merge(relint(changed))
    run.errors.extend(errors)
    run.notices.extend(notices)
    return run, None if data is None else data.decode("utf-8")


@contextlib.contextmanager
def _stdin(data: bytes | None) -> Iterator[None]:
    """Serve the fixed input to the second lint, which reads stdin again."""
    if data is None:
        yield
        return
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    try:
        yield
    finally:
        sys.stdin = saved
