"""NL201 scare-quotes, NL202 distancing-term and NL903 unbalanced-quotes."""

from tests.conftest import FIXTURES
from tests.test_precision_quotes import LONG_BODY


def test_clean_professional_copy_has_no_quotation_findings(lint):
    text = (FIXTURES / "clean_quotes.txt").read_text()
    result = lint(text, "--select", "NL201,NL202,NL903")
    assert result.findings == []
    assert result.code == 0


def test_scare_quotes_found_at_the_opening_mark(lint):
    text = "Council backs plan\n\nThe council held a 'consultation' on the plan.\n"
    result = lint(text, "--select", "NL201")
    assert result.at("NL201") == [(3, 20)]
    finding = result.findings[0]
    assert (finding["end_line"], finding["end_column"]) == (3, 34)
    assert "'consultation'" in finding["message"]
    assert result.code == 1


def test_curly_scare_quotes_after_emoji_and_tab_count_code_points(lint):
    text = "Heading\n\n🎉\tThe ‘reform’ passed.\n"
    result = lint(text, "--select", "NL201")
    assert result.at("NL201") == [(3, 7)]


def test_scare_quotes_in_crlf_file(lint):
    text = "Heading here\r\n\r\nThe council held a 'consultation' on it.\r\n"
    assert lint(text, "--select", "NL201").at("NL201") == [(3, 20)]


def test_headline_quote_repeated_by_an_attributed_body_quote_is_fine(lint):
    text = (
        "Council faces row over 'reckless' budget\n\n"
        'The mayor said the budget was "reckless" and would be challenged.\n'
    )
    assert lint(text, "--select", "NL201").findings == []


def test_headline_quote_attributed_in_the_headline_is_fine(lint):
    text = "Mayor calls budget 'reckless'\n\nThe mayor spoke on Monday.\n"
    assert lint(text, "--select", "NL201").findings == []


def test_headline_quote_without_body_support_is_a_warning(lint):
    text = "Mayor backs 'reform' of taxis\n\nThe mayor backed the plan on Monday.\n" + LONG_BODY
    [finding] = lint(text, "--select", "NL201").findings
    assert (finding["line"], finding["column"], finding["severity"]) == (1, 13, "warning")


def test_quote_in_a_clause_describing_the_subject_is_not_attributed(lint):
    text = "Regions that held 'votes' will join on Friday, says the ministry\n\n" + LONG_BODY
    assert lint(text, "--select", "NL201").at("NL201") == [(1, 19)]


def test_longer_quotes_are_not_scare_quotes(lint):
    text = "Heading\n\nA sign read 'no entry for anyone today please'.\n"
    assert lint(text, "--select", "NL201").findings == []


def test_distancing_term_in_our_voice(lint):
    text = "Heading\n\nThe so-called reforms and the self-styled leader were discussed.\n"
    result = lint(text, "--select", "NL202")
    assert result.at("NL202") == [(3, 5), (3, 31)]
    assert "'so-called'" in result.findings[0]["message"]


def test_distancing_term_inside_a_quote_is_the_source_words(lint):
    text = 'Heading\n\nShe said: "These so-called reforms will fail."\n'
    assert lint(text, "--select", "NL202").findings == []


def test_supposed_to_is_not_distancing(lint):
    text = "Heading\n\nThe ferry was supposed to leave at noon.\n"
    assert lint(text, "--select", "NL202").findings == []


def test_unclosed_quote_is_flagged_at_its_mark(lint):
    text = 'Heading\n\n"We will appeal, the lawyer said.\n\nThe case continues.\n'
    result = lint(text, "--select", "NL903")
    assert result.at("NL903") == [(3, 1)]


def test_multi_paragraph_quote_is_balanced(lint):
    text = 'Heading\n\nShe said: "We will appeal.\n\n"And we will win."\n'
    assert lint(text, "--select", "NL903").findings == []


def test_stray_closing_mark_is_flagged(lint):
    text = "Heading\n\nThe lawyer said we will appeal.” Then she left.\n"
    assert lint(text, "--select", "NL903").at("NL903") == [(3, 32)]
