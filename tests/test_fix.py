"""--fix and --diff: safe fixes change exactly what they should, and nothing else."""

import os
import stat

import pytest

from newslint.cli.fix import diff, plan
from newslint.documents.source import Source
from newslint.linter.run import LintRun
from newslint.rules.base import Edit, Finding, Fix, Severity
from tests.conftest import run_cli

FIXABLE = "NL902,NL504"

# A BOM, CRLF line ends, mostly curly quotes with three straight marks (two quotes and an
# apostrophe: one NL504 finding each), and "the the".
ORIGINAL = (
    b"\xef\xbb\xbf"
    + (
        "Harbour ferry fares to rise\r\n"
        "\r\n"
        "“We have held fares for six years,” the operator’s chief executive said.\r\n"
        "\r\n"
        "The council’s transport team said the the increase was ‘modest’ for the island.\r\n"
        "\r\n"
        'She added: "It\'s the only way to keep the boats running."\r\n'
    ).encode()
)

EXPECTED = (
    b"\xef\xbb\xbf"
    + (
        "Harbour ferry fares to rise\r\n"
        "\r\n"
        "“We have held fares for six years,” the operator’s chief executive said.\r\n"
        "\r\n"
        "The council’s transport team said the increase was ‘modest’ for the island.\r\n"
        "\r\n"
        "She added: “It’s the only way to keep the boats running.”\r\n"
    ).encode()
)


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(ORIGINAL)
    return path


def test_fix_changes_only_what_is_intended(story):
    result = run_cli("--fix", "--format", "json", "--select", FIXABLE, str(story))
    assert story.read_bytes() == EXPECTED
    assert result.findings == []
    assert result.code == 0
    assert f"{story}: fixed 3 problems" in result.stderr


def test_fix_is_idempotent(story):
    run_cli("--fix", "--select", FIXABLE, str(story))
    before = os.stat(story).st_mtime_ns
    result = run_cli("--fix", "--select", FIXABLE, str(story))
    assert story.read_bytes() == EXPECTED
    assert os.stat(story).st_mtime_ns == before
    assert "fixed" not in result.stderr


def test_without_fix_the_file_is_untouched(story):
    before = os.stat(story).st_mtime_ns
    result = run_cli("--format", "json", "--select", FIXABLE, str(story))
    assert len(result.findings) == 3
    assert story.read_bytes() == ORIGINAL
    assert os.stat(story).st_mtime_ns == before


def test_diff_prints_the_changes_and_writes_nothing(story):
    before = os.stat(story).st_mtime_ns
    result = run_cli("--diff", "--select", FIXABLE, str(story))
    assert story.read_bytes() == ORIGINAL
    assert os.stat(story).st_mtime_ns == before
    assert result.code == 1
    assert result.stdout.startswith(f"--- {story}\n+++ {story}\n@@ -2,6 +2,6 @@\n")
    assert "-The council’s transport team said the the increase" in result.stdout
    assert "+The council’s transport team said the increase" in result.stdout
    assert '-She added: "It\'s the only way to keep the boats running."\r\n' in result.stdout
    assert "+She added: “It’s the only way to keep the boats running.”\r\n" in result.stdout


def test_diff_with_nothing_to_fix_is_empty_and_exits_0(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(EXPECTED)
    result = run_cli("--diff", "--select", FIXABLE, str(path))
    assert (result.stdout, result.code) == ("", 0)


def test_fix_reports_what_remains_at_its_new_position(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"Ferry fares rise\n\nFares rise in March, said the\nthe.\nAdvertisement\n")
    result = run_cli("--fix", "--format", "json", "--select", "NL901,NL902", str(path))
    assert (
        path.read_bytes() == b"Ferry fares rise\n\nFares rise in March, said the.\nAdvertisement\n"
    )
    assert [(f["code"], f["line"], f["column"]) for f in result.findings] == [("NL901", 4, 1)]
    assert result.code == 1


def test_repeat_across_a_line_break_keeps_the_lines(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"Ferry fares rise\r\n\r\nFares rise in the\r\nthe spring, she said.\r\n")
    run_cli("--fix", "--select", "NL902", str(path))
    assert (
        path.read_bytes() == b"Ferry fares rise\r\n\r\nFares rise in the\r\nspring, she said.\r\n"
    )


def test_fix_from_stdin_prints_the_fixed_text(story):
    result = run_cli("--fix", "--format", "json", "--select", FIXABLE, "-", stdin=ORIGINAL)
    assert result.stdout.encode() == EXPECTED
    assert result.stderr.startswith("[]\n")
    assert result.code == 0


def test_fix_keeps_the_file_mode_and_writes_through_a_symlink(story, tmp_path):
    story.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(story)
    run_cli("--fix", "--select", FIXABLE, str(link))
    assert link.is_symlink()
    assert story.read_bytes() == EXPECTED
    assert stat.S_IMODE(story.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "story.txt"]


def test_suppressed_findings_are_not_fixed(tmp_path):
    path = tmp_path / "story.md"
    text = b"# Fares\n\n<!-- newslint-disable-next-line NL902 -->\nFares rise in in March.\n"
    path.write_bytes(text)
    run_cli("--fix", "--select", "NL902", str(path))
    assert path.read_bytes() == text


def _finding(path: str, start: int, end: int, replacement: str) -> Finding:
    fix = Fix((Edit(start, end, replacement),))
    return Finding(
        path, 1, start + 1, 1, end + 1, "NL999", "x", Severity.INFO, "x", start, end, fix=fix
    )


def test_overlapping_fixes_are_skipped():
    source = Source("a.txt", "abcdef")
    findings = [
        _finding("a.txt", 0, 2, "X"),
        _finding("a.txt", 1, 3, "Y"),  # overlaps the first: skipped
        _finding("a.txt", 2, 2, "+"),  # an insertion right after the first edit
        _finding("a.txt", 4, 5, ""),
    ]
    [change] = plan(LintRun(findings=findings, sources={"a.txt": source}))
    assert (change.text, change.fixed) == ("X+cdf", 3)


def test_diff_marks_a_missing_final_newline():
    source = Source("a.txt", "one\ntwo")
    finding = _finding("a.txt", 4, 7, "three")
    text = diff(plan(LintRun(findings=[finding], sources={"a.txt": source})))
    assert text.endswith(
        "-two\n\\ No newline at end of file\n+three\n\\ No newline at end of file\n"
    )


def test_a_chain_of_repeats_is_fixed_in_one_run(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(b"Fares\r\n\r\nIt rose in\r\nin in March, the the the board said.\r\n")
    result = run_cli("--fix", "--format", "json", "--select", "NL902", str(path))
    assert path.read_bytes() == b"Fares\r\n\r\nIt rose in March, the board said.\r\n"
    assert result.findings == []
