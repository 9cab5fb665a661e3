"""NL501 relative-date: words like "tomorrow" that go stale."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from newslint.analysis.document import Analysis
from newslint.analysis.nlp import Need
from newslint.documents.model import Block
from newslint.rules.base import Finding, Option, Rule
from newslint.rules.builtin.lexicons import words
from newslint.rules.kinds import phrase_pattern

if TYPE_CHECKING:
    from spacy.tokens import Token

STYLES = ("day-names", "absolute")
SENTENCE_OPENERS = ".!?:;\"“‘'(—–-"
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
TRANSCRIPT = ("Q:", "A:")
# "SALTBY, Tuesday (Reuters) -": a place in capitals, then anything short, then a dash.
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,}(?:,[^\n—–]{0,40})?\s+(?:-|—|–)\s")
# A running file's entry stamp, a paragraph of its own: "10:05 p.m.", "9 a.m.", "14:30".
TIME_STAMP = re.compile(r"\d{1,2}(?::\d\d)?\s?(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}T)?\.?", re.I)
# "five or six weeks ago": a guess between two counts is a vague count.
RANGE_BEFORE = re.compile(r"\b(?:\d+|[a-z]+)\s+(?:or|to)\s+$", re.I)
MIN_STAMPS = 2


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
    "this week". Quotes and datelines are skipped, and so are vague counts ("a few weeks
    ago", "five or six weeks ago"), idioms ("like there's no tomorrow"), names ("The
    Tonight Show"), sentences in the first person singular, which are someone's speech,
    and a paragraph after one that ends in a colon, which is quoted matter. A piece
    meant only for its day is spared too: a headline that names the same day or is a
    day's edition ("Tonight's debate", "Tuesday's email"), a live file whose entries are
    each stamped with the time of day ("10:05 p.m."), or a sentence telling the reader
    what to do ("Watch tonight at nine").

    Anti-pattern:
        The mayor will open the bridge tomorrow.

    Best practice:
        The mayor will open the bridge on Friday.
    """

    code = "NL501"
    name = "relative-date"
    summary = "Relative date goes stale"
    needs = frozenset({Need.PARSE})
    options = (Option.choice("style", "day-names", "House style: day-names or absolute", STYLES),)

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        pattern = relative_pattern(self.settings["style"])
        for start, end in self._matches(analysis, pattern):
            span = analysis.text[start:end]
            message = f"Relative date '{span}' goes stale; name the day or the date"
            yield self.finding(analysis, start, end, message)

    def _matches(self, analysis: Analysis, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
        body = [b.block for b in analysis.body()]
        if _running_file(body):
            return
        idioms = phrase_pattern(words("dates", "relative-dates", "idioms"), True)
        blocks = analysis.document.blocks
        # Plain text whose headline ends in a full stop reads as a paragraph: take the
        # first block as the headline too.
        titles = [b for i, b in enumerate(blocks) if b.is_title or i == 0]
        every_title = " ".join(b.text.lower() for b in titles)
        title_ids = {id(b) for b in titles}
        set_off = {b.block.start for b in analysis.body() if analysis.set_off(b)}
        for block in blocks:
            if block.start in set_off:  # "According to a columnist:" then their words
                continue
            # A headline's own words do not count: the other headlines are joined only
            # for a match that gets that far, as a file may hold thousands of headings.
            headline = None if id(block) in title_ids else every_title
            skip = _dateline_end(block, bool(body) and block is body[0])
            spared = [m.span() for m in idioms.finditer(block.text)]
            for match in pattern.finditer(block.text, skip):
                start, end = block.start + match.start(), block.start + match.end()
                if analysis.in_quote(start, end) or _in_name(block, match):
                    continue
                if any(a <= match.start() < b for a, b in spared) or _guessed_count(block, match):
                    continue
                if headline is None:
                    headline = " ".join(b.text.lower() for b in titles if b is not block)
                if _for_the_day(analysis, start, headline, match.group().lower()):
                    continue
                if not (_first_person(analysis, start) or _figurative(analysis, start)):
                    yield start, end


def _running_file(body: list[Block]) -> bool:
    """A live file of entries each stamped with the time of day ("10:05 p.m."): its
    "tonight" and "this morning" are read against the stamp above them."""
    stamps = sum(1 for block in body if TIME_STAMP.fullmatch(block.text.strip()))
    return stamps >= MIN_STAMPS


def _guessed_count(block: Block, match: re.Match[str]) -> bool:
    """ "five or six weeks ago": a count guessed between two, as vague as "a few"."""
    counts = words("dates", "relative-dates", "counts")
    first = match.group().split()[0].lower()
    if not (first.isdigit() or first in counts):
        return False
    return RANGE_BEFORE.search(block.text, max(0, match.start() - 20), match.start()) is not None


def _in_name(block: Block, match: re.Match[str]) -> bool:
    """Capitalised inside a sentence of body text: a name ("The Tonight Show")."""
    before = block.text[: match.start()].rstrip()
    return (
        not block.is_title
        and match.group()[:1].isupper()
        and bool(before)
        and before[-1] not in SENTENCE_OPENERS
    )


def _for_the_day(analysis: Analysis, offset: int, headline: str, phrase: str) -> bool:
    """A piece meant only for the day it runs: its headline names the same day or is
    a day's edition ("Five things to watch in tonight's debate", "Tuesday's email"), or
    the sentence tells the reader what to do then ("Watch tonight at nine")."""
    if _names_the_day(headline, phrase):
        return True
    found = analysis.token_at(offset)
    if found is None:
        return False
    sentence = found[1].sent
    first = next((t for t in sentence if not t.is_punct), None)
    root = sentence.root
    return (
        first is not None
        and root.i == first.i
        and root.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in root.children)
    )


@lru_cache(maxsize=64)
def _names_the_day(headline: str, phrase: str) -> bool:
    """The headline names the day of ``phrase`` or is a day's edition ("Tuesday's
    email"); asked again for each relative date under the same headline."""
    editions = (rf"{re.escape(day)}['’]s" for day in words("dates", "relative-dates", "weekdays"))
    return any(re.search(rf"\b{day}\b", headline) for day in (re.escape(phrase), *editions))


def _first_person(analysis: Analysis, offset: int) -> bool:
    """Someone's speech, not the reporter's narration: a sentence in the first person
    singular ("But tonight, I want to thank you") or an interview transcript ("Q: …")."""
    found = analysis.token_at(offset)
    if found is None:
        return False
    block, token = found
    return block.block.text.startswith(TRANSCRIPT) or any(
        t.lower_ in FIRST_PERSON and t.tag_ in ("PRP", "PRP$") for t in token.sent
    )


def _figurative(analysis: Analysis, offset: int) -> bool:
    """ "Yesterday" on a verb in the present or future means "at once": "we need
    it yesterday". A real yesterday takes the past tense, except in a headline.
    "Tomorrow" means "at once" in a negated what-if."""
    found = analysis.token_at(offset)
    if found is None or found[0].block.is_title:
        return False
    word, verb = found[1].lower_, found[1].head
    if word == "tomorrow":
        return _what_if(verb)
    if word != "yesterday":
        return False
    tenses = [verb.tag_, *(c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return verb.pos_ in ("VERB", "AUX") and not any(t in ("VBD", "VBN") for t in tenses)


def _what_if(verb: Token) -> bool:
    """ "Tomorrow" on a present-tense clause that a negated verb governs is "at once",
    not a day: "unity does not mean the senator quits tomorrow"."""
    return (
        verb.tag_ in ("VBZ", "VBP")
        and verb.dep_ == "ccomp"
        and not any(c.dep_ == "aux" for c in verb.children)
        and any(c.dep_ == "neg" for c in verb.head.children)
    )


RULES = [RelativeDate]
