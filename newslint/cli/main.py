"""The ``newslint`` command."""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import NoReturn

from newslint import __version__
from newslint.cli import adopt
from newslint.cli.args import build_parser, usable_cores
from newslint.cli.display import displayed, fixed_summary
from newslint.cli.progress import progress_bar
from newslint.config.ruleset import Overrides
from newslint.linter.cache import Cache, cache_directory, write_atomic
from newslint.linter.run import PLEASE_REPORT, LintRun, Resolver, lint
from newslint.reporters import SHOW_ATTRIBUTIONS, ReportContext, render
from newslint.rules.engine import describe
from newslint.rules.registry import load_registry

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C


def main(argv: Sequence[str] | None = None) -> int:
    """The command, guarded: whatever happens, no traceback reaches the user."""
    try:
        code = _command(list(sys.argv[1:] if argv is None else argv))
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `newslint … | head`: the reader has gone
        _drop_stdout()
        return EXIT_ERROR
    except OSError as exc:  # the system's doing, not a bug: a full disk, say
        print(f"error: {describe(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # the last line of defence; files have their own guard
        print(f"error: internal error: {describe(exc)}; {PLEASE_REPORT}", file=sys.stderr)
        return EXIT_ERROR


def entry() -> NoReturn:
    """The ``newslint`` console script and ``python -m newslint``: ``main``, then out.

    A run that loaded the model would leave the interpreter hundreds of thousands of
    objects to free one by one on the way out: a fifth of a second that every run in an
    editor or a pre-commit hook waits for, to no one's gain. Everything newslint writes is
    closed by the time ``main`` returns, so once the exit handlers have run and the
    standard streams are flushed, the process ends without that teardown."""
    code = main()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def _drop_stdout() -> None:
    """Send what is left for stdout nowhere, so that exiting raises nothing more."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _command(argv: list[str]) -> int:
    # Commands and options other than a plain lint import what they need when used:
    # start-up time is part of every run in an editor or a pre-commit hook.
    if argv[:1] == ["sources"]:
        from newslint.cli import sources

        return sources.main(argv[1:])
    if argv[:1] == ["audit"]:  # imported here, so that a plain lint never loads Dask
        from newslint.audit.main import main as audit

        return audit(argv[1:])
    if argv[:1] == ["server"]:  # imported here, so that a plain lint never loads pygls
        from newslint.server.main import main as server

        return server(argv[1:])
    if argv[:1] in (["rule"], ["rules"]):
        return explain(argv)
    args = build_parser().parse_args(argv)
    if not args.paths and args.show_settings is None:
        build_parser().error("no paths given (use '-' for stdin)")
    adoption = adopt.start(args)
    if adoption is None:
        return EXIT_ERROR
    registry = load_registry()
    overrides = Overrides(
        args.select, args.ignore, args.extend_select, args.fail_on, args.profile, args.extract
    )
    resolver = Resolver(registry, overrides, args.config)
    if args.show_settings is not None or args.show_files:
        from newslint.cli import show

        return show.main(args, registry, resolver)
    directory = cache_directory(args.cache_dir, args.config)
    cache = None if args.no_cache else Cache(directory, overrides)
    relint = partial(
        lint,
        registry=registry,
        resolver=resolver,
        stdin_name=args.stdin_filename,
        jobs=args.jobs or usable_cores(),
        cache=cache,
        measure=args.format in SHOW_ATTRIBUTIONS,
    )
    relint = adoption.filtering(relint)
    with progress_bar(args.format, args.quiet) as bar:
        run = relint(args.paths, progress=bar)
    out = sys.stdout
    if args.diff:
        from newslint.cli.fix import diff, plan

        changes = plan(run, run.errors)
        sys.stdout.write(diff(changes))
        return _messages(run, args.quiet, args.verbose) or (
            EXIT_FINDINGS if changes and not args.exit_zero else EXIT_OK
        )
    if args.fix and run.interrupted:
        run.errors.append("interrupted before fixing; no file changed")
    elif args.fix:
        from newslint.cli.fix import fix, stdin_display

        before = run
        run, fixed_stdin = fix(run, relint, stdin_display(args.paths, args.stdin_filename))
        if args.show_fixes and not args.quiet:
            sys.stderr.write(fixed_summary(before, run))
        if fixed_stdin is not None:  # stdout carries the fixed text, so report on stderr
            sys.stdout.write(fixed_stdin)
            out = sys.stderr
    if args.add_noqa:
        from newslint.cli.noqa import add_noqa

        run = add_noqa(run, relint)
    if args.write_baseline:
        adopt.record(args.write_baseline, run)
        return _messages(run, args.quiet, args.verbose)
    adoption.report_stale(run)
    run = displayed(run, args.min_severity)
    context = ReportContext(
        rules=run.rules,
        sources=run.sources,
        color=_use_color(args.color) and not args.output_file,
        show_source=args.show_source,
        statistics=args.statistics,
        quiet=args.quiet,
        version=__version__,
        profiles={path: choice.name for path, choice in run.profiles.items()},
        nothing_linted=not run.linted,
        attributions=run.attributions,
        errors=run.errors,
        show_fixes=args.show_fixes,
    )
    report = render(args.format, run.findings, context)
    if not args.output_file:
        out.write(report)
    elif not _written(args.output_file, report):
        return _messages(run, args.quiet, args.verbose) or EXIT_ERROR
    return _messages(run, args.quiet, args.verbose) or (
        EXIT_FINDINGS if run.failing and not args.exit_zero else EXIT_OK
    )


def _written(path: str, report: str) -> bool:
    """Write the report to ``path`` atomically; False, with an error naming it, if not."""
    try:
        write_atomic(Path(path), report.encode("utf-8"))
    except OSError as exc:
        print(f"error: {path}: cannot write the report: {exc.strerror or exc}", file=sys.stderr)
        return False
    return True


def _messages(run: LintRun, quiet: bool, verbose: bool) -> int:
    """Print each file's profile (``verbose``), errors, warnings and notices to stderr;
    EXIT_INTERRUPTED after Ctrl-C, EXIT_ERROR if there were errors, else 0."""
    if verbose:
        for path, choice in run.profiles.items():
            print(f"{path}: profile {choice.name} ({choice.reason})", file=sys.stderr)
        if run.cache_hits or run.cache_misses:
            print(f"cache: {run.cache_hits} hits, {run.cache_misses} misses", file=sys.stderr)
    for message in run.errors:
        print(f"error: {message}", file=sys.stderr)
    if not quiet or run.interrupted:  # after Ctrl-C, the files already fixed are notices
        for message in run.notices:
            print(f"note: {message}", file=sys.stderr)
    if run.interrupted:
        s = "" if run.linted == 1 else "s"
        print(f"error: interrupted; reported the {run.linted} file{s} linted", file=sys.stderr)
        return EXIT_INTERRUPTED
    if not run.linted and not run.errors:
        print("warning: no files to lint under the given paths", file=sys.stderr)
    return EXIT_ERROR if run.errors else EXIT_OK


def explain(argv: list[str]) -> int:
    """``newslint rule CODE`` and ``newslint rules``. Plugin, config and pack load
    failures are errors on stderr and exit 2; the rules that loaded are still shown."""
    from newslint.cli.explain import catalogue, list_rules
    from newslint.rules.docs import describe_rule

    if len(argv) != (1 if argv[0] == "rules" else 2):
        print("usage: newslint rule CODE, or newslint rules", file=sys.stderr)
        return EXIT_ERROR
    found = catalogue()
    for message in found.errors:
        print(f"error: {message}", file=sys.stderr)
    status = EXIT_ERROR if found.errors else EXIT_OK
    if argv[0] == "rules":
        sys.stdout.write(list_rules(found))
        return status
    rule = found.registry.rules.get(argv[1].upper())
    if rule is None:
        print(f"error: unknown rule code {argv[1]!r}; see 'newslint rules'", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(describe_rule(rule, found.opt_in(rule)))
    return status


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ
