"""NL202 distancing-term (pack kind ``distancing``): "so-called" that introduces a term
is spared, doubt cast on a claim in our own voice is found at its exact position. Every
example is written for this file."""

import pytest

HEAD = "Harbour row deepens\n\n"


def nl202(lint, body: str) -> list[tuple[int, int]]:
    return lint(HEAD + body + "\n", "--select", "NL202").at("NL202")


@pytest.mark.parametrize(
    "body",
    [
        # a technical term the reader may not know
        "Investigators asked the ferry company for so-called metadata from its radios.",
        "The harbour uses a so-called dry dock test before each refit.",
        # a name: the capital says a term is being introduced
        "Ferry owners fought the so-called Cadillac tax on large boats.",
        # a quoted term or a hyphenated compound
        "The board studied so-called 'ghost sailings' on the night route.",
        "Critics of so-called pay-to-berth deals met on Monday.",
        # an adjective makes a coined term: the noun is not doubted
        "The mayor has long championed a so-called managed democracy for the island.",
        # "supposed" before a noun that is not a claim to doubt
        "Several supposed shortcuts across the bay have been tried.",
    ],
)
def test_so_called_that_introduces_a_term_is_not_doubt(lint, body):
    assert nl202(lint, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "According to the union, the so-called reforms will cost jobs.",
        "The harbour master said the so-called consultation had been rushed.",
        'She called them "the so-called experts" on Tuesday.',
    ],
)
def test_a_source_who_uses_the_word_is_not_our_voice(lint, body):
    assert nl202(lint, body) == []


def test_doubt_cast_on_a_claim_is_found_at_its_position(lint):
    body = "Ms Ruiz backed the so-called reforms.\nThe self-styled general led the march."
    assert nl202(lint, body) == [(3, 20), (4, 5)]


def test_always_doubting_words_are_found_before_any_noun(lint):
    body = "The self-styled captain was supposedly at sea when the supposed offence occurred."
    assert nl202(lint, body) == [(3, 5), (3, 29), (3, 56)]


def test_self_proclaimed_reports_a_self_description_that_is_not_a_standing(lint):
    body = "Ms Vale, the self-proclaimed, stubborn harbour outsider, will meet the board."
    assert nl202(lint, body) == []


def test_self_proclaimed_claim_to_a_standing_is_still_found(lint):
    body = "The self-proclaimed expert told the board the ferry was safe."
    assert nl202(lint, body) == [(3, 5)]


def test_figures_do_not_vouch_for_the_writers_words(lint):
    body = "The so-called consultation drew 80 replies, according to council figures."
    assert nl202(lint, body) == [(3, 5)]


def test_supposedly_inside_a_belief_held_by_others_is_not_our_doubt(lint):
    body = (
        "The forums push such dubious causes as ferry ghosts and the supposedly "
        "secret sale of the harbour."
    )
    assert nl202(lint, body) == []


def test_supposedly_with_no_belief_in_the_sentence_is_still_found(lint):
    body = "The crew was supposedly asleep when the ferry ran aground."
    assert nl202(lint, body) == [(3, 14)]


@pytest.mark.parametrize(
    "body",
    [
        "The leaked log lists the ferry firms, supposedly marked as priority buyers.",
        "The picture shows the captain leaving the bridge supposedly during the storm.",
    ],
)
def test_supposedly_on_a_relayed_detail_is_a_hedge(lint, body):
    assert nl202(lint, body) == []


def test_supposedly_stacked_on_an_allegation_is_still_found(lint):
    body = "The lawsuit alleges a string of faults supposedly committed by the crew."
    assert nl202(lint, body) == [(3, 40)]
