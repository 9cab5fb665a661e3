"""Language server benchmark: re-lint latency after a one-word edit, and memory.

    python bench/server.py [--words 1000] [--edits 5]

A real LSP client (pygls's) starts ``newslint server``, opens a Markdown article of about
``--words`` words (PolNeAR ``train`` articles when ``$NEWSLINT_EVALDATA`` holds them,
else the bundled samples), then changes one word ``--edits`` times, each time timing
from the change to the diagnostics for it, and saves once. The server waits
``DEBOUNCE_SECONDS`` after a change for typing to pause; the re-lint is the latency
less that pause. Each figure is set against one parse of the same article: its blocks
through ``nlp.pipe`` with the model and components the server loads, in this process,
fastest of ``--edits``. Memory is the server's peak resident set, read when it has
exited. Timing never gates the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from bench import EVALDATA, article
from newslint.analysis.nlp import components_for, load_model
from newslint.config.ruleset import Overrides
from newslint.documents.loader import load_document
from newslint.documents.source import Source
from newslint.linter.run import Resolver
from newslint.rules.engine import needs_of
from newslint.rules.registry import load_registry
from newslint.server.server import DEBOUNCE_SECONDS

WAIT = 300


def thousand_words(words: int) -> tuple[str, str]:
    """An article of about ``words`` words, and where its text came from."""
    train = sorted((EVALDATA / "train" / "text").glob("*.txt"))
    paras = [p for f in train[:20] for p in f.read_text(encoding="utf-8").split("\n\n")]
    chosen: list[str] = []
    for para in (p for p in paras if p.strip()):
        if sum(len(c.split()) for c in chosen) >= words:
            return "# Article\n\n" + "\n\n".join(chosen) + "\n", "PolNeAR train"
        chosen.append(para)
    return article(words), "bundled samples"


def parse_seconds(path: Path, text: str, reps: int) -> float:
    """One parse of the article as the server parses it: fastest of ``reps``."""
    registry = load_registry()
    resolver = Resolver(registry, Overrides(), None)
    settings = resolver.settings(path.parent)
    rule_set = resolver.rule_set(settings, "news") if settings else None
    if rule_set is None:
        raise SystemExit(f"bench: no rules for {path}: {resolver.errors}")
    nlp = load_model(settings.model, components_for(needs_of(rule_set.rules_for(path))))
    blocks = [block.text for block in load_document(Source(str(path), text)).blocks]
    best = float("inf")
    for _ in range(reps):
        started = time.perf_counter()
        for _ in nlp.pipe(blocks):
            pass
        best = min(best, time.perf_counter() - started)
    return best


def one_word_edits(text: str, count: int) -> list[str]:
    """The article with one more word changed each time (a word of four letters or
    more becomes 'harbour')."""
    words = text.split(" ")
    spots = [i for i, w in enumerate(words) if w.isalpha() and len(w) > 3][::7][:count]
    versions = []
    for spot in spots:
        words[spot] = "harbour"
        versions.append(" ".join(words))
    return versions


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("newslint-bench", "1")
        self.arrived: asyncio.Queue[tuple[float, types.PublishDiagnosticsParams]] = asyncio.Queue()

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.arrived.put_nowait((time.perf_counter(), params))

    async def diagnostics_for(self, version: int) -> tuple[float, int]:
        """When the diagnostics for ``version`` arrived, and how many there were."""
        while True:
            at, params = await asyncio.wait_for(self.arrived.get(), WAIT)
            if params.version == version:
                return at, len(params.diagnostics)


async def session(path: Path, text: str, edits: list[str]) -> dict[str, list[float]]:
    """Open, edit and save the article in a real server; the seconds each took."""
    client = Client()
    await client.start_io(sys.executable, "-m", "newslint", "server", cwd=str(path.parent))
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    uri = path.as_uri()
    timings: dict[str, list[float]] = {"open": [], "edit": [], "save": []}
    started = time.perf_counter()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text))
    )
    at, found = await client.diagnostics_for(1)
    timings["open"].append(at - started)
    print(f"open: {found} diagnostics")
    for version, edited in enumerate(edits, start=2):
        document = types.VersionedTextDocumentIdentifier(version=version, uri=uri)
        change = types.TextDocumentContentChangeWholeDocument(edited)
        started = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(document, [change]))
        at, _ = await client.diagnostics_for(version)
        timings["edit"].append(at - started)
    started = time.perf_counter()
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    at, _ = await client.diagnostics_for(len(edits) + 1)
    timings["save"].append(at - started)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return timings


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1000, help="the article's length")
    parser.add_argument("--edits", type=int, default=5, help="one-word edits to time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.md"
        text, origin = thousand_words(args.words)
        path.write_text(text, encoding="utf-8")
        print(f"article: {len(text.split()):,} words from {origin}")
        timings = asyncio.run(session(path, text, one_word_edits(text, args.edits)))
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        parse = parse_seconds(path, text, args.edits)
    edit = min(timings["edit"])
    relint = edit - DEBOUNCE_SECONDS
    print(f"one parse of the article (nlp.pipe, fastest of {args.edits}): {parse:.3f} s")
    print(f"open to first diagnostics (model load included): {timings['open'][0]:.2f} s")
    print(
        f"one-word edit to diagnostics, fastest of {len(timings['edit'])}: {edit:.3f} s "
        f"(median {sorted(timings['edit'])[len(timings['edit']) // 2]:.3f} s), "
        f"of which {DEBOUNCE_SECONDS} s is the pause for typing"
    )
    print(f"re-lint after an edit: {relint:.3f} s = ×{relint / parse:.2f} one parse")
    print(f"save to diagnostics: {timings['save'][0]:.3f} s = ×{timings['save'][0] / parse:.2f}")
    print(f"server peak memory (max RSS): {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main_bench()
