"""Markdown: prose blocks from CommonMark and GitHub-flavoured Markdown (tables, footnotes,
strikethrough, task lists), with exact offsets into the source.

markdown-it-py finds the blocks. Its inline rules are wrapped so that every piece of
markup they consume (code spans, HTML, link brackets and destinations, emphasis
delimiters, escaping backslashes) is recorded as a span of the inline content, which
is then mapped back to source offsets and blanked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.parser_inline import RuleFuncInlineType
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import (
    StateInline,
    autolink,
    backtick,
    emphasis,
    escape,
    html_inline,
    image,
    link,
    strikethrough,
)
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.footnote.index import footnote_ref

from newslint.documents.decoded import decoded_document, markdown_references
from newslint.documents.front_matter import FrontMatter, find_front_matter
from newslint.documents.model import Block, BlockKind, Document, Suppression, blank, prose_slice
from newslint.documents.source import Source

NOT_LINE_END = re.compile(r"[^\r\n]")
DIRECTIVE = re.compile(
    r"<!--\s*newslint-(disable-next-line|disable|enable)(?=[\s,]|-->)(.*?)-->", re.DOTALL
)
CODE_SEPARATOR = re.compile(r"[\s,]+")
ALL_CODES = ""  # key for a disable comment that names no codes
MARKS = "newslint.marks"  # env key where the wrapped inline rules record markup
TOO_DEEP = "newslint.too_deep"  # env key where _too_deep records the lines it skips
# Levels of block nesting read: a quote is one level, a list item two. Each costs
# markdown-it three stack frames, well inside Python's recursion limit.
MAX_NESTING = 100
CONTAINERS = {"blockquote_open": BlockKind.BLOCK_QUOTE, "list_item_open": BlockKind.LIST_ITEM}
CONTAINER_CLOSERS = ("blockquote_close", "list_item_close")
CELLS = ("th_open", "td_open")
# A GFM task list item starts with a box: "[ ] " or "[x] ".
TASK_BOX = re.compile(r"\[[ xX]\](?=[ \t]|$)")


@dataclass(frozen=True)
class _Mark:
    """A span ``[start, end)`` of inline content that is markup, not prose."""

    start: int
    end: int
    rule: str
    delimiter: Token | None = None

    @property
    def active(self) -> bool:
        """An emphasis character is markup only if it ended up as a delimiter."""
        token = self.delimiter
        return token is None or token.type != "text" or not token.content


MarkFinder = Callable[[StateInline, int, list[Token]], list[_Mark]]


def _whole(rule: str) -> MarkFinder:
    return lambda state, start, _new: [_Mark(start, state.pos, rule)]


def _code_marks(state: StateInline, start: int, new: list[Token]) -> list[_Mark]:
    """An unclosed backtick run is literal text, so only a real code span is marked."""
    found = any(token.type == "code_inline" for token in new)
    return [_Mark(start, state.pos, "backticks")] if found else []


def _escape_marks(state: StateInline, start: int, new: list[Token]) -> list[_Mark]:
    """The backslash of an escape or a hard break; before other characters it is literal."""
    token = new[-1]
    real = token.type == "hardbreak" or token.content != token.markup
    return [_Mark(start, start + 1, "escape")] if real else []


def _link_marks(state: StateInline, start: int, _new: list[Token]) -> list[_Mark]:
    """The ``[`` and everything from ``]`` on: destination, title or reference label."""
    label_end = state.md.helpers.parseLinkLabel(state, start, True)
    return [_Mark(start, start + 1, "link"), _Mark(label_end, state.pos, "link")]


def _emphasis_marks(state: StateInline, start: int, new: list[Token]) -> list[_Mark]:
    """One text token per ``*`` or ``_``; post-processing later decides which are delimiters."""
    run = new[len(new) - (state.pos - start) :]
    return [_Mark(start + i, start + i + 1, "emphasis", token) for i, token in enumerate(run)]


def _strikethrough_marks(state: StateInline, start: int, new: list[Token]) -> list[_Mark]:
    """One text token per one or two ``~``, after any pending text the push flushed; like
    emphasis, only real delimiters are markup."""
    marks, at = [], state.pos
    for token in reversed(new):
        if at <= start:
            break
        marks.append(_Mark(at - len(token.content), at, "strikethrough", token))
        at -= len(token.content)
    return marks


def _recording(name: str, rule: RuleFuncInlineType, find: MarkFinder) -> RuleFuncInlineType:
    def recorded(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        marks: list[_Mark] = state.env[MARKS]
        depth = len(marks)
        if not rule(state, silent):
            return False
        if not silent:
            if name == "image":  # alt text is parsed as a separate string; it is all masked
                del marks[depth:]
            marks.extend(find(state, start, state.tokens[count:]))
        return True

    return recorded


def _too_deep(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Past MAX_NESTING levels, record the 1-based line in ``env`` and skip the rest of
    the container, which markdown-it would skip in silence."""
    if state.level < MAX_NESTING:
        return False
    if not silent:
        state.env.setdefault(TOO_DEEP, []).append(start + 1)
    state.line = end
    return True


def _markdown() -> MarkdownIt:
    # Inline content is parsed per block by _parse_inline; fragments_join would merge the
    # emphasis tokens whose final type _Mark.active inspects. The commonmark preset stops
    # at 20 levels (9 nested lists); markdown-it's own guard is set past _too_deep's.
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING + 1})
    md.enable(["table", "strikethrough"])
    footnote_plugin(md, inline=False, move_to_end=False)
    md.disable(["inline", "fragments_join"])
    md.block.ruler.before("table", "too_deep", _too_deep)
    rules: dict[str, tuple[RuleFuncInlineType, MarkFinder]] = {
        "escape": (escape, _escape_marks),
        "backticks": (backtick, _code_marks),
        "emphasis": (emphasis.tokenize, _emphasis_marks),
        "link": (link, _link_marks),
        "image": (image, _whole("image")),
        "autolink": (autolink, _whole("autolink")),
        "html_inline": (html_inline, _whole("html_inline")),
        "strikethrough": (strikethrough.tokenize, _strikethrough_marks),
        "footnote_ref": (footnote_ref, _whole("footnote_ref")),
    }
    for name, (rule, find) in rules.items():
        md.inline.ruler.at(name, _recording(name, rule, find))
    return md


MD = _markdown()


@dataclass(frozen=True)
class _Inline:
    """A paragraph's or heading's inline content, with its markup and source positions.

    Content line ``k`` starts at content index ``content_starts[k]``, which corresponds
    to source offset ``source_starts[k]`` (exact from the first non-blank character on;
    leading indentation may have had tabs expanded). ``heads[k]`` is where the source
    line starts, container markers included.
    """

    content: str
    marks: tuple[_Mark, ...]
    content_starts: tuple[int, ...]
    source_starts: tuple[int, ...]
    heads: tuple[int, ...]

    def offset(self, index: int) -> int:
        line = bisect_right(self.content_starts, index) - 1
        return self.source_starts[line] + index - self.content_starts[line]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the content span ``[start, end)``, which is not empty."""
        return self.offset(start), self.offset(end - 1) + 1

    def prose_starts(self) -> Iterator[int]:
        """Source offset of the first non-blank character of each line."""
        for line, text in enumerate(self.content.split("\n")):
            indent = len(text) - len(text.lstrip())
            yield self.offset(self.content_starts[line] + indent)


def _content_end(line: str, content: str, last: bool) -> int | None:
    """Where one line of inline content ends in its source line, or None if it is not there.

    Content runs to the end of its line, except on the block's last line, which markdown-it
    trimmed of whitespace; a trimmed character is never the content's last character, so
    the first fit from the right is the true one. Indentation that starts the content may
    have had tabs expanded, so it is not compared.
    """
    text = content.lstrip(" \t")
    ends = range(len(line), len(line.rstrip()) - 1, -1) if last else (len(line),)
    return next((end for end in ends if line[:end].endswith(text)), None)


def _first_line(source: Source, inline: Token) -> int:
    """1-based source line of the content's first line.

    Trimming the content can drop leading lines that hold only Unicode spaces (U+00A0).
    """
    first, end = inline.map or (0, 0)
    lines = inline.content.split("\n")
    single = len(lines) == 1
    candidates = range(first + 1, end - len(lines) + 2)
    fits = (
        n for n in candidates if _content_end(source.line_text(n), lines[0], single) is not None
    )
    return next(fits, first + 1)


def _line_positions(source: Source, opener: Token, inline: Token) -> Iterator[tuple[int, int, int]]:
    """Per content line: its content index, its source line start, its source offset."""
    lines = inline.content.split("\n")
    index = 0
    for number, content_line in enumerate(lines, _first_line(source, inline)):
        text = source.line_text(number)
        head = source.line_starts[number - 1]
        if opener.markup.startswith("#"):  # ATX: content sits after the opening hashes
            offset = text.index(content_line, text.index("#") + len(opener.markup))
        else:
            last = index + len(content_line) == len(inline.content)
            offset = (_content_end(text, content_line, last) or len(text)) - len(content_line)
        yield index, head, head + offset
        index += len(content_line) + 1


def _inline_marks(env: dict[str, Any], content: str) -> tuple[_Mark, ...]:
    marks: list[_Mark] = []
    env[MARKS] = marks
    MD.inline.parse(content, MD, env, [])
    return tuple(mark for mark in marks if mark.active)


def _parse_inline(source: Source, env: dict[str, Any], opener: Token, inline: Token) -> _Inline:
    marks = _inline_marks(env, inline.content)
    content_starts, heads, source_starts = zip(
        *_line_positions(source, opener, inline), strict=True
    )
    return _Inline(inline.content, marks, content_starts, source_starts, heads)


def _parse_cell(
    source: Source, env: dict[str, Any], inline: Token, cursor: int
) -> tuple[_Inline | None, int]:
    """A table cell's content, looked for in its row's line from ``cursor`` on (cells
    come in order), and where the next cell's search starts; None for an empty cell."""
    line = (inline.map or (0, 0))[0] + 1
    text = source.line_text(line)
    at = text.find(inline.content, cursor) if inline.content else -1
    if at < 0:
        return None, cursor
    head = source.line_starts[line - 1]
    marks = _inline_marks(env, inline.content)
    return _Inline(inline.content, marks, (0,), (head + at,), (head,)), at + len(inline.content)


def _without_task_box(parsed: _Inline) -> _Inline:
    """A task list item's ``[ ]`` or ``[x]`` box is markup."""
    box = TASK_BOX.match(parsed.content)
    if box is None:
        return parsed
    return replace(parsed, marks=(*parsed.marks, _Mark(0, box.end(), "task")))


def _prose_block(source: Source, parsed: _Inline, kind: BlockKind) -> Block | None:
    """The block's prose, trimmed to its first and last prose characters."""
    if not parsed.content:
        return None
    starts = list(parsed.prose_starts())
    start, end = starts[0], parsed.offset(len(parsed.content) - 1) + 1
    indents = zip(parsed.heads[1:], starts[1:], strict=True)
    marks = (parsed.span(mark.start, mark.end) for mark in parsed.marks)
    text = blank(
        prose_slice(source, start, end), ((a - start, b - start) for a, b in (*indents, *marks))
    )
    prose = text.strip()
    if not prose:
        return None
    first = start + len(text) - len(text.lstrip())
    return Block(kind, first, first + len(prose), prose)


@dataclass(frozen=True)
class _Directive:
    """A ``newslint-...`` comment: its verb, codes as written, and 1-based first and last
    lines. ``codes`` are upper case, as a lower-case code is read."""

    verb: str
    written: tuple[str, ...]
    first: int
    last: int

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(code.upper() for code in self.written)


def _directive(source: Source, match: re.Match[str], start: int, last: int) -> _Directive:
    """The directive a comment match spells; ``start`` and ``last`` are its source offsets."""
    written = tuple(code for code in CODE_SEPARATOR.split(match.group(2)) if code)
    return _Directive(match.group(1), written, source.position(start)[0], source.position(last)[0])


def _inline_directives(source: Source, parsed: _Inline) -> Iterator[_Directive]:
    for mark in parsed.marks:
        if mark.rule == "html_inline":
            for match in DIRECTIVE.finditer(parsed.content, mark.start, mark.end):
                start, end = parsed.span(match.start(), match.end())
                yield _directive(source, match, start, end - 1)


def _block_directives(source: Source, token: Token) -> Iterator[_Directive]:
    first, last = token.map or (0, 0)
    start = source.line_starts[first]
    end = source.line_starts[last] if last < len(source.line_starts) else len(source.text)
    for match in DIRECTIVE.finditer(source.text, start, end):
        yield _directive(source, match, match.start(), match.end() - 1)


def _next_nonblank_line(source: Source, line: int) -> int | None:
    for number in range(line + 1, len(source.line_starts) + 1):
        if source.line_text(number).strip():
            return number
    return None


def _suppression(code: str, first: int, last: int) -> Suppression:
    return Suppression(first, last, frozenset({code} - {ALL_CODES}))


def _suppressions(source: Source, directives: Iterable[_Directive]) -> tuple[Suppression, ...]:
    """Pair disable with enable comments per code; unclosed ranges run to the end."""
    found: list[Suppression] = []
    opened: dict[str, int] = {}
    for directive in sorted(directives, key=lambda d: d.first):
        if directive.verb == "disable-next-line":
            line = _next_nonblank_line(source, directive.last)
            if line is not None:
                found.append(Suppression(line, line, directive.codes))
        elif directive.verb == "disable":
            for code in directive.codes or {ALL_CODES}:
                opened.setdefault(code, directive.first)
        else:  # enable: the named codes, or every open range when none are named
            for code in directive.codes or set(opened):
                if code in opened:
                    found.append(_suppression(code, opened.pop(code), directive.first))
    last = len(source.line_starts)
    found.extend(_suppression(code, first, last) for code, first in opened.items())
    return tuple(found)


def comment_suppressions(
    source: Source, comments: Iterable[tuple[int, int]]
) -> tuple[tuple[Suppression, ...], tuple[tuple[int, str], ...]]:
    """The suppressions that ``newslint-...`` comments at source spans ``[start, end)``
    make (an HTML file's comments), and the (line, code) of each code they name."""
    directives = [
        _directive(source, match, match.start(), match.end() - 1)
        for start, end in comments
        for match in DIRECTIVE.finditer(source.text, start, end)
    ]
    codes = tuple((d.first, code) for d in directives for code in d.written)
    return _suppressions(source, directives), codes


def _without_front_matter(source: Source, front_matter: FrontMatter | None) -> str:
    """The text with the front matter blanked, keeping every line end."""
    if front_matter is None:
        return source.text
    end = front_matter.end
    return NOT_LINE_END.sub(" ", source.text[:end]) + source.text[end:]


def _kind(opener: Token, containers: list[BlockKind], first: bool) -> BlockKind:
    if opener.type == "heading_open":
        return BlockKind.HEADLINE if first and opener.tag == "h1" else BlockKind.HEADING
    return containers[-1] if containers else BlockKind.PARAGRAPH


def parse_markdown(source: Source) -> Document:
    """Prose blocks, suppression comments and front matter fields of a CommonMark document."""
    env: dict[str, Any] = {}
    front_matter = find_front_matter(source)
    tokens = MD.parse(_without_front_matter(source, front_matter), env)
    blocks: list[Block] = []
    directives: list[_Directive] = []
    containers: list[BlockKind] = []
    cursor = 0
    for index, token in enumerate(tokens):
        if token.type in CONTAINERS:
            containers.append(CONTAINERS[token.type])
        elif token.type in CONTAINER_CLOSERS:
            containers.pop()
        elif token.type == "html_block":
            directives.extend(_block_directives(source, token))
        elif token.type == "tr_open":
            cursor = 0
        elif token.type in CELLS:
            cell, cursor = _parse_cell(source, env, tokens[index + 1], cursor)
            block = cell and _prose_block(source, cell, BlockKind.TABLE_CELL)
            if block is not None:
                blocks.append(block)
        elif token.type in ("paragraph_open", "heading_open"):
            parsed = _parse_inline(source, env, token, tokens[index + 1])
            if index and tokens[index - 1].type == "list_item_open":
                parsed = _without_task_box(parsed)
            directives.extend(_inline_directives(source, parsed))
            block = _prose_block(source, parsed, _kind(token, containers, not blocks))
            if block is not None:
                blocks.append(block)
    fields = front_matter.fields if front_matter else {}
    codes = tuple((d.first, code) for d in directives for code in d.written)
    notices = tuple(_too_deep_notice(source, line) for line in env.get(TOO_DEEP, ()))
    document = Document(
        source, tuple(blocks), _suppressions(source, directives), fields, codes, notices
    )
    return decoded_document(document, markdown_references(document))


def _too_deep_notice(source: Source, line: int) -> str:
    return (
        f"{source.path}:{line}: Markdown nested too deep (over {MAX_NESTING} quotes or "
        f"{MAX_NESTING // 2} lists); the rest of this block is not linted"
    )
