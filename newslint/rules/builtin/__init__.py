"""newslint's own rules, registered through the same hooks as any third-party plugin."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib.resources.abc import Traversable

from newslint.rules.base import Rule
from newslint.rules.builtin.quotation import ScareQuotes, UnbalancedQuotes
from newslint.rules.hookspecs import hookimpl
from newslint.rules.kinds import BUILTIN_KINDS, PackRule
from newslint.toml import bundled_pack

CORE_PACKS = ("core/quotation.toml",)


@hookimpl
def newslint_rules() -> Sequence[type[Rule]]:
    return [ScareQuotes, UnbalancedQuotes]


@hookimpl
def newslint_rule_kinds() -> Mapping[str, type[PackRule]]:
    return BUILTIN_KINDS


@hookimpl
def newslint_packs() -> Sequence[Traversable]:
    return [bundled_pack(name) for name in CORE_PACKS]
