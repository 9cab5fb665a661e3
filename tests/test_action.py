"""The GitHub Action: action.yml's shape, and its script run on a real git repository
with a base branch and a pull-request branch (no runner, no network)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "action.sh"
NEWSLINT = Path(sys.executable).parent / "newslint"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

FLAWED = "Harbour trams\n\nThe so-called reform of the tram network passed on Tuesday.\n"
CLEAN = "Harbour trams\n\nThe council approved the tram budget on Tuesday.\n"
TYPO = "Harbour trams\n\nThe council approved the the tram budget on Tuesday.\n"


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.org",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.org",
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def commit(repo: Path, files: dict[str, str | None], message: str) -> None:
    """Write (or, for None, delete) ``files`` and commit them."""
    for name, text in files.items():
        path = repo / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """main: stories with a typo in one; the pr branch adds a flawed story, edits a clean
    one, adds code and deletes a story; main then gains a flawed story of its own."""
    repo = tmp_path_factory.mktemp("content")
    git(repo, "init", "-q", "-b", "main")
    base = {
        "stories/old.md": TYPO,
        "stories/kept.txt": CLEAN,
        "stories/gone.md": CLEAN,
        "app/site.py": "print('hi')\n",
    }
    commit(repo, base, "base")
    git(repo, "checkout", "-q", "-b", "pr")
    changes = {
        "stories/new.md": FLAWED,
        "stories/kept.txt": CLEAN + "\nThe first tram runs in May.\n",
        "stories/gone.md": None,
        "app/new.py": "print('so-called')\n",
    }
    commit(repo, changes, "pr")
    git(repo, "checkout", "-q", "main")
    commit(repo, {"stories/later.md": FLAWED}, "main moves on")
    git(repo, "checkout", "-q", "pr")
    return repo


def action(repo: Path, tmp_path: Path, **env: str) -> tuple[int, str, dict, dict[str, str]]:
    """Run the script as the action does: exit code, log, SARIF log, step outputs."""
    outputs = tmp_path / "outputs"
    sarif = tmp_path / "newslint.sarif"
    settings = {
        "NEWSLINT_BASE": "main",
        "NEWSLINT": str(NEWSLINT),
        "NEWSLINT_SARIF": str(sarif),
        "GITHUB_OUTPUT": str(outputs),
        "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"),
        **env,
    }
    done = subprocess.run(
        ["bash", str(SCRIPT)],
        cwd=repo / "stories",  # the script lints from the repository's root
        env={**os.environ, **settings},
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = outputs.read_text().splitlines() if outputs.exists() else []
    log = json.loads(sarif.read_text()) if sarif.exists() else {}
    return done.returncode, done.stdout + done.stderr, log, dict(x.split("=", 1) for x in lines)


def linted(output: str) -> list[str]:
    return [line[2:] for line in output.splitlines() if line.startswith("  stories/")]


def uris(log: dict) -> set[str]:
    return {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }


@pytest.mark.slow
def test_lints_the_changed_content_files_and_fails_on_findings(repo, tmp_path):
    code, output, log, outputs = action(repo, tmp_path)
    assert linted(output) == ["stories/kept.txt", "stories/new.md"]
    assert code == 1, output
    assert uris(log) == {"stories/new.md"}  # not the base's typo, not main's new story
    assert {r["ruleId"] for r in log["runs"][0]["results"]} == {"NL202"}
    assert outputs == {"sarif": str(tmp_path / "newslint.sarif"), "files": "2"}
    assert "stories/new.md:3:5: NL202" in output  # the findings in the log too


@pytest.mark.slow
def test_fail_on_paths_and_extra_arguments(repo, tmp_path):
    code, output, log, _ = action(repo, tmp_path, NEWSLINT_FAIL_ON="error")
    assert (code, uris(log)) == (0, {"stories/new.md"}), output
    code, output, log, outputs = action(repo, tmp_path, NEWSLINT_PATHS="stories/*.txt")
    assert (code, linted(output), outputs["files"]) == (0, ["stories/kept.txt"], "1")
    code, output, log, _ = action(repo, tmp_path, NEWSLINT_ARGS="--select NL902")
    assert (code, log["runs"][0]["results"]) == (0, []), output


@pytest.mark.slow
def test_no_changed_content_files_is_a_clean_run(repo, tmp_path):
    code, output, log, outputs = action(repo, tmp_path, NEWSLINT_PATHS="docs/**/*.md")
    assert code == 0, output
    assert "no changed files match" in output
    assert outputs["files"] == "0"
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_bad_inputs_are_errors_naming_them(repo, tmp_path):
    code, output, _, _ = action(repo, tmp_path, NEWSLINT_FAIL_ON="sometimes")
    assert code == 2 and "fail-on must be error, warning, info or never" in output
    code, output, _, _ = action(repo, tmp_path, NEWSLINT_BASE="origin/nowhere")
    assert code == 2 and "base ref 'origin/nowhere' not found" in output


def test_action_yml_is_a_composite_action_around_the_script():
    spec = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert spec["runs"]["using"] == "composite"
    assert {"paths", "fail-on", "args"} <= set(spec["inputs"])
    steps = spec["runs"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert 'pip install --disable-pip-version-check "$GITHUB_ACTION_PATH"' in runs
    assert '"$GITHUB_ACTION_PATH/scripts/action.sh"' in runs
    assert any(
        step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps
    )
    assert steps[-1]["if"] == "steps.lint.outputs.status != ''"


def test_the_readme_shows_a_complete_workflow_using_the_action():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("# .github/workflows/newslint.yml\n", 1)[1].split("```", 1)[0]
    workflow = yaml.safe_load(block)
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["newslint"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[0]["with"]["fetch-depth"] == 0
    assert steps[1]["uses"].startswith("newslint/newslint@")
