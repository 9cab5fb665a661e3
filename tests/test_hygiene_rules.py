"""NL901, NL902 and NL504: copy hygiene and typography, at exact positions, and traps."""

import pytest

HYGIENE = "NL901,NL902,NL504"
HEAD = "Harbour ferry fares to rise\n\n"  # line 1 is a headline, so body text starts on line 3

CLEAN = """\
Harbour ferry fares to rise

Fares on the island ferry will rise by a tenth in March, the operator said on Tuesday.

“We had had no increase for six years,” said Dana Okafor, the operator’s chief executive.
“The cost of fuel – and of the crews – has doubled since 2019.”

She said that that was the reason, and that the 2024–25 timetable would not change.
Passengers can click here on the operator’s website to compare fares, she added.

The first sailing leaves at 06:45 and the last at 22:10; the crossing takes 40 minutes.
Copyright law does not cover timetables, the operator’s lawyer said.
More on the fares will be published next week.

The Walla Walla office will take bookings.
"""


def test_clean_copy_has_no_findings(lint):
    result = lint(CLEAN, "--select", HYGIENE)
    assert result.findings == []
    assert result.code == 0


def test_clean_markdown_has_no_findings(lint):
    text = (
        "# Harbour ferry fares to rise\n\n"
        "Fares will rise, the operator said. [Click here](https://example.com) for details.\n\n"
        "- World leaders met on Friday.\n- The talks ended early.\n"
    )
    assert lint(text, "--select", HYGIENE, name="story.md").findings == []


@pytest.mark.parametrize(
    "line",
    [
        "Please use Chrome browser for a more accessible video player",
        "This video can not be played",
        "Media caption, The ferry arrives in the harbour",
        "Your device may not support this video",
        "4:07",
        "1:02:33",
        "02:15 GMT",
        "More on Ferries",
        "More on Island transport policy",
        "Read more",
        "Read more »",
        "Advertisement",
        "ADVERTISEMENT",
        "Share this article",
        "Sign up to our newsletter",
        "Click here",
        "Image caption, Passengers board the morning ferry",
        "Image source, Getty Images",
        "Related topics",
        "Watch: The new ferry on its first crossing",
        "Follow us on social media",
        "© 2024 Example News Group",
        "Copyright 2024 Example News Group. All rights reserved.",
        "Getty Images",
        "Reuters",
        "AFP via Getty Images",
        "3 hours ago",
    ],
)
def test_residue_line_is_found_and_spans_the_line(lint, line):
    text = HEAD + "The fares rise in March.\n" + "  " + line + "  \n"
    [finding] = lint(text, "--select", "NL901").findings
    assert (finding["line"], finding["column"]) == (4, 3)
    assert (finding["end_line"], finding["end_column"]) == (4, 3 + len(line))
    assert finding["severity"] == "warning"
    assert f"'{line}'" in finding["message"]


@pytest.mark.parametrize(
    "line",
    [
        "Readers can click here to see the full report, the council said.",
        "More on that when the council meets next week.",
        "More on the fares will follow next month, the operator said.",
        "Copyright rules are changing, the minister said.",
        "Watching the ferry leave, she said: “It is the end of an era.”",
        "The ferry left at 4:07 and arrived at 4:52.",
        "Reuters reported the sale on Monday.",
        "Advertisement revenue fell by a fifth.",
        "World leaders met on the island.",
    ],
)
def test_prose_that_mentions_residue_words_does_not_fire(lint, line):
    assert lint(HEAD + line + "\n", "--select", "NL901").findings == []


def test_section_label_on_the_first_line_is_info(lint):
    text = "Business\n\n" + HEAD + "Sport\n\nThe fares rise in March.\n"
    [finding] = lint(text, "--select", "NL901").findings
    assert (finding["line"], finding["column"], finding["end_column"]) == (1, 1, 9)
    assert finding["severity"] == "info"
    assert "'Business'" in finding["message"]
    assert lint(text, "--select", "NL901").code == 0


def test_residue_in_markdown_spans_the_prose_not_the_markup(lint):
    text = "# Fares rise\n\nThe fares rise.\n\n[Read more](https://example.com/fares)\n\n**Advertisement**\n"
    found = lint(text, "--select", "NL901", name="story.md").findings
    assert [(f["line"], f["column"], f["end_column"]) for f in found] == [(5, 2, 11), (7, 3, 16)]


def test_residue_lines_inside_a_paragraph_are_found_one_by_one(lint):
    text = HEAD + "The fares rise in March.\nAdvertisement\nThe operator said so.\n4:07\n"
    assert lint(text, "--select", "NL901").at("NL901") == [(4, 1), (6, 1)]


@pytest.mark.parametrize(
    ("sentence", "column", "word"),
    [
        ("The council said the the road would reopen.", 22, "the"),
        ("The the road will reopen.", 5, "the"),
        ("It is a a short crossing.", 9, "a"),
        ("Fares will rise in in March.", 20, "in"),
        ("The ferry’s ferry’s engine failed.", 13, "ferry’s"),
        ("Ministers met in the\tthe harbour office.", 22, "the"),
        ("“We will will appeal,” the lawyer said.", 10, "will"),
        ("The crews are counting on on the new pier.", 27, "on"),
        ("Fares went up up in Nov. 8 deals.", 15, "up"),
        ("THE FERRY IS LATE AGAIN AND AGAIN THE THE CREW SAID.", 39, "THE"),
    ],
)
def test_repeated_word_is_found_at_the_second_occurrence(lint, sentence, column, word):
    [finding] = lint(HEAD + sentence + "\n", "--select", "NL902").findings
    assert (finding["line"], finding["column"]) == (3, column)
    assert finding["end_column"] - finding["column"] == len(word)
    assert finding["message"] == f"Repeated word '{word}'"


def test_repeated_word_across_a_crlf_line_break(lint):
    text = "Fares rise\r\n\r\nThe operator said the\r\nthe fares would rise.\r\n"
    [finding] = lint(text, "--select", "NL902").findings
    assert (finding["line"], finding["column"], finding["end_column"]) == (4, 1, 4)


def test_repeated_word_three_times_is_two_findings(lint):
    assert lint(HEAD + "He said the the the fare.\n", "--select", "NL902").at("NL902") == [
        (3, 13),
        (3, 17),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "She had had enough of the delays.",
        "He said that that was the plan.",
        "What it is is a new timetable.",
        "The clerk gave her her ticket.",
        "The ferry sails to Bora Bora twice a week.",
        "The first ferries came in in 1979.",
        "Rival lines hope to fox Fox Ferries on fares.",
        "Her well-being being at risk, she left.",
        "The ferry left. The ferry returned.",
        "The fare is 10 10 times a day.",
        "The voters the crews are counting on on Nov. 8 are young.",
        "The harbour lights came on on Friday.",
        "The lights come on on 5 May.",
        "“Fares, timetables, moorings, etc etc,” she wrote.",
        "“It is all about ME ME and nobody else,” the skipper wrote.",
    ],
)
def test_grammatical_doubles_and_names_are_not_repeats(lint, sentence):
    assert lint(HEAD + sentence + "\n", "--select", "NL902").findings == []


def test_repeated_word_is_not_found_across_paragraphs(lint):
    assert lint(HEAD + "Fares rise in\n\nin March.\n", "--select", "NL902").findings == []


def test_repeated_word_around_markdown_markup(lint):
    text = "# Fares\n\nThe fare **the** the operator set is high.\n"
    found = lint(text, "--select", "NL902", name="story.md").findings
    assert [(f["line"], f["column"]) for f in found] == [(3, 18)]


def test_straight_quotes_in_a_curly_document(lint):
    text = HEAD + '“We will appeal,” she said. ‘Soon’, he said. "No," said the clerk’s aide.\n'
    [finding] = lint(text, "--select", "NL504").findings
    assert (finding["line"], finding["column"]) == (3, 46)
    assert finding["message"] == (
        '2 straight quotes in a document that mostly uses curly quotes; first here: "'
    )
    assert (finding["suggestion"], finding["severity"]) == ("“", "info")


def test_curly_marks_in_a_straight_document(lint):
    text = HEAD + '"We will appeal," she said. "It\'s over." The clerk’s aide agreed.\n'
    [finding] = lint(text, "--select", "NL504").findings
    assert (finding["line"], finding["column"]) == (3, 51)
    assert finding["message"] == "Curly apostrophe ’ in a document that mostly uses straight quotes"
    assert finding["suggestion"] == "'"


def test_quote_tie_goes_to_the_style_used_first(lint):
    text = HEAD + "The clerk’s aide and the pilot's mate.\n"
    [finding] = lint(text, "--select", "NL504").findings
    assert (finding["line"], finding["column"]) == (3, 31)
    assert finding["message"] == (
        "Straight apostrophe ' in a document that uses curly quotes first (as many of each)"
    )


def test_primes_are_not_quotes(lint):
    text = HEAD + "“He is 6'2\" tall,” she said of the operator’s pilot.\n"
    assert lint(text, "--select", "NL504").findings == []


def test_house_quote_style_from_config(lint, tmp_path):
    (tmp_path / "newslint.toml").write_text('[rules.NL504]\nquotes = "curly"\n')
    text = HEAD + '"We will appeal," she said. "It\'s over."\n'
    found = lint(text, "--select", "NL504").findings
    assert [f["column"] for f in found] == [1, 32]
    assert [f["message"] for f in found] == [
        '4 straight quotes where house style is curly quotes; first here: "',
        "Straight apostrophe ' where house style is curly quotes",
    ]
    assert [f["suggestion"] for f in found] == ["“", "’"]


def test_house_straight_quotes_from_config(lint, tmp_path):
    (tmp_path / "newslint.toml").write_text('[rules.NL504]\nquotes = "straight"\n')
    text = HEAD + '“We will appeal,” she said. “It’s over.” "Yes."\n'
    assert [f["column"] for f in lint(text, "--select", "NL504").findings] == [1, 32]


def test_bad_house_style_is_a_config_error(lint, tmp_path):
    (tmp_path / "newslint.toml").write_text('[rules.NL504]\ndashes = "long"\n')
    result = lint(HEAD + "Fares rise.\n", "--select", "NL504")
    assert result.code == 2
    assert "dashes" in result.stderr


def test_spaced_hyphen_in_an_en_dash_document(lint):
    text = HEAD + "Fares – the first rise in years – start in March - the operator said.\n"
    [finding] = lint(text, "--select", "NL504").findings
    assert (finding["line"], finding["column"]) == (3, 50)
    assert finding["message"] == "Spaced hyphen - in a document that mostly uses en dashes"
    assert finding["suggestion"] == "–"


def test_em_dashes_in_a_hyphen_document(lint):
    text = HEAD + "Fares - the first rise - start soon.\n\nThe pilot—a veteran—agreed - twice.\n"
    [finding] = lint(text, "--select", "NL504").findings
    assert (finding["line"], finding["column"]) == (5, 10)
    assert finding["message"] == (
        "2 em dashes in a document that mostly uses spaced hyphens; first here: —"
    )
    assert finding["suggestion"] == " - "


def test_house_dash_from_config(lint, tmp_path):
    (tmp_path / "newslint.toml").write_text('[rules.NL504]\ndashes = "em"\n')
    text = HEAD + "Fares – the first rise – start in March.\n"
    [finding] = lint(text, "--select", "NL504").findings
    assert finding["column"] == 7
    assert finding["message"] == "2 en dashes where house style is em dashes; first here: –"


def test_ranges_scores_compounds_and_bullets_are_not_dashes(lint):
    text = HEAD + (
        "The 2019–20 season – a long one – ended 3 - 2 at 9am - 5pm.\n"
        "The poll ran from Dec. 3 - Dec. 7 and from 4 March - 9 March.\n"
        "A well-known pilot took the London–Paris route.\n"
        "Stops:\n- Harbour\n- Island\n"
    )
    assert lint(text, "--select", "NL504").findings == []
