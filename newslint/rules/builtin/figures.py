"""NL101 unsourced-figure: claims made with figures that no source near them covers."""

from __future__ import annotations

from collections.abc import Iterable

from newslint.analysis.document import Analysis
from newslint.analysis.figures import DIGITS, Figure, FigureKind, figures
from newslint.analysis.nlp import Need
from newslint.analysis.sourcing import Reach
from newslint.rules.base import Finding, Option, Rule, Severity

NEAR = frozenset({Reach.SENTENCE, Reach.NEXT_SENTENCE, Reach.PARAGRAPH, Reach.LEAD})


def _number_key(text: str) -> str:
    return "".join(DIGITS.findall(text)) or text.lower()


class UnsourcedFigure(Rule):
    """Flags a claim made with a figure that no source near it covers.

    Not every number is a claim. A price paid, a sum raised, a result, a score, an
    age or a date can be checked; an estimate ("about 40%"), a forecast ("will rise
    by 12%"), a count of people in a crowd or among casualties, and a statistic about
    people or the economy need a source the reader can see. The source may stand in
    the sentence, the next sentence or the paragraph; a document cited in the lead
    ("Official figures show …") covers the story's figures, and a poll or survey
    cited anywhere covers its statistics. A figure attributed elsewhere in the story
    is info. Cue words live in ``rules/lexicon/figures.toml``.

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
    )

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        found = [
            f for block in analysis.blocks for f in figures(block, self.settings["min-cardinal"])
        ]
        sourcing = analysis.sourcing
        sourced = {_number_key(f.number) for f in found if sourcing.attributing(f.anchor)}
        for figure in found:
            if not figure.kind.claim or analysis.in_quote(figure.start, figure.end):
                continue
            if _covered(analysis, figure):
                continue
            severity = Severity.INFO if _number_key(figure.number) in sourced else None
            span = analysis.text[figure.start : figure.end]
            message = f"{figure.kind.value.capitalize()} '{span}' has no source; say who gives it"
            yield self.finding(analysis, figure.start, figure.end, message, severity=severity)


def _covered(analysis: Analysis, figure: Figure) -> bool:
    coverage = analysis.sourcing.coverage(figure.anchor)
    if coverage is None:
        return False
    return coverage.reach in NEAR or figure.kind is FigureKind.STATISTIC


RULES = [UnsourcedFigure]
