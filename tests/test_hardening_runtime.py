"""Hardening at run time (issue 8), through the real CLI in a subprocess: plugin output
is checked before anyone sees it, internal errors and Ctrl-C stop cleanly, fixes are
checked and written safely, --show-source is safe on a terminal, and a run that lints
nothing says so.

Test plugins are modules in a folder on PYTHONPATH with a ``newslint`` entry point, as
in test_plugins.py. Some trigger on a marker word in the article, so that the fault
(a bad finding, an exception, a Ctrl-C) happens in one chosen file of a run.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.conftest import Result, assert_named_error, run_process
from tests.test_plugins import install

# "The the" is flagged by NL902, which needs no model; its fix drops the second word.
FLAGGED = b"Bus fares rise\n\nThe the depot said fares would rise in May.\n"
FLAGGED_FIXED = b"Bus fares rise\n\nThe depot said fares would rise in May.\n"
FLAGGED_AT = ("NL902", 3, 5)
STORY = b"Ferry fares rise\n\nThe council raised fares.\n"

BAD_OUTPUT = '''
import dataclasses

from newslint.plugin import Rule, hookimpl


class BadOutput(Rule):
    """Reports one good finding and five things that cannot be findings here."""

    code = "XP301"
    name = "bad-output"
    summary = "A rule with buggy output"

    def check(self, analysis):
        end = len(analysis.text)
        good = self.finding(analysis, 0, 4, "Good finding")
        yield "not a finding"
        yield dataclasses.replace(good, path="elsewhere.txt")
        yield self.finding(analysis, -5, 2, "Negative span")
        yield self.finding(analysis, 10, 3, "Reversed span")
        yield self.finding(analysis, end + 5, end + 9, "Span past the end")
        yield good


@hookimpl
def newslint_rules():
    return [BadOutput]
'''

FAULT = '''
import newslint.analysis.pipeline as pipeline
import newslint.linter.run as lint
import newslint.reporters as reporters

scan = pipeline.scan_quotes
load = lint.load_document


def faulty_scan(document):
    """A stand-in for a bug in newslint, met only in files with the marker word."""
    if "explode" in document.source.text:
        raise ValueError("injected fault")
    return scan(document)


def faulty_report(findings, context):
    raise RuntimeError("injected reporter fault")


def faulty_load(source, *options):
    """A stand-in for a bug met while reading a file into blocks."""
    if "collapse" in source.text:
        raise ValueError("injected reading fault")
    return load(source, *options)


pipeline.scan_quotes = faulty_scan
reporters.REPORTERS["github"] = faulty_report
lint.load_document = faulty_load
'''

FAULT_IN_BATCH = '''
import newslint.analysis.pipeline as pipeline

parse = pipeline._parse_stream


def faulty_parse(documents, nlp):
    """A stand-in for the model failing on one file: the whole batch it is in fails."""
    if any("explode" in document.source.text for document in documents):
        raise ValueError("injected model fault")
    return parse(documents, nlp)


pipeline._parse_stream = faulty_parse
'''

INTERRUPT = '''
import os
import signal

from newslint.plugin import Rule, hookimpl


class Interrupt(Rule):
    """Sends Ctrl-C (a real SIGINT) to its own process on a file with "halt", or with
    "pause" once its doubled word is fixed."""

    code = "XP401"
    name = "interrupts"
    summary = "Presses Ctrl-C"

    def check(self, analysis):
        text = analysis.text
        if "halt" in text or ("pause" in text and "the the" not in text):
            os.kill(os.getpid(), signal.SIGINT)
        return []


@hookimpl
def newslint_rules():
    return [Interrupt]
'''

INTERRUPT_WRITE = '''
import os
import signal

replace = os.replace


def interrupted_replace(source, target):
    """Ctrl-C while --fix is about to put a file with 'halt' in its name in place."""
    if "halt" in os.path.basename(target):
        os.kill(os.getpid(), signal.SIGINT)
    return replace(source, target)


os.replace = interrupted_replace
'''

BAD_FIX = '''
from newslint.plugin import Edit, Fix, Rule, hookimpl


class BadFix(Rule):
    """Offers a broken fix in a file with a marker word."""

    code = "XP501"
    name = "bad-fix"
    summary = "A rule with buggy fixes"

    def check(self, analysis):
        text = analysis.text
        edits = {
            "outrange": (Edit(len(text) + 3, len(text) + 5, "x"),),
            "overlap": (Edit(0, 4, "A"), Edit(2, 6, "B")),
            "surrogate": (Edit(0, 3, "\\udc80"),),
        }
        for marker, fix in edits.items():
            if marker in text:
                yield self.finding(analysis, 0, 3, "Bad fix", fix=Fix(fix))


@hookimpl
def newslint_rules():
    return [BadFix]
'''

EDITOR = '''
from newslint.plugin import Rule, hookimpl


class Editor(Rule):
    """Plays an editor who saves the file while newslint is running."""

    code = "XP601"
    name = "editor"
    summary = "Changes the file on disk"

    def check(self, analysis):
        if "edited" in analysis.text:
            with open(analysis.source.path, "a", encoding="utf-8") as out:
                out.write("A late paragraph.\\n")
        return []


@hookimpl
def newslint_rules():
    return [Editor]
'''


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A folder on the subprocess's PYTHONPATH where test plugins are installed."""
    folder = tmp_path / "site"
    folder.mkdir()
    inherited = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(folder), *inherited]))
    return folder


@pytest.fixture
def folder(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    return work


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def at(result: Result, path: Path) -> list[tuple[str, int, int]]:
    """(code, line, column) of each finding in ``path``."""
    return [(f["code"], f["line"], f["column"]) for f in result.findings if f["path"] == str(path)]


# 1. Plugin output


def test_bad_plugin_output_is_named_and_dropped_and_the_rest_reported(site, folder):
    install(site, "newslint-bad", "bad_plugin", BAD_OUTPUT)
    story = write(folder, "story.txt", STORY)
    other = write(folder, "other.txt", FLAGGED)
    result = run_process("--format", "json", "--select", "XP301,NL902", str(story), str(other))
    label = "rule XP301 (bad-output) from plugin 'newslint-bad'"
    assert_named_error(result, str(story), str(other), label)
    assert f"{story}: {label} yielded str 'not a finding', not a Finding; dropped" in result.stderr
    assert f"{story}: {label} reported a finding for another file, 'elsewhere.txt'" in (
        result.stderr
    )
    assert f"{story}: {label} reported span -5-2, outside the text" in result.stderr
    assert f"{story}: {label} reported span 10-3, outside the text" in result.stderr
    end = len(STORY)
    assert f"{story}: {label} reported span {end + 5}-{end + 9}, outside the text (0-{end})" in (
        result.stderr
    )
    assert at(result, story) == [("XP301", 1, 1)]
    assert at(result, other) == [("XP301", 1, 1), FLAGGED_AT]


def test_sarif_and_text_show_only_valid_positions(site, folder):
    install(site, "newslint-bad", "bad_plugin", BAD_OUTPUT)
    story = write(folder, "story.txt", STORY)
    other = write(folder, "other.txt", FLAGGED)
    paths = [str(story), str(other)]
    sarif = run_process("--format", "sarif", "--select", "XP301,NL902", *paths)
    assert_named_error(sarif, str(story), "XP301")
    regions = [
        (result["ruleId"], location["physicalLocation"]["region"])
        for result in json.loads(sarif.stdout)["runs"][0]["results"]
        for location in result["locations"]
    ]
    first_word = {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 5}
    repeat = {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 8}
    assert regions == [("XP301", first_word), ("NL902", repeat), ("XP301", first_word)]
    text = run_process("--select", "XP301,NL902", *paths)
    assert_named_error(text, str(story), "XP301")
    assert text.stdout.splitlines()[:3] == [
        f"{other}:1:1: XP301 Good finding",
        f"{other}:3:5: NL902 [*] Repeated word 'the'",
        f"{story}:1:1: XP301 Good finding",
    ]


# 2. Internal errors


def test_internal_error_names_the_file_and_the_run_goes_on(site, folder):
    install(site, "newslint-fault", "fault_plugin", FAULT)
    broken = write(folder, "broken.txt", b"Dam report\n\nEngineers will explode the old dam.\n")
    other = write(folder, "other.txt", FLAGGED)
    result = run_process("--format", "json", "--select", "NL902", str(broken), str(other))
    assert_named_error(result, str(broken))
    assert (
        f"error: {broken}: internal error: ValueError: injected fault; not linted; please report"
    ) in result.stderr
    assert at(result, other) == [FLAGGED_AT]
    assert broken.read_bytes() == b"Dam report\n\nEngineers will explode the old dam.\n"


def test_a_fault_while_reading_a_file_names_it_and_the_run_goes_on(site, folder):
    install(site, "newslint-fault", "fault_plugin", FAULT)
    broken = write(folder, "broken.txt", b"Pier report\n\nThe old pier may collapse.\n")
    other = write(folder, "other.txt", FLAGGED)
    result = run_process("--format", "json", "--select", "NL902", str(broken), str(other))
    assert_named_error(result, f"{broken}: internal error: ValueError: injected reading fault")
    assert at(result, other) == [FLAGGED_AT]


@pytest.mark.slow
def test_a_fault_in_a_parsed_batch_is_blamed_on_its_file(site, folder):
    install(site, "newslint-batch-fault", "batch_fault_plugin", FAULT_IN_BATCH)
    first = write(folder, "a.txt", FLAGGED)
    broken = write(folder, "b.txt", b"Dam report\n\nEngineers will explode the old dam.\n")
    last = write(folder, "c.txt", FLAGGED)
    paths = [str(first), str(broken), str(last)]
    result = run_process("--format", "json", "--select", "NL201,NL902", *paths)
    assert_named_error(result, f"{broken}: internal error: ValueError: injected model fault")
    assert str(first) not in result.stderr
    assert str(last) not in result.stderr
    assert at(result, first) == [FLAGGED_AT]
    assert at(result, last) == [FLAGGED_AT]


def test_an_error_outside_any_file_is_one_line_and_exit_2(site, folder):
    install(site, "newslint-fault", "fault_plugin", FAULT)
    other = write(folder, "other.txt", FLAGGED)
    result = run_process("--format", "github", "--select", "NL902", str(other))
    assert_named_error(result, "internal error: RuntimeError: injected reporter fault")
    assert "please report" in result.stderr
    assert len(result.stderr.splitlines()) == 1


# 3. Ctrl-C


def test_ctrl_c_reports_the_files_finished_and_exits_130(site, folder):
    install(site, "newslint-interrupt", "interrupt_plugin", INTERRUPT)
    first = write(folder, "a.txt", FLAGGED)
    halted = write(folder, "b.txt", b"Strike\n\nWorkers may halt the the trains.\n")
    last = write(folder, "c.txt", FLAGGED)
    paths = [str(first), str(halted), str(last)]
    result = run_process("--format", "json", "--select", "XP401,NL902", *paths)
    assert result.code == 130, result.stderr
    assert "Traceback" not in result.stderr
    assert "interrupted; reported the 1 file linted" in result.stderr
    assert at(result, first) == [FLAGGED_AT]
    assert {f["path"] for f in result.findings} == {str(first)}
    text = run_process("--select", "XP401,NL902", *paths)
    assert text.code == 130
    assert text.stdout.splitlines() == [
        f"{first}:3:5: NL902 [*] Repeated word 'the'",
        "Found 1 finding (0 errors, 1 warning, 0 info).",
        "[*] 1 fixable with the `--fix` option.",
    ]


def test_ctrl_c_while_linting_before_fix_changes_nothing(site, folder):
    install(site, "newslint-interrupt", "interrupt_plugin", INTERRUPT)
    first = write(folder, "a.txt", FLAGGED)
    halted = write(folder, "b.txt", b"Strike\n\nWorkers may halt the the trains.\n")
    result = run_process("--fix", "--select", "XP401,NL902", str(first), str(halted))
    assert result.code == 130
    assert "Traceback" not in result.stderr
    assert "interrupted before fixing; no file changed" in result.stderr
    assert first.read_bytes() == FLAGGED
    assert f"{first}:3:5: NL902" in result.stdout


def test_ctrl_c_during_fix_lists_the_files_fixed_and_leaves_the_one_in_flight(site, folder):
    install(site, "newslint-interrupt-write", "interrupt_write_plugin", INTERRUPT_WRITE)
    first = write(folder, "a.txt", FLAGGED)
    halted = write(folder, "b-halt.txt", FLAGGED)
    last = write(folder, "c.txt", FLAGGED)
    result = run_process("--fix", "--select", "NL902", str(first), str(halted), str(last))
    assert result.code == 130, result.stderr
    assert "Traceback" not in result.stderr
    assert f"note: {first}: fixed 1 problem" in result.stderr
    assert "b-halt.txt: fixed" not in result.stderr
    assert "c.txt: fixed" not in result.stderr
    assert "error: interrupted" in result.stderr
    assert first.read_bytes() == FLAGGED_FIXED
    assert halted.read_bytes() == FLAGGED
    assert last.read_bytes() == FLAGGED
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b-halt.txt", "c.txt"]


def test_ctrl_c_after_the_files_are_fixed_lists_them(site, folder):
    install(site, "newslint-interrupt", "interrupt_plugin", INTERRUPT)
    paused = write(folder, "a.txt", b"Strike\n\nWorkers may pause the the trains.\n")
    other = write(folder, "b.txt", FLAGGED)
    result = run_process("--fix", "--select", "XP401,NL902", str(paused), str(other))
    assert result.code == 130, result.stderr
    assert "Traceback" not in result.stderr
    assert f"note: {paused}: fixed 1 problem" in result.stderr
    assert f"note: {other}: fixed 1 problem" in result.stderr
    assert paused.read_bytes() == b"Strike\n\nWorkers may pause the trains.\n"
    assert other.read_bytes() == FLAGGED_FIXED


# 4. Fixes are checked before they are applied


@pytest.mark.parametrize(
    ("marker", "problem"),
    [
        ("outrange", "edit {over}-{beyond} is outside the text (0-{end}) or reversed"),
        ("overlap", "edit 2-6 overlaps another edit of the same fix"),
        ("surrogate", "edit 0-3 inserts text that cannot be written as UTF-8"),
    ],
    ids=["out-of-range", "overlapping", "unencodable"],
)
def test_a_bad_fix_is_named_and_its_file_left_alone(site, folder, marker, problem):
    install(site, "newslint-badfix", "badfix_plugin", BAD_FIX)
    data = f"Rail plan\n\nThe the {marker} plan goes ahead.\n".encode()
    problem = problem.format(over=len(data) + 3, beyond=len(data) + 5, end=len(data))
    bad = write(folder, "bad.txt", data)
    good = write(folder, "good.txt", FLAGGED)
    diff = run_process("--diff", "--select", "XP501,NL902", str(bad), str(good))
    label = "rule XP501 (bad-fix) from plugin 'newslint-badfix'"
    assert_named_error(diff, f"{bad}: {label} gave a bad fix: {problem}; no fixes applied")
    assert str(bad) not in diff.stdout
    assert f"+++ {good}" in diff.stdout
    result = run_process("--fix", "--select", "XP501,NL902", str(bad), str(good))
    assert_named_error(result, f"{bad}: {label} gave a bad fix: {problem}; no fixes applied")
    assert bad.read_bytes() == data
    assert f"{bad}: fixed" not in result.stderr
    assert f"{good}: fixed 1 problem" in result.stderr
    assert good.read_bytes() == FLAGGED_FIXED


def test_fix_refuses_a_file_changed_since_it_was_linted(site, folder):
    install(site, "newslint-editor", "editor_plugin", EDITOR)
    data = b"Harbour\n\nThe the harbour was edited today.\n"
    story = write(folder, "story.txt", data)
    other = write(folder, "other.txt", FLAGGED)
    result = run_process("--fix", "--select", "XP601,NL902", str(story), str(other))
    assert_named_error(result, f"{story}: file changed since it was read; not fixed")
    assert story.read_bytes() == data + b"A late paragraph.\n"
    assert other.read_bytes() == FLAGGED_FIXED


# 5. --fix writes in place safely


def test_fix_keeps_owner_group_and_mode(folder):
    story = write(folder, "story.txt", FLAGGED)
    other = write(folder, "other.txt", FLAGGED)
    story.chmod(0o640)
    if os.geteuid() == 0:  # only root can give a file away
        os.chown(story, 1234, 2345)
    before = story.stat()
    result = run_process("--fix", "--format", "json", "--select", "NL902", str(story), str(other))
    after = story.stat()
    assert result.code == 0, result.stderr
    assert story.read_bytes() == FLAGGED_FIXED
    assert other.read_bytes() == FLAGGED_FIXED
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert stat.S_IMODE(after.st_mode) == 0o640


def test_fix_refuses_a_file_with_another_hard_link(folder):
    story = write(folder, "story.txt", FLAGGED)
    link = folder / "link.txt"
    os.link(story, link)
    other = write(folder, "other.txt", FLAGGED)
    result = run_process("--fix", "--format", "json", "--select", "NL902", str(story), str(other))
    assert_named_error(result, f"{story}: file has 2 hard links")
    assert "not fixed" in result.stderr
    assert os.stat(story).st_ino == os.stat(link).st_ino
    assert story.read_bytes() == link.read_bytes() == FLAGGED
    assert other.read_bytes() == FLAGGED_FIXED
    assert at(result, story) == [FLAGGED_AT]


def test_fix_refuses_a_read_only_file(folder):
    story = write(folder, "story.txt", FLAGGED)
    story.chmod(0o444)
    other = write(folder, "other.txt", FLAGGED)
    result = run_process("--fix", "--format", "json", "--select", "NL902", str(story), str(other))
    assert_named_error(result, f"{story}: file is read-only; not fixed")
    assert story.read_bytes() == FLAGGED
    assert stat.S_IMODE(story.stat().st_mode) == 0o444
    assert other.read_bytes() == FLAGGED_FIXED
    assert at(result, story) == [FLAGGED_AT]


# 6. --show-source on a terminal


def test_show_source_caret_after_wide_characters_and_controls_escaped(folder):
    # CJK and an emoji take two columns each, a combining accent none; ESC is shown as
    # ^[ and a right-to-left override as \u202e, so that neither acts on the terminal.
    line = "東京 🚀 e\u0301 \x1b[31m \u202e said the the port."
    story = write(folder, "story.txt", f"Port news\n\n{line}\n".encode())
    other = write(folder, "other.txt", FLAGGED)
    result = run_process(
        "--show-source", "--color", "never", "--select", "NL902", str(story), str(other)
    )
    assert result.code == 1, result.stderr
    assert "\x1b" not in result.stdout
    assert "\u202e" not in result.stdout
    lines = result.stdout.splitlines()
    at_story = lines.index(f"{story}:3:26: NL902 [*] Repeated word 'the'")
    shown = "東京 🚀 e\u0301 ^[[31m \\u202e said the the port."
    assert lines[at_story + 1] == shown
    assert lines[at_story + 2] == " " * 33 + "^~~"
    assert f"{other}:3:5: NL902 [*] Repeated word 'the'" in lines


# 7. A run that lints nothing


def test_a_run_that_lints_nothing_says_so(folder):
    (folder / "notes.py").write_text("x = 1\n")
    result = run_process(str(folder))
    assert result.code == 0
    assert "Traceback" not in result.stderr
    assert "warning: no files to lint under the given paths" in result.stderr
    assert result.stdout == "No files linted.\n"


def test_a_run_with_only_errors_says_so_and_exits_2(folder):
    missing = folder / "missing.txt"
    result = run_process(str(missing))
    assert_named_error(result, f"{missing}: no such file or directory")
    assert result.stdout == "No files linted.\n"
