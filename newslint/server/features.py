"""What the server answers: document sync, code actions, hover, the documentation command,
and config files changing on disk."""

from __future__ import annotations

from lsprotocol import types
from pygls.capabilities import get_capability

from newslint.config.settings import CONFIG_FILES
from newslint.rules.base import Rule
from newslint.rules.docs import describe_rule, opt_in_flag
from newslint.server.actions import SHOW_DOCUMENTATION, OpenDocument, at_offset, code_actions
from newslint.server.linting import Linter
from newslint.server.positions import to_offset, to_range
from newslint.server.server import (
    DEBOUNCE_SECONDS,
    LANGUAGES,
    SUFFIXES,
    NewslintServer,
    document_path,
)

CODE_ACTIONS = types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
WATCH_CONFIGS = "newslint/watch-configs"


def documentation(rule: type[Rule]) -> str:
    """What ``newslint rule CODE`` prints for the rule."""
    return describe_rule(rule, opt_in_flag(rule))


def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
    """Lint a Markdown or plain-text document as it opens."""
    opened = params.text_document
    if opened.language_id in LANGUAGES or opened.uri.lower().endswith(SUFFIXES):
        ls.paths[opened.uri] = document_path(opened.uri, opened.language_id)
        ls.schedule(opened.uri, 0)


def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
    """Lint again once typing pauses."""
    if params.text_document.uri in ls.paths:
        ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)


def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
    if params.text_document.uri in ls.paths:
        ls.schedule(params.text_document.uri, 0)


def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.close(params.text_document.uri)


async def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
    """Ask the client to tell us when a config file changes, where it can watch files."""
    if not get_capability(
        ls.client_capabilities, "workspace.did_change_watched_files.dynamic_registration", False
    ):
        return
    watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
    options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
    registration = types.Registration(
        id=WATCH_CONFIGS, method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
    )
    await ls.client_register_capability_async(types.RegistrationParams([registration]))


def did_change_watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
    """A config file changed: every open document may be linted differently now."""
    for uri in ls.paths:
        ls.schedule(uri, 0)


async def code_action(
    ls: NewslintServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    """Fixes, suppressions and documentation for the findings in the requested range."""
    uri = params.text_document.uri
    linted = await ls.current(uri)
    if linted is None:
        return None
    source = linted.outcome.source
    start = to_offset(source, params.range.start, ls.encoding)
    end = to_offset(source, params.range.end, ls.encoding)
    versioned = bool(
        get_capability(ls.client_capabilities, "workspace.workspace_edit.document_changes", False)
    )
    document = OpenDocument(uri, linted.version, linted.outcome, ls.encoding)
    return code_actions(document, start, end, versioned) or None


async def hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
    """The message and documentation of each finding under the cursor."""
    linted = await ls.current(params.text_document.uri)
    if linted is None:
        return None
    outcome = linted.outcome
    offset = to_offset(outcome.source, params.position, ls.encoding)
    found = [f for f in at_offset(outcome.findings, offset) if f.code in outcome.rules]
    if not found:
        return None
    parts = [
        f"**{f.code}** {f.message}\n\n```text\n{documentation(outcome.rules[f.code])}```"
        for f in found
    ]
    return types.Hover(
        types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts)),
        to_range(outcome.source, found[0].start, found[0].end, ls.encoding),
    )


def show_documentation(ls: NewslintServer, code: str) -> str | None:
    """Show a rule's documentation in a message; it is also the command's result."""
    rule = ls.rule(str(code).upper())
    if rule is None:
        ls.window_show_message(
            types.ShowMessageParams(
                types.MessageType.Error, f"newslint: unknown rule code {code!r}"
            )
        )
        return None
    text = documentation(rule)
    ls.window_show_message(types.ShowMessageParams(types.MessageType.Info, text))
    return text


def shutdown(ls: NewslintServer, params: None) -> None:
    """Drop lints not yet started; the client's exit notification follows."""
    ls.shut_down = True
    ls.lint_thread.shutdown(wait=False, cancel_futures=True)


def build_server(linter: Linter) -> NewslintServer:
    """The server, with its features registered."""
    server = NewslintServer(linter)
    for method, handler in [
        (types.TEXT_DOCUMENT_DID_OPEN, did_open),
        (types.TEXT_DOCUMENT_DID_CHANGE, did_change),
        (types.TEXT_DOCUMENT_DID_SAVE, did_save),
        (types.TEXT_DOCUMENT_DID_CLOSE, did_close),
        (types.INITIALIZED, initialized),
        (types.WORKSPACE_DID_CHANGE_WATCHED_FILES, did_change_watched_files),
        (types.TEXT_DOCUMENT_HOVER, hover),
        (types.SHUTDOWN, shutdown),
    ]:
        server.feature(method)(handler)
    server.feature(types.TEXT_DOCUMENT_CODE_ACTION, CODE_ACTIONS)(code_action)
    server.command(SHOW_DOCUMENTATION)(show_documentation)
    return server
