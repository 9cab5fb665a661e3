"""The model's parser and entity recogniser, stepped through a batch at a time.

spaCy's own greedy decoder for these components lets go of Python's global lock for its
loop, then takes it back for each move it tests at each token: on news copy, most of the
decoding time. The same greedy decoding, driven from here a step at a time with the lock
held, scores each step's states in one batch with the component's own step model and
takes each state's best valid move with spaCy's own transition code: the same parses and
entities (tested on the real model), in about half the time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline.transition_parser import Parser
    from spacy.tokens import Doc


class Stepped:
    """Sets what a parser or entity recogniser would, on a batch of docs."""

    def __init__(self, component: Parser) -> None:
        self.component = component

    def __call__(self, docs: Sequence[Doc]) -> None:
        component = self.component
        worded = [doc for doc in docs if len(doc)]
        if not worded:
            return
        states = component.moves.init_batch(worded)
        step = component.model.predict(worded)
        unfinished = [state for state in states if not state.is_final()]
        while unfinished:
            unfinished = component.transition_states(unfinished, step.predict(unfinished))
        # As spaCy's own decoder does: the step model's features for the whole batch
        # sit in a reference cycle, and would wait for the garbage collector.
        step.clear_memory()
        component.set_annotations(worded, states)


def stepped(nlp: Language, name: str) -> Stepped | None:
    """Component ``name`` stepped from here, if it is spaCy's own greedy parser or
    entity recogniser; None for any other, which keeps its own decoder."""
    from spacy.pipeline import DependencyParser, EntityRecognizer

    component = nlp.get_pipe(name)
    if type(component) not in (DependencyParser, EntityRecognizer):
        return None
    return Stepped(component) if component.cfg.get("beam_width") == 1 else None
