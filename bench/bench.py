"""Throughput benchmark: lint a synthetic content repository and report words per second.

    python bench/bench.py [--articles 200] [--select ALL]

It copies the bundled example article and test fixtures into a temporary folder many
times over, runs the real CLI once on the folder (one model load, one nlp.pipe stream),
and prints the wall time, words per second and findings. Run it before and after a
change that touches the analysis; timing never gates the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import tempfile
import time
from pathlib import Path

from newslint.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [ROOT / "examples" / "article.md", *sorted((ROOT / "tests" / "fixtures").glob("*.txt"))]


def build_corpus(folder: Path, articles: int) -> int:
    words = 0
    for index in range(articles):
        sample = SAMPLES[index % len(SAMPLES)]
        text = sample.read_text(encoding="utf-8")
        (folder / f"story-{index:05d}{sample.suffix}").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def run(folder: Path, select: str) -> tuple[float, int]:
    out = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out):
        main(["--quiet", "--statistics", "--select", select, str(folder)])
    elapsed = time.perf_counter() - started
    count = sum(int(line.split()[0]) for line in out.getvalue().splitlines() if line.strip())
    return elapsed, count


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--select", default="ALL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        words = build_corpus(folder, args.articles)
        elapsed, findings = run(folder, args.select)
    print(
        f"{args.articles} articles, {words} words, select={args.select}: "
        f"{elapsed:.2f} s, {words / elapsed:,.0f} words/s, {findings} findings"
    )


if __name__ == "__main__":
    main_bench()
