"""The language server: open documents in, diagnostics, code actions and hovers out.

Lints run one at a time in a worker thread, so the server keeps answering while one
runs; an edit is linted once typing pauses for ``DEBOUNCE_SECONDS``, an open or a save
at once. A lint whose document changed meanwhile is dropped for the next one."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from newslint import __version__
from newslint.documents.loader import MARKDOWN_SUFFIXES
from newslint.rules.base import Rule
from newslint.server.diagnostics import diagnostics
from newslint.server.linting import Linter, Outcome
from newslint.server.positions import UTF16

DEBOUNCE_SECONDS = 0.3
LANGUAGES = frozenset({"markdown", "plaintext", "text"})
SUFFIXES = (*MARKDOWN_SUFFIXES, ".txt")


@dataclass(frozen=True)
class Linted:
    """A document's last lint: of which version and text, and what it found."""

    version: int | None
    text: str
    outcome: Outcome


class NewslintServer(LanguageServer):
    """The server's state: the linter, each open document's last lint, pending lints."""

    def __init__(self, linter: Linter) -> None:
        super().__init__(
            "newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.linter = linter
        self.lint_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")
        self.paths: dict[str, Path] = {}  # the open documents we lint, by URI
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task[Any]] = {}
        self.shut_down = False

    @property
    def encoding(self) -> str:
        """The position encoding agreed with the client at initialisation."""
        chosen = self.workspace.position_encoding or UTF16
        return str(getattr(chosen, "value", chosen))

    def schedule(self, uri: str, delay: float) -> None:
        """Lint the document after ``delay`` seconds, replacing a lint not yet started."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        self.pending.pop(uri, None)
        await self.relint(uri)

    async def relint(self, uri: str) -> Linted | None:
        """Lint the document's current text and publish its diagnostics; None if it was
        closed or changed meanwhile (its next lint is already scheduled)."""
        if uri not in self.paths:
            return None
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        loop = asyncio.get_running_loop()
        outcome = await loop.run_in_executor(
            self.lint_thread, self.linter.lint, self.paths[uri], text
        )
        if uri not in self.paths or self.workspace.get_text_document(uri).source != text:
            return None
        before = self.linted.get(uri)
        self.linted[uri] = Linted(version, text, outcome)
        self._announce(outcome, before.outcome if before else None)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri, diagnostics(outcome, self.encoding), version)
        )
        return self.linted[uri]

    def _announce(self, outcome: Outcome, before: Outcome | None) -> None:
        """Show each problem the document's last lint did not have in a message as well
        (a broken config is easy to miss as a diagnostic), and log its new notices."""
        for message in outcome.errors:
            if before is None or message not in before.errors:
                self.window_show_message(
                    types.ShowMessageParams(types.MessageType.Error, f"newslint: {message}")
                )
        for notice in outcome.notices:
            if before is None or notice not in before.notices:
                self.window_log_message(
                    types.LogMessageParams(types.MessageType.Info, f"newslint: {notice}")
                )

    async def current(self, uri: str) -> Linted | None:
        """The lint of the document's text as it is now, linting it again if it is stale."""
        linted = self.linted.get(uri)
        if uri in self.paths and (
            linted is None or linted.text != self.workspace.get_text_document(uri).source
        ):
            linted = await self.relint(uri)
        return linted

    def close(self, uri: str) -> None:
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.paths.pop(uri, None)
        self.linted.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    def rule(self, code: str) -> type[Rule] | None:
        """A rule by code: from an open document's config (its house packs) or a plugin."""
        for linted in self.linted.values():
            if code in linted.outcome.rules:
                return linted.outcome.rules[code]
        return self.linter.registry.rules.get(code)


def document_path(uri: str, language_id: str) -> Path:
    """The path whose config, per-file ignores and profile apply to a document; an
    unsaved document (``untitled:``) is taken to be in the current folder. A Markdown
    document is linted as Markdown whatever its name."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        path = Path(to_fs_path(uri) or parsed.path)
    else:
        path = Path.cwd() / (Path(unquote(parsed.path)).name or "untitled")
    if language_id == "markdown" and not path.name.lower().endswith(MARKDOWN_SUFFIXES):
        path = path.with_name(f"{path.name}.md")
    return path
