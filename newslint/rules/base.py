"""What a rule is: a class with a code, a name, a summary, needs, options and a check."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, ClassVar

from newslint.analysis.document import Analysis
from newslint.analysis.nlp import Need
from newslint.documents.edits import Edit


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


SEVERITIES = tuple(s.value for s in Severity)


class OptionError(ValueError):
    """A bad rule option. ``key`` names the option."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.detail = message


@dataclass(frozen=True)
class Option:
    """A rule option: its default, its type, and an optional check on its value."""

    name: str
    default: Any
    help: str
    check: Callable[[Any], bool] | None = None
    expects: str = ""

    @classmethod
    def positive(cls, name: str, default: int, help: str) -> Option:
        """An option that takes a positive integer."""
        return cls(name, default, help, lambda v: v > 0, "a positive integer")

    @classmethod
    def choice(cls, name: str, default: str, help: str, choices: tuple[str, ...]) -> Option:
        """An option that takes one of a few words."""
        words = [f'"{choice}"' for choice in choices]
        expects = f"{', '.join(words[:-1])} or {words[-1]}" if len(words) > 1 else words[0]
        return cls(name, default, help, lambda v: v in choices, expects)

    def validate(self, value: Any) -> Any:
        kind = type(self.default)
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok or (self.check and not self.check(value)):
            wanted = self.expects or kind.__name__
            raise OptionError(self.name, f"expected {wanted}, got {value!r}")
        return value


@dataclass(frozen=True)
class Fix:
    """A mechanical, meaning-preserving change that ``newslint --fix`` may apply."""

    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Finding:
    """One problem at an exact span. Lines and columns are 1-based code points;
    ``end_column`` is one past the last character, like SARIF's endColumn."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    suggestion: str | None = None
    fix: Fix | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


class Rule:
    """Base class of every rule, built-in or third-party.

    Subclasses set the class attributes and implement :meth:`check`. The class
    docstring is the rule's documentation: what it flags, an example to avoid
    and a better version (``newslint rule CODE`` prints it).
    """

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    needs: ClassVar[frozenset[Need]] = frozenset({Need.TEXT})
    options: ClassVar[tuple[Option, ...]] = ()
    plugin: ClassVar[str] = ""
    # In the default selection; False for rules that are opt-in, like ruff's.
    default: ClassVar[bool] = True

    def __init__(self, settings: Mapping[str, Any] | None = None) -> None:
        settings = dict(settings or {})
        level = settings.pop("severity", None)
        if level is not None and level not in SEVERITIES:
            raise OptionError("severity", f"expected one of {', '.join(SEVERITIES)}, got {level!r}")
        self.configured_level = Severity(level) if level is not None else None
        known = {option.name: option for option in self.options}
        unknown = sorted(set(settings) - set(known))
        if unknown:
            raise OptionError(unknown[0], f"unknown option for {self.code}")
        self.settings = {name: option.default for name, option in known.items()}
        for name, value in settings.items():
            self.settings[name] = known[name].validate(value)

    def check(self, analysis: Analysis) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        analysis: Analysis,
        start: int,
        end: int,
        message: str,
        severity: Severity | None = None,
        suggestion: str | None = None,
        fix: Fix | None = None,
    ) -> Finding:
        """A finding over source offsets ``[start, end)``, with an optional safe fix."""
        source = analysis.source
        line, column = source.position(start)
        end_line, end_column = source.position(end)
        level = self.configured_level or severity or self.severity
        return Finding(
            source.path,
            line,
            column,
            end_line,
            end_column,
            self.code,
            self.name,
            level,
            message,
            start,
            end,
            suggestion,
            fix,
        )

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or cls.summary)

    @classmethod
    def label(cls) -> str:
        """How errors name the rule: ``rule XP101 (exclamation-mark) from plugin 'xp'``."""
        return f"rule {cls.code} ({cls.name}) from plugin '{cls.plugin}'"


def describe(exc: BaseException) -> str:
    """The exception's type and message on one line."""
    return " ".join(f"{type(exc).__name__}: {exc}".split())
