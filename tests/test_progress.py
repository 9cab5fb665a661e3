"""The progress bar: on a terminal, a run over more than a few files draws files done,
words per second and time left on stderr; never in pipes, in CI, with ``--quiet`` or a
machine format, and never on stdout. The linter tells its hook of every file."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.cli.progress import FEW_FILES, Bar, in_ci, wanted
from newslint.config.ruleset import Overrides
from newslint.linter.cache import Cache
from newslint.linter.run import Resolver, lint
from newslint.rules.registry import load_registry
from tests.conftest import run_process

STORY = "The council voted {n} times on the plan, and the the mayor said it would pass.\n"
BAR = "linting"
# What would keep rich from drawing, or say this is CI, in the environment the tests run in.
UNSET = ("CI", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """Eight short stories, linted with one rule that needs no language model."""
    (tmp_path / "newslint.toml").write_text('select = ["NL902"]\n', encoding="utf-8")
    for n in range(1, 9):
        (tmp_path / f"story{n}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    return tmp_path


def on_terminal(cwd: Path, *args: str, env: dict[str, str] | None = None) -> tuple[str, str]:
    """Run ``python -m newslint`` with stderr on a pseudo-terminal and stdout piped:
    (what the terminal received, stdout)."""
    primary, secondary = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k not in UNSET}
    environ.update({"TERM": "xterm", "COLUMNS": "120", **(env or {})})
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "--no-cache", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=secondary,
        cwd=cwd,
        env=environ,
    )
    os.close(secondary)
    received = bytearray()
    try:
        while select.select([primary], [], [], 120)[0]:
            try:
                data = os.read(primary, 65536)
            except OSError:  # EIO: the command has exited and closed the terminal
                break
            if not data:
                break
            received += data
        stdout = proc.stdout.read() if proc.stdout else b""
        proc.wait(timeout=120)
    finally:
        os.close(primary)
        proc.kill()
    return received.decode("utf-8", "replace"), stdout.decode("utf-8")


@pytest.mark.slow
def test_the_bar_appears_on_a_terminal_and_never_on_stdout(newsroom):
    terminal, stdout = on_terminal(newsroom, ".")
    drawn = ESCAPE.sub("", terminal)
    assert BAR in drawn and "0/8 files" in drawn
    assert "8/8 files" in drawn and "words/s" in drawn
    assert "\x1b" not in stdout and BAR not in stdout
    assert stdout.count("NL902") == 8  # the report is whole
    piped = run_process("--no-cache", ".", cwd=newsroom)
    assert piped.stdout == stdout
    assert BAR not in piped.stderr and "\x1b" not in piped.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--quiet",), {}),
        (("--format", "json"), {}),
        (("--format", "sarif"), {}),
        ((), {"CI": "1"}),
    ],
)
def test_quiet_machine_formats_and_ci_draw_no_bar(newsroom, args, env):
    terminal, stdout = on_terminal(newsroom, *args, ".", env=env)
    assert BAR not in terminal
    assert "NL902" in stdout


@pytest.mark.slow
def test_a_run_of_a_few_files_draws_no_bar(newsroom):
    terminal, _ = on_terminal(newsroom, *(f"story{n}.txt" for n in range(1, FEW_FILES + 1)))
    assert BAR not in terminal


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_wanted_only_for_text_on_a_terminal_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert wanted("text", False, _Tty())
    assert not wanted("text", False, io.StringIO())
    assert not wanted("text", True, _Tty())
    for machine in ("json", "sarif", "github", "gitlab", "html"):
        assert not wanted(machine, False, _Tty())
    for value, ci in (("true", True), ("1", True), ("false", False), ("", False)):
        monkeypatch.setenv("CI", value)
        assert in_ci() is ci
    monkeypatch.setenv("CI", "true")
    assert not wanted("text", False, _Tty())


def test_the_bar_counts_files_and_words_and_clears_itself(monkeypatch):
    for name in UNSET:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    stream = _Tty()
    bar = Bar(stream)
    bar.start(FEW_FILES)
    assert bar.progress is None  # a few files: no bar
    bar.start(8)
    assert bar.progress is not None
    bar.advance(3, 300)
    bar.advance(5, 200)
    task = bar.progress.tasks[0]
    assert (task.completed, task.total, bar.words) == (8, 8, 500)
    assert "words/s" in task.fields["rate"]
    bar.stop()
    assert bar.progress is None and BAR in stream.getvalue()


class Recorder:
    """A progress hook that records what the linter tells it."""

    def __init__(self) -> None:
        self.total = 0
        self.files = 0
        self.words = 0

    def start(self, files: int) -> None:
        self.total = files

    def advance(self, files: int, words: int) -> None:
        self.files += files
        self.words += words


def _lint(newsroom: Path, jobs: int, cache: Cache | None) -> Recorder:
    registry = load_registry()
    recorder = Recorder()
    resolver = Resolver(registry, Overrides(), None)
    run = lint([str(newsroom)], registry, resolver, None, jobs, cache, progress=recorder)
    assert not run.errors
    return recorder


def _words(newsroom: Path) -> int:
    return sum(len(p.read_text().split()) for p in newsroom.glob("*.txt"))


def test_the_linter_tells_its_hook_of_every_file_and_its_words(newsroom, tmp_path):
    fresh = _lint(newsroom, 1, Cache(tmp_path / "cache", Overrides()))
    assert (fresh.total, fresh.files, fresh.words) == (8, 8, _words(newsroom))
    cached = _lint(newsroom, 1, Cache(tmp_path / "cache", Overrides()))  # every file a hit
    assert (cached.total, cached.files, cached.words) == (8, 8, _words(newsroom))


@pytest.mark.slow
def test_worker_processes_report_progress_too(newsroom):
    for n in range(9, 21):  # more than one chunk, so that -j 2 uses workers
        (newsroom / f"story{n}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    recorder = _lint(newsroom, 2, None)
    assert (recorder.total, recorder.files, recorder.words) == (20, 20, _words(newsroom))
