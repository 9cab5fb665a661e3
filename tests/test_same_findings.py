"""One process, two workers, a cold cache and a warm one report byte for byte the same,
through the real command line: on the seeds and on a generated 200-article repository."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.archive import write_archive
from tests.conftest import Result, run_process

RUNS = {
    "one process": ("--no-cache", "-j", "1"),
    "two workers": ("--no-cache", "-j", "2"),
    "cold cache": ("--cache-dir", "cache", "-j", "2"),
    "warm cache": ("--cache-dir", "cache", "-j", "2"),
}


def every_run(folder: Path, cwd: Path) -> dict[str, Result]:
    runs = {}
    for name, flags in RUNS.items():  # in order: the warm run reads what the cold one wrote
        runs[name] = run_process("--format", "json", "--verbose", *flags, str(folder), cwd=cwd)
    return runs


def assert_all_alike(runs: dict[str, Result]) -> list[dict]:
    first = runs["one process"]
    assert first.code == 1, first.stderr
    for name, run in runs.items():
        assert (name, run.code, run.stdout) == (name, first.code, first.stdout)
        assert "Traceback" not in run.stderr
    assert "cache: 0 hits" in runs["cold cache"].stderr
    assert " 0 misses" in runs["warm cache"].stderr
    return json.loads(first.stdout)


@pytest.mark.slow
def test_every_way_of_running_reports_the_same_on_the_seeds(seeds, tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(seeds, folder)
    found = assert_all_alike(every_run(folder, tmp_path))
    assert {Path(f["path"]).parent.name for f in found} == {"seeds"}


@pytest.mark.slow
def test_every_way_of_running_reports_the_same_on_200_articles(tmp_path):
    paths = write_archive(tmp_path / "articles", 200)
    found = assert_all_alike(every_run(tmp_path / "articles", tmp_path))
    assert len(paths) == 200 and len({f["path"] for f in found}) > 100
