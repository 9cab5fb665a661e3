"""``newslint sources``: every attribution with exact code-point spans (a JSON contract)."""

import json

from tests.conftest import run_cli

STORY = (
    "Depot plan approved\n"
    "\n"
    "Delia Okafor said the depot would open in May, which pleased traders.\n"
    "\n"
    "“We are delighted,” she said. “It took three years.”\n"
    "\n"
    "A source said the budget had doubled.\n"
)
KEYS = ["path", "source", "source_type", "cue", "kind", "named", "content"]


def _sources(tmp_path, text: str, *args: str):
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    result = run_cli("sources", *args, str(path))
    return result, text


def test_json_lists_each_attribution_with_exact_spans(tmp_path):
    result, text = _sources(tmp_path, STORY, "--format", "json")
    assert result.code == 0
    entries = json.loads(result.stdout)
    assert all(list(e) == KEYS for e in entries)
    lines = text.splitlines()

    def spans(entry):
        return [
            lines[s["line"] - 1][s["column"] - 1 : s["end_column"] - 1] for s in entry["content"]
        ]

    by_source = {(e["source"], e["kind"]): e for e in entries}
    okafor = by_source[("Delia Okafor", "indirect-speech")]
    assert (okafor["cue"], okafor["source_type"], okafor["named"]) == ("said", "person", True)
    assert spans(okafor) == ["the depot would open in May, which pleased traders"]
    quotes = [e for e in entries if e["kind"] == "direct-quote"]
    assert [spans(q) for q in quotes] == [["We are delighted,"], ["It took three years."]]
    assert all(q["source"] == "she" and q["named"] for q in quotes)
    anonymous = by_source[("A source", "indirect-speech")]
    assert (anonymous["source_type"], anonymous["named"]) == ("anonymous", False)
    assert spans(anonymous) == ["the budget had doubled"]


def test_text_report_summarises_sources_and_our_own_voice(tmp_path):
    result, _ = _sources(tmp_path, STORY)
    assert result.code == 0
    assert "Delia Okafor (person)" in result.stdout
    assert "anonymous sources: 1" in result.stdout
    assert "our own voice:" in result.stdout


def test_missing_file_is_an_error_naming_it(tmp_path):
    result = run_cli("sources", str(tmp_path / "nope.txt"))
    assert result.code == 2
    assert "nope.txt" in result.stderr


def test_a_measured_lint_counts_the_words_sources_attributes(tmp_path):
    """The audit's counts come from the lint's own analysis, as ``sources`` counts them."""
    from newslint.config.ruleset import Overrides
    from newslint.linter.run import Resolver, lint_targets
    from newslint.linter.targets import expand
    from newslint.rules.registry import load_registry

    result, _ = _sources(
        tmp_path,
        "Pool to close\n\nThe council will shut the pool, the mayor "
        "said on Monday.\n\nThe pool opened in 1990.\n",
    )
    assert "our own voice: 50% of 16 words" in result.stdout
    registry = load_registry()
    resolver = Resolver(registry, Overrides(select=("NL902",)), None)
    targets, _ = expand([str(tmp_path / "story.txt")], resolver.settings, None)
    run = lint_targets(targets, registry, resolver, measure=True)
    assert run.voice == {str(tmp_path / "story.txt"): (16, 8)}
