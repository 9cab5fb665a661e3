"""Take ``docs/report.png``: the HTML report on ``docs/example.md``, in headless Chromium.

From the repository root, with Debian's ``chromium`` and the ``playwright`` package
installed (no browser is downloaded)::

    .venv/bin/python docs/screenshot.py [ARTICLE]

The page is opened offline, one finding is clicked to show its card, and the view is
saved as a PNG.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Route, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.test_report_html import BROWSER_ARGS, CHROMIUM  # noqa: E402  (the tests' browser)

EXAMPLE = "docs/example.md"  # a story written for this picture
CLICK = "mark.f[data-code='NL301']"


def main(article: str = EXAMPLE) -> int:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.html"
        command = [sys.executable, "-m", "newslint", "--format", "html", article, "-o", report]
        subprocess.run(command, cwd=ROOT, check=False)  # exits 1: the article has findings
        url = report.as_uri()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 860})

            def offline(route: Route) -> None:
                if route.request.url == url:
                    route.continue_()
                else:
                    route.abort()

            page.route("**/*", offline)
            page.goto(url)
            if page.locator(CLICK).count():
                page.locator(CLICK).first.click()
            page.screenshot(path=ROOT / "docs" / "report.png")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
