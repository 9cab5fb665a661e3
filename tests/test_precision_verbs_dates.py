"""Precision of NL301, NL501, NL503 and NL901 on patterns edited copy uses plainly:
each false-alarm pattern is spared, and the real problem next to it still fires at
its exact position."""

import pytest

from tests.conftest import found

HEAD = "Harbour plan approved\n\n"  # line 1 is a headline, so body text starts on line 3


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


def test_claim_rebutted_by_another_party_in_the_next_paragraph_is_not_loaded(lint):
    text = (
        HEAD
        + "The dealer claimed that the city museum had offered to buy the clock.\n\n"
        + "The museum said on Friday that it had never made an offer.\n\n"
        + "The dealer claimed that the clock was two centuries old.\n\n"
        + "The auction opens on Friday.\n"
    )
    assert found(lint, text, "NL301") == [(7, 12, "claimed")]


def test_claimant_repeating_a_negative_does_not_settle_the_claim(lint):
    text = (
        HEAD
        + "The dealer claimed that the museum had offered to buy the clock.\n\n"
        + "The dealer said the museum did not want it made public.\n"
    )
    assert found(lint, text, "NL301") == [(3, 12, "claimed")]


def test_tone_verb_beside_a_quote_of_the_words_is_not_loaded(lint):
    text = (
        HEAD
        + "\u201cNobody in the county sails faster,\u201d boasted the skipper.\n\n"
        + "\u201cA ferry made of cardboard,\u201d the pilot scoffed.\n\n"
        + "The skipper boasted that his crew was the fastest in the county.\n"
    )
    assert found(lint, text, "NL301") == [(7, 13, "boasted")]


def test_criticism_verb_beside_a_quote_of_the_words_is_not_loaded(lint):
    text = (
        HEAD
        + "The mayor slammed the plan as \u201creckless and costly.\u201d\n\n"
        + "The pilot blasted the harbour board for its \u201cfleet of wrecks\u201d on Monday.\n\n"
        + "The skipper hit out at the board. \u201cThey sold us a sinking ship,\u201d he said.\n\n"
        + "The pastor slammed the club for promoting \u201cidle and wicked habits.\u201d\n\n"
        + "The mayor slammed the plan as reckless and costly.\n"
    )
    assert found(lint, text, "NL301") == [(11, 11, "slammed")]


def test_criticism_verb_beside_someone_elses_words_still_fires(lint):
    text = (
        HEAD
        + "The mayor slammed the pilot as careless for saying that the ferry was"
        + " \u201cfit for the scrapyard.\u201d\n\n"
        + "The skipper blasted the board as reckless. \u201cWe sail on,\u201d he said.\n\n"
        + "The skipper blasted the board. \u201cThey sold us a wreck,\u201d he said.\n"
    )
    assert found(lint, text, "NL301") == [(3, 11, "slammed"), (5, 13, "blasted")]


def test_claim_rated_false_by_a_fact_checker_nearby_is_not_loaded(lint):
    text = (
        HEAD
        + "The senator claimed that the bridge had cost twice its budget.\n\n"
        + "\u201cIt is a scandal,\u201d the senator told voters on Monday.\n\n"
        + "PolitiFact rated the claim false, since the bridge came in under budget.\n\n"
        + "The senator claimed that the tunnel had cost twice its budget.\n\n"
        + "The tunnel opened in May.\n"
    )
    assert found(lint, text, "NL301") == [(9, 13, "claimed")]


def test_claim_answered_by_the_writer_in_the_next_sentence_is_not_loaded(lint):
    text = (
        HEAD
        + "The trader claimed that his fees had fallen. In fact, they rose by a third.\n\n"
        + "The mayor claimed the ferry ran at a profit. But records show it lost money.\n\n"
        + "The board claims to be neutral. But a review seems to show that it took sides.\n\n"
        + "The trader claimed that his fees had fallen. He has run the shop since 1990.\n"
    )
    assert found(lint, text, "NL301") == [(9, 12, "claimed")]


def test_claim_the_writer_settles_mid_sentence_or_calls_false_nearby_is_not_loaded(lint):
    text = (
        HEAD
        + "The trader claims that fare dodging is rife.\n\n"
        + "Fare dodging is, in fact, rare on the ferries.\n\n"
        + "The mayor claimed that the council built the pier.\n\n"
        + "\u201cWe built it and we paid for it,\u201d the mayor said.\n\n"
        + "That claim is false.\n\n"
        + "The mayor claimed that the council paid for the bridge.\n\n"
        + "The bridge opened in May.\n"
    )
    assert found(lint, text, "NL301") == [(13, 11, "claimed")]


def test_claim_rebutted_later_in_the_next_paragraph_is_not_loaded(lint):
    text = (
        HEAD
        + "The dealer claimed that the city museum had offered to buy the clock.\n\n"
        + "The sale is set for June. The museum denied making any offer.\n\n"
        + "The dealer claimed that the clock was two centuries old.\n\n"
        + "The auction opens on Friday. Bids start at noon.\n"
    )
    assert found(lint, text, "NL301") == [(7, 12, "claimed")]


def test_claims_as_a_noun_after_a_comma_is_not_loaded(lint):
    text = (
        HEAD
        + "The minister has long said that she followed the rules, claims that the audit"
        + " office could not confirm.\n\n"
        + "The minister said that she followed the rules, and claims that the audit was"
        + " biased.\n"
    )
    assert found(lint, text, "NL301") == [(5, 52, "claims")]


def test_ad_or_mailer_that_claims_is_not_loaded(lint):
    text = (
        HEAD
        + "The new ad attacks the mayor for raising fares and claims that she wasted money.\n\n"
        + "A mailer sent on Monday claims that the bridge will close.\n\n"
        + "The mayor claims that the bridge will stay open.\n"
    )
    assert found(lint, text, "NL301") == [(7, 11, "claims")]


def test_claim_the_headline_denies_is_not_loaded(lint):
    text = (
        "The harbour is not the busiest in Europe\n\n"
        "The mayor claimed that the harbour was the busiest in Europe.\n"
    )
    assert found(lint, text, "NL301") == []
    other = "Mayor opens the harbour\n\n" + text.split("\n\n", 1)[1]
    assert found(lint, other, "NL301") == [(3, 11, "claimed")]


def test_revealing_figures_is_a_disclosure_not_an_endorsement(lint):
    text = (
        HEAD
        + 'The gazette revealed the figures: "The harbour lost 2 million last year."\n\n'
        + 'The mayor revealed: "We will close the harbour."\n'
    )
    assert found(lint, text, "NL301") == [(5, 11, "revealed")]


# NL501 relative-date: "tomorrow" as "at once"


def test_tomorrow_in_a_negated_what_if_is_not_a_date(lint):
    text = (
        HEAD
        + "Peace does not mean the union drops its claim tomorrow.\n\n"
        + "The union drops its claim tomorrow, its leader said.\n"
    )
    assert found(lint, text, "NL501") == [(5, 27, "tomorrow")]


@pytest.mark.parametrize(
    "text",
    [
        "Five things to watch in tonight's harbour debate\n\n"
        "Here is what to look for tonight:\n\nThe fares.\n",
        "Tuesday's harbour email\n\nThe board meets at noon. Tune in tonight at nine.\n",
        HEAD + "The board will vote at nine. Watch tonight on the council channel.\n",
    ],
)
def test_piece_meant_for_the_day_it_runs_is_not_stale(lint, text):
    assert found(lint, text, "NL501") == []


def test_headline_naming_a_weekday_does_not_spare_tomorrow(lint):
    text = "Harbour opens on Friday\n\nThe mayor will open the harbour tomorrow.\n"
    assert found(lint, text, "NL501") == [(3, 33, "tomorrow")]


def test_paragraph_after_a_colon_is_quoted_matter(lint):
    text = (
        HEAD
        + "According to a columnist at the county paper:\n\n"
        + "The board raised the fares yesterday, the gazette said.\n\n"
        + "The board will meet again tomorrow.\n"
    )
    assert found(lint, text, "NL501") == [(7, 27, "tomorrow")]


def test_weeks_ago_and_tonight_in_plain_news_still_fire(lint):
    text = HEAD + "The board met two weeks ago. It will vote tonight.\n"
    assert found(lint, text, "NL501") == [(3, 15, "two weeks ago"), (3, 43, "tonight")]


def test_live_file_of_time_stamped_entries_is_read_against_its_stamps(lint):
    text = (
        "The latest: harbour vote\n\n9:40 p.m.\n\nThe board will vote tonight.\n\n"
        "8:15 p.m.\n\nThe mayor spoke this morning at the quay.\n"
    )
    assert found(lint, text, "NL501") == []


def test_one_time_of_day_does_not_make_a_live_file(lint):
    text = HEAD + "9:40 p.m.\n\nThe board will vote tonight.\n"
    assert found(lint, text, "NL501") == [(5, 21, "tonight")]


def test_a_count_guessed_between_two_is_vague(lint):
    text = HEAD + "The board met five or six weeks ago. It votes today or tomorrow.\n"
    assert found(lint, text, "NL501") == [(3, 56, "tomorrow")]


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
