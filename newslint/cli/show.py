"""``--show-settings FILE`` and ``--show-files``, as ruff has them: what newslint would
lint, and with which settings, for debugging a config."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from newslint.config.profiles import ProfileChoice
from newslint.config.ruleset import RuleSet
from newslint.config.settings import Settings
from newslint.linter.run import Resolver, prepare
from newslint.linter.targets import Target, expand
from newslint.rules.base import Rule
from newslint.rules.registry import Registry

EXIT_OK, EXIT_ERROR = 0, 2


def main(args: argparse.Namespace, registry: Registry, resolver: Resolver) -> int:
    """Print the settings of ``--show-settings FILE``, or the files under the paths
    (``--show-files``); errors on stderr and exit 2, else 0."""
    errors = list(registry.errors)
    if args.show_settings is not None:
        text = show_settings(args.show_settings, resolver, errors)
    else:
        text = show_files(args.paths, resolver, args.stdin_filename, errors)
    sys.stdout.write(text)
    for message in dict.fromkeys([*errors, *resolver.errors]):
        print(f"error: {message}", file=sys.stderr)
    return EXIT_ERROR if errors or resolver.errors else EXIT_OK


def show_files(
    paths: list[str], resolver: Resolver, stdin_name: str | None, errors: list[str]
) -> str:
    """The files a lint of ``paths`` would read, one a line, in the order it reads them:
    folders walked, excluded files left out, files under a broken config left out (its
    error in ``errors``)."""
    targets, missing = expand(paths, resolver.settings, stdin_name)
    errors.extend(missing)
    return "".join(f"{target.display}\n" for target in targets)


def show_settings(file: str, resolver: Resolver, errors: list[str]) -> str:
    """The settings ``file`` is linted with, or "" with the reason in ``errors``: its
    config files, profile and why, rules and their options, per-file ignores and packs.
    The file is read, and its profile and rules chosen, just as a lint would."""
    path = Path(file)
    if not path.is_file():
        errors.append(f"{file}: {'not a file' if path.exists() else 'no such file'}")
        return ""
    settings = resolver.settings(path.parent)
    if settings is None:
        return ""
    job, part = prepare(Target(path, file, settings), resolver)
    if job is None:  # an error, or an empty file's notice, says why
        errors.extend([message for _, _, message in part.errors] or part.notices.get(0, []))
        return ""
    choice = part.profiles[0]
    return describe_settings(file, choice, job.rule_set, job.rules, resolver.overrides.extract)


def describe_settings(
    file: str, choice: ProfileChoice, rule_set: RuleSet, rules: list[Rule], extract: bool = False
) -> str:
    """The readable, stable text of ``--show-settings``: ``rules`` are the file's own,
    after its per-file ignores; ``extract`` is ``--extract``."""
    settings = rule_set.settings
    path = Path(file)
    lines = [f"file: {file}", *_configs(settings)]
    lines.append(f"profile: {choice.name} ({choice.reason})")
    lines.append(f"fail-on: {settings.fail_on.value}")
    lines.append(f"model: {settings.model or 'default'}")
    lines.append(f"max-file-size: {settings.max_file_size}")
    lines.append(f"include: {_list(settings.include)}")
    lines.append(f"exclude: {_list(settings.exclude)}")
    lines.append(f"packs: {_list(str(pack) for pack in settings.packs)}")
    html = settings.html_options(extract)
    lines.append(f"html: extract={_yes(html.extract)} alt-text={_yes(html.alt_text)}")
    lines.append(f"  skip-tags: {_list(sorted(html.skip_tags))}")
    ignores = settings.per_file_ignores
    applying = settings.matching_globs(path, ignores)
    lines.append("per-file-ignores:" if applying else "per-file-ignores: (none apply)")
    lines += [f'  "{glob}" = {_list(ignores[glob])}{_origin(settings, glob)}' for glob in applying]
    lines.append(f"rules: {len(rules)} selected")
    lines += [f"  {_rule(rule)}" for rule in sorted(rules, key=lambda rule: rule.code)]
    return "\n".join(lines) + "\n"


def _configs(settings: Settings) -> list[str]:
    """The config files in order of inheritance: each overrides those above it."""
    if settings.path is None:
        return ["config: none (default settings)"]
    chain = [*reversed(settings.extends), settings.path]
    heading = "config files (each overrides the ones above it):" if settings.extends else "config:"
    if not settings.extends:
        return [f"{heading} {settings.path}"]
    return [heading, *(f"  {config}" for config in chain)]


def _origin(settings: Settings, glob: str) -> str:
    """Where an inherited per-file glob comes from; nothing for the config's own."""
    return f" (from {settings.inherited_globs[glob]})" if glob in settings.inherited_globs else ""


def _rule(rule: Rule) -> str:
    severity = (rule.configured_level or rule.severity).value
    options = [f"{name}={_value(value)}" for name, value in sorted(rule.settings.items())]
    return " ".join([rule.code, rule.name, f"severity={severity}", *options])


def _list(items: Any) -> str:
    return ", ".join(items) or "(none)"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _value(value: Any) -> str:
    """An option's value, as JSON (sets sorted), so the output is stable."""
    return json.dumps(value, default=_plain, sort_keys=True, ensure_ascii=False)


def _plain(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    return str(value)
