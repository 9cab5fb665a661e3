"""The ``distancing`` pack kind: words that cast doubt on a name in the writer's voice."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from newslint.analysis.document import Analysis
from newslint.analysis.nlp import Need
from newslint.analysis.sourcing import Reach
from newslint.rules.base import Finding
from newslint.rules.builtin.lexicons import words
from newslint.rules.kinds import PHRASES, ExistenceRule, _reported, phrase_pattern, required

if TYPE_CHECKING:
    from spacy.tokens import Token

# The word after the match: a name ("Cadillac"), a quoted term or a hyphenated
# compound ("pay-for-delay") is a term being introduced, not a claim being doubted.
NEXT_WORD = re.compile(r"\s*(\S+)")
QUOTE_MARKS = "\"'“”‘’«»"
HYPHENATED = re.compile(r"\w+-\w")


class DistancingRule(ExistenceRule):
    """Flags a distancing word that casts doubt in the writer's own voice.

    ``tokens`` ("self-styled", "supposedly") doubt whatever they touch and are
    flagged wherever the writer uses them. ``qualifiers`` ("so-called",
    "supposed", "self-proclaimed") mostly introduce a technical or unfamiliar term
    ("so-called metadata") or report how people describe themselves ("a
    self-proclaimed outsider") and doubt only a claim to be something: they are flagged only
    where the noun they modify is one of the ``targets``, the events,
    institutions, people and judgements whose standing can be doubted ("the
    so-called referendum", "supposed experts"). Both are spared in a source's
    words (quoted, attributed to a person or body, or reported: "She said the
    so-called reforms failed"), in the content of a belief or claim the sentence gives
    to others ("rumours of the supposedly secret deal"), and before a name, a quoted
    term or a hyphenated compound ("the so-called Cadillac tax", "so-called 'dark money'").
    A token on a phrase of circumstance or a reduced relative, in a sentence that
    attributes nothing, hedges a detail relayed from a record ("donors supposedly marked
    as a priority") and is spared too.
    """

    qualifiers: ClassVar[tuple[str, ...]] = ()
    targets: ClassVar[frozenset[str]] = frozenset()
    keys = ExistenceRule.keys | {"qualifiers": required(PHRASES), "targets": required(PHRASES)}
    needs = frozenset({Need.PARSE})

    @classmethod
    def configure(cls, entry: Mapping[str, Any]) -> dict[str, Any]:
        return super().configure(entry) | {
            "qualifiers": tuple(entry["qualifiers"]),
            "targets": frozenset(t.lower() for t in entry["targets"]),
        }

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        for listed, needs_target in ((self.tokens, False), (self.qualifiers, True)):
            pattern = phrase_pattern(listed, self.ignore_case)
            for _, start, end in self.matches(analysis, pattern):
                if self.doubts(analysis, start, end, needs_target):
                    yield self.report(analysis, start, end)

    def doubts(self, analysis: Analysis, start: int, end: int, needs_target: bool) -> bool:
        """The word at ``[start, end)`` is the writer's own doubt: nobody is said to use
        it, it does not introduce a term, and a qualifier modifies a target noun."""
        found = analysis.token_at(end - 1)
        if found is None or _attributed(analysis, start):
            return False
        token = found[1]
        if _reported(token) or _introduces_term(analysis.text, end) or _in_belief(token):
            return False
        if _hedges_a_detail(token) and not _sentence_attributes(analysis, start):
            return False
        return not needs_target or self.modifies_target(token)

    def modifies_target(self, token: Token) -> bool:
        """The qualifier modifies a listed noun, at most with nouns in between
        ("so-called peace deal"), not an adjective that makes a coined term."""
        noun = token.head
        if token.dep_ not in ("amod", "compound") or noun.i < token.i:
            return False
        between = token.doc[token.i + 1 : noun.i]
        if any(t.dep_ != "compound" for t in between):
            return False
        return noun.pos_ == "NOUN" and (
            noun.lemma_.lower() in self.targets or noun.lower_ in self.targets
        )


def _attributed(analysis: Analysis, start: int) -> bool:
    """A source is said to use the word. Figures, polls and studies vouch for facts,
    not for the writer's words: "The so-called consultation drew 412 responses,
    according to council figures" is still the writer's doubt."""
    if analysis.attribution_at(start) is None:
        return False
    attribution = analysis.sourcing.attributing(start)
    return attribution is None or attribution.source_type != "document"


def _in_belief(token: Token) -> bool:
    """Earlier in the sentence, a rumour, theory or cause that others hold: the word
    reports what that belief holds ("rumours spread of a supposedly secret deal"), it
    does not doubt in our voice. The whole sentence, not the noun phrase: long lists
    of beliefs are often misparsed."""
    beliefs = words("quotation", "distancing", "belief-nouns")
    return any(
        t.pos_ == "NOUN" and t.lemma_.lower() in beliefs
        for t in token.doc[token.sent.start : token.i]
    )


def _hedges_a_detail(token: Token) -> bool:
    """An adverb on a phrase of circumstance or a reduced relative, in a sentence that
    attributes nothing, hedges a detail the writer relays from a record ("the photo shows
    her walking supposedly during a break", "donors supposedly marked as a priority"); on
    a claim a source makes ("alleges violations supposedly committed") it stacks doubt."""
    head = token.head
    return token.dep_ == "advmod" and (
        head.pos_ == "ADP" or (head.tag_ in ("VBN", "VBG") and head.dep_ in ("acl", "pcomp"))
    )


def _sentence_attributes(analysis: Analysis, start: int) -> bool:
    coverage = analysis.sourcing.coverage(start)
    return coverage is not None and coverage.reach is Reach.SENTENCE


def _introduces_term(text: str, end: int) -> bool:
    """The next word is a name, a quoted term or a hyphenated compound."""
    match = NEXT_WORD.match(text, end)
    if match is None:
        return False
    word = match.group(1)
    return word[0].isupper() or word[0] in QUOTE_MARKS or HYPHENATED.match(word) is not None
