"""HTML: prose blocks from an HTML5 parse, with exact offsets into the file.

justhtml parses the file as a browser would (implied and misnested tags, stray end
tags) and records where each text node starts in the file. One walk over the tree
takes the text of headings, paragraphs, list items, block quotes, figure captions and
table cells, and lines each text node up with the file from that start: a character
reference (``&mdash;``) is one character of the node, and is decoded for analysis
through ``documents.decoded``; tags and comments the parser merged across are
skipped. A block's text is the file's text with everything but its prose blanked,
so findings keep the file's lines and columns.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from justhtml import JustHTML
from justhtml.dom import Comment, Element, Node, Text

from newslint.documents.decoded import CHARACTER_REFERENCE, Reference, decoded_document
from newslint.documents.loader import HtmlOptions
from newslint.documents.markdown import comment_suppressions
from newslint.documents.model import Block, BlockKind, Document, blank, prose_slice
from newslint.documents.source import Source

HEADINGS = {f"h{level}": BlockKind.HEADING for level in range(1, 7)}
PROSE = {"p": BlockKind.PARAGRAPH, "figcaption": BlockKind.PARAGRAPH, **HEADINGS}
# Containers whose kind the prose inside them takes, as in Markdown; the innermost wins.
CONTAINERS = {
    "li": BlockKind.LIST_ITEM,
    "blockquote": BlockKind.BLOCK_QUOTE,
    "td": BlockKind.TABLE_CELL,
    "th": BlockKind.TABLE_CELL,
}
# Never prose whatever the settings: code, templates, embedded SVG and MathML.
NEVER_PROSE = frozenset({"template", "pre", "code", "svg", "math", "textarea", "select"})
# What the parser may have merged a text node across: a tag, a comment, a doctype.
MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<[^<>]*>?", re.DOTALL)
ALT = "alt"
ALT_VALUE = re.compile(r"\balt\s*=\s*(\"([^\"]*)\"|'([^']*)')", re.IGNORECASE)


@dataclass
class _Piece:
    """The prose of one block as the walk finds it: file spans and references."""

    kind: BlockKind
    spans: list[tuple[int, int]] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)


def parse_html(source: Source, options: HtmlOptions | None = None) -> Document:
    """Prose blocks of an HTML file, character references decoded for analysis."""
    options = options or HtmlOptions()
    tree = JustHTML(source.text, track_node_locations=True, sanitize=False)
    walk = _Walk(source.text, options)
    pieces = walk.run(tree.root)
    found = [(piece, block) for piece in pieces if (block := _block(source, piece))]
    blocks = _headline_first(_in_order([block for _, block in found]))
    notices: tuple[str, ...] = ()
    if options.extract:
        from newslint.documents.extract import article_blocks

        blocks, notice = article_blocks(source, blocks)
        notices = (notice,) if notice else ()
    kept = {(b.start, b.end) for b in blocks}
    references = [r for piece, b in found if (b.start, b.end) in kept for r in piece.references]
    suppressions, codes = comment_suppressions(source, walk.comments)
    document = Document(
        source, tuple(blocks), suppressions, suppression_codes=codes, notices=notices
    )
    return decoded_document(document, references)


class _Walk:
    """One walk of the tree in document order, with an explicit stack (deep nesting must
    not exhaust Python's): a new piece each time the element that owns the text changes."""

    def __init__(self, text: str, options: HtmlOptions) -> None:
        self.text = text
        self.options = options
        self.pieces: list[_Piece] = []
        self.owner: Node | None = None
        # File spans of the comments met: they may hold newslint-disable directives.
        self.comments: list[tuple[int, int]] = []

    def run(self, root: Node) -> list[_Piece]:
        stack: list[tuple[Node, Node | None, BlockKind | None, bool]] = [(root, None, None, False)]
        while stack:
            node, holder, container, in_article = stack.pop()
            if isinstance(node, Text):
                if holder is not None:
                    _line_up(self.text, node, self._piece(holder, container))
                continue
            if isinstance(node, Comment):
                self._comment(node)
                continue
            if not isinstance(node, Element):
                stack.extend((c, holder, container, in_article) for c in _children(node))
                continue
            name = node.name.lower()
            if not self._walked(name, in_article):
                continue
            holder, container = _holder(name, node, holder, container)
            if self.options.alt_text and holder is not None and node.attrs.get(ALT):
                _alt_text(self.text, node, self._piece(holder, container))
            in_article = in_article or name == "article"
            stack.extend((c, holder, container, in_article) for c in _children(node))
        return [piece for piece in self.pieces if piece.spans]

    def _comment(self, node: Comment) -> None:
        start = node.origin_offset
        if start is not None and self.text.startswith("<!--", start):
            markup = MARKUP.match(self.text, start)
            self.comments.append((start, markup.end() if markup else len(self.text)))

    def _walked(self, name: str, in_article: bool) -> bool:
        """Whether an element's content may be prose; an article's own header (with its
        headline) is part of the article, not page chrome."""
        if name in NEVER_PROSE:
            return False
        return name not in self.options.skip_tags or (name == "header" and in_article)

    def _piece(self, holder: Node, container: BlockKind | None) -> _Piece:
        if holder is not self.owner:
            self.pieces.append(_Piece(_kind(holder, container)))
            self.owner = holder
        return self.pieces[-1]


def _children(node: Node) -> list[Node]:
    """A node's children, last first, for the stack."""
    return list(reversed(getattr(node, "children", None) or ()))


def _holder(
    name: str, node: Element, holder: Node | None, container: BlockKind | None
) -> tuple[Node | None, BlockKind | None]:
    """The prose element that owns text under ``node``, and the innermost container."""
    if name in CONTAINERS:
        return node, CONTAINERS[name]
    if name in PROSE:
        return node, container
    return holder, container


def _kind(holder: Node, container: BlockKind | None) -> BlockKind:
    name = holder.name.lower() if isinstance(holder, Element) else ""
    if name in HEADINGS:
        return BlockKind.HEADLINE if name == "h1" else BlockKind.HEADING
    return container or PROSE.get(name, BlockKind.PARAGRAPH)


def _alt_text(text: str, node: Element, piece: _Piece) -> None:
    """An image's alt text as prose of the block it sits in (the ``alt-text`` option)."""
    start = node.origin_offset
    tag = MARKUP.match(text, start) if start is not None else None
    value = ALT_VALUE.search(tag.group()) if tag is not None else None
    if tag is None or value is None:
        return
    group = 2 if value.group(2) is not None else 3
    begin, end = tag.start() + value.start(group), tag.start() + value.end(group)
    piece.spans.append((begin, end))
    for match in CHARACTER_REFERENCE.finditer(text, begin, end):
        decoded = html.unescape(match.group())
        if decoded != match.group():
            piece.references.append(Reference(match.start(), match.end(), decoded))


def _line_up(text: str, node: Text, piece: _Piece) -> None:
    """Match a text node's characters to the file from where it starts, recording the
    file spans it covers and the references it decoded. It stops where the two part
    ways (text the parser moved, such as a table's stray text): what was matched stays."""
    data = node.data or ""
    at = node.origin_offset
    if at is None or not data:
        return
    i, run = 0, at
    while i < len(data) and at < len(text):
        char = text[at]
        found = _reference(text, at, data, i) if char == "&" else None
        if found is not None:
            end, value = found
            piece.references.append(Reference(at, end, value))
            at, i = end, i + len(value)
        elif char == data[i] or (char == "\r" and data[i] == "\n"):
            at += 2 if data[i] == "\n" and text.startswith("\r\n", at) else 1
            i += 1
        elif char == "\x00":
            at, i = at + 1, i + (data[i] == "\ufffd")
        elif char == "<" and (markup := MARKUP.match(text, at)) is not None:
            piece.spans.append((run, at))
            at = run = markup.end()
        else:
            break
    piece.spans.append((run, at))


def _reference(text: str, at: int, data: str, i: int) -> tuple[int, str] | None:
    """(file end, decoded text) of the character reference at ``at``, if the node's text
    goes on with what it stands for. A legacy name without its semicolon (``&notit;``)
    decodes a prefix and keeps the rest as text: the reference is that prefix."""
    match = CHARACTER_REFERENCE.match(text, at)
    if match is None:
        return None
    written = match.group()
    decoded = html.unescape(written)
    for end in range(2, len(written) + 1):
        head = html.unescape(written[:end])
        if head != written[:end] and head + written[end:] == decoded:
            return (at + end, head) if data.startswith(head, i) else None
    return None


def _block(source: Source, piece: _Piece) -> Block | None:
    """The block over the piece's spans: the file's text, all else blanked, trimmed."""
    spans = sorted(s for s in piece.spans if s[0] < s[1])
    if not spans:
        return None
    start, end = spans[0][0], spans[-1][1]
    gaps = [(a - start, b - start) for a, b in _gaps(spans)]
    text = blank(prose_slice(source, start, end), gaps)
    prose = text.strip()
    if not prose:
        return None
    first = start + len(text) - len(text.lstrip())
    return Block(piece.kind, first, first + len(prose), prose)


def _gaps(spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """What lies between sorted spans."""
    done = spans[0][1]
    for start, end in spans[1:]:
        if start > done:
            yield done, start
        done = max(done, end)


def _in_order(blocks: list[Block]) -> list[Block]:
    """Blocks in file order, none overlapping: the parser moves some misplaced content
    (text inside a table but outside its cells goes before the table)."""
    ordered: list[Block] = []
    for block in sorted(blocks, key=lambda b: b.start):
        if not ordered or ordered[-1].end <= block.start:
            ordered.append(block)
    return ordered


def _headline_first(blocks: list[Block]) -> list[Block]:
    """Only the first ``h1`` is the headline; a later one is a heading."""
    seen = False
    found = []
    for block in blocks:
        if block.kind is BlockKind.HEADLINE:
            if seen:
                block = Block(BlockKind.HEADING, block.start, block.end, block.text)
            seen = True
        found.append(block)
    return found
