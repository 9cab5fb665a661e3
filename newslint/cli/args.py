"""Command-line options, in ruff's spelling where ruff has one."""

from __future__ import annotations

import argparse
import os

from newslint import __version__
from newslint.config.ruleset import split_codes

FORMATS = ("text", "json", "sarif", "github", "gitlab", "html")
SEVERITY_CHOICES = ("error", "warning", "info")

EPILOG = """\
subcommands:
  newslint rule CODE   print a rule's documentation
  newslint rules       list every rule

exit codes:
  0  no findings at or above --fail-on (with --diff: nothing to fix)
  1  findings at or above --fail-on (with --diff: fixes to make)
  2  usage, config, input, model or plugin error
"""


def usable_cores() -> int:
    """The cores this process may run on, as ruff and sqlfluff count them."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint",
        description="An editorial style and neutrality linter for news copy.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add("paths", nargs="*", metavar="PATH", help="files or directories; '-' reads stdin")
    add("--format", choices=FORMATS, default="text", help="output format (default: text)")
    add("--output-file", "-o", metavar="FILE", help="write the report to FILE, not stdout")
    add("--select", type=split_codes, help="comma-separated rule codes or prefixes to enable")
    add("--ignore", type=split_codes, help="comma-separated rule codes or prefixes to disable")
    add("--extend-select", type=split_codes, help="codes to enable on top of the selection")
    add("--fail-on", choices=SEVERITY_CHOICES, help="lowest severity that fails (default: warning)")
    add("--min-severity", choices=SEVERITY_CHOICES, help="show only findings at or above this")
    add("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    add("--statistics", action="store_true", help="count findings per rule")
    add("--show-source", action="store_true", help="show the source line under each finding")
    add("--show-fixes", action="store_true", help="show each fixable finding's fix under it")
    add("--quiet", "-q", action="store_true", help="print findings only, no summary or notices")
    add("--color", choices=("auto", "always", "never"), default="auto")
    add("--fix", action="store_true", help="apply safe fixes in place; report what remains")
    add("--diff", action="store_true", help="print the changes --fix would make; write nothing")
    add("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    add("--write-baseline", metavar="FILE", help="record today's findings in FILE; exit 0")
    add("--baseline-report", action="store_true", help="also list stale --baseline entries")
    add("--add-noqa", action="store_true", help="suppress each finding with a Markdown comment")
    add("--profile", metavar="NAME", help="genre profile for every file: news, sport, feature, …")
    add(
        "--extract",
        action="store_true",
        help="HTML web pages: lint only the article body, not the page around it",
    )
    add("--verbose", "-v", action="store_true", help="say which profile each file gets, and why")
    add("--config", help="use this config file instead of discovering one")
    add("--stdin-filename", help="the path to report for input read from stdin")
    add("--jobs", "-j", type=positive, metavar="N", help="worker processes (default: the cores)")
    add("--cache-dir", metavar="DIR", help="where to keep the cache (default: .newslint_cache)")
    add("--no-cache", action="store_true", help="lint every file afresh; read no cache, write none")
    add("--show-settings", metavar="FILE", help="print FILE's settings; lint nothing")
    add("--show-files", action="store_true", help="list the files to lint; lint nothing")
    add("--version", action="version", version=f"newslint {__version__}")
    return parser
