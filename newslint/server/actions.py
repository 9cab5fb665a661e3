"""Code actions on findings: the safe fix, a suppression comment, the rule's documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lsprotocol import types

from newslint.documents.source import Source
from newslint.rules.base import Finding
from newslint.server.diagnostics import diagnostic
from newslint.server.linting import Outcome
from newslint.server.positions import to_position, to_range

SHOW_DOCUMENTATION = "newslint.showDocumentation"
DISABLE_COMMENT = "<!-- newslint-disable-next-line {code} -->"
# Lines that end a block, where text appended would change the Markdown: code fences,
# front matter and setext underlines, thematic breaks.
NOT_PROSE = re.compile(r"\s*([`~]{3,}|[-=*_+\s]+$)")


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
        actions += [_disable(document, f, versioned) for f in lines.values()]
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


def _disable(document: OpenDocument, finding: Finding, versioned: bool) -> types.CodeAction:
    source = document.outcome.source
    comment = DISABLE_COMMENT.format(code=finding.code)
    return types.CodeAction(
        title=f"Disable {finding.code} for this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic(finding, source, document.encoding)],
        edit=document.edit(
            [_comment_above(source, finding.line, comment, document.encoding)], versioned
        ),
    )


def _comment_above(source: Source, line: int, comment: str, encoding: str) -> types.TextEdit:
    """Put ``comment`` on the line above ``line``: at the end of that line when it is
    prose of the same block (a comment on a line of its own would end the paragraph),
    else on a new line of its own."""
    above = source.line_text(line - 1) if line > 1 else ""
    if above.strip() and not NOT_PROSE.match(above):
        end = source.line_starts[line - 2] + len(above)
        at = to_position(source, end, encoding)
        return types.TextEdit(types.Range(at, at), f" {comment}")
    at = types.Position(line - 1, 0)
    return types.TextEdit(types.Range(at, at), comment + source.line_end)


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
