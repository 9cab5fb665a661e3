"""Hardening, reading input: every bad input is a named error (or notice), never a hang,
a silent skip or a traceback, and the other files in the run are still linted.

Each case runs the real CLI in a subprocess with ``--select NL902`` (a doubled word),
which needs no language model; ``good.md`` in each run is flagged for its doubled word.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Result, assert_named_error, run_process

GOOD = "The council approved the the budget on Monday.\n"
HANG = 60  # seconds before a run counts as hung


def lint(cwd: Path, *args: str, stdin: bytes | None = None) -> Result:
    return run_process(
        "--format", "json", "--select", "NL902", *args, stdin=stdin, cwd=cwd, timeout=HANG
    )


def flagged(result: Result) -> list[tuple[str, int]]:
    """(path, line) of each finding."""
    return [(f["path"], f["line"]) for f in result.findings]


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(tmp_path, "good.md", GOOD)


def test_fifo_named_or_met_in_a_walk_is_an_error_not_a_hang(tmp_path, good):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "desk").mkdir()
    os.mkfifo(tmp_path / "desk" / "wire.md")
    result = lint(tmp_path, "pipe.txt", "desk", "good.md")
    assert_named_error(
        result,
        "pipe.txt: a FIFO (named pipe), not a regular file",
        "desk/wire.md: a FIFO (named pipe), not a regular file",
    )
    assert flagged(result) == [("good.md", 1)]


def test_devices_and_sockets_are_errors_naming_them(tmp_path, good):
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "feed.sock"))
    try:
        result = lint(tmp_path, "/dev/zero", "/dev/null", "feed.sock", "good.md")
    finally:
        server.close()
    assert_named_error(
        result,
        "/dev/zero: a character device, not a regular file",
        "/dev/null: a character device, not a regular file",
        "feed.sock: a socket, not a regular file",
    )
    assert flagged(result) == [("good.md", 1)]


def test_stdin_is_read_only_up_to_max_file_size(tmp_path, good):
    write(tmp_path, "newslint.toml", "max-file-size = 1000\n")
    result = lint(tmp_path, "-", "good.md", stdin=b"The vote was close. " * 100)
    assert_named_error(result, "-: more than 1000 bytes, over the limit (max-file-size)")
    assert flagged(result) == [("good.md", 1)]
    named = lint(tmp_path, "--stdin-filename", "draft.md", "-", stdin=b"x" * 1001)
    assert_named_error(named, "draft.md: more than 1000 bytes, over the limit")


def test_endless_stdin_stops_at_max_file_size(tmp_path):
    """/dev/zero on stdin once ran the machine out of memory."""
    write(tmp_path, "newslint.toml", "max-file-size = 100000\n")
    with open("/dev/zero", "rb") as zeros:
        proc = subprocess.run(
            [sys.executable, "-m", "newslint", "--select", "NL902", "-"],
            stdin=zeros,
            capture_output=True,
            cwd=tmp_path,
            timeout=HANG,
        )
    result = Result(proc.returncode, proc.stdout.decode(), proc.stderr.decode())
    assert_named_error(result, "-: more than 100000 bytes, over the limit")


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux /proc")
def test_a_file_whose_stat_size_is_wrong_is_still_stopped_at_the_limit(tmp_path, good):
    """/proc files say they are 0 bytes long, as a file still being written may say too
    little: the limit is kept by counting what is read."""
    config = write(tmp_path, "limits.toml", "max-file-size = 100\n")
    result = lint(tmp_path, "--config", str(config), "/proc/self/status", "good.md")
    assert_named_error(result, "/proc/self/status: more than 100 bytes, over the limit")
    assert flagged(result) == [("good.md", 1)]


def test_file_over_the_limit_is_refused_and_unchanged(tmp_path, good):
    write(tmp_path, "newslint.toml", "max-file-size = 1000\n")
    big = write(tmp_path, "big.md", "The vote was close. " * 100)
    before = big.read_bytes()
    result = lint(tmp_path, "big.md", "good.md")
    assert_named_error(result, "big.md: file is 2000 bytes, over the limit of 1000")
    assert flagged(result) == [("good.md", 1)]
    assert big.read_bytes() == before


def test_symlink_loops_are_named_on_the_command_line_and_in_a_walk(tmp_path, good):
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "a.md").symlink_to("b.md")
    (desk / "b.md").symlink_to("a.md")
    (tmp_path / "self.md").symlink_to("self.md")
    result = lint(tmp_path, "self.md", "desk", "good.md")
    assert_named_error(
        result, "self.md: symlink loop", "desk/a.md: symlink loop", "desk/b.md: symlink loop"
    )
    assert flagged(result) == [("good.md", 1)]
    assert result.stderr.count("self.md: symlink loop") == 1


def _unprivileged() -> list[str]:
    """A command prefix under which file permissions apply, even to root."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def test_unreadable_directory_and_file_in_a_walk_are_errors(tmp_path, good):
    prefix = _unprivileged()
    locked = tmp_path / "desk" / "locked"
    write(locked, "hidden.md", GOOD)
    secret = write(tmp_path, "desk/secret.md", GOOD)
    write(tmp_path, "desk/open.md", GOOD)
    locked.chmod(0)
    secret.chmod(0)
    command = [sys.executable, "-m", "newslint", "--format", "json", "--select", "NL902"]
    try:
        proc = subprocess.run(
            [*prefix, *command, "desk", "good.md"],
            capture_output=True,
            cwd=tmp_path,
            timeout=HANG,
        )
        result = Result(proc.returncode, proc.stdout.decode(), proc.stderr.decode())
    finally:
        locked.chmod(0o755)
        secret.chmod(0o644)
    assert_named_error(
        result,
        "desk/locked: cannot read directory: Permission denied",
        "desk/secret.md: cannot read: Permission denied",
    )
    assert flagged(result) == [("desk/open.md", 1), ("good.md", 1)]
    assert "No findings" not in result.stdout + result.stderr


def test_the_same_file_named_twice_is_linted_once(tmp_path, good):
    desk = write(tmp_path, "desk/a.md", GOOD).parent
    (desk / "link.md").symlink_to("a.md")
    result = lint(tmp_path, "good.md", "./good.md", "desk/a.md", "desk", "desk/link.md")
    assert result.code == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert flagged(result) == [("desk/a.md", 1), ("good.md", 1)]


def test_utf16_and_latin1_files_are_named_with_what_to_do(tmp_path, good):
    text = "Ferry fares rise\n\nThe council met today.\n"
    files = {
        "bom16.md": text.encode("utf-16"),
        "bare16.md": text.encode("utf-16-le"),
        "big16.md": text.encode("utf-16-be"),
        "bom32.md": text.encode("utf-32"),
        "latin.md": "Headline\n\nThe café and the pâtisserie reopened.\n".encode("latin-1"),
        "broken.md": "Héadline\n\nThe 🎉 party \xff".encode() + b"\xff ends.\n",
    }
    for name, data in files.items():
        write(tmp_path, name, data)
    result = lint(tmp_path, *files, "good.md")
    assert_named_error(
        result,
        "bom16.md: UTF-16 text; save it as UTF-8",
        "bare16.md: UTF-16 text; save it as UTF-8",
        "big16.md: UTF-16 text; save it as UTF-8",
        "bom32.md: UTF-32 text; save it as UTF-8",
        "latin.md: invalid UTF-8 at byte offset 17 (line 3, column 8); looks like Latin-1 "
        "(or Windows-1252); save it as UTF-8",
        "broken.md: invalid UTF-8 at byte offset 28 (line 3, column 14); not linted",
    )
    assert "binary" not in result.stderr
    assert flagged(result) == [("good.md", 1)]
    for name, data in files.items():
        assert (tmp_path / name).read_bytes() == data


def test_per_file_ignores_and_profiles_apply_to_stdin_under_its_filename(tmp_path):
    write(
        tmp_path,
        "newslint.toml",
        '[per-file-ignores]\n"drafts/*.md" = ["NL902"]\n\n'
        '[per-file-profiles]\n"opinion/*.md" = "opinion"\n',
    )
    ignored = lint(tmp_path, "--stdin-filename", "drafts/a.md", "-", stdin=GOOD.encode())
    assert (ignored.code, ignored.findings) == (0, []), ignored.stderr
    kept = lint(tmp_path, "--stdin-filename", "opinion/a.md", "-", stdin=GOOD.encode())
    assert kept.code == 1, kept.stderr
    assert [(f["path"], f["profile"]) for f in kept.findings] == [("opinion/a.md", "opinion")]


def test_a_stdin_filename_in_a_symlink_loop_still_meets_the_globs(tmp_path):
    write(tmp_path, "newslint.toml", '[per-file-ignores]\n"drafts/*.md" = ["NL902"]\n')
    (tmp_path / "loop").symlink_to("loop")
    result = lint(tmp_path, "--stdin-filename", "loop/a.md", "-", stdin=GOOD.encode())
    assert "Traceback" not in result.stderr
    assert (result.code, [f["path"] for f in result.findings]) == (1, ["loop/a.md"])


def test_markdown_nested_deeper_than_read_is_a_notice_naming_the_line(tmp_path, good):
    # 25 quote levels were skipped in silence; now they are linted
    write(tmp_path, "quoted.md", "> " * 25 + "The the inner quote.\n")
    # 60 list levels: the first 49 are read, the rest reported from line 50
    items = "".join("  " * depth + f"- level {depth} the the end\n" for depth in range(60))
    write(tmp_path, "lists.md", items)
    write(tmp_path, "quotes.md", ">" * 120 + " the the deep\n\nThe the shallow.\n")
    result = lint(tmp_path, "quoted.md", "lists.md", "quotes.md", "good.md")
    assert result.code == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "lists.md:50: Markdown nested too deep (over 100 quotes or 50 lists)" in result.stderr
    assert "quotes.md:1: Markdown nested too deep" in result.stderr
    found = flagged(result)
    assert [line for path, line in found if path == "lists.md"] == list(range(1, 50))
    assert ("quoted.md", 1) in found and ("quotes.md", 3) in found and ("good.md", 1) in found


def test_suppression_comments_with_unknown_or_lowercase_codes_are_warned(tmp_path, good):
    text = (
        "<!-- newslint-disable-next-line nl902 -->\n"
        "The the first line.\n\n"
        "<!-- newslint-disable-next-line NL999, NL9 -->\n"
        "The the second line.\n\n"
        "<!-- newslint-disable-next-line NL902 -->\n"
        "The the third line.\n"
    )
    notes = write(tmp_path, "notes.md", text)
    result = lint(tmp_path, "notes.md", "good.md")
    assert result.code == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert (
        "notes.md:1: suppression comment names 'nl902' in lower case; read as 'NL902'"
        in result.stderr
    )
    assert "notes.md:4: suppression comment names unknown rule code 'NL999'" in result.stderr
    assert "'NL9'" not in result.stderr and "notes.md:7" not in result.stderr
    assert flagged(result) == [("good.md", 1)]
    assert notes.read_text() == text
