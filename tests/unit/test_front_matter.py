"""Front matter fields: top-level scalars of a YAML or TOML block, nothing else."""

from __future__ import annotations

from newslint.documents.front_matter import find_front_matter
from newslint.documents.markdown import parse_markdown
from newslint.documents.source import Source


def fields(text: str) -> dict[str, str] | None:
    found = find_front_matter(Source("story.md", text))
    return None if found is None else found.fields


def test_yaml_scalars_quoted_bare_and_commented() -> None:
    text = (
        "---\n"
        "title: \"Rain: a 'wet' week\"\n"
        "newslint-profile: sport  # the sports desk\n"
        "tags:\n"
        "  - weather\n"
        "  nested: skipped\n"
        "...\n"
        "# Rain\n"
    )
    assert fields(text) == {
        "title": "Rain: a 'wet' week",
        "newslint-profile": "sport",
        "tags": "",
    }


def test_toml_top_level_keys_only() -> None:
    text = "+++\nnewslint-profile = 'feature'\ndraft = true\n[extra]\nauthor = \"Ana\"\n+++\n"
    assert fields(text) == {"newslint-profile": "feature", "draft": "true"}


def test_no_front_matter_without_an_opening_and_closing_line() -> None:
    assert fields("# Rain\n\n---\nnewslint-profile: sport\n---\n") is None
    assert fields("---\nnewslint-profile: sport\n\nNo closing line.\n") is None


def test_markdown_documents_carry_their_fields_and_blank_the_block() -> None:
    source = Source("story.md", '+++\nnewslint-profile = "sport"\n+++\n# Rain\n')
    document = parse_markdown(source)
    assert document.front_matter == {"newslint-profile": "sport"}
    assert [block.text for block in document.blocks] == ["Rain"]
