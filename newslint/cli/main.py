"""The ``newslint`` command."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from newslint import __version__
from newslint.cli.args import build_parser
from newslint.cli.explain import describe_rule, list_rules
from newslint.cli.lint import Resolver, lint
from newslint.config.profile import Overrides
from newslint.reporters import ReportContext, render
from newslint.rules.registry import load_registry

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] in (["rule"], ["rules"]):
        return explain(argv)
    args = build_parser().parse_args(argv)
    if not args.paths:
        build_parser().error("no paths given (use '-' for stdin)")
    registry = load_registry()
    overrides = Overrides(args.select, args.ignore, args.extend_select, args.fail_on)
    run = lint(
        args.paths, registry, Resolver(registry, overrides, args.config), args.stdin_filename
    )
    context = ReportContext(
        rules=run.rules,
        sources=run.sources,
        color=_use_color(args.color),
        show_source=args.show_source,
        statistics=args.statistics,
        quiet=args.quiet,
        version=__version__,
    )
    sys.stdout.write(render(args.format, run.findings, context))
    for message in run.errors:
        print(f"error: {message}", file=sys.stderr)
    if not args.quiet:
        for message in run.notices:
            print(f"note: {message}", file=sys.stderr)
    if run.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if run.failing and not args.exit_zero else EXIT_OK


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
