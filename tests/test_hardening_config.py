"""Hardening, config and rule packs: every bad config or pack is an error that names the
file and the key, checked when it loads (used or not), never a traceback or a crash at
lint time; files under other configs are still linted.

Each case runs the real CLI in a subprocess. Most select NL902 (a doubled word), which
needs no language model: ``good/story.md`` in each run is flagged for its doubled word,
and every bad config sits in a folder of its own with a story of its own.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import Result, assert_named_error, run_process

DOUBLED = "The ferry board met the the union on Friday.\n"
HANG = 120  # seconds before a run counts as hung


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def pack_rule(**keys: str) -> str:
    """A pack of one existence rule HS001, with ``keys`` (TOML values) replacing its own."""
    entry = {
        "code": '"HS001"',
        "name": '"ferry-words"',
        "kind": '"existence"',
        "summary": '"A ferry word"',
        "message": "\"'{match}' is a ferry word\"",
        "tokens": '["plan"]',
    }
    entry |= {key.replace("_", "-"): value for key, value in keys.items()}
    body = "\n".join(f"{key} = {value}" for key, value in entry.items() if value)
    return f'[pack]\nname = "desk"\n\n[[rules]]\n{body}\n'


def with_pack(pack: str | bytes) -> dict[str, str | bytes]:
    """A folder's files: a config that loads ``p.toml``, and the pack."""
    return {"newslint.toml": 'packs = ["p.toml"]\n', "p.toml": pack}


def lint_folders(tmp_path: Path, folders: dict[str, dict[str, str | bytes]]) -> Result:
    """Lint ``good/`` and each folder (its files, and a story with a doubled word) in
    one run; check no file changed."""
    written = {write(tmp_path / "good" / "story.md", DOUBLED): DOUBLED.encode()}
    for folder, files in folders.items():
        files = {**files, "story.md": DOUBLED}
        for name, content in files.items():
            path = write(tmp_path / folder / name, content)
            written[path] = path.read_bytes()
    result = run_process(
        "--format", "json", "--select", "NL902", "good", *folders, cwd=tmp_path, timeout=HANG
    )
    assert all(path.read_bytes() == content for path, content in written.items())
    return result


def flagged(result: Result) -> list[tuple[str, str]]:
    return [(f["path"], f["code"]) for f in result.findings]


def test_unreadable_or_misshapen_config_and_pack_files_are_named(tmp_path):
    result = lint_folders(
        tmp_path,
        {
            "latin": {"newslint.toml": b'select = ["NL902"]\n# caf\xe9\n'},
            "tool-int": {"pyproject.toml": "tool = 1\n"},
            "tool-str": {"pyproject.toml": '[tool]\nnewslint = "x"\n'},
            "pack-latin": with_pack(b"# caf\xe9\n"),
            "pack-int": with_pack("pack = 5\n"),
            "swap-list": with_pack(pack_rule(kind='"substitution"', tokens="", swap='["plan"]')),
        },
    )
    assert_named_error(
        result,
        "latin/newslint.toml: file: cannot read config: invalid UTF-8 at line 2",
        "tool-int/pyproject.toml: tool: expected a table",
        "tool-str/pyproject.toml: tool.newslint: expected a table [tool.newslint]",
        "pack-latin/p.toml: cannot read rule pack: invalid UTF-8 at line 1",
        "pack-int/p.toml: pack: expected a table [pack]",
        "swap-list/p.toml: rule HS001: swap: expected a table",
    )
    assert flagged(result) == [("good/story.md", "NL902")]


def test_pack_values_are_checked_against_the_kind_schema_selected_or_not(tmp_path):
    result = lint_folders(
        tmp_path,
        {
            "letters": with_pack(pack_rule(tokens='"plan"')),
            "blank": with_pack(pack_rule(tokens='[""]')),
            "numbers": with_pack(pack_rule(tokens="[1, 2]")),
            "exceptions": with_pack(pack_rule(exceptions='"x"')),
            "case": with_pack(pack_rule(ignore_case='"yes"')),
            "placeholder": with_pack(pack_rule(message='"{nope} is out"')),
            "brace": with_pack(pack_rule(message='"{match is out"')),
        },
    )
    words = "expected a list of words or phrases, none blank"
    assert_named_error(
        result,
        f"letters/p.toml: rule HS001: tokens: {words}, got 'plan'",
        f"blank/p.toml: rule HS001: tokens: {words}, got ['']",
        f"numbers/p.toml: rule HS001: tokens: {words}, got [1, 2]",
        f"exceptions/p.toml: rule HS001: exceptions: {words}, got 'x'",
        "case/p.toml: rule HS001: ignore-case: expected true or false, got 'yes'",
        "placeholder/p.toml: rule HS001: message: unknown placeholder {nope}",
        "brace/p.toml: rule HS001: message: bad template",
    )
    assert "crashed" not in result.stderr
    assert flagged(result) == [("good/story.md", "NL902")]


def test_a_valid_pack_rule_flags_whole_words_only(tmp_path):
    write(tmp_path / "newslint.toml", 'packs = ["p.toml"]\n')
    write(tmp_path / "p.toml", pack_rule())
    story = write(tmp_path / "story.md", "The plan for a planned pier was put on hold.\n")
    result = run_process("--format", "json", "--select", "HS001", "story.md", cwd=tmp_path)
    assert result.code == 1, result.stderr
    assert [(f["column"], f["message"]) for f in result.findings] == [(5, "'plan' is a ferry word")]
    assert story.read_text() == "The plan for a planned pier was put on hold.\n"


def test_substitution_never_flags_the_preferred_form(tmp_path):
    swap = '{ "council tax" = "Council Tax", "Per Cent" = "per cent" }'
    write(tmp_path / "newslint.toml", 'packs = ["p.toml"]\n')
    write(
        tmp_path / "p.toml",
        pack_rule(
            kind='"substitution"',
            tokens="",
            swap=swap,
            message="\"Use '{suggestion}' rather than '{match}'\"",
        ),
    )
    text = (
        "The Council Tax rose by 3 per cent. Every council tax bill went up.\n\n"
        "Per cent figures were late. Rents rose 2 Per Cent.\n"
    )
    write(tmp_path / "story.md", text)
    result = run_process("--format", "json", "--select", "HS001", "story.md", cwd=tmp_path)
    assert result.code == 1, result.stderr
    assert [(f["line"], f["column"], f["message"]) for f in result.findings] == [
        (1, 43, "Use 'Council Tax' rather than 'council tax'"),
        (3, 42, "Use 'per cent' rather than 'Per Cent'"),
    ]


def test_unknown_codes_and_options_are_errors_even_for_unselected_rules(tmp_path):
    result = lint_folders(
        tmp_path,
        {
            "ignores": {"newslint.toml": '[per-file-ignores]\n"*.md" = ["NL999"]\n'},
            "options": {"newslint.toml": '[rules.NL402]\nmax-words = "many"\n'},
            "profile": {"newslint.toml": "[profiles.desk.rules.NL403]\nmax-sentences = 0\n"},
            "glob": {"newslint.toml": '[per-file-ignores]\n"" = ["NL902"]\n'},
        },
    )
    assert_named_error(
        result,
        "ignores/newslint.toml: per-file-ignores.*.md: unknown rule code 'NL999'",
        "options/newslint.toml: rules.NL402.max-words: expected a positive integer, got 'many'",
        "profile/newslint.toml: profiles.desk.rules.NL403.max-sentences: expected a positive",
        "glob/newslint.toml: per-file-ignores.: invalid glob ''",
    )
    assert flagged(result) == [("good/story.md", "NL902")]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--select", "NL999", "unknown rule code 'NL999'"),
        ("--ignore", "NL999", "unknown rule code 'NL999'"),
        ("--extend-select", "NL999", "unknown rule code 'NL999'"),
        ("--profile", "sprot", "unknown profile 'sprot'; expected one of feature, news"),
    ],
)
def test_a_bad_command_line_value_is_blamed_on_the_option(tmp_path, option, value, message):
    write(tmp_path / "pyproject.toml", '[tool.newslint]\nignore = ["NL903"]\n')
    story = write(tmp_path / "story.md", DOUBLED)
    select = () if option == "--select" else ("--select", "NL902")  # no model needed
    result = run_process(option, value, *select, "story.md", cwd=tmp_path, timeout=HANG)
    assert_named_error(result, f"error: {option}: {message}")
    assert "pyproject.toml:" not in result.stderr
    assert story.read_text() == DOUBLED


def test_rule_and_rules_know_the_bundled_topic_packs(tmp_path):
    described = run_process("rule", "UA103", cwd=tmp_path, timeout=HANG)
    assert described.code == 0, described.stderr
    assert "UA103 war-framing-russia-ukraine" in described.stdout
    assert 'opt in with packs = ["newslint:topics/russia-ukraine.toml"]' in described.stdout
    listed = run_process("rules", cwd=tmp_path, timeout=HANG)
    assert listed.code == 0, listed.stderr
    assert any(line.startswith("UA103") and "opt-in" in line for line in listed.stdout.splitlines())


def test_rule_and_rules_know_the_config_packs(tmp_path):
    write(tmp_path / "newslint.toml", 'packs = ["p.toml"]\n')
    write(tmp_path / "p.toml", pack_rule())
    described = run_process("rule", "hs001", cwd=tmp_path, timeout=HANG)
    assert described.code == 0, described.stderr
    assert "Default:  on" in described.stdout
    assert "HS001  ferry-words" in run_process("rules", cwd=tmp_path, timeout=HANG).stdout


def install(tmp_path: Path, monkeypatch, name: str, source: str) -> None:
    """Install a plugin module ``name`` under entry-point group ``newslint``, for the
    subprocesses this test starts."""
    site = tmp_path / "site"
    module = name.replace("-", "_")
    write(site / f"{module}.py", textwrap.dedent(source))
    info = site / f"newslint_{module}-0.1.dist-info"
    write(info / "METADATA", f"Metadata-Version: 2.1\nName: newslint-{name}\nVersion: 0.1\n")
    write(info / "entry_points.txt", f"[newslint]\n{name} = {module}\n")
    monkeypatch.setenv("PYTHONPATH", str(site))


def test_rules_shows_plugin_load_failures(tmp_path, monkeypatch):
    install(tmp_path, monkeypatch, "broken-desk", "raise ImportError('no module named tidewater')")
    result = run_process("rules", cwd=tmp_path, timeout=HANG)
    assert_named_error(
        result,
        "error: plugin 'broken-desk' failed to load: ImportError: no module named tidewater",
    )
    assert "NL902  repeated-word" in result.stdout


def test_a_plugin_kind_that_is_not_a_pack_rule_class_is_named(tmp_path, monkeypatch):
    source = """
        from newslint.plugin import hookimpl

        @hookimpl
        def newslint_rule_kinds():
            return {"tide": "not a class"}
    """
    install(tmp_path, monkeypatch, "odd-kinds", source)
    result = run_process("rules", cwd=tmp_path, timeout=HANG)
    assert_named_error(result, "plugin 'odd-kinds': pack kind 'tide' is not a PackRule class")
    assert "NL510  house-spelling" in result.stdout


def test_a_plugin_rule_that_cannot_be_built_is_named(tmp_path, monkeypatch):
    source = """
        from newslint.plugin import Rule, hookimpl

        class Fragile(Rule):
            code = "XT101"
            name = "fragile"
            summary = "Breaks when built"

            def __init__(self, settings=None):
                raise RuntimeError("tide tables missing")

        @hookimpl
        def newslint_rules():
            return [Fragile]
    """
    install(tmp_path, monkeypatch, "fragile", source)
    result = lint_folders(tmp_path, {"desk": {"newslint.toml": "[rules.XT101]\n"}})
    assert_named_error(
        result,
        "desk/newslint.toml: rules.XT101: plugin 'fragile' failed to build it: "
        "RuntimeError: tide tables missing",
    )
    assert flagged(result) == [("good/story.md", "NL902")]


def test_rules_names_a_broken_config_pack_and_still_lists(tmp_path):
    write(tmp_path / "newslint.toml", 'packs = ["p.toml"]\n')
    write(tmp_path / "p.toml", pack_rule(tokens="[1]"))
    result = run_process("rules", cwd=tmp_path, timeout=HANG)
    assert_named_error(result, "p.toml: rule HS001: tokens: expected a list")
    assert "NL902  repeated-word" in result.stdout
