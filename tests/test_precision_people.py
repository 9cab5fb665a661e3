"""NL502 on real copy: only people the story treats as people, and only queries an editor
would raise (a person the story never names in full, or one story naming one person two
ways)."""

import pytest

HEAD = "Harbour row deepens\n\n"  # line 1 is a headline, so body text starts on line 3
HONORIFIC_STYLE = '[rules.NL502]\nlater-references = "honorific"\n'


def _style(tmp_path, text: str) -> None:
    (tmp_path / "newslint.toml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        # A lone surname may be a well-known figure, a firm or a common word.
        "Grant said the ferry would sail on Monday.",
        "Pressure on the operator grew after Harbourwatch reported the delays.",
        # Things named after a noun, lone given names beside a description, and given
        # names that share the next name's surname.
        "The robot Sophia greeted passengers at the terminal.",
        "His wife, Jeanette, runs the harbour cafe.",
        "The festival was filmed by Ethan and Joel Coen.",
        # A name after "like" is a type of person, not a reference.
        "Passengers sounded like Mr Grumble complaining about the weather.",
        # An honorific after an adjective belongs to a title.
        "The ferry carried former Miss Universe Alicia Machado to the island.",
    ],
)
def test_names_that_are_no_first_reference_problem(lint, text):
    assert lint(HEAD + text + "\n", "--select", "NL502").findings == []


@pytest.mark.parametrize(
    "text",
    [
        "The Okafor campaign hired two press officers.",
        "Okafor supporters gathered outside the town hall.",
        "The Okafors have run the chandlery for forty years.",
        "Some called the new chair a second Okafor.",
        "The Okafor-Nowak race has divided the island.",
        "The Okafor versus Nowak contest ends on Friday.",
        "Anti-Okafor leaflets were found on the quay.",
        "The film Okafor opens at the harbour cinema.",
    ],
)
def test_a_surname_that_does_not_refer_to_the_person_is_no_later_reference(lint, tmp_path, text):
    _style(tmp_path, HONORIFIC_STYLE)
    intro = "Samuel Okafor chairs the harbour board. Mr Okafor opened the meeting. "
    assert lint(HEAD + intro + text + "\n", "--select", "NL502").findings == []


@pytest.mark.parametrize(
    "text",
    [
        # A full name anywhere in the body introduces the person, even after "Mr Okafor".
        "Mr Okafor said the pier was unsafe. Samuel Okafor has run the pier since 2009.",
        # ...and inside a quote too.
        "“Samuel Okafor knows this pier,” a fisherman said. Mr Okafor agreed.",
        # Family names first, double surnames, particles joined by hyphens.
        "Finance minister Lou Jiwei spoke first. Mr Lou said the budget was fair.",
        "Melba Acosta Febo chairs the bank. Ms Acosta said rates would hold.",
        "Bashar al-Assad was not invited. Mr Assad sent an envoy.",
        # Surnames of several words are no honorific before a full name.
        "Marine Le Pen visited the port. Ms Le Pen said little.",
        # A title shared by a list of names is a first reference for each.
        "Senators Okafor and Nowak toured the quay.",
    ],
)
def test_people_the_story_introduces_are_not_flagged(lint, text):
    assert lint(HEAD + text + "\n", "--select", "NL502").findings == []


def test_honorific_and_surname_with_no_full_name_anywhere_is_flagged(lint):
    text = (
        HEAD
        + "Repairs take a year.\n\nThe harbour, Tamsin Grey said, is safe. Mr Hale disagreed.\n"
    )
    [finding] = lint(text, "--select", "NL502").findings
    assert (finding["line"], finding["column"], finding["severity"]) == (5, 41, "warning")
    assert finding["message"] == (
        "First reference to 'Mr Hale' has no full name; give the given name and surname first"
    )


def test_a_lone_surname_is_flagged_when_the_story_also_gives_it_an_honorific(lint):
    text = HEAD + "Hale opposed the plan.\n\nMr Hale said the pier was unsafe.\n"
    [finding] = lint(text, "--select", "NL502").findings
    assert (finding["line"], finding["column"]) == (3, 1)
    assert "'Hale'" in finding["message"]


def test_an_honorific_in_a_quote_does_not_make_a_lone_surname_a_person(lint):
    text = HEAD + "“Mr Hale, answer the question,” a fisherman shouted. Hale did not reply.\n"
    assert lint(text, "--select", "NL502").findings == []


def test_source_words_after_a_colon_are_not_our_references(lint):
    text = HEAD + (
        "Samuel Okafor chairs the board. In a letter, a resident wrote:\n\n"
        "I trust Mr Hale more than the board.\n\n"
        "Mr Okafor did not reply.\n"
    )
    assert lint(text, "--select", "NL502").findings == []


def test_a_closing_tagline_about_the_writer_is_not_flagged(lint):
    text = HEAD + "The pier has been shut since May.\n\nMr Hale is a lecturer in marine law.\n"
    assert lint(text, "--select", "NL502").findings == []


def test_mixed_later_references_flag_the_rarer_form_once(lint):
    text = HEAD + (
        "Samuel Okafor chairs the harbour board.\n\n"
        "Mr Okafor said fares would rise. Mr Okafor blamed fuel costs.\n\n"
        "The timetable will not change, Okafor added. Mr Okafor then left.\n"
    )
    [finding] = lint(text, "--select", "NL502").findings
    assert (finding["line"], finding["column"], finding["severity"]) == (7, 32, "info")
    assert finding["message"] == (
        "Later references mix 'Mr Okafor' (3) and 'Okafor' (1) for the same person; use one form"
    )
    assert finding["suggestion"] == "Mr Okafor"


def test_on_a_tie_the_later_form_is_the_rarer(lint):
    text = HEAD + (
        "Samuel Okafor chairs the harbour board.\n\n"
        "Fares will rise, Okafor said. Mr Okafor blamed fuel costs.\n"
    )
    [finding] = lint(text, "--select", "NL502").findings
    assert (finding["line"], finding["column"]) == (5, 31)
    assert finding["suggestion"] == "Okafor"


@pytest.mark.parametrize(
    "text",
    [
        # One form throughout, either one.
        "Samuel Okafor chairs the board. Mr Okafor said fares would rise. Mr Okafor left.",
        "Samuel Okafor chairs the board. Okafor said fares would rise. Okafor left.",
        # Modifiers and quotes are not later references.
        "Samuel Okafor chairs the board. The Okafor plan passed. Mr Okafor was pleased.",
        "Samuel Okafor chairs the board. Mr Okafor spoke. “Okafor is right,” a pilot said.",
        # Two people share the surname: the forms may be for different people.
        "Samuel Okafor and Grace Okafor run the yard. Mr Okafor paints; Okafor sails.",
    ],
)
def test_consistent_or_ambiguous_later_references_are_not_flagged(lint, text):
    assert lint(HEAD + text + "\n", "--select", "NL502").findings == []


def test_honorific_style_still_flags_each_bare_later_reference(lint, tmp_path):
    _style(tmp_path, HONORIFIC_STYLE)
    text = HEAD + "Samuel Okafor chairs the board. Okafor said fares would rise.\n"
    [finding] = lint(text, "--select", "NL502").findings
    assert (finding["line"], finding["column"], finding["severity"]) == (3, 33, "info")
    assert finding["message"] == (
        "Later reference 'Okafor' should use an honorific (house style: honorific)"
    )


def test_honorific_style_spares_a_title_shared_by_a_list(lint, tmp_path):
    _style(tmp_path, HONORIFIC_STYLE)
    text = HEAD + (
        "Prof Amara Singh and Prof Ben Alba wrote the report. "
        "Professors Singh and Alba say the pier is unsafe.\n"
    )
    assert lint(text, "--select", "NL502").findings == []
