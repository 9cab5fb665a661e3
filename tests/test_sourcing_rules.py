"""NL101-NL105 and NL301: who says so? Planted problems at exact positions, and traps."""

import pytest

from tests.conftest import FIXTURES

SOURCING = "NL101,NL102,NL103,NL104,NL105,NL301"
HEAD = "Ferry fares rise\n\n"  # line 1 is a headline, so body text starts on line 3


def test_attributed_wire_copy_has_no_sourcing_findings(lint):
    text = (FIXTURES / "clean_wire.txt").read_text()
    result = lint(text, "--select", SOURCING)
    assert result.findings == []


@pytest.mark.parametrize(
    ("sentence", "column", "span"),
    [
        ("Fares will rise by 12% in March.", 20, "12%"),
        ("The new boats will cost £3.4m each.", 25, "£3.4m"),
        ("The crossing takes about 40 minutes and some 300 people use it.", 41, "some 300"),
        ("More than 2,000 people marched to the quay.", 1, "More than 2,000"),
        ("The ferry carried 1,500 passengers.", 19, "1,500"),
    ],
)
def test_unsourced_figure_is_found_at_its_span(lint, sentence, column, span):
    result = lint(HEAD + sentence + "\n", "--select", "NL101")
    [finding] = result.findings
    assert (finding["line"], finding["column"]) == (3, column)
    assert finding["end_column"] - finding["column"] == len(span)
    assert f"'{span}'" in finding["message"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The route opened in 2014 and closed on 3 May 2020.",
        "The 9.15am sailing takes 45 minutes.",
        "It was the third ferry to fail this year.",
        "Captain Ayo Bello, 54, was aged 20 when he joined.",
        "Article 5 and Resolution 2202 were cited, as was flight MH17.",
        "Four regions and six ships were affected.",
        'She said: "About 40% of our boats are old."',
    ],
)
def test_non_statistics_are_not_figures(lint, sentence):
    assert lint(HEAD + sentence + "\n", "--select", "NL101").findings == []


def test_figure_attributed_elsewhere_is_info(lint):
    text = HEAD + "Police said about 3,000 people marched.\n\nAbout 3,000 people marched again.\n"
    [finding] = lint(text, "--select", "NL101").findings
    assert (finding["line"], finding["severity"]) == (5, "info")


@pytest.mark.parametrize(
    ("sentence", "column", "span"),
    [
        ("The bridge is now expected to reopen in May.", 12, "is now expected to"),
        ("It is understood that talks have stalled.", 4, "is understood that"),
        ("The strike is believed to have cost millions.", 12, "is believed to"),
        ("Critics say the ferry is unsafe.", 1, "Critics say"),
        ("Some analysts believe fares will rise again.", 1, "Some analysts believe"),
        ("Studies show that ferries are cheaper than bridges.", 1, "Studies show"),
        ("The captain reportedly refused to sail.", 13, "reportedly"),
    ],
)
def test_vague_attribution(lint, sentence, column, span):
    # below a first paragraph: a lead may sum up critics the story names lower down
    lead = "The ferry sailed from the old quay on Monday for the first time in three years.\n\n"
    text = HEAD + lead + sentence + "\n"
    [finding] = lint(text, "--select", "NL102").findings
    assert (finding["line"], finding["column"]) == (5, column)
    assert f"'{span}'" in finding["message"]


def test_past_belief_its_own_sentence_overturns_is_not_vague(lint):
    lead = "The ferry sailed from the old quay on Monday for the first time in three years.\n\n"
    belief = "Many people believed the fare rise would sink the ferry"
    overturned = lint(HEAD + lead + belief + ", but it wound up saving it.\n", "--select", "NL102")
    assert overturned.findings == []
    assert lint(HEAD + lead + belief + ".\n", "--select", "NL102").at("NL102") == [(5, 1)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The bridge is expected to reopen in May, the council said.",
        "The ferry was inspected by the Maritime Agency.",
        "About 300 people attended.",
        "Two engineers at Saltby University say the hull is sound.",
    ],
)
def test_named_or_agented_claims_are_not_vague(lint, sentence):
    assert lint(HEAD + sentence + "\n", "--select", "NL102").findings == []


def test_unattributed_label(lint):
    result = lint(HEAD + "The vote was a sham and the result was rigged.\n", "--select", "NL103")
    assert result.at("NL103") == [(3, 16), (3, 40)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The opposition called the vote a sham.",
        "Observers said the vote was not rigged.",
        "It is unclear whether the vote was rigged.",
        "Was the vote rigged?",
        "The UN condemned the votes as a sham.",
        "The new tax regime starts in April.",
        'She said: "The vote was a sham."',
    ],
)
def test_labels_that_are_attributed_negated_or_asked_are_spared(lint, sentence):
    assert lint(HEAD + sentence + "\n", "--select", "NL103").findings == []


def test_topic_pack_is_opt_in(lint, tmp_path):
    text = HEAD + "Troops pressed on with the special military operation.\n"
    assert lint(text, "--select", "UA", name="a.txt").code == 2  # unknown until opted in
    (tmp_path / "newslint.toml").write_text('packs = ["newslint:topics/russia-ukraine.toml"]\n')
    assert lint(text, "--select", "UA103").at("UA103") == [(3, 28)]


def test_anonymous_sources(lint):
    text = (
        HEAD
        + "A source said the talks had stalled.\n\n"
        + "People familiar with the talks said the ferry would sail.\n\n"
        + "Officials said the ferry would sail.\n\n"
        + "A source close to the board said the plan was a disaster.\n"
    )
    found = [
        (f["line"], f["column"], f["severity"]) for f in lint(text, "--select", "NL104").findings
    ]
    assert found == [(3, 1, "warning"), (5, 1, "info"), (9, 1, "warning")]


def test_named_source_is_not_anonymous(lint):
    text = HEAD + "Harbour official Ayo Bello said the ferry would sail.\n"
    assert lint(text, "--select", "NL104").findings == []


def test_orphan_quote(lint):
    text = HEAD + 'The meeting ended late.\n\n"We will not be bullied into closing the library."\n'
    assert lint(text, "--select", "NL105").at("NL105") == [(5, 1)]


def test_quote_with_speaker_in_the_paragraph_before_is_not_orphaned(lint):
    text = HEAD + 'The mayor said the library would stay open.\n\n"We will not close it today."\n'
    assert lint(text, "--select", "NL105").findings == []


def test_loaded_said_verbs(lint):
    text = (
        HEAD
        + "The council claimed the cuts would save money. The mayor slammed the plan as reckless.\n"
    )
    result = lint(text, "--select", "NL301")
    assert result.at("NL301") == [(3, 13), (3, 58)]
    assert [f["suggestion"] for f in result.findings] == ["said", "said"]
    assert "'claimed'" in result.findings[0]["message"]
    assert [f["severity"] for f in result.findings] == ["warning", "info"]


def test_endorsing_verbs_are_info(lint):
    text = HEAD + 'The harbour master revealed: "We will shut the pier."\n'
    [finding] = lint(text, "--select", "NL301").findings
    assert (finding["column"], finding["severity"]) == (20, "info")


@pytest.mark.parametrize(
    "sentence",
    [
        "The group claimed responsibility for the attack.",
        "A sailor was admitted to hospital.",
        "The claim was rejected.",
        "It used the vote to claim the island in 2014.",
        'She said: "They claimed it was safe."',
    ],
)
def test_non_speech_claims_are_not_loaded_verbs(lint, sentence):
    assert lint(HEAD + sentence + "\n", "--select", "NL301").findings == []
