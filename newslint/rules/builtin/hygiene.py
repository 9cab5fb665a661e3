"""Copy hygiene and typography: scrape residue (NL901), repeated words (NL902) and
mixed quote and dash styles (NL504)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from newslint.analysis.document import Analysis
from newslint.analysis.quotes import QUOTE_CHARS, Mark
from newslint.documents.model import Block
from newslint.rules.base import Edit, Finding, Fix, Option, Rule, Severity
from newslint.rules.builtin.lexicons import lexicon, words

LINE = re.compile(r"[^\r\n]+")
SENTENCE_END = (".", "!", "?")


@dataclass(frozen=True)
class Residue:
    """The scrape-residue lexicon, compiled."""

    lines: frozenset[str]
    prefixes: tuple[str, ...]
    short_prefixes: tuple[str, ...]
    short_words: int
    patterns: tuple[re.Pattern[str], ...]
    sections: frozenset[str]
    trailing: str

    def normal(self, line: str) -> str:
        return " ".join(line.split()).rstrip(self.trailing).casefold()

    def matches(self, line: str) -> bool:
        text = self.normal(line)
        return (
            text in self.lines
            or any(_starts(text, prefix) for prefix in self.prefixes)
            or any(pattern.fullmatch(text) for pattern in self.patterns)
            or self._story_link(line, text)
        )

    def _story_link(self, line: str, text: str) -> bool:
        """A short prefix and a few more words that are not a sentence: "More on Climate"."""
        if line.endswith(SENTENCE_END):
            return False
        prefix = next((p for p in self.short_prefixes if _starts(text, p)), None)
        return prefix is not None and 0 < len(text[len(prefix) :].split()) <= self.short_words


def _starts(text: str, prefix: str) -> bool:
    """``text`` starts with ``prefix`` as whole words ("follow us on" is not "follow us online")."""
    if not text.startswith(prefix):
        return False
    following = text[len(prefix) : len(prefix) + 1]
    return not (following.isalnum() and prefix[-1].isalnum())


@cache
def residue() -> Residue:
    table = lexicon("hygiene")["scrape-residue"]
    return Residue(
        lines=frozenset(table["lines"]),
        prefixes=tuple(table["prefixes"]),
        short_prefixes=tuple(table["short-prefixes"]),
        short_words=table["short-prefix-words"],
        patterns=tuple(re.compile(p, re.IGNORECASE) for p in table["patterns"]),
        sections=frozenset(table["sections"]),
        trailing=table["ignore-trailing"],
    )


def block_lines(analysis: Analysis, block: Block) -> Iterator[tuple[int, int]]:
    """Source spans of a block's lines, without the blanks and markup at either edge."""
    for match in LINE.finditer(analysis.text, block.start, block.end):
        piece = block.text[match.start() - block.start : match.end() - block.start]
        stripped = piece.strip()
        if stripped:
            start = match.start() + len(piece) - len(piece.lstrip())
            yield start, start + len(stripped)


class ScrapeResidue(Rule):
    """Flags web-page chrome pasted into the copy with the story.

    Copy taken from a web page brings the page with it: video-player notices
    ("This video can not be played"), lone durations ("4:07"), captions and
    credits ("Image source, Getty Images"), links to other stories ("More on
    Climate"), "Advertisement", "Read more", "Share this article", copyright
    lines. A line is flagged only when the whole line is residue, or starts
    with a residue prefix ("Watch:", "Image caption,"); a paragraph that
    merely mentions "click here" is not. A section label ("World",
    "Business") alone on the first line is reported as info. Quotes are no
    exception: this is layout, not voice. The lines, prefixes and patterns
    are in ``rules/lexicon/hygiene.toml``.

    Anti-pattern:
        Business

        Ferry operator raises fares
        Image source, Getty Images
        The company said fares would rise by a tenth in March.
        Advertisement
        More on Transport

    Best practice:
        Ferry operator raises fares

        The company said fares would rise by a tenth in March.
    """

    code = "NL901"
    name = "scrape-residue"
    summary = "Web-page chrome pasted into the copy"

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        known = residue()
        for index, block in enumerate(analysis.document.blocks):
            for number, (start, end) in enumerate(block_lines(analysis, block)):
                line = analysis.text[start:end]
                prose = block.text[start - block.start : end - block.start]
                if index == number == 0 and known.normal(prose) in known.sections:
                    message = f"Section label '{line}' left over from the web page"
                    yield self.finding(analysis, start, end, message, Severity.INFO)
                elif known.matches(prose):
                    message = f"Web-page residue '{line}'; remove it from the copy"
                    yield self.finding(analysis, start, end, message)


WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)*"
REPEAT = re.compile(rf"(?<![\w'’-])({WORD})(?=(\s+)(\1)(?![\w'’-]))", re.IGNORECASE)
SPACES_AFTER = re.compile(r"[ \t]*")


class RepeatedWord(Rule):
    """Flags a word typed twice: "the the".

    The two words may be separated by any whitespace, including a line break,
    and may differ in case ("The the"). Repeats inside quotes are flagged too:
    they are typos in our copy, not the speaker's words. Doubles that can be
    grammatical ("had had", "that that") are listed as exceptions in
    ``rules/lexicon/hygiene.toml``, and a capitalised pair ("Bora Bora",
    "Walla Walla") is taken for a name.

    The safe fix (``newslint --fix``) drops the second word and the whitespace
    before it; across a line break it drops the word and the spaces after it,
    so the line structure stays as it was.

    Anti-pattern:
        The council said the the road would reopen on Monday.

    Best practice:
        The council said the road would reopen on Monday.
    """

    code = "NL902"
    name = "repeated-word"
    summary = "Word repeated by mistake"

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        exceptions = words("hygiene", "repeated-word", "exceptions")
        for block in analysis.document.blocks:
            matches = list(REPEAT.finditer(block.text))
            firsts = {match.start(1) for match in matches}
            for match in matches:
                first, second = match.group(1), match.group(3)
                if first.casefold() in exceptions or _name_pair(first, second):
                    continue
                gap = block.start + match.start(2)
                start, end = block.start + match.start(3), block.start + match.end(3)
                message = f"Repeated word '{analysis.text[start:end]}'"
                # in a chain ("the the the") each fix takes the space before: none overlap
                chained = match.start(3) in firsts
                fix = _drop_word(analysis.text, gap, start, end, keep_lines=not chained)
                yield self.finding(analysis, start, end, message, fix=fix)


def _has_line_end(text: str) -> bool:
    return "\n" in text or "\r" in text


def _name_pair(first: str, second: str) -> bool:
    return len(first) > 1 and first.istitle() and second.istitle()


def _drop_word(text: str, gap: int, start: int, end: int, keep_lines: bool) -> Fix | None:
    """Delete the repeat at ``[start, end)``; None if markup, not just space, separates it."""
    between = text[gap:start]
    if not between.isspace():
        return None
    after = SPACES_AFTER.match(text, end).end()
    if (
        keep_lines
        and _has_line_end(between)
        and after > end
        and text[after : after + 1] not in "\r\n"
    ):
        return Fix((Edit(start, after, ""),))
    return Fix((Edit(gap, end, ""),))


QUOTE_STYLES = ("auto", "curly", "straight")
DASH_STYLES = ("auto", "en", "em", "hyphen")
STRAIGHT = {Mark.DOUBLE: '"', Mark.SINGLE: "'"}
CURLY = {Mark.DOUBLE: ("“", "”"), Mark.SINGLE: ("‘", "’")}
DASHES = {"hyphen": "-", "en": "–", "em": "—"}
DASH_NAMES = {"-": "Spaced hyphen", "--": "Double hyphen", "–": "En dash", "—": "Em dash"}
HOUSE = {
    "curly": "curly quotes",
    "straight": "straight quotes",
    "hyphen": "spaced hyphens",
    "en": "en dashes",
    "em": "em dashes",
}
SPACED_DASH = re.compile(r"(?<=\S)(\s+)(--?|–|—)\s+(?=\S)")
BARE_DASH = re.compile(r"(?<=[^\s-])(—|--)(?=[^\s-])")
DIGIT_BEFORE = re.compile(r"\d\S*$")
DIGIT_AFTER = re.compile(r"\S*\d")


@dataclass(frozen=True)
class Glyph:
    """A quote mark or dash: where it is, its text, its style and its fix to house style."""

    start: int
    end: int
    style: str
    name: str
    replacement: dict[str, str]


class Typography(Rule):
    """Flags a document that mixes quote styles or dash styles.

    Straight quotes (' ") next to curly ones (‘ ’ “ ”), or spaced hyphens
    ( - ) used as dashes next to en dashes ( – ) or em dashes (—), look
    careless in print. Each mark that is not in the house style is reported
    once. With the default ``auto``, the style the document uses most is the
    house style (on a tie, the one used first). Apostrophes count as quote
    marks. Unspaced hyphens and en dashes (ranges such as 2019–20, compounds)
    are not dashes, nor is a dash between two numbers ("won 3 - 2"), nor a
    hyphen that starts a line (a list). A straight quote right after a digit
    is taken for a prime (5'10") and left alone. Quotes are no exception:
    this is typography, not voice.

    Options: ``quotes`` is "auto", "curly" or "straight"; ``dashes`` is
    "auto", "en", "em" or "hyphen" (a spaced hyphen).

    The safe fix (``newslint --fix``) converts each mark to the house style:
    a straight quote becomes an opening or closing curly quote by its role in
    the quotation, and an apostrophe becomes ’; a dash becomes the house dash
    (spacing is kept, except that an unspaced em dash gets spaces when it
    becomes an en dash or a hyphen).

    Anti-pattern:
        The court’s ruling – the second this year – was “unjust”, the lawyer
        said - and she added: "We will appeal."

    Best practice:
        The court’s ruling – the second this year – was “unjust”, the lawyer
        said – and she added: “We will appeal.”
    """

    code = "NL504"
    name = "typography-consistency"
    summary = "Mixed quote or dash styles"
    severity = Severity.INFO
    options = (
        Option(
            "quotes",
            "auto",
            'House quote style: "curly", "straight", or "auto" for the most used',
            lambda v: v in QUOTE_STYLES,
            '"auto", "curly" or "straight"',
        ),
        Option(
            "dashes",
            "auto",
            'House dash: "en", "em", "hyphen" (spaced), or "auto" for the most used',
            lambda v: v in DASH_STYLES,
            '"auto", "en", "em" or "hyphen"',
        ),
    )

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        yield from self._mixed(analysis, list(_quotes(analysis)), "quotes")
        yield from self._mixed(analysis, sorted(_dashes(analysis), key=lambda g: g.start), "dashes")

    def _mixed(self, analysis: Analysis, glyphs: list[Glyph], option: str) -> Iterator[Finding]:
        choice = self.settings[option]
        counts = Counter(g.style for g in glyphs)
        if not counts:
            return
        house = choice if choice != "auto" else counts.most_common(1)[0][0]
        label = HOUSE[house]
        where = (
            f"in a document that uses {label}"
            if choice == "auto"
            else f"where house style is {label}"
        )
        for glyph in glyphs:
            if glyph.style == house:
                continue
            mark = analysis.text[glyph.start : glyph.end]
            new = glyph.replacement[house]
            fix = Fix((Edit(glyph.start, glyph.end, new),))
            message = f"{glyph.name} {mark} {where}"
            yield self.finding(analysis, glyph.start, glyph.end, message, suggestion=new, fix=fix)


def _quotes(analysis: Analysis) -> Iterator[Glyph]:
    opens, closes, straight_closes = _quote_roles(analysis)
    for block in analysis.document.blocks:
        for i, ch in enumerate(block.text):
            if ch not in QUOTE_CHARS:
                continue
            offset, mark = block.start + i, QUOTE_CHARS[ch]
            straight = ch == STRAIGHT[mark]
            if straight and block.text[i - 1 : i].isdigit() and offset not in straight_closes:
                continue  # a prime, as in 5'10"
            quote = mark is Mark.DOUBLE or offset in opens or offset in closes
            name = f"{'Straight' if straight else 'Curly'} {'quote' if quote else 'apostrophe'}"
            curly = CURLY[mark][0 if offset in opens else 1]
            replacement = {"curly": curly, "straight": STRAIGHT[mark]}
            yield Glyph(offset, offset + 1, "straight" if straight else "curly", name, replacement)


def _quote_roles(analysis: Analysis) -> tuple[set[int], set[int], set[int]]:
    """Offsets of opening marks, of closing marks, and of closing marks that repeat the
    opening character; any other single mark is an apostrophe."""
    scan, text = analysis.quotes, analysis.text
    opens = {q.open for q in scan.quotes} | {r for q in scan.quotes for r in q.reopens}
    closed = [q for q in scan.quotes if q.close is not None]
    closes = {q.close for q in closed} | set(scan.stray_closers)
    same = {q.close for q in closed if text[q.close] == text[q.open]}
    return opens, closes, same


def _dashes(analysis: Analysis) -> Iterator[Glyph]:
    text = analysis.text
    for block in analysis.document.blocks:
        for match in SPACED_DASH.finditer(block.text):
            gap = text[block.start + match.start(1) : block.start + match.end(1)]
            if _has_line_end(gap) or _between_numbers(block.text, match.start(), match.end()):
                continue  # a list bullet, or a score or range
            yield _dash(block.start + match.start(2), match.group(2), spaced=True)
        for match in BARE_DASH.finditer(block.text):
            yield _dash(block.start + match.start(1), match.group(1), spaced=False)


def _between_numbers(text: str, start: int, end: int) -> bool:
    before = DIGIT_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and DIGIT_AFTER.match(text, end) is not None


def _dash(start: int, mark: str, spaced: bool) -> Glyph:
    style = {"–": "en", "—": "em"}.get(mark, "hyphen")
    padding = "" if spaced else " "
    replacement = {
        house: dash if house == "em" else f"{padding}{dash}{padding}"
        for house, dash in DASHES.items()
    }
    return Glyph(start, start + len(mark), style, DASH_NAMES[mark], replacement)


RULES: list[type[Rule]] = [ScrapeResidue, RepeatedWord, Typography]
