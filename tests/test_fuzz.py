"""Fuzzing the CLI entry with arbitrary bytes and Markdown: whatever the input, no
traceback or internal error, exit 0, 1 or 2, and every finding's span inside the text.

Runs in-process (``run_cli``) for speed; most examples select the rules that need no
language model, and one smaller property runs the default rule set.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.documents.source import InputError, Source, decode
from tests.conftest import ROOT, Result, run_cli

NO_MODEL = "NL401,NL504,NL510,NL9"
FUZZ = settings(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

# Pieces of Markdown structure and of news copy; the fuzzer strings them together.
MARKDOWN = st.sampled_from(
    [
        "# ",
        "## ",
        "Heading\n===\n",
        "- ",
        "  - ",
        "1. ",
        "> ",
        ">>>>>>>>>>>>>>>>>>>>>>>> ",
        "    ",
        "\t",
        "```\n",
        "~~~",
        "`",
        "*",
        "_",
        "**",
        "[",
        "](",
        ")",
        "[ref]: /url\n",
        "![alt](img.png)",
        "<http://x.test>",
        "<b>",
        "</b>",
        "<!-- newslint-disable -->",
        "<!-- newslint-enable -->",
        "<!-- newslint-disable-next-line NL902 -->\n",
        "<!-- newslint-disable nl902, NL999 -->",
        "---\n",
        "+++\n",
        "title: x\n",
        "| a | b |\n",
        "\\",
        "&amp;",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        " ",
        "\u00a0",
        "\ufeff",
        "the the",
        "The mayor said",
        "“modest”",
        '"so-called"',
        "‘",
        "’",
        "—",
        " - ",
        "Kiev",
        "yesterday",
        "4:07",
        "Read more",
        "🎉",
        "👩‍👩‍👧",
        "e\u0301",
        ".",
        ",",
    ]
)
# NUL makes a binary file, an input error; the Markdown properties want text that is linted.
TEXT_CHARS = st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",))
MARKDOWN_TEXT = st.lists(st.one_of(MARKDOWN, st.text(TEXT_CHARS, max_size=5)), max_size=50).map(
    "".join
)
SUFFIXES = st.sampled_from([".md", ".txt", ".markdown"])


def lint_bytes(data: bytes, suffix: str, via_stdin: bool, *args: str) -> Result:
    """Lint ``data`` as a file (or as stdin under its name) with JSON output."""
    if via_stdin:
        name = f"story{suffix}"
        return run_cli("--format", "json", *args, "--stdin-filename", name, "-", stdin=data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"story{suffix}"
        path.write_bytes(data)
        return run_cli("--format", "json", *args, str(path))


def check(data: bytes, result: Result) -> None:
    """No traceback or internal error, a known exit code, every span inside the text."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "internal error" not in output, output
    assert result.code in (0, 1, 2), output
    findings = result.findings if result.stdout.strip() else []
    if not findings:
        return
    try:
        source = decode(data, "story")
    except InputError as exc:
        raise AssertionError(f"findings for input that does not decode: {exc}") from exc
    for finding in findings:
        _check_span(source, finding)


def _check_span(source: Source, finding: dict) -> None:
    lines = len(source.line_starts)
    start, end = (finding["line"], finding["column"]), (finding["end_line"], finding["end_column"])
    for line, column in (start, end):
        assert 1 <= line <= lines, (finding, lines)
        assert 1 <= column <= len(source.line_text(line)) + 1, (finding, source.line_text(line))
    assert start <= end, finding


@settings(FUZZ, max_examples=150)
@given(data=st.binary(max_size=600), suffix=SUFFIXES, via_stdin=st.booleans())
def test_arbitrary_bytes(data, suffix, via_stdin):
    check(data, lint_bytes(data, suffix, via_stdin, "--select", NO_MODEL))


@settings(FUZZ, max_examples=150)
@given(text=MARKDOWN_TEXT, suffix=SUFFIXES, via_stdin=st.booleans())
def test_arbitrary_markdown(text, suffix, via_stdin):
    data = text.encode("utf-8")
    result = lint_bytes(data, suffix, via_stdin, "--select", NO_MODEL)
    check(data, result)
    assert result.code in (0, 1), result.stderr  # text is never an input error


@settings(FUZZ, max_examples=25)
@given(text=MARKDOWN_TEXT, suffix=SUFFIXES)
def test_arbitrary_markdown_with_the_default_rules(text, suffix):
    data = text.encode("utf-8")
    check(data, lint_bytes(data, suffix, False))


def test_check_reports_a_span_outside_the_text():
    """The span check itself catches a finding past the end of its line."""
    finding = {"line": 1, "column": 9, "end_line": 1, "end_column": 12}
    with pytest.raises(AssertionError):
        check(b"short", Result(1, json.dumps([finding]), ""))


def _atheris_input(data: bytes) -> None:
    """One atheris input: the first byte picks the file name and stdin, the rest is the file."""
    if data:
        suffix = (".md", ".txt", ".markdown")[data[0] % 3]
        check(data[1:], lint_bytes(data[1:], suffix, bool(data[0] & 4), "--select", NO_MODEL))


@pytest.mark.slow
def test_atheris_coverage_guided_bytes(tmp_path):
    """Coverage-guided fuzzing of the same entry, where atheris is installed."""
    pytest.importorskip("atheris")
    fuzz = [
        sys.executable,
        "-m",
        "tests.test_fuzz",
        "-runs=600",
        "-seed=1",
        "-max_len=400",
        "-len_control=0",
    ]
    proc = subprocess.run(
        [*fuzz, f"-artifact_prefix={tmp_path}/"], cwd=ROOT, capture_output=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-4000:]


def _instrument_input_layer() -> None:
    """Coverage for the modules that turn bytes into documents; instrumenting everything
    loaded (spaCy included) takes minutes."""
    import atheris

    from newslint.documents import front_matter, markdown, model, plaintext, source
    from newslint.linter import run as lint
    from newslint.linter import targets

    for module in (source, markdown, plaintext, front_matter, model, targets, lint):
        for function in vars(module).values():
            if inspect.isfunction(function) and function.__module__ == module.__name__:
                atheris.instrument_func(function)


if __name__ == "__main__":
    import atheris

    _instrument_input_layer()
    atheris.Setup(sys.argv, _atheris_input)
    atheris.Fuzz()
