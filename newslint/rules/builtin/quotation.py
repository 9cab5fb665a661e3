"""Quotation rules: scare quotes and unbalanced quote marks."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newslint.analysis.document import Analysis
from newslint.analysis.nlp import Need
from newslint.analysis.quotes import Quote
from newslint.rules.base import Finding, Option, Rule, Severity
from newslint.rules.builtin.lexicons import words

WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _cues() -> tuple[frozenset[str], frozenset[str]]:
    return words("quotation", "scare-quotes", "title-cues"), words(
        "quotation", "scare-quotes", "word-cues"
    )


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


class ScareQuotes(Rule):
    """Flags a few words in quotation marks in the writer's own voice.

    Quoting one to four of our own words tells the reader not to trust them,
    without saying who doubts them or why. A partial quote that a named source
    said is fine; so are titles of works, words used as words and nicknames.
    In a headline, quoted words that an attributed quote in the body repeats
    are reported as info only.

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
        body_quotes = _attributed_body_quotes(analysis)
        for quote in analysis.quotes.quotes:
            if not self._candidate(analysis, quote):
                continue
            block = analysis.blocks[quote.blocks[0]].block
            severity = None
            if block.is_title and _normal(quote.inner(analysis.text)) in body_quotes:
                severity = Severity.INFO
            span = analysis.text[quote.open : quote.end]
            message = (
                f"Scare quotes around {span} cast doubt in our own voice; "
                "attribute or describe instead"
            )
            yield self.finding(analysis, quote.open, quote.end, message, severity=severity)

    def _candidate(self, analysis: Analysis, quote: Quote) -> bool:
        if quote.depth > 0 or quote.close is None or quote.direct or quote.attributed:
            return False
        words = WORD.findall(quote.inner(analysis.text))
        if not 1 <= len(words) <= self.settings["max-words"]:
            return False
        block = analysis.blocks[quote.blocks[0]].block
        before = block.text[: quote.open - block.start]
        after = block.text[quote.end - block.start :]
        return not (
            _names_work(words, before) or _word_as_word(before) or _nickname(words, before, after)
        )


def _attributed_body_quotes(analysis: Analysis) -> set[str]:
    return {
        _normal(q.inner(analysis.text))
        for q in analysis.quotes.quotes
        if q.attributed and not analysis.blocks[q.blocks[0]].block.is_title
    }


def _last_words(text: str, count: int) -> str:
    return _normal(" ".join(WORD.findall(text)[-count:]))


def _names_work(words: list[str], before: str) -> bool:
    """A title of a work: capitalised mid-sentence, or after 'film', 'report', 'titled'…"""
    titles, _ = _cues()
    if _last_words(before, 1) in titles:
        return True
    mid_sentence = bool(before.strip()) and not before.rstrip().endswith((".", "!", "?", ":"))
    significant = [w for w in words if len(w) > 3] or words[:1]
    return mid_sentence and all(w[0].isupper() for w in significant) and words[0][0].isupper()


def _word_as_word(before: str) -> bool:
    _, cues = _cues()
    tail = _last_words(before, 2)
    return any(tail == cue or tail.endswith(" " + cue) for cue in cues)


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
    paragraph reopens it and the last one closes it.

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
        for quote in analysis.quotes.quotes:
            if quote.close is None:
                mark = text[quote.open]
                message = f"Opening quote mark {mark} is never closed"
                yield self.finding(analysis, quote.open, quote.open + 1, message)
        for offset in analysis.quotes.stray_closers:
            message = f"Closing quote mark {text[offset]} has no opening mark"
            yield self.finding(analysis, offset, offset + 1, message)


RULES = [ScareQuotes, UnbalancedQuotes]
