"""Sourcing is a story-level fact: false alarms of NL101 on real copy, in our own words."""

import pytest

HEAD = "Harbour plans approved\n\n"  # body text starts on line 3


@pytest.mark.parametrize(
    "body",
    [
        # the source in the next sentence
        "Unemployment in the port fell to 4.1%. The figures were published by the "
        "statistics office on Tuesday.",
        # a lead attribution governs what follows
        "Official figures show the harbour lost trade last year.\n\nAbout 40% of berths "
        "stood empty in winter.",
        # "the survey found" then "It also found"; every conjunct of a reported clause
        "The survey found 61% in favour and 30% against. It also found that about 45% "
        "of residents drive.",
        # a clause inside a reported clause is the source's
        "Ms Adeyemi said the depot would serve the new estate, which has about 900 homes.",
        # a poll cited anywhere covers the story's statistics
        "A poll by the Harbour Trust was published on Monday.\n\nAbout 6 in 10 "
        "residents back the plan.",
        # facts, not claims: a price paid, a result, a distance, a vague "thousands"
        "The trust paid £3.4m for the quay in 2019.",
        "The plan passed with 57.5% of the vote.",
        "The new quay lies about 15 miles east of the old one.",
        "Thousands of visitors come each summer.",
        # a reporting participle keeps the sentence's speaker
        "The mayor spoke for an hour, saying that about 300 jobs would move.",
        # settled history: a past event dated by month or year
        "The storm that sank the old ferry killed 130 people in November 1998.",
        # the figure is in the subject of what is expected, not what is expected
        "The ferry's crew of more than 100 are expected to return on Monday.",
    ],
)
def test_sourced_or_factual_figures_are_not_flagged(lint, body):
    assert lint(HEAD + body + "\n", "--select", "NL101").findings == []


@pytest.mark.parametrize(
    ("body", "line", "column", "kind"),
    [
        ("About 2,500 people marched through the port on Saturday.", 3, 1, "People"),
        ("The harbour covers about 15% of the town's land.", 3, 20, "Estimate"),
        ("Fares will rise by 12% in March.", 3, 20, "Forecast"),
        ("The new quay opened.\n\nNearly 20% of fishing boats are idle.", 5, 1, "Estimate"),
    ],
)
def test_claims_with_no_source_near_are_flagged(lint, body, line, column, kind):
    [finding] = lint(HEAD + body + "\n", "--select", "NL101").findings
    assert (finding["line"], finding["column"]) == (line, column)
    assert finding["message"].startswith(kind)


def test_next_sentence_that_quotes_someone_else_does_not_source_a_figure(lint):
    body = "About 2,500 people marched on Saturday.\n\nThe mayor said the quay would open."
    assert lint(HEAD + body + "\n", "--select", "NL101").at("NL101") == [(3, 1)]


def test_length_metrics_are_opt_in_like_ruffs_line_length(lint):
    long_sentence = " ".join(["word"] * 45) + "."
    assert lint(HEAD + long_sentence + "\n").at("NL402") == []
    assert lint(HEAD + long_sentence + "\n", "--extend-select", "NL402").at("NL402") == [(3, 1)]


@pytest.mark.parametrize(
    "body",
    [
        # a colon or a comma introduces the quote, and the clause before has a speaker
        "The captain leaned in and boomed: “Let us sail again in the spring, all of us.”",
        "But she wanted to know, “How long will the island wait for a new ferry?”",
        # a label names the speaker
        "Okafor: “We will sail again in the spring, whatever happens.”",
        # a credit closes the paragraph
        "“We will sail again next year, whatever the council says.”\nJo Ode, harbour master.",
        "FERRY NEWS “We will sail again next year, whatever the council says.” [Harbour Post]",
        # the clause before the colon or comma has the speaker, whatever the quote holds
        "As the harbour choir sang in the 1980s, “They will turn us all into sailors again.”",
    ],
)
def test_quotes_with_a_speaker_in_sight_are_not_orphans(lint, body):
    assert lint(HEAD + body + "\n", "--select", "NL105").findings == []


def test_a_headline_quote_is_not_an_orphan(lint):
    text = "“We Will Sail Again Next Year Whatever Happens”\n\nThe ferry sailed.\n"
    assert lint(text, "--select", "NL105").findings == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("A source, who spoke on condition of anonymity, said the ferry would be sold.", []),
        ("Sources said the quay would close. The sources said it would reopen.", [(3, 1)]),
        ("Officials said the quay would close.", []),
        ("The mayor left early. His advisers said the quay would reopen in May.", []),
    ],
)
def test_anonymous_sources_explained_or_met_before_are_not_flagged_again(lint, body, expected):
    assert lint(HEAD + body + "\n", "--select", "NL104").at("NL104") == expected


@pytest.mark.parametrize("body", ["It was very very late.", "He works at AT&T now."])
def test_emphasis_and_names_are_not_repeated_words(lint, body):
    assert lint(HEAD + body + "\n", "--select", "NL902").findings == []
