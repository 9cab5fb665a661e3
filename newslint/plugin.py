"""The public API for plugin authors: everything a rule needs, in one import."""

from newslint.analysis.document import Analysis
from newslint.analysis.nlp import Need
from newslint.rules.base import Edit, Finding, Fix, Option, Rule, Severity
from newslint.rules.hookspecs import hookimpl
from newslint.rules.kinds import PackRule

__all__ = [
    "Analysis",
    "Edit",
    "Finding",
    "Fix",
    "Need",
    "Option",
    "PackRule",
    "Rule",
    "Severity",
    "hookimpl",
]
