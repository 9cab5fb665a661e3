"""Linting chunks of files in worker processes (``-j N``), each loading the plugins and
the model once.

Parts come back in any order and join by target index, so the run reports exactly what
one process would. A worker that dies (killed, or a plugin that exits) breaks the pool:
the chunks the workers had in hand run again one at a time, then file by file, until
the file that kills its worker is found and reported as not linted; the rest are linted
as usual. A Ctrl-C in a worker stops the run with what was finished before the file it
was on, as in one process; a Ctrl-C in this process ends the workers.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from newslint.config.ruleset import Overrides
from newslint.linter.part import LINT, Part
from newslint.linter.run import (
    PLEASE_REPORT,
    Progress,
    Resolver,
    advance,
    lint_part,
    process_resolver,
)
from newslint.linter.targets import Target
from newslint.rules.base import describe

Chunk = list[tuple[int, Target]]
# The worker's channel that says which chunk it takes up, to tell which ones a crash hit.
_state: dict[str, Any] = {}


def lint_chunks(
    chunks: Sequence[Chunk], resolver: Resolver, workers: int, progress: Progress | None = None
) -> list[Part]:
    """Each chunk's part, linted across ``workers`` processes; ``progress`` hears of each
    chunk as it comes back."""
    config = str(resolver.explicit) if resolver.explicit else None
    pool = _Pool(resolver.overrides, config, progress)
    pool.settle(list(chunks), workers)
    return [pool.parts[first] for first in sorted(pool.parts)]


class _Pool:
    """Rounds of a process pool over chunks, collecting their parts by the index of each
    chunk's first target."""

    def __init__(self, overrides: Overrides, config: str | None, progress: Progress | None):
        self.setup = (overrides, config)
        self.progress = progress
        self.parts: dict[int, Part] = {}
        self.context = _context()

    def settle(self, chunks: list[Chunk], workers: int) -> None:
        """Lint ``chunks``. After a crash, the chunks a worker had taken up run again
        one worker at a time, then file by file, until the file that kills its worker
        is found and reported; the other chunks lost run again as before."""
        if self.stopped():
            return
        lost, started = self.run(chunks, workers)
        suspects = [chunk for chunk in lost if chunk[0][0] in started] or lost
        for chunk in suspects:
            if workers > 1:
                self.settle([chunk], 1)
            elif len(chunk) > 1:
                self.settle([[target] for target in chunk], 1)
            else:
                self.parts[chunk[0][0]] = _crashed(chunk)
                advance(self.progress, 1, self.parts[chunk[0][0]])
        others = [chunk for chunk in lost if chunk not in suspects]
        if others:
            self.settle(others, workers)

    def stopped(self) -> bool:
        return any(part.stopped is not None for part in self.parts.values())

    def run(self, chunks: list[Chunk], workers: int) -> tuple[list[Chunk], set[int]]:
        """One round: the chunks lost to a broken pool, and the first indices of the
        chunks a worker had taken up."""
        queue = self.context.SimpleQueue()
        executor = ProcessPoolExecutor(
            min(workers, len(chunks)),
            self.context,
            initializer=_start,
            initargs=(queue, *self.setup),
        )
        futures = {executor.submit(_lint, chunk): chunk for chunk in chunks}
        lost: list[Chunk] = []
        try:
            for future in as_completed(futures):
                self._collect(futures[future], future, futures, lost)
        except KeyboardInterrupt:
            self._interrupt(chunks)
            _stop(executor)
        executor.shutdown(wait=True, cancel_futures=True)
        started = set()
        while not queue.empty():
            started.add(queue.get())
        return sorted(lost), started

    def _collect(
        self, chunk: Chunk, future: Future[Part], futures: dict[Future[Part], Chunk], lost: list
    ) -> None:
        if future.cancelled():
            return
        try:
            part = future.result()
        except BrokenProcessPool:
            lost.append(chunk)
            return
        except Exception as exc:  # a part that could not come back: a bug
            part = _crashed(chunk, describe(exc))
        self.parts[chunk[0][0]] = part
        advance(self.progress, len(chunk), part)
        if part.stopped is not None:  # Ctrl-C: later chunks no longer count
            for other, later in futures.items():
                if later[0][0] > chunk[0][0]:
                    other.cancel()

    def _interrupt(self, chunks: list[Chunk]) -> None:
        """Ctrl-C here: stop at the first chunk not finished."""
        unfinished = [chunk for chunk in chunks if chunk[0][0] not in self.parts]
        if unfinished:
            first = unfinished[0][0][0]
            self.parts[first] = Part(stopped=first)


def _crashed(chunk: Chunk, why: str = "the worker process linting it stopped") -> Part:
    part = Part()
    for index, target in chunk:
        part.error(
            LINT, index, f"{target.display}: internal error: {why}; not linted; {PLEASE_REPORT}"
        )
    return part


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one (workers start from a process that has newslint
    imported), else spawn: never fork, which copies threads and locks mid-use."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


def _stop(executor: ProcessPoolExecutor) -> None:
    """End the workers now rather than after their current chunk."""
    for process in list(getattr(executor, "_processes", {}).values()):
        with contextlib.suppress(Exception):
            process.terminate()


def _start(queue: Any, overrides: Overrides, config: str | None) -> None:
    """A worker's set-up. Ctrl-C at a terminal reaches every process: an idle worker
    ignores it, and a busy one stops its chunk (see ``_lint``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _state.update(queue=queue, setup=(overrides, config))


def _lint(chunk: Chunk) -> Part:
    """Lint one chunk in a worker, with the worker's own registry and resolver."""
    _state["queue"].put(chunk[0][0])
    resolver = process_resolver(*_state["setup"])
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return lint_part(chunk, resolver)
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
