"""Output for CI: SARIF (rule links, fixes, notifications, fingerprints), the JSON
``fix`` field, the fixable mark and ``--show-fixes``, GitLab Code Quality, and
``--min-severity``."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from lsprotocol import types

from newslint.documents.source import Source
from newslint.rules.base import Finding, Severity
from newslint.rules.docs import rule_url
from newslint.rules.registry import load_registry
from newslint.server.diagnostics import diagnostic
from tests.conftest import JSON_FINDING_KEYS, ROOT, SHARED, run_cli

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
GITLAB_SCHEMA = Path(__file__).resolve().parent / "schemas" / "gitlab-code-quality.json"
LINE_BREAK = re.compile(r"\r\n|\r|\n")

# A BOM, CRLF line ends and an emoji before the first finding, so that a column
# counted in anything but code points, or a line split on "\n" only, shows.
STORY = (
    "\ufeffHarbour trams return 🚋 to the the seafront\r\n"
    "\r\n"
    "The council said the line would reopen on 4 May. “We are ready,” said Ana Ruiz, "
    "the transport chief.\r\n"
    "\r\n"
    'She added: "The depot is finished." Drivers’ rotas were agreed in in March.\r\n'
)
# NL902 twice (warnings), NL504 once (info, two edits): all fixable.
FIXED = (
    "Harbour trams return 🚋 to the seafront\r\n"
    "\r\n"
    "The council said the line would reopen on 4 May. “We are ready,” said Ana Ruiz, "
    "the transport chief.\r\n"
    "\r\n"
    "She added: “The depot is finished.” Drivers’ rotas were agreed in March.\r\n"
)
# Not fixable: a distancing term.
PLAIN = "The so-called reform was passed on Tuesday by the assembly.\n"


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder to lint in, as a CI job does: paths relative to it."""
    (tmp_path / "story.txt").write_bytes(STORY.encode("utf-8"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def schema_validator(path: Path) -> jsonschema.protocols.Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def offset(text: str, line: int, column: int) -> int:
    """The code-point offset of a 1-based line and column, lines ending as Source's do."""
    starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
    return starts[line - 1] + column - 1


def apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def decoded(path: Path) -> str:
    return path.read_bytes().decode("utf-8").removeprefix("\ufeff")


def fixed_by_newslint(desk: Path) -> str:
    copy = desk / "copy" / "story.txt"
    copy.parent.mkdir()
    shutil.copy(desk / "story.txt", copy)
    run_cli("--fix", str(copy))
    return decoded(copy)


def sarif(*args: str) -> dict:
    return json.loads(run_cli("--format", "sarif", *args).stdout)


def test_sarif_validates_with_help_uris_fixes_notifications_and_fingerprints(desk):
    if not SARIF_SCHEMA.is_file():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is not present")
    (desk / "broken.txt").write_bytes(b"Fares\x00rise.\n")  # a NUL byte: binary
    result = run_cli("--format", "sarif", "story.txt", "broken.txt", "missing.txt")
    assert result.code == 2
    log = json.loads(result.stdout)
    schema_validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["NL504", "NL902"]
    assert [rule["helpUri"] for rule in rules] == [rule_url("NL504"), rule_url("NL902")]
    assert rule_url("NL902").endswith("README.md#nl902")

    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    notifications = invocation["toolExecutionNotifications"]
    assert {n["level"] for n in notifications} == {"error"}
    [broken] = [n for n in notifications if n["message"]["text"].startswith("broken.txt: ")]
    [missing] = [n for n in notifications if n["message"]["text"].startswith("missing.txt: ")]
    assert broken["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.txt"
    assert missing["message"]["text"] == "missing.txt: no such file or directory"
    assert "locations" not in missing  # nothing there to point at

    results = run["results"]
    assert [r["ruleId"] for r in results] == ["NL902", "NL504", "NL902"]
    prints = [r["partialFingerprints"]["newslintFingerprint/v1"] for r in results]
    assert len(set(prints)) == 3 and all(re.fullmatch(r"[0-9a-f]{32}", p) for p in prints)
    assert all(len(r["fixes"]) == 1 for r in results)
    assert results[0]["fixes"][0]["description"]["text"] == "NL902 safe fix: delete ' the'"


def test_a_clean_run_is_a_successful_invocation(desk):
    (desk / "clean.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    run = sarif("clean.txt")["runs"][0]
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["results"] == []


def test_sarif_fixes_applied_by_line_and_column_are_what_fix_writes(desk):
    text = decoded(desk / "story.txt")
    edits = []
    for result in sarif("story.txt")["runs"][0]["results"]:
        [change] = result["fixes"][0]["artifactChanges"]
        assert change["artifactLocation"]["uri"] == "story.txt"
        for replacement in change["replacements"]:
            region = replacement["deletedRegion"]
            start = offset(text, region["startLine"], region["startColumn"])
            end = offset(text, region["endLine"], region["endColumn"])
            edits.append((start, end, replacement["insertedContent"]["text"]))
    assert apply(text, edits) == FIXED == fixed_by_newslint(desk)


def test_json_fix_edits_by_offsets_and_by_positions_are_what_fix_writes(desk):
    text = decoded(desk / "story.txt")
    findings = run_cli("--format", "json", "story.txt").findings
    edits = [edit for finding in findings for edit in finding["fix"]["edits"]]
    assert list(edits[0]) == [
        "line",
        "column",
        "end_line",
        "end_column",
        "start_offset",
        "end_offset",
        "replacement",
    ]
    by_offsets = [(e["start_offset"], e["end_offset"], e["replacement"]) for e in edits]
    by_positions = [
        (
            offset(text, e["line"], e["column"]),
            offset(text, e["end_line"], e["end_column"]),
            e["replacement"],
        )
        for e in edits
    ]
    assert by_offsets == by_positions
    assert apply(text, by_offsets) == FIXED == fixed_by_newslint(desk)
    # The NL902 finding on the first line: its fix drops " the" at columns 30-34.
    assert findings[0]["fix"] == {
        "edits": [
            {
                "line": 1,
                "column": 30,
                "end_line": 1,
                "end_column": 34,
                "start_offset": 29,
                "end_offset": 33,
                "replacement": "",
            }
        ]
    }


def test_json_keeps_its_keys_and_adds_fix_only_to_fixable_findings(desk):
    (desk / "plain.txt").write_text(PLAIN, encoding="utf-8")
    [finding] = run_cli("--format", "json", "plain.txt").findings
    assert list(finding) == JSON_FINDING_KEYS


def test_fingerprints_survive_lines_inserted_above(desk):
    def prints(fmt: str) -> list[str]:
        report = json.loads(run_cli("--format", fmt, "story.txt").stdout)
        if fmt == "gitlab":
            return [issue["fingerprint"] for issue in report]
        return [
            r["partialFingerprints"]["newslintFingerprint/v1"] for r in report["runs"][0]["results"]
        ]

    before = {fmt: prints(fmt) for fmt in ("sarif", "gitlab")}
    lead = "Trams are back.\r\n\r\nThe first ran at dawn on Monday.\r\n\r\n"
    (desk / "story.txt").write_bytes(("\ufeff" + lead + STORY[1:]).encode("utf-8"))
    assert {fmt: prints(fmt) for fmt in ("sarif", "gitlab")} == before


def test_gitlab_report_validates_against_the_code_quality_schema(desk):
    (desk / "desk").mkdir()
    (desk / "desk" / "plain.txt").write_text(PLAIN, encoding="utf-8")
    result = run_cli("--format", "gitlab", "story.txt", "./desk/plain.txt")
    assert result.code == 1
    issues = json.loads(result.stdout)
    schema_validator(GITLAB_SCHEMA).validate(issues)
    assert [(i["check_name"], i["severity"]) for i in issues] == [
        ("NL202", "minor"),
        ("NL902", "minor"),
        ("NL504", "info"),
        ("NL902", "minor"),
    ]
    assert issues[0]["location"]["path"] == "desk/plain.txt"
    assert issues[1]["description"] == "NL902 Repeated word 'the'"
    assert issues[1]["location"] == {"path": "story.txt", "lines": {"begin": 1, "end": 1}}
    assert len({i["fingerprint"] for i in issues}) == 4
    assert json.loads(run_cli("--format", "gitlab", str(desk / "desk" / "plain.txt")).stdout)[0][
        "location"
    ]["path"] == ("desk/plain.txt")  # an absolute path inside the job's folder


def test_gitlab_report_goes_to_an_output_file(desk):
    result = run_cli("--format", "gitlab", "story.txt", "-o", "gl-code-quality-report.json")
    assert (result.code, result.stdout) == (1, "")
    written = (desk / "gl-code-quality-report.json").read_text(encoding="utf-8")
    assert written == run_cli("--format", "gitlab", "story.txt").stdout


def test_gitlab_schema_rejects_what_gitlab_cannot_read():
    validator = schema_validator(GITLAB_SCHEMA)
    good = {
        "description": "d",
        "check_name": "c",
        "fingerprint": "f",
        "severity": "minor",
        "location": {"path": "a.md", "positions": {"begin": {"line": 2, "column": 3}}},
    }
    validator.validate([good])
    bad = [
        {**good, "severity": "warning"},
        {k: v for k, v in good.items() if k != "fingerprint"},
        {**good, "location": {"path": "a.md"}},
        {**good, "location": {"path": "/abs/a.md", "lines": {"begin": 1}}},
        {**good, "location": {"path": "a.md", "lines": {"begin": 0}}},
    ]
    for issue in bad:
        assert not validator.is_valid([issue]), issue


def test_text_marks_fixable_findings_and_counts_them(desk):
    (desk / "plain.txt").write_text(PLAIN, encoding="utf-8")
    assert run_cli("story.txt", "plain.txt").stdout.splitlines() == [
        "plain.txt:1:5: NL202 'so-called' casts doubt in our own voice; attribute the doubt "
        "or describe the thing plainly",
        "story.txt:1:31: NL902 [*] Repeated word 'the'",
        "story.txt:5:12: NL504 [*] 2 straight quotes in a document that mostly uses curly "
        'quotes; first here: "',
        "story.txt:5:67: NL902 [*] Repeated word 'in'",
        "Found 4 findings (0 errors, 3 warnings, 1 info).",
        "[*] 3 fixable with the `--fix` option.",
    ]
    # Nothing fixable: the output is as it always was.
    assert run_cli("plain.txt").stdout.splitlines()[1:] == [
        "Found 1 finding (0 errors, 1 warning, 0 info)."
    ]
    assert "[*] 3 fixable" not in run_cli("-q", "story.txt").stdout


def test_show_fixes_prints_each_edit_under_its_finding(desk):
    lines = run_cli("--show-fixes", "story.txt").stdout.splitlines()
    assert lines[:6] == [
        "story.txt:1:31: NL902 [*] Repeated word 'the'",
        "  fix 1:30-1:34: delete ' the'",
        "story.txt:5:12: NL504 [*] 2 straight quotes in a document that mostly uses curly "
        'quotes; first here: "',
        "  fix 5:12-5:13: replace '\"' with '“'",
        "  fix 5:35-5:36: replace '\"' with '”'",
        "story.txt:5:67: NL902 [*] Repeated word 'in'",
    ]


def test_show_fixes_with_fix_lists_the_fixes_made(desk):
    result = run_cli("--fix", "--show-fixes", "story.txt")
    assert (result.code, result.stdout) == (0, "No findings.\n")
    assert result.stderr.splitlines()[:4] == [
        "Fixed 3 findings:",
        "- story.txt:",
        "    1 × NL504 (typography-consistency)",
        "    2 × NL902 (repeated-word)",
    ]
    assert decoded(desk / "story.txt") == FIXED


def test_min_severity_hides_findings_in_every_format_and_from_the_exit_code(desk):
    def codes(*args: str) -> list[str]:
        return [f["code"] for f in run_cli("--format", "json", *args, "story.txt").findings]

    assert codes() == ["NL902", "NL504", "NL902"]
    assert codes("--min-severity", "warning") == ["NL902", "NL902"]
    assert codes("--min-severity", "error") == []
    hidden = ("--min-severity", "warning", "story.txt")
    assert "NL504" not in run_cli(*hidden).stdout
    assert "NL504" not in run_cli("--format", "sarif", *hidden).stdout
    assert "NL504" not in run_cli("--format", "gitlab", *hidden).stdout
    info = ("--select", "NL504", "--fail-on", "info", "story.txt")
    assert run_cli(*info).code == 1
    shown = run_cli("--min-severity", "warning", *info)
    assert (shown.code, shown.stdout) == (0, "No findings.\n")


def test_the_language_server_links_the_same_rule_documentation():
    source = Source("a.txt", "the the\n")
    finding = Finding("a.txt", 1, 4, 1, 8, "NL902", "repeated-word", Severity.WARNING, "m", 3, 7)
    linked = diagnostic(finding, source, types.PositionEncodingKind.Utf16)
    assert linked.code_description == types.CodeDescription(href=rule_url("NL902"))


def test_every_built_in_rule_has_its_anchor_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code, rule in load_registry().rules.items():
        if rule.plugin == "builtin":
            anchor = rule_url(code).rsplit("#", 1)[1]
            assert f'<a id="{anchor}"></a>{code} |' in readme, code
