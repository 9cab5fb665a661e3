"""Story genre profiles: where they come from, what they change, and their errors."""

import json
import re
from pathlib import Path

import pytest

from newslint.config.ruleset import Overrides, build_profile_rule_set, build_rule_set
from newslint.config.settings import ConfigError, Settings, builtin_profiles, load_profiles
from newslint.rules.registry import load_registry
from tests.conftest import run_cli

# "so-called" before "plan" is NL202; the opinion profile does not run NL202.
REPORT = "Bridge to reopen\n\nThe so-called repair plan was approved on Monday.\n"
COLUMN = (
    "Why I walk\n\n"
    "I have walked to work for ten years. My route runs past the so-called new bridge.\n\n"
    "The council wants me to drive. I will not.\n"
)
QUOTING = (
    "Bridge to reopen\n\n"
    '"I walk every day, and I will walk on the new bridge," said Ana Costa. '
    '"It\'s my route."\n\n'
    "The so-called repair plan was approved on Monday.\n"
)
SPORT = (
    "Rovers edge United\n\n"
    "Rovers beat United 2-1 at Hill Park on Saturday, a stunning finish to a tense match.\n\n"
    "Dele Amadi scored in the first half. Amadi then set up the winner for Tom Reyes.\n"
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def profile_lines(*args: str) -> list[str]:
    """The ``--verbose`` profile lines that ``newslint -v ARGS`` prints."""
    result = run_cli("--verbose", "--select", "NL202", *args)
    return [line for line in result.stderr.splitlines() if ": profile " in line]


def nl202(*args: str) -> list[tuple[int, int]]:
    return run_cli("--format", "json", "--select", "NL202", *args).at("NL202")


def markdown(front_matter: str) -> str:
    return front_matter + "\n# Bridge to reopen\n\nThe so-called repair plan was approved.\n"


# Where the profile comes from


def test_no_profile_anywhere_is_news_by_default(tmp_path):
    story = write(tmp_path / "story.txt", REPORT)
    assert profile_lines(str(story)) == [f"{story}: profile news (default)"]
    assert nl202(str(story)) == [(3, 5)]


def test_per_file_profiles_glob_first_match_wins(tmp_path):
    config = write(
        tmp_path / "newslint.toml",
        '[per-file-profiles]\n"opinion/*.txt" = "opinion"\n"opinion/**" = "feature"\n'
        '"sport/**" = "sport"\n',
    )
    column = write(tmp_path / "opinion" / "col.txt", REPORT)
    nested = write(tmp_path / "sport" / "2025" / "match.txt", REPORT)
    assert profile_lines(str(column), str(nested)) == [
        f'{column}: profile opinion (per-file-profiles "opinion/*.txt" in {config})',
        f'{nested}: profile sport (per-file-profiles "sport/**" in {config})',
    ]
    assert nl202(str(column)) == []


def test_yaml_front_matter_chooses_the_profile(tmp_path):
    story = write(
        tmp_path / "col.md", markdown("---\ntitle: Walks\nnewslint-profile: opinion\n---\n")
    )
    assert profile_lines(str(story)) == [f"{story}: profile opinion (front matter)"]
    assert nl202(str(story)) == []


def test_toml_front_matter_chooses_the_profile(tmp_path):
    story = write(tmp_path / "col.md", markdown('+++\nnewslint-profile = "opinion"\n+++\n'))
    assert profile_lines(str(story)) == [f"{story}: profile opinion (front matter)"]


def test_plain_text_has_no_front_matter(tmp_path):
    story = write(tmp_path / "story.txt", markdown("---\nnewslint-profile: opinion\n---\n"))
    assert profile_lines(str(story)) == [f"{story}: profile news (default)"]


def test_first_person_column_is_detected_as_opinion(tmp_path):
    column = write(tmp_path / "col.txt", COLUMN)
    expected = f"{column}: profile opinion (detected: first person outside quotes, 4 times)"
    assert profile_lines(str(column)) == [expected]
    assert nl202(str(column)) == []


def test_a_source_saying_i_does_not_make_a_story_opinion(tmp_path):
    story = write(tmp_path / "story.txt", QUOTING)
    assert profile_lines(str(story)) == [f"{story}: profile news (default)"]
    assert nl202(str(story)) == [(5, 5)]


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Bridge to reopen\n\nANALYSIS.\n\n" + REPORT.split("\n\n", 1)[1], 'labelled "ANALYSIS"'),
        (
            "Opinion: the bridge must reopen\n\n" + REPORT.split("\n\n", 1)[1],
            'labelled "Opinion"',
        ),
        # A column's standing title as the last line of the headline.
        (
            "The bridge that paid for itself;\nEconomic Scene.\n\n" + REPORT.split("\n\n", 1)[1],
            'labelled "Economic Scene"',
        ),
        (
            "Bridge to reopen\n\nPolitical Memo\n\n" + REPORT.split("\n\n", 1)[1],
            'labelled "Political Memo"',
        ),
        (
            REPORT + "\nAna Costa is a professor of engineering at Saltby University.\n",
            "closing note on the writer, Ana Costa",
        ),
        (
            REPORT + "\nDr. Tom J. Reyes edits the Saltby Gazette.\n",
            "closing note on the writer, Dr. Tom J. Reyes",
        ),
        (
            REPORT + "\nK. Lena Moss, a retired ferry captain who sailed the Saltby crossing "
            "for twenty years, taught navigation at the county college.\n",
            "closing note on the writer, K. Lena Moss",
        ),
        # A column's closing contact line, with no name.
        (REPORT + "\nTwitter: @anacosta.\n", 'closing line "Twitter: @anacosta."'),
        (REPORT + "\nTranslated by Ana Costa.\n", 'closing line "Translated by Ana Costa."'),
        (
            "Walk to work\n\nIf you walk, your day starts well. You see the river and you "
            "meet your neighbours. The so-called new bridge will change that for us.\n",
            '"you" 5 times and "we" 1 time outside quotes',
        ),
    ],
)
def test_labelled_signed_and_reader_addressing_copy_is_opinion(tmp_path, text, evidence):
    column = write(tmp_path / "col.txt", text)
    assert profile_lines(str(column)) == [f"{column}: profile opinion (detected: {evidence})"]
    assert nl202(str(column)) == []


@pytest.mark.parametrize(
    "text",
    [
        # The closing line is about someone the story has already named.
        "Bridge to reopen\n\nAna Costa approved the so-called repair plan on Monday.\n\n"
        "Costa is the mayor of Saltby.\n",
        # A transcript's questions address the guest, not the reader.
        "Bridge to reopen\n\nThe so-called repair plan was approved on Monday.\n\n"
        "Q: Do you walk? Will you use your car? Did your family vote?\n\n"
        "A: I walk, yes. My family voted for it.\n",
        # "Our" and "Us" before a capitalised word are names.
        "Bridge to reopen\n\nThe so-called repair plan was backed by Our Bridge, Our Town "
        "and by Save Us Now. Our Bridge has 400 members; Our Town has 200.\n",
        # A deck under the headline is not a column's title.
        "Bridge to reopen;\nCouncil backs repair after long delay.\n\n"
        "The so-called repair plan was approved on Monday.\n",
        # A reporter's sign-off names them: it is chrome, not a columnist's contact line.
        "Bridge to reopen\n\nThe so-called repair plan was approved on Monday.\n\n"
        "Follow Ana Costa on Twitter @anacosta.\n",
        # A label later in the story is not a label of the story.
        "Bridge to reopen\n\nThe so-called repair plan was approved on Monday.\n\n"
        "The vote came after weeks of argument.\n\nAnalysis\n",
    ],
)
def test_news_is_not_taken_for_opinion(tmp_path, text):
    story = write(tmp_path / "story.txt", text)
    assert profile_lines(str(story)) == [f"{story}: profile news (default)"]
    assert nl202(str(story)) != []


@pytest.mark.parametrize(
    ("headline", "evidence"),
    [
        ("Hill Park Rovers 2-1 United", 'a result for a headline, "Hill Park Rovers 2-1 United"'),
        ("Rovers 1–1 United (aet, 4-3 pens)", 'a result for a headline, "Rovers 1–1 United'),
        ("Rovers edge United\n\nFootball", 'labelled "Football"'),
        ("Sport: Rovers edge United", 'labelled "Sport"'),
    ],
)
def test_a_result_or_a_sport_label_is_sport(tmp_path, headline, evidence):
    story = write(tmp_path / "match.txt", headline + "\n" + SPORT.split("\n", 1)[1])
    [line] = profile_lines(str(story))
    assert line.startswith(f"{story}: profile sport (detected: {evidence}")
    stunning = run_cli("--format", "json", "--select", "NL303", str(story)).at("NL303")
    assert stunning == []


@pytest.mark.parametrize(
    "headline",
    ["Rovers edge United", "Senate backs harbour bill 52-48", "Vote: Council 5-4 Mayor"],
)
def test_a_score_in_a_headline_sentence_is_not_sport(tmp_path, headline):
    story = write(tmp_path / "match.txt", headline + "\n" + SPORT.split("\n", 1)[1])
    assert profile_lines(str(story)) == [f"{story}: profile news (default)"]
    stunning = run_cli("--format", "json", "--select", "NL303", str(story)).at("NL303")
    assert stunning == [(3, 52)]


def test_a_regnal_numeral_is_not_the_writer(tmp_path):
    text = (
        "Museum reopens\n\nA sword of Henry I, a ring of Henry I and a coin of Henry I are shown.\n"
    )
    story = write(tmp_path / "story.txt", text)
    assert profile_lines(str(story)) == [f"{story}: profile news (default)"]


@pytest.mark.parametrize(
    ("args", "front_matter", "config", "expected"),
    [
        (["--profile", "feature"], "newslint-profile: sport", "profile", "feature (--profile)"),
        ([], "newslint-profile: sport", "profile", "sport (front matter)"),
        ([], "title: Walks", "glob", 'opinion (per-file-profiles "desk/*"'),
        ([], "title: Walks", "profile", "feature (config)"),
        ([], "title: Walks", "", "opinion (detected: first person outside quotes, 4 times)"),
    ],
)
def test_precedence(tmp_path, args, front_matter, config, expected):
    keys = {
        "profile": 'profile = "feature"\n',
        "glob": 'profile = "feature"\nper-file-profiles = { "desk/*" = "opinion" }\n',
        "": "",
    }
    write(tmp_path / "newslint.toml", keys[config])
    story = write(tmp_path / "desk" / "col.md", f"---\n{front_matter}\n---\n\n# {COLUMN}")
    [line] = profile_lines(*args, str(story))
    assert line.startswith(f"{story}: profile {expected}")


def test_profile_flag_applies_to_stdin_and_front_matter_to_named_markdown():
    text = markdown("---\nnewslint-profile: opinion\n---\n").encode()
    piped = run_cli("-v", "--select", "NL202", "--stdin-filename", "col.md", "-", stdin=text)
    assert "col.md: profile opinion (front matter)" in piped.stderr
    assert piped.code == 0


# What a profile changes


def test_sport_profile_spares_colour_and_bare_surnames(tmp_path):
    write(tmp_path / "newslint.toml", '[rules.NL502]\nlater-references = "honorific"\n')
    story = str(write(tmp_path / "match.txt", SPORT))
    news = run_cli("--format", "json", story)
    assert (news.at("NL303"), news.at("NL502")) == ([(3, 52)], [(5, 38)])
    sport = run_cli("--format", "json", "--profile", "sport", story)
    assert sport.findings == []


def test_user_profile_extends_a_built_in_one(tmp_path):
    write(
        tmp_path / "newslint.toml",
        '[profiles.match-report]\nextends = "sport"\ndescription = "Match reports"\n'
        'ignore = ["NL502"]\nextend-select = ["NL402"]\n'
        "[profiles.match-report.rules.NL402]\nmax-lead-words = 12\n",
    )
    story = str(write(tmp_path / "match.txt", SPORT))
    result = run_cli("--format", "json", "--profile", "match-report", story)
    assert [(f["code"], f["line"], f["column"]) for f in result.findings] == [("NL402", 3, 1)]
    assert {f["profile"] for f in result.findings} == {"match-report"}


def test_a_config_profile_may_override_and_extend_the_built_in_one(tmp_path):
    write(tmp_path / "newslint.toml", '[profiles.opinion]\nextends = "opinion"\nignore = ["NL9"]\n')
    story = str(write(tmp_path / "col.txt", REPORT + "\nIt rained and and rained.\n"))

    def found(profile: str) -> list[str]:
        result = run_cli("--format", "json", "--select", "NL2,NL9", "--profile", profile, story)
        return [f["code"] for f in result.findings]

    assert found("news") == ["NL202", "NL902"]
    assert found("opinion") == []


def test_command_line_select_beats_the_profile_select(tmp_path):
    write(tmp_path / "newslint.toml", '[profiles.hygiene]\nselect = ["NL9"]\n')
    story = str(write(tmp_path / "story.txt", REPORT))
    assert run_cli("--format", "json", "--profile", "hygiene", story).findings == []
    assert nl202("--profile", "hygiene", story) == [(3, 5)]


def test_every_built_in_profile_builds_against_the_registry():
    registry = load_registry()
    settings = Settings(root=Path.cwd())
    base = build_rule_set(settings, registry, Overrides())
    assert set(builtin_profiles()) >= {"news", "sport", "feature", "opinion"}
    for name in builtin_profiles():
        build_profile_rule_set(settings, base.registry, Overrides(), name)


# Output


def test_json_profile_field_follows_message(tmp_path):
    story = str(write(tmp_path / "story.txt", REPORT))
    [finding] = run_cli("--format", "json", "--select", "NL202", story).findings
    assert list(finding)[-2:] == ["message", "profile"]
    assert finding["profile"] == "news"


def test_sarif_results_carry_the_profile(tmp_path):
    story = str(write(tmp_path / "story.txt", REPORT))
    log = run_cli("--format", "sarif", "--select", "NL202", "--profile", "feature", story)
    [result] = json.loads(log.stdout)["runs"][0]["results"]
    assert result["properties"] == {"profile": "feature"}


# Errors


def test_unknown_front_matter_profile_is_an_error_for_that_file_only(tmp_path):
    bad = write(tmp_path / "bad.md", markdown("---\nnewslint-profile: sprot\n---\n"))
    good = write(tmp_path / "good.txt", REPORT)
    result = run_cli("--format", "json", "--select", "NL202", str(bad), str(good))
    assert result.code == 2
    assert f"{bad}: newslint-profile: unknown profile 'sprot'; expected one of" in result.stderr
    assert [(f["path"], f["line"]) for f in result.findings] == [(str(good), 3)]


def test_unknown_profile_flag_is_an_error(tmp_path):
    result = run_cli("--profile", "sprot", str(write(tmp_path / "a.txt", REPORT)))
    assert result.code == 2
    assert "--profile: unknown profile 'sprot'; expected one of feature, news" in result.stderr


@pytest.mark.parametrize(
    ("config", "key", "message"),
    [
        ('profile = "sprot"\n', "profile", "unknown profile 'sprot'"),
        (
            'per-file-profiles = { "sport/*" = "sprot" }\n',
            "per-file-profiles.sport/*",
            "unknown profile 'sprot'",
        ),
        ('[profiles.x]\nextends = "sprot"\n', "profiles.x.extends", "unknown profile 'sprot'"),
        (
            '[profiles.x]\nextends = "y"\n[profiles.y]\nextends = "x"\n',
            "profiles.x.extends",
            "profiles extend each other: x extends y extends x",
        ),
        ('[profiles.x]\ncolour = "red"\n', "profiles.x.colour", "unknown key in profile 'x'"),
        ('[profiles.x]\nignore = ["NL999"]\n', "profiles.x.ignore", "unknown rule code 'NL999'"),
        ("[profiles.x.rules.NL999]\nseverity = 'info'\n", "profiles.x.rules.NL999", "unknown"),
        (
            "[profiles.x.rules.NL502]\nlater-references = 'first'\n",
            "profiles.x.rules.NL502.later-references",
            "expected",
        ),
    ],
)
def test_bad_profile_config_names_file_and_key_and_exits_2(tmp_path, config, key, message):
    path = write(tmp_path / "newslint.toml", config)
    result = run_cli("--profile", "x", str(write(tmp_path / "a.txt", REPORT)))
    assert result.code == 2
    assert f"{path}: {key}: {message}" in result.stderr


def test_a_profiles_file_is_checked_like_a_config(tmp_path):
    path = write(tmp_path / "profiles.toml", "[profiles.x]\nignore = 'NL201'\n")
    with pytest.raises(ConfigError, match=re.escape(f"{path}: profiles.x.ignore: expected a list")):
        load_profiles(path)
    path.write_text("[profiles.x.rules.NL402]\nmax-words = 0\n")
    settings = Settings(root=tmp_path, profiles=load_profiles(path))
    message = f"{path}: profiles.x.rules.NL402.max-words: expected a positive integer"
    with pytest.raises(ConfigError, match=re.escape(message)):  # checked at load, used or not
        build_rule_set(settings, load_registry(), Overrides())


def test_a_columnist_summing_up_the_mood_is_not_vague_attribution(tmp_path):
    lead = "The town council sold the old pier to a private trust on Monday for two million.\n\n"
    column = write(
        tmp_path / "col.txt", "Pier talk\n\n" + lead + "Critics say the pier is past saving.\n"
    )
    news = run_cli("--format", "json", "--select", "NL102", str(column))
    assert [(f["line"], f["column"]) for f in news.findings] == [(5, 1)]
    opinion = run_cli("--format", "json", "--select", "NL102", "--profile", "opinion", str(column))
    assert opinion.findings == []
