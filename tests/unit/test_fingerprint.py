"""Fingerprints: stable under edits elsewhere, new when the finding's sentence changes."""

from newslint.linter.fingerprint import fingerprint, fingerprints, sentence_around
from newslint.rules.base import Finding, Severity

TEXT = "Fares rise.\n\nThe board claimed the fares were fair. It met on Monday.\n"


def finding(text: str, word: str, code: str = "NL301") -> Finding:
    start = text.index(word)
    end = start + len(word)
    return Finding("a.txt", 1, 1, 1, 1, code, "rule", Severity.WARNING, "m", start, end)


def test_the_sentence_around_a_finding():
    start = TEXT.index("claimed")
    assert sentence_around(TEXT, start, start + 7) == "The board claimed the fares were fair."


def test_lines_added_above_keep_the_fingerprint():
    moved = "Ferry news\n\nA new paragraph here.\n\n" + TEXT
    assert fingerprint(finding(TEXT, "claimed"), TEXT) == fingerprint(
        finding(moved, "claimed"), moved
    )


def test_an_edit_to_the_sentence_or_another_code_changes_it():
    edited = TEXT.replace("were fair", "were too low")
    base = fingerprint(finding(TEXT, "claimed"), TEXT)
    assert fingerprint(finding(edited, "claimed"), edited) != base
    assert fingerprint(finding(TEXT, "claimed", "NL201"), TEXT) != base


def test_repeats_in_one_file_stay_distinct():
    text = "Fares rise.\n\nThe the fares rise. The the fares rise.\n"
    first = text.index("the fares")
    second = text.index("the fares", first + 1)
    both = [
        Finding("a.txt", 3, 5, 3, 8, "NL902", "r", Severity.WARNING, "m", at, at + 3)
        for at in (first, second)
    ]
    prints = [digest for _, digest in fingerprints(both, text)]
    assert prints[1] == prints[0] + ":2"
