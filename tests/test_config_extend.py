"""``extend``: a config inherits the settings of the file it names (relative to itself)
and overrides them key by key, as ruff's ``extend`` does; chains work, and a cycle, a
missing file or a bad value is an error naming both files, key ``extend``, exit 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.config.ruleset import Overrides
from newslint.config.settings import ConfigError, Settings, read_config
from newslint.linter.cache import Cache
from newslint.linter.targets import Target, read_target
from newslint.rules.base import Severity
from tests.conftest import assert_named_error, run_cli

PARENT = """\
select = ["NL902", "NL201"]
ignore = ["NL2"]
fail-on = "error"
packs = ["house.toml"]
exclude = ["drafts"]

[per-file-ignores]
"opinion/*.md" = ["NL902"]
"letters/*.md" = ["NL201"]

[rules.NL201]
severity = "info"
max-words = 5
"""

REPEATED = "The council met on Tuesday and the the mayor spoke first.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def parent(tmp_path: Path) -> Path:
    write(tmp_path / "house.toml", "")
    return write(tmp_path / "newslint.toml", PARENT)


def child(tmp_path: Path, text: str, extend: str = "../newslint.toml") -> Settings:
    path = write(tmp_path / "news" / "newslint.toml", f'extend = "{extend}"\n{text}')
    settings = read_config(path)
    assert settings is not None
    return settings


def test_a_config_inherits_every_key_it_does_not_set(tmp_path, parent):
    settings = child(tmp_path, "")
    assert settings.path == tmp_path / "news" / "newslint.toml"
    assert settings.root == tmp_path / "news"  # globs match from the config in use
    assert settings.extends == (parent,)
    assert settings.select == ("NL902", "NL201")
    assert settings.ignore == ("NL2",)
    assert settings.fail_on is Severity.ERROR
    assert settings.exclude == ("drafts",)
    assert settings.packs == (tmp_path / "house.toml",)  # relative to the extended file
    assert settings.rules == {"NL201": {"severity": "info", "max-words": 5}}


def test_keys_it_sets_replace_the_inherited_ones_and_tables_merge_entry_by_entry(tmp_path, parent):
    settings = child(
        tmp_path,
        'fail-on = "info"\nexclude = ["old"]\n'
        '[per-file-ignores]\n"opinion/*.md" = ["NL201"]\n'
        "[rules.NL201]\nmax-words = 3\n",
    )
    assert settings.fail_on is Severity.INFO
    assert settings.exclude == ("old",)  # a list replaces, as in ruff
    assert settings.per_file_ignores == {
        "opinion/*.md": ("NL201",),
        "letters/*.md": ("NL201",),
    }
    assert settings.rules == {"NL201": {"severity": "info", "max-words": 3}}


def test_ignore_and_extend_select_add_unless_select_starts_afresh(tmp_path, parent):
    added = child(tmp_path, 'ignore = ["NL903"]\nextend-select = ["NL105"]\n')
    assert added.select == ("NL902", "NL201")
    assert added.ignore == ("NL2", "NL903")
    assert added.extend_select == ("NL105",)
    fresh = child(tmp_path, 'select = ["NL501"]\n')
    assert fresh.select == ("NL501",)
    assert fresh.ignore == ()  # the parent's ignore belonged to its own selection


def test_chains_lay_each_config_over_the_one_it_extends(tmp_path, parent):
    write(tmp_path / "news" / "newslint.toml", 'extend = "../newslint.toml"\nfail-on = "info"\n')
    desk = write(
        tmp_path / "news" / "sport" / "newslint.toml",
        'extend = "../newslint.toml"\nselect = ["NL902"]\n',
    )
    settings = read_config(desk)
    assert settings is not None
    assert settings.extends == (tmp_path / "news" / "newslint.toml", parent)
    assert (settings.select, settings.fail_on, settings.exclude) == (
        ("NL902",),
        Severity.INFO,
        ("drafts",),
    )


def test_pyproject_tables_extend_and_are_extended(tmp_path, parent):
    write(tmp_path / "pyproject.toml", '[tool.newslint]\nextend = "newslint.toml"\n')
    project = write(
        tmp_path / "desk" / "pyproject.toml",
        '[tool.newslint]\nextend = "../pyproject.toml"\nfail-on = "info"\n',
    )
    settings = read_config(project)
    assert settings is not None
    assert settings.extends == (tmp_path / "pyproject.toml", parent)
    assert (settings.select, settings.fail_on) == (("NL902", "NL201"), Severity.INFO)


@pytest.mark.parametrize(
    ("extend", "message"),
    [
        ('"../nowhere.toml"', "nowhere.toml: no such config file"),
        ("3", "expected the path of a config file, as a string"),
        ('""', "expected the path of a config file, as a string"),
    ],
)
def test_a_bad_extend_names_the_file_and_the_key(tmp_path, extend, message):
    path = write(tmp_path / "news" / "newslint.toml", f"extend = {extend}\n")
    with pytest.raises(ConfigError, match=re.escape(f"{path}: extend: ")) as caught:
        read_config(path)
    assert message in str(caught.value)


def test_a_cycle_names_both_files(tmp_path):
    first = write(tmp_path / "newslint.toml", 'extend = "news/newslint.toml"\n')
    second = write(tmp_path / "news" / "newslint.toml", 'extend = "../newslint.toml"\n')
    with pytest.raises(ConfigError, match="cycle") as caught:
        read_config(second)
    assert f"{first}: extend: " in str(caught.value)
    assert str(second) in str(caught.value)
    itself = write(tmp_path / "self" / "newslint.toml", 'extend = "newslint.toml"\n')
    with pytest.raises(ConfigError, match="extend: configs extend each other in a cycle"):
        read_config(itself)


def test_an_error_in_the_extended_file_names_it_and_the_file_extending_it(tmp_path):
    base = write(tmp_path / "newslint.toml", 'fail-on = "sometimes"\n')
    path = write(tmp_path / "news" / "newslint.toml", 'extend = "../newslint.toml"\n')
    with pytest.raises(ConfigError) as caught:
        read_config(path)
    assert str(caught.value).startswith(f"{base}: fail-on: ")
    assert f"(extended by {path})" in str(caught.value)
    write(tmp_path / "pyproject.toml", "[tool.other]\n")
    write(path, 'extend = "../pyproject.toml"\n')
    with pytest.raises(ConfigError, match=r"no \[tool.newslint\] table to extend"):
        read_config(path)


def test_files_under_the_extending_config_are_linted_with_the_merged_settings(tmp_path, parent):
    write(tmp_path / "news" / "newslint.toml", 'extend = "../newslint.toml"\n')
    story = write(tmp_path / "news" / "story.txt", REPEATED)
    opinion = write(tmp_path / "news" / "opinion" / "view.md", REPEATED)
    result = run_cli("--format", "json", "--no-cache", str(story), str(opinion))
    assert result.code == 0, result.stderr  # fail-on "error", inherited
    assert [(f["path"], f["code"]) for f in result.findings] == [(str(story), "NL902")]


def test_a_broken_extend_is_an_error_and_other_files_are_still_linted(tmp_path):
    write(tmp_path / "news" / "newslint.toml", 'extend = "../missing.toml"\n')
    broken = write(tmp_path / "news" / "story.txt", REPEATED)
    fine = write(tmp_path / "sport" / "story.txt", REPEATED)
    result = run_cli("--format", "json", "--no-cache", "--select", "NL902", str(tmp_path))
    assert_named_error(result, str(tmp_path / "news" / "newslint.toml"), "missing.toml", "extend")
    paths = {finding["path"] for finding in result.findings}
    assert str(fine) in paths and str(broken) not in paths


def _key(tmp_path: Path, story: Path) -> str:
    settings = read_config(tmp_path / "news" / "newslint.toml")
    assert settings is not None
    target = Target(story, str(story), settings)
    return Cache(tmp_path / "cache", Overrides()).key(target, read_target(target))


def test_the_cache_key_sees_the_extended_file(tmp_path, parent):
    write(tmp_path / "news" / "newslint.toml", 'extend = "../newslint.toml"\n')
    story = write(tmp_path / "news" / "story.txt", REPEATED)
    before = _key(tmp_path, story)
    assert _key(tmp_path, story) == before
    write(parent, PARENT + "# the same settings, another file\n")
    assert _key(tmp_path, story) != before


@pytest.mark.slow
def test_a_change_in_the_extended_file_invalidates_the_cache(tmp_path, parent):
    write(tmp_path / "news" / "newslint.toml", 'extend = "../newslint.toml"\n')
    story = write(tmp_path / "news" / "story.txt", REPEATED)
    args = ("--format", "json", "--verbose", "--cache-dir", str(tmp_path / "cache"), str(story))
    first = run_cli(*args)
    again = run_cli(*args)
    assert "cache: 1 hits, 0 misses" in again.stderr
    assert again.stdout == first.stdout
    write(
        parent, PARENT.replace("[rules.NL201]", '[rules.NL902]\nseverity = "info"\n[rules.NL201]')
    )
    changed = run_cli(*args)
    assert "cache: 0 hits, 1 misses" in changed.stderr
    assert [f["severity"] for f in changed.findings] == ["info"]


def test_inherited_per_file_globs_match_from_the_folder_of_the_file_that_sets_them(tmp_path):
    base = write(
        tmp_path / "newslint.toml",
        '[per-file-profiles]\n"news/sport/**" = "sport"\n"*.txt" = "feature"\n'
        '[per-file-ignores]\n"news/letters/*.md" = ["NL201"]\n',
    )
    settings = child(tmp_path, '[per-file-profiles]\n"*.txt" = "news"\n')
    assert settings.inherited_globs == {"news/sport/**": base, "news/letters/*.md": base}
    match = write(tmp_path / "news" / "sport" / "match.md", REPEATED)
    letter = write(tmp_path / "news" / "letters" / "one.md", REPEATED)
    assert settings.matching_globs(match, settings.per_file_profiles) == ["news/sport/**"]
    assert settings.matching_globs(letter, settings.per_file_ignores) == ["news/letters/*.md"]
    assert settings.glob_label("news/sport/**") == str(base)
    assert settings.glob_label("*.txt") == str(settings.path)  # its own, which replaced
    shown = run_cli("--show-settings", str(match)).stdout
    assert f'profile: sport (per-file-profiles "news/sport/**" in {base})' in shown
