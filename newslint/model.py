"""Findings, severities and the rule protocol shared by the engine and every plugin."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any, Protocol, runtime_checkable

from newslint.document import Block, Document


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(f"expected one of error, warning, info, got {value!r}") from None

    def at_least(self, threshold: Severity) -> bool:
        """Whether this severity is `threshold` or graver (error > warning > info)."""
        return _GRAVITY[self] >= _GRAVITY[threshold]


_GRAVITY = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace source ``[start, end)`` with `replacement`."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    description: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one source span. `start`/`end` are offsets into the decoded source."""

    code: str
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    pointer: str | None = None
    fix: Fix | None = None


@dataclass(frozen=True, slots=True)
class Example:
    """A documented example: `bad` text must produce findings, `good` text must not."""

    text: str
    flagged: bool
    format: str = "text"


@dataclass(frozen=True, slots=True)
class RuleDoc:
    summary: str
    why: str = ""
    examples: tuple[Example, ...] = ()
    notes: str = ""


class Identified(Protocol):
    """What a finding is made from: the code, name and severity of the rule reporting it."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def severity(self) -> Severity: ...


@runtime_checkable
class Rule(Identified, Protocol):
    """What the engine needs from a rule. Rules are immutable and hold no per-run state,
    so the members are read-only: a frozen dataclass with these fields is a `Rule`.

    `language` is ``"en"`` (`newslint.text.language.ENGLISH`) for a rule the engine skips
    on documents in another language, ``None`` for a rule that runs on any. Rules from
    rule-pack files get it from their ``language`` key."""

    @property
    def fixable(self) -> bool: ...

    @property
    def doc(self) -> RuleDoc: ...

    @property
    def origin(self) -> str: ...

    @property
    def language(self) -> str | None: ...

    def check(self, document: Document) -> Iterable[Finding]: ...


@runtime_checkable
class Deferring(Protocol):
    """A rule that yields to surer ones: the engine drops each of its findings that overlaps
    a finding of another rule whose code starts with one of `defers_to` (code prefixes)."""

    @property
    def defers_to(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class RuleSpec:
    """A rule as declared in a rule-pack file, before its kind turns it into a `Rule`."""

    code: str
    name: str
    kind: str
    severity: Severity
    message: str
    doc: RuleDoc
    options: Mapping[str, object] = field(default_factory=dict)
    fixable: bool = False
    origin: str = "newslint"
    path: str = ""
    language: str | None = None  # "en": run only on documents that read as English
    opt_in: bool = False  # runs only when selected by its exact code (too noisy to run by default)


@dataclass(frozen=True)
class DeclaredRule:
    """What a rule declared in a rule-pack file is before its kind's own options: the
    identity its `RuleSpec` gives it. Each kind's rule class inherits these fields and
    adds its compiled options and `check`."""

    code: str
    name: str
    severity: Severity
    fixable: bool
    doc: RuleDoc
    origin: str
    message: str
    language: str | None


def rule_identity(spec: RuleSpec) -> dict[str, Any]:
    """The `DeclaredRule` fields of `spec`, as keyword arguments for a kind's rule class."""
    return {declared.name: getattr(spec, declared.name) for declared in fields(DeclaredRule)}


def finding_at(rule: Identified, document: Document, block: Block, start: int, end: int,
               message: str, fix: Fix | None = None) -> Finding:
    """A finding for `rule` at text span ``[start, end)`` of `block`, mapped to the source."""
    source_start, source_end = block.to_source(start, end)
    return Finding(
        code=rule.code,
        rule=rule.name,
        severity=rule.severity,
        message=message,
        start=source_start,
        end=source_end,
        pointer=block.pointer,
        fix=fix,
    )


def whole_block_finding(rule: Identified, document: Document, block: Block, message: str,
                        fix: Fix | None = None) -> Finding:
    """A finding for `rule` over the text of `block` without its edge white space."""
    stripped = block.text.strip()
    start = block.text.index(stripped)
    return finding_at(rule, document, block, start, start + len(stripped), message, fix)


def remove_block_fix(block: Block, description: str) -> Fix:
    return Fix(description, (Edit(block.extent[0], block.extent[1], ""),))
