from __future__ import annotations

from newslint.documents.markdown import parse_markdown
from newslint.documents.model import Block, BlockKind, Document, Suppression
from newslint.documents.source import decode

ARTICLE = """\
---
title: Front matter title
slug: harbour-vote
---
# Harbour plan *wins* vote #

The council backed the [harbour plan](https://example.org/plan "Plan PDF") on Tuesday.
Members said the `budget_v2` figure was **final** and snake_case names stay.

## What happens next

- Work starts in *May*
- Costs rise 2 * 3 percent
  over two years

> Residents were \\*pleased\\* with <em>the</em> result.
> Some asked for more.

```python
print("fenced code stays out")
```

    indented code stays out too

<!-- a plain comment stays out -->

Setext heading here
-------------------

See the [report][r], the [minutes], and ![a chart](chart.png) at <https://example.org/x>.

[r]: https://example.org/report "Report title"
[minutes]: https://example.org/minutes
"""


def parse(text: str, *, newline: str = "\n") -> Document:
    return parse_markdown(decode(text.replace("\n", newline).encode("utf-8"), "x.md"))


def assert_aligned(doc: Document) -> None:
    """Every visible character of a block's text is the source character at that offset."""
    for block in doc.blocks:
        assert len(block.text) == block.end - block.start
        assert block.text == block.text.strip()
        for i, char in enumerate(block.text):
            if char != " ":
                assert char == doc.source.text[block.start + i], (block, i)


def words(block: Block) -> str:
    return " ".join(block.text.split())


def assert_word_at(doc: Document, block: Block, word: str) -> None:
    """``word`` sits in block.text at the same place as in the source."""
    index = block.text.index(word)
    assert doc.source.text[block.start + index : block.start + index + len(word)] == word


def test_kinds_and_prose():
    doc = parse(ARTICLE)
    assert_aligned(doc)
    assert [(b.kind, words(b)) for b in doc.blocks] == [
        (BlockKind.HEADLINE, "Harbour plan wins vote"),
        (
            BlockKind.PARAGRAPH,
            "The council backed the harbour plan on Tuesday. Members said the figure "
            "was final and snake_case names stay.",
        ),
        (BlockKind.HEADING, "What happens next"),
        (BlockKind.LIST_ITEM, "Work starts in May"),
        (BlockKind.LIST_ITEM, "Costs rise 2 * 3 percent over two years"),
        (BlockKind.BLOCK_QUOTE, "Residents were *pleased * with the result. Some asked for more."),
        (BlockKind.HEADING, "Setext heading here"),
        (BlockKind.PARAGRAPH, "See the report , the minutes , and at ."),
    ]


def test_block_spans_are_first_and_last_prose_characters():
    doc = parse(ARTICLE)
    text = doc.source.text
    spans = [text[b.start : b.end] for b in doc.blocks]
    assert spans[0] == "Harbour plan *wins* vote"
    assert spans[2] == "What happens next"
    assert spans[3] == "Work starts in *May"  # the closing marker is not prose
    assert spans[4] == "Costs rise 2 * 3 percent\n  over two years"
    assert spans[5].startswith("Residents were") and spans[5].endswith("for more.")
    assert spans[6] == "Setext heading here"
    assert spans[7].startswith("See the [report]")
    assert spans[7].endswith("<https://example.org/x>.")
    for block, word in [
        (doc.blocks[1], "Tuesday."),
        (doc.blocks[5], "pleased"),
        (doc.blocks[7], "minutes"),
    ]:
        assert_word_at(doc, block, word)


def test_markup_is_blanked_in_place():
    doc = parse(ARTICLE)
    headline, paragraph, _, first_item, second_item, quote = doc.blocks[:6]
    assert headline.text == "Harbour plan  wins  vote"
    assert first_item.text == "Work starts in  May"
    assert "final" in paragraph.text and "**" not in paragraph.text
    assert "snake_case" in paragraph.text
    assert "2 * 3" in second_item.text
    # escaped asterisks keep the asterisk, lose the backslash; the quote marker is blanked
    assert "\\" not in quote.text and ">" not in quote.text
    assert " *pleased * with     the      result." in quote.text


def test_non_prose_is_never_in_a_block():
    doc = parse(ARTICLE)
    absent = [
        "Front matter title",
        "slug",
        "example.org",
        "Plan PDF",
        "budget_v2",
        "fenced code",
        "indented code",
        "plain comment",
        "<em>",
        "chart",
        "Report title",
        "---",
        "#",
        "[",
        "]",
        "(",
    ]
    for block in doc.blocks:
        for fragment in absent:
            assert fragment not in block.text, (fragment, block)


def test_toml_front_matter_is_not_prose():
    doc = parse('+++\ntitle = "Hidden"\n+++\nVisible line.\n')
    assert [words(b) for b in doc.blocks] == ["Visible line."]
    assert doc.blocks[0].start == doc.source.text.index("Visible")


def test_unclosed_front_matter_is_markdown():
    doc = parse("---\nNot front matter.\n")
    assert [words(b) for b in doc.blocks] == ["Not front matter."]


def test_headline_only_for_a_leading_level_one_heading():
    doc = parse("Opening line.\n\n# Later title\n")
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.HEADING]


def test_blocks_without_prose_are_dropped():
    doc = parse("#\n\n![only an image](pic.png)\n\n`just code`\n\n## Kept\n")
    assert [(b.kind, b.text) for b in doc.blocks] == [(BlockKind.HEADING, "Kept")]


def test_crlf_offsets_are_exact():
    lf, crlf = parse(ARTICLE), parse(ARTICLE, newline="\r\n")
    assert_aligned(crlf)
    assert [b.kind for b in crlf.blocks] == [b.kind for b in lf.blocks]
    for a, b in zip(lf.blocks, crlf.blocks, strict=True):
        assert a.text.split() == b.text.split()
        assert lf.source.position(a.start) == crlf.source.position(b.start)
        assert lf.source.position(a.end) == crlf.source.position(b.end)
    item = crlf.blocks[4]
    assert crlf.source.text[item.start : item.end] == "Costs rise 2 * 3 percent\r\n  over two years"
    assert item.text == "Costs rise 2 * 3 percent    over two years"


def test_cr_line_ends():
    doc = parse("Short *one*\nsecond line\n\n## Title ##\n", newline="\r")
    assert_aligned(doc)
    assert [b.text for b in doc.blocks] == ["Short  one  second line", "Title"]
    assert doc.source.position(doc.blocks[1].start) == (4, 4)


def test_emoji_tabs_and_curly_quotes():
    text = "# Fans 🎉 cheer\n\n> Crowd\t“roared” 🙂 for\t*hours*\n> after the [final](https://x.test).\n"
    doc = parse(text)
    assert_aligned(doc)
    heading, quote = doc.blocks
    assert doc.source.text[heading.start : heading.end] == "Fans 🎉 cheer"
    assert quote.kind is BlockKind.BLOCK_QUOTE
    assert quote.text.startswith("Crowd\t“roared” 🙂 for\t hours ")
    for word in ["“roared”", "🙂", "hours", "after", "final"]:
        assert_word_at(doc, quote, word)
    assert doc.source.text[quote.end - 1] == "."


def test_tab_indented_list_and_hard_break():
    doc = parse("-\tFirst\tpoint\\\n\tcontinues here\n")
    assert_aligned(doc)
    (item,) = doc.blocks
    assert item.kind is BlockKind.LIST_ITEM
    assert item.text == "First\tpoint   continues here"


def test_nested_containers_use_the_innermost():
    doc = parse("> - Inside a quoted list\n\n- > Quoted inside an item\n")
    assert [b.kind for b in doc.blocks] == [BlockKind.LIST_ITEM, BlockKind.BLOCK_QUOTE]


def test_link_text_kept_at_its_offset_across_lines():
    doc = parse('> See the [long\n> title](https://x.test/a(b) "Say\n> more") here.\n')
    assert_aligned(doc)
    (quote,) = doc.blocks
    assert words(quote) == "See the long title here."
    assert_word_at(doc, quote, "title")


def test_suppression_ranges():
    text = (
        "Line one.\n"  # 1
        "<!-- newslint-disable NL201, NL202 -->\n"  # 2
        "\n"  # 3
        "Line four.\n"  # 4
        "<!-- newslint-enable NL201 -->\n"  # 5
        "\n"  # 6
        "<!-- newslint-disable-next-line NL300 -->\n"  # 7
        "\n"  # 8
        "Line nine.\n"  # 9
        "\n"  # 10
        "Line eleven <!-- newslint-disable --> and more.\n"  # 11
        "Line twelve.\n"  # 12
        "<!-- newslint-enable -->\n"  # 13
        "<!-- newslint-disable-next-line -->\n"  # 14
        "Line fifteen.\n"  # 15
    )
    doc = parse(text)
    assert set(doc.suppressions) == {
        Suppression(2, 5, frozenset({"NL201"})),
        Suppression(9, 9, frozenset({"NL300"})),
        Suppression(11, 13, frozenset()),
        Suppression(2, 13, frozenset({"NL202"})),
        Suppression(15, 15, frozenset()),
    }
    assert doc.suppressed(4, "NL202") and not doc.suppressed(6, "NL201")
    assert doc.suppressed(12, "NL999") and not doc.suppressed(14, "NL999")
    assert [words(b) for b in doc.blocks][3] == "Line eleven and more. Line twelve."


def test_unclosed_disable_runs_to_end_of_file():
    doc = parse("<!-- newslint-disable NL1 -->\n\nText.\n\nMore text.")
    assert doc.suppressions == (Suppression(1, 5, frozenset({"NL1"})),)


def test_comments_in_code_do_not_suppress():
    doc = parse("```\n<!-- newslint-disable -->\n```\n\nUse `<!-- newslint-disable -->` here.\n")
    assert doc.suppressions == ()
    assert words(doc.blocks[0]) == "Use here."
