"""NL503's pre-check: the letters every match of a spelling's pattern starts with."""

import pytest

from newslint.rules.builtin.variants import literal_start, variant_groups


@pytest.mark.parametrize(
    ("pattern", "start"),
    [
        ("judgements?", "judgement"),
        ("fulfil|fulfils|fulfilment", "fulfil"),
        ("grey(?:s|ed)?", "grey"),
        ("colou?r", "colo"),
        ("per cent", "per"),
        ("Zelenskyy", "zelenskyy"),
        ("(?:x)y", ""),
        ("ab|cd", ""),
    ],
)
def test_literal_start(pattern, start):
    assert literal_start(pattern) == start


def test_every_match_of_every_spelling_starts_with_its_letters():
    samples = "Judgments, fulfilment, greyish colour, per\ncent and Zelenskyy's analysed favours."
    for group in variant_groups():
        for form in group.forms:
            for match in form.compiled.finditer(samples):
                assert match.group().lower().startswith(form.literal), form.pattern
