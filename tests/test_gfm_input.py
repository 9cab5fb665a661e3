"""GitHub-flavoured Markdown: tables, footnotes, strikethrough and task lists. A table
cell is not a paragraph; footnote text is prose; character references are decoded with
exact positions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from newslint.documents.decoded import DecodedSource
from newslint.documents.markdown import parse_markdown
from newslint.documents.model import BlockKind
from newslint.documents.source import decode
from tests.conftest import run_cli

ARTICLE = Path(__file__).parent / "fixtures" / "html" / "gfm_article.md"
TABLE_LINES = range(5, 10)  # the table of figures, header to last row


def _parse(text: str):
    return parse_markdown(decode(text.encode("utf-8"), "x.md"))


def _lint(path: Path, *args: str) -> list[dict]:
    result = run_cli("--no-cache", "--format", "json", *args, str(path))
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_a_gfm_article_has_no_table_cell_findings_and_its_footnote_is_linted(tmp_path):
    path = tmp_path / ARTICLE.name
    shutil.copy(ARTICLE, path)
    found = _lint(path, "--select", "ALL")
    assert not [f for f in found if f["line"] in TABLE_LINES]
    assert [(f["line"], f["column"], f["end_column"], f["code"]) for f in found] == [
        (18, 15, 24, "NL202")
    ]


def test_the_same_rows_as_paragraphs_would_be_flagged(tmp_path):
    lines = ARTICLE.read_text(encoding="utf-8").splitlines()
    rows = [line.strip("| ").replace(" | ", ", ") for line in lines[5:9] if "---" not in line]
    path = tmp_path / "rows.md"
    path.write_text("# Rows\n\n" + "\n\n".join(rows) + "\n", encoding="utf-8")
    assert {"NL101", "NL402"} <= {f["code"] for f in _lint(path, "--select", "ALL")}


def test_table_cells_are_their_own_blocks_at_exact_offsets():
    text = "Intro.\n\n| Town | People |\n|---|--:|\n| Ashby &amp; Co | **1,200** |\n"
    document = _parse(text)
    cells = [b for b in document.blocks if b.kind is BlockKind.TABLE_CELL]
    assert [b.text for b in cells] == ["Town", "People", "Ashby & Co", "1,200"]
    assert all(not b.is_body for b in cells)
    source = document.source
    assert isinstance(source, DecodedSource)
    assert source.position(cells[2].start) == (5, 3)
    assert source.position(cells[3].start) == (5, text.splitlines()[4].index("1,200") + 1)


def test_footnotes_strikethrough_and_task_boxes_are_markup():
    text = (
        "Sailings fell[^1] and ~~twenty~~ fourteen remain.\n\n"
        "- [x] Check times\n- [ ] Book early\n\n"
        "[^1]: The board gave the figures.\n"
    )
    document = _parse(text)
    assert [(b.kind, b.text) for b in document.blocks] == [
        (BlockKind.PARAGRAPH, "Sailings fell     and   twenty   fourteen remain."),
        (BlockKind.LIST_ITEM, "Check times"),
        (BlockKind.LIST_ITEM, "Book early"),
        (BlockKind.PARAGRAPH, "The board gave the figures."),
    ]
    footnote = document.blocks[-1]
    assert text[footnote.start : footnote.end] == footnote.text


def test_markdown_character_references_are_decoded_with_exact_positions():
    text = "# Title\n\nA &ldquo;quote&rdquo; &amp; `&amp; code` &bogus; &#8212; end.\n"
    document = _parse(text)
    block = document.blocks[1]
    assert block.text == "A “quote” & " + " " * len("`&amp; code`") + " &bogus; — end."
    source = document.source
    for i, char in enumerate(block.text):
        assert char == " " or source.text[block.start + i] == char
    end = block.start + block.text.index("end")
    assert source.position(end) == (3, text.splitlines()[2].index("end") + 1)
    assert source.original_offset(end) == text.index("end.")
