"""SARIF 2.1.0 output, for GitHub code scanning and other static-analysis dashboards.

One run; ``tool.driver.rules`` lists the rules that ran (with their documentation
and a help URI), each result points at its exact region, and a finding with a
safe fix carries it as a SARIF ``fix`` (the same edits ``--fix`` would apply).
Columns and offsets count Unicode code points (``columnKind``), as newslint's do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import quote

from newslint.engine import ENGINE_CODE, Located
from newslint.formats import Report
from newslint.formats.builtin import json_text
from newslint.hookspecs import hookimpl
from newslint.model import Rule, Severity
from newslint.version import __version__

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://newslint.readthedocs.io/"
# Stable per-code address of a built-in rule's documentation (what `newslint explain CODE` prints).
RULE_DOCS_URL = "https://newslint.readthedocs.io/en/stable/rules/{code}/"
BUILTIN_ORIGIN = "newslint"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FAMILIES = {"NL0": "engine", "NL1": "artifacts", "NL2": "duplication", "NL3": "consistency", "NL4": "attribution"}


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI reference (forward slashes, percent-encoded);
    an absolute one as a ``file:`` URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(os.fsencode(pure.as_posix()), safe="/")  # bytes: a name that is not UTF-8 keeps its bytes


def rule_descriptor(rule: Rule) -> dict[str, object]:
    doc = rule.doc
    help_text = "\n\n".join(part for part in (doc.summary, doc.why, doc.notes) if part)
    descriptor: dict[str, object] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.why or doc.summary},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"fixable": rule.fixable, "plugin": rule.origin, "tags": [_family(rule.code)]},
    }
    if rule.origin == BUILTIN_ORIGIN:
        descriptor["helpUri"] = RULE_DOCS_URL.format(code=rule.code)
    return descriptor


def _family(code: str) -> str:
    return FAMILIES.get(code[:3], "plugin")


def _engine_descriptor(code: str, name: str) -> dict[str, object]:
    text = "The engine could not run a rule or reader on a file (it crashed or ran out of time)."
    return {"id": code, "name": name, "shortDescription": {"text": text}, "fullDescription": {"text": text},
            "defaultConfiguration": {"level": "error"}, "properties": {"tags": ["engine"]}}


def _region(item: Located) -> dict[str, int]:
    finding = item.finding
    return {
        "startLine": item.line,
        "startColumn": item.column,
        "endLine": item.end_line,
        "endColumn": item.end_column,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
    }


def _result(item: Located, rule_index: int) -> dict[str, object]:
    finding = item.finding
    uri = artifact_uri(item.path)
    result: dict[str, object] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(item)}}],
    }
    if finding.pointer is not None:
        result["properties"] = {"jsonPointer": finding.pointer}
    if finding.fix is not None:
        replacements = []
        for edit in finding.fix.edits:
            replacement: dict[str, object] = {
                "deletedRegion": {"charOffset": edit.start, "charLength": edit.end - edit.start}
            }
            if edit.replacement:
                replacement["insertedContent"] = {"text": edit.replacement}
            replacements.append(replacement)
        result["fixes"] = [{
            "description": {"text": finding.fix.description},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
        }]
    return result


def sarif_log(report: Report) -> dict[str, object]:
    descriptors = [rule_descriptor(rule) for rule in report.rules]
    index = {rule.code: position for position, rule in enumerate(report.rules)}
    for item in report.findings:
        if item.code not in index:  # NL000, or a finding from a rule not in the list
            index[item.code] = len(descriptors)
            descriptors.append(_engine_descriptor(item.code, item.finding.rule) if item.code == ENGINE_CODE
                               else {"id": item.code, "name": item.finding.rule})
    notifications = [
        {
            "level": "error",
            "message": {"text": result.error},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(result.path)}}}],
        }
        for result in report.errors
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {
                "name": "newslint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not report.errors,
                             "toolExecutionNotifications": notifications}],
            "results": [_result(item, index[item.code]) for item in report.findings],
        }],
    }


@dataclass(frozen=True)
class SarifFormatter:
    name: str = "sarif"

    def format(self, report: Report) -> str:
        return json_text(sarif_log(report)) + "\n"


@hookimpl
def newslint_formatters() -> list[object]:
    return [SarifFormatter()]
