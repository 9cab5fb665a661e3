"""``newslint server``: the real server in a subprocess, driven by pygls's own LSP client."""

from __future__ import annotations

import asyncio
import os
import sys
from collections import defaultdict
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Union

import pytest
from cattrs import Converter
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.protocol import default_converter

from newslint.documents.source import Source
from newslint.server.positions import to_offset, to_position
from tests.conftest import run_cli
from tests.test_plugins import CRASHING, install

pytestmark = pytest.mark.slow

WAIT = 60  # seconds: the first lint loads the model

# Planted problems, one a line: a doubled word (NL902), scare quotes after an emoji
# (NL201, curly quotes), scare quotes after CJK (NL201), straight quotes in a document
# that mostly uses curly ones (NL504).
ARTICLE = """\
# Harbour council raises ferry fares

The council said on Tuesday that the the new fares would start in March.

On the 🚢 crossing, fares face a “modest” rise of 8% from March.

The board met at the 東京 office, where the “reform” was shelved.

The "survey" drew 400 replies.
"""

# (code, 0-based line, start and end character) in UTF-16, UTF-8 and UTF-32 units.
EXPECTED = {
    "utf-16": [
        ("NL902", 2, 37, 40),
        ("NL201", 4, 33, 41),
        ("NL201", 6, 42, 50),
        ("NL504", 8, 4, 5),
    ],
    "utf-8": [
        ("NL902", 2, 37, 40),
        ("NL201", 4, 35, 47),
        ("NL201", 6, 46, 58),
        ("NL504", 8, 4, 5),
    ],
    "utf-32": [
        ("NL902", 2, 37, 40),
        ("NL201", 4, 32, 40),
        ("NL201", 6, 42, 50),
        ("NL504", 8, 4, 5),
    ],
}


def converter() -> Converter:
    """pygls's converter, reading a code action that carries a command as a code action:
    lsprotocol (2025.0.0) takes any result with a ``command`` key for a bare Command,
    where LSP tells them apart by whether ``command`` is a string, as editors do."""
    made = default_converter()

    def action(value: Any, _: type) -> types.Command | types.CodeAction:
        bare = isinstance(value.get("command"), str)
        return made.structure(value, types.Command if bare else types.CodeAction)

    made.register_structure_hook(Union[types.Command, types.CodeAction], action)  # noqa: UP007
    return made


class Client(LanguageClient):
    """An editor: it keeps what the server publishes and shows, and its exit code."""

    def __init__(self) -> None:
        super().__init__("newslint-tests", "1", converter_factory=converter)
        self.published: dict[str, asyncio.Queue[types.PublishDiagnosticsParams]] = defaultdict(
            asyncio.Queue
        )
        self.messages: asyncio.Queue[types.ShowMessageParams] = asyncio.Queue()
        self.returncode: int | None = None
        self.versions: dict[str, int] = {}
        self.registrations: list[types.Registration] = []
        self.initialize_result: types.InitializeResult | None = None

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.published[params.uri].put_nowait(params)

        @self.feature(types.WINDOW_SHOW_MESSAGE)
        def shown(params: types.ShowMessageParams) -> None:
            self.messages.put_nowait(params)

        @self.feature(types.WINDOW_LOG_MESSAGE)
        def logged(params: types.LogMessageParams) -> None:
            pass

        @self.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            self.registrations += params.registrations

    async def server_exit(self, server: asyncio.subprocess.Process) -> None:
        self.returncode = server.returncode

    async def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        """The diagnostics of the document's latest version, as the server publishes them."""
        while True:
            params = await asyncio.wait_for(self.published[uri].get(), WAIT)
            if params.version == self.versions[uri]:
                return params.diagnostics

    async def message(self) -> str:
        return (await asyncio.wait_for(self.messages.get(), WAIT)).message

    def open(self, path: Path, text: str, language: str = "markdown") -> str:
        uri = path.as_uri()
        self.versions[uri] = 1
        item = types.TextDocumentItem(uri, language, 1, text)
        self.text_document_did_open(types.DidOpenTextDocumentParams(item))
        return uri

    def change(self, uri: str, text: str) -> None:
        self.versions[uri] += 1
        document = types.VersionedTextDocumentIdentifier(version=self.versions[uri], uri=uri)
        change = types.TextDocumentContentChangeWholeDocument(text)
        self.text_document_did_change(types.DidChangeTextDocumentParams(document, [change]))


def serve(
    scenario: Callable[[Client], Awaitable[None]],
    cwd: Path,
    encodings: list[str] | None = None,
    env: dict[str, str] | None = None,
) -> Client:
    """Start ``newslint server``, initialise it (offering ``encodings``), play the
    scenario, then shut the server down and let it exit."""

    async def session() -> Client:
        client = Client()
        await client.start_io(
            sys.executable, "-m", "newslint", "server", cwd=str(cwd), env=env or dict(os.environ)
        )
        capabilities = types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=encodings),
            workspace=types.WorkspaceClientCapabilities(
                workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True),
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                    dynamic_registration=True
                ),
            ),
        )
        client.initialize_result = await asyncio.wait_for(
            client.initialize_async(types.InitializeParams(capabilities=capabilities)), WAIT
        )
        client.initialized(types.InitializedParams())
        await scenario(client)
        await asyncio.wait_for(client.shutdown_async(None), WAIT)
        client.exit(None)
        await asyncio.wait_for(client.stop(), WAIT)
        return client

    return asyncio.run(session())


def spans(diagnostics: list[types.Diagnostic]) -> list[tuple[Any, int, int, int]]:
    return sorted(
        (d.code, d.range.start.line, d.range.start.character, d.range.end.character)
        for d in diagnostics
    )


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply UTF-16 edits to ``text``, last first, as an editor would."""
    lines = text.splitlines(keepends=True)

    def offset(position: types.Position) -> int:
        line = lines[position.line] if position.line < len(lines) else ""
        before = line.encode("utf-16-le")[: 2 * position.character].decode("utf-16-le")
        return sum(len(x) for x in lines[: position.line]) + len(before)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.document_changes is not None
    [change] = action.edit.document_changes
    assert isinstance(change, types.TextDocumentEdit) and change.text_document.uri == uri
    return list(change.edits)


async def actions(client: Client, uri: str, diagnostic: types.Diagnostic) -> dict[str, Any]:
    """The code actions on a diagnostic's range, as an editor's light bulb asks, by title."""
    params = types.CodeActionParams(
        types.TextDocumentIdentifier(uri),
        diagnostic.range,
        types.CodeActionContext([diagnostic]),
    )
    found = await asyncio.wait_for(client.text_document_code_action_async(params), WAIT)
    return {action.title: action for action in found or []}


def only(diagnostics: list[types.Diagnostic], code: str, line: int) -> types.Diagnostic:
    found = [d for d in diagnostics if d.code == code and d.range.start.line == line]
    assert len(found) == 1, [d.message for d in diagnostics]
    return found[0]


@pytest.mark.parametrize(
    ("encodings", "expected"),
    [(None, "utf-16"), (["utf-8", "utf-16"], "utf-8"), (["utf-32", "utf-16"], "utf-32")],
)
def test_diagnostics_are_at_exact_ranges_in_the_negotiated_encoding(tmp_path, encodings, expected):
    seen = {}

    async def scenario(client: Client) -> None:
        uri = client.open(tmp_path / "fares.md", ARTICLE)
        seen["diagnostics"] = await client.diagnostics(uri)

    client = serve(scenario, tmp_path, encodings)
    assert client.initialize_result is not None
    assert client.initialize_result.capabilities.position_encoding == expected
    assert spans(seen["diagnostics"]) == sorted(EXPECTED[expected])
    for diagnostic in seen["diagnostics"]:
        assert diagnostic.source == "newslint"
        assert diagnostic.code_description is not None
        assert diagnostic.code_description.href.startswith("https://")
    severities = {d.code: d.severity for d in seen["diagnostics"]}
    assert severities["NL201"] == types.DiagnosticSeverity.Warning
    assert severities["NL504"] == types.DiagnosticSeverity.Information
    assert client.returncode == 0


def test_code_actions_fix_suppress_and_document_and_hover_shows_the_rule(tmp_path):
    docs = {code: run_cli("rule", code).stdout for code in ("NL201", "NL902")}
    seen: dict[str, Any] = {}

    async def scenario(client: Client) -> None:
        uri = client.open(tmp_path / "fares.md", ARTICLE)
        found = await client.diagnostics(uri)
        emoji_line = only(found, "NL201", 4)

        hover = await client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(4, 35))
        )
        seen["hover"] = hover

        # The safe fix for the doubled word, applied; the diagnostics follow the edit.
        offered = await actions(client, uri, only(found, "NL902", 2))
        seen["offered"] = sorted(offered)
        text = apply(ARTICLE, edits_of(offered["Fix NL902: Repeated word 'the'"], uri))
        seen["fixed edit version"] = offered["Fix NL902: Repeated word 'the'"].edit
        client.change(uri, text)
        found = await client.diagnostics(uri)
        seen["after fix"] = spans(found)

        # The typography fix converts both straight quotes at once.
        [typography] = [
            a
            for t, a in (await actions(client, uri, only(found, "NL504", 8))).items()
            if t.startswith("Fix NL504")
        ]
        text = apply(text, edits_of(typography, uri))
        client.change(uri, text)
        found = await client.diagnostics(uri)
        seen["after typography"] = spans(found)

        # Suppress NL201 on the emoji line: a comment on a line of its own above it.
        offered = await actions(client, uri, only(found, "NL201", 4))
        text = apply(text, edits_of(offered["Disable NL201 for this line"], uri))
        client.change(uri, text)
        seen["after disable"] = spans(await client.diagnostics(uri))
        seen["text"] = text

        command = offered["Show documentation for NL201"].command
        seen["command result"] = await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command.command, command.arguments)
        )
        seen["shown"] = await client.message()
        seen["emoji line"] = emoji_line

    serve(scenario, tmp_path)
    hover = seen["hover"]
    assert docs["NL201"] in hover.contents.value
    assert hover.range == seen["emoji line"].range
    assert seen["offered"] == [
        "Disable NL902 for this line",
        "Fix NL902: Repeated word 'the'",
        "Show documentation for NL902",
    ]
    [change] = seen["fixed edit version"].document_changes
    assert change.text_document.version == 1
    assert seen["after fix"] == sorted(EXPECTED["utf-16"][1:])
    assert ("NL504", 8, 4, 5) not in seen["after typography"]
    assert 'The "survey"' not in seen["text"] and "The “survey” drew" in seen["text"]
    assert seen["text"].splitlines()[4:6] == [
        "<!-- newslint-disable-next-line NL201 -->",
        "On the 🚢 crossing, fares face a “modest” rise of 8% from March.",
    ]
    assert ("NL201", 7, 42, 50) in seen["after disable"]
    assert not [s for s in seen["after disable"] if s[:2] == ("NL201", 5)]
    assert seen["command result"] == seen["shown"] == docs["NL201"]


def test_a_suppression_inside_a_paragraph_keeps_the_paragraph(tmp_path):
    paragraph = "# Ferries\n\nThe board met on Monday.\nFares face a “modest” rise from March.\n"
    seen: dict[str, Any] = {}

    async def scenario(client: Client) -> None:
        uri = client.open(tmp_path / "board.md", paragraph)
        offered = await actions(client, uri, only(await client.diagnostics(uri), "NL201", 3))
        seen["text"] = apply(paragraph, edits_of(offered["Disable NL201 for this line"], uri))
        client.change(uri, seen["text"])
        seen["after"] = spans(await client.diagnostics(uri))

    serve(scenario, tmp_path)
    assert seen["text"].splitlines()[2] == (
        "The board met on Monday. <!-- newslint-disable-next-line NL201 -->"
    )
    assert seen["after"] == []


def test_unsaved_buffers_get_the_config_per_file_ignores_and_profile_of_their_path(tmp_path):
    (tmp_path / "newslint.toml").write_text(
        '[per-file-ignores]\n"drafts/*.md" = ["NL902"]\n\n'
        '[per-file-profiles]\n"opinion/**" = "opinion"\n'
    )
    seen = {}

    async def scenario(client: Client) -> None:
        for name in ("drafts/fares.md", "opinion/fares.md", "news/fares.md", "notes.txt"):
            uri = client.open(
                tmp_path / name, ARTICLE, "plaintext" if ".txt" in name else "markdown"
            )
            found = await client.diagnostics(uri)
            seen[name] = {d.code for d in found}
        offered = await actions(client, uri, only(found, "NL902", 2))  # in notes.txt
        seen["plain-text actions"] = sorted(offered)

        # A new document never saved lints under the config of the server's folder.
        client.versions["untitled:Untitled-1"] = 1
        item = types.TextDocumentItem("untitled:Untitled-1", "markdown", 1, ARTICLE)
        client.text_document_did_open(types.DidOpenTextDocumentParams(item))
        seen["untitled"] = {d.code for d in await client.diagnostics("untitled:Untitled-1")}

        # A save lints again; so does a config file changing on disk.
        uri = (tmp_path / "news/fares.md").as_uri()
        client.text_document_did_save(
            types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
        )
        seen["saved"] = {d.code for d in await client.diagnostics(uri)}
        (tmp_path / "newslint.toml").write_text('ignore = ["NL504"]\n')
        event = types.FileEvent((tmp_path / "newslint.toml").as_uri(), types.FileChangeType.Changed)
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams([event]))
        seen["config changed"] = {d.code for d in await client.diagnostics(uri)}

    client = serve(scenario, tmp_path)
    [registration] = client.registrations
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    assert seen["saved"] == {"NL201", "NL902", "NL504"}
    assert seen["config changed"] == {"NL201", "NL902"}
    assert not (tmp_path / "drafts").exists()  # never saved: the buffers are linted
    assert seen["drafts/fares.md"] == {"NL201", "NL504"}
    assert seen["opinion/fares.md"] == {"NL902", "NL504"}
    assert seen["news/fares.md"] == {"NL201", "NL902", "NL504"}
    assert "NL902" in seen["notes.txt"]
    assert seen["plain-text actions"] == [
        "Fix NL902: Repeated word 'the'",
        "Show documentation for NL902",
    ]  # no suppression comment in plain text
    assert seen["untitled"] == {"NL201", "NL902", "NL504"}


def test_a_broken_config_or_an_oversized_document_is_named_and_the_server_lives_on(tmp_path):
    (tmp_path / "toml").mkdir()
    (tmp_path / "toml" / "newslint.toml").write_text("select = [\n")
    (tmp_path / "pyproject").mkdir()
    (tmp_path / "pyproject" / "pyproject.toml").write_text('[tool.newslint]\nselekt = ["NL2"]\n')
    (tmp_path / "big").mkdir()
    (tmp_path / "big" / "newslint.toml").write_text("max-file-size = 100\n")
    seen: dict[str, Any] = {}

    async def scenario(client: Client) -> None:
        for folder in ("toml", "pyproject", "big"):
            uri = client.open(tmp_path / folder / "fares.md", ARTICLE)
            seen[folder] = await client.diagnostics(uri), await client.message()
        uri = client.open(tmp_path / "fares.md", ARTICLE)
        seen["good"] = spans(await client.diagnostics(uri))

    client = serve(scenario, tmp_path)
    for folder, named in [
        ("toml", "newslint.toml"),
        ("pyproject", "selekt"),
        ("big", "max-file-size"),
    ]:
        [problem], message = seen[folder]
        assert problem.severity == types.DiagnosticSeverity.Error
        assert named in problem.message and str(tmp_path / folder) in problem.message
        assert named in message
    assert seen["good"] == sorted(EXPECTED["utf-16"])
    assert client.returncode == 0


def test_a_crashing_plugin_is_named_and_the_other_rules_still_run(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    install(site, "newslint-crashing", "crashing_rules", CRASHING)
    (tmp_path / "newslint.toml").write_text('select = ["XP201", "NL902"]\n')
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])
    )
    seen: dict[str, Any] = {}

    async def scenario(client: Client) -> None:
        uri = client.open(tmp_path / "fares.md", ARTICLE)
        seen["first"] = await client.diagnostics(uri), await client.message()
        client.change(uri, ARTICLE.replace("the the", "the"))
        seen["after edit"] = await client.diagnostics(uri)

    client = serve(scenario, tmp_path, env=env)
    diagnostics, message = seen["first"]
    [problem] = [d for d in diagnostics if d.code is None]
    assert "XP201" in problem.message and "newslint-crashing" in problem.message
    assert "XP201" in message
    assert [d.code for d in diagnostics if d.code] == ["NL902"]
    assert [d.code for d in seen["after edit"]] == [None]
    assert client.returncode == 0


def test_a_seed_article_gets_the_command_lines_findings_at_the_same_places(seeds, tmp_path):
    path = tmp_path / "seed.txt"
    text = (seeds / "001_8ba0f623fd87af31.txt").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()

    def utf16(line: int, column: int) -> int:
        return len(lines[line - 1][: column - 1].encode("utf-16-le")) // 2

    expected = sorted(
        (f["code"], f["line"] - 1, utf16(f["line"], f["column"]), utf16(f["line"], f["end_column"]))
        for f in run_cli("--format", "json", str(path)).findings
        if f["line"] == f["end_line"]
    )
    seen = {}

    async def scenario(client: Client) -> None:
        uri = client.open(path, text, "plaintext")
        seen["diagnostics"] = await client.diagnostics(uri)

    serve(scenario, tmp_path)
    single_line = [d for d in seen["diagnostics"] if d.range.start.line == d.range.end.line]
    assert expected and spans(single_line) == expected


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_positions_round_trip_in_every_encoding(encoding):
    text = "“Tide” 🚢 東京\r\nline two 👍🏽 é\rthree\n\nend"
    source = Source("a.md", text)
    codec = {"utf-8": ("utf-8", 1), "utf-16": ("utf-16-le", 2), "utf-32": ("utf-32-le", 4)}
    name, width = codec[encoding]
    inside_crlf = text.index("\r\n") + 1  # not a place in the text an editor shows
    for offset in (o for o in range(len(text) + 1) if o != inside_crlf):
        position = to_position(source, offset, encoding)
        line, column = source.position(offset)
        before = source.line_text(line)[: column - 1]
        assert position == types.Position(line - 1, len(before.encode(name)) // width)
        assert to_offset(source, position, encoding) == offset
