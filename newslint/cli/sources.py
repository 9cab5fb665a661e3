"""``newslint sources PATH...``: who is quoted in each article, and how much."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from newslint.analysis.document import Analysis
from newslint.analysis.nlp import ModelError, components_for, load_model
from newslint.analysis.sourcing import SOURCING_NEEDS
from newslint.config.ruleset import Overrides
from newslint.documents.loader import load_document
from newslint.documents.model import Document
from newslint.documents.source import InputError
from newslint.linter.run import Resolver, analyse_each, read_target
from newslint.linter.targets import expand
from newslint.reporters.sources import Article, report_json, report_text
from newslint.rules.registry import Registry

EXIT_OK, EXIT_ERROR = 0, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint sources",
        description="List every attribution per article: source, cue, kind and the words "
        "attributed, then sources by words attributed and the share in our own voice.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--config", help="use this config file instead of discovering one")
    parser.add_argument("--stdin-filename", help="the path to report for input read from stdin")
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    resolver = Resolver(Registry(), Overrides(), args.config)
    targets, errors = expand(list(args.paths), resolver.settings, args.stdin_filename)
    documents: list[Document] = []
    for target in targets:
        try:
            source = read_target(target)
        except InputError as exc:
            errors.append(str(exc))
            continue
        if source.text.strip():
            documents.append(load_document(source, target.settings.html_options()))
    errors.extend(resolver.errors)
    articles: list[Article] = []
    if documents:
        model = targets[0].settings.model
        try:
            nlp = load_model(model, components_for(SOURCING_NEEDS))
        except ModelError as exc:
            errors.append(str(exc))
        else:
            articles = [_article(a) for a in analyse_each(documents, nlp, errors)]
    render = report_json if args.format == "json" else report_text
    sys.stdout.write(render(articles))
    for message in errors:
        print(f"error: {message}", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_OK


def _article(analysis: Analysis) -> Article:
    sourcing = analysis.sourcing
    return Article(
        analysis.source, sourcing.attributions, analysis.prose_words, sourcing.attributed_words
    )
