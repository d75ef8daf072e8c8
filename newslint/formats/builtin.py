"""The built-in output formats: text (like ruff's), json, github annotations."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import click

from newslint.document import Document
from newslint.engine import Located
from newslint.formats import Report
from newslint.hookspecs import hookimpl
from newslint.model import Severity

JSON_VERSION = 1
# Control characters and line separators, which an article can put into a message
# (through {match}) or a file name: shown escaped, so one finding stays one line and
# no escape sequence reaches the terminal.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    return _UNPRINTABLE.sub(lambda match: ascii(match.group())[1:-1], text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(value: object) -> str:
    """`value` as indented JSON that is valid UTF-8: a file name that is not UTF-8
    (its bytes decoded to lone surrogates) is written as ``\\udcXX`` escapes."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def finding_record(item: Located) -> dict[str, object]:
    finding = item.finding
    record: dict[str, object] = {
        "path": item.path,
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "line": item.line,
        "column": item.column,
        "end_line": item.end_line,
        "end_column": item.end_column,
        "start": finding.start,
        "end": finding.end,
        "utf16_start": item.utf16_start,
        "utf16_end": item.utf16_end,
        "fixable": finding.fix is not None,
    }
    if finding.pointer is not None:
        record["pointer"] = finding.pointer
    return record


SEVERITY_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
SOURCE_CONTEXT = 40  # characters shown either side of a span on a long source line


def _count(number: int, noun: str, plural: str) -> str:
    return f"{number} {noun if number == 1 else plural}"


def severity_summary(findings: Sequence[Located]) -> str:
    """``Found 3 findings: 1 error, 2 warnings (1 fixable with --fix, marked [*]).``"""
    counts = Counter(item.finding.severity for item in findings)
    parts = [_count(counts[severity], severity.value, plural)
             for severity, plural in ((Severity.ERROR, "errors"), (Severity.WARNING, "warnings"),
                                      (Severity.INFO, "info")) if counts[severity]]
    summary = f"Found {_count(len(findings), 'finding', 'findings')}: {', '.join(parts)}"
    fixable = sum(item.finding.fix is not None for item in findings)
    if fixable:
        summary += f" ({fixable} fixable with --fix, marked [*])"
    return summary + "."


def source_excerpt(document: Document, item: Located) -> tuple[str, str] | None:
    """The source line a finding starts on, and under it a run of carets beneath the span
    (to the end of that line if the span runs on), both escaped as one line and cut to
    `SOURCE_CONTEXT` characters either side of the span on a long line; None if the text
    read again no longer has that line (the file changed since it was checked)."""
    starts = document.line_starts
    if item.line > len(starts):
        return None
    line_start = starts[item.line - 1]
    line_end = starts[item.line] if item.line < len(starts) else len(document.source)
    line = document.source[line_start:line_end].rstrip("\r\n")
    begin = min(item.column - 1, len(line))
    finish = max(begin + 1, min(len(line), item.finding.end - line_start))
    shown_from = max(0, begin - SOURCE_CONTEXT)
    shown_to = min(len(line), finish + SOURCE_CONTEXT)
    before = ("…" if shown_from else "") + one_line(line[shown_from:begin])
    span = one_line(line[begin:finish]) or " "
    after = one_line(line[finish:shown_to]) + ("…" if shown_to < len(line) else "")
    return (before + span + after).replace("\t", " "), " " * len(before) + "^" * len(span)


@dataclass(frozen=True)
class TextFormatter:
    """``path:line:col: CODE [*] message [severity]``, like ruff's with the severity added."""

    name: str = "text"

    def format(self, report: Report) -> str:
        def style(text: str, **styles: Any) -> str:
            return click.style(text, **styles) if report.color else text

        lines = []
        for item in report.findings:
            finding = item.finding
            colour = SEVERITY_COLOURS[finding.severity]
            marker = " [*]" if finding.fix is not None else ""
            where = f" ({finding.pointer})" if finding.pointer else ""
            lines.append(f"{style(one_line(item.path), bold=True)}:{item.line}:{item.column}: "
                         f"{style(item.code, fg=colour, bold=True)}{marker} {one_line(finding.message + where)} "
                         f"{style(f'[{finding.severity.value}]', fg=colour)}")
            document = report.source(item.path) if report.show_source else None
            excerpt = source_excerpt(document, item) if document is not None else None
            if excerpt is not None:
                text, carets = excerpt
                gutter = " " * len(str(item.line))
                lines += [f"  {style(str(item.line), fg='cyan')} | {text}",
                          f"  {gutter} | {style(carets, fg=colour, bold=True)}"]
        if not report.quiet and report.findings:
            lines.append(severity_summary(report.findings))
        elif not report.quiet and not report.errors:
            lines.append(style("All checks passed!", fg="green"))
        return "\n".join(lines) + ("\n" if lines else "")


@dataclass(frozen=True)
class JsonFormatter:
    name: str = "json"

    def format(self, report: Report) -> str:
        payload = {
            "version": JSON_VERSION,
            "findings": [finding_record(item) for item in report.findings],
            "errors": [{"path": r.path, "message": r.error} for r in report.errors],
        }
        return json_text(payload) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


@dataclass(frozen=True)
class GithubFormatter:
    """GitHub Actions workflow commands, one annotation per finding."""

    name: str = "github"

    def format(self, report: Report) -> str:
        levels = {"error": "error", "warning": "warning", "info": "notice"}
        lines = []
        for item in report.findings:
            finding = item.finding
            properties = ",".join(
                f"{key}={_escape_property(str(value))}"
                for key, value in (
                    ("file", item.path), ("line", item.line), ("col", item.column),
                    ("endLine", item.end_line), ("endColumn", item.end_column), ("title", finding.code),
                )
            )
            lines.append(f"::{levels[finding.severity.value]} {properties}::{_escape_data(f'{finding.code} {finding.message}')}")
        return "\n".join(lines) + ("\n" if lines else "")


@hookimpl
def newslint_formatters() -> list[object]:
    return [TextFormatter(), JsonFormatter(), GithubFormatter()]
