"""Markdown through the whole pipeline: non-prose produces nothing, suppressions work."""

MARKDOWN = """\
---
title: "A 'quoted' title in front matter"
---

# Ferry fares to rise

Intro paragraph with no problems at all.

```text
A 'fenced' sample and a so-called example.
```

    An 'indented' code sample.

<div class="note">An 'html' block.</div>

See [the linked page](https://example.com/'odd') and `a 'code' span`.
"""


def test_front_matter_code_html_and_urls_produce_no_findings(lint):
    result = lint(MARKDOWN, name="story.md")
    assert result.findings == []


def test_markdown_positions_are_exact(lint):
    text = "# Ferry fares\n\n- The harbour held a 'consultation' on fares.\n"
    result = lint(text, "--select", "NL201", name="story.md")
    assert result.at("NL201") == [(3, 22)]


def test_disable_and_enable_block(lint):
    text = (
        "# Ferry fares\n\n"
        "<!-- newslint-disable NL201 -->\n\n"
        "The 'plan' was discussed.\n\n"
        "<!-- newslint-enable NL201 -->\n\n"
        "The 'deal' was signed.\n"
    )
    result = lint(text, "--select", "NL201", name="story.md")
    assert result.at("NL201") == [(9, 5)]


def test_disable_next_line(lint):
    text = (
        "# Ferry fares\n\n"
        "<!-- newslint-disable-next-line NL202 -->\n"
        "The so-called plan.\n\n"
        "The so-called deal.\n"
    )
    result = lint(text, "--select", "NL202", name="story.md")
    assert result.at("NL202") == [(6, 5)]


def test_disable_all(lint):
    text = "# Ferry fares\n\n<!-- newslint-disable -->\n\nThe so-called 'plan'.\n"
    assert lint(text, name="story.md").findings == []
