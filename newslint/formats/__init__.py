"""Output formats. Each is a plugin-provided `Formatter`; built-in ones live in `builtin`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from newslint.engine import FileResult, Located
from newslint.model import Rule


@dataclass(frozen=True)
class Report:
    results: tuple[FileResult, ...]
    rules: tuple[Rule, ...] = ()  # the rules that ran

    @property
    def findings(self) -> tuple[Located, ...]:
        return tuple(item for result in self.results for item in result.findings)

    @property
    def errors(self) -> tuple[FileResult, ...]:
        return tuple(result for result in self.results if result.error is not None)


class Formatter(Protocol):
    name: str

    def format(self, report: Report) -> str: ...
