"""Readability rules: hard body text (NL401), long sentences (NL402), long paragraphs (NL403)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newslint.analysis.document import AnalysedBlock, Analysis
from newslint.analysis.nlp import Need
from newslint.documents.model import Block
from newslint.rules.base import Finding, Option, Rule, Severity
from newslint.rules.builtin.quotation import WORD
from newslint.rules.builtin.syllables import offline_textstat

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

OPENING_WORDS = 3


def word_spans(tokens: Doc | Span) -> list[tuple[int, int]]:
    """Character spans, in the doc, of the words: tokens that are not punctuation or space.

    Tokens glued together count once, as a reader counts them: "do|n't",
    "£|3.4|m" and "well|-|known" are one word each; "plan—which" is two.
    """
    spans: list[tuple[int, int]] = []
    joinable = False
    for token in tokens:
        part = not (token.is_punct or token.is_space)
        if part and joinable:
            spans[-1] = (spans[-1][0], token.idx + len(token))
        elif part:
            spans.append((token.idx, token.idx + len(token)))
        hyphen = token.tag_ == "HYPH" and joinable
        joinable = (part or hyphen) and not token.whitespace_
    return spans


def _opening(block: AnalysedBlock, words: list[tuple[int, int]]) -> tuple[int, int]:
    """Source offsets of the first three words, from the first's start to the third's end."""
    first, last = words[0], words[:OPENING_WORDS][-1]
    return block.block.start + first[0], block.block.start + last[1]


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class Readability(Rule):
    """Flags body text that is hard to read, by Flesch reading ease and grade.

    Scores the body as a whole, headlines and headings left out and quotes
    left in, with textstat's Flesch reading ease (higher is easier; most news
    copy scores 50–70) and Flesch–Kincaid grade (the years of schooling a
    reader needs). Short pieces are not scored: the formulas need a body of
    some length to mean anything. The one finding sits on the first line of
    the body and gives both figures; the cure is shorter sentences and
    shorter words throughout.

    Options: ``min-reading-ease`` (default 50) and ``max-grade`` (default 12)
    are the targets; ``min-words`` (default 100) is the shortest body scored.

    Anti-pattern:
        The authority's comprehensive reconfiguration of intermunicipal
        transportation infrastructure necessitates substantial additional
        expenditure, notwithstanding considerable opposition from
        representatives of neighbouring communities.

    Best practice:
        The authority wants to redesign the region's bus and train links. It
        will cost far more than planned. Neighbouring towns oppose the plan.
    """

    code = "NL401"
    default = False  # a length or style metric, opt-in like ruff's E501 and C901
    name = "readability"
    summary = "Body text is hard to read (Flesch reading ease and grade)"
    options = (
        Option(
            "min-reading-ease",
            50,
            "Lowest acceptable Flesch reading ease (0-100, higher is easier)",
            lambda v: 0 <= v <= 100,
            "an integer from 0 to 100",
        ),
        Option.positive("max-grade", 12, "Highest acceptable Flesch-Kincaid grade"),
        Option.positive("min-words", 100, "Shortest body, in words, that is scored"),
    )

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        body = [block.block for block in analysis.body()]
        text = "\n\n".join(block.text for block in body)
        if len(WORD.findall(text)) < self.settings["min-words"]:
            return
        textstat = offline_textstat()
        ease = round(textstat.flesch_reading_ease(text), 1)
        grade = round(textstat.flesch_kincaid_grade(text), 1)
        target_ease, target_grade = self.settings["min-reading-ease"], self.settings["max-grade"]
        if ease >= target_ease and grade <= target_grade:
            return
        start, end = _first_line(analysis, body[0])
        message = (
            f"Body text reads at Flesch reading ease {ease} (target ≥ {target_ease}) "
            f"and grade {grade} (target ≤ {target_grade}): '{analysis.text[start:end]}'"
        )
        yield self.finding(analysis, start, end, message)


def _first_line(analysis: Analysis, block: Block) -> tuple[int, int]:
    """Source offsets of the block's first line of prose, without surrounding space."""
    start = block.start + len(block.text) - len(block.text.lstrip())
    line, _ = analysis.source.position(start)
    line_end = analysis.source.line_starts[line - 1] + len(analysis.source.line_text(line))
    end = min(line_end, block.end)
    return start, start + len(analysis.text[start:end].rstrip())


class LongSentence(Rule):
    """Flags a sentence too long to take in at one reading, and a long lead.

    Counts the words of each body sentence (headlines and headings aside);
    glued pieces such as "don't" or "£3.4m" count once. The lead, the first
    sentence of the body, has a tighter limit because it must be read at a
    glance. A sentence that is mostly direct quotation is the speaker's, not
    ours, and is skipped.

    Long sentences are long, so the finding spans only the sentence's first
    three words; the message gives the count, the limit and those words.

    Options: ``max-words`` (default 30) for any sentence; ``max-lead-words``
    (default 25) for the lead; ``max-quoted-share`` (default 0.8): a sentence
    whose words lie at least this share inside quotation marks is skipped.

    Anti-pattern:
        The council, which has been under pressure from residents and two
        opposition groups since the spring, voted on Tuesday night to close
        the library on Mill Street and move its books to the town hall.

    Best practice:
        The council voted on Tuesday to close the library on Mill Street.
        Its books will move to the town hall. Residents and two opposition
        groups had fought the closure since the spring.
    """

    code = "NL402"
    default = False  # a length or style metric, opt-in like ruff's E501 and C901
    name = "long-sentence"
    summary = "Sentence or lead too long"
    needs = frozenset({Need.PARSE})
    options = (
        Option.positive("max-words", 30, "Most words in a sentence"),
        Option.positive(
            "max-lead-words", 25, "Most words in the lead, the first sentence of the body"
        ),
        Option(
            "max-quoted-share",
            0.8,
            "Skip a sentence with at least this share of its words in quotes",
            lambda v: 0 < v <= 1,
            "a number above 0 and at most 1.0",
        ),
    )

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        lead = True
        for block, words in self._sentences(analysis):
            limit = self.settings["max-lead-words" if lead else "max-words"]
            kind = "Lead sentence" if lead else "Sentence"
            lead = False
            if len(words) <= limit or self._quoted(analysis, block, words):
                continue
            start, end = _opening(block, words)
            message = (
                f"{kind} of {len(words)} words (limit {limit}) starting "
                f"'{analysis.text[start:end]}'; split it"
            )
            yield self.finding(analysis, start, end, message)

    def _sentences(
        self, analysis: Analysis
    ) -> Iterator[tuple[AnalysedBlock, list[tuple[int, int]]]]:
        """Body sentences that have words, with their word spans."""
        for block in analysis.body():
            for sentence in block.sentences():
                words = word_spans(sentence.span)
                if words:
                    yield block, words

    def _quoted(
        self, analysis: Analysis, block: AnalysedBlock, words: list[tuple[int, int]]
    ) -> bool:
        inside = sum(analysis.in_quote(block.block.start + start) for start, _ in words)
        return inside / len(words) >= self.settings["max-quoted-share"]


class LongParagraph(Rule):
    """Flags a paragraph with too many sentences or words.

    News paragraphs are short: one idea, a few sentences, so the reader can
    scan the story. Paragraphs, list items and block quotes are counted;
    headlines and headings are not. The finding spans the paragraph's first
    three words.

    Options: ``max-sentences`` (default 3) and ``max-words`` (default 70).

    Anti-pattern:
        The ferry left late. The crew blamed the weather. Passengers waited
        two hours. Some missed trains on the mainland. The company apologised.

    Best practice:
        The ferry left two hours late, and the crew blamed the weather.

        Some passengers missed trains on the mainland. The company apologised.
    """

    code = "NL403"
    default = False  # a length or style metric, opt-in like ruff's E501 and C901
    name = "long-paragraph"
    summary = "Paragraph with too many sentences or words"
    severity = Severity.INFO
    needs = frozenset({Need.PARSE})
    options = (
        Option.positive("max-sentences", 3, "Most sentences in a paragraph"),
        Option.positive("max-words", 70, "Most words in a paragraph"),
    )

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        most_sentences, most_words = self.settings["max-sentences"], self.settings["max-words"]
        for block in analysis.body():
            if block.doc is None:
                continue
            words = word_spans(block.doc)
            sentences = sum(1 for s in block.sentences() if word_spans(s.span))
            if sentences <= most_sentences and len(words) <= most_words:
                continue
            start, end = _opening(block, words)
            message = (
                f"Paragraph of {_plural(sentences, 'sentence')} and {_plural(len(words), 'word')} "
                f"(limits {most_sentences} and {most_words}) starting "
                f"'{analysis.text[start:end]}'; split it"
            )
            yield self.finding(analysis, start, end, message)


RULES: list[type[Rule]] = [Readability, LongSentence, LongParagraph]
