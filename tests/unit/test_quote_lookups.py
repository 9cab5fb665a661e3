"""The scare-quote rule's lookups answer as the scans they replace do."""

from hypothesis import given
from hypothesis import strategies as st

from newslint.analysis.quotes import Quote
from newslint.rules.builtin.quotation import LIST_GAP, _gap_start, _Quoted, _Quotes

WORDS = st.lists(st.sampled_from(["a", "the", "vote", "rigged", "", "  ", "voters"]), max_size=10)
GAPS = st.text(alphabet=" \t\n,andorthe'x", max_size=14)


def _padded(words: list[str]) -> str:
    return f" {' '.join(words)} "


def _quote(number: int) -> Quote:
    return Quote(mark='"', open=number, close=number + 1, end=number + 2, blocks=(0,), depth=0)


@given(st.lists(st.tuples(WORDS, WORDS), max_size=6), WORDS, WORDS)
def test_a_quote_is_found_inside_another_as_by_a_scan(others, words, lemmas):
    index = _Quotes()
    kept = [_Quoted(_padded(w), _padded(m)) for w, m in others]
    for number, quoted in enumerate(kept):
        index.add(_quote(number), quoted)
    asked = _Quoted(_padded(words), _padded(lemmas))
    assert index.hold(_quote(99), asked) == any(asked.within(other) for other in kept)


@given(GAPS, GAPS)
def test_no_list_gap_starts_before_the_earliest_start(before, gap):
    text = before + gap + '"'
    end = len(text) - 1
    earliest = _gap_start(text, end)
    assert not any(LIST_GAP.fullmatch(text[start:end]) for start in range(earliest))
