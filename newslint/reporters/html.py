"""The HTML format: one self-contained page showing each article with its findings in
place, who says what, and the rules' "avoid / prefer" documentation.

The page loads nothing: its style and script (``report.css``, ``report.js``) are inline
and a Content-Security-Policy allows only those two, by hash, so it opens from disk
with no network. Every piece of text is escaped, and non-ASCII characters are written
as character references, so the page shows the original text exactly whatever
encoding it is saved in.
"""

from __future__ import annotations

import base64
import hashlib
import re
import textwrap
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING

from newslint.analysis.sourcing import Attribution
from newslint.documents.source import Source
from newslint.reporters.html_text import ATTRIBUTION, FINDING, Span, article_text, esc
from newslint.reporters.sources import span_text
from newslint.reporters.text import summary
from newslint.rules.base import Finding, Rule, Severity

if TYPE_CHECKING:
    from newslint.reporters import ReportContext

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
SECTION = re.compile(r"^(Anti-pattern|Best practice):[ \t]*$", re.M)


@dataclass(frozen=True)
class RuleDoc:
    """A rule's documentation in parts: what it flags, what to avoid, what to prefer."""

    about: tuple[str, ...]
    avoid: str
    prefer: str

    @classmethod
    def of(cls, rule: type[Rule]) -> RuleDoc:
        """Split at "Anti-pattern:" and "Best practice:"; each takes the indented lines
        after it, and text after those (a pack's name) joins what the rule flags."""
        parts = SECTION.split(rule.documentation())
        prose, sections = [parts[0]], {}
        for name, body in zip(parts[1::2], parts[2::2], strict=True):
            example = re.match(r"(?:[ \t]*\n|[ \t]+\S.*\n?)*", body)
            assert example is not None  # the pattern matches the empty string
            sections[name] = textwrap.dedent(example.group()).strip()
            prose.append(body[example.end() :])
        paragraphs = "\n\n".join(prose).split("\n\n")
        about = tuple(" ".join(p.split()) for p in paragraphs if p.strip())
        return cls(about, sections.get("Anti-pattern", ""), sections.get("Best practice", ""))


def report(findings: Sequence[Finding], context: ReportContext) -> str:
    ids = {id(f): i for i, f in enumerate(findings)}
    paths = list(dict.fromkeys([*context.sources, *(f.path for f in findings)]))
    by_path: dict[str, list[Finding]] = {path: [] for path in paths}
    for finding in findings:
        by_path[finding.path].append(finding)
    articles = [
        _article(n, path, context.sources.get(path), by_path[path], ids, context)
        for n, path in enumerate(paths)
    ]
    body = "".join(
        [
            _header(findings, paths, context),
            '<div class="layout"><main>',
            _summary(paths, by_path, context) if len(paths) > 1 else "",
            *articles,
            "" if paths else '<p class="none">No file was linted.</p>',
            "</main>",
            _panel(findings, ids, context),
            "</div>",
            '<div id="detail" role="dialog" aria-live="polite" hidden></div>',
            '<div id="cards" hidden>',
            *(_card(f, ids[id(f)]) for f in findings),
            "</div>",
        ]
    )
    return _page(_title(paths), body)


def _asset(name: str) -> str:
    return files("newslint.reporters").joinpath(name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def _page(title: str, body: str) -> str:
    style, script = _asset("report.css"), _asset("report.js")
    policy = f"default-src 'none'; style-src {_hash(style)}; script-src {_hash(script)}"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{style}</style>\n</head>\n"
        f'<body class="sourcing">\n{body}\n<script>{script}</script>\n</body>\n</html>\n'
    )


def _title(paths: Sequence[str]) -> str:
    return f"newslint: {paths[0]}" if len(paths) == 1 else "newslint report"


def _header(findings: Sequence[Finding], paths: Sequence[str], context: ReportContext) -> str:
    sourcing = (
        '<label class="toggle"><input type="checkbox" id="sourcing" checked> sourcing view</label>'
        '<span class="legend"><span class="a t-named">attributed</span> '
        '<span class="a t-anonymous">anonymous source</span> '
        '<span class="a t-none">quoted, no source</span> our own voice</span>'
        if context.attributions
        else ""
    )
    return (
        f'<header><h1>newslint <span class="version">{esc(context.version)}</span></h1>'
        f'<p class="totals">{summary(findings, context.nothing_linted)}'
        f"{f' Files: {len(paths)}.' if len(paths) > 1 else ''}</p>{sourcing}"
        '<p class="keys"><kbd>j</kbd>/<kbd>n</kbd> next finding, <kbd>k</kbd>/<kbd>p</kbd> '
        "previous, <kbd>Esc</kbd> close</p></header>"
    )


def _summary(
    paths: Sequence[str], by_path: Mapping[str, Sequence[Finding]], context: ReportContext
) -> str:
    rows = []
    for n, path in enumerate(paths):
        counted = Counter(f.severity for f in by_path[path])
        cells = "".join(f'<td class="num">{counted[s]}</td>' for s in SEVERITIES)
        attributions = len(context.attributions.get(path, ()))
        rows.append(
            f'<tr><td><a href="#file-{n}">{esc(path)}</a></td>'
            f'<td class="num">{len(by_path[path])}</td>{cells}'
            f'<td class="num">{attributions}</td></tr>'
        )
    heads = "".join(f'<th class="num">{s.value}</th>' for s in SEVERITIES)
    return (
        '<section class="summary"><h2>Files</h2><table><thead><tr><th>file</th>'
        f'<th class="num">findings</th>{heads}<th class="num">attributions</th></tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _article(
    n: int,
    path: str,
    source: Source | None,
    found: Sequence[Finding],
    ids: Mapping[int, int],
    context: ReportContext,
) -> str:
    attributions = context.attributions.get(path, ())
    head = (
        f'<article class="file" id="file-{n}"><h2 class="path">{esc(path)} '
        f'<span class="count">{summary(found)}</span></h2>'
    )
    if source is None or not source.text.strip():
        return f'{head}<p class="none">No text to show.</p></article>'
    spans = [_finding_span(f, ids[id(f)], len(source.text)) for f in found]
    spans += [s for i, a in enumerate(attributions) for s in _attribution_spans(source, a, n, i)]
    return f"{head}{_voices(source, attributions)}{article_text(source, spans)}</article>"


def _finding_span(finding: Finding, index: int, length: int) -> Span:
    """The finding's highlight, kept inside the text whatever a plugin reports."""
    start = min(max(finding.start, 0), length)
    end = min(max(finding.end, start), length)
    sev, code = finding.severity.value, esc(finding.code)
    title = esc(f"{finding.code} {finding.rule} ({sev}): {finding.message}")
    attrs = (
        f'class="f s-{sev}" data-f="{index}" data-code="{code}" data-sev="{sev}" title="{title}"'
    )
    return Span(start, end, FINDING, "mark", attrs, f"f-{index}")


def _who(source: Source, attribution: Attribution) -> str:
    return span_text(source, attribution.source) or "(no source)"


def _attribution_spans(
    source: Source, attribution: Attribution, n: int, index: int
) -> Iterator[Span]:
    kind = attribution.source_type
    shade = kind if kind in ("anonymous", "none") else "named"
    cue = span_text(source, attribution.cue)
    how = f"{attribution.kind}{f', {cue!r}' if cue else ''}"
    title = esc(f"Source: {_who(source, attribution)} ({kind}; {how})")
    attrs = f'class="a t-{shade}" data-a="{n}-{index}" title="{title}"'
    for start, end in attribution.content:
        yield Span(start, end, ATTRIBUTION, "span", attrs)


def _voices(source: Source, attributions: Sequence[Attribution]) -> str:
    """Who is said to say something in the article, and how often."""
    if not attributions:
        return ""
    counted = Counter((_who(source, a), a.source_type) for a in attributions)
    items = "".join(
        f'<li>{esc(who)} <span class="kind">{esc(kind)}</span> &times;{count}</li>'
        for (who, kind), count in counted.most_common()
    )
    return f'<details class="voices"><summary>Who says what</summary><ul>{items}</ul></details>'


def _rule_doc(code: str, rule: type[Rule] | None) -> str:
    if rule is None:
        return f'<div class="doc" id="doc-{esc(code)}"><p>No documentation.</p></div>'
    doc = RuleDoc.of(rule)
    parts = [f"<p>{esc(paragraph)}</p>" for paragraph in doc.about]
    if doc.avoid:
        parts.append(f'<div class="avoid"><h4>Avoid</h4><pre>{esc(doc.avoid)}</pre></div>')
    if doc.prefer:
        parts.append(f'<div class="prefer"><h4>Prefer</h4><pre>{esc(doc.prefer)}</pre></div>')
    return f'<div class="doc" id="doc-{esc(code)}">{"".join(parts)}</div>'


def _panel(findings: Sequence[Finding], ids: Mapping[int, int], context: ReportContext) -> str:
    counted = Counter(f.severity for f in findings)
    severities = "".join(
        f'<label class="s-{s.value}"><input type="checkbox" data-sev="{s.value}" checked> '
        f'{s.value} <span class="n">{counted[s]}</span></label>'
        for s in SEVERITIES
    )
    by_rule: dict[str, list[Finding]] = {}
    for finding in sorted(findings, key=lambda f: f.code):
        by_rule.setdefault(finding.code, []).append(finding)
    rules = "".join(
        f'<label><input type="checkbox" data-rule="{esc(code)}" checked> {esc(code)} '
        f'<span class="n">{len(group)}</span></label>'
        for code, group in by_rule.items()
    )
    groups = "".join(
        _group(code, group, ids, context.rules.get(code), len(context.sources) > 1)
        for code, group in by_rule.items()
    )
    return (
        '<aside class="panel"><h2>Findings</h2>'
        f'<fieldset class="filters"><legend>Severity</legend>{severities}</fieldset>'
        f'<fieldset class="filters"><legend>Rule</legend>{rules}</fieldset>'
        f"{groups or '<p class=none>No findings.</p>'}</aside>"
    )


def _group(
    code: str,
    group: Sequence[Finding],
    ids: Mapping[int, int],
    rule: type[Rule] | None,
    several: bool,
) -> str:
    """One rule's findings, each a link to its place (``several``: naming the file)."""
    name = rule.name if rule else group[0].rule
    items = "".join(
        f'<li class="item s-{f.severity.value}" data-f="{ids[id(f)]}" '
        f'data-sev="{f.severity.value}" data-code="{esc(f.code)}">'
        f'<a href="#f-{ids[id(f)]}" data-f="{ids[id(f)]}">'
        f'<span class="pos">{esc(f.path) + ":" if several else ""}{f.line}:{f.column}</span> '
        f"{esc(f.message)}</a></li>"
        for f in group
    )
    return (
        f'<section class="group" data-rule="{esc(code)}"><h3>{esc(code)} {esc(name)} '
        f'<span class="n">{len(group)}</span></h3>'
        f"<details><summary>avoid / prefer</summary>{_rule_doc(code, rule)}</details>"
        f"<ol>{items}</ol></section>"
    )


def _card(finding: Finding, index: int) -> str:
    """What a click on a finding shows; the script adds the rule's documentation."""
    sev = finding.severity.value
    suggestion = (
        f'<p class="suggestion">Suggestion: {esc(finding.suggestion)}</p>'
        if finding.suggestion
        else ""
    )
    return (
        f'<div class="card s-{sev}" id="card-{index}">'
        f'<p class="what"><span class="sev">{sev}</span> <strong>{esc(finding.code)}</strong> '
        f'{esc(finding.rule)} <span class="pos">{esc(finding.path)}:{finding.line}:'
        f'{finding.column}</span></p><p class="msg">{esc(finding.message)}</p>{suggestion}'
        f'<details class="ruledoc" data-code="{esc(finding.code)}">'
        "<summary>avoid / prefer</summary></details></div>"
    )
