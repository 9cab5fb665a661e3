"""A rule's documentation: the text ``newslint rule CODE`` prints and the language
server shows on hover, and where the rules are documented online."""

from __future__ import annotations

from newslint.rules.base import Rule

# Where every rule is documented: the README's rule table, a row (and an anchor) a rule.
RULE_URL = "https://github.com/newslint/newslint/blob/main/README.md#{anchor}"


def rule_url(code: str) -> str:
    """The online documentation of rule ``code``, its row in the README's rule table:
    the link of SARIF's ``helpUri`` and of the language server's diagnostics."""
    return RULE_URL.format(anchor=code.lower())


def opt_in_flag(rule: type[Rule]) -> str:
    """The command-line option that turns on a rule that is off by default; else empty."""
    return "" if rule.default else f"--extend-select {rule.code}"


def describe_rule(rule: type[Rule], opt_in: str = "") -> str:
    """A rule's documentation; ``opt_in`` says how to turn on a rule that is off."""
    lines = [
        f"{rule.code} {rule.name}",
        "",
        f"Summary:  {rule.summary}",
        f"Severity: {rule.severity.value}",
        f"Needs:    {', '.join(sorted(n.value for n in rule.needs))}",
        f"Plugin:   {rule.plugin}",
        f"Default:  {f'off (opt in with {opt_in})' if opt_in else 'on'}",
    ]
    if rule.options:
        lines += ["", "Options:"]
        lines += [f"  {o.name} = {o.default!r}  # {o.help}" for o in rule.options]
    return "\n".join([*lines, "", rule.documentation(), ""])
