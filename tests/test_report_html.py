"""``--format html``: the story with its findings in place, checked in a real headless
Chromium (Playwright) with the network shut off, plus fast checks of the page's text
and of ``-o/--output-file`` for every format."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newslint.documents.source import Source
from newslint.reporters import ReportContext, render
from newslint.reporters.html_text import Span, esc, nest
from newslint.rules.base import Finding, Severity
from newslint.rules.registry import load_registry
from tests.conftest import ROOT, assert_named_error, run_cli

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Curly quotes and an emoji before spans, CRLF line ends, an attributed quote that
# runs over a line break, and six findings of six rules.
ARTICLE = (
    "Ferry fares to rise at Porthmellin\r\n\r\n"
    "The harbour board voted on Tuesday to raise ferry fares by 8%, its chair, Delia "
    "Okafor, said. “We cannot keep old boats running,” she said 🙂 after the\r\n"
    "the meeting.\r\n\r\n"
    "The so-called consultation drew few replies. Fares are widely expected to rise "
    "again, and about 30% of riders will switch to buses tomorrow.\r\n\r\n"
    "A source said the “modest” rise was a sham.\r\n"
)
HOSTILE = (
    "# Council <script>window.pwned = 1; alert('x')</script> vote\n\n"
    "<img src=x onerror=\"window.pwned = 2; alert('y')\"> The board met, and the the "
    "vote went ahead.\n\n"
    '> <b onmouseover="window.pwned = 3">Residents</b> said the plan was late '
    "</mark></p><script>window.pwned = 4</script>.\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def html_report(path: Path, *args: str) -> Path:
    out = path.with_suffix(".html")
    result = run_cli("--format", "html", "--no-cache", *args, str(path), "-o", str(out))
    assert result.code in (0, 1), result.stderr
    return out


def offset(source: Source, line: int, column: int) -> int:
    return source.line_starts[line - 1] + column - 1


def expected_spans(path: Path) -> list[tuple[str, str]]:
    """(code, text) of each finding of the JSON output, in order."""
    source = Source(str(path), path.read_bytes().decode("utf-8"))
    findings = run_cli("--format", "json", "--no-cache", str(path)).findings
    return [
        (
            f["code"],
            source.text[
                offset(source, f["line"], f["column"]) : offset(
                    source, f["end_line"], f["end_column"]
                )
            ],
        )
        for f in findings
    ]


# Fast checks of the page's text: no browser.


def test_article_text_is_escaped(tmp_path):
    page = html_report(write(tmp_path, "hostile.md", HOSTILE)).read_text(encoding="ascii")
    assert page.count("<script") == 1  # the report's own, at the end
    assert "<img" not in page and "<b " not in page and "</mark></p>" not in page
    shown = html.unescape(re.sub(r"<[^>]*>", "", page))
    for line in HOSTILE.splitlines():
        assert line in shown


def test_page_refers_to_nothing_outside_itself(tmp_path):
    page = html_report(write(tmp_path, "story.txt", ARTICLE)).read_text(encoding="ascii")
    assert not re.search(r"\b(?:https?|ftp|file|data):", page)
    assert set(re.findall(r'\b(?:href|src|action)="(.)', page)) <= {"#"}
    assert "default-src 'none'" in page


def test_page_is_ascii_and_keeps_every_character(tmp_path):
    page = html_report(write(tmp_path, "story.txt", ARTICLE)).read_bytes()
    assert page.isascii()
    assert b"&#13;" in page and b"&#128578;" in page and b"&#8220;" in page


def test_page_shows_each_rule_avoid_and_prefer(tmp_path):
    page = html_report(write(tmp_path, "story.txt", ARTICLE)).read_text(encoding="ascii")
    doc = load_registry().rules["NL202"].documentation()
    avoid = doc.split("Anti-pattern:", 1)[1].split("Best practice:", 1)[0].strip()
    assert f"<h4>Avoid</h4><pre>{esc(avoid)}</pre>" in page


def test_several_files_get_a_summary_each(tmp_path):
    story = write(tmp_path, "story.txt", ARTICLE)
    clean = write(tmp_path, "clean.md", "# Harbour news\n\nThe board met on Tuesday.\n")
    out = tmp_path / "report.html"
    assert run_cli("--format", "html", str(story), str(clean), "-o", str(out)).code == 1
    page = out.read_text(encoding="ascii")
    rows = re.findall(r'<tr><td><a href="#(file-\d)">([^<]+)</a></td>(.*?)</tr>', page)
    cells = [re.findall(r">(\d+)<", rest) for _, _, rest in rows]
    assert [(anchor, path) for anchor, path, _ in rows] == [
        ("file-0", str(story)),
        ("file-1", str(clean)),
    ]
    assert cells[0][:4] == ["6", "0", "6", "0"] and cells[1][:4] == ["0", "0", "0", "0"]
    assert 'id="file-1"' in page and "No findings." in page


class Pieces(HTMLParser):
    """The text inside each element with a ``data-f``, joined over its pieces; fails on
    an end tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.text: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        key = dict(attrs).get("data-f")
        self.stack.append((tag, key))
        if key is not None:
            self.text.setdefault(key, "")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack.pop()[0] == tag

    def handle_data(self, data: str) -> None:
        for key in {key for _, key in self.stack if key is not None}:
            self.text[key] += data


def spans_for(ranges: list[tuple[int, int]]) -> list[Span]:
    return [Span(a, b, 1, "mark", f'data-f="{i}"') for i, (a, b) in enumerate(ranges)]


@pytest.mark.parametrize(
    "ranges",
    [
        [(0, 10), (2, 5)],  # nested
        [(0, 6), (3, 10)],  # crossing
        [(0, 4), (0, 4), (2, 9), (5, 5), (1, 8)],  # equal, crossing, empty
    ],
)
def test_overlapping_spans_nest_and_keep_their_text(ranges):
    text = "a<b>&c\r\nde"
    parser = Pieces()
    parser.feed(nest(text + "z", 0, len(text) + 1, spans_for(ranges), set()))
    parser.close()
    assert parser.stack == []
    assert parser.text == {str(i): text[a:b] for i, (a, b) in enumerate(ranges)}


def test_output_file_takes_the_report_and_findings_decide_the_exit_code(tmp_path):
    story = write(tmp_path, "story.txt", ARTICLE)
    for fmt in ("text", "json", "sarif", "github", "html"):
        out = tmp_path / f"report.{fmt}"
        result = run_cli("--format", fmt, "--no-cache", str(story), "-o", str(out))
        assert (result.code, result.stdout) == (1, "")
        if fmt != "html":
            plain = run_cli("--format", fmt, "--no-cache", str(story))
            assert out.read_text(encoding="utf-8") == plain.stdout
    assert run_cli("--exit-zero", str(story), "--output-file", str(out)).code == 0
    clean = write(tmp_path, "clean.txt", "Harbour news\n\nThe board met on Tuesday.\n")
    assert run_cli("--format", "html", str(clean), "-o", str(out)).code == 0


def test_output_file_is_replaced_whole(tmp_path):
    story = write(tmp_path, "story.txt", ARTICLE)
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    out.write_text("old report, much longer than the new one " * 500)
    run_cli("--format", "json", str(story), "-o", str(out))
    assert json.loads(out.read_text())[0]["path"] == str(story)
    assert os.listdir(out.parent) == ["report.json"]


@pytest.mark.parametrize("where", ["under-a-file", "a-folder"])
def test_unwritable_output_file_is_an_error_naming_it(tmp_path, where):
    story = write(tmp_path, "story.txt", ARTICLE)
    out = tmp_path / "story.txt" / "report.html" if where == "under-a-file" else tmp_path
    result = run_cli("--format", "html", str(story), "-o", str(out))
    assert_named_error(result, str(out), "cannot write the report")
    assert result.stdout == ""


@pytest.mark.slow
def test_wheel_carries_the_report_style_and_script(tmp_path):
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path), str(ROOT)]
    subprocess.run(build, check=True, capture_output=True)
    [wheel] = tmp_path.glob("newslint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {"newslint/reporters/report.css", "newslint/reporters/report.js"} <= set(names)


# In a real headless Chromium.


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (Debian's chromium package)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield chromium
        chromium.close()


class Opened:
    """A report open in the browser, offline: every request but the page's own is
    aborted and recorded, and so is every dialog."""

    def __init__(self, browser, report: Path) -> None:
        self.url = report.resolve().as_uri()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.page.on(
            "dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss())
        )
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(self.url)

    def _route(self, route) -> None:
        url = route.request.url
        if url == self.url:
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def highlights(self) -> dict[str, str]:
        """Each finding's highlighted text, its pieces joined in page order."""
        return self.page.evaluate(
            """() => {
                const text = {};
                for (const mark of document.querySelectorAll("mark.f")) {
                    text[mark.dataset.f] = (text[mark.dataset.f] || "") + mark.textContent;
                }
                return text;
            }"""
        )


@pytest.fixture
def opened(browser):
    pages: list[Opened] = []

    def _open(report: Path) -> Opened:
        pages.append(Opened(browser, report))
        return pages[-1]

    yield _open
    for page in pages:
        assert page.errors == []
        page.context.close()


@pytest.mark.slow
def test_each_finding_is_highlighted_with_exactly_its_span(tmp_path, opened):
    story = write(tmp_path, "story.txt", ARTICLE)
    expected = expected_spans(story)
    shown = opened(html_report(story))
    assert len(expected) == 6
    assert shown.page.locator("mark.f[id]").count() == len(expected)
    assert shown.highlights() == {str(i): text for i, (_, text) in enumerate(expected)}
    codes = shown.page.eval_on_selector_all("mark.f[id]", "marks => marks.map(m => m.dataset.code)")
    assert codes == [code for code, _ in expected]


@pytest.mark.slow
def test_overlapping_findings_are_each_highlighted(tmp_path, opened):
    text = "Harbour news\n\nThe the so-called “modest” plan 🙂 was late.\n"
    source = Source("story.txt", text)
    ranges = [(14, 21), (18, 31), (14, 44), (22, 41), (23, 23), (36, 38)]
    findings = [
        Finding("story.txt", 3, a - 13, 3, b - 13, code, "rule", severity, f"message {i}", a, b)
        for i, ((a, b), code, severity) in enumerate(
            zip(
                ranges,
                ["NL902", "NL202", "NL102", "NL201", "NL903", "NL303"],
                [Severity.WARNING, Severity.ERROR, Severity.INFO] * 2,
                strict=True,
            )
        )
    ]
    context = ReportContext(rules=load_registry().rules, sources={"story.txt": source})
    report = tmp_path / "report.html"
    report.write_text(render("html", findings, context), encoding="ascii")
    shown = opened(report)
    assert shown.highlights() == {str(i): text[a:b] for i, (a, b) in enumerate(ranges)}


@pytest.mark.slow
def test_clicking_a_highlight_shows_its_message_and_the_rule_one_click_away(tmp_path, opened):
    story = write(tmp_path, "story.txt", ARTICLE)
    shown = opened(html_report(story))
    page, detail = shown.page, shown.page.locator("#detail")
    assert detail.is_hidden()
    page.locator("mark.f[data-code='NL202']").first.click()
    assert detail.is_visible()
    assert "'so-called' casts doubt in our own voice" in detail.inner_text()
    doc = load_registry().rules["NL202"].documentation()
    avoid = doc.split("Anti-pattern:", 1)[1].split("Best practice:", 1)[0].strip()
    assert not detail.get_by_text(avoid).is_visible()
    detail.locator("summary").click()
    assert detail.get_by_text(avoid).is_visible()
    assert "NL202" in page.locator("mark.f[data-code='NL202']").first.get_attribute("title")
    page.keyboard.press("Escape")
    assert detail.is_hidden()


@pytest.mark.slow
def test_panel_links_and_keys_step_through_the_findings(tmp_path, opened):
    story = write(tmp_path, "story.txt", ARTICLE)
    shown = opened(html_report(story))
    page = shown.page

    def current() -> list[str]:
        return page.eval_on_selector_all("mark.f.current", "ms => ms.map(m => m.dataset.f)")

    page.locator(".panel a[data-f='3']").click()
    assert current() == ["3"]
    assert page.locator("#detail").is_visible()
    page.keyboard.press("j")
    assert current() == ["4"]
    page.keyboard.press("n")
    page.keyboard.press("k")
    page.keyboard.press("p")
    assert current() == ["3"]
    page.locator("input[data-rule='NL501']").uncheck()  # finding 4
    page.keyboard.press("j")
    assert current() == ["5"]


@pytest.mark.slow
def test_filters_hide_and_show_findings(tmp_path, opened):
    story = write(tmp_path, "story.txt", ARTICLE)
    shown = opened(html_report(story))
    page = shown.page
    mark, item = page.locator("mark.f[data-code='NL501']"), page.locator("li.item[data-f='4']")

    def background() -> str:
        return mark.evaluate("m => getComputedStyle(m).backgroundColor")

    assert item.is_visible() and background() != "rgba(0, 0, 0, 0)"
    page.locator("input[data-rule='NL501']").uncheck()
    assert item.is_hidden() and background() == "rgba(0, 0, 0, 0)"
    assert page.locator("li.item:visible").count() == 5
    page.locator("input[data-rule='NL501']").check()
    assert item.is_visible() and background() != "rgba(0, 0, 0, 0)"
    page.locator("input[data-sev='warning']").uncheck()
    assert page.locator("li.item:visible").count() == 0
    assert page.locator("mark.f:not(.off)").count() == 0
    page.locator("input[data-sev='warning']").check()
    assert page.locator("li.item:visible").count() == 6


@pytest.mark.slow
def test_attributed_text_is_shaded_with_its_source_on_hover(tmp_path, opened):
    story = write(tmp_path, "story.txt", ARTICLE)
    shown = opened(html_report(story))
    page = shown.page
    sourced = page.locator("article span.a", has_text="We cannot keep old boats running")
    assert "Source: she (person" in sourced.get_attribute("title")
    anonymous = page.locator("article span.a.t-anonymous").first
    assert "A source" in anonymous.get_attribute("title")

    def shade() -> str:
        return sourced.evaluate("s => getComputedStyle(s).backgroundColor")

    assert shade() != "rgba(0, 0, 0, 0)"
    own = page.locator("p.b", has_text="The so-called").evaluate(
        "p => getComputedStyle(p).backgroundColor"
    )
    assert own == "rgba(0, 0, 0, 0)"
    page.locator("#sourcing").uncheck()
    assert shade() == "rgba(0, 0, 0, 0)"


@pytest.mark.slow
def test_a_hostile_article_runs_no_script(tmp_path, opened):
    shown = opened(html_report(write(tmp_path, "hostile.md", HOSTILE)))
    page = shown.page
    page.locator("article").hover()
    page.locator("blockquote").hover()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert shown.dialogs == []
    text = page.locator("article").inner_text()
    assert "<script>window.pwned = 1; alert('x')</script>" in text
    assert "<img src=x onerror=" in text
    assert page.locator("article img, article script, article b").count() == 0
    page.locator("mark.f").click()  # NL902; the report's own script still runs
    assert "Repeated word" in page.locator("#detail").inner_text()


@pytest.mark.slow
def test_page_loads_and_works_with_the_network_off(tmp_path, opened):
    story = write(tmp_path, "story.txt", ARTICLE)
    shown = opened(html_report(story))
    shown.page.locator("mark.f").first.click()
    assert shown.page.locator("#detail").is_visible()
    assert shown.requests == []
    fonts = shown.page.evaluate("document.fonts.size")
    assert fonts == 0


@pytest.mark.slow
def test_seed_report_shows_every_finding_in_place(seeds, tmp_path, opened):
    seed = seeds / "001_8ba0f623fd87af31.txt"
    copy = write(tmp_path, "seed.txt", seed.read_bytes().decode("utf-8"))
    expected = expected_spans(copy)
    shown = opened(html_report(copy))
    assert expected
    assert shown.highlights() == {str(i): text for i, (_, text) in enumerate(expected)}
    assert shown.page.locator("span.a").count() > 0
