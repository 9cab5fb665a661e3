"""The command line: exit codes, formats, options, bad input."""

import json

from tests.conftest import JSON_FINDING_KEYS, run_cli

FLAWED = "Heading\n\nThe council held a 'consultation' on the plan.\n"
CLEAN = "Heading\n\nThe council held a consultation on the plan.\n"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_clean_file_exits_0_and_says_so(tmp_path):
    result = run_cli(str(write(tmp_path, "a.txt", CLEAN)))
    assert result.code == 0
    assert result.stdout == "No findings.\n"


def test_findings_exit_1_in_ruff_format(tmp_path):
    path = write(tmp_path, "a.txt", FLAWED)
    result = run_cli(str(path))
    assert result.code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{path}:3:20: NL201 Scare quotes around 'consultation'")


def test_missing_file_exits_2_and_other_files_are_still_linted(tmp_path):
    path = write(tmp_path, "a.txt", FLAWED)
    result = run_cli("--format", "json", str(tmp_path / "nope.txt"), str(path))
    assert result.code == 2
    assert "nope.txt: no such file or directory" in result.stderr
    assert [f["code"] for f in result.findings] == ["NL201"]


def test_binary_and_invalid_utf8_files_are_named_and_others_linted(tmp_path):
    write(tmp_path, "bin.txt", b"abc\x00def")
    write(tmp_path, "bad.txt", b"Heading\n\ncaf\xe9 is open.\n")
    write(tmp_path, "good.txt", FLAWED)
    result = run_cli("--format", "json", str(tmp_path))
    assert result.code == 2
    assert "bin.txt: binary file (NUL byte at byte offset 3)" in result.stderr
    assert "bad.txt: invalid UTF-8 at byte offset 12" in result.stderr
    assert [f["path"].endswith("good.txt") for f in result.findings] == [True]


def test_empty_file_is_a_notice_not_an_error(tmp_path):
    result = run_cli(str(write(tmp_path, "empty.txt", "")))
    assert result.code == 0
    assert "empty.txt: empty file; nothing to lint" in result.stderr


def test_huge_file_is_refused_by_configured_limit(tmp_path):
    write(tmp_path, "newslint.toml", "max-file-size = 50\n")
    result = run_cli(str(write(tmp_path, "big.txt", "word " * 20)))
    assert result.code == 2
    assert "big.txt: file is 100 bytes, over the limit of 50 (max-file-size)" in result.stderr


def test_stdin_with_filename(tmp_path):
    result = run_cli(
        "--format", "json", "--stdin-filename", "story.txt", "-", stdin=FLAWED.encode()
    )
    assert result.code == 1
    assert result.findings[0]["path"] == "story.txt"


def test_select_ignore_and_exit_zero(tmp_path):
    path = str(write(tmp_path, "a.txt", FLAWED + "\nThe so-called plan.\n"))
    assert {f["code"] for f in run_cli("--format", "json", "--select", "NL2", path).findings} == {
        "NL201",
        "NL202",
    }
    ignored = run_cli("--format", "json", "--select", "NL2", "--ignore", "NL201", path)
    assert {f["code"] for f in ignored.findings} == {"NL202"}
    assert run_cli("--exit-zero", path).code == 0


def test_fail_on_error_passes_warnings(tmp_path):
    assert run_cli("--fail-on", "error", str(write(tmp_path, "a.txt", FLAWED))).code == 0


def test_statistics_and_quiet(tmp_path):
    path = str(write(tmp_path, "a.txt", FLAWED))
    result = run_cli("--statistics", path)
    assert result.stdout.splitlines()[0] == "    1  NL201  scare-quotes"
    assert run_cli("--quiet", "--statistics", path).stdout == "    1  NL201  scare-quotes\n"


def test_statistics_mark_fixable_rules(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Fares rise\n\nThe the board met. It met again yesterday.\n", encoding="utf-8")
    assert run_cli("--quiet", "--statistics", str(path)).stdout == (
        "    1  NL501  relative-date\n    1  NL902  [*] repeated-word\n"
    )


def test_show_source_draws_a_caret_under_the_span(tmp_path):
    result = run_cli("--show-source", "--color", "never", str(write(tmp_path, "a.txt", FLAWED)))
    lines = result.stdout.splitlines()
    source_line = "The council held a 'consultation' on the plan."
    index = lines.index(next(line for line in lines if line.endswith(source_line)))
    caret = lines[index + 1]
    offset = lines[index].index(source_line)
    assert caret[offset + 19 :] == "^" + "~" * 13


def test_json_contract(tmp_path):
    [finding] = run_cli("--format", "json", str(write(tmp_path, "a.txt", FLAWED))).findings
    assert list(finding) == JSON_FINDING_KEYS
    assert finding["rule"] == "scare-quotes" and finding["severity"] == "warning"
    assert finding["profile"] == "news"


def test_github_annotations(tmp_path):
    path = write(tmp_path, "a.txt", FLAWED)
    line = run_cli("--format", "github", str(path)).stdout.splitlines()[0]
    assert line.startswith("::warning file=")
    assert ",line=3,col=20,endLine=3,endColumn=34,title=NL201::Scare quotes" in line


def test_color_always_colours_the_code(tmp_path):
    result = run_cli("--color", "always", str(write(tmp_path, "a.txt", FLAWED)))
    assert "\x1b[" in result.stdout


def test_rule_and_rules_commands():
    listing = run_cli("rules")
    assert listing.code == 0
    assert any(line.startswith("NL201  scare-quotes") for line in listing.stdout.splitlines())
    doc = run_cli("rule", "NL201")
    assert "Anti-pattern:" in doc.stdout and "Best practice:" in doc.stdout
    assert "Anti-pattern:" in run_cli("rule", "NL202").stdout
    assert run_cli("rule", "XX999").code == 2


def test_no_paths_is_a_usage_error():
    assert run_cli().code == 2


def test_version():
    result = run_cli("--version")
    assert result.code == 0 and result.stdout.startswith("newslint ")


def test_sarif_output_parses(tmp_path):
    log = json.loads(run_cli("--format", "sarif", str(write(tmp_path, "a.txt", FLAWED))).stdout)
    assert log["runs"][0]["results"][0]["ruleId"] == "NL201"
