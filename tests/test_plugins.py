"""Third-party plugins arrive through the ``newslint`` entry-point group."""

import textwrap

import pytest

from tests.conftest import run_cli

GOOD = '''
from newslint.plugin import Finding, Rule, hookimpl


class Exclamation(Rule):
    """Flags an exclamation mark in our own voice.

    Anti-pattern:
        Prices rose again!

    Best practice:
        Prices rose again.
    """

    code = "XP101"
    name = "exclamation-mark"
    summary = "Exclamation mark in our own voice"

    def check(self, analysis):
        for offset, char in enumerate(analysis.text):
            if char == "!" and not analysis.in_quote(offset):
                yield self.finding(analysis, offset, offset + 1, "Exclamation mark ! in our voice")


@hookimpl
def newslint_rules():
    return [Exclamation]
'''

CRASHING = '''
from newslint.plugin import Rule, hookimpl


class Crash(Rule):
    """Always fails."""

    code = "XP201"
    name = "always-crashes"
    summary = "A rule with a bug"

    def check(self, analysis):
        raise RuntimeError("boom")


@hookimpl
def newslint_rules():
    return [Crash]
'''

BROKEN = "raise ImportError('missing dependency xyz')\n"


def install(site, name: str, module: str, source: str) -> None:
    (site / f"{module}.py").write_text(textwrap.dedent(source))
    info = site / f"{name.replace('-', '_')}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[newslint]\n{name} = {module}\n")


@pytest.fixture
def site(tmp_path, monkeypatch):
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    return folder


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Heading\n\nPrices rose again! The 'plan' failed.\n")
    return path


def test_plugin_rule_is_listed_documented_selectable_and_reports(site, article):
    install(site, "newslint-xp", "xp_plugin", GOOD)
    assert "XP101  exclamation-mark" in run_cli("rules").stdout
    assert "Anti-pattern:" in run_cli("rule", "XP101").stdout
    result = run_cli("--format", "json", "--select", "XP101", str(article))
    assert result.at("XP101") == [(3, 18)]
    assert result.code == 1


def test_crashing_rule_is_named_and_the_rest_still_run(site, article):
    install(site, "newslint-crash", "crash_plugin", CRASHING)
    result = run_cli("--format", "json", "--select", "XP201,NL201", str(article))
    assert result.code == 2
    assert (
        f"{article}: rule XP201 (always-crashes) from plugin 'newslint-crash' crashed: "
        "RuntimeError: boom"
    ) in result.stderr
    assert result.at("NL201") == [(3, 24)]


def test_plugin_that_fails_to_import_is_named_and_builtins_still_run(site, article):
    install(site, "newslint-broken", "broken_plugin", BROKEN)
    result = run_cli("--format", "json", "--select", "NL201", str(article))
    assert result.code == 2
    assert "plugin 'newslint-broken' failed to load: ImportError: missing dependency xyz" in (
        result.stderr
    )
    assert result.at("NL201") == [(3, 24)]
