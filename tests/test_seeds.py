"""Acceptance on the shared seed articles (skipped where ../shared is absent)."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import SHARED, run_cli

SEED_CLEAN = "000_0f2b942aa9d9e172.txt"
SEED_SCRAPED = "001_8ba0f623fd87af31.txt"


def findings(seeds: Path, name: str, *args: str) -> list[dict]:
    return run_cli("--format", "json", *args, str(seeds / name)).findings


def positions(found: list[dict], code: str) -> list[tuple[int, int]]:
    return [(f["line"], f["column"]) for f in found if f["code"] == code]


def test_seed_000_quotation_findings(seeds):
    found = findings(seeds, SEED_CLEAN)
    assert positions(found, "NL201")[0] == (1, 34)
    assert (35, 24) in positions(found, "NL201")
    assert positions(found, "NL202") == [(5, 16)]


def test_seed_000_attributed_quotes_are_not_flagged(seeds):
    lines = {f["line"] for f in findings(seeds, SEED_CLEAN, "--select", "NL2")}
    assert not lines & {9, 17, 33, 37, 39}


def test_seed_001_curly_quotes(seeds):
    found = findings(seeds, SEED_SCRAPED)
    assert (37, 24) in positions(found, "NL201")
    assert positions(found, "NL202") == [(5, 16)]
    assert not {f["line"] for f in found if f["code"].startswith("NL2")} & {9, 19, 35, 46, 48}


def test_seed_exit_codes(seeds, tmp_path):
    assert run_cli(str(seeds / SEED_CLEAN)).code == 1
    assert run_cli(str(seeds / "missing.txt")).code == 2


def test_sarif_for_the_seeds_validates_against_the_official_schema(seeds):
    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip("SARIF schema is not present")
    schema = json.loads(schema_path.read_text())
    result = run_cli("--format", "sarif", str(seeds / SEED_CLEAN), str(seeds / SEED_SCRAPED))
    log = json.loads(result.stdout)
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"
    assert len(log["runs"][0]["results"]) == len(
        findings(seeds, SEED_CLEAN) + findings(seeds, SEED_SCRAPED)
    )


def score(cats: str) -> str:
    """Run the shared acceptance scorer on the installed newslint; fail on any miss or FP."""
    out = subprocess.run(
        [
            sys.executable,
            str(SHARED / "acceptance" / "score.py"),
            "--cmd",
            str(Path(sys.executable).parent / "newslint"),
            *(["--cats", cats] if cats else []),
            "--max-fp",
            "0",
            "--min-recall",
            "1",
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout
    return out.stdout


def test_acceptance_score_for_quotation(seeds):
    assert "recall 5/5 = 100%, false positives 0" in score("scare-quotes,distancing-term")


def test_acceptance_score_for_sourcing(seeds):
    cats = "unsourced-figure,vague-attribution,unattributed-label,loaded-said-verb"
    assert "false positives 0" in score(cats)


def test_seed_000_sourcing_findings(seeds):
    found = findings(seeds, SEED_CLEAN, "--select", "NL101,NL102,NL301")
    assert [f["line"] for f in found if f["code"] == "NL101"] == [15, 45]
    assert [f["line"] for f in found if f["code"] == "NL102"] == [29, 43]
    assert positions(found, "NL301") == [(13, 4)]
    assert not {f["line"] for f in found} & {3, 11, 23, 31, 33, 35, 41}


def test_acceptance_score_for_house_style_and_hygiene(seeds):
    cats = "editorializing,relative-date,first-reference,variant-consistency,scrape-residue"
    assert "false positives 0" in score(cats)


def test_acceptance_score_for_everything(seeds):
    assert "recall 24/24 = 100%, false positives 0" in score("")
