"""--add-noqa: a suppression comment above each finding of a Markdown file, written in
place as safely as --fix writes, so that the next run reports none of them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newslint.documents.loader import load_document
from newslint.documents.source import Source
from newslint.documents.suppress import add_suppressions
from tests.archive import write_archive
from tests.conftest import assert_named_error, run_cli

# A finding in the headline, on a paragraph's continuation line, in a quotation (on its
# first line and on the next), in two list items, and NL504's one finding for curly
# quotes on two lines, the first ending in a hard line break (two spaces).
ARTICLE = """\
# Pool reopens after the the refit

The pool reopened on Monday. Gareth Lowe
claimed that the pool was finished on time.

> The board said the the plan would go ahead.
> The so-called consultation drew 412 responses.

- The library reopened yesterday after a delay.
- Councillors approved the "reform" of the library on Tuesday.

The mayor said the plan was “finished”<BR>
and “ready”, and the "pool" was "open".
""".replace("<BR>", "  ")

SUPPRESSED = """\
<!-- newslint-disable-next-line NL902 -->
# Pool reopens after the the refit

The pool reopened on Monday. Gareth Lowe <!-- newslint-disable-next-line NL301 -->
claimed that the pool was finished on time.

> <!-- newslint-disable-next-line NL902 -->
> The board said the the plan would go ahead. <!-- newslint-disable-next-line NL202 -->
> The so-called consultation drew 412 responses.

<!-- newslint-disable-next-line NL501 -->
- The library reopened yesterday after a delay. <!-- newslint-disable-next-line NL201 -->
- Councillors approved the "reform" of the library on Tuesday.

<!-- newslint-disable-next-line NL504 -->
The mayor said the plan was “finished” <!-- newslint-disable-next-line NL504 --><BR>
and “ready”, and the "pool" was "open".
""".replace("<BR>", "  ")


def codes(*args: str) -> list[tuple[str, int]]:
    result = run_cli("--format", "json", "--no-cache", *args)
    return [(f["code"], f["line"]) for f in result.findings]


def blocks(path: Path) -> list[tuple[str, list[str]]]:
    """Each prose block's kind and words, as newslint reads the file."""
    source = Source(str(path), path.read_text(encoding="utf-8-sig"))
    return [(block.kind.name, block.text.split()) for block in load_document(source).blocks]


def test_each_finding_gets_a_comment_that_keeps_its_block_and_the_rerun_is_clean(tmp_path):
    story = tmp_path / "pool.md"
    story.write_text(ARTICLE, encoding="utf-8")
    before = blocks(story)
    assert len(codes(str(story))) == 7

    result = run_cli("--no-cache", "--add-noqa", str(story))
    assert (result.code, result.stdout) == (0, "No findings.\n"), result.stderr
    assert f"{story}: added 8 suppression comments" in result.stderr
    assert story.read_text(encoding="utf-8") == SUPPRESSED
    assert blocks(story) == before  # no paragraph split, no block changed kind
    assert codes(str(story)) == []
    again = run_cli("--no-cache", "--add-noqa", str(story))  # nothing left to add
    assert again.code == 0 and story.read_text(encoding="utf-8") == SUPPRESSED


def test_codes_merge_into_a_comment_already_above_the_line(tmp_path):
    story = tmp_path / "merge.md"
    story.write_text(
        "# Pool\n\n<!-- newslint-disable-next-line NL201 -->\n"
        'The board said the the "reform" would go ahead.\n\n'
        "The pool reopened. <!-- newslint-disable-next-line NL3 -->\n"
        "Gareth Lowe claimed that the the pool was finished.\n",
        encoding="utf-8",
    )
    assert codes(str(story)) == [("NL902", 4), ("NL902", 7)]
    assert run_cli("--no-cache", "--add-noqa", str(story)).code == 0
    assert story.read_text(encoding="utf-8").splitlines()[2:7] == [
        "<!-- newslint-disable-next-line NL201,NL902 -->",
        'The board said the the "reform" would go ahead.',
        "",
        "The pool reopened. <!-- newslint-disable-next-line NL3,NL902 -->",
        "Gareth Lowe claimed that the the pool was finished.",
    ]
    assert codes(str(story)) == []


def test_line_ends_and_the_byte_order_mark_are_kept(tmp_path):
    story = tmp_path / "crlf.md"
    text = "# Pool\r\n\r\nThe board met on Monday.\r\nIt said the the pool would close.\r\n"
    story.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert run_cli("--no-cache", "--add-noqa", str(story)).code == 0
    assert story.read_bytes() == b"\xef\xbb\xbf" + (
        b"# Pool\r\n\r\nThe board met on Monday. <!-- newslint-disable-next-line NL902 -->\r\n"
        b"It said the the pool would close.\r\n"
    )
    assert codes(str(story)) == []


def test_plain_text_has_no_comment_syntax_and_is_left_alone(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("The board said the the pool would close.\n", encoding="utf-8")
    result = run_cli("--no-cache", "--add-noqa", "--format", "json", str(notes))
    assert result.code == 1 and [f["code"] for f in result.findings] == ["NL902"]
    assert f"{notes}: not Markdown, so no suppression comments added" in result.stderr
    assert notes.read_text(encoding="utf-8") == "The board said the the pool would close.\n"


def test_a_read_only_file_is_not_written(tmp_path):
    story = tmp_path / "locked.md"
    story.write_text("# Pool\n\nThe board said the the pool would close.\n", encoding="utf-8")
    story.chmod(stat.S_IRUSR | stat.S_IRGRP)
    before = story.read_bytes()
    result = run_cli("--no-cache", "--add-noqa", str(story))
    assert_named_error(result, str(story), "read-only")
    assert story.read_bytes() == before
    assert "NL902" in result.stdout  # still reported, as it is still there
    assert not [name for name in os.listdir(tmp_path) if name != "locked.md"]


@pytest.mark.parametrize("args", [["--fix"], ["--diff"], ["--write-baseline", "b.json"], ["-"]])
def test_add_noqa_does_not_go_with_fixing_recording_or_stdin(tmp_path, args):
    story = tmp_path / "a.md"
    story.write_text("# Pool\n\nThe board said the the pool would close.\n", encoding="utf-8")
    result = run_cli("--no-cache", "--add-noqa", *args, str(story), stdin=b"")
    assert result.code == 2 and "--add-noqa" in result.stderr
    assert story.read_text(encoding="utf-8").count("newslint-disable") == 0


def test_a_line_with_no_safe_place_for_a_comment_is_refused_and_left_alone():
    # Line 5 continues an indented code block: a comment there would be code, not a directive.
    source = Source(
        "code.md", "# Pool\n\nIt said the the pool would close.\n\n    code\n    more\n"
    )
    result = add_suppressions(source, {3: ["NL902"], 6: ["NL902"]})
    assert result.refused == (6,)
    assert result.added == 1
    assert result.text.splitlines()[2] == "<!-- newslint-disable-next-line NL902 -->"


@pytest.mark.slow
def test_an_archive_suppressed_with_add_noqa_lints_clean(tmp_path):
    paths = write_archive(tmp_path / "articles", 30, seed=5)
    before = {path: blocks(path) for path in paths}
    flagged = codes(str(tmp_path / "articles"))
    assert len(flagged) > 10
    result = run_cli("--no-cache", "--add-noqa", str(tmp_path / "articles"))
    assert (result.code, result.stdout) == (0, "No findings.\n"), result.stderr
    assert "no safe place" not in result.stderr
    assert codes(str(tmp_path / "articles")) == []
    assert {path: blocks(path) for path in paths} == before
