import pytest

from newslint.analysis.quotes import Mark, mark_at, scan_quotes
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


def test_two_apostrophes_are_a_double_quote():
    source, scan = quotes("The mayor called it ''a fair deal'' on Monday.")
    [quote] = scan.quotes
    assert quote.mark is Mark.DOUBLE and quote.width == 2
    assert quote.inner(source) == "a fair deal"
    assert mark_at(source, quote.open) == "''"


def test_three_apostrophes_open_and_close_a_quote_within_a_quote():
    source, scan = quotes("''They told me, 'wait here,''' the pilot said.")
    outer, inner = scan.quotes
    assert outer.inner(source) == "They told me, 'wait here,'"
    assert inner.inner(source) == "wait here," and inner.depth == 1
    assert scan.stray_closers == []


def test_quote_marks_inside_markup_tags_are_not_quotes():
    text = '<post id="77" author="@harbour">Ferries are late again</post>.'
    _, scan = quotes(text)
    assert scan.quotes == [] and scan.stray_closers == []


def test_curly_marks_typed_the_wrong_way_round_are_read_by_their_place():
    assert inners("The union called the offer “insulting“ in a letter.") == ["insulting"]
    assert inners("The pilot said ”we sail at noon.”") == ["we sail at noon."]
    assert inners("The pilot said: “We sail at noon. “") == ["We sail at noon. "]


def test_two_closing_marks_in_a_paragraph_make_one_quote():
    source, scan = quotes("He says,” nobody asked the crew.”")
    assert [q.inner(source) for q in scan.quotes] == [" nobody asked the crew."]
    assert scan.stray_closers == []


def test_a_lone_opening_glyph_closes_an_open_quote_of_its_kind():
    text = "“They told us, ‘the ferry is safe, ‘ and we believed them,” she said."
    _, scan = quotes(text)
    assert [q.close is not None for q in scan.quotes] == [True, True]


@pytest.mark.parametrize("text", ["The new pilot is 6'2\" tall.", "The new pilot is 5’11” tall."])
def test_feet_and_inches_are_primes_not_quotes(text):
    _, scan = quotes(text)
    assert scan.quotes == [] and scan.stray_closers == []


def test_a_closing_prime_inside_a_quote_does_not_end_it():
    source, scan = quotes("“He is only 5’2”, and fast,” the coach said.")
    [quote] = scan.quotes
    assert quote.inner(source) == "He is only 5’2”, and fast,"


@pytest.mark.parametrize("text", ["Talks with In 't Veld went well.", "How ‘bout that."])
def test_elided_words_are_apostrophes(text):
    _, scan = quotes(text)
    assert scan.quotes == []


def test_glued_straight_quote_opens_when_none_is_open():
    assert inners('The chair told them:"We are done." Then she left.') == ["We are done."]
    assert inners('He spoke of"shared goals" at length.') == ["shared goals"]


def test_quote_reopened_after_a_sentence_on_the_same_line_continues():
    text = '"We will appeal. "And we will win," she said.'
    source, scan = quotes(text)
    [quote] = scan.quotes
    assert quote.close == source.index('win,"') + 4
    assert quote.reopens == (source.index('"And'),)


def test_unclosed_chain_reports_its_last_opening_mark():
    text = '"We will appeal. "And we will win, she said.\n\nThe end.'
    source, scan = quotes(text)
    [quote] = scan.quotes
    assert quote.close is None and quote.last_open == source.index('"And')


def test_a_quote_nested_in_other_marks_after_a_sentence_is_not_a_reopening():
    text = '"The minister is away. “We have no comment,” an aide wrote, she said."'
    _, scan = quotes(text)
    assert len(scan.quotes) == 2 and all(q.close is not None for q in scan.quotes)
    assert scan.stray_closers == []
