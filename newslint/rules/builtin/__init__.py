"""newslint's own rules, registered through the same hooks as any third-party plugin."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib.resources.abc import Traversable

from newslint.rules.base import Rule
from newslint.rules.builtin.figures import UnsourcedFigure
from newslint.rules.builtin.loaded import LoadedSaidVerb
from newslint.rules.builtin.quotation import ScareQuotes, UnbalancedQuotes
from newslint.rules.builtin.sourcing import AnonymousSource, OrphanQuote, VagueAttribution
from newslint.rules.hookspecs import hookimpl
from newslint.rules.kinds import BUILTIN_KINDS, PackRule
from newslint.toml import bundled_pack

CORE_PACKS = ("core/quotation.toml", "core/labels.toml")


@hookimpl
def newslint_rules() -> Sequence[type[Rule]]:
    return [
        UnsourcedFigure,
        VagueAttribution,
        AnonymousSource,
        OrphanQuote,
        ScareQuotes,
        LoadedSaidVerb,
        UnbalancedQuotes,
    ]


@hookimpl
def newslint_rule_kinds() -> Mapping[str, type[PackRule]]:
    return BUILTIN_KINDS


@hookimpl
def newslint_packs() -> Sequence[Traversable]:
    return [bundled_pack(name) for name in CORE_PACKS]
