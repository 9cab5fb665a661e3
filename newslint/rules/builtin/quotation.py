"""Quotation rules: scare quotes and unbalanced quote marks."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import islice
from typing import TYPE_CHECKING

from newslint.analysis.document import AnalysedBlock, Analysis
from newslint.analysis.lexicon import default_lexicon
from newslint.analysis.nlp import SENTENCE_END, Need
from newslint.analysis.quotes import Quote, mark_at
from newslint.rules.base import Finding, Option, Rule
from newslint.rules.builtin.lexicons import words
from newslint.rules.builtin.syllables import is_known

if TYPE_CHECKING:
    from spacy.tokens import Token

WORD = re.compile(r"[^\W\d_][\w’'-]*")
# In a headline, a clause the writer attaches to a noun ("regions that held 'votes'")
# is our voice, whoever speaks elsewhere in it.
DESCRIPTIVE_DEPS = frozenset({"relcl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
OWNER_DEPS = frozenset({"poss"})
MAX_NAME_WORDS = 4
MAX_HEADLINE_WORDS = 20
AROUND = 400  # characters either side of a quote that its context checks read
FABRICATION_WORDS = 8  # how far before a quote a word of forgery still speaks of it
NON_SPACE = re.compile(r"\S+")
# A body shorter than this (a cut-off story, a teaser) cannot show whose a headline's
# quoted words are; headlines quote sources far more often than they doubt in our voice.
MIN_BODY_WORDS = 40
LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or))\s*(?:(?:a|an|the)\s+)?")
LONGEST_RUN = 8  # words: longer runs of quoted words are looked for by a scan
GAP_MARKS = len(",and" + "the")  # the most characters of a LIST_GAP match that are not spaces
# A word cut short to spare the reader ("n----", "f***"): only ever in someone's words.
EXPURGATED = re.compile(r"\w[-*]{2,}")
# "Spanish for 'goodbye'": a capitalised word mid-sentence, then "for", is a language.
TRANSLATION = re.compile(r"[^.!?\s]\s+[A-Z][\w-]*\s+for\s*$")
FUNCTION_POS = frozenset({"PRON", "DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART"})
ARTICLES = frozenset({"a", "an", "the"})
OWNER_PRONOUNS = frozenset({"his", "her", "their", "my", "our", "your"})
STRAIGHT_OR_CURLY_OPENERS = frozenset({'"', "“"})
SINGLE_OPENERS = frozenset({"'", "‘"})


@dataclass(frozen=True)
class _Lexicon:
    titles: frozenset[str]
    small_words: frozenset[str]
    word_cues: frozenset[str]
    fabrication_cues: frozenset[str]
    gloss_cues: tuple[str, ...]
    speaker_words: frozenset[str]
    speech_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    owned_nouns: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    def listed(key: str) -> frozenset[str]:
        return words("quotation", "scare-quotes", key)

    return _Lexicon(
        titles=listed("title-cues"),
        small_words=listed("title-small-words"),
        word_cues=listed("word-cues"),
        fabrication_cues=listed("fabrication-cues"),
        gloss_cues=tuple(sorted(listed("gloss-cues"))),
        speaker_words=listed("speaker-words"),
        speech_verbs=listed("speech-verbs") | frozenset(default_lexicon().verb_class),
        speech_nouns=listed("speech-nouns"),
        owned_nouns=listed("owned-nouns"),
    )


def _normal(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


class ScareQuotes(Rule):
    """Flags a few words in quotation marks in the writer's own voice.

    Quoting one to four of our own words tells the reader not to trust them,
    without saying who doubts them or why. Quoted words are somebody's, and fine,
    when the story says whose: a partial quote in a reported clause; a sentence
    or paragraph that reports speech ("Ms Cruz called the plan 'reckless'", his
    "fair deal" pledge, Obama's "pivot"); the same words quoted from a source
    elsewhere in the story; words from a plan or proposal a person owns in the same
    sentence; or words with I, we or you in them. So are titles of works, names,
    nicknames, translations ("Spanish for 'goodbye'"), a word the dictionary does not
    know (jargon, a coinage, a loanword), a quote in a sentence with another that is
    somebody's words or a term (poll categories), and words used as words or as terms
    ("what are called 'zones'", "the 'safety check' feature", or a term quoted once and
    then used plainly). A headline quote is fine when the body attributes the same words,
    or when the body is too short to tell (a story cut off after its first sentence).
    Nor are quotes whose sentence says, just before them, that the thing was forged
    or faked ("doctored photos as 'proof'"): the doubt is stated, with its reason.

    Anti-pattern:
        Residents voted in 'elections' organised by the council.

    Best practice:
        Residents voted in elections that the opposition called rigged.
        Ms Ortiz said the council would "review" the result.
    """

    code = "NL201"
    name = "scare-quotes"
    summary = "Scare quotes cast doubt in our own voice"
    needs = frozenset({Need.PARSE})
    options = (
        Option.positive("max-words", 4, "Longest quote, in words, that counts as scare quotes"),
    )

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        story = _Story(analysis)
        # The body first: a headline quote is fine when the body makes its words somebody's.
        in_body = sorted(analysis.quotes.quotes, key=lambda q: _headline(analysis, q))
        flagged = []
        for quote in in_body:
            if not self._candidate(analysis, quote) or story.sourced(quote):
                story.spare(quote)
            else:
                flagged.append(quote)
        flagged = [q for q in flagged if not story.beside_spared(q)]
        for quote in sorted(flagged, key=lambda q: q.open):
            span = analysis.text[quote.open : quote.end]
            message = (
                f"Scare quotes around {span} cast doubt in our own voice; "
                "attribute or describe instead"
            )
            yield self.finding(analysis, quote.open, quote.end, message)

    def _candidate(self, analysis: Analysis, quote: Quote) -> bool:
        if quote.depth > 0 or quote.close is None or quote.direct or quote.attributed:
            return False
        words = WORD.findall(quote.inner(analysis.text))
        if not 1 <= len(words) <= self.settings["max-words"]:
            return False
        block = analysis.blocks[quote.blocks[0]].block
        start, end = quote.open - block.start, quote.end - block.start
        # Only the words next to the quote matter; a window keeps a long paragraph linear.
        before = block.text[max(0, start - AROUND) : start]
        after = block.text[end : end + AROUND]
        return not (
            _names_work(words, before)
            or _unfamiliar(words)
            or _word_as_word(before, after)
            or _nickname(words, before, after)
            or _quoted_term(words, before, block.is_title)
            or _fabrication_told(before)
        )


def _unfamiliar(words: list[str]) -> bool:
    """One word the general dictionary does not know ("undercard", a foreign word) is
    jargon, a coinage or a loanword that the marks introduce; scare quotes doubt
    ordinary words ("proof", "reforms")."""
    if len(words) != 1:
        return False
    word = words[0].casefold().removesuffix("’s").removesuffix("'s")
    return not is_known(word) and not all(is_known(part) for part in word.split("-"))


def _mid_sentence(before: str) -> bool:
    """The text before a quote runs on in the same sentence."""
    return bool(before.strip()) and not before.rstrip().endswith((".", "!", "?", ":"))


def _quoted_term(words: list[str], before: str, in_title: bool) -> bool:
    """A phrase of several words quoted in the middle of a body sentence names a term of
    art, a plan or a label ("a 'super PAC'", "the 'road map'"); scare quotes mostly
    doubt one word."""
    return len(words) > 1 and _mid_sentence(before) and not in_title


@dataclass(frozen=True)
class _Quoted:
    """A quote's words as written and as lemmas, each padded with spaces."""

    words: str
    lemmas: str

    def within(self, other: _Quoted) -> bool:
        return self.words in other.words or self.lemmas in other.lemmas


def _runs(padded: str) -> Iterator[tuple[str, ...]]:
    """Every run of up to LONGEST_RUN words of a padded text (" a b "): the texts a
    padded text with that many words is found inside."""
    parts = padded.split(" ")[1:-1]
    for start in range(len(parts)):
        for end in range(start + 1, min(start + LONGEST_RUN, len(parts)) + 1):
            yield tuple(parts[start:end])


class _Quotes:
    """Some quotes' words: whether another quote's words are inside one of theirs is a
    lookup of its run of words, not a scan of every quote (for a run too long to
    index, it is the scan)."""

    def __init__(self) -> None:
        self.quoted: dict[int, tuple[Quote, _Quoted]] = {}  # by id, the quote kept alive
        self.word_runs: set[tuple[str, ...]] = set()
        self.lemma_runs: set[tuple[str, ...]] = set()

    def add(self, quote: Quote, quoted: _Quoted) -> None:
        self.quoted[id(quote)] = quote, quoted
        self.word_runs.update(_runs(quoted.words))
        self.lemma_runs.update(_runs(quoted.lemmas))

    def hold(self, quote: Quote, quoted: _Quoted) -> bool:
        """Whether ``quoted``, the words of ``quote``, are inside another quote's."""
        words, lemmas = quoted.words.split(" ")[1:-1], quoted.lemmas.split(" ")[1:-1]
        if id(quote) in self.quoted or max(len(words), len(lemmas)) > LONGEST_RUN:
            return any(
                quoted.within(other) for kept, other in self.quoted.values() if kept is not quote
            )
        return tuple(words) in self.word_runs or tuple(lemmas) in self.lemma_runs


class _Story:
    """What the story says about whose words are whose."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        quotes = analysis.quotes.quotes
        self.words = {id(q): _quoted(analysis, q) for q in quotes}
        self.sourced_quotes = [q for q in quotes if q.attributed or q.direct]
        self.others = _Quotes()  # the sourced and spared quotes
        for quote in self.sourced_quotes:
            self.others.add(quote, self.words[id(quote)])
        self.body_lemmas = _reported_body_lemmas(analysis)
        self.spared: list[Quote] = []
        self.spared_ends: list[int] = []  # sorted

    def spare(self, quote: Quote) -> None:
        """Remember a quote that is not flagged: for the same words quoted again, for
        the quotes listed with it and, in the body, for the headline."""
        self.spared.append(quote)
        bisect.insort(self.spared_ends, quote.end)
        self.others.add(quote, self.words[id(quote)])
        self.__dict__.pop("_spared_sentences", None)  # worked out again when next asked
        if not _headline(self.analysis, quote):
            self.body_lemmas |= set(self.words[id(quote)].lemmas.split())

    def sourced(self, quote: Quote) -> bool:
        """True if the story makes the quoted words somebody's, or a term's."""
        analysis = self.analysis
        block = analysis.blocks[quote.blocks[0]]
        words = self.words[id(quote)]
        if _utterance(quote.inner(analysis.text), words) or self._quoted_elsewhere(quote):
            return True
        if self._listed_with_spared(quote):
            return True
        headline = _headline(analysis, quote)
        if not headline and self._adopted_later(quote):
            return True
        if headline and (
            self._echoed_in_body(words)
            or _speaker_named(block, quote)
            or self._body_too_short(quote)
        ):
            return True
        head = _head(block, quote)
        return head is not None and (
            _reported_in_paragraph(block, head, headline)
            or _speech_in_sentence(head, quote, block, headline)
            or _term(head, quote, block)
        )

    def beside_spared(self, quote: Quote) -> bool:
        """A quote in a sentence with another that is somebody's words or a term is one
        of a series: "among 'very liberal' voters and 9 percent of the 'moderate' vote"."""
        return self._sentence(quote.inner_start) in self._spared_sentences

    @cached_property
    def _spared_sentences(self) -> set[tuple[int, int] | None]:
        closed = (other for other in self.spared if other.close is not None)
        return {self._sentence(other.inner_start) for other in closed} - {None}

    def _sentence(self, offset: int) -> tuple[int, int] | None:
        found = self.analysis.token_at(offset)
        if found is None:
            return None
        block, token = found
        return block.block.start + token.sent.start_char, block.block.start + token.sent.end_char

    def _quoted_elsewhere(self, quote: Quote) -> bool:
        return self.others.hold(quote, self.words[id(quote)])

    def _echoed_in_body(self, words: _Quoted) -> bool:
        """At least half a headline quote's words are the body's sources' words."""
        small = _lexicon().small_words
        content = [w for w in words.lemmas.split() if w not in small]
        echoed = [w for w in content if w in self.body_lemmas]
        return bool(content) and 2 * len(echoed) >= len(content)

    def _adopted_later(self, quote: Quote) -> bool:
        """A term quoted on first reference and then used without quote marks: the
        marks introduced it, as style guides ask, and did not doubt it."""
        words = quote.inner(self.analysis.text).strip(" ,.;:!?").split()
        if not words:
            return False
        pattern = re.compile(
            r"(?<![\w'’-])" + r"\s+".join(map(re.escape, words)) + r"(?![\w-])", re.IGNORECASE
        )
        return any(
            not self.analysis.in_quote(match.start(), match.end())
            for match in pattern.finditer(self.analysis.text, quote.end)
        )

    def _listed_with_spared(self, quote: Quote) -> bool:
        """'criminals' and 'rapists': a quote listed right after a spared one shares
        its source, or its use as a term."""
        text, ends = self.analysis.text, self.spared_ends
        near = ends[bisect.bisect_left(ends, _gap_start(text, quote.open)) :]
        return any(
            LIST_GAP.fullmatch(text[end : quote.open]) is not None
            for end in itertools.takewhile(lambda end: end <= quote.open, near)
        )

    def _body_too_short(self, quote: Quote) -> bool:
        """The story under a headline is too short to check whose its quoted words are."""
        return self._body_words - self._words_in.get(quote.blocks[0], 0) < MIN_BODY_WORDS

    @cached_property
    def _words_in(self) -> dict[int, int]:
        return {b.index: len(WORD.findall(b.block.text)) for b in self.analysis.body()}

    @cached_property
    def _body_words(self) -> int:
        return sum(self._words_in.values())


def _gap_start(text: str, end: int) -> int:
    """The earliest a list gap (", and the ") ending at ``end`` can start: it holds
    at most GAP_MARKS characters that are not white space."""
    marks = 0
    for start in range(end, 0, -1):
        if not text[start - 1].isspace():
            marks += 1
            if marks > GAP_MARKS:
                return start
    return 0


def _quoted(analysis: Analysis, quote: Quote) -> _Quoted:
    block = analysis.blocks[quote.blocks[0]]
    lemmas = [t.lemma_.lower() for t in _inner_tokens(block, quote)]
    return _Quoted(f" {_normal(quote.inner(analysis.text))} ", f" {' '.join(lemmas)} ")


def _inner_tokens(block: AnalysedBlock, quote: Quote) -> list[Token]:
    inside = block.tokens_from(quote.inner_start, quote.inner_end) or ()
    return [t for t in inside if not t.is_punct]


def _reported_body_lemmas(analysis: Analysis) -> set[str]:
    """Every word the body's reported clauses attribute to somebody."""
    found: set[str] = set()
    for block in analysis.body():
        if block.doc is not None:
            attributed = set().union(*(act.region for act in block.acts))  # each token once
            found.update(block.doc[i].lemma_.lower() for i in attributed)
    return found


def _headline(analysis: Analysis, quote: Quote) -> bool:
    """In a headline or heading, or on a story's short first line: a headline even
    when it ends with a full stop, as scraped headlines often do."""
    index = quote.blocks[0]
    block = analysis.blocks[index].block
    if block.is_title or index != 0:
        return block.is_title
    # Count at most one word past the limit: a long first paragraph costs no more.
    words = sum(1 for _ in islice(NON_SPACE.finditer(block.text), MAX_HEADLINE_WORDS + 1))
    return words <= MAX_HEADLINE_WORDS and "\n" not in block.text.strip()


def _speaker_named(block: AnalysedBlock, quote: Quote) -> bool:
    """A headline that opens with a name and a colon gives the rest to that name:
    "Okafor: council 'will listen'"."""
    if block.doc is None:
        return False
    colon = next((t for t in block.doc if t.text == ":"), None)
    if colon is None or block.offset(colon) > quote.open:
        return False
    name = block.doc[: colon.i]
    return 0 < len(name) <= MAX_NAME_WORDS and all(t.pos_ == "PROPN" for t in name)


def _utterance(inner: str, words: _Quoted) -> bool:
    """Words somebody says, never the writer's: with I, we or you in them, asked or
    exclaimed ("is it over?"), with an editor's [insertion] or a word cut short."""
    asked = inner.rstrip(" ,.'’\"”").endswith(("?", "!"))
    edited = "[" in inner or EXPURGATED.search(inner) is not None
    return asked or edited or any(w in _lexicon().speaker_words for w in words.words.split())


def _head(block: AnalysedBlock, quote: Quote) -> Token | None:
    """The quoted words' syntactic head, in the block's parse."""
    inside = _inner_tokens(block, quote)
    indices = {t.i for t in inside}
    heads = [t for t in inside if t.head.i not in indices or t.head.i == t.i]
    return heads[0] if heads else None


def _reported_in_paragraph(block: AnalysedBlock, head: Token, headline: bool) -> bool:
    """The paragraph reports somebody's words: short quotes in it are that speaker's."""
    assert block.doc is not None
    clause = _clause(head, headline)
    return any(
        not head.sent.start <= act.sentence[0] < head.sent.end or block.doc[act.verb] in clause
        for act in block.acts
    )


def _clause(head: Token, headline: bool) -> list[Token]:
    """The tokens that can speak for the quote: its sentence; in a headline, only the
    relative clause it sits in and the noun that clause describes ("Regions that held
    'votes' will join, says ministry": the ministry does not call them votes)."""
    if headline:
        for token in [head, *head.ancestors]:
            if token.dep_ in DESCRIPTIVE_DEPS:
                return [token.head, *token.subtree]
    return list(head.sent)


def _speech_in_sentence(head: Token, quote: Quote, block: AnalysedBlock, headline: bool) -> bool:
    """A verb or noun of speech in the quote's clause makes the words its speaker's:
    "calling it 'meritless'", "his 'fair deal' pledge", "in the words of an aide";
    so does a person owning the quoted noun (Obama's "pivot")."""
    lexicon = _lexicon()
    inside = range(quote.inner_start - block.block.start, quote.inner_end - block.block.start)
    for token in _clause(head, headline):
        if token.idx in inside:
            continue
        if _speech_verb(token, head, lexicon) or _speech_noun(token, head, lexicon):
            return True
    return _owned(head)


def _speech_verb(token: Token, head: Token, lexicon: _Lexicon) -> bool:
    """A verb of speech that somebody uses. A bare infinitive with no subject, no
    clause and not over the quote says nothing about who speaks ("used to claim
    the region")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.speech_verbs:
        return False
    return (
        token.tag_ != "VB"
        or token.is_ancestor(head)
        or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "ccomp" for c in token.children)
    )


def _speech_noun(token: Token, head: Token, lexicon: _Lexicon) -> bool:
    """A noun of speech, or a plan or idea somebody owns: near the quote, whoever owns
    it ("its 'modest' plan"); anywhere in the clause, when a person does ("Ruiz's plan
    would ask for a 'fair' share")."""
    names = {token.lower_, token.lemma_.lower()}
    if names & lexicon.speech_nouns and token.pos_ in ("NOUN", "PROPN"):
        return True
    if not names & lexicon.owned_nouns:
        return False
    owners = [c for c in token.children if c.dep_ in OWNER_DEPS]
    near = token.i == head.head.i or head.i == token.head.i
    return bool(owners) and (near or any(_person(c) for c in owners))


def _owned(head: Token) -> bool:
    """A quoted noun a person owns is that person's term: Obama's "pivot"."""
    return any(c.dep_ in OWNER_DEPS and _person(c) for c in head.children)


def _person(owner: Token) -> bool:
    return owner.pos_ == "PROPN" or owner.lower_ in OWNER_PRONOUNS


def _term(head: Token, quote: Quote, block: AnalysedBlock) -> bool:
    """A name, a term or a word as a word: quoted proper nouns ('Guccifer'), a quoted
    pronoun or other little word, or a phrase the quote marks hold together before
    its noun ("the 'safety check' feature", a "too big to fail" tax). A single quoted
    word before its noun stays a scare quote: the 'modest' rise."""
    tokens = _inner_tokens(block, quote)
    if all(t.pos_ == "PROPN" for t in tokens):
        return True
    if len(tokens) == 1 and head.pos_ in FUNCTION_POS:
        return True  # a little word quoted is the word itself: "she" is a "he"
    noun = head.head
    after = noun.i > head.i and block.offset(noun) > quote.end
    return len(tokens) > 1 and after and noun.pos_ in ("NOUN", "PROPN")


def _last_words(text: str, count: int) -> str:
    return " ".join(WORD.findall(text.casefold())[-count:])


def _names_work(words: list[str], before: str) -> bool:
    """A title or name: after 'film', 'report', 'titled'…, or capitalised as a title."""
    lexicon = _lexicon()
    if _last_words(before, 1) in lexicon.titles:
        return True
    significant = [w for w in words if w.casefold() not in lexicon.small_words] or words[:1]
    capitalised = all(w[0].isupper() for w in significant) and words[0][0].isupper()
    return capitalised and (_mid_sentence(before) or len(significant) > 1)


def _fabrication_told(before: str) -> bool:
    """The sentence says, just before the quote, that the quoted thing was forged or
    faked ("manipulated images to produce 'proof'"): the doubt has its reason."""
    sentence = SENTENCE_END.split(before)[-1]
    near = WORD.findall(sentence.casefold())[-FABRICATION_WORDS:]
    return not _lexicon().fabrication_cues.isdisjoint(near)


def _word_as_word(before: str, after: str) -> bool:
    """A word used as a word or a term: after 'the word', 'known as (the)', 'called'…,
    translated ("Spanish for 'goodbye'"), or glossed after it ("'refoulement' (forcible
    return)")."""
    lexicon = _lexicon()
    words = WORD.findall(before.casefold())
    if words[-1:] and words[-1] in ARTICLES:
        words = words[:-1]
    if any(" ".join(words[-n:]) in lexicon.word_cues for n in (1, 2, 3)):
        return True
    if TRANSLATION.search(before):
        return True
    rest = after.lstrip(" ,.;:").casefold()
    return rest.startswith(lexicon.gloss_cues) or rest.lstrip("—–- ").startswith(lexicon.gloss_cues)


def _nickname(words: list[str], before: str, after: str) -> bool:
    """Earvin "Magic" Johnson: one word between a given name and a surname."""
    previous = WORD.findall(before)[-1:]
    following = WORD.findall(after)[:1]
    names = previous + following
    return (
        len(words) == 1
        and len(names) == 2
        and all(n[0].isupper() for n in names)
        and before.endswith(" ")
    )


class UnbalancedQuotes(Rule):
    """Flags an opening quote mark never closed, or a closing mark with no opening.

    A quote that runs over several paragraphs is balanced when each new
    paragraph reopens it and the last one closes it; so is one whose paragraphs
    were run together on one line ("We will appeal. "And we will win," she said.),
    and one paragraph broken in two, whose second part's first mark closes the quote.
    An unclosed quote is reported at the mark that opened its last part. A straight
    mark that closes a block quote in straight marks, with curly quotes nested in its
    paragraphs, is not a stray; and when a paragraph holds one opening mark too many
    and which one is unclear ("“‘…’”" closing it), neither is reported.

    Anti-pattern:
        "We will appeal, the lawyer said.

    Best practice:
        "We will appeal," the lawyer said.
    """

    code = "NL903"
    name = "unbalanced-quotes"
    summary = "Quote mark opened and never closed, or closed and never opened"

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        text = analysis.text
        quotes = analysis.quotes.quotes
        # Filtered once, not once per unclosed quote: a paragraph of open marks stays linear.
        glued = [
            q
            for q in quotes
            if q.close is not None and text[q.inner_start : q.inner_start + 1] in SINGLE_OPENERS
        ]
        for quote in quotes:
            if quote.close is None and not _inner_closes_paragraph(analysis, quote, glued):
                offset = quote.last_open
                mark = mark_at(text, offset)
                message = f"Opening quote mark {mark} is never closed"
                yield self.finding(analysis, offset, offset + len(mark), message)
        for offset in analysis.quotes.stray_closers:
            if _closes_straight_block_quote(analysis, offset):
                continue
            mark = mark_at(text, offset)
            message = f"Closing quote mark {mark} has no opening mark"
            yield self.finding(analysis, offset, offset + len(mark), message)


def _inner_closes_paragraph(analysis: Analysis, quote: Quote, quotes: list[Quote]) -> bool:
    """An inner quote of the same kind, opened by a double mark glued to a single one,
    closes the paragraph the open quote ends in ("He said, “the memo “‘Ferries
    First’ was short.”"): the glued double mark may be the stray one, as likely as the
    outer mark is unclosed, so neither is reported."""
    text = analysis.text
    paragraph = analysis.block_at(quote.last_open)
    if paragraph is None:
        return False
    block = paragraph.block
    return any(
        inner.mark is quote.mark
        and inner.depth > quote.depth
        and inner.close is not None
        and quote.last_open < inner.open
        and text[inner.inner_start : inner.inner_start + 1] in SINGLE_OPENERS
        and _blank_until(text, inner.end, block.end)
        for inner in quotes
    )


def _closes_straight_block_quote(analysis: Analysis, offset: int) -> bool:
    """A straight mark ending a paragraph that opens with a curly one, in a run of
    paragraphs that each open with a double mark, an earlier one straight: a block
    quote in straight marks with curly quotes nested in it, whose paragraphs the scanner
    paired by kind rather than by style. The straight mark closes the block quote."""
    text = analysis.text
    paragraph = analysis.block_at(offset)
    if paragraph is None or text[offset] != '"':
        return False
    if not _blank_until(text, offset + 1, paragraph.block.end):
        return False
    openers = []
    for block in reversed(analysis.blocks[: paragraph.index + 1]):
        first = block.block.text.lstrip()[:1]
        if first not in STRAIGHT_OR_CURLY_OPENERS:
            break
        openers.append(first)
    return bool(openers) and openers[0] == "“" and '"' in openers[1:]


def _blank_until(text: str, start: int, end: int) -> bool:
    return not text[start:end].strip()


RULES = [ScareQuotes, UnbalancedQuotes]
