"""Cost linear in the input: time per character on long paragraphs and many quote marks.

    python bench/linear.py [--skip-memory | --skip-speed]

Generates invented news copy: one paragraph of 10,000, 40,000 and 160,000 characters,
and paragraphs holding 10,000 and 50,000 quote marks. It lints each file with the real
CLI in this one process (the model is loaded once, before any timing; each case's
best CPU time of three runs counts, two for the largest), and prints each case's time
per character as a ratio to the smallest case of its series. Linear cost keeps every
ratio within 1.5.
Then it lints a 5 MB article in a child process and prints its peak memory
(``ru_maxrss``); ``max-file-size`` is raised above 5 MB through ``--config`` for that run.
Last, it lints 50 and 400 articles cut from the same invented copy, each run in a child
process, and prints each run's peak memory as a ratio to the first: flat in the number
of files (within 1.5).
Timing never gates the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import itertools
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from newslint.cli.main import main

PARAGRAPH_SIZES = (10_000, 40_000, 160_000)
QUOTE_MARKS = (10_000, 50_000)
ARTICLE_BYTES = 5_000_000
FILE_COUNTS = (50, 400)
FILE_BYTES = 2_500
RATIO_LIMIT = 1.5
MEMORY_LIMIT_MB = 1024
RUNS = 3  # the best of three runs (two for the largest case) steadies the ratios

NAMES = ("Ana Cruz", "the council", "Tom Reyes", "the water board", "Mei Lin", "a spokesman")
PLACES = ("the harbour", "the old mill", "Elm Street", "the ring road", "the library")
SENTENCES = (
    "Work on {place} began in March and is due to finish next spring.",
    "{Name} said the budget for {place} had risen by 4% since last year.",
    'The plan for {place} was "a fair deal for everyone," {name} said.',
    "Residents near {place} met on Tuesday to discuss the new parking rules.",
    "According to {name}, about 300 people signed the petition about {place}.",
    "{Name} told reporters the contract would be reviewed before the summer.",
    'Some neighbours called the scheme "rushed" and asked for a second vote.',
    "The next public meeting about {place} will be held at the town hall.",
)
QUOTED = 'The panel called the {n}th draft "bold", "costly" and "late", {name} said. '


def _fill(template: str, index: int) -> str:
    name = NAMES[index % len(NAMES)]
    place = PLACES[index % len(PLACES)]
    return template.format(name=name, Name=name[0].upper() + name[1:], place=place, n=index)


def _sentences() -> Iterator[str]:
    for index in itertools.count():
        yield _fill(SENTENCES[index % len(SENTENCES)], index // len(SENTENCES))


def paragraph(chars: int) -> str:
    """One paragraph of at least ``chars`` characters of invented news sentences."""
    parts: list[str] = []
    size = 0
    for sentence in _sentences():
        if size >= chars:
            break
        parts.append(sentence)
        size += len(sentence) + 1
    return " ".join(parts) + "\n"


def quote_marks(count: int) -> str:
    """One paragraph with ``count`` quote marks, six to a sentence."""
    sentences = [_fill(QUOTED, i) for i in range(count // 6)]
    return "".join(sentences).rstrip() + "\n"


def article(size: int) -> str:
    """An article of about ``size`` bytes: paragraphs of four sentences each."""
    sentences = _sentences()
    paragraphs: list[str] = []
    total = 0
    while total < size:
        text = " ".join(next(sentences) for _ in range(4))
        paragraphs.append(text)
        total += len(text) + 2
    return "\n\n".join(paragraphs) + "\n"


def lint_seconds(path: Path) -> float:
    """CPU time of one in-process CLI run on ``path`` (all rules, JSON output): CPU time,
    not wall time, so other work on a shared machine does not skew the ratios."""
    out = io.StringIO()
    started = time.process_time()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["--no-cache", "--format", "json", "--exit-zero", "--select", "ALL", str(path)])
    return time.process_time() - started


def time_series(folder: Path, name: str, texts: dict[int, str]) -> None:
    """Print each case's time per character as a ratio to the smallest case."""
    per_char: dict[int, float] = {}
    for size, text in texts.items():
        path = folder / f"{name}-{size}.txt"
        path.write_text(text, encoding="utf-8")
        runs = RUNS if size < max(texts) else RUNS - 1
        per_char[size] = min(lint_seconds(path) for _ in range(runs)) / len(text)
    base = per_char[min(texts)]
    for size, value in per_char.items():
        ratio = value / base
        verdict = "ok" if ratio <= RATIO_LIMIT else "OVER 1.5"
        print(
            f"{name} {size:>7,}: {len(texts[size]):>9,} chars, "
            f"{value * 1e6:7.2f} us/char (CPU), ratio {ratio:4.2f}  {verdict}"
        )


def lint_child(*args: str) -> tuple[int, float, float]:
    """Lint in a child process (all rules, JSON output): its exit code, wall seconds and
    peak resident memory in MB (its own ``ru_maxrss``, not the largest child's so far)."""
    command = [sys.executable, "-m", "newslint", "--no-cache", "--format", "json"]
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*command, "--exit-zero", "--select", "ALL", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    return os.waitstatus_to_exitcode(status), elapsed, usage.ru_maxrss / 1024


def peak_memory(folder: Path) -> None:
    """Lint a 5 MB article in a child process and print its peak resident memory."""
    path = folder / "article-5mb.txt"
    path.write_text(article(ARTICLE_BYTES), encoding="utf-8")
    config = folder / "newslint.toml"
    config.write_text(f"max-file-size = {2 * ARTICLE_BYTES}\n", encoding="utf-8")
    code, elapsed, peak_mb = lint_child("--config", str(config), str(path))
    verdict = "ok" if code == 0 and peak_mb < MEMORY_LIMIT_MB else "FAILED"
    print(
        f"article {path.stat().st_size:,} bytes: exit {code}, {elapsed:.1f} s, "
        f"peak memory {peak_mb:,.0f} MB  {verdict}"
    )


def files_memory(folder: Path) -> None:
    """Lint ``FILE_COUNTS`` articles of the same invented copy, one process each run, and
    print each run's peak memory against the smallest: flat in the number of files, as
    documents are linted a chunk at a time and only their findings are kept."""
    text = article(max(FILE_COUNTS) * FILE_BYTES)
    paragraphs = text.split("\n\n")
    per_file = len(paragraphs) // max(FILE_COUNTS)
    peaks: dict[int, float] = {}
    for count in FILE_COUNTS:
        repository = folder / f"files-{count}"
        repository.mkdir()
        for n in range(count):
            story = "\n\n".join(paragraphs[n * per_file : (n + 1) * per_file])
            (repository / f"story-{n:04d}.txt").write_text(story + "\n", encoding="utf-8")
        code, elapsed, peaks[count] = lint_child("-j", "1", str(repository))
        ratio = peaks[count] / peaks[min(FILE_COUNTS)]
        verdict = "ok" if code == 0 and ratio <= RATIO_LIMIT else "FAILED"
        print(
            f"{count:4} files: exit {code}, {elapsed:.1f} s, peak memory "
            f"{peaks[count]:,.0f} MB, ratio {ratio:.2f}  {verdict}"
        )


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-memory", action="store_true", help="skip the memory runs")
    parser.add_argument("--skip-speed", action="store_true", help="only the memory runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not args.skip_speed:
            warm = folder / "warm.txt"
            warm.write_text(paragraph(2_000), encoding="utf-8")
            lint_seconds(warm)  # load the model before any timing
            time_series(folder, "paragraph", {n: paragraph(n) for n in PARAGRAPH_SIZES})
            time_series(folder, "quote-marks", {n: quote_marks(n) for n in QUOTE_MARKS})
        if not args.skip_memory:
            peak_memory(folder)
            files_memory(folder)


if __name__ == "__main__":
    main_bench()
