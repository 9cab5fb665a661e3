"""``--plot``: findings per 1,000 words by month and by section, drawn with Agg."""

from __future__ import annotations

from pathlib import Path

from newslint.audit.report import Group, Summary


def _rates(groups: dict[str | None, Group]) -> tuple[list[str], list[float]]:
    named = sorted((name, group) for name, group in groups.items() if name is not None)
    return [n for n, _ in named], [g.rate(sum(g.findings.values())) for _, g in named]


def draw(summary: Summary, path: Path) -> None:
    """Two panels, by month and by section; a panel with no metadata says so."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 7), layout="constrained")
    FigureCanvasAgg(figure)
    by_month, by_section = figure.subplots(2, 1)
    months, month_rates = _rates(summary.months)
    by_month.plot(months, month_rates, marker="o")
    by_month.set_title("Findings per 1,000 words by month")
    by_month.tick_params(axis="x", labelrotation=45)
    sections, section_rates = _rates(summary.sections)
    by_section.bar(sections, section_rates)
    by_section.set_title("Findings per 1,000 words by section")
    for axes, names, what in ((by_month, months, "dates"), (by_section, sections, "sections")):
        axes.set_ylabel("per 1,000 words")
        if not names:
            axes.text(0.5, 0.5, f"no {what} in the archive", ha="center", transform=axes.transAxes)
    figure.savefig(path, dpi=100)
