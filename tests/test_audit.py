"""``newslint audit``: an invented archive audited on a real two-worker LocalCluster."""

from __future__ import annotations

import datetime
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newslint.audit.archive import read_jsonl, read_parquet
from tests.conftest import Result, run_process

STORIES = (
    "Bridge to reopen\n\nThe footbridge over the Ouse will reopen in {place} on Monday, "
    "said Tom Reyes, the county's engineer. Sadly, the cafe beside it has closed.\n",
    "Market traders protest\n\nTraders in {place} claimed the new rents would ruin them. "
    "An estimated 3,000 people joined the march, it is believed.\n",
    "School wins award\n\nThe legendary head teacher of a school in {place} retired. "
    'Ms Hollis said the award was "for the children".\n',
    "Late train inquiry\n\nThe rail company in {place} is widely expected to lose its "
    "franchise. The the inquiry opens next week.\n",
    "Library hours cut\n\nThe library in {place} will open three days a week from May, "
    "the council said in a statement. Readers were told the the books would stay.\n",
    "New park for {place}\n\nWork began on a park on the old gasworks site. "
    "Critics say the so-called consultation was too short.\n",
)
PLACES = ("Wexmoor", "Linby", "Carrow", "Fenwick")
SECTIONS = ("local", "transport", "education")
ARTICLES = 84
BAD_JSON_LINE, NO_TEXT_LINE = 20, 41


def article(index: int) -> dict[str, object]:
    return {
        "id": f"n{index:03d}",
        "text": STORIES[index % len(STORIES)].format(place=PLACES[index % len(PLACES)]),
        "section": SECTIONS[index % len(SECTIONS)],
        "author": f"Reporter {index % 5}",
        "date": f"2025-{1 + index % 4:02d}-0{1 + index % 9}",
        "desk": "weekend" if index % 2 else "daily",
    }


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> None:
    lines = [json.dumps(row) for row in rows]
    lines.insert(BAD_JSON_LINE - 1, '{"id": "broken", "text": "A story cut off')
    lines.insert(NO_TEXT_LINE - 1, json.dumps({"id": "empty", "section": "local"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_parquet(path: Path, rows: list[dict[str, object]]) -> None:
    table = pa.table(
        {
            "id": [int(str(r["id"])[1:]) for r in rows],
            "text": [r["text"] for r in rows],
            "section": [r["section"] for r in rows],
            "date": [datetime.date.fromisoformat(str(r["date"])) for r in rows],
            "pages": [2] * len(rows),
        }
    )
    pq.write_table(table, path)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive of invented stories: JSON Lines (with two bad lines), a Parquet file of
    the first 24 and a folder of the same stories as files."""
    folder = tmp_path_factory.mktemp("archive")
    rows = [article(i) for i in range(ARTICLES)]
    write_jsonl(folder / "stories.jsonl", rows)
    write_parquet(folder / "stories.parquet", rows[:24])
    (folder / "files").mkdir()
    for row in rows:
        (folder / "files" / f"{row['id']}.txt").write_text(str(row["text"]), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def audited(archive: Path) -> Result:
    """One audit of all three forms on a local cluster of two worker processes."""
    return run_process(
        "audit",
        *(str(archive / name) for name in ("stories.jsonl", "stories.parquet", "files")),
        "--output",
        str(archive / "out" / "report.parquet"),
        "--plot",
        str(archive / "out" / "report.png"),
        "--workers",
        "2",
    )


@pytest.fixture(scope="module")
def plain(archive: Path) -> dict[str, Counter[str]]:
    """The plain CLI's findings per rule, per story file."""
    found = run_process("--format", "json", "--exit-zero", str(archive / "files")).findings
    counts: dict[str, Counter[str]] = {}
    for finding in found:
        counts.setdefault(Path(finding["path"]).stem, Counter())[finding["code"]] += 1
    return counts


def report(archive: Path, kind: str = "") -> list[dict]:
    name = f"report.{kind}.parquet" if kind else "report.parquet"
    return pq.read_table(archive / "out" / name).to_pylist()


def by_rule(rows: Iterable[dict]) -> Counter[str]:
    return Counter(str(row["code"]) for row in rows)


@pytest.mark.slow
def test_audit_writes_the_parquet_files_and_the_plot(archive: Path, audited: Result):
    assert audited.code == 2, audited.stderr  # the two bad lines
    for name in ("report.parquet", "report.articles.parquet", "report.summary.parquet"):
        assert pq.read_table(archive / "out" / name).num_rows > 0
    assert (archive / "out" / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"Audited {2 * ARTICLES + 24} articles" in audited.stdout
    assert "Our own voice:" in audited.stdout


@pytest.mark.slow
def test_bad_lines_are_named_errors_and_the_rest_is_audited(archive: Path, audited: Result):
    jsonl = archive / "stories.jsonl"
    bad_json, no_text = audited.stderr.splitlines()
    assert bad_json.startswith(f"error: {jsonl}:{BAD_JSON_LINE}: not valid JSON: ")
    assert no_text == f"error: {jsonl}:{NO_TEXT_LINE}: no 'text' (a non-empty string); not audited"
    articles = report(archive, "articles")
    assert sum(str(a["path"]).startswith(f"{jsonl}#") for a in articles) == ARTICLES


@pytest.mark.slow
def test_per_rule_counts_equal_the_plain_cli(
    archive: Path, audited: Result, plain: dict[str, Counter[str]]
):
    findings = report(archive)
    expected = sum(plain.values(), Counter())
    first = sum((plain.get(f"n{i:03d}", Counter()) for i in range(24)), Counter())
    jsonl, parquet, files = (
        str(archive / n) for n in ("stories.jsonl", "stories.parquet", "files")
    )
    assert by_rule(f for f in findings if str(f["path"]).startswith(jsonl + "#")) == expected
    assert by_rule(f for f in findings if str(f["path"]).startswith(parquet + "#")) == first
    assert by_rule(f for f in findings if str(f["path"]).startswith(files)) == expected
    assert expected["NL902"] and expected["NL301"]  # the stories do trip rules


@pytest.mark.slow
def test_metadata_is_carried_into_every_row(archive: Path, audited: Result):
    findings = report(archive)
    row = next(f for f in findings if f["id"] == "n003" and f["code"] == "NL902")
    assert row["section"] == "local" and row["author"] == "Reporter 3"
    assert row["date"] == "2025-04-04" and json.loads(str(row["metadata"])) == {"desk": "weekend"}
    assert row["rule"] == "repeated-word" and row["severity"] == "warning"
    assert row["profile"] == "news" and row["line"] == 3
    from_parquet = next(f for f in findings if f["path"] == f"{archive / 'stories.parquet'}#3")
    assert from_parquet["id"] == "3" and from_parquet["date"] == "2025-04-04"
    assert json.loads(str(from_parquet["metadata"])) == {"pages": 2}
    articles = report(archive, "articles")
    assert {a["month"] for a in articles if a["section"]} == {f"2025-0{m}" for m in range(1, 5)}
    assert all(a["prose_words"] >= a["attributed_words"] >= 0 for a in articles)


@pytest.mark.slow
def test_summary_gives_rates_by_section_and_month(archive: Path, audited: Result):
    summary = report(archive, "summary")

    def rows(by: str, code: str) -> list[dict]:
        return [s for s in summary if s["by"] == by and s["code"] == code]

    [total] = rows("all", "*")
    assert total["articles"] == 2 * ARTICLES + 24
    assert total["per_1000_words"] == pytest.approx(1000 * total["findings"] / total["words"])
    assert 0 < total["attributed_share"] < 1
    assert total["own_voice_share"] == pytest.approx(1 - total["attributed_share"])
    assert {s["group"] for s in rows("section", "*")} == {*SECTIONS, None}  # files: none
    [repeats] = rows("all", "NL902")
    assert sum(s["findings"] for s in rows("month", "NL902")) == repeats["findings"]


def test_jsonl_and_parquet_rows_are_read_with_their_metadata(tmp_path: Path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"id": 7, "text": "One.", "topic": "x"}\n\n[1]\n{"id": 7, "text": "Two."}\n')
    errors: list[str] = []
    [one] = read_jsonl(jsonl, errors)
    assert (one.id, one.path, one.extra) == ("7", f"{jsonl}#7", '{"topic": "x"}')
    assert errors == [
        f"{jsonl}:3: not a JSON object with a 'text' key",
        f"{jsonl}:4: duplicate id '7' (first at {jsonl}:1); not audited",
    ]
    table = tmp_path / "b.parquet"
    pq.write_table(pa.table({"body": ["No text column."]}), table)
    assert list(read_parquet(table, errors)) == []
    assert errors[-1] == f"{table}: no 'text' column; not audited"


def test_a_plain_lint_never_imports_dask(tmp_path: Path):
    story = tmp_path / "a.txt"
    story.write_text("Heading\n\nThe the plan.\n")
    probe = (
        "import sys; from newslint.cli.main import main; "
        f"main(['--quiet', '--select', 'NL902', {str(story)!r}]); "
        "print(any(m.split('.')[0] in ('dask', 'distributed', 'pyarrow') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.slow
def test_ctrl_c_stops_the_audit_with_130_and_no_traceback(archive: Path):
    big = archive / "big.jsonl"
    big.write_text("".join(json.dumps(article(i) | {"id": i}) + "\n" for i in range(3000)))
    audit = subprocess.Popen(
        [sys.executable, "-m", "newslint", "audit", str(big), "--output", str(archive / "c.pq")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a process group of its own, as a terminal's job is
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(8)
    os.killpg(audit.pid, signal.SIGINT)  # what Ctrl-C sends: the whole group
    _, stderr = audit.communicate(timeout=120)
    assert audit.returncode == 130
    assert stderr.decode().splitlines()[-1].startswith("error: interrupted; reported the ")
    assert "Traceback" not in stderr.decode()
