"""The audit's report: Parquet files written as results stream in, and the summary.

``OUTPUT`` (``report.parquet``) has a row per finding; ``report.articles.parquet`` a row
per article; ``report.summary.parquet`` the rates, a row per grouping, group and rule."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

METADATA_FIELDS = [
    ("id", pa.string()),
    ("section", pa.string()),
    ("author", pa.string()),
    ("date", pa.string()),
    ("path", pa.string()),
    ("metadata", pa.string()),
]
FINDINGS = pa.schema(
    [
        *METADATA_FIELDS,
        ("code", pa.string()),
        ("rule", pa.string()),
        ("severity", pa.string()),
        ("line", pa.int32()),
        ("column", pa.int32()),
        ("end_line", pa.int32()),
        ("end_column", pa.int32()),
        ("message", pa.string()),
        ("profile", pa.string()),
    ]
)
ARTICLES = pa.schema(
    [
        *METADATA_FIELDS,
        ("month", pa.string()),
        ("words", pa.int64()),
        ("prose_words", pa.int64()),
        ("attributed_words", pa.int64()),
        ("findings", pa.int64()),
        ("profile", pa.string()),
    ]
)
SUMMARY = pa.schema(
    [
        ("by", pa.string()),  # all, section or month
        ("group", pa.string()),  # the section or month; "all" for the whole archive
        ("code", pa.string()),  # a rule code, or "*" for every rule
        ("articles", pa.int64()),
        ("words", pa.int64()),
        ("words_per_article", pa.float64()),
        ("findings", pa.int64()),
        ("per_1000_words", pa.float64()),
        ("own_voice_share", pa.float64()),
        ("attributed_share", pa.float64()),
    ]
)
ALL_RULES = "*"


def companion(output: Path, kind: str) -> Path:
    """``report.parquet`` → ``report.<kind>.parquet``, beside it."""
    stem = output.name.removesuffix(".parquet")
    return output.with_name(f"{stem}.{kind}.parquet")


@dataclass
class Group:
    """Running totals of one section, month or the whole archive."""

    articles: int = 0
    words: int = 0
    prose_words: int = 0
    attributed_words: int = 0
    findings: Counter[str] = field(default_factory=Counter)

    def add(self, article: dict[str, Any], codes: list[str]) -> None:
        self.articles += 1
        self.words += article["words"]
        self.prose_words += article["prose_words"] or 0
        self.attributed_words += article["attributed_words"] or 0
        self.findings.update(codes)

    def rate(self, count: int) -> float:
        """Findings per 1,000 words."""
        return 1000 * count / self.words if self.words else 0.0

    @property
    def attributed_share(self) -> float | None:
        return self.attributed_words / self.prose_words if self.prose_words else None

    def rows(self, by: str, name: str | None) -> list[dict[str, Any]]:
        share = self.attributed_share
        counts = [(ALL_RULES, sum(self.findings.values())), *sorted(self.findings.items())]
        return [
            {
                "by": by,
                "group": name,
                "code": code,
                "articles": self.articles,
                "words": self.words,
                "words_per_article": self.words / self.articles if self.articles else 0.0,
                "findings": count,
                "per_1000_words": self.rate(count),
                "own_voice_share": None if share is None else 1 - share,
                "attributed_share": share,
            }
            for code, count in counts
        ]


class Summary:
    """Totals for the whole archive, each section and each month."""

    def __init__(self) -> None:
        self.total = Group()
        self.sections: dict[str | None, Group] = {}
        self.months: dict[str | None, Group] = {}
        self.names: dict[str, str] = {}  # rule code → name

    def add(self, article: dict[str, Any], findings: list[dict[str, Any]]) -> None:
        codes = [f["code"] for f in findings]
        self.names.update((f["code"], f["rule"]) for f in findings)
        self.total.add(article, codes)
        self.sections.setdefault(article["section"], Group()).add(article, codes)
        self.months.setdefault(article["month"], Group()).add(article, codes)

    def rows(self) -> list[dict[str, Any]]:
        rows = self.total.rows("all", "all")
        for by, groups in (("section", self.sections), ("month", self.months)):
            for name in sorted(groups, key=lambda g: (g is None, g or "")):
                rows += groups[name].rows(by, name)
        return rows


class ReportWriter:
    """Writes finding and article rows as batches arrive, then the summary."""

    def __init__(self, output: Path) -> None:
        output.parent.mkdir(parents=True, exist_ok=True)
        self.paths = [output, companion(output, "articles"), companion(output, "summary")]
        self.findings = pq.ParquetWriter(output, FINDINGS)
        self.articles = pq.ParquetWriter(self.paths[1], ARTICLES)
        self.summary = Summary()

    def add(self, findings: list[dict[str, Any]], articles: list[dict[str, Any]]) -> None:
        self.findings.write_table(pa.Table.from_pylist(findings, schema=FINDINGS))
        self.articles.write_table(pa.Table.from_pylist(articles, schema=ARTICLES))
        by_path: dict[str, list[dict[str, Any]]] = {}
        for finding in findings:
            by_path.setdefault(finding["path"], []).append(finding)
        for article in articles:
            self.summary.add(article, by_path.get(article["path"], []))

    def close(self) -> None:
        """Finish the streamed files and write the summary."""
        self.findings.close()
        self.articles.close()
        pq.write_table(pa.Table.from_pylist(self.summary.rows(), schema=SUMMARY), self.paths[2])


def text_summary(summary: Summary, workers: int, seconds: float) -> str:
    """A few lines for the terminal: totals, rates per rule and per section."""
    total = summary.total
    found = sum(total.findings.values())
    lines = [
        f"Audited {total.articles:,} articles ({total.words:,} words) with {workers} "
        f"worker{'' if workers == 1 else 's'} in {seconds:.1f} s: {found:,} findings, "
        f"{total.rate(found):.2f} per 1,000 words",
    ]
    share = total.attributed_share
    if share is not None:
        lines.append(
            f"Our own voice: {1 - share:.0%} of {total.prose_words:,} words of prose; "
            f"attributed to sources: {share:.0%}"
        )
    for code, count in sorted(total.findings.items()):
        name = summary.names.get(code, "")
        lines.append(f"  {code} {name:<24} {count:7,}  {total.rate(count):6.2f} per 1,000 words")
    sections = [
        f"{name} {group.rate(sum(group.findings.values())):.2f}"
        for name, group in sorted(summary.sections.items(), key=lambda kv: kv[0] or "")
        if name is not None
    ]
    if sections:
        lines.append("By section, per 1,000 words: " + ", ".join(sections))
    return "\n".join(lines) + "\n"
