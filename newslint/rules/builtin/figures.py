"""NL101 unsourced-figure: claims made with figures that no source near them covers."""

from __future__ import annotations

from collections.abc import Iterable

from newslint.analysis.document import Analysis
from newslint.analysis.figures import DIGITS, Figure, FigureKind, figures, gives_figures
from newslint.analysis.nlp import Need
from newslint.analysis.sourcing import Reach
from newslint.rules.base import Finding, Option, Rule, Severity

NEAR = frozenset({Reach.SENTENCE, Reach.NEXT_SENTENCE, Reach.PARAGRAPH})
# An organisation or a document cited in the lead or the paragraph before gives the
# story's forecasts and statistics; a crowd count is the reporter's own unless its
# source is near.
FOLLOWED = NEAR | {Reach.PREVIOUS_PARAGRAPH, Reach.LEAD}


def _number_key(text: str) -> str:
    return "".join(DIGITS.findall(text)) or text.lower()


class UnsourcedFigure(Rule):
    """Flags a claim made with a figure that no source near it covers.

    Not every number is a claim. A price paid, a sum raised, a result or a vote
    share, a threshold ("the 1,237 delegates needed"), a target, a score, an age, a
    figure hyphenated to a noun ("a 15,000-member staff"), an organisation's count of
    its own members, documents or donors, and a settled past event can be checked.
    Claims are an estimate (an approximated share, "an estimated 11 million"), a
    forecast ("is expected to inject $200m", "will rise by 12%"), a crowd or casualty
    count in the thousands (hundreds can be counted on the spot), and a statistic
    about people or the economy ("there are 300,000 steel workers", "nearly 10,000
    jobs disappeared"). The source may stand in the sentence (a reporting verb, an
    owned plan or outlook, a verb whose "that" clause holds the figure), the next
    sentence or the paragraph; a document, or an organisation that reports, in the
    lead or the paragraph before covers the forecasts and statistics that follow, and
    a poll or survey cited anywhere covers the story's shares. Someone named who
    estimates or counts in the sentences before, back to the previous paragraph,
    covers the figure, and so does someone speaking in the next paragraph for the
    organisation the figure's clause is about. A definite estimate ("the estimated 11
    million") is an established figure, and the headline rate of an official series
    (unemployment, inflation, growth) is a fact. Headlines are left to the body, and a
    sentence gets one query for all its figures. A figure attributed elsewhere in the
    story is info. Cue words live in ``rules/lexicon/figures.toml``.

    Anti-pattern:
        About 40% of the town's bus routes will close.

    Best practice:
        About 40% of the town's bus routes will close, the transport authority said.
    """

    code = "NL101"
    name = "unsourced-figure"
    summary = "Figure has no source"
    needs = frozenset({Need.PARSE, Need.ENTITIES})
    options = (
        Option.positive("min-cardinal", 100, "Smallest plain number that counts as a figure"),
        Option.positive(
            "min-people", 1000, "Smallest count of people at an event that needs a source"
        ),
    )

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        least = self.settings["min-cardinal"], self.settings["min-people"]
        found = [f for block in analysis.body() for f in figures(block, *least)]
        sourcing = analysis.sourcing
        sourced = {_number_key(f.number) for f in found if sourcing.attributing(f.anchor)}
        queried: set[int] = set()
        for figure in found:
            if not figure.kind.claim or analysis.in_quote(figure.start, figure.end):
                continue
            sentence = sourcing.sentence_of(figure.anchor)
            if figure.owned or sentence in queried or _covered(analysis, figure):
                continue
            if sentence is not None:
                queried.add(sentence)  # one query a sentence: its figures share a source
            severity = Severity.INFO if _number_key(figure.number) in sourced else None
            span = analysis.text[figure.start : figure.end]
            message = f"{figure.kind.value.capitalize()} '{span}' has no source; say who gives it"
            yield self.finding(analysis, figure.start, figure.end, message, severity=severity)


def _covered(analysis: Analysis, figure: Figure) -> bool:
    sourcing = analysis.sourcing
    if any(gives_figures(before) for before in sourcing.preceding(figure.anchor)):
        return True  # "advocates estimated …", then "an estimated 50,000 more …"
    if figure.actor is not None and sourcing.speaks_next(figure.anchor, figure.actor):
        return True  # the company's own cuts, confirmed by its spokeswoman next
    coverage = sourcing.coverage(figure.anchor)
    if coverage is None:
        return False
    if figure.kind is FigureKind.PEOPLE:
        return coverage.reach in NEAR
    if coverage.reach in FOLLOWED:
        return True
    return figure.share and (figure.kind is FigureKind.STATISTIC or analysis.sourcing.cites_poll)


RULES = [UnsourcedFigure]
