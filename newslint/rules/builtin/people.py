"""First references to people (NL502): mentions, the people met so far, and name parsing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint.analysis.document import AnalysedBlock, Analysis
from newslint.analysis.nlp import Need
from newslint.documents.model import BlockKind
from newslint.rules.base import Finding, Option, Rule, Severity
from newslint.rules.builtin.lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


LATER_STYLES = ("honorific", "surname")
HONORIFIC_KINDS = ("courtesy", "professional", "given-name")


def _honorific(token: Token) -> str | None:
    """The kind of honorific a token is ("courtesy", …), or None."""
    text = token.text.rstrip(".")
    return next((k for k in HONORIFIC_KINDS if text in words("references", "honorifics", k)), None)


def _title(token: Token) -> bool:
    return token.text.rstrip(".") in words("references", "titles", "words")


def capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.text[:1].isalpha()


def _particle(token: Token) -> bool:
    return token.text in words("references", "names", "particles")


@dataclass(frozen=True)
class Mention:
    """A person named in the text: "Mr Peskov", "Dmitry Peskov", "Peskov".

    ``start``/``end`` cover the whole mention, honorific and title included;
    the name alone starts at ``name_start``, and ``names`` are its words.
    """

    start: int
    name_start: int
    end: int
    names: tuple[str, ...]
    honorific: str | None
    titled: bool
    tagged: bool
    incidental: bool
    quoted: bool

    @property
    def surname(self) -> str:
        return self.names[-1]

    @property
    def full(self) -> bool:
        return len(self.names) > 1 and self.names[0][:1].isupper()

    @property
    def bare(self) -> bool:
        return self.honorific is None and not self.titled


@dataclass
class People:
    """The names the reader has met so far.

    ``loose`` holds surnames of full names the language model did not call a
    person: enough to introduce "Mr Scholz", too unsure to judge a bare "Scholz".
    """

    surnames: set[str] = field(default_factory=set)
    loose: set[str] = field(default_factory=set)
    given: set[str] = field(default_factory=set)

    def knows(self, mention: Mention) -> bool:
        known = self.surnames | self.loose
        if mention.honorific == "given-name":
            return mention.surname in known | self.given
        return mention.surname in known

    def meet(self, mention: Mention) -> None:
        if mention.full and mention.bare and not mention.tagged:
            self.loose.add(mention.surname)
        elif mention.full:
            self.surnames.add(mention.surname)
            self.given.add(mention.names[0])
        elif not mention.quoted:
            self.surnames.add(mention.surname)


def _past_particles(doc: Doc, index: int) -> int:
    while index < len(doc) and _particle(doc[index]):
        index += 1
    return index


def _name_end(doc: Doc, start: int) -> int:
    """One past the last token of a name starting at ``start``; ``start`` if none does."""
    end = _past_particles(doc, start)
    if end == len(doc) or not capitalised(doc[end]):
        return start
    end += 1
    while end < len(doc):
        token, joined = doc[end], _past_particles(doc, end)
        hyphen = token.text in ("-", "‐") and not (token.whitespace_ or doc[end - 1].whitespace_)
        if hyphen:
            joined = end + 1
        if joined > end and joined < len(doc) and capitalised(doc[joined]):
            end = joined + 1
        elif nickname := _nickname_end(doc, end):
            end = nickname
        elif capitalised(token) and (token.pos_ == "PROPN" or token.ent_type_ == "PERSON"):
            end += 1
        else:
            break
    return end


def _nickname_end(doc: Doc, start: int) -> int | None:
    """Past the surname after a nickname in quotes: Earvin "Magic" Johnson."""
    if not doc[start].is_quote or not doc[start - 1].whitespace_:
        return None
    for close in range(start + 2, min(start + 5, len(doc) - 1)):
        if doc[close].is_quote:
            inner = doc[start + 1 : close]
            named = all(map(capitalised, inner)) and capitalised(doc[close + 1])
            return close + 2 if named else None
    return None


def _coordinated(token: Token) -> Token:
    """The first of a list of names: "Kherson" in "Kherson and Zaporizhzhia"."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _placed(token: Token) -> bool:
    """A name after "in", "near" and the like: a place."""
    first = _coordinated(token)
    return first.dep_ == "pobj" and first.head.lower_ in words(
        "references", "names", "place-prepositions"
    )


def _incidental(token: Token) -> bool:
    """A lone name that is no reference to a person by surname: a modifier ("the
    Okafor family"), a place ("in Kherson"), a thing's name ("known as Lecanemab")
    or a child's given name ("Kofi, 12")."""
    doc = token.doc
    named = token.i > 0 and doc[token.i - 1].lower_ in words("references", "names", "naming-words")
    after = doc[token.i + 1 : token.i + 3]
    aged = len(after) == 2 and after[0].text == "," and after[1].like_num
    return named or aged or _placed(token) or _coordinated(token).dep_ == "compound"


def _things(analysis: Analysis) -> set[str]:
    """Names the story uses for places, groups or things somewhere."""
    things = set(words("references", "names", "not-people"))
    for block in analysis.blocks:
        for token in block.doc or ():
            if token.ent_type_ not in ("", "PERSON") or (token.pos_ == "PROPN" and _placed(token)):
                things.add(token.text)
    return things


def _mentions(analysis: Analysis, block: AnalysedBlock) -> Iterator[Mention]:
    """Each person named in a block, left to right."""
    doc = block.doc
    assert doc is not None
    index = 0
    while index < len(doc):
        first = index
        while index < len(doc) - 1 and (_honorific(doc[index]) or _title(doc[index])):
            index += 1
        end = _name_end(doc, index)
        if end == index or (first == index and doc[index].pos_ != "PROPN"):
            index = first + 1
            continue
        yield _mention(analysis, block, doc[first:index], doc[index:end])
        index = end


def _mention(analysis: Analysis, block: AnalysedBlock, prefix: Span, name: Span) -> Mention:
    start, name_start = block.offset(prefix[0] if len(prefix) else name[0]), block.offset(name[0])
    end = block.offset(name[-1]) + len(name[-1].text)
    names = block.slice(name_start, end).split()
    suffixes = words("references", "names", "suffixes")
    while len(names) > 1 and names[-1] in suffixes:
        names.pop()
    kinds = [kind for kind in map(_honorific, prefix) if kind]
    entity = {token.ent_type_ for token in name}
    return Mention(
        start=start,
        name_start=name_start,
        end=end,
        names=tuple(names),
        honorific=kinds[0] if kinds else None,
        titled=any(_title(token) for token in prefix),
        tagged="PERSON" in entity,
        incidental=len(name) == 1 and _incidental(name[0]),
        quoted=analysis.in_quote(start, end) or block.block.kind is BlockKind.BLOCK_QUOTE,
    )


class FirstReference(Rule):
    """Flags a person first named by surname alone or by honorific and surname.

    The reader meets each person once, by full name ("Delia Okafor"), and by a
    shorter form after that. A first reference such as "Mr Okafor" or "Okafor"
    leaves the reader asking who that is. Titles are a proper first reference
    ("President Putin", "Lord Cameron"). Quotes are never reported, and a
    headline neither is reported nor counts as the first reference. Honorifics,
    titles and name particles live in ``rules/lexicon/references.toml``.

    Later references follow the house style, set by ``later-references``:
    "honorific" (BBC: "Ms Okafor") or "surname" (AP, Guardian: "Okafor"). A
    later reference in the other style is info, as is an honorific before a
    full name ("Mr Vladimir Putin").

    Anti-pattern:
        Mr Okafor said the ferry would sail on Monday.

    Best practice:
        Delia Okafor, the harbour master, said the ferry would sail on Monday.
        Ms Okafor said fares would not rise.
    """

    code = "NL502"
    name = "first-reference"
    summary = "Person first named without a full name"
    needs = frozenset({Need.PARSE, Need.ENTITIES})
    options = (
        Option.choice(
            "later-references",
            "honorific",
            'How people are named after the first reference: "honorific" or "surname"',
            LATER_STYLES,
        ),
    )

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        people, things = People(), _things(analysis)
        for block in analysis.blocks:
            if block.doc is None or block.block.is_title:
                continue
            for mention in _mentions(analysis, block):
                if not self._ignored(mention, people, things):
                    yield from self._judge(analysis, mention, people)
                    people.meet(mention)

    def _ignored(self, mention: Mention, people: People, things: set[str]) -> bool:
        """Capitalised words that are not a person, or not one this rule can judge."""
        if not mention.bare or mention.full:
            return False
        if mention.incidental or mention.surname in people.given:
            return True
        if mention.surname in people.surnames:
            return False
        return not mention.tagged or mention.surname in things

    def _judge(self, analysis: Analysis, mention: Mention, people: People) -> Iterator[Finding]:
        if mention.quoted or mention.titled:
            return
        span = analysis.text[mention.start : mention.end]
        alone = analysis.text[mention.name_start : mention.end]
        if mention.full:
            if mention.honorific == "courtesy":
                message = f"'{span}' puts an honorific before a full name; use the name alone"
                yield self.finding(
                    analysis,
                    mention.start,
                    mention.end,
                    message,
                    severity=Severity.INFO,
                    suggestion=alone,
                )
        elif not people.knows(mention):
            message = (
                f"First reference to '{span}' has no full name; "
                "give the given name and surname first"
            )
            yield self.finding(analysis, mention.start, mention.end, message)
        elif mention.surname in people.surnames and (message := self._later(span, mention)):
            suggestion = alone if mention.honorific else None
            yield self.finding(
                analysis,
                mention.start,
                mention.end,
                message,
                severity=Severity.INFO,
                suggestion=suggestion,
            )

    def _later(self, span: str, mention: Mention) -> str | None:
        style = self.settings["later-references"]
        if style == "honorific" and mention.bare:
            return f"Later reference '{span}' should use an honorific (house style: honorific)"
        if style == "surname" and mention.honorific == "courtesy":
            return f"Later reference '{span}' should be the surname alone (house style: surname)"
        return None


RULES: list[type[Rule]] = [FirstReference]
