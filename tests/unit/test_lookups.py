"""Indexed lookups of the document and the analysis answer as the scans they replace."""

from hypothesis import given
from hypothesis import strategies as st

from newslint.analysis.quotes import Quote, QuoteScan
from newslint.documents.model import Document, Suppression
from newslint.documents.source import Source

CODES = st.frozensets(st.sampled_from(["NL1", "NL101", "NL201", "NL9"]), max_size=2)
SUPPRESSIONS = st.lists(
    st.builds(
        lambda first, length, codes: Suppression(first, first + length, codes),
        st.integers(1, 30),
        st.integers(0, 12),
        CODES,
    ),
    max_size=12,
)


@given(SUPPRESSIONS, st.integers(0, 45), st.sampled_from(["NL101", "NL102", "NL201", "NL902"]))
def test_a_line_is_suppressed_as_by_a_scan_of_every_comment(suppressions, line, code):
    document = Document(Source("story.md", "x\n" * 45), (), tuple(suppressions))
    expected = any(s.covers(line, code) for s in suppressions)
    assert document.suppressed(line, code) == expected


@given(st.lists(st.integers(0, 60), max_size=15), st.integers(0, 70), st.integers(0, 70))
def test_the_quotes_opening_in_a_span_are_those_a_scan_finds(opens, start, end):
    quotes = [
        Quote(mark='"', open=at, close=at + 1, end=at + 2, blocks=(0,), depth=0)
        for at in sorted(opens)  # as a scan leaves them
    ]
    found = QuoteScan(quotes).opening_in(start, end)
    assert sorted(map(id, found)) == sorted(id(q) for q in quotes if start <= q.open < end)
    assert [q.open for q in found] == sorted(q.open for q in found)
