"""Quote attribution on the real model: who says the quoted words."""

import pytest

from newslint.analysis.nlp import Need, components_for, load_model
from newslint.analysis.pipeline import analyse
from newslint.documents.plaintext import parse_plaintext
from newslint.documents.source import decode


@pytest.fixture(scope="module")
def nlp():
    return load_model(None, components_for({Need.PARSE}))


def quotes(nlp, text: str):
    document = parse_plaintext(decode(text.encode(), "x.txt"))
    [analysis] = analyse([document], nlp)
    source = analysis.text
    return [
        (
            q.inner(source),
            q.direct,
            source[q.act.speaker[0] : q.act.speaker[1]] if q.act else None,
            source[q.act.cue[0] : q.act.cue[1]] if q.act else None,
        )
        for q in analysis.quotes.quotes
    ]


def test_partial_quote_in_a_reported_clause(nlp):
    text = 'Union leader Ana Cruz said the union would "consider" any offer.'
    assert quotes(nlp, text) == [("consider", False, "Union leader Ana Cruz", "said")]


def test_direct_quote_with_inverted_speaker_and_following_quote(nlp):
    text = '"We will not accept this," said Tom Ode. "It is an insult."'
    assert quotes(nlp, text) == [
        ("We will not accept this,", True, "Tom Ode", "said"),
        ("It is an insult.", True, "Tom Ode", "said"),
    ]


def test_colon_introduced_quote_over_two_paragraphs(nlp):
    text = 'The mayor told the meeting: "We are ready.\n\n"We start on Monday."\n'
    [quote] = quotes(nlp, text)
    assert quote[1:] == (True, "The mayor", "told")


def test_according_to(nlp):
    text = 'The plan was "dead on arrival", according to the mayor.'
    assert quotes(nlp, text) == [("dead on arrival", False, "the mayor", "according to")]


def test_quote_inside_the_subject_is_not_attributed(nlp):
    text = "Towns that held 'votes' will join the region, says the ministry"
    assert quotes(nlp, text) == [("votes", False, None, None)]


def test_non_speech_verb_does_not_attribute(nlp):
    text = "The 'reform' is the same tactic it used to claim the port in 2010."
    assert quotes(nlp, text) == [("reform", False, None, None)]


def test_sentences_never_cross_blocks(nlp):
    document = parse_plaintext(decode(b"World\n\nThe council met on Monday.", "x.txt"))
    [analysis] = analyse([document], nlp)
    assert [s.span.text for s in analysis.sentences()] == ["World", "The council met on Monday."]


def test_lead_ins_ending_with_a_colon_set_off_the_next_paragraph(nlp):
    text = (
        "Harbour strike\n\nThe strike spread on Monday.\n\nFrom the Ledger:\n\n"
        "The dockers walked out.\n\nThey met at dawn.\n\nIn a post, she wrote:\n\n"
        "We will sail.\n"
    )
    [analysis] = analyse([parse_plaintext(decode(text.encode(), "x.txt"))], nlp)
    lead_ins = [analysis.lead_in(b) for b in analysis.blocks]
    assert [lead.block.text if lead else None for lead in lead_ins] == [
        None,
        None,
        None,
        "From the Ledger:",
        "From the Ledger:",
        "From the Ledger:",
        "In a post, she wrote:",
    ]
    assert [analysis.set_off(b) for b in analysis.blocks] == [
        False, False, False, True, False, False, True,
    ]  # fmt: skip
