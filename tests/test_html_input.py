"""HTML input: prose from an HTML5 parse, character references decoded for analysis,
findings at the exact line and column of the HTML file, and ``--extract`` for whole
web pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.documents.decoded import DecodedSource, Reference, decoded_document
from newslint.documents.html import parse_html
from newslint.documents.loader import HtmlOptions, load_document
from newslint.documents.model import Block, BlockKind, Document
from newslint.documents.source import Source, decode
from newslint.rules.base import Edit, Finding, Fix, Severity
from newslint.rules.engine import in_file
from tests.conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "html"
# The story's findings, as the Markdown version gives them: (code, message).
STORY = [
    (
        "NL201",
        "Scare quotes around ‘modest’ cast doubt in our own voice; attribute or describe instead",
    ),
    (
        "NL202",
        "'so-called' casts doubt in our own voice; "
        "attribute the doubt or describe the thing plainly",
    ),
    ("NL102", "'are widely expected to' attributes to nobody in particular; name the source"),
    ("NL101", "Estimate 'About 30%' has no source; say who gives it"),
]


def _parse(text: str, name: str = "page.html", **options: object) -> Document:
    return parse_html(decode(text.encode("utf-8"), name), HtmlOptions(**options))


def _lint(tmp_path: Path, name: str, *args: str) -> list[dict]:
    shutil.copy(FIXTURES / name, tmp_path / name)
    result = run_cli("--no-cache", "--format", "json", *args, str(tmp_path / name))
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)


def _where(findings: list[dict]) -> list[tuple[int, int, int, int, str]]:
    return [(f["line"], f["column"], f["end_line"], f["end_column"], f["code"]) for f in findings]


def test_saved_web_page_with_extract_reports_only_the_article_at_exact_positions(tmp_path):
    found = _lint(tmp_path, "saved_page.html", "--extract")
    assert [(f["code"], f["message"]) for f in found] == STORY
    # Each position is the HTML file's: the headline's ‘modest’ is written &lsquo;modest&rsquo;.
    assert _where(found) == [
        (22, 55, 22, 75, "NL201"),
        (32, 45, 32, 54, "NL202"),
        (34, 20, 34, 42, "NL102"),
        (35, 6, 35, 15, "NL101"),
    ]
    lines = (FIXTURES / "saved_page.html").read_text(encoding="utf-8").splitlines()
    first = lines[21]
    assert first[54:74] == "&lsquo;modest&rsquo;"
    assert lines[31][44:53] == "so-called"
    article = (lines.index('<article class="story">') + 1, lines.index("</article>") + 1)
    assert all(article[0] < f["line"] < article[1] for f in found)


def test_the_same_page_without_extract_lints_the_chrome_it_keeps(tmp_path):
    found = _lint(tmp_path, "saved_page.html")
    # Related stories are a list in a <section>, not page chrome by tag: without
    # --extract they are prose, and their findings show.
    assert (42, "NL101") in [(f["line"], f["code"]) for f in found]


def test_a_clean_cms_export_gives_the_findings_of_its_markdown_version(tmp_path):
    html = _lint(tmp_path, "story.html")
    markdown = _lint(tmp_path, "story.md")
    assert [(f["code"], f["message"]) for f in html] == STORY
    assert [(f["code"], f["message"]) for f in markdown] == STORY
    assert _where(html) == [
        (1, 36, 1, 56, "NL201"),
        (4, 43, 4, 52, "NL202"),
        (5, 18, 5, 40, "NL102"),
        (6, 4, 6, 13, "NL101"),
    ]
    # Markdown's character references map back exactly too: the line holds
    # &ldquo;, &rdquo; and &rsquo; before 'so-called'.
    assert (7, 40, 7, 49, "NL202") in _where(markdown)


def test_chrome_elements_scripts_comments_and_attributes_are_not_prose():
    page = (FIXTURES / "saved_page.html").read_text(encoding="utf-8")
    text = " ".join(block.text for block in _parse(page).blocks)
    for chrome in ("Accept all", "News", "Sport", "trackRead", "dataLayer", "rights reserved"):
        assert chrome not in text
    assert "We use cookies" in text  # a banner in a <div>'s <p> is prose unless extracted
    comment, image = "<!-- not this -->", "<img alt='Grey skies'>"
    document = _parse(f"<p>Rain {comment} fell {image} today.</p>")
    blanked = f"Rain {' ' * len(comment)} fell {' ' * len(image)} today."
    assert [b.text for b in document.blocks] == [blanked]


def test_blocks_take_their_kind_from_the_element_and_its_container():
    document = _parse(
        "<h1>Title</h1><h1>Second</h1><h2>Part</h2><p>Body.</p>"
        "<ul><li>Item<p>Inside</p>tail</li></ul><blockquote><p>Quoted.</p></blockquote>"
        "<figure><figcaption>Caption.</figcaption></figure>"
        "<table><tr><th>Town</th><td>1,200</td></tr></table>"
    )
    assert [(b.kind, b.text) for b in document.blocks] == [
        (BlockKind.HEADLINE, "Title"),
        (BlockKind.HEADING, "Second"),
        (BlockKind.HEADING, "Part"),
        (BlockKind.PARAGRAPH, "Body."),
        (BlockKind.LIST_ITEM, "Item"),
        (BlockKind.LIST_ITEM, "Inside"),
        (BlockKind.LIST_ITEM, "tail"),
        (BlockKind.BLOCK_QUOTE, "Quoted."),
        (BlockKind.PARAGRAPH, "Caption."),
        (BlockKind.TABLE_CELL, "Town"),
        (BlockKind.TABLE_CELL, "1,200"),
    ]
    assert not any(b.is_body for b in document.blocks if b.kind is BlockKind.TABLE_CELL)


def test_character_references_are_decoded_and_map_back_to_the_file():
    text = "<p>It&rsquo;s &ldquo;fine&#8221; &amp; &#x2014; &notit; done</p>\r\n<p>Two&nbsp;x</p>"
    document = _parse(text)
    first, second = document.blocks
    assert first.text == "It’s “fine” & — ¬it; done"
    assert second.text == "Two\u00a0x"
    source = document.source
    assert isinstance(source, DecodedSource)
    for block in document.blocks:
        for i, char in enumerate(block.text):
            assert source.text[block.start + i] == char
    # 'done' is where the file has it; the second paragraph starts line 2.
    done = first.start + first.text.index("done")
    assert source.position(done) == (1, text.index("done") + 1)
    assert source.position(second.start) == (2, 4)
    assert source.original_offset(first.start + first.text.index("“")) == text.index("&ldquo;")
    assert source.original_offset(first.start + first.text.index("“") + 1) == text.index("fine")


def test_the_skip_list_and_alt_text_are_options():
    page = (
        "<p>Body.</p><aside><p>Aside.</p></aside>"
        "<div class='x'><p>Kept <img alt=\"A &amp; B\"></p></div>"
    )
    assert [b.text for b in _parse(page).blocks] == ["Body.", "Kept"]
    assert [b.text for b in _parse(page, skip_tags=frozenset()).blocks] == [
        "Body.",
        "Aside.",
        "Kept",
    ]
    with_alt = _parse(page, alt_text=True).blocks
    assert with_alt[-1].text == "Kept" + " " * len(' <img alt="') + "A & B"


def test_skip_tags_and_alt_text_come_from_the_config(tmp_path):
    page = tmp_path / "page.htm"
    page.write_text(
        "<p>It was <img alt='A so-called plan'> late.</p>\n"
        "<table><tr><td>It was a so-called plan.</td></tr></table>\n",
        encoding="utf-8",
    )
    plain = run_cli("--no-cache", "--format", "json", "--select", "NL202", str(page))
    assert [(f["line"], f["column"]) for f in json.loads(plain.stdout)] == [(2, 25)]
    (tmp_path / "newslint.toml").write_text('skip-tags = ["table"]\nalt-text = true\n')
    configured = run_cli("--no-cache", "--format", "json", "--select", "NL202", str(page))
    assert [(f["line"], f["column"]) for f in json.loads(configured.stdout)] == [(1, 23)]


def test_fixes_on_decoded_text_are_mapped_back_to_the_file():
    source = decode(b"<p>A &ldquo;b&rdquo; c</p>", "x.html")
    document = parse_html(source)
    decoded = document.source
    start = decoded.text.index("“")
    finding = Finding(
        "x.html",
        1,
        6,
        1,
        7,
        "NL504",
        "typography",
        Severity.INFO,
        "m",
        start,
        start + 1,
        fix=Fix((Edit(start, start + 1, '"'),)),
    )
    mapped = in_file(finding, decoded)
    assert (mapped.start, mapped.end) == (5, 12)
    assert mapped.fix == Fix((Edit(5, 12, '"'),))


def test_decoded_document_without_references_is_the_same_document():
    source = Source("x.md", "Plain text.")
    document = Document(source, (Block(BlockKind.PARAGRAPH, 0, 11, "Plain text."),))
    assert decoded_document(document, []) is document
    decoded = decoded_document(document, [Reference(0, 5, "P")]).source
    assert decoded.text == "P text."
    assert decoded.position(2) == (1, 7)


def test_extract_on_a_page_with_no_article_lints_it_all_with_a_notice():
    document = _parse("<ul><li>One</li></ul>", extract=True)
    assert [b.text for b in document.blocks] == ["One"]
    assert "found no article body" in document.notices[0]


def test_load_document_reads_html_by_suffix():
    source = decode(b"<p>Hello &amp; welcome</p>", "Page.HTM")
    assert load_document(source).blocks[0].text == "Hello & welcome"


HTML_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<li>",
        "<h1>",
        "<td>",
        "<table>",
        "<tr>",
        "<blockquote>",
        "<b>",
        "</b>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<nav>",
        "</nav>",
        "&amp;",
        "&mdash;",
        "&#8220;",
        "&#x0;",
        "&notit;",
        "&bogus;",
        "&",
        "<",
        ">",
        "\r\n",
        "\n",
        "\r",
        "\x00",
        " ",
        "word",
        "“",
        "<img alt='a &amp; b'>",
        "<template>",
        "<svg>",
        "<pre>",
        "'",
        '"',
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(HTML_PIECES, st.text(max_size=4)), max_size=40), st.booleans())
def test_any_html_parses_and_every_block_maps_to_the_source(pieces, alt_text):
    text = "".join(pieces)
    document = parse_html(Source("page.html", text), HtmlOptions(alt_text=alt_text))
    source = document.source
    previous_end = 0
    for block in document.blocks:
        assert previous_end <= block.start < block.end <= len(source.text)
        previous_end = block.end
        assert block.text == block.text.strip() and "\n" not in block.text
        for i, char in enumerate(block.text):
            if char != " ":
                assert source.text[block.start + i] == char
                at = source.original_offset(block.start + i)
                assert text[at] in (char, "&")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(HTML_PIECES, st.text(max_size=4)), max_size=40))
def test_extract_never_raises_on_any_html(pieces):
    document = parse_html(Source("page.html", "".join(pieces)), HtmlOptions(extract=True))
    assert all(block.text.strip() for block in document.blocks)


def test_suppression_comments_work_in_html(tmp_path):
    page = tmp_path / "page.html"
    sentence = "<p>The so-called consultation drew 412 responses.</p>\n"
    page.write_text(
        f"<h1>Fares</h1>\n{sentence}<!-- newslint-disable-next-line NL202 -->\n{sentence}",
        encoding="utf-8",
    )
    found = json.loads(run_cli("--no-cache", "--format", "json", str(page)).stdout)
    assert [(f["line"], f["column"], f["code"]) for f in found] == [(2, 8, "NL202")]
