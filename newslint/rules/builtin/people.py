"""First references to people (NL502): mentions, the story's cast, and name parsing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from newslint.analysis.document import AnalysedBlock, Analysis
from newslint.analysis.nlp import Need
from newslint.documents.model import BlockKind
from newslint.rules.base import Finding, Option, Rule, Severity
from newslint.rules.builtin.lexicons import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


LATER_STYLES = ("consistent", "honorific", "surname")
HONORIFIC_KINDS = ("courtesy", "professional", "given-name")
MODIFIER_DEPS = ("compound", "amod", "nmod")
ARTICLES = ("the", "a", "an")
MODIFIER_TAGS = ("DT", "JJ", "JJR", "JJS", "PRP$")
LEADING = "-–—([\"'“‘"
NAME_WORD = re.compile(r"[\w.'’-]*")
WORD_MEMORY = 65_536  # distinct words whose honorific and title lookups are kept


def _bare_word(text: str) -> str:
    """A word without the dash or bracket a tokeniser may leave on it ("-Mrs.")."""
    return text.lstrip(LEADING)


def _listed(text: str, table: str, key: str) -> bool:
    """Whether a word, or the singular of it ("Senators"), is in a word list."""
    bare, listed = _bare_word(text).rstrip("."), words("references", table, key)
    return bare in listed or (bare.endswith("s") and bare[:-1] in listed)


def _honorific(token: Token) -> str | None:
    """The kind of honorific a token is ("courtesy", …), or None."""
    return _honorific_word(token.text)


@lru_cache(maxsize=WORD_MEMORY)
def _honorific_word(text: str) -> str | None:
    return next((k for k in HONORIFIC_KINDS if _listed(text, "honorifics", k)), None)


def _title(token: Token) -> bool:
    return _title_word(token.text)


@lru_cache(maxsize=WORD_MEMORY)
def _title_word(text: str) -> bool:
    return _listed(text, "titles", "words")


def capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.text[:1].isalpha()


def _particle(token: Token) -> bool:
    return token.text in words("references", "names", "particles")


@dataclass(frozen=True)
class Mention:
    """A person named in the text: "Mr Peskov", "Dmitry Peskov", "Peskov".

    ``start``/``end`` cover the whole mention, honorific and title included;
    the name alone starts at ``name_start``, and ``names`` are its words.
    ``tagged`` says the language model calls the name, or part of it, a person
    (``wholly``: every word of it), ``other`` that it calls it something else
    (a place, a group, a work).
    """

    start: int
    name_start: int
    end: int
    names: tuple[str, ...]
    honorific: str | None
    titled: bool
    tagged: bool
    wholly: bool
    other: bool
    incidental: bool
    described: bool
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

    @property
    def short(self) -> bool:
        """A later-reference form: "Mr Okafor" or "Okafor", not quoted, titled or in full."""
        return not (self.full or self.titled or self.quoted or self.honorific == "given-name")


@dataclass
class Cast:
    """The people a story's body names in full (quotes included), by title, or with an
    honorific in its own voice (``honoured``).

    ``loose`` holds surnames of full names the language model did not call a
    person: enough to introduce "Mr Scholz", too unsure to judge a bare "Scholz".
    ``words`` holds every word of every full name, since "Mr Xi" may follow "Xi
    Jinping" and "Ms Acosta" may follow "Melba Acosta Febo".
    """

    given: dict[str, set[str]] = field(default_factory=dict)
    loose: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    titled: set[str] = field(default_factory=set)
    honoured: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, mentions: Iterable[Mention], analysis: Analysis) -> Cast:
        cast = cls(words=_after_capitals(analysis))
        for mention in mentions:
            if mention.full:
                cast.words.update(_surname_forms(mention.names))
            if mention.full and mention.bare and not mention.tagged:
                cast.loose.add(mention.surname)
            elif mention.full:
                cast.given.setdefault(mention.surname, set()).add(mention.names[0])
            elif mention.titled:
                cast.titled.add(mention.surname)
            elif mention.honorific in ("courtesy", "professional") and not mention.quoted:
                cast.honoured.add(mention.surname)
        return cast

    def introduces(self, mention: Mention) -> bool:
        """Whether the story gives this person's full name or title somewhere."""
        return mention.surname in self.words or mention.surname in self.titled

    def named(self, surname: str) -> bool:
        """Whether someone goes by this surname in full, or with a title, in the story."""
        return surname in self.given or surname in self.titled

    def one_person(self, surname: str) -> bool:
        """Whether no two given names share this surname in the story."""
        return len(self.given.get(surname, ())) <= 1

    @property
    def given_names(self) -> set[str]:
        return {name for names in self.given.values() for name in names}


def _after_capitals(analysis: Analysis) -> set[str]:
    """Words right after another capitalised word in the body: surnames after given
    names the language model did not read as names ("Tomás Regalado")."""
    found = set()
    for block in analysis.body():
        for before, token in pairwise(block.doc or ()):
            if capitalised(token) and capitalised(before) and not _prefix_word(before):
                found.add(token.text)
    return found


def _surname_forms(names: tuple[str, ...]) -> Iterator[str]:
    """What an honorific may stand before, given a full name: any of its words or
    their hyphenated parts ("Xi", "Acosta", "Assad"), or a closing run of them
    ("Le Pen", "Vander Plaats")."""
    for index, name in enumerate(names):
        yield name
        yield from name.split("-")
        if index:
            yield " ".join(names[index:])


def _past_particles(doc: Doc, index: int) -> int:
    """Past the particles starting at ``index``, with a hyphen that joins one ("al-Assad")."""
    while index < len(doc) and _particle(doc[index]):
        index += 1
        if index < len(doc) and _joining(doc, index):
            index += 1
    return index


def _joining(doc: Doc, index: int) -> bool:
    """A hyphen with no space either side."""
    token = doc[index]
    return token.text in ("-", "‐") and not (token.whitespace_ or doc[index - 1].whitespace_)


def _name_end(doc: Doc, start: int) -> int:
    """One past the last token of a name starting at ``start``; ``start`` if none does."""
    end = _past_particles(doc, start)
    if end == len(doc) or not capitalised(doc[end]) or doc[end].lower_ in ARTICLES:
        return start
    end += 1
    while end < len(doc):
        token, joined = doc[end], _past_particles(doc, end)
        if _joining(doc, end):
            joined = end + 1
        if joined > end and joined < len(doc) and capitalised(doc[joined]):
            end = joined + 1
        elif nickname := _nickname_end(doc, end):
            end = nickname
        elif capitalised(token) and _proper(token) and not _honorific(token):
            end += 1
        else:
            break
    return end


def _proper(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ == "PERSON"


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
    """The first of a list or pairing of names: "Kherson" in "Kherson and
    Zaporizhzhia", "Okafor" in "the Okafor versus Nowak race"."""
    versus = words("references", "names", "versus")
    while token.head is not token:
        if token.dep_ == "conj":
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in versus:
            token = token.head.head if token.head.dep_ == "prep" else token.head
        else:
            break
    return token


def _placed(token: Token) -> bool:
    """A name after "in", "near" and the like: a place."""
    first = _coordinated(token)
    return first.dep_ == "pobj" and first.head.lower_ in words(
        "references", "names", "place-prepositions"
    )


def _modifier(token: Token) -> bool:
    """A name that modifies a noun: "the Okafor family", "Okafor supporters"."""
    first = _coordinated(token)
    return first.dep_ in MODIFIER_DEPS and first.head.i > first.i


def _incidental(name: Span, start: int) -> bool:
    """A name that is no reference to one person: a modifier ("the Okafor family",
    "Okafor-Nowak talks"), a family or figure of speech ("the Okafors", "a second
    Okafor"), a place ("in Kherson"), a thing ("known as Lecanemab", "the robot
    Sophia"), a child's given name ("Kofi, 12"), a type of person ("like Mr
    Okafor"), or a given name sharing the next name's surname ("Ethan and Joel
    Coen"). ``start`` is the index of the mention's first token, its honorific or
    title included."""
    doc, last = name.doc, name[-1]
    before = doc[start - 1].lower_ if start > 0 else ""
    named = any(
        before in words("references", "names", key)
        for key in ("naming-words", "thing-nouns", "comparisons")
    )
    after = doc[name.end : name.end + 2]
    aged = len(after) == 2 and after[0].text == "," and after[1].like_num
    plural = last.tag_ == "NNPS" or any(child.dep_ == "det" for child in last.children)
    modifier = _modifier(last) or (len(name) == 1 and _placed(last))
    return named or aged or plural or modifier or (len(name) == 1 and _shares_surname(name))


def _shares_surname(name: Span) -> bool:
    doc, end = name.doc, name.end
    joined = end + 1 < len(doc) and doc[end].lower_ in ("and", "&")
    return joined and _name_end(doc, end + 1) - (end + 1) > 1


def _described(name: Span) -> bool:
    """A lone name set beside a description that introduces it: "his wife, Jeanette"."""
    token = name[-1]
    return len(name) == 1 and token.dep_ == "appos" and token.head.pos_ == "NOUN"


def _things(analysis: Analysis) -> set[str]:
    """Names the story uses on their own for places, groups or things somewhere: a
    one-word entity the model does not call a person ("Bloomberg reported"), not a
    word inside a longer one ("Trump Tower"), or a name after "in", "near"…"""
    things = set(words("references", "names", "not-people"))
    for block in analysis.blocks:
        doc = block.doc
        if doc is None:
            continue
        things.update(e.text for e in doc.ents if len(e) == 1 and e.label_ != "PERSON")
        things.update(t.text for t in doc if t.pos_ == "PROPN" and _placed(t))
    return things


def _mentions(analysis: Analysis, block: AnalysedBlock, set_off: bool) -> Iterator[Mention]:
    """Each person named in a block, left to right; ``set_off``: the block is a source's
    words (see ``_set_off``)."""
    doc = block.doc
    assert doc is not None
    index = 0
    while index < len(doc):
        if not (_proper(doc[index]) or _prefix_word(doc[index])):
            index += 1  # no name starts here: the common case, decided at once
            continue
        first = index
        while index < len(doc) - 1 and _prefix_word(doc[index]):
            index += 1
            if doc[index].text == "." and index < len(doc) - 1:
                index += 1  # "Mrs" "." as the tokeniser split "-Mrs."
        end = _name_end(doc, index)
        attached = index > 0 and _joining(doc, index - 1)
        if end == index or attached or (first == index and not _proper(doc[index])):
            index = first + 1
            continue
        yield _mention(analysis, block, doc[first:index], doc[index:end], set_off)
        index = end


def _mention(
    analysis: Analysis, block: AnalysedBlock, prefix: Span, name: Span, set_off: bool
) -> Mention:
    first = prefix[0] if len(prefix) else name[0]
    start = block.offset(first) + len(first.text) - len(_bare_word(first.text))
    name_start = block.offset(name[0])
    end = block.offset(name[-1]) + len(name[-1].text)
    names = [NAME_WORD.match(word).group() for word in block.slice(name_start, end).split()]
    suffixes = words("references", "names", "suffixes")
    while len(names) > 1 and names[-1] in suffixes:
        names.pop()
    prefix = prefix if len(prefix) or len(name) > 1 else _shared_prefix(name)
    kinds = [kind for kind in map(_honorific, prefix) if kind]
    entity = {token.ent_type_ for token in name}
    return Mention(
        start=start,
        name_start=name_start,
        end=end,
        names=tuple(names),
        honorific=kinds[0] if kinds else None,
        titled=any(_title(token) for token in prefix) or _modified(prefix),
        tagged="PERSON" in entity,
        wholly=entity == {"PERSON"},
        other=bool(entity - {"", "PERSON"}),
        incidental=_incidental(name, first.i),
        described=_described(name),
        quoted=set_off
        or analysis.in_quote(start, end)
        or block.block.kind is BlockKind.BLOCK_QUOTE,
    )


def _modified(prefix: Span) -> bool:
    """An honorific after a determiner or adjective is part of a title: "former Miss
    Universe", "the Mr Universe contest"."""
    before = prefix.doc[prefix.start - 1] if len(prefix) and prefix.start else None
    return before is not None and before.tag_ in MODIFIER_TAGS and before.is_lower


def _set_off(analysis: Analysis) -> set[int]:
    """Blocks that are not the story's narrative: a source's words set off without
    quotation marks after a colon ("In a post, she wrote:"), and a closing tagline
    about the writer ("Mr Okafor is a lecturer in law."), whose byline names them."""
    body = [block for block in analysis.body() if block.doc is not None]
    blocks = {block.index for block in body if analysis.set_off(block)}
    if body and _tagline(body[-1]):
        blocks.add(body[-1].index)
    return blocks


def _tagline(block: AnalysedBlock) -> bool:
    """One sentence saying who someone is: "Mr Okafor is a lecturer in law"."""
    sentences = list(block.sentences())
    if len(sentences) != 1:
        return False
    root = sentences[0].span.root
    subjects = [child for child in root.children if child.dep_ == "nsubj"]
    return root.lemma_ == "be" and any(child.pos_ == "PROPN" for child in subjects)


def _shared_prefix(name: Span) -> Span:
    """The title or honorific a list of names shares: "Senators Okafor and Nowak"."""
    doc, first = name.doc, _coordinated(name[-1])
    if first is name[-1]:
        return name[:0]
    end = first.i
    while end > 0 and capitalised(doc[end - 1]) and not _prefix_word(doc[end - 1]):
        end -= 1  # the given names of the first name
    start = end
    while start > 0 and _prefix_word(doc[start - 1]):
        start -= 1
    return doc[start:end]


def _prefix_word(token: Token) -> bool:
    return _honorific(token) is not None or _title(token)


class FirstReference(Rule):
    """Flags a person the story names by honorific and surname ("Mr Okafor") but
    never in full.

    The reader meets each person by full name ("Delia Okafor") or title
    ("President Putin", "Lord Cameron"), and by a shorter form after that. A
    story that only ever says "Mr Okafor" leaves the reader asking who that is;
    the first mention is reported, "Okafor" too if it comes first. A surname
    that never takes an honorific is not reported: it may be a well-known
    figure, a firm or no person at all. A full name counts wherever the body
    gives it, inside a quote too, before or after; a headline is never
    reported and does not count as the full name. Quotes are never reported,
    nor are a paragraph set off after a colon ("she wrote:") and a closing
    one-sentence tagline about the writer. Only names the story treats as a
    person count: not a modifier ("the Okafor campaign", "Okafor supporters"),
    a family ("the Okafors"), a place ("in Kherson"), a thing ("the robot
    Sophia"), a type ("like Mr Okafor"), a name the language model calls a
    group, place or work on its own somewhere in the story, or a lone given
    name beside a description ("his wife, Jeanette"). Honorifics, titles and
    these word lists live in ``rules/lexicon/references.toml``.

    Later references follow ``later-references``. "consistent" (the default)
    asks only that a story pick one form per person: when it mixes "Ms Okafor"
    and a bare "Okafor", the first use of the rarer form is info. "honorific"
    (BBC) makes each bare later reference info, "surname" (AP, Guardian) each
    "Ms Okafor". An honorific before a full name ("Mr Vladimir Putin") is info.

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
            "consistent",
            'How people are named after the first reference: "consistent" (one form per '
            'person), "honorific" or "surname"',
            LATER_STYLES,
        ),
    )

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        set_off = _set_off(analysis)
        mentions = [
            mention
            for block in analysis.body()
            if block.doc is not None
            for mention in _mentions(analysis, block, block.index in set_off)
        ]
        cast, things = Cast.of(mentions, analysis), _things(analysis)
        met: set[str] = set()
        later: list[Mention] = []
        for mention in mentions:
            if not self._person(mention, cast, things):
                continue
            if mention.surname in met and mention.short:
                later.append(mention)
            elif finding := self._first(analysis, mention, cast):
                yield finding
            if mention.full or not mention.quoted:
                met.add(mention.surname)
        yield from self._later(analysis, later, cast, things)

    @staticmethod
    def _person(mention: Mention, cast: Cast, things: set[str]) -> bool:
        """Whether a mention names a person this rule can judge."""
        if mention.full or mention.titled:
            return True
        if mention.incidental:
            return False
        if not mention.bare:
            return True
        if cast.named(mention.surname) or mention.surname in cast.honoured:
            return True  # the model's tag of a known person's surname is often wrong
        if mention.other or mention.described:
            return False
        return mention.tagged and mention.surname not in things | cast.given_names

    def _first(self, analysis: Analysis, mention: Mention, cast: Cast) -> Finding | None:
        """A first reference with no full name anywhere, or with an honorific before one."""
        if mention.quoted or mention.titled:
            return None
        span = analysis.text[mention.start : mention.end]
        surname = " ".join(mention.names) in cast.words  # "Ms Le Pen"
        if mention.full and mention.honorific == "courtesy" and mention.wholly and not surname:
            message = f"'{span}' puts an honorific before a full name; use the name alone"
            alone = analysis.text[mention.name_start : mention.end]
            return self.finding(
                analysis,
                mention.start,
                mention.end,
                message,
                severity=Severity.INFO,
                suggestion=alone,
            )
        if mention.full or cast.introduces(mention):
            return None
        if mention.bare and mention.surname not in cast.honoured:
            return None  # a lone name may be a well-known figure, or no person at all
        message = (
            f"First reference to '{span}' has no full name; give the given name and surname first"
        )
        return self.finding(analysis, mention.start, mention.end, message)

    def _later(
        self, analysis: Analysis, later: list[Mention], cast: Cast, things: set[str]
    ) -> Iterator[Finding]:
        """Later references to people the story names in full, judged by the house style."""
        judged = [m for m in later if cast.named(m.surname)]
        style = self.settings["later-references"]
        if style == "consistent":
            yield from self._mixed(analysis, judged, cast, things)
            return
        for mention in judged:
            span = analysis.text[mention.start : mention.end]
            if style == "honorific" and mention.bare:
                message = (
                    f"Later reference '{span}' should use an honorific (house style: honorific)"
                )
            elif style == "surname" and mention.honorific == "courtesy":
                message = (
                    f"Later reference '{span}' should be the surname alone (house style: surname)"
                )
            else:
                continue
            suggestion = (
                analysis.text[mention.name_start : mention.end] if mention.honorific else None
            )
            yield self.finding(
                analysis,
                mention.start,
                mention.end,
                message,
                severity=Severity.INFO,
                suggestion=suggestion,
            )

    def _mixed(
        self, analysis: Analysis, later: list[Mention], cast: Cast, things: set[str]
    ) -> Iterator[Finding]:
        """The first use of the rarer form, for each person named both "Ms Okafor" and "Okafor"."""
        by_person: dict[str, list[Mention]] = {}
        for mention in later:
            sure = not mention.bare or (mention.tagged and mention.surname not in things)
            if sure and cast.one_person(mention.surname):
                by_person.setdefault(mention.surname, []).append(mention)
        for mentions in by_person.values():
            bare = Counter(mention.bare for mention in mentions)
            if len(bare) < 2:
                continue
            tie = bare[True] == bare[False]
            bare_rare = not mentions[0].bare if tie else bare[True] < bare[False]
            rare = next(m for m in mentions if m.bare == bare_rare)
            usual = next(m for m in mentions if m.bare != bare_rare)
            rare_span = analysis.text[rare.start : rare.end]
            usual_span = analysis.text[usual.start : usual.end]
            message = (
                f"Later references mix '{usual_span}' ({bare[not bare_rare]}) and "
                f"'{rare_span}' ({bare[bare_rare]}) for the same person; use one form"
            )
            suggestion = usual_span if bare_rare else analysis.text[rare.name_start : rare.end]
            yield self.finding(
                analysis,
                rare.start,
                rare.end,
                message,
                severity=Severity.INFO,
                suggestion=suggestion,
            )


RULES: list[type[Rule]] = [FirstReference]
