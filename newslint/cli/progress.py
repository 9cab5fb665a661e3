"""A progress bar on stderr for long runs at a terminal: files done of the total, words
per second and time left, drawn with rich.

Only for the text format at a terminal: never when stderr is not a terminal, in CI (the
``CI`` variable set), with ``--quiet``, or for a run of a few files. The bar is drawn on
stderr alone and cleared before the report is written, so stdout carries the report only.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

# A run of more files than this shows the bar.
FEW_FILES = 5


def wanted(output_format: str, quiet: bool, stream: TextIO | None = None) -> bool:
    """Whether a run with these options, reporting to ``stream`` (stderr), shows a bar."""
    stream = stream or sys.stderr
    return output_format == "text" and not quiet and not in_ci() and stream.isatty()


def in_ci() -> bool:
    """Whether the ``CI`` variable says this is a CI job (as GitHub and GitLab set it)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


class Bar:
    """The ``Progress`` hook of ``lint_targets``: a rich bar, begun when a run of more
    than a few files starts."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.progress: Progress | None = None
        self.task: TaskID | None = None
        self.words = 0
        self.began = 0.0

    def start(self, files: int) -> None:
        if files <= FEW_FILES or self.progress is not None:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("linting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files  {task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(file=self.stream),
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.task = self.progress.add_task("linting", total=files, rate="")
        self.began = time.monotonic()
        self.progress.start()

    def advance(self, files: int, words: int) -> None:
        if self.progress is None or self.task is None:
            return
        self.words += words
        elapsed = time.monotonic() - self.began
        rate = f"{self.words / elapsed:,.0f} words/s" if elapsed > 0 else ""
        self.progress.update(self.task, advance=files, rate=rate)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


@contextlib.contextmanager
def progress_bar(output_format: str, quiet: bool) -> Iterator[Bar | None]:
    """A bar for the run inside the ``with`` block when one is :func:`wanted`, else None;
    cleared on leaving it, Ctrl-C or not."""
    if not wanted(output_format, quiet):
        yield None
        return
    bar = Bar(sys.stderr)
    try:
        yield bar
    finally:
        bar.stop()
