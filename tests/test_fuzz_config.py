"""Fuzzing config and rule packs through the CLI entry: whatever ``newslint.toml``,
``pyproject.toml`` or a pack holds (arbitrary TOML, or arbitrary bytes), no traceback
or internal error, exit 0, 1 or 2, every error names the broken folder's config or
pack, the file under a sound config is still linted, and every span is inside its text.

Runs in-process (``run_cli``), derandomized, selecting rules that need no language model
(a fuzzed config may still opt in to more).
"""

from __future__ import annotations

import math
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Result, run_cli

STORY = "Kiev talks\n\nThe ferry board met the the union on Friday.\n"
SELECT = "NL902,NL903,NL510,NL504"
# The desk config opts in to the pack's rule, when the pack defines HS001.
PACK_CONFIG = b'packs = ["p.toml"]\nextend-select = ["HS001"]\n'
FUZZ = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

CONFIG_KEYS = [
    "select",
    "ignore",
    "extend-select",
    "per-file-ignores",
    "include",
    "exclude",
    "fail-on",
    "rules",
    "packs",
    "max-file-size",
    "profile",
    "per-file-profiles",
    "profiles",
    "extends",
    "description",
]
PACK_KEYS = [
    "code",
    "name",
    "kind",
    "summary",
    "message",
    "severity",
    "title-severity",
    "default",
    "ignore-case",
    "skip-attributed",
    "exceptions",
    "tokens",
    "swap",
    "categories",
    "adverbs",
    "connectives",
    "certainty",
    "qualifiers",
    "targets",
    "avoid",
    "prefer",
]
WORDS = [
    "NL902",
    "NL9",
    "NL402",
    "HS001",
    "ALL",
    "NL999",
    "nl902",
    "",
    " ",
    "*.md",
    "**",
    ".",
    "p.toml",
    "newslint:topics/russia-ukraine.toml",
    "newslint:",
    "sport",
    "news",
    "warning",
    "error",
    "existence",
    "substitution",
    "label",
    "judgement",
    "{match}",
    "{suggestion}",
    "{nope}",
    "{",
    "max-words",
    "severity",
    "ferry",
    "the",
    "Kiev",
]

words = st.one_of(st.sampled_from(WORDS), st.text(max_size=8))


def sometimes(usual: st.SearchStrategy[Any], odd: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``usual`` four times in five, else ``odd``."""
    return st.integers(0, 4).flatmap(lambda roll: odd if roll == 0 else usual)


def keys(known: list[str]) -> st.SearchStrategy[str]:
    """Mostly known keys, sometimes any word."""
    return sometimes(st.sampled_from(known), words)


scalars = st.one_of(
    words,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.booleans(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(keys(CONFIG_KEYS + PACK_KEYS + WORDS), inner, max_size=4),
    ),
    max_leaves=12,
)
# Values a config might hold: lists of codes, tables of glob = [codes], of options.
plausible = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=3),
    st.dictionaries(st.sampled_from(WORDS), st.lists(st.sampled_from(WORDS), max_size=3)),
    st.dictionaries(st.sampled_from(WORDS), st.dictionaries(st.sampled_from(WORDS), scalars)),
    values,
)
CODES = st.lists(st.sampled_from(["NL902", "NL9", "NL5", "NL402", "ALL"]), max_size=3)
GLOBS = st.sampled_from(["*.md", "desk/*", "**", "story.md", "other/*.txt"])
PROFILES = st.sampled_from(["news", "sport", "opinion", "feature"])
# A sound value for each config key.
SOUND = {
    "select": CODES,
    "ignore": CODES,
    "extend-select": CODES,
    "per-file-ignores": st.dictionaries(GLOBS, CODES, max_size=2),
    "include": st.lists(GLOBS, max_size=2),
    "exclude": st.lists(GLOBS, max_size=2),
    "fail-on": st.sampled_from(["error", "warning", "info"]),
    "rules": st.dictionaries(
        st.sampled_from(["NL402", "NL902", "NL504"]),
        st.dictionaries(st.sampled_from(["severity", "max-words", "quotes"]), scalars, max_size=2),
        max_size=2,
    ),
    "max-file-size": st.integers(1, 10**7),
    "profile": PROFILES,
    "per-file-profiles": st.dictionaries(GLOBS, PROFILES, max_size=2),
    "profiles": st.dictionaries(
        st.sampled_from(["desk", "sport"]),
        st.fixed_dictionaries({}, optional={"extends": PROFILES, "ignore": CODES}),
        max_size=2,
    ),
}
sound_configs = st.fixed_dictionaries({}, optional=SOUND)
configs = sometimes(sound_configs, st.dictionaries(keys(CONFIG_KEYS), plausible, max_size=4))
BASES = [
    {"kind": "existence", "tokens": ["ferry", "met the"], "message": "'{match}' here"},
    {
        "kind": "substitution",
        "swap": {"Kiev": "Kyiv", "the union": "The Union"},
        "message": "Use '{suggestion}' rather than '{match}'",
    },
]
COMMON = {"code": "HS001", "name": "desk-words", "summary": "A desk word"}


@st.composite
def pack_rules(draw: st.DrawFn) -> dict[str, Any]:
    """A sound rule entry with some keys changed, added or dropped, or any table."""
    if draw(st.integers(0, 7)) == 0:
        return draw(st.dictionaries(keys(PACK_KEYS), values))
    entry = COMMON | draw(st.sampled_from(BASES))
    entry |= draw(sometimes(st.just({}), st.dictionaries(keys(PACK_KEYS), plausible, max_size=2)))
    for key in draw(sometimes(st.just([]), st.lists(st.sampled_from(sorted(entry)), max_size=2))):
        entry.pop(key, None)
    return entry


packs = st.fixed_dictionaries(
    {
        "pack": sometimes(st.just({"name": "desk"}), values),
        "rules": st.lists(pack_rules(), min_size=1, max_size=2),
    }
)


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = (
        f"\\u{ord(c):04x}" if c in '"\\' or ord(c) < 0x20 or ord(c) == 0x7F else c for c in text
    )
    return f'"{"".join(escaped)}"'


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return f"[{', '.join(toml_value(v) for v in value)}]"
    return f"{{{', '.join(f'{toml_string(k)} = {toml_value(v)}' for k, v in value.items())}}}"


def toml_table(table: dict[str, Any], header: str = "") -> str:
    lines = [f"[{header}]"] if header else []
    lines += [f"{toml_string(key)} = {toml_value(value)}" for key, value in table.items()]
    return "\n".join(lines) + "\n"


def lint_desk(files: dict[str, bytes]) -> None:
    """Lint ``good/`` (a sound config) and ``desk/`` (``files``), and check the promise."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "good").mkdir()
        (root / "desk").mkdir()
        (root / "good" / "newslint.toml").write_bytes(b"")
        for path in (root / "good" / "story.md", root / "desk" / "story.md"):
            path.write_text(STORY)
        for name, content in files.items():
            (root / "desk" / name).write_bytes(content)
        result = run_cli(
            "--format", "json", "--select", SELECT, str(root / "good"), str(root / "desk")
        )
        check(result, root, files)


def check(result: Result, root: Path, files: dict[str, bytes]) -> None:
    assert "Traceback" not in result.stderr + result.stdout
    assert "internal error" not in result.stderr
    assert result.code in (0, 1, 2), (result.code, result.stderr)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert (result.code == 2) == bool(errors), result.stderr
    desk = str(root / "desk")
    assert all(desk in line for line in errors), result.stderr
    findings = result.findings
    assert any(f["path"] == str(root / "good" / "story.md") for f in findings)
    for f in findings:
        lines = re.split(r"\r\n|\r|\n", Path(f["path"]).read_text("utf-8-sig"))
        assert 1 <= f["line"] <= f["end_line"] <= len(lines)
        assert 1 <= f["column"] <= len(lines[f["line"] - 1]) + 1
        assert 1 <= f["end_column"] <= len(lines[f["end_line"] - 1]) + 1
    for name, content in files.items():
        assert (root / "desk" / name).read_bytes() == content
    assert (root / "desk" / "story.md").read_text() == STORY


@pytest.mark.slow
@FUZZ
@given(config=configs, pyproject=st.booleans())
def test_any_toml_config_is_used_or_named(config, pyproject):
    if pyproject:
        lint_desk({"pyproject.toml": toml_table(config, "tool.newslint").encode()})
    else:
        lint_desk({"newslint.toml": toml_table(config).encode()})


@pytest.mark.slow
@FUZZ
@given(tool=st.one_of(values, st.dictionaries(st.sampled_from(["newslint", "ruff"]), values)))
def test_any_tool_table_in_pyproject_is_used_or_named(tool):
    lint_desk({"pyproject.toml": toml_table({"tool": tool}).encode()})


@pytest.mark.slow
@FUZZ
@given(pack=packs)
def test_any_toml_pack_is_used_or_named(pack):
    text = toml_table({"pack": pack["pack"], "rules": pack["rules"]})
    lint_desk({"newslint.toml": PACK_CONFIG, "p.toml": text.encode()})


@pytest.mark.slow
@FUZZ
@given(
    name=st.sampled_from(["newslint.toml", "pyproject.toml", "p.toml"]),
    head=st.sampled_from([b"", b"[tool.newslint]\n", b'packs = ["p.toml"]\n', b"[[rules]]\n"]),
    noise=st.binary(max_size=64),
)
def test_arbitrary_bytes_as_config_or_pack_are_named(name, head, noise):
    files = {name: head + noise}
    if name == "p.toml":
        files["newslint.toml"] = PACK_CONFIG
    lint_desk(files)
