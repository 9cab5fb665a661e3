"""newslint's own rules, registered through the same hooks as any third-party plugin."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib.resources.abc import Traversable

from newslint.rules.base import Rule
from newslint.rules.builtin import (
    dates,
    figures,
    loaded,
    people,
    quotation,
    readability,
    repeats,
    residue,
    sourcing,
    typography,
    variants,
)
from newslint.rules.distancing import DistancingRule
from newslint.rules.hookspecs import hookimpl
from newslint.rules.kinds import BUILTIN_KINDS, PackRule
from newslint.toml import bundled_pack

RULE_MODULES = (
    figures,
    sourcing,
    quotation,
    loaded,
    readability,
    dates,
    people,
    variants,
    typography,
    residue,
    repeats,
)
CORE_PACKS = (
    "core/quotation.toml",
    "core/labels.toml",
    "core/editorial.toml",
    "core/house.toml",
)


@hookimpl
def newslint_rules() -> Sequence[type[Rule]]:
    return [rule for module in RULE_MODULES for rule in module.RULES]


@hookimpl
def newslint_rule_kinds() -> Mapping[str, type[PackRule]]:
    return BUILTIN_KINDS | {"distancing": DistancingRule}


@hookimpl
def newslint_packs() -> Sequence[Traversable]:
    return [bundled_pack(name) for name in CORE_PACKS]
