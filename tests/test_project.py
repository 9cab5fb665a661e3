"""The project keeps its promises: README set-up, CI, lint-clean code, packaged packs."""

import ast
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from newslint.rules.registry import load_registry
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


def readme_commands() -> list[str]:
    """The set-up commands: the shell blocks of the README's Set-up section."""
    setup = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", setup)


def test_ci_runs_exactly_the_readme_test_command():
    install_and_run, test_command = readme_commands()
    assert "newslint examples/article.md" in install_and_run
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert test_command in ci


def test_readme_rule_table_lists_every_rule():
    row = r'^\| (?:<a id="nl\d{3}"></a>)?(NL\d{3}) \| ([a-z-]+) \|'
    table = set(re.findall(row, README, re.M))
    rules = {(code, rule.name) for code, rule in load_registry().rules.items()}
    assert rules <= table


def test_ruff_check_and_format_are_clean():
    ruff = [sys.executable, "-m", "ruff"]
    check = subprocess.run([*ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    fmt = subprocess.run(
        [*ruff, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout


def test_wheel_carries_the_rule_packs(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("newslint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for pack in Path(ROOT / "rules").rglob("*.toml"):
        assert f"newslint/packs/{pack.relative_to(ROOT / 'rules').as_posix()}" in names


def test_rules_that_need_no_model_do_not_load_spacy(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Heading\n\nThe the plan.\n")
    probe = (
        "import sys; from newslint.cli.main import main; "
        f"code = main(['--quiet', '--select', 'NL902,NL903', {str(article)!r}]); "
        "print('spacy' in sys.modules, code)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False 1"


def test_readme_sample_output_is_what_newslint_prints():
    sample = re.search(r"\$ newslint (examples/article\.md)\n(.*?)```", README, re.S)
    assert sample is not None
    result = subprocess.run(
        [str(Path(sys.executable).parent / "newslint"), "--color", "never", sample.group(1)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.stdout == sample.group(2)


def test_every_rule_documents_an_example_to_avoid_and_a_better_version():
    for code, rule in load_registry().rules.items():
        doc = rule.documentation()
        assert "Anti-pattern:" in doc and "Best practice:" in doc, code


BELOW = {
    "documents": set(),
    "analysis": {"documents", "toml"},
    "rules": {"analysis", "documents", "toml"},
    "config": {"rules", "analysis", "documents", "toml"},
    "reporters": {"linter", "rules", "analysis", "documents"},
    "linter": {"config", "rules", "analysis", "documents", "toml"},
    "audit": {"linter", "reporters", "config", "rules", "analysis", "documents", "toml"},
    "server": {"linter", "config", "rules", "analysis", "documents", "toml"},
}


def _imported_layers(folder: Path) -> set[str]:
    layers = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            layers |= {n.split(".")[1] for n in names if n.startswith("newslint.")}
    return layers - {folder.name}


@pytest.mark.parametrize("layer", sorted(BELOW))
def test_each_layer_imports_only_the_layers_below_it(layer):
    assert _imported_layers(ROOT / "newslint" / layer) <= BELOW[layer]
