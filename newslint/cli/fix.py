"""Safe fixes: apply the findings' mechanical edits to files, or show them as a diff.

Every fix is checked first: its edits in range and not overlapping, and the fixed
text still a file newslint can read; a file with a bad fix is left alone. A file is
rewritten only with ``--fix``: through a temporary file in the same folder and an
atomic rename, with its BOM, line ends, mode, owner and group kept; a read-only file,
one with other hard links, or one changed since it was read is refused. Input from
stdin is never written anywhere; its fixed text is returned for the caller to print.
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

from newslint.documents.edits import apply_edits
from newslint.documents.source import Source
from newslint.linter.run import LintRun
from newslint.linter.targets import STDIN
from newslint.rules.base import Edit, Finding, Fix

NO_NEWLINE = "\n\\ No newline at end of file\n"
WRITABLE = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


@dataclass(frozen=True)
class Change:
    """The fixed text of one source, and how many findings the fixes resolve."""

    source: Source
    text: str
    fixed: int


def stdin_display(paths: Sequence[str], stdin_filename: str | None) -> str | None:
    """The path reported for stdin input, as ``targets.expand`` names it; None without it."""
    return str(Path(stdin_filename or STDIN)) if STDIN in paths else None


def plan(run: LintRun, errors: list[str] | None = None) -> list[Change]:
    """What ``--fix`` would change: one Change per source whose text changes.

    A source with a bad fix gets no Change, and an error naming the rule and file
    goes to ``errors``.
    """
    fixable: dict[str, list[Finding]] = {}
    for finding in run.findings:
        if finding.fix is not None:
            fixable.setdefault(finding.path, []).append(finding)
    changes = []
    for path, findings in fixable.items():
        source = run.sources[path]
        problems = [_bad_fix(f, source, run) for f in findings]
        problems = [p for p in problems if p is not None]
        if problems:
            if errors is not None:
                errors.extend(problems)
            continue
        edits, fixed = _compatible(findings)
        text = apply_edits(source.text, edits)
        if text != source.text:
            changes.append(Change(source, text, fixed))
    return changes


def _bad_fix(finding: Finding, source: Source, run: LintRun) -> str | None:
    """An error naming the rule and file if the finding's fix cannot be applied as it
    is, else None."""
    problem = _fix_problem(finding.fix, len(source.text))
    if problem is None:
        return None
    rule = run.rules.get(finding.code)
    who = rule.label() if rule is not None else f"rule {finding.code}"
    return f"{source.path}: {who} gave a bad fix: {problem}; no fixes applied to this file"


def _fix_problem(candidate: object, length: int) -> str | None:
    """What is wrong with a fix for a text of ``length`` code points; None if nothing."""
    if not isinstance(candidate, Fix) or not isinstance(candidate.edits, tuple):
        return "not a Fix with a tuple of edits"
    for edit in candidate.edits:
        if not (isinstance(edit, Edit) and _offsets(edit) and isinstance(edit.replacement, str)):
            return f"{edit!r:.60} is not an Edit(start, end, replacement)"
    end = 0
    for edit in sorted(candidate.edits):
        if not 0 <= edit.start <= edit.end <= length:
            return f"edit {edit.start}-{edit.end} is outside the text (0-{length}) or reversed"
        if edit.start < end:
            return f"edit {edit.start}-{edit.end} overlaps another edit of the same fix"
        if "\x00" in edit.replacement or not _encodes(edit.replacement):
            return f"edit {edit.start}-{edit.end} inserts text that cannot be written as UTF-8"
        end = edit.end
    return None


def _offsets(edit: Edit) -> bool:
    return all(isinstance(n, int) and not isinstance(n, bool) for n in (edit.start, edit.end))


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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


class Refused(Exception):
    """A file that ``--fix`` will not rewrite; the message says why."""


def write(change: Change) -> None:
    """Replace the file with its fixed text, keeping mode, owner and group.

    Raises Refused for a read-only file, one with other hard links (replacing it
    would split them) or one changed since it was read; OSError if writing fails.
    Either way the file is as it was.
    """
    path = Path(os.path.realpath(change.source.path))  # write through a symlink, keep it
    info = path.stat()
    if info.st_nlink > 1:
        raise Refused(f"file has {info.st_nlink} hard links, which replacing it would split")
    if not info.st_mode & WRITABLE or not os.access(path, os.W_OK):
        raise Refused("file is read-only")
    if path.read_bytes() != encoded(change.source, change.source.text):
        raise Refused("file changed since it was read")
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(encoded(change.source, change.text))
            out.flush()
            os.fsync(out.fileno())
        _keep_owner(temp, info)
        os.chmod(temp, stat.S_IMODE(info.st_mode))  # after chown, which may clear set-id bits
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _keep_owner(temp: str, info: os.stat_result) -> None:
    """Give the temporary file the original's owner and group, or raise Refused."""
    made = os.stat(temp)
    if (made.st_uid, made.st_gid) == (info.st_uid, info.st_gid):
        return
    try:
        os.chown(temp, info.st_uid, info.st_gid)
    except PermissionError as exc:
        raise Refused("cannot keep its owner and group") from exc


def fix(
    run: LintRun, relint: Callable[[list[str]], LintRun], stdin: str | None
) -> tuple[LintRun, str | None]:
    """Apply every safe fix, then lint the changed files again so that only what
    remains is reported; unchanged files keep their first results.

    Returns the new run and, when ``stdin`` (its display path) was linted, its
    fixed text with any BOM, for the caller to print instead of writing it. On
    Ctrl-C the files fixed so far are listed, the one being written is left as it
    was, and the run is marked interrupted.
    """
    errors: list[str] = []
    changes = plan(run, errors)
    notices: list[str] = []
    fixed: list[str] = []
    piped = run.sources.get(stdin) if stdin is not None else None
    data = encoded(piped, piped.text) if piped is not None else None
    try:
        for change in changes:
            path = change.source.path
            if path == stdin:
                data = encoded(change.source, change.text)
            elif not written(change, errors):
                continue
            fixed.append(path)
            s = "" if change.fixed == 1 else "s"
            notices.append(f"{path}: fixed {change.fixed} problem{s}")
        if fixed:
            with _stdin(data):
                run = run.merge(relint([STDIN if path == stdin else path for path in fixed]))
    except KeyboardInterrupt:
        # What was found in the fixed files before fixing no longer holds.
        run.findings = [f for f in run.findings if f.path not in fixed]
        run.interrupted = True
    run.errors.extend(errors)
    run.notices.extend(notices)
    return run, None if data is None else data.decode("utf-8")


def written(change: Change, errors: list[str]) -> bool:
    """Write one change; False, with an error naming the file, if it was not written."""
    path = change.source.path
    try:
        write(change)
    except Refused as exc:
        errors.append(f"{path}: {exc}; not fixed")
    except OSError as exc:
        errors.append(f"{path}: cannot write fixes: {exc.strerror or exc}; not fixed")
    else:
        return True
    return False


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
