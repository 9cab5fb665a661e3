"""Hardening: cost linear in the input, and text longer than the model's max_length.

A paragraph longer than spaCy's ``max_length`` (error E088) is parsed in pieces cut at
sentence ends, never refused, with offsets kept exact; a long single paragraph and a
paragraph full of quote marks are linted correctly. Speed itself is measured by
``bench/linear.py``, never here: the subprocess timeout only catches a hang.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.analysis.nlp import PIECE_CHARS, Need, components_for, load_model, pieces
from tests.conftest import Result, run_cli, run_process

HANG = 600  # seconds: only a hang, or cost far beyond linear, reaches it
SELECT = "NL101,NL201,NL301,NL501,NL902,NL903"  # NL101 needs the whole model

FILLER = (
    "The library on Mill Road opened a new reading room on Monday.",
    "Ana Cruz, who chairs the library board, said the room would stay open until nine.",
    "Volunteers painted the walls and fixed the old shelves over the summer.",
    "The board plans to add a children's corner before the winter term.",
)
CLAIMED = "Tom Reyes claimed the roof had been repaired."
YESTERDAY = "The board met yesterday to approve the budget."
OTHER = "The council will vote on the the new bus routes in May.\n"


def filler(sentences: int, separator: str) -> str:
    return separator.join(FILLER[i % len(FILLER)] for i in range(sentences))


def position(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first ``needle`` in ``text``."""
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def assert_linted(result: Result, *paths: Path) -> None:
    """Findings reported (exit 1), no traceback, and the other file's finding there."""
    assert result.code == 1, (result.code, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    other = [f for f in result.findings if f["path"].endswith("other.txt")]
    assert [(f["code"], f["line"], f["column"]) for f in other] == [("NL902", 1, 30)]
    for path in paths:
        assert str(path) in {f["path"] for f in result.findings}


def test_pieces_cut_after_sentence_ends_and_keep_every_character() -> None:
    text = "One two three. Four five six. Seven eight nine."
    assert pieces(text, 20) == ["One two three. ", "Four five six. ", "Seven eight nine."]
    assert pieces("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert pieces("aa bb cc dd", 6) == ["aa bb ", "cc dd"]
    assert pieces(text, len(text)) == [text]


@pytest.mark.slow
def test_paragraph_over_max_length_is_parsed_in_pieces(tmp_path: Path) -> None:
    """The real model with a small max_length: E088 before; now each line of the
    paragraph may start a piece, and findings past the cuts keep their line and column."""
    lines = [filler(40, "\n"), CLAIMED, filler(40, "\n"), YESTERDAY, filler(8, "\n")]
    text = "Library reopens\n\n" + "\n".join(lines) + "\n"
    article = write(tmp_path, "article.txt", text)
    other = write(tmp_path, "other.txt", OTHER)
    nlp = load_model(None, components_for({Need.PARSE, Need.ENTITIES}))
    saved = nlp.max_length
    nlp.max_length = 1_000
    try:
        assert len(text) > 6 * nlp.max_length
        result = run_cli(
            "--no-cache", "--format", "json", "--select", SELECT, str(article), str(other)
        )
    finally:
        nlp.max_length = saved
    assert_linted(result, article)
    assert result.at("NL301") == [position(text, "claimed")]
    assert result.at("NL501") == [position(text, "yesterday")]
    assert position(text, "yesterday") > (80, 1)
    assert article.read_bytes() == text.encode("utf-8")


@pytest.mark.slow
def test_long_paragraph_and_many_quote_marks(tmp_path: Path) -> None:
    """One paragraph longer than a parse piece, and one with 3,000 quote marks, linted
    in one run of the real CLI with exact findings."""
    long = " ".join([filler(400, " "), CLAIMED, filler(320, " "), YESTERDAY, filler(40, " ")])
    long_text = "Library reopens\n\n" + long + "\n"
    quoted = " ".join(
        f'The panel called plan {n} "bold", "costly" and "late", Mei Lin said.' for n in range(500)
    )
    quotes_text = quoted + ' Then a critic said it was "unfinished.\n'
    first = write(tmp_path, "long.txt", long_text)
    second = write(tmp_path, "quotes.txt", quotes_text)
    other = write(tmp_path, "other.txt", OTHER)
    assert len(long) > PIECE_CHARS and quotes_text.count('"') == 3_001

    result = run_process(
        "--no-cache",
        "--format",
        "json",
        "--select",
        SELECT,
        str(first),
        str(second),
        str(other),
        timeout=HANG,
    )

    assert_linted(result, first, second)
    by_file = {
        path: [f for f in result.findings if f["path"] == str(path)] for path in (first, second)
    }
    assert [(f["code"], f["line"], f["column"]) for f in by_file[first]] == [
        ("NL301", *position(long_text, "claimed")),
        ("NL501", *position(long_text, "yesterday")),
    ]
    assert [(f["code"], f["line"], f["column"]) for f in by_file[second]] == [
        ("NL903", *position(quotes_text, '"unfinished')),
    ]
    assert first.read_bytes() == long_text.encode("utf-8")
    assert second.read_bytes() == quotes_text.encode("utf-8")
