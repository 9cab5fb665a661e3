from newslint.documents.model import BlockKind
from newslint.documents.plaintext import parse_plaintext
from newslint.documents.source import decode


def parse(text: str):
    return parse_plaintext(decode(text.encode(), "x.txt"))


def test_blank_lines_separate_paragraphs_and_short_first_block_is_headline():
    doc = parse("Mayor opens bridge\n\nThe bridge opened on Monday.\nIt cost less.\n\nNext.\n")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [BlockKind.HEADLINE, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    second = doc.blocks[1]
    assert (
        doc.source.text[second.start : second.end] == "The bridge opened on Monday.\nIt cost less."
    )
    assert second.text == "The bridge opened on Monday. It cost less."


def test_first_block_with_end_punctuation_is_a_paragraph():
    doc = parse("The bridge opened on Monday.\n\nMore text here.")
    assert doc.blocks[0].kind is BlockKind.PARAGRAPH


def test_short_unpunctuated_later_block_is_a_heading():
    doc = parse("Mayor opens bridge\n\nThe bridge opened.\n\nWhat happens next\n\nMore.")
    assert doc.blocks[2].kind is BlockKind.HEADING


def test_headline_ending_in_a_quote_mark_is_still_a_headline():
    doc = parse("Council backs 'green' plan\n\nBody text.")
    assert doc.blocks[0].kind is BlockKind.HEADLINE


def test_crlf_offsets_are_exact():
    doc = parse("Title here\r\n\r\nFirst line\r\nsecond line.\r\n")
    body = doc.blocks[1]
    assert doc.source.position(body.start) == (3, 1)
    assert body.text == "First line  second line."


def test_headline_and_deck_on_two_lines_are_the_headline():
    doc = parse("Ferry fares to rise;\nIslanders face an 8% increase.\n\nThe operator said so.\n")
    assert [b.kind for b in doc.blocks] == [BlockKind.HEADLINE, BlockKind.PARAGRAPH]


def test_hard_wrapped_first_paragraph_is_not_a_headline():
    doc = parse("The operator said on Monday that fares\nwould rise by 8% in May.\n\nMore.\n")
    assert doc.blocks[0].kind is BlockKind.PARAGRAPH


def test_trailing_spaces_do_not_split_a_block():
    doc = parse("Ferry fares to rise; \nIslanders face an 8% increase.\n\nThe operator said so.\n")
    assert [b.kind for b in doc.blocks] == [BlockKind.HEADLINE, BlockKind.PARAGRAPH]
