"""Choosing a document parser by file name."""

from __future__ import annotations

from newslint.documents.model import Document
from newslint.documents.plaintext import parse_plaintext
from newslint.documents.source import Source

MARKDOWN_SUFFIXES = (".md", ".markdown")


def load_document(source: Source) -> Document:
    if source.path.lower().endswith(MARKDOWN_SUFFIXES):
        # Imported here: the Markdown parser costs start-up time that plain text never needs.
        from newslint.documents.markdown import parse_markdown

        return parse_markdown(source)
    return parse_plaintext(source)
