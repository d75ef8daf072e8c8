"""The built-in output formats: text (like ruff's), json, github annotations."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from newslint.engine import Located
from newslint.formats import Report
from newslint.hookspecs import hookimpl

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


@dataclass(frozen=True)
class TextFormatter:
    name: str = "text"

    def format(self, report: Report) -> str:
        lines = []
        for item in report.findings:
            marker = " [*]" if item.finding.fix is not None else ""
            where = f" ({item.finding.pointer})" if item.finding.pointer else ""
            lines.append(one_line(f"{item.path}:{item.line}:{item.column}: {item.code}{marker} "
                                  f"{item.finding.message}{where}"))
        count = len(report.findings)
        fixable = sum(item.finding.fix is not None for item in report.findings)
        if count:
            summary = f"Found {count} finding{'s' if count != 1 else ''}"
            if fixable:
                summary += f" ({fixable} fixable with --fix, marked [*])"
            lines.append(summary + ".")
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
