"""Property tests over arbitrary text: exact spans, determinism, no crashes."""

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.documents.source import decode
from tests.conftest import run_cli

PIECES = st.sampled_from(
    [
        "word",
        "The",
        "so-called",
        "Russia’s",
        "officials’",
        "’90s",
        "O'Brien",
        "said",
        "claimed",
        "'",
        '"',
        "‘",
        "’",
        "“",
        "”",
        " ",
        " ",
        " ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "\r\n\r\n",
        "🎉",
        "👩‍👩‍👧",
        ".",
        ",",
        ":",
        "#",
        "- ",
        "> ",
        "*",
        "`",
        "[a](b)",
        "<!-- x -->",
        "—",
        "\ufeff",
    ]
)
# NUL bytes make a binary file, which has its own test.
PROSE_CHARS = st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",))
TEXTS = st.lists(st.one_of(PIECES, st.text(PROSE_CHARS, max_size=4)), max_size=60).map("".join)


def lint_twice(data: bytes, suffix: str) -> list[tuple[int, str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"story{suffix}"
        path.write_bytes(data)
        runs = [run_cli("--format", "json", "--select", "ALL", str(path)) for _ in range(2)]
        return [(r.code, r.stdout, r.stderr) for r in runs]


def offset(source, line: int, column: int) -> int:
    return source.line_starts[line - 1] + column - 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, suffix=st.sampled_from([".txt", ".md"]))
def test_spans_are_exact_and_runs_are_deterministic(text, suffix):
    data = text.encode("utf-8")
    first, second = lint_twice(data, suffix)
    assert first == second
    code, out, err = first
    assert code in (0, 1), err
    source = decode(data, "story")
    for finding in json.loads(out):
        start = offset(source, finding["line"], finding["column"])
        end = offset(source, finding["end_line"], finding["end_column"])
        assert 0 <= start < end <= len(source.text)
        assert source.text[start:end] in finding["message"]
