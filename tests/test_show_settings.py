"""``--show-settings FILE`` prints the settings a file is linted with (config files in
order of inheritance, profile and why, rules and options, per-file ignores, packs), and
``--show-files`` lists the files a run would lint; neither lints. Errors exit 2."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import assert_named_error, run_cli, run_process

PARENT = """\
select = ["NL902", "NL201"]
packs = ["house.toml"]
exclude = ["drafts"]

[per-file-ignores]
"opinion/*.md" = ["NL902"]
"letters/*.md" = ["NL201"]

[per-file-profiles]
"sport/**" = "sport"

[rules.NL201]
severity = "info"
"""

STORY = "The board met on Tuesday to approve the budget.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def project(root: Path) -> Path:
    """A newsroom folder whose desk config extends the house config above it."""
    write(root / "house.toml", "")
    write(root / "newslint.toml", PARENT)
    write(
        root / "news" / "newslint.toml",
        'extend = "../newslint.toml"\n[rules.NL201]\nmax-words = 6\n',
    )
    return root


def test_show_settings_prints_the_effective_settings_of_a_file(tmp_path):
    root = project(tmp_path)
    story = write(root / "news" / "opinion" / "view.md", STORY)
    result = run_cli("--show-settings", str(story))
    assert result.code == 0, result.stderr
    assert result.stdout == (
        f"file: {story}\n"
        "config files (each overrides the ones above it):\n"
        f"  {root / 'newslint.toml'}\n"
        f"  {root / 'news' / 'newslint.toml'}\n"
        "profile: news (default)\n"
        "fail-on: warning\n"
        "model: default\n"
        "max-file-size: 5000000\n"
        "include: *.txt, *.md, *.markdown, *.html, *.htm\n"
        "exclude: drafts\n"
        f"packs: {root / 'house.toml'}\n"
        "html: extract=no alt-text=no\n"
        "  skip-tags: aside, footer, form, header, nav, noscript, script, style\n"
        "per-file-ignores:\n"
        f'  "opinion/*.md" = NL902 (from {root / "newslint.toml"})\n'
        "rules: 1 selected\n"
        "  NL201 scare-quotes severity=info max-words=6\n"
    )
    assert run_cli("--show-settings", str(story)).stdout == result.stdout  # stable


def test_show_settings_says_why_a_profile_was_chosen_and_follows_the_command_line(tmp_path):
    root = project(tmp_path)
    match = write(root / "news" / "sport" / "match.txt", STORY)
    shown = run_cli("--show-settings", str(match)).stdout
    assert 'profile: sport (per-file-profiles "sport/**" in ' in shown
    assert "per-file-ignores: (none apply)" in shown
    forced = run_cli("--show-settings", str(match), "--profile", "feature", "--select", "NL902")
    assert "profile: feature (--profile)" in forced.stdout
    assert "rules: 1 selected\n  NL902 repeated-word severity=warning\n" in forced.stdout


def test_show_settings_with_no_config_says_so(tmp_path):
    write(tmp_path / "story.txt", STORY)
    result = run_process("--show-settings", "story.txt", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert "file: story.txt\nconfig: none (default settings)\n" in result.stdout


def test_show_settings_errors_are_named_with_exit_2(tmp_path):
    assert_named_error(run_cli("--show-settings", str(tmp_path / "gone.md")), "gone.md")
    assert_named_error(run_cli("--show-settings", str(tmp_path)), f"{tmp_path}: not a file")
    empty = write(tmp_path / "empty.txt", "")
    assert_named_error(run_cli("--show-settings", str(empty)), "empty file")
    write(tmp_path / "news" / "newslint.toml", 'extend = "../missing.toml"\n')
    story = write(tmp_path / "news" / "story.txt", STORY)
    broken = run_cli("--show-settings", str(story))
    assert_named_error(broken, str(tmp_path / "news" / "newslint.toml"), "extend")
    assert broken.stdout == ""
    write(tmp_path / "news" / "newslint.toml", 'select = ["NL999"]\n')
    assert_named_error(run_cli("--show-settings", str(story)), "select", "NL999")


def test_show_files_lists_what_a_run_would_lint_after_walking_and_exclusions(tmp_path):
    root = project(tmp_path)
    for name in ("news/b.md", "news/a.txt", "news/drafts/c.md", "news/notes.json", "d.txt"):
        write(root / name, STORY)
    result = run_cli("--show-files", str(root / "news"), str(root / "d.txt"))
    assert result.code == 0, result.stderr
    assert result.stdout.splitlines() == [
        str(root / "news" / "a.txt"),
        str(root / "news" / "b.md"),
        str(root / "d.txt"),
    ]


def test_show_files_names_missing_paths_and_broken_configs(tmp_path):
    write(tmp_path / "good" / "a.txt", STORY)
    write(tmp_path / "bad" / "newslint.toml", "extend = 1\n")
    write(tmp_path / "bad" / "b.txt", STORY)
    result = run_cli("--show-files", str(tmp_path), str(tmp_path / "nowhere"))
    assert_named_error(result, "nowhere", str(tmp_path / "bad" / "newslint.toml"), "extend")
    assert result.stdout.splitlines() == [str(tmp_path / "good" / "a.txt")]


def test_show_settings_follows_extract_on_the_command_line(tmp_path):
    page = write(tmp_path / "page.html", "<article><p>The ferry sailed.</p></article>\n")
    plain = run_cli("--show-settings", str(page)).stdout
    extracted = run_cli("--extract", "--show-settings", str(page)).stdout
    assert "html: extract=no alt-text=no\n" in plain
    assert "html: extract=yes alt-text=no\n" in extracted
