"""NL201, NL202 and NL903 on real copy: the false alarms they no longer raise, and the
problems they still find, at exact positions. Every example is written for this file."""

import pytest

HEAD = "Harbour row deepens\n\n"
# A body long enough to check a headline's quotes against.
LONG_BODY = (
    "The port board met on Monday. Members spent two hours on the timetable for the "
    "winter ferries, the cost of new ropes for the east pier and the repairs to the "
    "ticket office roof, and agreed to meet again in a month to settle next year's budget."
)


def nl201(lint, text: str) -> list[tuple[int, int]]:
    return lint(text, "--select", "NL201").at("NL201")


# NL201: quoted words the story makes somebody's


@pytest.mark.parametrize(
    "body",
    [
        # a reporting verb with no subject of its own
        "Hours later the owner struck back, dubbing the lawsuit 'baseless'.",
        # a noun of speech, and a person who owns the quoted words
        "Voters cheered his 'fair fares' pledge at the quay.",
        "The ferry plan was, in the words of one aide, 'a lifeline' for the island.",
        "The plan is Mayor Ruiz's 'reset' of the port.",
        # another sentence of the paragraph reports speech
        "The 'reset' began in May. Officials said it would take a year to finish.",
        # I, we, you: somebody's own voice
        "The mayor promised a port that would 'make us proud' again.",
        # asked, exclaimed, or edited by us
        "The row earned the harbour 'is it over?' headlines all week.",
        "Staff were told to 'thank [the owners]' before each shift.",
        # a quote listed with one that is not a scare quote
        "Sailors are known as 'salts' or 'tars' on the island.",
        # a phrase held together before its noun, a name, a little word
        "The council backed a 'pay as you go' rule for the new berths.",
        "'Neptune' hacked the port's booking system in March.",
        "In the new rules, 'she' replaces 'it' for ships.",
    ],
)
def test_partial_quotes_names_and_terms_are_not_scare_quotes(lint, body):
    assert nl201(lint, HEAD + body + "\n") == []


def test_words_used_as_terms_are_not_scare_quotes(lint):
    text = HEAD + (
        "Boats wait in what are called 'holding zones' off the pier.\n\n"
        "Sailors fear 'refoulement' (being sent back) more than storms.\n\n"
        "She wore a 'crew pass' — a card that opens every gate.\n"
    )
    assert nl201(lint, text) == []


def test_quotes_whose_sentence_says_the_thing_was_faked_give_their_reason(lint):
    text = HEAD + (
        "The rival firm doctored two photos of the pier to produce 'proof' of damage.\n\n"
        "The board bought new 'safety' rails for the pier.\n"
    )
    assert nl201(lint, text) == [(5, 22)]


def test_a_term_quoted_once_and_then_used_plainly_is_not_a_scare_quote(lint):
    text = HEAD + (
        "Pilots now work a 'split watch' on the night ferries.\n\n"
        "The split watch ends in May, when new crews arrive.\n"
    )
    assert nl201(lint, text) == []


def test_the_same_words_quoted_from_a_source_elsewhere_are_not_scare_quotes(lint):
    text = HEAD + (
        'The harbour master said the rules were "a fair deal" for everyone.\n\n'
        'Fishermen remain unconvinced by the "fair deal" on offer.\n'
    )
    assert nl201(lint, text) == []


def test_headline_quote_that_the_body_attributes_is_fine(lint):
    text = (
        "Harbour chief rejects 'reckless' cuts.\n\n"
        'The harbour chief said on Monday that the cuts were "reckless" and unfair.\n'
    )
    assert nl201(lint, text) == []


def test_headline_that_opens_with_the_speakers_name_is_attributed(lint):
    text = "Okafor: ferry fares 'will not rise'\n\nThe port reopened on Monday.\n"
    assert nl201(lint, text) == []


def test_a_word_in_our_own_voice_is_still_a_scare_quote(lint):
    text = HEAD + "The council held 'talks' with residents.\n"
    assert nl201(lint, text) == [(3, 18)]


def test_a_headline_quote_in_a_clause_describing_a_noun_is_still_ours(lint):
    text = "Islands that held 'votes' will join the port, says minister\n\n" + LONG_BODY
    assert nl201(lint, text) == [(1, 19)]


def test_a_single_quoted_adjective_before_its_noun_is_still_a_scare_quote(lint):
    text = "Council approves 'modest' fare rise\n\n" + LONG_BODY
    assert nl201(lint, text) == [(1, 18)]


# NL202: plain description is not doubt


@pytest.mark.parametrize(
    "body",
    [
        "Would-be buyers toured the old ferry on Saturday.",
        "Police are studying a purported video of the crash.",
        "The letter was purportedly signed by the harbour master.",
    ],
)
def test_would_be_and_purported_are_not_distancing_terms(lint, body):
    assert lint(HEAD + body + "\n", "--select", "NL202").findings == []


def test_distancing_terms_still_found_in_our_voice(lint):
    text = HEAD + "The self-styled reformer supposedly wrote the so-called plan.\n"
    result = lint(text, "--select", "NL202")
    assert result.at("NL202") == [(3, 5), (3, 26), (3, 47)]


# NL903: marks the scanner used to misread


@pytest.mark.parametrize(
    "body",
    [
        '<post id="4" author="@pier">Boats are late</post>.',
        "The chief said ''we are ready'' and left.",
        "''They told me, 'wait,''' the pilot said.",
        "The new pilot is 6'2\" and the mate 5’11”.",
        "The union called the offer “insulting“ in a letter.",
        "He says,” nobody asked the crew.”",
        '"We will appeal. "And we will win," she said.',
        'The chair told them:"We are done." Then she left.',
    ],
)
def test_balanced_marks_are_not_flagged(lint, body):
    assert lint(HEAD + body + "\n", "--select", "NL903").findings == []


def test_unclosed_chain_is_reported_at_its_last_opening_mark(lint):
    text = HEAD + '"We will appeal. "And we will win, she said.\n\nThe case goes on.\n'
    result = lint(text, "--select", "NL903")
    assert result.at("NL903") == [(3, 18)]


def test_unclosed_double_apostrophe_quote_is_reported_whole(lint):
    text = HEAD + "The chief said ''we are ready and left.\n\nThe end.\n"
    [finding] = lint(text, "--select", "NL903").findings
    assert (finding["line"], finding["column"], finding["end_column"]) == (3, 16, 18)
    assert finding["message"] == "Opening quote mark '' is never closed"


def test_a_phrase_quoted_mid_sentence_is_a_term_not_scare_quotes(lint):
    text = "Harbour plan\n\nThe board set up a 'harbour fund' to pay for the new quay.\n"
    assert lint(text, "--select", "NL201").findings == []


def test_one_doubted_word_mid_sentence_still_fires(lint):
    text = "Harbour plan\n\nThe board held 'talks' with the ferry crews.\n"
    assert lint(text, "--select", "NL201").at("NL201") == [(3, 16)]


# NL201, round 7: translations, categories, jargon, words from a named plan


@pytest.mark.parametrize(
    "body",
    [
        # a translation: a language, then "for"
        "The crew shouted 'Adeus!' - Portuguese for 'farewell.'",
        "On the island, fog is shorthand for 'delay' on every route.",
        # a word the dictionary does not know: jargon, a coinage, a loanword
        "Fans filled the pier for the 'undercard' races before the main regatta.",
        "The old 'zorblat' emblem still hangs over the harbour gate.",
        # one of a series with a quote that is a term: categories of a poll
        "She won 40 percent among 'very likely' voters and 12 percent of the 'casual' vote.",
        # a word from a plan that a person owns, named in the same sentence
        "Mayor Ruiz's plan includes: new berths, a 'fair' fare for families and a ban on cars.",
        # a plural noun of speech
        "Her proposals include a 'clean' harbour tax on the largest ships.",
    ],
)
def test_translations_categories_jargon_and_plan_words_are_not_scare_quotes(lint, body):
    assert nl201(lint, HEAD + body + "\n") == []


def test_an_ordinary_word_before_its_noun_in_our_voice_is_still_a_scare_quote(lint):
    text = HEAD + "A 'rescue' boat towed the yacht to the shore on Sunday.\n"
    assert nl201(lint, text) == [(3, 3)]


def test_a_language_word_at_the_start_of_a_sentence_is_not_a_translation(lint):
    text = HEAD + "Vote for 'change' drew a crowd to the quay on Monday.\n"
    assert nl201(lint, text) == [(3, 10)]


# NL903, round 7: a paragraph broken in two, and an archive's split closing mark


def test_a_quote_closed_in_the_next_paragraph_without_a_reopening_mark_is_balanced(lint):
    text = HEAD + '"We have not won here since the vote in.\n\n1990. Now we will," she says.\n'
    assert lint(text, "--select", "NL903").findings == []


def test_a_double_apostrophe_quote_closed_as_split_marks_is_balanced(lint):
    text = HEAD + "(The chief said, ''We are ready for the storm.'.')\n"
    assert lint(text, "--select", "NL903").findings == []


def test_an_unclosed_quote_before_a_paragraph_that_opens_a_new_one_is_still_found(lint):
    text = HEAD + '"We will appeal, she said.\n\nThe lawyer added: "We will win."\n'
    assert lint(text, "--select", "NL903").at("NL903") == [(3, 1)]


def test_straight_block_quote_with_curly_quotes_nested_closes_at_its_end(lint):
    text = (
        HEAD
        + '"The harbour board met on Monday to weigh the ferry plan.\n\n'
        + '"Members heard from the port chief, who urged a delay.\n\n'
        + '“We need more time to check the hulls,” the chief said."\n'
    )
    assert lint(text, "--select", "NL903").at("NL903") == []


def test_glued_inner_quote_closing_the_paragraph_leaves_the_stray_mark_unguessed(lint):
    text = HEAD + "She wrote, “the board titled its memo “‘Ferries First.’ It was short.”\n"
    assert lint(text, "--select", "NL903").at("NL903") == []


@pytest.mark.parametrize(
    "body",
    [
        "She wrote, “the board called it “a fresh start” and left.",
        "She wrote, “the board called it “a fresh start for the quay.”",
    ],
)
def test_unclosed_quote_around_a_closed_inner_quote_is_still_found(lint, body):
    assert lint(HEAD + body + "\n", "--select", "NL903").at("NL903") == [(3, 12)]


def test_headline_quote_over_a_cut_off_body_is_not_flagged(lint):
    text = "‘Quiet’ Voters Could Sink the Ferry Levy\n\nThe levy vote is next week.\n"
    assert lint(text, "--select", "NL201").at("NL201") == []


def test_headline_quote_over_a_full_body_in_our_voice_is_still_found(lint):
    text = "‘Quiet’ Voters Could Sink the Ferry Levy\n\n" + LONG_BODY
    assert lint(text, "--select", "NL201").at("NL201") == [(1, 1)]
