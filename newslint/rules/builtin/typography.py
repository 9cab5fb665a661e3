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
DASH_NAMES = {"-": "spaced hyphen", "--": "double hyphen", "–": "en dash", "—": "em dash"}
KINDS = ("quote", "apostrophe", "dash")
PLURALS = {"en dash": "en dashes", "em dash": "em dashes"}
HOUSE = {
    "curly": "curly quotes",
    "straight": "straight quotes",
    "hyphen": "spaced hyphens",
    "en": "en dashes",
    "em": "em dashes",
}
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
SPACED_DASH = re.compile(r"(?<=\S)(\s+)(--?|–|—)\s+(?=\S)")
BARE_DASH = re.compile(r"(?<=[^\s-])(—|--)(?=[^\s-])")
# A number, or a day and a month's name, either way round: "Dec. 3 – Dec. 7" and
# "4 March - 9 March" are ranges of dates.
DIGIT_BEFORE = re.compile(r"\d\S*$|\d\s[A-Z][a-z]{2,8}\.?$")
DIGIT_AFTER = re.compile(r"\S*\d|[A-Z][a-z]{2,8}\.?\s\d")


@dataclass(frozen=True)
class Glyph:
    """A quote mark or dash: where it is, its text, its style, its kind ("quote",
    "apostrophe" or "dash"), its name and its fix to each house style."""

    start: int
    end: int
    style: str
    kind: str
    name: str
    replacement: dict[str, str]


class Typography(Rule):
    """Flags a document that mixes quote styles or dash styles.

    Straight quotes (' ") next to curly ones (‘ ’ “ ”), or spaced hyphens
    ( - ) used as dashes next to en dashes ( – ) or em dashes (—), look
    careless in print. One finding per kind of mark (quotes, apostrophes,
    dashes) sits on the first mark that is not in the house style and gives
    their count. With the default ``auto``, the style the document uses most
    is the house style (on a tie, the one used first); apostrophes and quotes
    decide it together. Unspaced hyphens and en dashes (ranges such as
    2019–20, compounds) are not dashes, nor is a dash between two numbers
    ("won 3 - 2") or two dates ("Dec. 3 – Dec. 7"), nor a hyphen that starts a
    line (a list). A straight quote right after a digit is taken for a prime
    (5'10") and left alone, as are
    quotes inside markup tags (<a href="…">). Quotes are no exception: this is
    typography, not voice.

    Options: ``quotes`` is "auto", "curly" or "straight"; ``dashes`` is
    "auto", "en", "em" or "hyphen" (a spaced hyphen).

    The safe fix (``newslint --fix``) converts every mark of the kind to the
    house style: a straight quote becomes an opening or closing curly quote by
    its role in the quotation, and an apostrophe becomes ’; a dash becomes the
    house dash (spacing is kept, except that an unspaced em dash gets spaces
    when it becomes an en dash or a hyphen).

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
        """One finding per kind of mark, on the first one not in the house style."""
        choice = self.settings[option]
        counts = Counter(g.style for g in glyphs)
        if not counts:
            return
        ranked = counts.most_common(2)  # on a tie, the style used first comes first
        house = choice if choice != "auto" else ranked[0][0]
        where = f"where house style is {HOUSE[house]}"
        if choice == "auto" and len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            where = f"in a document that uses {HOUSE[house]} first (as many of each)"
        elif choice == "auto":
            where = f"in a document that mostly uses {HOUSE[house]}"
        off = [g for g in glyphs if g.style != house and not self._suppressed(analysis, g)]
        for kind in KINDS:
            marks = [g for g in off if g.kind == kind]
            if not marks:
                continue
            first = marks[0]
            mark = analysis.text[first.start : first.end]
            fix = Fix(tuple(Edit(g.start, g.end, g.replacement[house]) for g in marks))
            message = f"{first.name.capitalize()} {mark} {where}"
            if len(marks) > 1:
                message = f"{_counted(marks)} {where}; first here: {mark}"
            yield self.finding(
                analysis,
                first.start,
                first.end,
                message,
                suggestion=first.replacement[house],
                fix=fix,
            )

    def _suppressed(self, analysis: Analysis, glyph: Glyph) -> bool:
        line, _ = analysis.source.position(glyph.start)
        return analysis.document.suppressed(line, self.code)


def _counted(marks: list[Glyph]) -> str:
    """The marks counted by name: "3 straight quotes", "2 spaced hyphens and 1 em dash"."""
    counts = Counter(g.name for g in marks)
    parts = [
        f"{n} {name if n == 1 else PLURALS.get(name, name + 's')}" for name, n in counts.items()
    ]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _quotes(analysis: Analysis) -> Iterator[Glyph]:
    opens, closes, straight_closes = _quote_roles(analysis)
    for block in analysis.document.blocks:
        markup = _markup(block.text)
        for i, ch in enumerate(block.text):
            if ch not in QUOTE_CHARS or i in markup:
                continue
            offset, mark = block.start + i, QUOTE_CHARS[ch]
            straight = ch == STRAIGHT[mark]
            if straight and block.text[i - 1 : i].isdigit() and offset not in straight_closes:
                continue  # a prime, as in 5'10"
            kind = (
                "quote"
                if mark is Mark.DOUBLE or offset in opens or offset in closes
                else "apostrophe"
            )
            style = "straight" if straight else "curly"
            curly = CURLY[mark][0 if offset in opens else 1]
            replacement = {"curly": curly, "straight": STRAIGHT[mark]}
            yield Glyph(offset, offset + 1, style, kind, f"{style} {kind}", replacement)


def _markup(text: str) -> set[int]:
    """Indices inside markup tags left in plain text: <a href="…">, <tweet id="…">."""
    return {i for match in TAG.finditer(text) for i in range(*match.span())}


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
    return Glyph(start, start + len(mark), style, "dash", DASH_NAMES[mark], replacement)


RULES: list[type[Rule]] = [Typography]
