"""GitLab Code Quality JSON (``--format gitlab``), the report a merge request widget shows.

A JSON array, one issue per finding: ``description``, ``check_name`` (the rule code),
``fingerprint`` (unique in the report, stable across runs and moved lines), ``severity``
(``info``, ``minor``, ``major``, ``critical``) and ``location.path`` (relative to the
repository root) with ``lines.begin``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from newslint.engine import ENGINE_CODE, Located
from newslint.formats import Report, fingerprints, relative_path
from newslint.formats.builtin import json_text
from newslint.hookspecs import hookimpl
from newslint.model import Severity

GITLAB_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
CRASH_SEVERITY = "critical"  # NL000: a rule or reader could not run


def _severity(item: Located) -> str:
    return CRASH_SEVERITY if item.code == ENGINE_CODE else GITLAB_SEVERITIES[item.finding.severity]


def code_quality_issues(report: Report) -> list[dict[str, object]]:
    issues: list[dict[str, object]] = []
    for item, span_hash in zip(report.findings, fingerprints(report)):
        path = relative_path(item.path, report.root)
        # GitLab compares issues across a merge request by fingerprint alone: the path is part of it.
        fingerprint = hashlib.sha256(f"{path}\0{span_hash}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
        issues.append({
            "description": f"{item.code} {item.finding.message}",
            "check_name": item.code,
            "fingerprint": fingerprint,
            "severity": _severity(item),
            "location": {"path": path, "lines": {"begin": item.line, "end": item.end_line}},
        })
    return issues


@dataclass(frozen=True)
class GitlabFormatter:
    name: str = "gitlab"

    def format(self, report: Report) -> str:
        return json_text(code_quality_issues(report)) + "\n"


@hookimpl
def newslint_formatters() -> list[object]:
    return [GitlabFormatter()]
