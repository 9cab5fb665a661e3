"""Choosing a document parser by file name."""

from __future__ import annotations

from dataclasses import dataclass

from newslint.documents.model import Document
from newslint.documents.plaintext import parse_plaintext
from newslint.documents.source import Source

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
# Elements that are not prose, with everything inside them (Vale's skipTags, for news pages).
DEFAULT_SKIP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form")


@dataclass(frozen=True)
class HtmlOptions:
    """How HTML is read: the elements skipped (lower-case names), image alt text as
    prose, and whether only the article body of a whole web page is linted."""

    skip_tags: frozenset[str] = frozenset(DEFAULT_SKIP_TAGS)
    alt_text: bool = False
    extract: bool = False


def load_document(source: Source, html: HtmlOptions | None = None) -> Document:
    """The document of a file by its suffix: Markdown, HTML (read as ``html`` says), or
    plain text."""
    path = source.path.lower()
    # Imported here: the Markdown and HTML parsers cost start-up time plain text never needs.
    if path.endswith(MARKDOWN_SUFFIXES):
        from newslint.documents.markdown import parse_markdown

        return parse_markdown(source)
    if path.endswith(HTML_SUFFIXES):
        from newslint.documents.html import parse_html

        return parse_html(source, html)
    return parse_plaintext(source)
