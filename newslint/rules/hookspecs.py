"""The plugin interface. Built-in rules use it exactly as third-party plugins do.

A plugin is a module or object registered under the entry-point group
``newslint``; it implements any of these hooks with ``@hookimpl``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path

import pluggy

from newslint.rules.base import Rule

PROJECT = "newslint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def newslint_rules() -> Sequence[type[Rule]]:
    """Return the rule classes this plugin provides.

    What a rule reports is checked before anyone sees it: anything but a Finding
    on the document it was given (its path, the rule's code, a span inside the
    text; ``Rule.finding`` makes one) is dropped with an error naming the plugin,
    rule and file; a fix whose edits are out of range or overlap leaves its file
    unfixed, with an error.
    """


@hookspec
def newslint_rule_kinds() -> Mapping[str, type[Rule]]:
    """Return rule kinds (by name) that rule packs may instantiate, e.g. ``existence``."""


@hookspec
def newslint_packs() -> Sequence[Path | Traversable]:
    """Return rule-pack TOML files this plugin ships."""
