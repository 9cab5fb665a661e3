"""Accuracy on real copy: PolNeAR's train and dev splits, never its test split.

    python bench/accuracy.py rates [--split train] [--limit N] [--select CODES]
    python bench/accuracy.py sample [--split train] [--per-rule 40] [--seed 7]
    python bench/accuracy.py attribution [--split dev]
    python bench/accuracy.py precision

The corpus lives outside the repository in ``$NEWSLINT_EVALDATA`` (default
``~/.cache/newslint-eval/data``), one folder per split with ``text/`` and
``attributions/`` as PolNeAR ships them. Every command skips cleanly when it is absent.

- ``rates``: findings per 1,000 words per rule in a default run, and the total of the
  neutrality and style rules (NL1xx, NL2xx, NL3xx, NL50x); with ``--per-rule N`` it
  also writes samples for judging from the same run.
- ``sample``: a random sample of findings per rule, each with its paragraph, written
  for judging to ``$NEWSLINT_EVALDATA/../judging/``, outside the repository, because it
  holds the corpus's text.
- ``attribution``: word-level precision, recall and F1 of ``newslint sources`` content
  spans against the gold Content spans (the first annotator's file by name).
- ``precision [--round R]``: judged precision per rule from the verdicts in
  ``bench/results/`` (article id, line, column, code and verdict; never the text), one
  judging round at a time (``verdicts-DATE-R-*.tsv``). Where several editors judged the
  same finding, the majority decides; an even split counts as a false alarm.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from newslint.cli.main import main as newslint

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
DATA = Path(os.environ.get("NEWSLINT_EVALDATA", "~/.cache/newslint-eval/data")).expanduser()
HELD_OUT = ("test",)
NEUTRALITY_AND_STYLE = ("NL1", "NL2", "NL3", "NL50")
WORD = re.compile(r"\S+")


def texts(split: str, limit: int | None = None) -> list[Path]:
    if split in HELD_OUT:
        sys.exit(f"the {split!r} split is held out for acceptance; use train or dev")
    folder = DATA / split / "text"
    if not folder.is_dir():
        print(f"skipped: no PolNeAR {split} split in {folder} (set NEWSLINT_EVALDATA)")
        sys.exit(0)
    return sorted(folder.glob("*.txt"))[:limit]


def run_json(args: Sequence[str]) -> list[dict]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        newslint(["--format", "json", "--exit-zero", *args])
    return json.loads(out.getvalue() or "[]")


def word_count(paths: Iterable[Path]) -> int:
    return sum(len(WORD.findall(p.read_text(encoding="utf-8"))) for p in paths)


def findings(paths: Sequence[Path], select: str | None) -> list[dict]:
    return run_json([*(["--select", select] if select else []), *map(str, paths)])


def rates(args: argparse.Namespace) -> None:
    paths = texts(args.split, args.limit)
    found = findings(paths, args.select)
    words = word_count(paths)
    if args.per_rule:
        write_samples(found, args.per_rule, args.seed)
    counts = Counter(f["code"] for f in found)
    print(f"PolNeAR {args.split}: {len(paths)} articles, {words:,} words, {date.today()}")
    print(f"{'rule':8} {'findings':>9} {'per 1,000 words':>16}")
    for code, count in sorted(counts.items()):
        print(f"{code:8} {count:9} {1000 * count / words:16.2f}")
    style = sum(c for code, c in counts.items() if code.startswith(NEUTRALITY_AND_STYLE))
    print(f"{'NL1-3,50':8} {style:9} {1000 * style / words:16.2f}  (neutrality and style)")


def _paragraph(text: str, start: int, end: int) -> str:
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", end)
    head = text[before + 2 if before >= 0 else 0 : start]
    tail = text[end : after if after >= 0 else len(text)]
    return f"{head}[[{text[start:end]}]]{tail}".strip()


def _offset(text: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    return starts[line - 1] + column - 1


def sample(args: argparse.Namespace) -> None:
    write_samples(findings(texts(args.split, args.limit), args.select), args.per_rule, args.seed)


def write_samples(found_all: list[dict], per_rule: int, seed: int) -> None:
    by_code: dict[str, list[dict]] = defaultdict(list)
    for finding in found_all:
        by_code[finding["code"]].append(finding)
    folder = DATA.parent / "judging" / str(date.today())
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for code, found in sorted(by_code.items()):
        chosen = rng.sample(found, min(per_rule, len(found)))
        lines = [f"# {code}: {len(chosen)} of {len(found)} findings, seed {seed}\n"]
        for f in sorted(chosen, key=lambda f: (f["path"], f["line"], f["column"])):
            text = Path(f["path"]).read_text(encoding="utf-8")
            start = _offset(text, f["line"], f["column"])
            end = _offset(text, f["end_line"], f["end_column"])
            article = Path(f["path"]).stem
            lines.append(f"## {article}\t{f['line']}\t{f['column']}\t{code}")
            lines.append(f"{f['severity']}: {f['message']}")
            lines.append(f"headline: {text.splitlines()[0]}")
            lines.append(f"> {_paragraph(text, start, end)}\n")
        (folder / f"{code}.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"samples for judging written to {folder}")


def _gold_content(split: str, article: str) -> list[tuple[int, int]]:
    files = sorted((DATA / split / "attributions").glob(f"{article}_*.ann"))
    spans = []
    for line in files[0].read_text(encoding="utf-8").splitlines() if files else ():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[1].startswith("Content "):
            for piece in parts[1].removeprefix("Content ").split(";"):
                start, end = piece.split()
                spans.append((int(start), int(end)))
    return spans


def _covered(words: list[tuple[int, int]], spans: list[tuple[int, int]]) -> set[int]:
    return {i for i, (s, e) in enumerate(words) if any(a < e and s < b for a, b in spans)}


def attribution(args: argparse.Namespace) -> None:
    paths = texts(args.split, args.limit)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        newslint(["sources", "--format", "json", *map(str, paths)])
    predicted: dict[str, list[tuple[int, int]]] = defaultdict(list)
    texts_by_path = {str(p): p.read_text(encoding="utf-8") for p in paths}
    for entry in json.loads(out.getvalue() or "[]"):
        text = texts_by_path[entry["path"]]
        for span in entry["content"]:
            start = _offset(text, span["line"], span["column"])
            end = _offset(text, span["end_line"], span["end_column"])
            predicted[entry["path"]].append((start, end))
    true_pos = false_pos = false_neg = 0
    for path, text in texts_by_path.items():
        words = [m.span() for m in WORD.finditer(text)]
        gold = _covered(words, _gold_content(args.split, Path(path).stem))
        guess = _covered(words, predicted[path])
        true_pos += len(gold & guess)
        false_pos += len(guess - gold)
        false_neg += len(gold - guess)
    precision = true_pos / max(1, true_pos + false_pos)
    recall = true_pos / max(1, true_pos + false_neg)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    print(f"PolNeAR {args.split}: {len(paths)} articles, {date.today()}, word-level content spans")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")


def _round_verdicts(round_: str) -> dict[tuple[str, ...], Counter[str]]:
    """Each judged finding of a round, by (article, line, column, code), with its votes."""
    named = re.compile(rf"verdicts-\d{{4}}-\d\d-\d\d-{re.escape(round_)}-" if round_ else "")
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for path in sorted(RESULTS.glob("verdicts-*.tsv")):
        if not named.match(path.name):
            continue
        for row in csv.reader(path.open(encoding="utf-8"), delimiter="\t"):
            if row and not row[0].startswith("#") and row[0] != "article":
                votes[(row[0], row[1], row[2], row[3])][row[4]] += 1
    return votes


def precision(args: argparse.Namespace) -> None:
    """Judged precision per rule: a finding is fair when most of its judges call it fair.

    A finding whose judges split evenly counts as a false alarm until a further judge
    breaks the tie; the ``split`` column counts them.
    """
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for (*_, code), votes in _round_verdicts(args.round).items():
        fair, false_alarm = votes["fair"], votes["false-alarm"]
        tally[code]["fair" if fair > false_alarm else "split" if fair == false_alarm else "no"] += 1
    print(f"{'rule':8} {'fair':>5} {'split':>6} {'judged':>7} {'precision':>10}")
    for code, counts in sorted(tally.items()):
        fair, split, judged = counts["fair"], counts["split"], counts.total()
        print(f"{code:8} {fair:5} {split:6} {judged:7} {fair / judged:10.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, split in (("rates", "train"), ("sample", "train"), ("attribution", "dev")):
        command = commands.add_parser(name)
        command.add_argument("--split", default=split)
        command.add_argument("--limit", type=int)
        command.add_argument("--select")
        if name != "attribution":
            default = 40 if name == "sample" else 0
            command.add_argument("--per-rule", type=int, default=default, help="samples per rule")
            command.add_argument("--seed", type=int, default=7)
    judged = commands.add_parser("precision")
    judged.add_argument("--round", default="", help="one judging round, such as r12")
    args = parser.parse_args()
    {"rates": rates, "sample": sample, "attribution": attribution, "precision": precision}[
        args.command
    ](args)


if __name__ == "__main__":
    main()
