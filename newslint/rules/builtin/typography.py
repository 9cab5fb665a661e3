"""Typography (NL504): mixed quote and dash styles."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newslint.analysis.document import Analysis
from newslint.analysis.quotes import QUOTE_CHARS, Mark
from newslint.rules.base import Edit, Finding, Fix, Option, Rule, Severity
from newslint.rules.builtin.repeats import has_line_end

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
        Option.choice(
            "quotes",
            "auto",
            'House quote style: "curly", "straight", or "auto" for the most used',
            QUOTE_STYLES,
        ),
        Option.choice(
            "dashes",
            "auto",
            'House dash: "en", "em", "hyphen" (spaced), or "auto" for the most used',
            DASH_STYLES,
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
            if has_line_end(gap) or _between_numbers(block.text, match.start(), match.end()):
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


RULES: list[type[Rule]] = [Typography]
