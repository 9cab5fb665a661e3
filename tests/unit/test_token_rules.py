"""The attribute ruler and lemmatizer from memory set what the model's own components
set, token for token, on the real model."""

import pytest
import spacy

from newslint.analysis.nlp import Need, components_for, load_model, parse
from newslint.analysis.token_rules import token_rules

# Written to reach the ruler's harder patterns: two-token ones ("gonna", "ain't",
# "let's", "y'all", "gotta", "c'mon"), dependency tests ("There is", "but" as an
# adverb, "I" and "you" as subject or object), runs of spaces, and the same words
# again, so that the second sight of each comes from memory.
TEXT = (
    "We're gonna fix it, the skipper said.  She ain't wrong, y'all.\n"
    "Let's go, c'mon, we gotta sail. There is a gale and there were two.\n"
    "I told you that it gets worse; it got worse, but then it did get better.\n"
    "Give it to me, he told them, and do what you have done before.\n"
    "Ministers met the ferry crews on Tuesday, and they said the fares would rise."
)
ATTRIBUTES = ("text", "pos_", "tag_", "dep_", "lemma_", "morph")


def _attributes(doc):
    return [tuple(str(getattr(token, name)) for name in ATTRIBUTES) for token in doc]


@pytest.fixture(scope="module")
def nlp():
    return load_model(None, components_for({Need.PARSE}))


def test_the_same_attributes_as_the_model_twice_over(nlp):
    paragraphs = TEXT.split("\n")
    expected = [_attributes(doc) for doc in nlp.pipe(paragraphs)]
    for _ in range(2):  # the first pass fills the memory, the second reads it
        assert [_attributes(doc) for doc in parse(nlp, paragraphs, 8)] == expected


def test_a_ruler_testing_what_is_not_read_keeps_the_models_own():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"ORTH": "Kyiv"}]], {"LEMMA": "Kyiv"})
    nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    assert token_rules(nlp) is None


def test_a_model_without_a_lemmatizer_keeps_the_models_own():
    assert token_rules(spacy.blank("en")) is None
