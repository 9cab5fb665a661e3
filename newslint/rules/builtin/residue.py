"""Scrape residue (NL901): web-page chrome pasted into the copy."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from newslint.analysis.document import Analysis
from newslint.documents.model import Block
from newslint.rules.base import Finding, Rule, Severity
from newslint.rules.builtin.lexicons import lexicon

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


RULES: list[type[Rule]] = [ScrapeResidue]
