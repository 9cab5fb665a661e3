"""Point lookups over many intervals in logarithmic time.

Rules ask "which quote, which attribution, holds this offset?" once per token or per
quote; scanning every interval for each question makes the cost grow with the square
of the input. These indexes are built once, in ``O(n log n)``, and answer each
question with a binary search.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class FirstHolding(Generic[T]):
    """The first item, in the order given, whose interval ``[start, end)`` holds a point."""

    def __init__(self, intervals: Iterable[tuple[int, int, T]]) -> None:
        ranked = [(s, e, rank, item) for rank, (s, e, item) in enumerate(intervals) if s < e]
        ranked.sort(key=lambda x: x[0])
        self._points = sorted({p for s, e, _, _ in ranked for p in (s, e)})
        self._answers: list[T | None] = []
        active: list[tuple[int, int, int]] = []  # (rank, end, position in ranked)
        next_interval = 0
        for point in self._points:
            while next_interval < len(ranked) and ranked[next_interval][0] <= point:
                _, end, rank, _ = ranked[next_interval]
                heapq.heappush(active, (rank, end, next_interval))
                next_interval += 1
            while active and active[0][1] <= point:
                heapq.heappop(active)
            self._answers.append(ranked[active[0][2]][3] if active else None)

    def at(self, point: int) -> T | None:
        k = bisect.bisect_right(self._points, point) - 1
        return self._answers[k] if k >= 0 else None


class AnyOverlapping:
    """Whether any of a set of intervals ``[start, end)`` overlaps a query interval."""

    def __init__(self, intervals: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(intervals)
        self._starts = [s for s, _ in ordered]
        self._furthest: list[int] = []
        furthest = None
        for _, end in ordered:
            furthest = end if furthest is None else max(furthest, end)
            self._furthest.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """True if some interval begins before ``end`` and ends after ``start``."""
        k = bisect.bisect_left(self._starts, end)
        return k > 0 and self._furthest[k - 1] > start

    def encloses(self, start: int, end: int) -> bool:
        """True if some interval begins at or before ``start`` and ends at or after ``end``."""
        k = bisect.bisect_right(self._starts, start)
        return k > 0 and self._furthest[k - 1] >= end
