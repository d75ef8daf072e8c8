"""Output formats. Each is a plugin-provided `Formatter`; built-in ones live in `builtin`,
`sarif`, `junit`, `gitlab` and `rdjson`."""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Protocol

from newslint.document import Document
from newslint.engine import FileResult, Located
from newslint.model import Rule, Severity

FINGERPRINT_KEY = "newslintSpanHash/v1"


def no_source(path: str) -> Document | None:
    """The `Report.source` of a report built without its files: no text for any path."""
    return None


@dataclass(frozen=True)
class Report:
    results: tuple[FileResult, ...]
    rules: tuple[Rule, ...] = ()  # the rules that ran
    # Findings at or above this severity fail the run (exit 1; JUnit failures), unless the
    # file's own config sets another (`fail_on_by_path`).
    fail_on: Severity = Severity.ERROR
    fail_on_by_path: Mapping[str, Severity] = field(default_factory=dict)
    # Where relative paths in CI formats start (the repository root); None: paths as given.
    root: Path | None = None
    # The decoded text of a checked file, read again on demand (for source lines and
    # fingerprints), as a `Document` without blocks; None when it cannot be had.
    source: Callable[[str], Document | None] = field(default=no_source, compare=False)
    color: bool = False  # text output: ANSI colours
    show_source: bool = False  # text output: the source line under each finding
    quiet: bool = False  # text output: the findings and nothing else

    @property
    def findings(self) -> tuple[Located, ...]:
        return tuple(item for result in self.results for item in result.findings)

    @property
    def errors(self) -> tuple[FileResult, ...]:
        return tuple(result for result in self.results if result.error is not None)

    def fails(self, item: Located) -> bool:
        return item.finding.severity.at_least(self.fail_on_by_path.get(item.path, self.fail_on))


class Formatter(Protocol):
    name: str

    def format(self, report: Report) -> str: ...


def relative_path(path: str, root: Path | None) -> str:
    """`path` relative to `root`, with forward slashes; an absolute path when it lies outside
    `root`; `path` itself (forward slashes) when there is no root."""
    if root is None:
        return PurePath(path).as_posix()
    for candidate in (Path(os.path.abspath(path)), Path(path).resolve()):
        try:
            return candidate.relative_to(root).as_posix()
        except ValueError:
            continue
    return Path(os.path.abspath(path)).as_posix()


def _normalised(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def fingerprints(report: Report) -> tuple[str, ...]:
    """A stable identity for each of `report.findings`, in order: a hash of the rule code, the
    normalised text of the flagged span (the message, for an empty span or a file whose
    text cannot be read again) and how many identical (code, text) findings came before it in
    the file. Lines are not part of it, so a finding keeps its identity when text above it moves."""
    identities = []
    for result in report.results:
        document = report.source(result.path) if result.findings else None
        seen: Counter[tuple[str, str]] = Counter()
        for item in result.findings:
            finding = item.finding
            span = document.source[finding.start:finding.end] if document is not None else ""
            text = _normalised(span) or _normalised(finding.message)
            occurrence = seen[(finding.code, text)]
            seen[(finding.code, text)] += 1
            digest = hashlib.sha256(f"{finding.code}\0{text}\0{occurrence}".encode("utf-8", "surrogatepass"))
            identities.append(digest.hexdigest()[:32])
    return tuple(identities)
