"""The ``newslint`` command."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from functools import partial

from newslint import __version__
from newslint.cli import sources
from newslint.cli.args import build_parser
from newslint.cli.explain import describe_rule, list_rules
from newslint.cli.fix import diff, fix, plan, stdin_display
from newslint.cli.lint import LintRun, Resolver, lint
from newslint.config.ruleset import Overrides
from newslint.reporters import ReportContext, render
from newslint.rules.registry import load_registry

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["sources"]:
        return sources.main(argv[1:])
    if argv[:1] in (["rule"], ["rules"]):
        return explain(argv)
    args = build_parser().parse_args(argv)
    if not args.paths:
        build_parser().error("no paths given (use '-' for stdin)")
    registry = load_registry()
    overrides = Overrides(args.select, args.ignore, args.extend_select, args.fail_on, args.profile)
    resolver = Resolver(registry, overrides, args.config)
    relint = partial(lint, registry=registry, resolver=resolver, stdin_name=args.stdin_filename)
    run = relint(args.paths)
    out = sys.stdout
    if args.diff:
        changes = plan(run)
        sys.stdout.write(diff(changes))
        return _messages(run, args.quiet, args.verbose) or (
            EXIT_FINDINGS if changes and not args.exit_zero else EXIT_OK
        )
    if args.fix:
        run, fixed_stdin = fix(run, relint, stdin_display(args.paths, args.stdin_filename))
        if fixed_stdin is not None:  # stdout carries the fixed text, so report on stderr
            sys.stdout.write(fixed_stdin)
            out = sys.stderr
    context = ReportContext(
        rules=run.rules,
        sources=run.sources,
        color=_use_color(args.color),
        show_source=args.show_source,
        statistics=args.statistics,
        quiet=args.quiet,
        version=__version__,
        profiles={path: choice.name for path, choice in run.profiles.items()},
    )
    out.write(render(args.format, run.findings, context))
    return _messages(run, args.quiet, args.verbose) or (
        EXIT_FINDINGS if run.failing and not args.exit_zero else EXIT_OK
    )


def _messages(run: LintRun, quiet: bool, verbose: bool) -> int:
    """Print each file's profile (``verbose``), errors and notices to stderr;
    EXIT_ERROR if there were errors, else 0."""
    if verbose:
        for path, choice in run.profiles.items():
            print(f"{path}: profile {choice.name} ({choice.reason})", file=sys.stderr)
    for message in run.errors:
        print(f"error: {message}", file=sys.stderr)
    if not quiet:
        for message in run.notices:
            print(f"note: {message}", file=sys.stderr)
    return EXIT_ERROR if run.errors else EXIT_OK


def explain(argv: list[str]) -> int:
    registry = load_registry()
    if argv[0] == "rules":
        sys.stdout.write(list_rules(registry))
        return EXIT_OK
    if len(argv) != 2:
        print("usage: newslint rule CODE", file=sys.stderr)
        return EXIT_ERROR
    rule = registry.rules.get(argv[1].upper())
    if rule is None:
        print(f"error: unknown rule code {argv[1]!r}; see 'newslint rules'", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(describe_rule(rule))
    return EXIT_OK


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ
