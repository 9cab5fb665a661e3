"""--write-baseline, --baseline and --baseline-report: adopting newslint on an archive
that already has findings, through the real command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.archive import write_archive
from tests.conftest import assert_named_error, run_cli

DOUBLED = "The board said the the pool would close for a week.\n"
CLAIMED = "# Pool\n\nGareth Lowe claimed that the pool was finished on time.\n"


def lint_json(*args: str):
    result = run_cli("--format", "json", "--no-cache", *args)
    return result, [(f["code"], f["path"], f["line"], f["column"]) for f in result.findings]


@pytest.fixture
def desk(tmp_path, monkeypatch) -> Path:
    """A small archive in the current folder: articles/a.md (a doubled word and a
    distancing word), b.md (a loaded verb) and c.md (a doubled word)."""
    monkeypatch.chdir(tmp_path)
    folder = Path("articles")
    folder.mkdir()
    (folder / "a.md").write_text(
        "# Pool\n\n" + DOUBLED + "\nThe so-called consultation drew 412 responses.\n"
    )
    (folder / "b.md").write_text(CLAIMED)
    (folder / "c.md").write_text("# Library\n\n" + DOUBLED)
    return folder


def second_the(line: str) -> int:
    """The 1-based column of the repeated 'the' in ``line``."""
    return line.index("the the") + len("the ") + 1


@pytest.mark.slow
def test_an_archive_adopts_a_baseline_and_then_sees_only_its_new_finding(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    paths = write_archive(Path("articles"), 200)
    cache = ("--cache-dir", "cache")
    before = run_cli("--format", "json", *cache, "articles")
    assert before.code == 1 and len(before.findings) > 100, before.stderr

    written = run_cli(*cache, "--write-baseline", "baseline.json", "articles")
    assert (written.code, written.stdout) == (0, ""), written.stderr
    assert f"recorded {len(before.findings)} findings in" in written.stderr
    baseline = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert baseline["version"] == 1
    assert [(e["path"], e["line"], e["code"]) for e in baseline["entries"]] == [
        (f["path"], f["line"], f["code"]) for f in before.findings
    ]
    assert all(len(e["fingerprint"]) >= 32 and e["message"] for e in baseline["entries"])

    adopted = run_cli("--format", "json", *cache, "--baseline", "baseline.json", "articles")
    assert (adopted.code, adopted.findings) == (0, []), adopted.stderr
    text = run_cli(*cache, "--baseline", "baseline.json", "articles")
    assert (text.code, text.stdout) == (0, "No findings.\n")

    # One article with old findings gains a flawed paragraph at its end; another gets a
    # new paragraph above all of its old findings.
    with_findings = sorted({f["path"] for f in before.findings})
    flawed, shifted = Path(with_findings[0]), Path(with_findings[1])
    old = flawed.read_text(encoding="utf-8")
    added = "The harbour master said the the ferry would sail at noon."
    flawed.write_text(old + "\n" + added + "\n", encoding="utf-8")
    headline, rest = shifted.read_text(encoding="utf-8").split("\n\n", 1)
    shifted.write_text(
        headline
        + "\n\nThe minutes of the meeting are published\non the council website.\n\n"
        + rest,
        encoding="utf-8",
    )

    after = run_cli("--format", "json", *cache, "--baseline", "baseline.json", "articles")
    assert after.code == 1, after.stderr
    new_line = len(old.splitlines()) + 2
    assert [(f["code"], f["path"], f["line"], f["column"]) for f in after.findings] == [
        ("NL902", flawed.as_posix(), new_line, second_the(added))
    ]
    # The old findings of the shifted article are still there, three lines further down.
    moved = run_cli("--format", "json", *cache, str(shifted))
    was = [(f["code"], f["line"] + 3) for f in before.findings if f["path"] == str(shifted)]
    assert [(f["code"], f["line"]) for f in moved.findings] == was
    assert len(paths) == 200


def test_a_run_with_the_baseline_it_just_wrote_reports_nothing(desk):
    result, found = lint_json("articles")
    assert result.code == 1 and len(found) == 4
    written = run_cli("--no-cache", "--write-baseline", "baseline.json", "articles")
    assert written.code == 0 and "baseline.json: recorded 4 findings in 3 files" in written.stderr
    result, found = lint_json("--baseline", "baseline.json", "articles")
    assert (result.code, found) == (0, [])


def test_entries_keep_relative_paths_whatever_form_the_path_was_given_in(desk):
    run_cli("--no-cache", "--write-baseline", "baseline.json", str(desk.resolve()))
    entries = json.loads(Path("baseline.json").read_text())["entries"]
    assert {e["path"] for e in entries} == {"articles/a.md", "articles/b.md", "articles/c.md"}
    result, found = lint_json("--baseline", "baseline.json", "./articles")
    assert (result.code, found) == (0, [])


def test_a_copy_of_an_old_problem_or_an_edit_to_its_sentence_is_new(desk):
    run_cli("--no-cache", "--write-baseline", "baseline.json", "articles")
    c = desk / "c.md"
    c.write_text(c.read_text() + "\n" + DOUBLED)  # the same sentence again, below the old one
    b = desk / "b.md"
    b.write_text(CLAIMED.replace("on time", "on time and on budget"))
    result, found = lint_json("--baseline", "baseline.json", "articles")
    assert result.code == 1
    assert found == [
        ("NL301", "articles/b.md", 3, CLAIMED.splitlines()[2].index("claimed") + 1),
        ("NL902", "articles/c.md", 5, second_the(DOUBLED)),
    ]


def test_baseline_report_lists_the_entries_no_finding_matches(desk):
    run_cli("--no-cache", "--write-baseline", "baseline.json", "articles")
    a = desk / "a.md"
    a.write_text(a.read_text().replace("the the", "the"))  # an old finding fixed
    (desk / "c.md").unlink()  # an article taken down

    quiet = run_cli("--no-cache", "--baseline", "baseline.json", "articles")
    assert (quiet.code, quiet.stdout) == (0, "No findings.\n")
    assert "stale" not in quiet.stderr

    report = run_cli("--no-cache", "--baseline", "baseline.json", "--baseline-report", "articles")
    assert (report.code, report.stdout) == (0, "No findings.\n")
    stale = [line for line in report.stderr.splitlines() if "stale" in line]
    assert stale == [
        "note: articles/a.md:3: NL902 stale baseline entry, no finding matches it "
        "(Repeated word 'the')",
        "note: articles/c.md:3: NL902 stale baseline entry, no finding matches it "
        "(Repeated word 'the')",
        "note: baseline.json: 2 stale entries; --write-baseline drops them",
    ]

    # A file left out of this run is not judged; one that no longer exists is.
    only_b = run_cli(
        "--no-cache", "--baseline", "baseline.json", "--baseline-report", str(desk / "b.md")
    )
    assert [line for line in only_b.stderr.splitlines() if "stale baseline entry" in line] == [
        stale[1]
    ]


BAD_BASELINES = {
    "not JSON": (b'{"version": 1, "entries": [', "is not valid JSON"),
    "a list": (b"[]", "not a newslint baseline"),
    "another version": (b'{"version": 2, "entries": []}', "baseline version 2"),
    "an entry without a fingerprint": (
        b'{"version": 1, "entries": [{"path": "a.md", "code": "NL902"}]}',
        'entry 1 has no "fingerprint" string',
    ),
    "a line that is text": (
        b'{"version": 1, "entries": [{"path": "a.md", "code": "NL902", "fingerprint": "ab",'
        b' "line": "3"}]}',
        'entry 1 has a "line" that is not a whole number',
    ),
    "Latin-1": (b'{"version": 1, "entries": [], "by": "Jos\xe9"}', "is not UTF-8"),
}


@pytest.mark.parametrize("kind", sorted(BAD_BASELINES))
def test_a_malformed_baseline_is_an_error_naming_it_and_nothing_is_reported(desk, kind):
    data, message = BAD_BASELINES[kind]
    Path("baseline.json").write_bytes(data)
    result = run_cli("--no-cache", "--baseline", "baseline.json", "articles")
    assert_named_error(result, "baseline.json", message)
    assert result.stdout == ""


@pytest.mark.parametrize("kind", ["missing", "a folder", "a FIFO"])
def test_a_baseline_that_cannot_be_read_is_an_error_naming_it(desk, kind):
    if kind == "a folder":
        os.mkdir("baseline.json")
    elif kind == "a FIFO":
        os.mkfifo("baseline.json")  # never opened: it would wait for a writer
    result = run_cli("--no-cache", "--baseline", "baseline.json", "articles")
    expected = "baseline not found" if kind == "missing" else "not a regular file"
    assert_named_error(result, "baseline.json", expected)
    assert result.stdout == ""


def test_a_baseline_that_cannot_be_written_is_an_error_naming_it(desk):
    Path("notes").write_text("a file, not a folder\n")
    result = run_cli("--no-cache", "--write-baseline", "notes/baseline.json", "articles")
    assert_named_error(result, "notes/baseline.json", "cannot write the baseline")
    assert result.stdout == ""


def test_writing_a_baseline_again_replaces_it_whole(desk):
    Path("baseline.json").write_text("old and broken")
    assert run_cli("--no-cache", "--write-baseline", "baseline.json", "articles").code == 0
    assert len(json.loads(Path("baseline.json").read_text())["entries"]) == 4
    assert sorted(os.listdir()) == ["articles", "baseline.json"]  # no temporary file left


@pytest.mark.parametrize(
    "args",
    [
        ["--baseline-report"],
        ["--write-baseline", "b.json", "--baseline", "a.json"],
        ["--write-baseline", "b.json", "--diff"],
    ],
)
def test_options_that_do_not_go_together_are_a_usage_error(desk, args):
    result = run_cli("--no-cache", *args, "articles")
    assert result.code == 2 and "error: --" in result.stderr
    assert not Path("b.json").exists()
