"""NL504 on real copy: one finding per kind of mark with the count, a fix for every mark."""

from tests.conftest import run_cli

HEAD = "Harbour row deepens\n\n"


def test_one_finding_per_kind_at_the_first_minority_mark(lint):
    text = HEAD + (
        "“Fares will rise,” the operator’s chief said. ‘Soon’, she added. "
        "The crew’s and the mate’s mood sank.\n\n"
        'A pilot said: "We\'ve heard that before." The mate\'s view: "Not again."\n'
    )
    found = lint(text, "--select", "NL504").findings
    assert [(f["line"], f["column"]) for f in found] == [(5, 15), (5, 18)]
    assert [f["message"] for f in found] == [
        '4 straight quotes in a document that mostly uses curly quotes; first here: "',
        "2 straight apostrophes in a document that mostly uses curly quotes; first here: '",
    ]
    assert [f["suggestion"] for f in found] == ["“", "’"]


def test_mixed_dashes_are_counted_by_name(lint):
    text = HEAD + (
        "Fares – the first rise – start in March – or April.\n\nThe pilot - a veteran -- agreed.\n"
    )
    [finding] = lint(text, "--select", "NL504").findings
    assert (finding["line"], finding["column"]) == (5, 11)
    assert finding["message"] == (
        "1 spaced hyphen and 1 double hyphen in a document that mostly uses en dashes; "
        "first here: -"
    )


def test_the_fix_converts_every_minority_mark(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        HEAD + "“Fares will rise,” the chief’s aide said. ‘Soon’, she added - and left.\n\n"
        'A pilot said: "We\'ve heard that." The mate agreed – twice – and "sighed".\n',
        encoding="utf-8",
    )
    result = run_cli("--fix", "--format", "json", "--select", "NL504", str(path))
    assert path.read_text(encoding="utf-8") == (
        HEAD + "“Fares will rise,” the chief’s aide said. ‘Soon’, she added – and left.\n\n"
        "A pilot said: “We’ve heard that.” The mate agreed – twice – and “sighed”.\n"
    )
    assert f"{path}: fixed 3 problems" in result.stderr
    assert result.findings == []


def test_quotes_inside_markup_tags_are_neither_counted_nor_fixed(lint):
    text = HEAD + (
        '<tweet id="1" author="harbourwatch">Fares rise again.</tweet>\n\n'
        "“It’s too much,” a pilot said.\n"
    )
    assert lint(text, "--select", "NL504").findings == []


def test_a_suppressed_line_keeps_its_marks_and_the_finding_moves_on(tmp_path):
    path = tmp_path / "story.md"
    text = (
        "# Fares\n\n“Fares will rise,” the chief’s aide said. “Soon.”\n\n"
        '<!-- newslint-disable-next-line NL504 -->\nShe said "soon".\n\n'
        'He said "never".\n'
    )
    path.write_text(text, encoding="utf-8")
    [finding] = run_cli("--format", "json", "--select", "NL504", str(path)).findings
    assert (finding["line"], finding["column"]) == (8, 9)
    assert finding["message"].startswith("2 straight quotes")
    run_cli("--fix", "--select", "NL504", str(path))
    assert path.read_text(encoding="utf-8") == text.replace('"never"', "“never”")
