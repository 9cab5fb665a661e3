"""Which rules run: ruff-style code prefixes in select / ignore / extend-select."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

ALL = "ALL"


def matches(code: str, selectors: Iterable[str]) -> bool:
    return any(s == ALL or code.startswith(s) for s in selectors)


def select_codes(
    codes: Iterable[str],
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    defaults: Iterable[str] | None = None,
) -> list[str]:
    """Codes chosen by ``select`` plus ``extend_select``, less ``ignore``.

    With no ``select``, the ``defaults`` are chosen (every code when none are given),
    as ruff's default selection holds only its most precise rules."""
    fallback = [ALL] if defaults is None else list(defaults)
    chosen = fallback if select is None else list(select)
    return sorted(
        code
        for code in codes
        if matches(code, [*chosen, *extend_select]) and not matches(code, ignore)
    )


def unknown_selectors(codes: Iterable[str], selectors: Iterable[str]) -> list[str]:
    """Selectors that match no known code (likely typos)."""
    known = list(codes)
    return [s for s in selectors if s != ALL and not any(c.startswith(s) for c in known)]
