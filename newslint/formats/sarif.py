"""SARIF 2.1.0 output, for GitHub code scanning and other static-analysis dashboards.

One run; ``tool.driver.rules`` lists the rules that ran (with their documentation;
no help URI, as newslint has no published rule pages), each result points at its exact
region, and a finding with a safe fix carries it as a SARIF ``fix`` (the same edits
``--fix`` would apply). Columns and offsets count Unicode code points (``columnKind``),
as newslint's do. Artifact URIs are relative to the repository root (``%SRCROOT%``), and
every result has a `partialFingerprints` entry that survives re-runs and moved lines,
which is what GitHub code scanning matches alerts by.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePath
from urllib.parse import quote

from newslint.engine import ENGINE_CODE, Located
from newslint.formats import FINGERPRINT_KEY, Report, fingerprints, relative_path
from newslint.formats.builtin import json_text
from newslint.hookspecs import hookimpl
from newslint.model import Rule, Severity
from newslint.version import __version__

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SOURCE_ROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FAMILIES = {"NL0": "engine", "NL1": "artifacts", "NL2": "duplication", "NL3": "consistency", "NL4": "attribution"}


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI reference (forward slashes, percent-encoded);
    an absolute one as a ``file:`` URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(os.fsencode(pure.as_posix()), safe="/")  # bytes: a name that is not UTF-8 keeps its bytes


def artifact_location(path: str, root: Path | None) -> dict[str, str]:
    """Where `path` is: relative to the repository root (``uriBaseId`` ``%SRCROOT%``) when
    there is one and the file lies inside it, else as given."""
    relative = relative_path(path, root)
    if root is None or PurePath(relative).is_absolute():
        return {"uri": artifact_uri(relative)}
    return {"uri": artifact_uri(relative), "uriBaseId": SOURCE_ROOT}


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


def _result(item: Located, rule_index: int, fingerprint: str, root: Path | None) -> dict[str, object]:
    finding = item.finding
    location = artifact_location(item.path, root)
    result: dict[str, object] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": _region(item)}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
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
            "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
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
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(result.path, report.root)}}],
        }
        for result in report.errors
    ]
    crashed = any(item.code == ENGINE_CODE for item in report.findings)
    run: dict[str, object] = {
        "tool": {"driver": {
            "name": "newslint",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": descriptors,
        }},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not report.errors and not crashed,
                         "toolExecutionNotifications": notifications}],
        "results": [_result(item, index[item.code], fingerprint, report.root)
                    for item, fingerprint in zip(report.findings, fingerprints(report))],
    }
    if report.root is not None:
        run["originalUriBaseIds"] = {SOURCE_ROOT: {"uri": report.root.as_uri().rstrip("/") + "/"}}
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


@dataclass(frozen=True)
class SarifFormatter:
    name: str = "sarif"

    def format(self, report: Report) -> str:
        return json_text(sarif_log(report)) + "\n"


@hookimpl
def newslint_formatters() -> list[object]:
    return [SarifFormatter()]
