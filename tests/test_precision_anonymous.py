"""Who says so: false alarms of NL102 and NL104 on edited copy, in our own words."""

import pytest

HEAD = "Harbour sale agreed\n\n"  # body text starts on line 3
# A first paragraph long enough to be the lead, not a deck: what follows is line 5.
LEAD = "The town council sold the old harbour to a private trust on Monday for two million.\n\n"


@pytest.mark.parametrize(
    "body",
    [
        # a bare "some" or "others" picks from a group the sentence before names
        "Fishermen often dispute the quotas. Some argue that the limits are too low. "
        "Others argue that they are too high.",
        # a subheading between the group and the "some" does not hide it
        "The plan angered the harbour's fishermen.\n\nSmall boats.\n\nSome said they "
        "would sell their boats.",
        # the group is picked out by the sentence: a partitive, a clause, a phrase
        "Some of the fishermen said their letters went unanswered.",
        "Critics who sat on the review panel said the hull was unsafe.",
        "Surveys of passengers taken at the quay showed strong support.",
        # the vague words are someone else's: reported speech, a quotation
        "The harbour master says if people think the ferry is safe, they should ride it.",
        "The mayor said that for years some critics had been predicting the pier's collapse.",
        'The mayor told the crowd, "Some people say the pier will fall."',
        # the group is named in the next sentences, or a named member is quoted
        'The novel divides the trade. Some observers say readers will love it. "It can '
        'work," said Jo Ode, the reviews editor at Page Weekly.',
        'Experts expect the pier to close. "It will shut by spring," engineering expert '
        "Tomas Varga wrote on Monday.",
        # not a claim: a name, a term of art, a subject that does not say anything
        "Locally, the cliff is known as the Giant's Step.",
        "The quay became known as the Long Walk.",
        "It is a levy on what economists call consumption.",
        "Some skippers sold their boats and argue that the quota forced them to.",
        # "expected to" as a duty, a past expectation, reasoning or a schedule
        "Under the code, skippers are not necessarily expected to log every catch; rather, "
        "they are expected to keep a weekly record.",
        "Ports that are expected to fail rarely do.",
        "The ferry was not widely expected to survive the winter.",
        "Pilots who might be expected to welcome the plan have opposed it.",
        "The minister is expected to speak at the quay at 10am.",
        # the forecast's source is in the next sentence, or a digest credits the item
        "The ferry is expected to be sold. Its owners say a buyer will be found by May.",
        "FERRY SALE AGREED The sale is expected to close in June. [Harbour Wire] "
        "PIER REOPENS The pier reopened on Monday.",
        # a named outlet in the paragraph says who reported it
        "The singer was reportedly paid $1m. The Harbour Gazette reported the fee on Monday.",
        # "supposedly" doubts rather than attributes
        "The supposedly unsinkable ferry sank in 1998.",
        # a named person or body makes the point within the next two paragraphs
        "Experts said the pier was beyond repair.\n\nThe council met on Monday.\n\n"
        "Engineers at Varga and Sons said the pilings had rotted through.",
        # "others" than the named person the sentence has just quoted
        "Although Ana Cruz says the ferry saved the town, others argue that it ruined the beach.",
        # a relative clause's forecast is background to the sentence's news
        "The ad will run during the regatta, which is expected to draw a large crowd.",
        "The club raised its prices on the day the ferry is widely expected to be sold.",
        # an undated "is expected to" about nobody in particular is nobody's forecast
        "The change is expected to play out in several ways. Some skippers will earn more.",
        # a plain "is expected to": a schedule, a sum, a forecast with its basis given
        "The ferry is expected to reopen in May.",
        "Fares are expected to rise again in 2027.",
        "The Harbour Trust is expected to sell the pier.",
        "Ticket sales fell by half. The line is expected to lose money this year.",
        # a lead sums up critics the story names lower down
        "Harbour Row: Some Say the Port Is Doomed\n\nThe port lost money.",
        "Critics say the harbour sale was rushed.\n\nThe deal closed on Monday.",
        # a named source speaks within the next three paragraphs
        LEAD + "Critics say the sale was rushed.\n\nThe deal closed on Monday.\n\n"
        "Jo Ode, a fisherman, said the price was too low.",
        # a profession with a record to check
        LEAD + "Budget analysts had forecast a surplus for the port.",
        # hearsay a named source nearby may have reported
        "The Harbour Gazette said on Monday that the pier would close.\n\n"
        "The skipper reportedly refused to sail.",
        "The skipper is said to have refused to sail.\n\nThe Harbour Gazette said the "
        "crew backed him.",
        # a named reporter in the paragraph before
        "Jo Ode, reporting for the Harbour Gazette, was on the quay.\n\n"
        "The crowd reportedly booed the mayor.",
        # a reader's letter, closed by a signature, voices the reader's hearsay
        "It has been reported that the mayor sold his boat.\n\nHe should sell the pier "
        "too.\n\nMaria Lopez.",
        # a deck before the lead is part of the lead
        "Skippers fear the worst.\n\nCritics say the harbour sale, agreed on Monday after "
        "a long fight, was rushed through.",
        # a label pinned on a group says whose label it is
        LEAD + "The council passed a levy that critics called unfair.",
        # a credited digest item, polls as a record, a group met before
        LEAD + "Many are calling it the best regatta yet. [Harbour Wire]",
        LEAD + "Polls show most skippers oppose the levy.",
        LEAD + "Local experts doubt the pier will last.\n\nExperts said the pilings rotted.",
        # a survey the story names answers "surveys suggest"
        "A Harbour Trust survey asked 400 skippers.\n\nSurveys suggest most oppose the levy.",
        # the agency that reported it is named in the next paragraph
        LEAD + "Reports indicate the buyer plans a marina.\n\nThe Harbour Wire reported the "
        "plan on Sunday, citing the trust's filings.",
    ],
)
def test_attributed_named_or_not_attributing_is_not_vague(lint, body):
    assert lint(HEAD + body + "\n", "--select", "NL102").findings == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # below the lead, with no named source speaking in the next three paragraphs
        (LEAD + "Rents have soared. Critics say the port is to blame.", [(5, 20)]),
        (LEAD + "The ferry was late again. Some say it is unsafe.", [(5, 27)]),
        (LEAD + "Many economists say the levy will cut trade.", [(5, 1)]),
        # a consensus, or a shift in one, that nobody is named for
        ("The levy is widely expected to pass.", [(3, 10)]),
        ("The Harbour Trust is now expected to sell the pier.", [(3, 19)]),
        # hearsay with no named source in the paragraph, the one before or the next two
        ("The skipper reportedly refused to sail.", [(3, 13)]),
        ("The skipper is said to have refused to sail.", [(3, 13)]),
        ("The pier is regarded as the oldest on the coast.", [(3, 10)]),
        # evidence from no study the story names
        ("The levy passed. Surveys suggest most skippers oppose it.", [(3, 18)]),
        (LEAD + "Reports indicate the buyer plans a marina.", [(5, 1)]),
    ],
)
def test_vague_attribution_is_still_found(lint, body, expected):
    assert lint(HEAD + body + "\n", "--select", "NL102").at("NL102") == expected


@pytest.mark.parametrize(
    "body",
    [
        # another outlet's source: told it, spoke to it, its report, its story
        "A union source told the Harbour Gazette that the strike would go ahead.",
        "Another port source speaking to Radio Nord said the strike would go ahead.",
        "The Harbour Gazette reported, citing sources at the port, that the strike was on.",
        "The mayor mocked a Daily Ledger story in which union sources said he would quit.",
        "Different media sources reported different numbers of strikers.",
        # the reason for anonymity, later in the paragraph or earlier in the story
        "A port official familiar with the talks said the deal was close. The official, "
        "who was not authorized to speak publicly, said it would be signed on Friday.",
        "Three dockers, who spoke on condition of anonymity because they feared for their "
        "jobs, described the night shift.\n\nPeople familiar with the bid said the port "
        "would be sold.",
        "An engineer who saw the report and spoke anonymously because of its legal status "
        "said the pier was sound.",
        # words inside a quotation are not a source
        '"He is weak on safety, a member of the old board," the mayor said.',
        # a clause that describes a known group, or nobody at all
        "Councillors, who are close to the fishing industry, have vowed to block the quota.",
        "Anything close to that figure would please the board.",
        # a named person whose title has "official" in it
        "Ayo Bello, a harbour official, said the ferry would sail.",
        "The official in charge, Bello, said the plan was a mistake.",
        # the reason for anonymity comes later in the story
        "People familiar with the talks said the port would be sold.\n\nThe buyer is "
        "Dutch, said the people, who were not authorized to discuss the sale.",
        # the source's own sentence says what they fear
        '"I keep my head down," said one former docker, who was intimidated by the '
        "company's letters.",
        # a paragraph reproduced from another outlet's article after a colon lead-in
        "The strike spread on Monday.\n\nFrom the Harbour Gazette:\n\nThe dockers "
        "walked out at dawn, a source said.",
        # a story retold from another outlet's, as its lead says
        "The Daily Ledger reports that the dockers will strike on Monday.\n\nThe "
        "union chose the date at a secret meeting, sources said.",
    ],
)
def test_named_explained_or_other_outlets_sources_are_not_anonymous(lint, body):
    assert lint(HEAD + body + "\n", "--select", "NL104").findings == []


def test_a_lead_that_someone_reports_is_not_a_retold_story(lint):
    body = (
        "The port reports that trade fell in May.\n\n"
        "Ayo Bello reports that the dockers will strike.\n\n"
        "The union chose the date at a secret meeting, sources said."
    )
    assert lint(HEAD + body + "\n", "--select", "NL104").at("NL104") == [(7, 47)]


def test_sources_again_are_queried_once(lint):
    body = (
        "Multiple sources familiar with the bid said the port would be sold.\n\n"
        "Sources said the price was four million pounds. Sources say the buyer is Dutch."
    )
    assert lint(HEAD + body + "\n", "--select", "NL104").at("NL104") == [(3, 1)]


def test_a_quoted_word_does_not_explain_anonymity(lint):
    body = (
        '"They always brief anonymously," a rival skipper said.\n\n'
        "Sources said the price was four million pounds."
    )
    assert lint(HEAD + body + "\n", "--select", "NL104").at("NL104") == [(5, 1)]


@pytest.mark.parametrize(
    ("body", "severity", "opinion"),
    [
        # a modal in a clause that describes someone is not the source's opinion
        (
            "People briefed on the talks say the mayor, who must decide by Friday, has "
            "said nothing.",
            "info",
            False,
        ),
        # an unnamed official of a named institution: we know where they work
        ("An official at the Harbour Trust said the plan was a disaster.", "info", True),
        ("A source said the plan was a disaster.", "warning", True),
    ],
)
def test_anonymous_opinion_and_severity(lint, body, severity, opinion):
    [finding] = lint(HEAD + body + "\n", "--select", "NL104").findings
    assert (finding["line"], finding["column"], finding["severity"]) == (3, 1, severity)
    assert ("gives opinion" in finding["message"]) is opinion


@pytest.mark.parametrize(
    "body",
    [
        # what the source reports someone else said is a fact, not the source's opinion
        "The mayor told the skipper that he should sell the boat, according to several sources.",
        "The owners called the report absurd, according to people close to the board.",
    ],
)
def test_reported_words_are_not_the_sources_opinion(lint, body):
    findings = lint(HEAD + body + "\n", "--select", "NL104").findings
    assert all("gives opinion" not in f["message"] for f in findings)
