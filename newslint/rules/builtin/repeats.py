"""Repeated words (NL902): a word typed twice by mistake."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newslint.analysis.document import Analysis
from newslint.rules.base import Edit, Finding, Fix, Rule
from newslint.rules.builtin.lexicons import words

WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)*"
REPEAT = re.compile(rf"(?<![\w'’-])({WORD})(?=(\s+)(\1)(?![\w'’-]))", re.IGNORECASE)
SPACES_AFTER = re.compile(r"[ \t]*")
# A year, a day's number, a weekday or a month and day after a particle opens a time
# phrase ("came in in 1979", "counting on on Nov. 8"); a month's name alone does not
# tell a phrasal verb from a typo ("rise in in March").
NEXT_WORD = re.compile(r"\s+(?P<word>\d|[^\W\d_]+)(?P<day>\.?\s+\d{1,2}\b)?")
MONTH_ABBREVIATION = 3


class RepeatedWord(Rule):
    """Flags a word typed twice: "the the".

    The two words may be separated by any whitespace, including a line break,
    and may differ in case ("The the"). Repeats inside quotes are flagged too:
    they are typos in our copy, not the speaker's words. Doubles that can be
    grammatical ("had had", "that that") are listed as exceptions in
    ``rules/lexicon/hygiene.toml``, as are reduplications and spoken emphasis
    ("very very", "ha ha"); a capitalised pair ("Bora Bora", "Walla Walla"), a
    word before the same letters in capitals ("at AT&T") and a lower-case word before
    the same word capitalised ("to bush Bush") are taken for names. A particle before
    the same word opening a year or a date is a phrasal verb ("came in in 1979",
    "counting on on Nov. 8"), and a word repeated in capitals in copy that is not all
    capitals is spoken emphasis ("all about ME ME").

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
        particles = words("hygiene", "repeated-word", "particles")
        for block in analysis.document.blocks:
            matches = list(REPEAT.finditer(block.text))
            firsts = {match.start(1) for match in matches}
            for match in matches:
                first, second = match.group(1), match.group(3)
                if first.casefold() in exceptions or _name_pair(first, second):
                    continue
                if first.lower() in particles and _date_after(block.text, match.end(3)):
                    continue
                if _shouted(first, second, block.text):
                    continue
                gap = block.start + match.start(2)
                start, end = block.start + match.start(3), block.start + match.end(3)
                message = f"Repeated word '{analysis.text[start:end]}'"
                # in a chain ("the the the") each fix takes the space before: none overlap
                chained = match.start(3) in firsts
                fix = _drop_word(analysis.text, gap, start, end, keep_lines=not chained)
                yield self.finding(analysis, start, end, message, fix=fix)


def _date_after(text: str, position: int) -> bool:
    """Whether a year, a day's number, a weekday or a month and day follows ``position``."""
    match = NEXT_WORD.match(text, position)
    if match is None:
        return False
    word = match.group("word").lower()
    if word.isdigit() or word in words("dates", "relative-dates", "weekdays"):
        return True
    months = words("dates", "relative-dates", "months")
    month = len(word) >= MONTH_ABBREVIATION and any(m.startswith(word) for m in months)
    return month and match.group("day") is not None


def _shouted(first: str, second: str, text: str) -> bool:
    """A word repeated in capitals in copy that is not all capitals: spoken emphasis
    ("it's all about ME ME"), not a slip of the keys."""
    return len(first) > 1 and first.isupper() and second.isupper() and not text.isupper()


def has_line_end(text: str) -> bool:
    return "\n" in text or "\r" in text


def _name_pair(first: str, second: str) -> bool:
    """ "Bora Bora", a word before a name in capitals ("at AT&T"), or a word before the
    same word as a name ("to bush Bush")."""
    acronym = len(second) > 1 and second.isupper() and not first.isupper()
    named = first.islower() and second.istitle()
    return acronym or named or (len(first) > 1 and first.istitle() and second.istitle())


def _drop_word(text: str, gap: int, start: int, end: int, keep_lines: bool) -> Fix | None:
    """Delete the repeat at ``[start, end)``; None if markup, not just space, separates it."""
    between = text[gap:start]
    if not between.isspace():
        return None
    after = SPACES_AFTER.match(text, end).end()
    if (
        keep_lines
        and has_line_end(between)
        and after > end
        and text[after : after + 1] not in "\r\n"
    ):
        return Fix((Edit(start, after, ""),))
    return Fix((Edit(gap, end, ""),))


RULES: list[type[Rule]] = [RepeatedWord]
