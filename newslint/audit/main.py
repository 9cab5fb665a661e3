"""``newslint audit ARCHIVE... --output report.parquet``: lint an archive on Dask."""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.audit.archive import Article, read_archives
from newslint.audit.worker import Batch, Outcome, audit_batch
from newslint.config.ruleset import Overrides, split_codes
from newslint.config.settings import Settings
from newslint.linter.run import PLEASE_REPORT, Resolver
from newslint.rules.base import describe
from newslint.rules.registry import load_registry

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

    from newslint.audit.report import ReportWriter

EXIT_OK, EXIT_ERROR, EXIT_INTERRUPTED = 0, 2, 130
BATCH_SIZE = 50  # articles a task: large enough to batch the parse, small enough to spread
CONNECT_TIMEOUT = "10s"
EXTRA = ("distributed", "pyarrow", "matplotlib")  # the `audit` extra


class AuditError(Exception):
    """A problem that stops the audit before it starts, in one line."""


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint audit",
        description="Lint every article of an archive on Dask and write a Parquet report: "
        "a row per finding, a row per article and a summary of rates by section and month.",
    )
    add = parser.add_argument
    add("archives", nargs="+", metavar="ARCHIVE", help="files, folders, *.jsonl or *.parquet")
    add("--output", required=True, type=Path, help="the findings' Parquet file")
    add("--plot", type=Path, help="draw findings per 1,000 words by month and section (PNG)")
    add("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    add(
        "--workers",
        type=positive,
        default=os.cpu_count() or 1,
        help="local worker processes (default: the number of cores)",
    )
    add("--select", type=split_codes, help="comma-separated rule codes or prefixes to enable")
    add("--ignore", type=split_codes, help="comma-separated rule codes or prefixes to disable")
    add("--extend-select", type=split_codes, help="codes to enable on top of the selection")
    add("--profile", metavar="NAME", help="genre profile for every article")
    add("--config", help="use this config file instead of discovering one")
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    missing = [name for name in EXTRA if importlib.util.find_spec(name) is None]
    if missing:
        print(
            f"error: newslint audit needs {', '.join(missing)}; "
            "install them with: pip install 'newslint[audit]'",
            file=sys.stderr,
        )
        return EXIT_ERROR
    from newslint.audit.report import ReportWriter

    started = time.monotonic()
    overrides = Overrides(args.select, args.ignore, args.extend_select, None, args.profile)
    resolver = Resolver(load_registry(), overrides, args.config)
    errors: dict[str, None] = {}  # ordered, each message once
    notices: dict[str, None] = {}
    read_errors: list[str] = []
    articles = read_archives(list(args.archives), _checker(resolver), read_errors)
    batches = _batches(articles, overrides, args.config)
    try:
        writer = ReportWriter(args.output)
    except OSError as exc:
        print(f"error: {args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    workers, interrupted = 0, False
    try:
        first = next(batches, None)
        if first is not None:
            with _client(args.scheduler, args.workers) as client:
                workers = _worker_count(client, args.workers)
                _run(client, _chain(first, batches), writer, errors, notices, workers)
    except KeyboardInterrupt:
        interrupted = True
    except AuditError as exc:
        errors[str(exc)] = None
    finally:
        writer.close()
    errors.update(dict.fromkeys(resolver.errors + read_errors))
    return _finish(args, writer, errors, notices, workers, time.monotonic() - started, interrupted)


def _checker(resolver: Resolver) -> Callable[[Path], Settings | None]:
    """Settings for a folder, or None, reported, when its config or profile is broken."""

    def settings_for(directory: Path) -> Settings | None:
        settings = resolver.settings(directory)
        if settings is None or resolver.base(settings) is None:
            return None
        profile = resolver.overrides.profile
        if profile and resolver.rule_set(settings, profile) is None:
            return None
        return settings

    return settings_for


def _batches(
    articles: Iterable[tuple[Settings, Article]], overrides: Overrides, config: str | None
) -> Iterator[Batch]:
    """Consecutive articles under one config, ``BATCH_SIZE`` at a time."""
    group: list[Article] = []
    current: Settings | None = None
    for settings, article in articles:
        if group and (settings is not current or len(group) == BATCH_SIZE):
            assert current is not None
            yield Batch(tuple(group), current, overrides, config)
            group = []
        current = settings
        group.append(article)
    if group and current is not None:
        yield Batch(tuple(group), current, overrides, config)


def _chain(first: Batch, rest: Iterator[Batch]) -> Iterator[Batch]:
    yield first
    yield from rest


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a local cluster of worker
    processes (one thread each) that is shut down afterwards."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise AuditError(f"--scheduler {scheduler}: cannot connect: {exc}") from None
        with _quiet_close(client):
            yield client
        return
    with _sigint_ignored():
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: never a clash with another cluster
            silence_logs=logging.CRITICAL,  # a worker's failure reaches us as its task's error
        )
    with _quiet_close(cluster), _quiet_close(Client(cluster)) as client:
        yield client


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore Ctrl-C while the local worker processes start: they inherit the ignored
    signal and keep it, so a Ctrl-C later stops only this process, which shuts them
    down. (A handler would not do: a new process starts with the default one.)"""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextmanager
def _quiet_close(resource: Client | LocalCluster) -> Iterator[Client | LocalCluster]:
    """Close ``resource`` on the way out; Dask's shutdown chatter stays off stderr."""
    try:
        yield resource
    finally:
        logging.getLogger("distributed").setLevel(logging.CRITICAL)
        resource.close()


def _worker_count(client: Client, local: int) -> int:
    return len(client.scheduler_info().get("workers", {})) or local


def _run(
    client: Client,
    batches: Iterator[Batch],
    writer: ReportWriter,
    errors: dict[str, None],
    notices: dict[str, None],
    workers: int,
) -> None:
    """Send batches to the workers, a few per worker at a time, and write each batch's
    results in order as they come back."""
    window = 2 * workers + 1
    pending: deque[tuple[Batch, Future]] = deque()

    def collect() -> None:
        batch, future = pending.popleft()
        outcome = _outcome(batch, future)
        writer.add(outcome.findings, outcome.articles)
        errors.update(dict.fromkeys(outcome.errors))
        notices.update(dict.fromkeys(outcome.notices))

    try:
        for batch in batches:
            pending.append((batch, client.submit(audit_batch, batch, pure=False)))
            if len(pending) >= window:
                collect()
        while pending:
            collect()
    finally:
        client.cancel([future for _, future in pending])


def _outcome(batch: Batch, future: Future) -> Outcome:
    """The batch's outcome; a worker that failed or died costs only its batch."""
    try:
        return future.result()
    except Exception as exc:
        paths = f"{batch.articles[0].path} … {batch.articles[-1].path}"
        return Outcome(
            errors=[f"{paths}: internal error: {describe(exc)}; not audited; {PLEASE_REPORT}"]
        )


def _finish(
    args: argparse.Namespace,
    writer: ReportWriter,
    errors: dict[str, None],
    notices: dict[str, None],
    workers: int,
    seconds: float,
    interrupted: bool,
) -> int:
    """Draw the plot, print the summary and the messages; the exit code."""
    from newslint.audit.report import text_summary

    summary = writer.summary
    if args.plot and not interrupted:
        from newslint.audit.plot import draw

        draw(summary, args.plot)
    sys.stdout.write(text_summary(summary, workers, seconds))
    written = [*writer.paths, *([args.plot] if args.plot and not interrupted else [])]
    print("Wrote " + ", ".join(str(p) for p in written))
    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    for message in notices:
        print(f"note: {message}", file=sys.stderr)
    if interrupted:
        audited = summary.total.articles
        print(f"error: interrupted; reported the {audited:,} articles audited", file=sys.stderr)
        return EXIT_INTERRUPTED
    if not summary.total.articles and not errors:
        print("warning: no articles to audit under the given paths", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_OK
