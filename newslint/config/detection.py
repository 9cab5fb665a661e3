"""Guessing a story's genre from its text, cheaply: no language model.

Only a clear signal counts, and each says what it found (``--verbose``). A story is
sport when it is labelled so near the top ("Football", "Sport", as for opinion below),
or when its headline is a match result and nothing else ("Harbourside 3-1 Westgate").
A score in a sentence ("won 3-1") is not enough: it is also a vote count. A story is
opinion (a column, a review, a letter, an analysis) when:

- it is labelled so near the top: a line that is only "Opinion", "Analysis",
  "Letters" or the name of a column ("Economic Scene", "Political Memo"), also as the
  last line of the headline, or a headline that starts with one ("Opinion: …";
  ``rules/lexicon/genre.toml``);
- it closes with a note on the writer: a name not met earlier in the copy, then "is a
  …", "is editor of …" ("Ana Cruz is a professor of law at Leeds."), or with the
  columnist's contact line alone ("Twitter: @anacruz", "Email: ana@example.com"): a
  reporter's story closes on its last fact, or a byline that names them; or with a
  note on its translator ("Translated by Ana Cruz."): the pieces a paper translates
  from a foreign writer are their columns;
- the writer says I, me, my or myself at least three times;
- the writer addresses the reader ("you", "your") or speaks for a "we" ("we", "us",
  "our") at least five times, or four times with two signs of a voice among "you",
  "we", the first person and a question asked in our own voice.

Words count only in body text, outside quotation marks, and not in a paragraph that
opens with a speaker's label ("Q:", "SMITH:"): that is a transcript. A capitalised
"Our" or "Us" before another capitalised word is a name ("Our Future PAC").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from newslint.analysis.lexicon import lexicon
from newslint.analysis.quotes import QuoteScan, scan_quotes
from newslint.documents.model import Block, BlockKind, Document

FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]yself)\b")
# "World War I", "Elizabeth I": a numeral after a capitalised word in mid-sentence.
NUMERAL_I = re.compile(r"[a-z,] [A-Z][\w’']* $")
READER = re.compile(r"\b[Yy]ou(?:rs?|rself|rselves)?\b")
WE = re.compile(r"\b(?:we|us|our|ours|ourselves|let[’']s)\b|\b(?:We|Us|Our|Let[’']s)\b(?! [A-Z])")
QUESTION = re.compile(r"\w[)’”\"']?\?(?=\s|$)")
SPEAKER_LABEL = re.compile(r"\s*(?:Q|A|[A-Z][A-Z.'’ -]*[A-Z])\s?:")
# A closing note on the writer: a name (titles, initials, a nickname in brackets), an
# optional aside, then "is" and a role ("is a…", "is editor of…", "is Director at…"),
# or a verb of the trade listed in the genre lexicon ("edits…").
WRITER_NAME = (
    r"\s*(?P<name>(?:(?:Mr|Ms|Mrs|Dr|Prof)\.\s)?(?:[A-Z][a-z’'-]+|[A-Z]\.)(?:\s(?:[A-Z]\.|"
    r"\([A-Z][a-z]+\)|[A-Z][a-z’'-]+)){0,3}\s[A-Z][a-z’'-]+),?(?:\s[^.,“”\"]{3,120},)?\s"
)
WRITER_ROLE = (
    r"is\s(?:an?|the)\s|is\s(?![\w-]+(?:ed|ing)\b)[\w-]+(?:\s[\w-]+){0,2}\s(?:of|at|for)\s"
)
QUOTE_MARKS = re.compile(r"[\"“”]")
# A contact line with no name: "Twitter: @handle." or "EMAIL: desk@example.com."
CONTACT = re.compile(
    r"\s*(?P<channel>[A-Za-z-]+):\s*(?P<handle>@\w+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\.?\s*"
)
# A match result as the whole headline: two names, the score between them, and perhaps
# how it was settled ("Harbourside United 2-2 Westgate (aet, 4-3 pens)").
TEAM = r"[A-Z][\w.'’&-]*(?: (?:[A-Z&][\w.'’&-]*|de|of|and))*"
RESULT = re.compile(rf"{TEAM} \d{{1,3}}[-–]\d{{1,3}} {TEAM}(?: \([^()]{{1,30}}\))?")
BODY = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
MIN_FIRST_PERSON = 3
MIN_ADDRESS = 5
MIN_ADDRESS_WITH_VOICE = 4
LABEL_BLOCKS = 3  # the headline and the two lines after it
NOTE_BLOCKS = 2  # the note on the writer may come before a last line of chrome
MAX_NOTE_WORDS = 60
MAX_CREDIT_WORDS = 8


@dataclass(frozen=True)
class Detection:
    profile: str
    evidence: str


def _body(document: Document) -> list[Block]:
    return [b for b in document.blocks if b.kind in BODY]


def _outside_quotes(
    blocks: Sequence[Block], scan: QuoteScan, pattern: re.Pattern[str]
) -> Iterator[tuple[Block, re.Match[str]]]:
    for block in blocks:
        for match in pattern.finditer(block.text):
            if not scan.covers(block.start + match.start(), block.start + match.end()):
                yield block, match


def first_person_count(document: Document) -> int:
    """How often the writer speaks in the first person, outside quotes, in body text."""
    scan = scan_quotes(document)
    return sum(
        1
        for block, match in _outside_quotes(_body(document), scan, FIRST_PERSON)
        if not (
            match.group() == "I"
            and NUMERAL_I.search(block.text, max(0, match.start() - 40), match.start())
        )
    )


def _label(document: Document) -> tuple[str, str] | None:
    """The genre label at the top of the copy, as written, and the profile it names."""
    labels = {
        label.lower(): profile
        for profile, names in lexicon("genre")["labels"].items()
        for label in names
    }
    for index, block in enumerate(document.blocks[:LABEL_BLOCKS]):
        text = block.text.strip()
        # A headline block may end with a line of its own naming the column; the
        # block's text joins its lines, so read them from the source.
        for line in document.source.text[block.start : block.end].splitlines():
            name = line.strip().rstrip(".:").strip()
            if name.lower() in labels:
                return labels[name.lower()], name
        head = re.split(r"\s*[:|]\s", text, maxsplit=1)[0]
        if index == 0 and head != text and head.lower() in labels:
            return labels[head.lower()], head
    return None


def _result(document: Document) -> str | None:
    """A headline that is a match result and nothing else: "Harbourside 3-1 Westgate"."""
    first = document.blocks[0].text.strip() if document.blocks else ""
    return first if RESULT.fullmatch(first) else None


@cache
def _writer_note_pattern() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in lexicon("genre")["writer-note"]["verbs"])
    return re.compile(f"{WRITER_NAME}(?:{WRITER_ROLE}|(?:{verbs})\\s)")


def _writer_note(document: Document) -> str | None:
    """The name in a closing note on the writer whom the copy has not named before."""
    body = _body(document)
    for block in body[-NOTE_BLOCKS:]:
        text = block.text
        match = _writer_note_pattern().match(text)
        if match is None or QUOTE_MARKS.search(text) or len(text.split()) > MAX_NOTE_WORDS:
            continue
        surname = match.group("name").split()[-1].strip("()")
        earlier = " ".join(b.text for b in document.blocks if b.end <= block.start)
        if not re.search(rf"\b{re.escape(surname)}\b", earlier):
            return match.group("name")
    return None


def _closing_line(document: Document) -> str | None:
    """The columnist's contact line ("Twitter: @anacruz") or the translator's credit
    ("Translated by Ana Cruz.") that closes the copy."""
    note = lexicon("genre")["writer-note"]
    channels = {c.lower() for c in note["contact-channels"]}
    credits = tuple(c.lower() for c in note["translator-credits"])
    for block in _body(document)[-NOTE_BLOCKS:]:
        match = CONTACT.fullmatch(block.text)
        if match and match.group("channel").lower() in channels:
            return match.group().strip()
        line = block.text.strip()
        if len(line.split()) <= MAX_CREDIT_WORDS and line.lower().startswith(credits):
            return line
    return None


def _address(document: Document, first_person: int) -> str | None:
    """How the writer speaks to the reader or for a "we", when that is a clear voice."""
    scan = scan_quotes(document)
    blocks = [b for b in _body(document) if not SPEAKER_LABEL.match(b.text)]
    reader = sum(1 for _ in _outside_quotes(blocks, scan, READER))
    we = sum(1 for _ in _outside_quotes(blocks, scan, WE))
    questions = sum(1 for _ in _outside_quotes(blocks, scan, QUESTION))
    voices = sum(1 for count in (first_person, reader, we, questions) if count)
    total = reader + we
    if total >= MIN_ADDRESS or (total >= MIN_ADDRESS_WITH_VOICE and voices >= 2):
        return f'"you" {_times(reader)} and "we" {_times(we)} outside quotes'
    return None


def _times(count: int) -> str:
    return f"{count} time" if count == 1 else f"{count} times"


def detect_profile(document: Document) -> Detection | None:
    """``sport`` for copy labelled so or headed by a result; ``opinion`` for copy
    labelled, signed off or voiced as opinion; None when the text gives no clear
    signal."""
    label = _label(document)
    if label is not None:
        profile, name = label
        return Detection(profile, f'labelled "{name}"')
    result = _result(document)
    if result is not None:
        return Detection("sport", f'a result for a headline, "{result}"')
    writer = _writer_note(document)
    if writer is not None:
        return Detection("opinion", f"closing note on the writer, {writer}")
    closing = _closing_line(document)
    if closing is not None:
        return Detection("opinion", f'closing line "{closing}"')
    count = first_person_count(document)
    if count >= MIN_FIRST_PERSON:
        return Detection("opinion", f"first person outside quotes, {count} times")
    address = _address(document, count)
    if address is not None:
        return Detection("opinion", address)
    return None
