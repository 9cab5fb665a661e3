"""Archive audit benchmark: ``newslint audit`` on Dask with one worker and with two.

    python bench/audit.py [--articles 2000] [--repeat 2]

It writes an archive of short invented news stories in JSON Lines (a story a line, with
section and date), audits it with 1 and with 2 local Dask workers, interleaved and
repeated, each writing the Parquet report and the PNG plot, and prints articles and
words per second for each worker count (the fastest of the repeats; the time includes
starting the cluster and loading the model) and the ratio, which should be well above 1
when a second core is free. It then lints the same stories written as files with the
plain CLI and checks that the per-rule counts are equal. Timing never gates the test
suite.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

NEWSLINT = [sys.executable, "-m", "newslint"]
SECTIONS = ("politics", "business", "sport", "local", "science")
PLACES = ("Harlow", "Dunmere", "Ashby", "Port Celyn", "Kestrel Bay", "Oldwick")
PEOPLE = ("Ana Cruz", "Tomas Brandt", "Grace Adeyemi", "Ivo Petrak", "Mei Lin", "Ruth Okafor")
HEADLINES = (
    "{place} council backs new depot",
    "Storm closes roads around {place}",
    "{place} club signs young striker",
    "Factory in {place} to add jobs",
    "Researchers in {place} track rare bird",
)
SENTENCES = (
    "The council in {place} voted 7 to 2 on Tuesday to build the depot.",
    '"We have waited years for this," said {person}, who chairs the residents\' group.',
    "{person} said the plan would cost about 4 million pounds.",
    "An estimated 20,000 people lined the streets of {place}, it is believed.",
    "Critics say the scheme is a sham.",
    "The company claimed the new line would be ready by spring.",
    "The legendary coach watched from the stand as the the rain fell.",
    "Police closed the road after a lorry overturned near {place}.",
    "According to the county's figures, 312 homes lost power overnight.",
    "Mr Brandt said the club had made a 'modest' offer.",
    "The so-called consultation lasted a week.",
    "Sadly, the bridge will stay shut until June.",
    "Residents were told the water was safe to drink.",
    "The vote is widely expected to pass next month.",
    "{person} told reporters the figures were encouraging.",
    "Unemployment in the region will rise by 12% next year.",
    "The museum reopens on Saturday after a two-year refit.",
    "Shares in the firm rose 3% in early trading.",
)


def story(rng: random.Random) -> str:
    """A short invented story: a headline and two or three paragraphs."""
    fill = {"place": rng.choice(PLACES), "person": rng.choice(PEOPLE)}
    paragraphs = [
        " ".join(s.format(**fill) for s in rng.sample(SENTENCES, rng.randint(2, 3)))
        for _ in range(rng.randint(2, 3))
    ]
    return "\n\n".join([rng.choice(HEADLINES).format(**fill), *paragraphs]) + "\n"


def write_archive(folder: Path, articles: int, seed: int = 9) -> tuple[Path, int]:
    """The archive in JSON Lines, the same stories as files under ``folder/files``; and
    the number of words."""
    rng = random.Random(seed)
    files = folder / "files"
    files.mkdir()
    archive = folder / "archive.jsonl"
    words = 0
    with archive.open("w", encoding="utf-8") as out:
        for index in range(articles):
            text = story(rng)
            words += len(text.split())
            row = {
                "id": f"s{index:05d}",
                "text": text,
                "section": SECTIONS[index % len(SECTIONS)],
                "date": f"{2020 + index % 5}-{1 + index % 12:02d}-15",
            }
            out.write(json.dumps(row) + "\n")
            (files / f"s{index:05d}.txt").write_text(text, encoding="utf-8")
    return archive, words


def audit(archive: Path, folder: Path, workers: int) -> tuple[float, Counter[str]]:
    """Wall time of one audit, and its findings per rule."""
    import pyarrow.parquet as pq

    output, plot = folder / f"report-{workers}.parquet", folder / f"report-{workers}.png"
    command = [*NEWSLINT, "audit", str(archive), "--output", str(output), "--plot", str(plot)]
    started = time.perf_counter()
    done = subprocess.run([*command, "--workers", str(workers)], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0 or done.stderr:
        sys.exit(f"audit with {workers} workers failed ({done.returncode}):\n{done.stderr}")
    if plot.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"audit with {workers} workers wrote no PNG plot")
    return elapsed, Counter(pq.read_table(output, columns=["code"])["code"].to_pylist())


def plain(files: Path) -> Counter[str]:
    """Findings per rule of the plain CLI over the same stories."""
    done = subprocess.run(
        [*NEWSLINT, "--format", "json", "--exit-zero", str(files)], capture_output=True, text=True
    )
    return Counter(f["code"] for f in json.loads(done.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive, words = write_archive(folder, args.articles)
        print(f"{args.articles:,} articles, {words:,} words in {archive.name}")
        best: dict[int, float] = {}
        counts: dict[int, Counter[str]] = {}
        for _ in range(args.repeat):
            for workers in (1, 2):
                elapsed, counts[workers] = audit(archive, folder, workers)
                best[workers] = min(best.get(workers, elapsed), elapsed)
        for workers, elapsed in best.items():
            print(
                f"{workers} worker{'s' if workers > 1 else ''}: {elapsed:6.1f} s, "
                f"{args.articles / elapsed:6.1f} articles/s, {words / elapsed:8,.0f} words/s"
            )
        print(f"2 workers / 1 worker throughput: {best[1] / best[2]:.2f}x")
        expected = plain(folder / "files")
        same = counts[1] == counts[2] == expected
        print(f"per-rule counts equal to the plain CLI's: {'yes' if same else 'NO'}")
        for code in sorted(expected | counts[2]):
            print(f"  {code}: CLI {expected[code]}, audit {counts[1][code]} / {counts[2][code]}")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
