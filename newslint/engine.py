"""Running rules over documents, with every rule isolated from the others."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Mapping, Sequence

from newslint.decode import Decoded, InputError, decode
from newslint.document import Document
from newslint.model import Finding, Rule, Severity
from newslint.readers import ReaderError
from newslint.registry import Registry

ENGINE_CODE = "NL000"
ENGINE_RULE = "rule-crashed"


@dataclass(frozen=True, slots=True)
class Located:
    """A finding with its path and 1-based line and column (columns in characters)."""

    path: str
    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def code(self) -> str:
        return self.finding.code


@dataclass(frozen=True)
class FileResult:
    path: str
    findings: tuple[Located, ...] = ()
    error: str | None = None  # why the file could not be checked
    document: Document | None = None
    decoded: Decoded | None = None

    @property
    def crashed(self) -> bool:
        return any(item.code == ENGINE_CODE for item in self.findings)


def check_document(document: Document, rules: Sequence[Rule],
                   severity: Mapping[str, Severity] | None = None) -> tuple[Finding, ...]:
    """All findings of `rules` on `document`, in source order.

    A rule that raises, or returns a span outside the source, yields one NL000
    finding naming it; the other rules' findings are unaffected.
    """
    findings: list[Finding] = []
    for rule in rules:
        try:
            produced = list(rule.check(document))
        except Exception as error:  # noqa: BLE001 - isolating plugins is the point
            findings.append(_engine_finding(rule, f"crashed: {type(error).__name__}: {error}"))
            continue
        bad = next((f for f in produced if not _in_bounds(f, document)), None)
        if bad is not None:
            findings.append(_engine_finding(rule, f"returned a finding outside the source ({bad.start}:{bad.end})"))
            continue
        findings.extend(produced)
    if severity:
        findings = [replace(f, severity=severity[f.code]) if f.code in severity else f for f in findings]
    return tuple(sorted(findings, key=lambda f: (f.start, f.end, f.code)))


def _in_bounds(finding: Finding, document: Document) -> bool:
    return isinstance(finding, Finding) and 0 <= finding.start <= finding.end <= len(document.source)


def _engine_finding(rule: Rule, what: str) -> Finding:
    return Finding(
        code=ENGINE_CODE,
        rule=ENGINE_RULE,
        severity=Severity.ERROR,
        message=f"rule {rule.code} ({rule.name}, from {rule.origin}) {what}",
        start=0,
        end=0,
    )


def locate(document: Document, findings: Iterable[Finding]) -> tuple[Located, ...]:
    located = []
    for finding in findings:
        line, column = document.position(finding.start)
        end_line, end_column = document.position(finding.end)
        located.append(Located(document.path, finding, line, column, end_line, end_column))
    return tuple(located)


def read_document(path: str, data: bytes, registry: Registry) -> tuple[Document, Decoded]:
    reader = registry.reader_for(path)
    if reader is None:
        known = ", ".join(sorted(registry.readers))
        raise InputError(f"no reader for this file type (known: {known})")
    decoded = decode(data, html=reader.name == "html")
    try:
        return reader.read(path, decoded.text), decoded
    except (ReaderError, RecursionError) as error:
        raise InputError(f"cannot read as {reader.name}: {error}") from None


def check_bytes(path: str, data: bytes, registry: Registry, rules: Sequence[Rule],
                severity: Mapping[str, Severity] | None = None) -> FileResult:
    try:
        document, decoded = read_document(path, data, registry)
    except InputError as error:
        return FileResult(path=path, error=str(error))
    findings = check_document(document, rules, severity)
    return FileResult(path=path, findings=locate(document, findings), document=document, decoded=decoded)
