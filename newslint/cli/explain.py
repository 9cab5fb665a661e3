"""``newslint rule CODE`` and ``newslint rules``: documentation from the rule classes."""

from __future__ import annotations

from newslint.rules.base import Rule
from newslint.rules.registry import Registry


def describe_rule(rule: type[Rule]) -> str:
    lines = [
        f"{rule.code} {rule.name}",
        "",
        f"Summary:  {rule.summary}",
        f"Severity: {rule.severity.value}",
        f"Needs:    {', '.join(sorted(n.value for n in rule.needs))}",
        f"Plugin:   {rule.plugin}",
        f"Default:  {'on' if rule.default else f'off (opt in with --extend-select {rule.code})'}",
    ]
    if rule.options:
        lines += ["", "Options:"]
        lines += [f"  {o.name} = {o.default!r}  # {o.help}" for o in rule.options]
    return "\n".join([*lines, "", rule.documentation(), ""])


def list_rules(registry: Registry) -> str:
    rows = sorted(registry.rules.values(), key=lambda r: r.code)
    width = max((len(r.name) for r in rows), default=0)
    return "".join(
        f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  "
        f"{'' if r.default else 'opt-in':<6}  {r.summary}\n"
        for r in rows
    )
