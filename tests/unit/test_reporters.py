"""The reporters: exact text lines, the JSON contract, valid SARIF, GitHub escaping."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from newslint.documents.source import Source
from newslint.reporters import REPORTERS, ReportContext, render
from newslint.reporters.github import escape_property
from newslint.rules.base import Finding, Rule, Severity
from newslint.rules.docs import rule_url

SCHEMA = (
    Path(__file__).resolve().parents[2].parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
)


class Hedge(Rule):
    """Flags hedging words.

    Avoid: It was arguably late.
    Better: It was late.
    """

    code = "NL101"
    name = "hedging"
    summary = "Hedging words weaken a claim."
    severity = Severity.INFO


SOURCE = Source("story one.md", "The mayor\t“allegedly” lied 🙃.\nIt was arguably late.\n")
HEDGE = "It was arguably late."


def finding(line: int, column: int, end_column: int, code: str, **extra: object) -> Finding:
    fields: dict = {
        "path": "story one.md",
        "line": line,
        "column": column,
        "end_line": line,
        "end_column": end_column,
        "code": code,
        "rule": "hedging" if code == "NL101" else "loaded-word",
        "severity": Severity.WARNING,
        "message": "“allegedly” implies guilt 🙃",
        "start": 0,
        "end": 0,
    }
    fields.update(extra)
    return Finding(**fields)


FINDINGS = [
    finding(1, 11, 22, "NL200", severity=Severity.ERROR, suggestion="reportedly"),
    finding(2, 8, 16, "NL101", severity=Severity.INFO, message="Drop “arguably”"),
    finding(2, 8, 16, "NL200", message="Loaded word"),
]
CONTEXT = ReportContext(rules={"NL101": Hedge}, sources={SOURCE.path: SOURCE}, version="1.2.3")


def test_text_lines_and_summary() -> None:
    assert render("text", FINDINGS, CONTEXT).splitlines() == [
        "story one.md:1:11: NL200 “allegedly” implies guilt 🙃",
        "story one.md:2:8: NL101 Drop “arguably”",
        "story one.md:2:8: NL200 Loaded word",
        "Found 3 findings (1 error, 1 warning, 1 info).",
    ]


def test_text_summary_singular_empty_and_quiet() -> None:
    one = render("text", FINDINGS[:1], CONTEXT).splitlines()[-1]
    assert one == "Found 1 finding (1 error, 0 warnings, 0 info)."
    assert render("text", [], CONTEXT) == "No findings.\n"
    assert render("text", [], replace(CONTEXT, quiet=True)) == ""
    assert render("text", FINDINGS, replace(CONTEXT, quiet=True)).count("\n") == 3


def test_text_color_wraps_path_and_code_only() -> None:
    colored = render("text", FINDINGS, replace(CONTEXT, color=True)).splitlines()
    assert colored[0] == (
        "\x1b[1mstory one.md:1:11:\x1b[0m \x1b[31mNL200\x1b[0m “allegedly” implies guilt 🙃"
    )
    assert "\x1b[36mNL101\x1b[0m" in colored[1]
    assert "\x1b[33mNL200\x1b[0m" in colored[2]
    assert "\x1b" not in render("text", FINDINGS, CONTEXT)


def test_text_show_source_aligns_caret_under_tabs() -> None:
    lines = render("text", FINDINGS[:2], replace(CONTEXT, show_source=True)).splitlines()
    assert lines[1:3] == ["The mayor\t“allegedly” lied 🙃.", "         \t^" + "~" * 10]
    assert lines[4:6] == [HEDGE, "       ^~~~~~~~"]
    multiline = finding(2, 17, 3, "NL101", end_line=3)
    shown = render("text", [multiline], replace(CONTEXT, show_source=True, quiet=True))
    assert shown.splitlines()[2] == " " * 16 + "^~~~~"


def test_text_statistics() -> None:
    context = replace(CONTEXT, statistics=True)
    assert render("text", FINDINGS, context).splitlines() == [
        "    2  NL200  loaded-word",
        "    1  NL101  hedging",
        "Found 3 findings (1 error, 1 warning, 1 info).",
    ]


def test_json_round_trip_and_key_order() -> None:
    output = render("json", FINDINGS, CONTEXT)
    assert "“allegedly” implies guilt 🙃" in output
    data = json.loads(output)
    assert list(data[0]) == [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "rule",
        "severity",
        "message",
        "suggestion",
    ]
    assert "suggestion" not in data[1]
    assert data[0]["severity"] == "error"
    assert data[1] == {
        "path": "story one.md",
        "line": 2,
        "column": 8,
        "end_line": 2,
        "end_column": 16,
        "code": "NL101",
        "rule": "hedging",
        "severity": "info",
        "message": "Drop “arguably”",
    }
    assert json.loads(render("json", [], CONTEXT)) == []


def test_sarif_is_valid_and_complete() -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    findings = [*FINDINGS, finding(1, 1, 4, "NL300", path="docs/café.md")]
    log = json.loads(render("sarif", findings, CONTEXT))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("newslint", "1.2.3")
    assert [rule["id"] for rule in driver["rules"]] == ["NL101", "NL200", "NL300"]
    assert driver["rules"][0] == {
        "id": "NL101",
        "name": "hedging",
        "shortDescription": {"text": "Hedging words weaken a claim."},
        "fullDescription": {"text": Hedge.documentation()},
        "help": {"text": Hedge.documentation()},
        "helpUri": rule_url("NL101"),
        "defaultConfiguration": {"level": "note"},
    }
    assert driver["rules"][1] == {
        "id": "NL200",
        "name": "loaded-word",
        "helpUri": rule_url("NL200"),
    }
    first, second, _, fourth = run["results"]
    assert (first["ruleId"], first["ruleIndex"], first["level"]) == ("NL200", 1, "error")
    assert first["message"]["text"] == "“allegedly” implies guilt 🙃 (suggestion: reportedly)"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "story%20one.md"
    assert location["region"] == {"startLine": 1, "startColumn": 11, "endLine": 1, "endColumn": 22}
    assert (second["ruleIndex"], second["level"]) == (0, "note")
    uri = fourth["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "docs/caf%C3%A9.md"
    jsonschema.validators.validator_for(schema)(schema).validate(
        json.loads(render("sarif", [], CONTEXT))
    )


def test_github_commands_and_escaping() -> None:
    odd = finding(3, 2, 5, "NL200", path="a,b:c.md", message="100% sure\r\nnot: this, really")
    assert render("github", [*FINDINGS[1:], odd], CONTEXT).splitlines() == [
        "::notice file=story one.md,line=2,col=8,endLine=2,endColumn=16,title=NL101::"
        "Drop “arguably”",
        "::warning file=story one.md,line=2,col=8,endLine=2,endColumn=16,title=NL200::Loaded word",
        "::warning file=a%2Cb%3Ac.md,line=3,col=2,endLine=3,endColumn=5,title=NL200::"
        "100%25 sure%0D%0Anot: this, really",
    ]
    assert escape_property("50%\n") == "50%25%0A"
    assert render("github", [], CONTEXT) == ""


def test_render_knows_every_format_and_rejects_others() -> None:
    assert set(REPORTERS) == {"text", "json", "sarif", "github", "gitlab", "html"}
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render("xml", FINDINGS, CONTEXT)
