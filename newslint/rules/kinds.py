"""Rule kinds that rule packs instantiate with data (Vale's model).

``existence`` flags any listed word or phrase; ``substitution`` flags a word and
suggests the house form. Both look only at the writer's own voice: text inside
quotation marks is the source's words. Each kind declares the pack keys it takes
(``keys``), with the values they accept: the schema a pack is checked against.
"""

from __future__ import annotations

import copyreg
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from newslint.analysis.document import Analysis
from newslint.analysis.lexicon import default_lexicon
from newslint.analysis.nlp import Need
from newslint.analysis.sourcing import Reach
from newslint.rules.base import SEVERITIES, Finding, Rule, Severity

if TYPE_CHECKING:
    from spacy.tokens import Token

# How a reporting verb takes what it reports: "said (that) …", "called it a sham".
REPORT_DEPS = frozenset({"ccomp", "xcomp", "oprd", "parataxis"})
WORD_EDGE_START = r"(?<![\w’'-])"
WORD_EDGE_END = r"(?![\w-]|['’]\w)"
NEVER = re.compile(r"(?!)")
CODE = re.compile(r"[A-Z]{1,6}[0-9]{1,4}")
NAME = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")


@dataclass(frozen=True)
class Key:
    """A pack key: the values it accepts (``expects`` says which, in errors)."""

    expects: str
    accepts: Callable[[Any], bool]
    required: bool = False


def _phrase(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _phrases(value: Any) -> bool:
    return isinstance(value, list) and all(_phrase(v) for v in value)


def _swap(value: Any) -> bool:
    return isinstance(value, dict) and all(_phrase(k) and _phrase(v) for k, v in value.items())


TEXT = Key("a string", lambda v: isinstance(v, str))
LINE = Key("a non-empty string", _phrase)
FLAG = Key("true or false", lambda v: isinstance(v, bool))
LEVEL = Key(f"one of {', '.join(SEVERITIES)}", lambda v: isinstance(v, str) and v in SEVERITIES)
PHRASES = Key("a list of words or phrases, none blank", _phrases)
SWAP = Key('a table of word = "preferred form", none blank', _swap)


def required(key: Key) -> Key:
    return replace(key, required=True)


def phrase_pattern(phrases: Iterable[str], ignore_case: bool) -> re.Pattern[str]:
    """One regex matching any phrase as whole words; spaces match any whitespace.
    No phrases match nothing.

    Compiled once per list: rules ask for it on every document."""
    return _compiled(frozenset(phrases), ignore_case)


@cache
def _compiled(phrases: frozenset[str], ignore_case: bool) -> re.Pattern[str]:
    if not phrases:
        return NEVER
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(f"{WORD_EDGE_START}(?:{body}){WORD_EDGE_END}", re.I if ignore_case else 0)


def _matches(pattern: re.Pattern[str], value: Any) -> bool:
    return isinstance(value, str) and pattern.fullmatch(value) is not None


class PackRuleType(type):
    """The type of pack kinds. A class made from a pack entry exists in no module, so it
    pickles as the recipe it was made from (``made_from``), for worker processes."""

    def make(cls, name: str, attributes: dict[str, Any]) -> PackRuleType:
        """A rule class of this kind with a pack entry's ``attributes``."""
        made = PackRuleType(name, (cls,), attributes)
        made.made_from = (cls, name, attributes)
        return made


def _reduce_pack_rule(cls: PackRuleType) -> str | tuple[Any, ...]:
    """A kind pickles by name, as any class; a class made from a pack by its recipe."""
    made_from = cls.__dict__.get("made_from")
    return cls.__qualname__ if made_from is None else (PackRuleType.make, made_from)


copyreg.pickle(PackRuleType, _reduce_pack_rule)


class PackRule(Rule, metaclass=PackRuleType):
    """A rule whose words and messages come from a rule pack."""

    message: ClassVar[str]
    ignore_case: ClassVar[bool] = True
    exceptions: ClassVar[tuple[str, ...]] = ()
    avoid: ClassVar[str] = ""
    prefer: ClassVar[str] = ""
    description: ClassVar[str] = ""
    pack: ClassVar[str] = ""
    keys: ClassVar[dict[str, Key]] = {
        "code": required(Key("a code such as 'AB123'", lambda v: _matches(CODE, v))),
        "name": required(Key("a kebab-case name", lambda v: _matches(NAME, v))),
        "kind": required(LINE),
        "summary": required(LINE),
        "message": required(LINE),
        "severity": LEVEL,
        "title-severity": LEVEL,
        "default": FLAG,
        "ignore-case": FLAG,
        "skip-attributed": FLAG,
        "exceptions": PHRASES,
        "description": TEXT,
        "avoid": TEXT,
        "prefer": TEXT,
    }
    # The fields a pack's message may use, as {match}.
    placeholders: ClassVar[frozenset[str]] = frozenset({"match"})
    skip_attributed: ClassVar[bool] = False
    title_severity: ClassVar[Severity | None] = None

    @classmethod
    def configure(cls, entry: Mapping[str, Any]) -> dict[str, Any]:
        """Class attributes for a pack entry of this kind (keys already validated).

        ``skip-attributed`` spares words a source is said to use (and so needs the
        parse); ``title-severity`` is the severity in a headline or heading.
        """
        attributes: dict[str, Any] = {"ignore_case": entry.get("ignore-case", True)}
        if entry.get("skip-attributed", False):
            attributes |= {"skip_attributed": True, "needs": cls.needs | {Need.PARSE}}
        if "title-severity" in entry:
            attributes["title_severity"] = Severity(entry["title-severity"])
        return attributes

    @classmethod
    def documentation(cls) -> str:
        parts = [cls.summary, cls.description.strip()]
        if cls.avoid:
            parts.append(f"Anti-pattern:\n    {cls.avoid}")
        if cls.prefer:
            parts.append(f"Best practice:\n    {cls.prefer}")
        parts.append(f"Defined in rule pack: {cls.pack}")
        return "\n\n".join(p for p in parts if p)

    def matches(
        self, analysis: Analysis, pattern: re.Pattern[str]
    ) -> Iterator[tuple[re.Match[str], int, int]]:
        """Matches in our own voice: outside quotes, listed exceptions and, if asked,
        attributed text."""
        unless = phrase_pattern(self.exceptions, True) if self.exceptions else None
        for block in analysis.document.blocks:
            spared = [m.span() for m in unless.finditer(block.text)] if unless else []
            for match in pattern.finditer(block.text):
                start, end = block.start + match.start(), block.start + match.end()
                if analysis.in_quote(start, end):
                    continue
                if self.skip_attributed and analysis.attribution_at(start) is not None:
                    continue
                if not any(a <= match.start() and match.end() <= b for a, b in spared):
                    yield match, start, end

    def report(
        self, analysis: Analysis, start: int, end: int, suggestion: str | None = None
    ) -> Finding:
        """A finding with the pack's message, at title severity in a headline or heading."""
        block = analysis.block_at(start)
        in_title = block is not None and block.block.is_title
        text = analysis.text[start:end]
        message = self.message.format(match=text, suggestion=suggestion)
        severity = self.title_severity if in_title else None
        return self.finding(analysis, start, end, message, severity=severity, suggestion=suggestion)


class ExistenceRule(PackRule):
    """Flags each listed word or phrase."""

    tokens: ClassVar[tuple[str, ...]] = ()
    keys = PackRule.keys | {"tokens": required(PHRASES)}

    @classmethod
    def configure(cls, entry: Mapping[str, Any]) -> dict[str, Any]:
        return super().configure(entry) | {"tokens": tuple(entry["tokens"])}

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        pattern = phrase_pattern(self.tokens, self.ignore_case)
        for _, start, end in self.matches(analysis, pattern):
            yield self.report(analysis, start, end)


class SubstitutionRule(PackRule):
    """Flags each listed word and suggests the preferred one."""

    swap: ClassVar[Mapping[str, str]] = {}
    keys = PackRule.keys | {"swap": required(SWAP)}
    placeholders = PackRule.placeholders | {"suggestion"}

    @classmethod
    def configure(cls, entry: Mapping[str, Any]) -> dict[str, Any]:
        return super().configure(entry) | {"swap": dict(entry["swap"])}

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        pattern = phrase_pattern(self.swap, self.ignore_case)
        for match, start, end in self.matches(analysis, pattern):
            better = self.preferred(match.group())
            if not _is_form(match, better):
                yield self.report(analysis, start, end, suggestion=better)

    def preferred(self, word: str) -> str:
        """The house form of a matched word: its own entry, else the entry it matched
        (in another case, or spaced otherwise)."""
        spaced = " ".join(word.split())
        if spaced in self.swap:
            return self.swap[spaced]
        return next(
            better
            for listed, better in self.swap.items()
            if phrase_pattern((listed,), self.ignore_case).fullmatch(word)
        )


def _is_form(match: re.Match[str], preferred: str) -> bool:
    """The matched text already is the house form (spaced any way), or is it with the
    capital a sentence starts with. Any other case is a different form: "council tax"
    where the house writes "Council Tax"."""
    text = " ".join(match.group().split())
    before = match.string[: match.start()].rstrip()
    starts_sentence = not before or before[-1] in ".!?:"
    return text == preferred or (starts_sentence and text == preferred[:1].upper() + preferred[1:])


class LabelRule(ExistenceRule):
    """Flags a contested label in the writer's voice that nobody is said to use.

    Attributed text and sentences that report someone's words, negations ("was
    not rigged") and questions ("whether the vote was legitimate") are spared, and
    so are names and titles ("the Sham
    Trials", a capitalised listed word inside a sentence) and other senses that a
    common noun before the label marks ("training regime", "sock puppet").
    """

    needs = frozenset({Need.PARSE})

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        pattern = phrase_pattern(self.tokens, self.ignore_case)
        for _, start, end in self.matches(analysis, pattern):
            if self.in_our_voice(analysis, start, end):
                yield self.report(analysis, start, end)

    def in_our_voice(self, analysis: Analysis, start: int, end: int) -> bool:
        """The label at ``[start, end)`` is the writer's own: not someone's words (nor in
        a sentence that reports someone's), not denied or asked, not part of a name, not
        in another sense."""
        found = analysis.token_at(start)
        if found is None or analysis.attribution_at(start) is not None:
            return False
        coverage = analysis.sourcing.coverage(start)
        if coverage is not None and coverage.reach is Reach.SENTENCE:
            return False
        block, token = found
        return not (
            _negated_or_asked(token)
            or _reported(token)
            or _in_name(analysis.text[start:end], token, block.block.is_title, self.listed())
            or _other_sense(token)
        )

    def listed(self) -> tuple[str, ...]:
        """Every listed word, for telling a name ("the Sham Trials") from a label."""
        return self.tokens


class CategoryLabelRule(LabelRule):
    """A contested-label rule with two lists: ``tokens`` judge wherever the writer
    uses them ("a sham vote"); ``categories`` name a class of act or actor
    ("terrorist", "massacre", "regime") and judge only where the writer applies them
    to someone or something: "the attackers were terrorists", "it was a massacre",
    "they looked like terrorists", "Pure propaganda." A category used to refer ("the
    2001 terrorist attacks", "the regime in Damascus") is spared, and so is one that
    describes the kind of thing it modifies, unless that thing is itself applied
    ("released a propaganda video", but "is a terrorist group")."""

    categories: ClassVar[tuple[str, ...]] = ()
    keys = LabelRule.keys | {"categories": required(PHRASES)}

    @classmethod
    def configure(cls, entry: Mapping[str, Any]) -> dict[str, Any]:
        return super().configure(entry) | {"categories": tuple(entry["categories"])}

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        yield from super().check(analysis)
        pattern = phrase_pattern(self.categories, self.ignore_case)
        for _, start, end in self.matches(analysis, pattern):
            found = analysis.token_at(end - 1)  # the head word of "war criminal"
            if found is None or not _applied(found[1], found[0].block.is_title):
                continue
            if self.in_our_voice(analysis, start, end):
                yield self.report(analysis, start, end)

    def listed(self) -> tuple[str, ...]:
        return self.tokens + self.categories


def _negated_or_asked(token: Token) -> bool:
    sentence = token.sent
    if sentence.text.rstrip().endswith("?") or any(
        t.lower_ in ("whether", "if") for t in sentence[: token.i - sentence.start]
    ):
        return True
    chain = [token, *token.ancestors]
    return any(child.dep_ == "neg" for node in chain for child in node.children)


def _reported(token: Token) -> bool:
    """Inside what a reporting verb reports, even a verb with no subject to name as
    the speaker: "calling the vote a sham", "by saying the system is rigged"."""
    lexicon = default_lexicon()
    node = token
    while node.head.i != node.i:
        verb = node.head
        if node.dep_ in REPORT_DEPS and lexicon.reporting_class(verb.lemma_):
            return True
        node = verb
    return False


def _in_name(text: str, token: Token, in_title: bool, listed: tuple[str, ...]) -> bool:
    """A listed lower-case word written with a capital inside a sentence of body text:
    part of a name or a title ("the Terrorist Screening Center")."""
    if in_title or not text[:1].isupper() or token.i == token.sent.start:
        return False
    return text.lower() in {t.lower() for t in listed if t[:1].islower()}


def _other_sense(token: Token) -> bool:
    """A common noun before the label gives it another sense: "exercise regime"."""
    return any(c.dep_ == "compound" and c.tag_ in ("NN", "NNS") for c in token.children)


def _applied(token: Token, in_title: bool) -> bool:
    """The writer applies the category to someone or something: as the complement of
    "be" or "look like", in an aside that classifies ("…, a dictator,"), or as a
    verbless sentence of body text of its own ("Pure propaganda."; a headline without
    a verb names its subject). An object refers to an event ("failed to prevent a
    massacre"). A modifier counts only through a noun it modifies that is the
    complement of "be" ("is a terrorist group"), not one that is an object ("released
    a propaganda video")."""
    if token.dep_ == "ROOT" and token.pos_ == "NOUN" and not _modifies_next(token):
        return not in_title
    if token.dep_ in ("amod", "compound") and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head.dep_ in ("attr", "acomp")
    if _modifies_next(token):
        return False
    if token.dep_ in ("attr", "acomp"):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "like":
        return token.head.head.pos_ in ("VERB", "AUX")  # "looked like terrorists"
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
    return indefinite and token.dep_ == "appos"


def _modifies_next(token: Token) -> bool:
    """A noun modifier the parse took for the head of its phrase: "a propaganda,
    recruitment video" (the next word, past a comma, modifies a noun of its own)."""
    following = token.doc[token.i + 1 : token.i + 3]
    if following and following[0].text == ",":
        following = following[1:]
    return (
        bool(following)
        and following[0].dep_ in ("compound", "amod")
        and (following[0].head.i > following[0].i)
    )


class VoiceRule(ExistenceRule):
    """Flags each listed word in the writer's own voice, as the parse reads it: not
    in what a reporting verb reports, even one with no subject ("calling the result a
    stunning upset"), nor in a clause about what a source describes ("the country
    described by the president is … with stunning innovation"), nor in a clause that
    weighs a possibility ("a win would be a stunning upset")."""

    needs = frozenset({Need.PARSE})

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        pattern = phrase_pattern(self.tokens, self.ignore_case)
        for _, start, end in self.matches(analysis, pattern):
            found = analysis.token_at(start)
            if self.own_voice(analysis, start) and not (found and _hypothetical(found[1])):
                yield self.report(analysis, start, end)

    @staticmethod
    def own_voice(analysis: Analysis, start: int) -> bool:
        found = analysis.token_at(start)
        return found is None or not (_reported(found[1]) or _described(found[1]))


class JudgementRule(VoiceRule):
    """Flags judgement in our own voice: listed phrases always; listed connectives
    only inside a clause ("will of course win"), not set off as a connective ("Of
    course, …", "…, of course, …"); listed adverbs only where they comment on the
    sentence ("Sadly, …", "was sadly wrong"), not where they describe how something
    was done ("spoke clearly", "more clearly defined") or say whom it suits
    ("Fortunately for the club, …"). Words of certainty (``certainty``:
    "undoubtedly") are flagged only in a sentence about the future ("she will
    undoubtedly win"): there they state as fact what has not happened, while of the
    present or past they mostly sum up the evidence the story gives."""

    adverbs: ClassVar[tuple[str, ...]] = ()
    connectives: ClassVar[tuple[str, ...]] = ()
    certainty: ClassVar[tuple[str, ...]] = ()
    keys = VoiceRule.keys | {
        "adverbs": required(PHRASES),
        "connectives": required(PHRASES),
        "certainty": PHRASES,
    }

    @classmethod
    def configure(cls, entry: Mapping[str, Any]) -> dict[str, Any]:
        return super().configure(entry) | {
            "adverbs": tuple(entry["adverbs"]),
            "connectives": tuple(entry["connectives"]),
            "certainty": tuple(entry.get("certainty", ())),
        }

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        yield from super().check(analysis)
        for start, end in self.voiced(analysis, self.connectives):
            if not _set_off(analysis.text, start, end):
                yield self.report(analysis, start, end)
        for start, end in self.voiced(analysis, self.adverbs):
            found = analysis.token_at(start)
            if found is None or not (_manner_adverb(found[1]) or _beneficiary(found[1])):
                yield self.report(analysis, start, end)
        for start, end in self.voiced(analysis, self.certainty):
            found = analysis.token_at(start)
            if found is not None and _about_future(found[1]):
                yield self.report(analysis, start, end)

    def voiced(self, analysis: Analysis, phrases: tuple[str, ...]) -> Iterator[tuple[int, int]]:
        """Spans of the listed phrases in our own voice."""
        pattern = phrase_pattern(phrases, self.ignore_case)
        for _, start, end in self.matches(analysis, pattern):
            if self.own_voice(analysis, start):
                yield start, end


def _about_future(token: Token) -> bool:
    """The sentence looks ahead with "will" or "won't": "She undoubtedly will win"."""
    return any(t.tag_ == "MD" and t.lemma_.lower() in ("will", "wo") for t in token.sent)


def _described(token: Token) -> bool:
    """In a clause whose subject is what a source is said to describe: "the country
    described by the president is … with stunning innovation"."""
    lexicon = default_lexicon()
    subjects = (c for c in token.sent.root.children if c.dep_ in ("nsubj", "nsubjpass"))
    return any(
        node.dep_ == "acl"
        and lexicon.reporting_class(node.lemma_) is not None
        and any(c.dep_ == "agent" for c in node.children)
        for subject in subjects
        for node in subject.subtree
    )


def _hypothetical(token: Token) -> bool:
    """In a clause whose verb takes "would", "could" or "might": a possibility the
    writer weighs, not a fact it hypes."""
    verb = next((n for n in (token, *token.ancestors) if n.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(
        c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in verb.children
    )


def _set_off(text: str, start: int, end: int) -> bool:
    """A connective at the start of its sentence or between commas or dashes."""
    before = text[max(0, start - 40) : start].rstrip()
    after = text[end : end + 40].lstrip()
    opens = not before or before[-1] in ".!?:;,—–-(\"“‘'\n"
    return opens or after[:1] in (",", "—", "–", ")")


def _manner_adverb(token: Token) -> bool:
    """How something was done: after its verb ("spoke clearly"), right before a
    passive or attributive participle ("clearly marked", "a clearly defined role") or
    compared ("more clearly defined"), not commenting on a whole clause."""
    if token.dep_ != "advmod" or token.head.pos_ not in ("VERB", "ADJ"):
        return False
    if any(c.lower_ in ("more", "less") for c in token.children):
        return True
    verb = token.head  # the small model tags some passive participles as adjectives
    followed_by_comma = token.i + 1 < len(token.doc) and token.nbor(1).text == ","
    after = verb.pos_ == "VERB" and token.i > verb.i and not followed_by_comma
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    attributive = verb.tag_ == "VBN" and verb.dep_ == "amod"  # "a clearly defined role"
    return after or ((passive or attributive) and token.i == verb.i - 1)


def _beneficiary(token: Token) -> bool:
    """ "Fortunately for the club": luck for someone, not the writer's feeling."""
    return token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "for"


BUILTIN_KINDS: dict[str, type[PackRule]] = {
    "existence": ExistenceRule,
    "substitution": SubstitutionRule,
    "label": LabelRule,
    "category-label": CategoryLabelRule,
    "judgement": JudgementRule,
    "voice": VoiceRule,
}
