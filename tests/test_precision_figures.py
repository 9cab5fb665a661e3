"""NL101 on real copy: which figures are claims, and which sources cover them.

False alarms judged on real copy, rewritten in our own words, must stay silent; the
claims an editor would query must still be found at their exact span.
"""

import pytest

HEAD = "Harbour plans approved\n\n"  # body text starts on line 3


@pytest.mark.parametrize(
    "body",
    [
        # a threshold or a target is a rule or an aim, not a forecast
        "The council is expected to reach the 1,500 members needed for a quorum.",
        "The bank kept its inflation target of 2 percent.",
        # results: a candidate's share and the precincts counted
        "Ms Okafor, who had the backing of the unions, took almost 60 percent.",
        "With almost 100% of precincts reporting, the race was tied.",
        # a figure hyphenated to a noun describes it
        "The trust published a nearly 9,000-word report on the quay.",
        "Critics doubt that a billion-dollar bridge could save any time.",
        "Staff cuts in the roughly 15,000-member work force angered the union.",
        # an organisation's own records: volunteers, donors, pages, members
        "The charity recruited nearly 80 volunteers and about 4,500 donors.",
        "The agency released roughly 5,500 pages of files on Friday.",
        "The two million members of the dockers' union may back the plan.",
        "The Ferry Workers Union represents almost 50,000 workers.",
        "About 1,200 soldiers are deployed along the coast.",
        # hundreds at an event can be counted on the spot; past casualties are settled
        "About 250 protesters gathered outside the town hall on Monday.",
        "Close to 300 people stood in the rain to hear the mayor.",
        "Three people died and more than 260 were hurt in the blast.",
        # signatures on a petition are on record
        "A petition against the quay was signed by more than 45,000 people.",
        # someone in the sentence gives the figure: an owned plan, a "that" clause
        "Ms Diaz's plan to move 11,000 people out of the flood zone drew criticism.",
        "The mayor held a briefing to boast that unemployment had fallen below 5 percent.",
        "Economists at the port trust modeled a closure: the town would lose $40 million.",
        # an organisation that reports in the lead governs the story's forecasts
        "Ferry deficits will grow this year, the harbour authority reported on Tuesday."
        "\n\nThe deficit is expected to rise to 3.1 percent of turnover next year.",
        # a report cited in the paragraph before covers the figures that follow it
        "A report by the port trust found that a fifth of dockers were out of work."
        "\n\nJoblessness among young dockers is almost 50 percent higher than among "
        "their parents.",
        # a survey cited anywhere covers the shares the story gives
        "The survey was conducted for the council by Harbour Research.\n\nOnly about "
        "10 percent chose ferries as the most important issue.",
        # headline rates of official series are checkable facts
        "The town's unemployment rate is 4.2 percent, below the national rate of 4.8 percent.",
        "With the jobless rate still close to 5 percent, wages should be rising.",
        "The island's economy boomed, averaging nearly 9 percent growth a year for a decade.",
        # a definite estimate is an established figure
        "Officials deport a few of the estimated 11 million migrants without papers.",
        # someone named who estimates in the paragraph before covers the estimate
        "A 2001 law gave residency to what advocates estimated were more than 40,000 "
        "children.\n\nOlder arrivals were left out. Ana is among an estimated tens of "
        "thousands of people who never became citizens.",
        # the organisation's own cuts, confirmed next by someone speaking for it
        "Crumbco is expected to cut 340 workers this month, the first of 700 layoffs."
        "\n\nCrumbco sent a notice to staff in March, said Jane Roe, a spokeswoman for "
        "Crumbco's owner.",
    ],
)
def test_facts_and_covered_figures_are_not_flagged(lint, body):
    assert lint(HEAD + body + "\n", "--select", "NL101").findings == []


def test_headline_figures_are_left_to_the_body(lint):
    text = "About 40% of ferries to close\n\nThe ferry service will shrink, the council said.\n"
    assert lint(text, "--select", "NL101").findings == []


@pytest.mark.parametrize(
    ("body", "column", "kind", "span"),
    [
        ("Nearly 10,000 dock jobs disappeared last year.", 1, "Estimate", "Nearly 10,000"),
        ("There are only 300,000 ferry workers in the country.", 11, "Statistic", "only 300,000"),
        (
            "The festival is expected to bring over $20 million into the town.",
            35,
            "Forecast",
            "over $20 million",
        ),
        ("Her speech on the quay drew more than 5,000 people.", 29, "People", "more than 5,000"),
        ("The islands amount to about 15% of the coast.", 23, "Estimate", "about 15%"),
    ],
)
def test_claims_are_flagged_at_their_span(lint, body, column, kind, span):
    [finding] = lint(HEAD + body + "\n", "--select", "NL101").findings
    assert (finding["line"], finding["column"]) == (3, column)
    assert finding["end_column"] - finding["column"] == len(span)
    assert finding["message"].startswith(kind)


def test_a_sentence_gets_one_query_for_all_its_figures(lint):
    body = "The port is expected to cut 300 jobs, the first of 600 layoffs."
    assert lint(HEAD + body + "\n", "--select", "NL101").at("NL101") == [(3, 29)]


def test_a_lead_source_that_only_speaks_does_not_cover_later_estimates(lint):
    body = (
        "Two islands will join the district on Friday, the council has said.\n\n"
        "The islands amount to about 15% of the coast."
    )
    assert lint(HEAD + body + "\n", "--select", "NL101").at("NL101") == [(5, 23)]


@pytest.mark.parametrize(
    ("body", "line", "column"),
    [
        # a forecast of an official series is still a claim
        ("Unemployment will rise to 7 percent next year.", 3, 27),
        # an indefinite estimate needs a source
        ("An estimated 20,000 protesters marched on the quay.", 3, 1),
        # someone speaking next, but not for the organisation the figure is about
        (
            "Crumbco is expected to cut 340 workers this month.\n\n"
            "Union leaders said the cuts were cruel.",
            3,
            28,
        ),
    ],
)
def test_claims_beside_the_new_exemptions_are_still_flagged(lint, body, line, column):
    assert lint(HEAD + body + "\n", "--select", "NL101").at("NL101") == [(line, column)]
