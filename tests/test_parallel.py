"""``-j N``: files linted across worker processes report exactly what one process
reports; a worker that dies is named, never waited on; Ctrl-C in a worker stops the run
as it would in one process; and every rule pickles, as workers need."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from newslint.config.ruleset import Overrides
from newslint.config.settings import read_config
from newslint.linter.run import Resolver, lint_targets
from newslint.linter.targets import Target
from newslint.rules.registry import load_registry
from tests.conftest import Result, run_process
from tests.test_hardening_runtime import INTERRUPT
from tests.test_plugins import GOOD, install

# Invented copy: each story trips a different rule, or none.
STORIES = [
    "Harbour toll rises\n\nThe the harbour board said tolls would rise in June.\n",
    "Library hours\n\nThe council claimed the library would open later on Sundays.\n",
    "Tram depot\n\nAn estimated 20,000 people will use the new tram each week.\n",
    "Museum reopens\n\nThe 'renovated' museum reopened on Tuesday, its director said.\n",
    "Bridge repairs\n\nEngineers said the bridge would close for three weeks in May.\n",
    "Ferry timetable\n\nIt is widely expected that the ferry timetable will change.\n",
    "Market square\n\nThe so-called consultation on the market square ended on Friday.\n",
    "School meals\n\nA source said the school meals contract would not be renewed.\n",
]
# "meltdown" makes the test plugin end its worker process abruptly.
CRASHING_WORKER = '''
import os
import signal

from newslint.plugin import Rule, hookimpl


class Meltdown(Rule):
    """Ends its process, as a crash in native code would, on a file with "meltdown"."""

    code = "XP701"
    name = "meltdown"
    summary = "Ends its process"

    def check(self, analysis):
        if "meltdown" in analysis.text:
            if "kill" in analysis.text:
                os.kill(os.getpid(), signal.SIGKILL)
            os._exit(3)
        return []


@hookimpl
def newslint_rules():
    return [Meltdown]
'''


def repository(root: Path, count: int) -> list[Path]:
    """``count`` short stories in two folders, with an error of each kind among them."""
    paths = []
    for number in range(count):
        folder = root / ("city" if number % 3 else "region")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"story{number:02}.txt"
        path.write_text(STORIES[number % len(STORIES)])
        paths.append(path)
    (root / "city" / "photo.txt").write_bytes(b"JFIF\x00\x01binary")
    (root / "city" / "empty.txt").write_text("")
    (root / "city" / "note.md").write_text(
        "Road works\n\n<!-- newslint-disable NL999 -->\nThe the road closes.\n"
    )
    broken = root / "archive"
    broken.mkdir()
    (broken / "newslint.toml").write_text('select = ["NL999"]\n')
    (broken / "old.txt").write_text(STORIES[0])
    return paths


def lint_with(jobs: int, *args: str, cwd: Path, stdin: bytes | None = None) -> Result:
    return run_process("--no-cache", "-j", str(jobs), *args, cwd=cwd, stdin=stdin)


@pytest.mark.slow
def test_two_workers_report_exactly_what_one_process_reports(tmp_path):
    repository(tmp_path, 30)
    piped = b"Piped story\n\nThe the copy came from stdin.\n"
    runs = {
        jobs: lint_with(jobs, "--format", "json", "--verbose", ".", "-", cwd=tmp_path, stdin=piped)
        for jobs in (1, 2)
    }
    one, two = runs[1], runs[2]
    assert two.code == one.code == 2
    assert two.stdout == one.stdout
    assert two.stderr.splitlines() == one.stderr.splitlines()
    assert "Traceback" not in one.stderr
    assert len({f["path"] for f in one.findings}) >= 20
    assert "city/photo.txt: binary file" in one.stderr
    assert "archive/newslint.toml" in one.stderr
    assert "note: city/empty.txt: empty file" in one.stderr
    assert "NL999" in one.stderr
    assert ("-", 3) in [(f["path"], f["line"]) for f in two.findings]  # stdin, read here


@pytest.mark.slow
def test_diff_and_fix_with_workers_match_one_process(tmp_path):
    for jobs in (1, 2):
        root = tmp_path / f"j{jobs}"
        repository(root, 20)
    diffs = [lint_with(jobs, "--diff", ".", cwd=tmp_path / f"j{jobs}") for jobs in (1, 2)]
    assert diffs[0].stdout == diffs[1].stdout
    assert diffs[0].stdout.count("+++ ") >= 3
    fixed = [lint_with(jobs, "--fix", ".", cwd=tmp_path / f"j{jobs}") for jobs in (1, 2)]
    assert fixed[0].stdout == fixed[1].stdout
    stderr = [
        run.stderr.replace(f"/j{jobs}/", "/") for jobs, run in zip((1, 2), fixed, strict=True)
    ]
    assert stderr[0].splitlines() == stderr[1].splitlines()
    assert "NL902" not in fixed[1].stdout
    story = (tmp_path / "j2" / "region" / "story00.txt").read_text()
    assert story.startswith("Harbour toll rises\n\nThe harbour board")


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A folder on the subprocess's PYTHONPATH where test plugins are installed."""
    folder = tmp_path / "site"
    folder.mkdir()
    inherited = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(folder), *inherited]))
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("how", ["exits", "is killed"])
def test_a_worker_that_dies_is_named_and_the_rest_reported(site, tmp_path, how):
    install(site, "newslint-meltdown", "meltdown_plugin", CRASHING_WORKER)
    paths = repository(tmp_path / "news", 24)
    doomed = paths[12]
    doomed.write_text(f"Reactor drill\n\nThe meltdown drill {how.split()[-1]} went well.\n")
    result = run_process(
        "--no-cache", "-j", "2", "--format", "json", "--select", "XP701,NL902", "news", cwd=tmp_path
    )
    assert result.code == 2, result.stderr
    assert "Traceback" not in result.stderr
    named = f"error: {doomed.relative_to(tmp_path)}: internal error: the worker process"
    assert named in result.stderr
    linted = {f["path"] for f in result.findings}
    assert linted and str(doomed.relative_to(tmp_path)) not in linted
    # The file is found among those the worker had; the others are linted again.
    lost = [line for line in result.stderr.splitlines() if "worker process" in line]
    assert lost == [
        f"{named} linting it stopped; not linted; please report it to the newslint maintainers"
    ]
    doubled = [p for p in paths if "The the" in p.read_text()]
    assert linted == {str(p.relative_to(tmp_path)) for p in doubled} | {"news/city/note.md"}


@pytest.mark.slow
def test_ctrl_c_in_a_worker_stops_where_one_process_stops(site, tmp_path):
    install(site, "newslint-interrupt", "interrupt_plugin", INTERRUPT)
    paths = repository(tmp_path, 24)
    paths[13].write_text("Strike\n\nWorkers may halt the the trains.\n")
    runs = [
        lint_with(jobs, "--format", "json", "--select", "XP401,NL902", ".", cwd=tmp_path)
        for jobs in (1, 2)
    ]
    assert runs[0].code == runs[1].code == 130
    assert runs[0].stdout == runs[1].stdout
    assert runs[0].stderr.splitlines() == runs[1].stderr.splitlines()
    assert "interrupted; reported the" in runs[1].stderr
    assert "Traceback" not in runs[1].stderr
    assert str(paths[13].relative_to(tmp_path)) not in runs[1].stdout


def test_every_rule_class_and_instance_pickles(tmp_path, monkeypatch):
    """Built-in, bundled-pack, house-pack and plugin rules, as workers receive them."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    install(site, "newslint-xp", "xp_plugin", GOOD)
    (tmp_path / "house.toml").write_text(
        '[pack]\nname = "house"\n\n[[rules]]\ncode = "HS001"\nname = "prefer-kyiv"\n'
        'kind = "substitution"\nsummary = "House spelling"\n'
        "message = \"Use '{suggestion}' rather than '{match}'\"\nswap = { Kiev = \"Kyiv\" }\n"
    )
    registry = load_registry().with_packs([tmp_path / "house.toml"])
    assert {"NL201", "NL510", "XP101", "HS001"} <= set(registry.rules)
    for code, rule in registry.rules.items():
        again = pickle.loads(pickle.dumps(rule))
        assert (again.code, again.name, again.__name__) == (code, rule.name, rule.__name__)
        assert again.documentation() == rule.documentation()
        instance = pickle.loads(pickle.dumps(rule()))
        assert type(instance).code == code


def test_a_lint_run_survives_pickling(tmp_path):
    """A worker's run comes back whole: findings, sources, profiles, rules."""
    config = tmp_path / "newslint.toml"
    config.write_text('select = ["NL902", "NL510"]\n')
    settings = read_config(config)
    assert settings is not None
    registry = load_registry()
    resolver = Resolver(registry, Overrides(), str(config))
    text = "Kiev talks\n\nThe the talks in Kiev went on.\n"
    targets = [Target(tmp_path / "a.txt", "a.txt", settings, text=text)]
    run = lint_targets(targets, registry, resolver)
    again = pickle.loads(pickle.dumps(run))
    assert again.findings == run.findings
    assert sorted(f.code for f in again.findings) == ["NL510", "NL510", "NL902"]
    assert again.sources == run.sources and again.profiles == run.profiles
    assert set(again.rules) == set(run.rules)
