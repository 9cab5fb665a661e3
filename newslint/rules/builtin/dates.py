"""NL501 relative-date: words like "tomorrow" that go stale."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from newslint.analysis.document import Analysis
from newslint.documents.model import Block
from newslint.rules.base import Finding, Option, Rule
from newslint.rules.builtin.lexicons import words
from newslint.rules.kinds import phrase_pattern

STYLES = ("day-names", "absolute")
# "SALTBY, Tuesday (Reuters) -": a place in capitals, then anything short, then a dash.
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,}(?:,[^\n—–]{0,40})?\s+(?:-|—|–)\s")


@cache
def relative_pattern(style: str) -> re.Pattern[str]:
    phrases = set(words("dates", "relative-dates", "always"))
    if style == "absolute":
        phrases |= words("dates", "relative-dates", "absolute")
    counts = "|".join(
        sorted(
            (re.escape(c) for c in words("dates", "relative-dates", "counts")),
            key=len,
            reverse=True,
        )
    )
    ago = rf"(?:\d+|{counts})\s+(?:days?|weeks?)\s+ago"
    return re.compile(f"{phrase_pattern(phrases, True).pattern}|\\b{ago}\\b", re.I)


def _dateline_end(block: Block, first_body: bool) -> int:
    match = DATELINE.match(block.text) if first_body else None
    return match.end() if match else 0


class RelativeDate(Rule):
    """Flags relative dates such as "yesterday", "tomorrow" and "three days ago".

    A story outlives the day it was written: it is republished, syndicated and
    read days later, when "tomorrow" is wrong. Name the day ("on Friday") or the
    date. Option ``style``: "day-names" (the default; as AP, use the weekday for
    dates within a week) flags yesterday, tomorrow, tonight, last night, this
    morning/afternoon/evening and "N days ago"; "absolute" also flags "today" and
    "this week". Quotes and datelines are skipped.

    Anti-pattern:
        The mayor will open the bridge tomorrow.

    Best practice:
        The mayor will open the bridge on Friday.
    """

    code = "NL501"
    name = "relative-date"
    summary = "Relative date goes stale"
    options = (Option.choice("style", "day-names", "House style: day-names or absolute", STYLES),)

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        pattern = relative_pattern(self.settings["style"])
        for start, end in self._matches(analysis, pattern):
            span = analysis.text[start:end]
            message = f"Relative date '{span}' goes stale; name the day or the date"
            yield self.finding(analysis, start, end, message)

    def _matches(self, analysis: Analysis, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
        body = [b.block for b in analysis.body()]
        for block in analysis.document.blocks:
            skip = _dateline_end(block, bool(body) and block is body[0])
            for match in pattern.finditer(block.text, skip):
                start, end = block.start + match.start(), block.start + match.end()
                if not analysis.in_quote(start, end):
                    yield start, end


RULES = [RelativeDate]
