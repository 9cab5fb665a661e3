"""Running rules over an analysis: findings, suppressions, and rules that crash."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newslint.analysis.document import Analysis
from newslint.analysis.nlp import Need
from newslint.rules.base import Finding, Rule


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def needs_of(rules: Sequence[Rule]) -> frozenset[Need]:
    return frozenset().union(*(rule.needs for rule in rules))


def run_rules(analysis: Analysis, rules: Sequence[Rule]) -> Outcome:
    """Every rule's findings on one document, less inline suppressions.

    A rule that raises is reported by plugin, rule and file; the rest still run.
    """
    outcome = Outcome()
    document = analysis.document
    for rule in rules:
        try:
            found = list(rule.check(analysis))
        except Exception as exc:  # a plugin's bug must not cost the other rules
            outcome.errors.append(
                f"{document.path}: rule {rule.code} ({rule.name}) from plugin "
                f"'{rule.plugin}' crashed: {type(exc).__name__}: {exc}"
            )
            continue
        outcome.findings.extend(f for f in found if not document.suppressed(f.line, f.code))
    outcome.findings.sort(key=lambda f: f.sort_key)
    return outcome
