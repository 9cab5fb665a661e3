"""NL502, NL503 and the house spellings (NL510): who is this, and how is it spelt?"""

import pytest

HEAD = "Harbour row deepens\n\n"  # line 1 is a headline, so body text starts on line 3
SURNAME_STYLE = '[rules.NL502]\nlater-references = "surname"\n'
HONORIFIC_STYLE = '[rules.NL502]\nlater-references = "honorific"\n'

BBC_STORY = "\n\n".join(
    [
        "Harbour row reaches High Court",
        (
            "The council leader, Ayesha Malik, told reporters outside the court on Monday that "
            "the town had been left without a reliable ferry for two winters. Ms Malik said the "
            "council would seek damages."
        ),
        (
            "The operator's chief executive, Tomasz Nowak, said the company had spent heavily "
            "on new boats. Mr Nowak said storms had caused most of the cancellations."
        ),
        (
            "The case is being heard by Mrs Justice Carr. Lord Hendry, a former transport "
            "minister, attended, as did the local MP, Sir Roger Penhale. Sir Roger said the "
            "town had waited long enough."
        ),
        (
            "Dr Fatima Haddad, who chairs the harbour users' group, said passengers wanted a "
            "timetable they could trust. Dr Haddad said the group would attend every day of the "
            "hearing."
        ),
        "“Mr Nowak has never once come to the island,” said Ms Malik.",
        (
            "Brexit and the pandemic both cut passenger numbers, the council said. Residents in "
            "Porthmellin and Saltby said they were tired of the row."
        ),
        (
            "President Macron, in London for talks, was asked about ferry links across the "
            "Channel. Mr Macron said he hoped for a deal."
        ),
    ]
)

AP_STORY = "\n\n".join(
    [
        "Harbor row reaches court",
        (
            "The council leader, Ayesha Malik, told reporters outside the court Monday that the "
            "town had been left without a reliable ferry for two winters. Malik said the "
            "council would seek damages."
        ),
        (
            "The operator's chief executive, Tomasz Nowak, said the company had spent heavily "
            "on new boats. Nowak said storms had caused most of the cancellations."
        ),
        (
            "Fatima Haddad, who chairs the harbor users' group, said passengers wanted a "
            "timetable they could trust. Haddad said the group would attend every day of the "
            "hearing."
        ),
        '"Nowak has never once come to the island," Malik said.',
    ]
)


def _write(tmp_path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")


def test_clean_bbc_copy_has_no_reference_findings(lint, tmp_path):
    assert lint(BBC_STORY, "--select", "NL502,NL503").findings == []
    _write(tmp_path, "newslint.toml", HONORIFIC_STYLE)
    assert lint(BBC_STORY, "--select", "NL502,NL503").findings == []


def test_clean_ap_copy_has_no_reference_findings_with_surname_style(lint, tmp_path):
    _write(tmp_path, "newslint.toml", SURNAME_STYLE)
    assert lint(AP_STORY, "--select", "NL502,NL503").findings == []


def test_consistent_later_references_are_the_default(lint):
    assert lint(AP_STORY, "--select", "NL502").findings == []


def test_ap_copy_breaks_the_bbc_honorific_style(lint, tmp_path):
    _write(tmp_path, "newslint.toml", HONORIFIC_STYLE)
    findings = lint(AP_STORY, "--select", "NL502").findings
    lines = {(3, "info"), (5, "info"), (7, "info"), (9, "info")}
    assert {(f["line"], f["severity"]) for f in findings} == lines
    assert "Later reference 'Malik' should use an honorific" in findings[0]["message"]


@pytest.mark.parametrize(
    ("text", "column", "span"),
    [
        ("Mr Peskov told reporters the talks had stalled.", 1, "Mr Peskov"),
        ("The figures were checked, Ms Lal said.", 27, "Ms Lal"),
        ("Waiting lists were long, according to Dr Bello.", 39, "Dr Bello"),
        ("Prof Singh led the study of the harbour wall.", 1, "Prof Singh"),
        ("Zelensky thanked the volunteers. Mr Zelensky then left.", 1, "Zelensky"),
        ("Sir Keir said the harbour deserved better.", 1, "Sir Keir"),
    ],
)
def test_first_reference_without_full_name(lint, text, column, span):
    [finding] = lint(HEAD + text + "\n", "--select", "NL502").findings
    assert (finding["line"], finding["column"], finding["severity"]) == (3, column, "warning")
    assert finding["end_column"] - finding["column"] == len(span)
    assert finding["message"] == (
        f"First reference to '{span}' has no full name; give the given name and surname first"
    )


def test_only_the_first_of_several_bare_references_is_found(lint):
    text = HEAD + "Mr Peskov spoke first.\n\nLater, Mr Peskov spoke again.\n"
    assert lint(text, "--select", "NL502").at("NL502") == [(3, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "James Cleverly, the foreign secretary, flew to Kigali. Mr Cleverly met ministers.",
        "The council leader, Ayesha Malik, opened the library. Ms Malik said it cost £2m.",
        "Tickets sold out within an hour. “Mr Peskov will not be coming,” a steward said.",
        "President Putin spoke on Tuesday. Mr Putin said talks would go on.",
        "The judge, Mrs Justice Carr, ruled against them.",
        "Lord Hendry, a former minister, attended the hearing.",
        "Sir Keir Starmer visited the quay. Sir Keir said the ferry mattered.",
        "Prof Amara Singh led the study. Prof Singh said it was small.",
        'Earvin "Magic" Johnson once visited the docks. Mr Johnson waved.',
        "Jacob Rees-Mogg spoke. Mr Rees-Mogg then left.",
        "Ursula von der Leyen arrived. Ms von der Leyen said little.",
        "Brexit and Covid both cut passenger numbers.",
        "Voting was held in Kherson and Mariupol. Turnout in Kherson was low.",
        "The Okafor family said they were relieved.",
        "The president said the talks had gone well.",
        "Emmanuel Macron and Olaf Scholz met in Paris. Mr Scholz said little.",
        "The drug, known as Lecanemab, slowed decline in the trial.",
        "Amara, 9, and her brother Kofi, 12, were rescued by lifeboat crews.",
    ],
)
def test_proper_references_and_traps_are_not_flagged(lint, text):
    assert lint(HEAD + text + "\n", "--select", "NL502").findings == []


def test_headline_is_neither_flagged_nor_a_first_reference(lint):
    text = "Okafor quits harbour board\n\nMs Okafor said she was leaving.\n"
    assert lint(text, "--select", "NL502").at("NL502") == [(3, 1)]


def test_honorific_before_full_name_is_info(lint):
    [finding] = lint(HEAD + "Mr Vladimir Putin arrived in Minsk.\n", "--select", "NL502").findings
    assert (finding["line"], finding["column"], finding["severity"]) == (3, 1, "info")
    assert "'Mr Vladimir Putin'" in finding["message"]


def test_bare_surname_breaks_honorific_style(lint, tmp_path):
    _write(tmp_path, "newslint.toml", HONORIFIC_STYLE)
    text = HEAD + "Delia Okafor chairs the board.\n\nOkafor said fares would rise.\n"
    [finding] = lint(text, "--select", "NL502").findings
    assert (finding["line"], finding["column"], finding["severity"]) == (5, 1, "info")
    assert finding["message"] == (
        "Later reference 'Okafor' should use an honorific (house style: honorific)"
    )


def test_honorific_breaks_surname_style(lint, tmp_path):
    _write(tmp_path, "newslint.toml", SURNAME_STYLE)
    text = HEAD + "Delia Okafor chairs the board.\n\nFares will rise, Ms Okafor said.\n"
    [finding] = lint(text, "--select", "NL502").findings
    assert (finding["line"], finding["column"], finding["severity"]) == (5, 18, "info")
    assert finding["message"] == (
        "Later reference 'Ms Okafor' should be the surname alone (house style: surname)"
    )
    assert finding["suggestion"] == "Okafor"


def test_later_references_option_is_validated(lint, tmp_path):
    _write(tmp_path, "newslint.toml", '[rules.NL502]\nlater-references = "first-name"\n')
    result = lint(HEAD + "Delia Okafor spoke.\n", "--select", "NL502")
    assert result.code == 2
    assert 'later-references: expected "consistent", "honorific" or "surname"' in result.stderr


def test_minority_variant_is_found_at_each_use(lint):
    text = (
        HEAD + "Two referendums were held in May.\n\n"
        "Both referenda failed, and the referendums cost £2m. The referenda were close.\n"
    )
    findings = lint(text, "--select", "NL503").findings
    assert [(f["line"], f["column"]) for f in findings] == [(5, 6), (5, 58)]
    assert findings[0]["message"] == (
        "'referenda' here, but 'referendums' elsewhere in this article; pick one"
    )
    assert findings[1]["end_column"] - findings[1]["column"] == len("referenda")


def test_on_a_tie_the_later_form_is_the_minority(lint):
    text = HEAD + "The council organised the vote.\n\nVolunteers are organizing the count.\n"
    [finding] = lint(text, "--select", "NL503").findings
    assert (finding["line"], finding["column"]) == (5, 16)
    assert "'organizing' here, but 'organised' elsewhere" in finding["message"]


def test_spellings_of_a_name_are_variants(lint):
    text = HEAD + "Volodymyr Zelensky spoke.\n\nMr Zelensky's aides met Mr Zelenskyy's allies.\n"
    assert lint(text, "--select", "NL503").at("NL503") == [(5, 28)]


@pytest.mark.parametrize(
    "text",
    [
        "The council organised the talks with the World Health Organization.",
        "The centre will open beside the Lincoln Center.",
        'The council organised it. "We organized it in a hurry," a visitor said.',
        "Labour and the Australian Labor Party sent observers. Labour won the vote.",
        "The colour of the hull was grey. The new colours were greyer.",
    ],
)
def test_proper_names_quotes_and_consistent_copy_are_not_variants(lint, text):
    assert lint(HEAD + text + "\n", "--select", "NL503").findings == []


def test_block_quotes_are_left_alone(lint):
    text = (
        "# Talks stall\n\n"
        "> Mr Peskov said the referenda would go ahead.\n\n"
        "Two referendums were held in May.\n"
    )
    assert lint(text, "--select", "NL502,NL503", name="story.md").findings == []


def test_house_spelling_suggests_the_house_form(lint):
    text = HEAD + "Shelling resumed near Kiev overnight.\n"
    [finding] = lint(text, "--select", "NL510").findings
    assert (finding["line"], finding["column"], finding["suggestion"]) == (3, 23, "Kyiv")
    assert finding["message"] == "Use 'Kyiv' rather than 'Kiev' (house spelling)"


def test_house_spelling_spares_chicken_kiev(lint):
    text = HEAD + "The cafe in Kyiv still serves chicken Kiev.\n"
    assert lint(text, "--select", "NL510").findings == []
