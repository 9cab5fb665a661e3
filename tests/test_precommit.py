"""End to end: the ``newslint`` hook in ``.pre-commit-hooks.yaml`` fails on flawed copy.

This is slow the first time: pre-commit builds a fresh virtualenv and pip-installs the
project (spaCy and the model included) into it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STORY = "Council weighs plan\n\nThe council held a 'consultation' on the plan.\n"


def _git(cwd: Path, *args: str) -> str:
    cmd = ["git", "-c", "user.name=newslint", "-c", "user.email=newslint@example.com", *args]
    return subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, text=True).stdout


def _snapshot(dest: Path) -> Path:
    """Commit the working tree (tracked and untracked, minus ignored files) into ``dest``.

    ``try-repo`` on a dirty checkout only picks up changes to tracked files, so a new
    ``.pre-commit-hooks.yaml`` or module would be missed without this snapshot.
    """
    listing = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in filter(None, listing.split("\0")):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "snapshot")
    return dest


def test_hook_reports_findings_and_fails(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not on PATH")
    hook_repo = _snapshot(tmp_path / "hook-repo")
    work = tmp_path / "work"
    work.mkdir()
    _git(work, "init", "-q")
    (work / "story.md").write_text(STORY, encoding="utf-8")
    _git(work, "add", "story.md")

    # Drop GIT_* (set when pytest itself runs inside a git hook) so git acts on `work`.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")  # try-repo never reuses it
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "newslint"]
    proc = subprocess.run(
        [*cmd, "--files", "story.md"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = proc.stdout + proc.stderr
    print(output)
    assert proc.returncode != 0, output
    assert "story.md:3:20: NL201" in output, output
