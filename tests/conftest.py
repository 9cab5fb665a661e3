"""Shared test helpers: run the real CLI in-process (real spaCy model, no mocks)."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from newslint.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The keys of a finding in `--format json`, in order: a contract.
JSON_FINDING_KEYS = [
    *("path", "line", "column", "end_line", "end_column"),
    *("code", "rule", "severity", "message", "profile"),
]


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def findings(self) -> list[dict]:
        return json.loads(self.stdout)

    def at(self, code: str) -> list[tuple[int, int]]:
        """(line, column) of each finding with ``code``."""
        return [(f["line"], f["column"]) for f in self.findings if f["code"] == code]


def found(lint, text: str, code: str) -> list[tuple[int, int, str]]:
    """(line, column, flagged text) of each finding of ``code``."""
    lines = text.splitlines()
    return [
        (f["line"], f["column"], lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1])
        for f in lint(text, "--select", code).findings
        if f["code"] == code
    ]


def run_cli(*args: str, stdin: bytes | None = None) -> Result:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse usage errors
                code = int(exc.code or 0)
    finally:
        sys.stdin = saved
    return Result(code, out.getvalue(), err.getvalue())


def run_process(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None, timeout: float = 300
) -> Result:
    """Run the real CLI in a subprocess, as a user or a CI job would."""
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=cwd,
        timeout=timeout,
    )
    return Result(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def assert_named_error(result: Result, *names: str) -> None:
    """Exit 2, no traceback, and an error message naming each of ``names``."""
    assert result.code == 2, (result.code, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    for name in names:
        assert name in result.stderr, (name, result.stderr)


@pytest.fixture
def lint(tmp_path: Path):
    """Write ``text`` to a file and lint it with JSON output."""

    def _lint(text: str, *args: str, name: str = "article.txt") -> Result:
        path = tmp_path / name
        path.write_bytes(text.encode("utf-8"))
        return run_cli("--format", "json", *args, str(path))

    return _lint


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS
