"""NL302 editorializing, NL303 puffery and NL501 relative-date."""

import pytest

HEAD = "Library hours cut\n\n"


@pytest.mark.parametrize(
    ("sentence", "column", "span"),
    [
        ("Tellingly, the council did not listen.", 1, "Tellingly"),
        ("The plan was sadly wrong.", 14, "sadly"),
        ("The vote will of course be close.", 15, "of course"),
        ("It was virtually certain that the plan would pass.", 8, "virtually certain"),
        ("The plan will undoubtedly pass.", 15, "undoubtedly"),
        ("Sadly, the library will close.", 1, "Sadly"),
        ("It must be said that turnout was low.", 1, "It must be said"),
    ],
)
def test_editorializing(lint, sentence, column, span):
    [finding] = lint(HEAD + sentence + "\n", "--select", "NL302").findings
    assert (finding["line"], finding["column"]) == (3, column)
    assert f"'{span}'" in finding["message"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The librarian smiled sadly at the meeting.",
        'She said: "Sadly, the council did not listen."',
        "The union said the council had sadly ignored its members.",
        "The signs were clearly marked.",
    ],
)
def test_manner_adverbs_quotes_and_attributed_judgement_are_spared(lint, sentence):
    assert lint(HEAD + sentence + "\n", "--select", "NL302").findings == []


def test_puffery_is_info_in_body_and_warning_in_headline(lint):
    text = "Stunning win for library campaign\n\nThe campaign won an astonishing vote.\n"
    found = [
        (f["line"], f["column"], f["severity"]) for f in lint(text, "--select", "NL303").findings
    ]
    assert found == [(1, 1, "warning"), (3, 21, "info")]


def test_puffery_exceptions_and_sources_are_spared(lint):
    text = HEAD + "The historic building will close. The mayor said it was a stunning result.\n"
    assert lint(text, "--select", "NL303").findings == []


@pytest.mark.parametrize(
    ("sentence", "column", "span"),
    [
        ("The mayor will open the bridge tomorrow.", 32, "tomorrow"),
        ("Councillors met last night to vote.", 17, "last night"),
        ("The ferry sank three days ago.", 16, "three days ago"),
        ("The ferry sank 3 days ago.", 16, "3 days ago"),
        ("Yesterday the vote was held.", 1, "Yesterday"),
    ],
)
def test_relative_dates(lint, sentence, column, span):
    [finding] = lint(HEAD + sentence + "\n", "--select", "NL501").findings
    assert (finding["line"], finding["column"]) == (3, column)
    assert f"'{span}'" in finding["message"]


def test_relative_dates_in_quotes_and_datelines_are_skipped(lint):
    text = (
        HEAD
        + "SALTBY, Tuesday (Harbour News) - The vote was held today.\n\n"
        + 'She said: "We vote tomorrow."\n'
    )
    assert lint(text, "--select", "NL501").findings == []


def test_absolute_style_also_flags_today(lint, tmp_path):
    (tmp_path / "newslint.toml").write_text('[rules.NL501]\nstyle = "absolute"\n')
    result = lint(HEAD + "The vote is today and the count is this week.\n", "--select", "NL501")
    assert result.at("NL501") == [(3, 13), (3, 36)]


def test_bad_style_option_names_the_key(lint, tmp_path):
    (tmp_path / "newslint.toml").write_text('[rules.NL501]\nstyle = "yesterday"\n')
    result = lint(HEAD + "Text.\n", "--select", "NL501")
    assert result.code == 2
