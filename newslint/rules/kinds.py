"""Rule kinds that rule packs instantiate with data (Vale's model).

``existence`` flags any listed word or phrase; ``substitution`` flags a word and
suggests the house form. Both look only at the writer's own voice: text inside
quotation marks is the source's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any, ClassVar

from newslint.analysis.document import Analysis
from newslint.analysis.nlp import Need
from newslint.rules.base import Finding, Rule, Severity

WORD_EDGE_START = r"(?<![\w’'-])"
WORD_EDGE_END = r"(?![\w-]|['’]\w)"


def phrase_pattern(phrases: Iterable[str], ignore_case: bool) -> re.Pattern[str]:
    """One regex matching any phrase as whole words; spaces match any whitespace.

    Compiled once per list: rules ask for it on every document."""
    return _compiled(frozenset(phrases), ignore_case)


@cache
def _compiled(phrases: frozenset[str], ignore_case: bool) -> re.Pattern[str]:
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(f"{WORD_EDGE_START}(?:{body}){WORD_EDGE_END}", re.I if ignore_case else 0)


class PackRule(Rule):
    """A rule whose words and messages come from a rule pack."""

    message: ClassVar[str]
    ignore_case: ClassVar[bool] = True
    exceptions: ClassVar[tuple[str, ...]] = ()
    avoid: ClassVar[str] = ""
    prefer: ClassVar[str] = ""
    description: ClassVar[str] = ""
    pack: ClassVar[str] = ""
    pack_keys: ClassVar[frozenset[str]] = frozenset()
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
    pack_keys = frozenset({"tokens"})

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
    pack_keys = frozenset({"swap"})

    @classmethod
    def configure(cls, entry: Mapping[str, Any]) -> dict[str, Any]:
        return super().configure(entry) | {"swap": dict(entry["swap"])}

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        lookup = {k.lower() if self.ignore_case else k: v for k, v in self.swap.items()}
        pattern = phrase_pattern(self.swap, self.ignore_case)
        for match, start, end in self.matches(analysis, pattern):
            word = match.group()
            key = " ".join(word.split())
            better = lookup[key.lower() if self.ignore_case else key]
            yield self.report(analysis, start, end, suggestion=better)


class LabelRule(ExistenceRule):
    """Flags a contested label in the writer's voice that nobody is said to use.

    Attributed text, negations ("was not rigged") and questions ("whether the
    vote was legitimate") are spared.
    """

    needs = frozenset({Need.PARSE})

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        pattern = phrase_pattern(self.tokens, self.ignore_case)
        for _, start, end in self.matches(analysis, pattern):
            if analysis.attribution_at(start) is None and not _negated_or_asked(analysis, start):
                yield self.report(analysis, start, end)


def _negated_or_asked(analysis: Analysis, offset: int) -> bool:
    found = analysis.token_at(offset)
    if found is None:
        return False
    token = found[1]
    sentence = token.sent
    if sentence.text.rstrip().endswith("?") or any(
        t.lower_ in ("whether", "if") for t in sentence[: token.i - sentence.start]
    ):
        return True
    chain = [token, *token.ancestors]
    return any(child.dep_ == "neg" for node in chain for child in node.children)


class JudgementRule(ExistenceRule):
    """Flags judgement in our own voice: listed phrases always, listed adverbs only
    where they comment on the sentence ("Clearly, …", "was clearly wrong"), not where
    they describe how something was done ("spoke clearly")."""

    adverbs: ClassVar[tuple[str, ...]] = ()
    pack_keys = frozenset({"tokens", "adverbs"})
    needs = frozenset({Need.PARSE})

    @classmethod
    def configure(cls, entry: Mapping[str, Any]) -> dict[str, Any]:
        return super().configure(entry) | {"adverbs": tuple(entry["adverbs"])}

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        yield from super().check(analysis)
        pattern = phrase_pattern(self.adverbs, self.ignore_case)
        for _, start, end in self.matches(analysis, pattern):
            if not _manner_adverb(analysis, start):
                yield self.report(analysis, start, end)


def _manner_adverb(analysis: Analysis, offset: int) -> bool:
    """How something was done: after its verb ("spoke clearly") or right before a
    passive participle ("clearly marked"), not commenting on a whole clause."""
    found = analysis.token_at(offset)
    token = found[1] if found else None
    if token is None or token.dep_ != "advmod" or token.head.pos_ not in ("VERB", "ADJ"):
        return False
    verb = token.head  # the small model tags some passive participles as adjectives
    followed_by_comma = token.i + 1 < len(token.doc) and token.nbor(1).text == ","
    after = verb.pos_ == "VERB" and token.i > verb.i and not followed_by_comma
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return after or (passive and token.i == verb.i - 1)


BUILTIN_KINDS: dict[str, type[PackRule]] = {
    "existence": ExistenceRule,
    "substitution": SubstitutionRule,
    "label": LabelRule,
    "judgement": JudgementRule,
}
