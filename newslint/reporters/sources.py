"""``newslint sources``: every attribution per article, as text or JSON (a stable contract)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newslint.analysis.sourcing import WORD, Attribution
from newslint.documents.source import Source

SNIPPET = 60


@dataclass(frozen=True)
class Article:
    """One article's attributions and the number of words of prose it has."""

    source: Source
    attributions: Sequence[Attribution]
    words: int
    attributed: int


def _words(source: Source, spans: Sequence[tuple[int, int]]) -> int:
    return sum(len(WORD.findall(source.text[start:end])) for start, end in spans)


def span_text(source: Source, span: tuple[int, int] | None) -> str | None:
    """The text of a span on one line; None for no span."""
    return None if span is None else " ".join(source.text[span[0] : span[1]].split())


def _position(source: Source, start: int, end: int) -> dict[str, int]:
    line, column = source.position(start)
    end_line, end_column = source.position(end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}


def as_dict(source: Source, attribution: Attribution) -> dict[str, Any]:
    return {
        "path": source.path,
        "source": span_text(source, attribution.source),
        "source_type": attribution.source_type,
        "cue": span_text(source, attribution.cue),
        "kind": attribution.kind,
        "named": attribution.named,
        "content": [_position(source, s, e) for s, e in attribution.content],
    }


def report_json(articles: Sequence[Article]) -> str:
    entries = [as_dict(x.source, a) for x in articles for a in x.attributions]
    return json.dumps(entries, indent=2, ensure_ascii=False) + "\n"


def _summary(article: Article) -> list[str]:
    source, found, prose_words = article.source, article.attributions, article.words
    by_source: Counter[str] = Counter()
    for attribution in found:
        name = span_text(source, attribution.source) or "(no source)"
        by_source[f"{name} ({attribution.source_type})"] += _words(source, attribution.content)
    own = 1 - article.attributed / prose_words if prose_words else 1.0
    anonymous = len({span_text(source, a.source) for a in found if a.source_type == "anonymous"})
    lines = ["  sources by words attributed:"]
    width = max((len(name) for name in by_source), default=0)
    lines += [f"    {name:<{width}}  {count:5} words" for name, count in by_source.most_common()]
    lines.append(
        f"  our own voice: {own:.0%} of {prose_words} words; anonymous sources: {anonymous}"
    )
    return lines


def report_text(articles: Sequence[Article]) -> str:
    lines = []
    for article in articles:
        source, found = article.source, article.attributions
        lines.append(source.path)
        for attribution in found:
            start = attribution.content[0][0] if attribution.content else 0
            line, column = source.position(start)
            content = " … ".join(span_text(source, span) or "" for span in attribution.content)
            if len(content) > SNIPPET:
                content = content[: SNIPPET - 1] + "…"
            who = span_text(source, attribution.source) or "(no source)"
            cue = span_text(source, attribution.cue) or "-"
            lines.append(
                f"  {line}:{column}: {who} [{attribution.source_type}] {cue} "
                f"({attribution.kind}): {content}"
            )
        lines += _summary(article)
    return "\n".join(lines) + "\n" if lines else ""
