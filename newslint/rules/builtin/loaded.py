"""NL301 loaded-said-verb: reporting verbs that judge the speaker."""

from __future__ import annotations

from collections.abc import Iterable

from newslint.analysis.attribution import Kind, SpeechAct
from newslint.analysis.document import AnalysedBlock, Analysis
from newslint.analysis.nlp import Need
from newslint.rules.base import Finding, Rule, Severity

REASONS = {
    "doubt": ("casts doubt on the speaker", Severity.WARNING),
    "culpability": ("implies the speaker owns up to a fault", Severity.WARNING),
    "endorsing": ("tells the reader the speaker is right", Severity.INFO),
    "emotive": ("dramatises how the speaker spoke", Severity.INFO),
}
SAID = {"VBD": "said", "VBN": "said", "VBZ": "says", "VBG": "saying"}


class LoadedSaidVerb(Rule):
    """Flags a reporting verb that takes sides: claimed, admitted, revealed, slammed.

    "Said" is neutral. "Claimed" and "alleged" hint the speaker is lying;
    "admitted" and "conceded" that they own up to a fault; "revealed" and
    "acknowledged" that they are right; "slammed" and "boasted" dramatise. Use
    them only when the judgement is established fact. "Claimed responsibility",
    "was admitted to hospital" and "claim" as a noun are not reporting verbs.

    Anti-pattern:
        The council claimed the cuts would save £2m.

    Best practice:
        The council said the cuts would save £2m.
    """

    code = "NL301"
    name = "loaded-said-verb"
    summary = "Reporting verb that judges the speaker"
    needs = frozenset({Need.PARSE})

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        quoted = {id(q.act) for q in analysis.quotes.quotes if q.act is not None}
        for block, act in analysis.speech_acts():
            if act.verb_class not in REASONS or analysis.in_quote(act.cue[0]):
                continue
            if act.kind is Kind.ACCORDING_TO or not (act.region or id(act) in quoted):
                continue  # the verb reports nothing: "claimed responsibility"
            yield self._finding(analysis, block, act)

    def _finding(self, analysis: Analysis, block: AnalysedBlock, act: SpeechAct) -> Finding:
        start, end = act.cue
        verb = analysis.text[start:end]
        tag = block.doc[act.verb].tag_ if block.doc is not None else "VBD"
        neutral = SAID.get(tag, "say")
        reason, severity = REASONS[act.verb_class or ""]
        message = f"'{verb}' {reason}; the neutral verb is '{neutral}'"
        return self.finding(analysis, start, end, message, severity=severity, suggestion=neutral)


RULES = [LoadedSaidVerb]
