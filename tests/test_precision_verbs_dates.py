"""Precision of NL301, NL501, NL503 and NL901 on patterns edited copy uses plainly:
each false-alarm pattern is spared, and the real problem next to it still fires at
its exact position."""

import pytest

HEAD = "Harbour plan approved\n\n"  # line 1 is a headline, so body text starts on line 3


def found(lint, text: str, code: str) -> list[tuple[int, int, str]]:
    """(line, column, flagged text) of each finding of ``code``."""
    lines = text.splitlines()
    return [
        (f["line"], f["column"], lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1])
        for f in lint(text, "--select", code).findings
        if f["code"] == code
    ]


# NL301 loaded-said-verb: a claim the copy itself settles


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor misspoke on Monday when she claimed that the ferry was full.",
        "The captain ridiculously claimed that the storm was a hoax.",
        "The mayor claimed, without evidence, that the ferry was full.",
        "The trader disingenuously claimed that his fees had fallen.",
    ],
)
def test_claim_the_sentence_settles_is_not_loaded(lint, sentence):
    assert found(lint, HEAD + sentence + "\n", "NL301") == []


def test_settling_words_inside_the_claim_do_not_spare_it(lint):
    text = HEAD + "The mayor claimed that there was no evidence of fraud at the port.\n"
    assert found(lint, text, "NL301") == [(3, 11, "claimed")]


def test_claim_denied_in_the_next_sentence_is_not_loaded(lint):
    text = (
        HEAD
        + "Old crew mates remember him claiming that his uncle was an admiral. (He was not.)\n\n"
        + "The skipper claimed that his uncle was an admiral. He sailed for thirty years.\n"
    )
    assert found(lint, text, "NL301") == [(5, 13, "claimed")]


def test_emotive_verb_of_a_text_is_not_loaded(lint):
    text = (
        HEAD
        + "A tweet that blasts the harbour board was deleted on Monday.\n\n"
        + "The mayor blasted the harbour board as reckless.\n"
    )
    assert found(lint, text, "NL301") == [(5, 11, "blasted")]


# NL501 relative-date: "tomorrow" as "at once"


def test_tomorrow_in_a_negated_what_if_is_not_a_date(lint):
    text = (
        HEAD
        + "Peace does not mean the union drops its claim tomorrow.\n\n"
        + "The union drops its claim tomorrow, its leader said.\n"
    )
    assert found(lint, text, "NL501") == [(5, 27, "tomorrow")]


# NL503 variant-consistency: "analyses" is also a plural noun


def test_plural_of_analysis_is_not_a_british_verb(lint):
    text = HEAD + "Two analyses of the fares were published. The board will analyze them.\n"
    assert found(lint, text, "NL503") == []


def test_analysed_and_analyzed_still_mix(lint):
    text = HEAD + "The board analysed the fares. Later it analyzed them again.\n"
    assert found(lint, text, "NL503") == [(3, 40, "analyzed")]


# NL901 scrape-residue: a newsletter's own section heading


def test_newsletter_heading_top_stories_is_not_residue(lint):
    text = HEAD + "TOP STORIES.\n\nThe ferry fares rise in March.\n\nAdvertisement\n"
    assert found(lint, text, "NL901") == [(7, 1, "Advertisement")]
