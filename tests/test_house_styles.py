"""Clean copy in two house styles, each with its matching options, has no findings."""

import pytest

from tests.conftest import FIXTURES, run_cli

STYLES = FIXTURES / "styles"


@pytest.mark.parametrize("style", ["bbc", "ap"])
def test_clean_copy_in_its_house_style_has_no_findings(style):
    result = run_cli("--format", "json", "--select", "ALL", str(STYLES / style / "story.txt"))
    assert result.findings == []
    assert result.code == 0


def test_bbc_copy_under_ap_options_breaks_the_later_reference_rule(tmp_path):
    (tmp_path / "newslint.toml").write_text((STYLES / "ap" / "newslint.toml").read_text())
    story = tmp_path / "story.txt"
    story.write_text((STYLES / "bbc" / "story.txt").read_text())
    result = run_cli("--format", "json", "--select", "NL502", str(story))
    assert {(f["code"], f["severity"]) for f in result.findings} == {("NL502", "info")}
    assert {f["suggestion"] for f in result.findings} == {"Lal", "Okafor"}
