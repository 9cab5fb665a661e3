"""Precision of NL103, NL301, NL302, NL303 and NL501 on the patterns edited copy uses
plainly: each false-alarm pattern is spared, and the real problem next to it still
fires at its exact position."""

import pytest

from tests.conftest import found

HEAD = "Harbour plan approved\n\n"  # line 1 is a headline, so body text starts on line 3


# NL301 loaded-said-verb


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor admitted that the plan had failed.",
        "The ministry insisted that the figures were right.",
        "The operator confirmed that the ferry would sail.",
        "Officials pointed out that the pier was closed.",
        "The union maintained that the talks had been fair.",
        "The chairman acknowledged that fares would rise.",
        "Prosecutors alleged that the captain had lied.",
        "The lawsuit claims that the operator ignored safety warnings.",
        "Fishermen claimed victory after the vote.",
        "The storm claimed the lives of six sailors.",
        "The inspection revealed that the hull was cracked.",
        "The mayor falsely claimed that the ferry was full.",
        "The trader blasted out an email to every client.",
    ],
)
def test_fair_reporting_verbs_are_not_loaded(lint, sentence):
    assert found(lint, HEAD + sentence + "\n", "NL301") == []


def test_claim_about_a_contested_fact_is_loaded(lint):
    text = HEAD + "The mayor admitted the plan was late. She claimed it would save money.\n"
    assert found(lint, text, "NL301") == [(3, 43, "claimed")]


def test_claim_to_be_casts_doubt(lint):
    text = HEAD + "A man who claims to speak for the fishermen wrote to the board.\n"
    assert found(lint, text, "NL301") == [(3, 11, "claims")]


def test_revealed_is_loaded_before_a_plain_quote_not_after_documents(lint):
    text = (
        HEAD
        + 'The skipper revealed: "I have sailed here for thirty years."\n\n'
        + "Court papers revealed that the firm owed £2m.\n"
    )
    assert found(lint, text, "NL301") == [(3, 13, "revealed")]


# NL103 unattributed-label


@pytest.mark.parametrize(
    "sentence",
    [
        "Her name was added to a list kept by the Terrorist Screening Center.",
        "The documentary Witch Hunt opens at the harbour cinema on Friday.",
        "The squad began a new recovery regime after the defeat.",
        "The court heard evidence from a convicted terrorist.",
        "The 2015 terrorist attacks changed how the port is guarded.",
        "Families of those killed in the massacre at the school met the mayor.",
        "The group was listed as a designated terrorist organisation in 2019.",
        "The mayor was criticised for calling the inquiry a sham.",
        "Police said the bombers were terrorists.",
        "Extremist posts on the forum were removed.",
        "Officers broke up a sham marriage ring at the port.",
        "The new mast was rigged with red sails.",
    ],
)
def test_names_other_senses_designations_and_reports_are_not_labels(lint, sentence):
    assert found(lint, HEAD + sentence + "\n", "NL103") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The navy shelled the port on behalf of the regime.",
        "In 1968 the dockers rose against their Soviet-backed regime.",
        "The militia released a propaganda video on Sunday.",
        "The militia released a propaganda, recruitment video on Sunday.",
        "The peacekeepers were blamed for failing to prevent a massacre in the valley.",
    ],
)
def test_labels_that_refer_or_describe_a_kind_of_thing_are_spared(lint, sentence):
    assert found(lint, HEAD + sentence + "\n", "NL103") == []


@pytest.mark.parametrize(
    ("sentence", "column", "span"),
    [
        ("The harbour vote was a sham.", 24, "sham"),
        ("The men who seized the pier were terrorists.", 34, "terrorists"),
        ("They looked like extremists.", 18, "extremists"),
        ("Pure propaganda.", 6, "propaganda"),
        ("The port authority has become a regime.", 33, "regime"),
        ("The militia is a terrorist group.", 18, "terrorist"),
        ("The commander, a war criminal, fled the port.", 18, "war criminal"),
    ],
)
def test_labels_the_writer_applies_are_flagged(lint, sentence, column, span):
    assert found(lint, HEAD + sentence + "\n", "NL103") == [(3, column, span)]


# NL302 editorializing


@pytest.mark.parametrize(
    "sentence",
    [
        "Of course, the vote may still fail.",
        "The plan is, of course, expensive.",
        "Fortunately for the club, the rain stopped before kick-off.",
        "The rules should be more clearly defined.",
        "The post has a clearly defined role in the harbour office.",
        "The cuts hit the coast, notably the northern ports.",
    ],
)
def test_connectives_beneficiaries_and_manner_are_not_judgement(lint, sentence):
    assert found(lint, HEAD + sentence + "\n", "NL302") == []


def test_of_course_inside_the_clause_is_judgement(lint):
    text = HEAD + "Of course, the board met. The mayor will of course deny it.\n"
    assert found(lint, text, "NL302") == [(3, 42, "of course")]


@pytest.mark.parametrize(
    "text",
    [
        # An evidential adverb sums up the evidence the story gives.
        "The skipper is clearly taking the race seriously. He has bought two boats.",
        "The ferry was obviously full: 400 people were turned away.",
        "Clearly, the ferry was full: 400 people were turned away.",
        # A disclosure, not a verdict.
        "It should be noted that the survey was paid for by the port.",
        # Asides of expectation or mild regret grade a result or regret a gap in the
        # data; they take no side.
        "A surprisingly strong catch lifted the fleet's income by 8%.",
        "Turnout was remarkably high, at 71%.",
        "The skipper proved a surprisingly potent fundraiser, raising $2 million.",
        "The harbour plan, not surprisingly, met resistance from the fishing crews.",
        "Some of the pilots, predictably, walked out.",
        "(Unfortunately, the port keeps no records of night sailings.)",
        "Interestingly, the ferry company is run by a former fisherman.",
        # Certainty about the present or past, with its evidence after it.
        "The skipper was unquestionably the star of the regatta. Crowds chanted her name.",
        "It is clear that the crew has no plan to stop. Its captain said they would sail on.",
        # The opening of a passage of analysis.
        "Make no mistake, this is a last roll of the dice for the ferry crew.",
        # A source's account: what a reporting verb reports, or what a source describes.
        "The harbour master was accused of saying the storm was sadly unavoidable.",
    ],
)
def test_evidence_asides_disclosures_and_reported_words_are_not_judgement(lint, text):
    assert found(lint, HEAD + text + "\n", "NL302") == []


@pytest.mark.parametrize(
    ("sentence", "column", "span"),
    [
        ("Ironically, the board ignored the pilots.", 1, "Ironically"),
        ("Some of the pilots, tellingly, walked out.", 21, "tellingly"),
        ("The mayor will undoubtedly win Tuesday's vote.", 16, "undoubtedly"),
        ("Undoubtedly, the pier will close before winter.", 1, "Undoubtedly"),
        ("It is clear that the board will never read the report.", 1, "It is clear that"),
    ],
)
def test_judgement_in_our_voice_still_fires(lint, sentence, column, span):
    assert found(lint, HEAD + sentence + "\n", "NL302") == [(3, column, span)]


# NL303 puffery


@pytest.mark.parametrize(
    "sentence",
    [
        "Huge waves hit the harbour wall overnight.",
        "A massive fire destroyed the fish market.",
        "She became the first woman to run the port, a historic appointment.",
        "The landmark ruling forced the operator to cut fares.",
        "A devastating flood closed the coast road.",
    ],
)
def test_literal_size_and_record_words_are_not_puffery(lint, sentence):
    assert found(lint, HEAD + sentence + "\n", "NL303") == []


def test_hype_words_are_still_puffery(lint):
    text = HEAD + "The huge crowd cheered the legendary skipper.\n"
    assert found(lint, text, "NL303") == [(3, 28, "legendary")]


@pytest.mark.parametrize(
    "sentence",
    [
        # A possibility the writer weighs, not a fact it hypes.
        "A win for the ferry crew would be a stunning upset and a game changer.",
        # The stock phrase for a long, hard contest.
        "The two skippers fought an epic battle for the harbour seat in 2008.",
    ],
)
def test_weighed_possibilities_and_stock_phrases_are_not_puffery(lint, sentence):
    assert found(lint, HEAD + sentence + "\n", "NL303") == []


def test_hype_about_what_happened_is_still_puffery(lint):
    text = HEAD + "The ferry crew won a stunning upset on the iconic pier.\n"
    assert found(lint, text, "NL303") == [(3, 22, "stunning"), (3, 44, "iconic")]


def test_a_description_a_source_gives_is_not_puffery(lint):
    text = (
        HEAD + "The harbour described by the mayor on Monday is a busy port with stunning views.\n"
    )
    assert found(lint, text, "NL303") == []


# NL501 relative-date


@pytest.mark.parametrize(
    "sentence",
    [
        "The skipper talked about the rescue on The Tonight Show.",
        "The council spent as if there were no tomorrow.",
        "Prices rose a few weeks ago and have not fallen.",
        "The port needs the new crane yesterday, the pilots say.",
        "But tonight, I want to thank every crew who came out.",
    ],
)
def test_names_idioms_vague_counts_and_speech_are_not_stale_dates(lint, sentence):
    assert found(lint, HEAD + sentence + "\n", "NL501") == []


def test_interview_transcript_is_not_a_stale_date(lint):
    text = HEAD + "Q: You said yesterday that the pier would close.\n"
    assert found(lint, text, "NL501") == []


def test_precise_relative_dates_still_fire(lint):
    text = HEAD + "The pier reopened two weeks ago and the ferry sails tonight.\n"
    assert found(lint, text, "NL501") == [(3, 19, "two weeks ago"), (3, 53, "tonight")]
