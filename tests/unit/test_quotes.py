import pytest

from newslint.analysis.quotes import Mark, scan_quotes
from newslint.documents.plaintext import parse_plaintext
from newslint.documents.source import decode


def quotes(text: str):
    doc = parse_plaintext(decode(text.encode(), "x.txt"))
    scan = scan_quotes(doc)
    return doc.source.text, scan


def inners(text: str) -> list[str]:
    source, scan = quotes(text)
    return [q.inner(source) for q in scan.quotes]


@pytest.mark.parametrize(
    "text",
    [
        "O’Brien met Russia’s envoy.",
        "O'Brien met Russia's envoy.",
        "The officials’ report was late.",
        "The operators' union met.",
        "Music from the ’90s and the '80s returned.",
        "They sang rock 'n' roll until dawn.",
    ],
)
def test_apostrophes_are_not_quotes(text):
    _, scan = quotes(text)
    assert scan.quotes == [] and scan.stray_closers == []


def test_single_quote_closing_after_final_s_closes_the_quote():
    assert inners("Voters held 'referendums' on Friday.") == ["referendums"]
    assert inners("Voters held ‘referendums’ on Friday.") == ["referendums"]


def test_straight_and_curly_double_quotes():
    assert inners('She said "no" twice and “yes” once.') == ["no", "yes"]


def test_nested_quotes_record_depth():
    source, scan = quotes("He said: \"They called it 'theft' at the time.\"")
    outer, inner = scan.quotes
    assert inner.inner(source) == "theft" and inner.depth == 1
    assert outer.depth == 0 and outer.inner(source).startswith("They called")


def test_quote_continues_into_a_paragraph_that_reopens_it():
    text = 'She said: "We will stay.\n\n"We will not be moved."\n\nThe end.'
    source, scan = quotes(text)
    assert len(scan.quotes) == 1
    quote = scan.quotes[0]
    assert quote.blocks == (0, 1) and quote.close == source.index('moved."') + 6
    assert quote.reopens == (source.index('"We will not'),)


def test_unclosed_quote_without_continuation_is_unclosed():
    source, scan = quotes('She said "we will stay.\n\nThe end.')
    assert [q.close for q in scan.quotes] == [None]
    assert scan.quotes[0].end == source.index(".\n") + 1


def test_stray_closing_double_quote_is_recorded():
    source, scan = quotes("The vote ended” and we left.")
    assert scan.stray_closers == [source.index("”")]


def test_quote_marks_know_their_kind():
    _, scan = quotes("A \"b\" and 'c'.")
    assert [q.mark for q in scan.quotes] == [Mark.DOUBLE, Mark.SINGLE]
