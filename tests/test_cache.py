"""The cache: a second run reports exactly what the first did, from the cache; a change
to anything a file's outcome depends on is a miss; a corrupt entry is a miss, never an
error; and the cache lives where ruff keeps its own."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import newslint
from newslint.linter import cache
from tests.conftest import Result, run_cli, run_process
from tests.test_plugins import GOOD, install

STORIES = {
    "harbour.txt": "Harbour toll rises\n\nThe the harbour board said tolls would rise.\n",
    "library.txt": "Library hours\n\nThe council claimed the library would open later.\n",
    "tram.txt": "Tram depot\n\nAn estimated 20,000 people will use the tram each week.\n",
    "museum.md": "---\nnewslint-profile: feature\n---\nMuseum\n\nThe 'new' museum opened.\n",
    "roads.md": "Road works\n\n<!-- newslint-disable NL999 -->\nThe the road closes.\n",
    "kyiv.txt": "Talks\n\nThe talks in Kiev went on, officials said.\n",
}
HOUSE_PACK = """[pack]
name = "house"

[[rules]]
code = "HS001"
name = "no-fortnight"
kind = "existence"
summary = "Say two weeks"
message = "{message}"
tokens = ["fortnight"]
"""
CACHE_LINE = re.compile(r"^cache: (\d+) hits, (\d+) misses$", re.M)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "news").mkdir(parents=True)
    for name, text in STORIES.items():
        (root / "news" / name).write_text(text)
    (root / "news" / "photo.txt").write_bytes(b"JFIF\x00binary")
    (root / "news" / "fortnight.txt").write_text("Ferry\n\nThe ferry sails each fortnight.\n")
    (root / "house.toml").write_text(HOUSE_PACK.format(message="Say 'two weeks'"))
    (root / "newslint.toml").write_text('packs = ["house.toml"]\n')
    return root


def lint(project: Path, *args: str) -> Result:
    """A verbose JSON run with the project's config and a cache in the project."""
    return run_cli(
        "--format",
        "json",
        "--verbose",
        "--config",
        str(project / "newslint.toml"),
        "--cache-dir",
        str(project / "cache"),
        *args,
        str(project / "news"),
    )


def counts(result: Result) -> tuple[int, int]:
    """(hits, misses) as ``--verbose`` reports them."""
    found = CACHE_LINE.search(result.stderr)
    assert found, result.stderr
    return int(found[1]), int(found[2])


def without_counts(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if not CACHE_LINE.match(line)]


CACHEABLE = len(STORIES) + 1  # every story but the binary file, which is an error


def test_a_second_run_restores_exactly_what_the_first_reported(project):
    first = lint(project)
    assert counts(first) == (0, CACHEABLE)
    second = lint(project)
    assert counts(second) == (CACHEABLE, 0)
    assert second.stdout == first.stdout and second.code == first.code == 2
    assert without_counts(second) == without_counts(first)
    fresh = lint(project, "--no-cache")
    assert fresh.stdout == first.stdout and without_counts(fresh) == without_counts(first)
    assert "profile feature (front matter)" in second.stderr
    assert "NL999" in second.stderr and "photo.txt: binary file" in second.stderr
    text = [lint(project, "--format", "text", "--show-source") for _ in range(2)]
    assert counts(text[1]) == (CACHEABLE, 0) and text[0].stdout == text[1].stdout


def test_each_part_of_the_key_misses_when_it_changes(project, tmp_path, monkeypatch):
    lint(project)
    assert counts(lint(project)) == (CACHEABLE, 0)
    # The file's content.
    (project / "news" / "tram.txt").write_text(STORIES["tram.txt"] + "\nMore to come.\n")
    assert counts(lint(project)) == (CACHEABLE - 1, 1)
    # A command-line override, then the profile given on the command line.
    assert counts(lint(project, "--ignore", "NL903")) == (0, CACHEABLE)
    assert counts(lint(project, "--profile", "news")) == (0, CACHEABLE)
    # The config's content.
    (project / "newslint.toml").write_text('packs = ["house.toml"]\nignore = ["NL903"]\n')
    assert counts(lint(project)) == (0, CACHEABLE)
    # A house pack's content.
    (project / "house.toml").write_text(HOUSE_PACK.format(message="Write 'two weeks'"))
    changed = lint(project)
    assert counts(changed) == (0, CACHEABLE)
    assert "Write 'two weeks'" in changed.stdout
    # newslint's version.
    monkeypatch.setattr(newslint, "__version__", "99.0")
    assert counts(lint(project)) == (0, CACHEABLE)
    # The model's version.
    cache._model_identity.cache_clear()
    monkeypatch.setattr(cache, "_version", lambda name: "9.9.9")
    assert counts(lint(project)) == (0, CACHEABLE)
    monkeypatch.undo()
    cache._model_identity.cache_clear()
    assert counts(lint(project)) == (CACHEABLE, 0)
    # An installed plugin, then a change to its code.
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    install(site, "newslint-xp", "cache_xp_plugin", GOOD)  # a module no other test imports
    assert counts(lint(project)) == (0, CACHEABLE)
    (site / "cache_xp_plugin.py").write_text(GOOD.replace("in our voice", "in our own voice"))
    assert counts(lint(project)) == (0, CACHEABLE)
    assert counts(lint(project)) == (CACHEABLE, 0)


def test_the_bundled_packs_and_word_lists_are_part_of_the_key():
    names = {path.as_posix() for path in cache.code_files()}
    assert any(name.endswith("core/house.toml") for name in names)
    assert any(name.endswith("lexicon/figures.toml") for name in names)
    assert any(name.endswith("rules/builtin/quotation.py") for name in names)


def test_a_corrupt_entry_is_a_miss_and_is_written_again(project):
    first = lint(project)
    entries = sorted(p for p in (project / "cache").rglob("*") if p.is_file() and "." not in p.name)
    assert len(entries) == CACHEABLE
    damage = [b"", b"{not json", b"[]", b'{"findings": 3}', b"\xff\xfe", b'{"findings": []}']
    for entry, data in zip(entries, damage + [b"null"] * len(entries), strict=False):
        entry.write_bytes(data)
    again = lint(project)
    assert counts(again) == (0, CACHEABLE)
    assert again.stdout == first.stdout and without_counts(again) == without_counts(first)
    assert counts(lint(project)) == (CACHEABLE, 0)


def test_fix_relints_the_fixed_files_and_caches_their_new_text(project):
    lint(project)
    fixed = lint(project, "--fix")
    assert (
        (project / "news" / "harbour.txt")
        .read_text()
        .startswith("Harbour toll rises\n\nThe harbour board")
    )
    assert "NL902" not in fixed.stdout
    after = lint(project)
    assert counts(after) == (CACHEABLE, 0)
    assert after.stdout == lint(project, "--no-cache").stdout == fixed.stdout


def test_the_cache_lives_in_the_project_root_unless_told_otherwise(project, tmp_path, monkeypatch):
    story = project / "news" / "kyiv.txt"
    run_process(str(story), cwd=project / "news")
    default = project / ".newslint_cache"
    assert (default / ".gitignore").read_text() == "*\n"
    assert any(p.is_file() for p in (default / cache.LAYOUT).rglob("*"))
    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(elsewhere))
    run_process(str(story), cwd=project)
    assert (elsewhere / ".gitignore").is_file()
    flag = tmp_path / "flag"
    run_process("--cache-dir", str(flag), str(story), cwd=project)
    assert (flag / ".gitignore").is_file()
    nothing = tmp_path / "nothing"
    run_process("--no-cache", "--cache-dir", str(nothing), str(story), cwd=project)
    assert not nothing.exists()


@pytest.mark.slow
def test_concurrent_runs_share_the_cache_safely(project):
    command = [
        sys.executable,
        "-m",
        "newslint",
        "--format",
        "json",
        "--cache-dir",
        "shared",
        "news",
    ]
    runs = [
        subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    outputs = {run.communicate(timeout=300)[0] for run in runs}
    fresh = run_process("--format", "json", "--no-cache", "news", cwd=project)
    assert outputs == {fresh.stdout.encode()}
    cached = run_process("--format", "json", "--cache-dir", "shared", "news", cwd=project)
    assert cached.stdout == fresh.stdout
