"""reviewdog Diagnostic Format, ``rdjson`` (``--format rdjson``), for ``reviewdog -f=rdjson``.

One ``DiagnosticResult``: ``source``, and a diagnostic per finding with its message,
``location.path`` and ``range`` (1-based lines; columns count UTF-8 bytes, as the format
says; the end is exclusive), ``severity`` (``ERROR``, ``WARNING``, ``INFO``), ``code.value``
and, when its safe fix is a single edit, that edit as a ``suggestion``.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.document import Document
from newslint.engine import Located
from newslint.formats import Report, relative_path
from newslint.formats.builtin import json_text
from newslint.hookspecs import hookimpl
from newslint.model import Severity

SOURCE = {"name": "newslint"}
RDJSON_SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def byte_position(document: Document, offset: int) -> dict[str, int]:
    """The 1-based line of a source offset and its 1-based column counted in UTF-8 bytes."""
    line, _ = document.position(offset)
    line_start = document.line_starts[line - 1]
    prefix = document.source[line_start:offset].encode("utf-8", "surrogatepass")
    return {"line": line, "column": len(prefix) + 1}


def _range(item: Located, document: Document | None) -> dict[str, dict[str, int]]:
    if document is None:  # the text cannot be read again: columns in characters are the best there is
        return {"start": {"line": item.line, "column": item.column},
                "end": {"line": item.end_line, "column": item.end_column}}
    return {"start": byte_position(document, item.finding.start), "end": byte_position(document, item.finding.end)}


def diagnostic(item: Located, path: str, document: Document | None) -> dict[str, object]:
    finding = item.finding
    record: dict[str, object] = {
        "message": finding.message,
        "location": {"path": path, "range": _range(item, document)},
        "severity": RDJSON_SEVERITIES[finding.severity],
        "code": {"value": finding.code},
    }
    if document is not None and finding.fix is not None and len(finding.fix.edits) == 1:
        (edit,) = finding.fix.edits
        record["suggestions"] = [{
            "range": {"start": byte_position(document, edit.start), "end": byte_position(document, edit.end)},
            "text": edit.replacement,
        }]
    return record


def diagnostic_result(report: Report) -> dict[str, object]:
    diagnostics = []
    for result in report.results:
        document = report.source(result.path) if result.findings else None
        path = relative_path(result.path, report.root)
        diagnostics += [diagnostic(item, path, document) for item in result.findings]
    return {"source": SOURCE, "diagnostics": diagnostics}


@dataclass(frozen=True)
class RdjsonFormatter:
    name: str = "rdjson"

    def format(self, report: Report) -> str:
        return json_text(diagnostic_result(report)) + "\n"


@hookimpl
def newslint_formatters() -> list[object]:
    return [RdjsonFormatter()]
