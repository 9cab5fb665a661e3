"""Code actions on findings: the safe fix, a suppression comment, the rule's documentation."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lsprotocol import types

from newslint.documents.suppress import comment_above
from newslint.rules.base import Finding
from newslint.server.diagnostics import diagnostic
from newslint.server.linting import Outcome
from newslint.server.positions import to_range

SHOW_DOCUMENTATION = "newslint.showDocumentation"


@dataclass(frozen=True)
class OpenDocument:
    """The open document the actions edit: its URI, the version linted, what the lint
    found, and the client's position encoding."""

    uri: str
    version: int | None
    outcome: Outcome
    encoding: str

    def edit(self, edits: Sequence[types.TextEdit], versioned: bool) -> types.WorkspaceEdit:
        """The edits as a workspace edit, tied to this version where the client can check it."""
        if versioned:
            document = types.OptionalVersionedTextDocumentIdentifier(
                uri=self.uri, version=self.version
            )
            return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(document, edits)])
        return types.WorkspaceEdit(changes={self.uri: list(edits)})


def code_actions(
    document: OpenDocument, start: int, end: int, versioned: bool
) -> list[types.CodeAction]:
    """Actions for the findings that touch offsets ``[start, end]``: each fixable
    finding's fix, then per rule and line a suppression (Markdown only), then per rule
    its documentation."""
    touching = [f for f in document.outcome.findings if f.start <= end and start <= f.end]
    actions = [_fix(document, f, versioned) for f in touching if f.fix]
    if document.outcome.markdown:
        lines = {(f.code, f.line): f for f in touching}
        disables = (_disable(document, f, versioned) for f in lines.values())
        actions += [action for action in disables if action is not None]
    codes = {f.code: f for f in touching}
    actions += [_documentation(document, f) for f in codes.values()]
    return actions


def _fix(document: OpenDocument, finding: Finding, versioned: bool) -> types.CodeAction:
    assert finding.fix is not None
    source = document.outcome.source
    edits = [
        types.TextEdit(to_range(source, e.start, e.end, document.encoding), e.replacement)
        for e in finding.fix.edits
    ]
    return types.CodeAction(
        title=f"Fix {finding.code}: {finding.message}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic(finding, source, document.encoding)],
        edit=document.edit(edits, versioned),
        is_preferred=True,
    )


def _disable(document: OpenDocument, finding: Finding, versioned: bool) -> types.CodeAction | None:
    """A suppression comment for the finding's rule on its line (see
    ``documents.suppress``); None if a comment there already covers it."""
    source = document.outcome.source
    placed = comment_above(source, finding.line, [finding.code])
    if placed is None:
        return None
    at = to_range(source, placed.start, placed.end, document.encoding)
    return types.CodeAction(
        title=f"Disable {finding.code} for this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic(finding, source, document.encoding)],
        edit=document.edit([types.TextEdit(at, placed.replacement)], versioned),
    )


def _documentation(document: OpenDocument, finding: Finding) -> types.CodeAction:
    title = f"Show documentation for {finding.code}"
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic(finding, document.outcome.source, document.encoding)],
        command=types.Command(title=title, command=SHOW_DOCUMENTATION, arguments=[finding.code]),
    )


def at_offset(findings: Sequence[Finding], offset: int) -> Iterator[Finding]:
    """The findings whose span holds ``offset`` (an empty span holds its start)."""
    return (f for f in findings if f.start <= offset < max(f.end, f.start + 1))
