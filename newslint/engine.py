"""Running rules over documents, with every rule isolated from the others."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from newslint.budget import DEFAULT_BUDGET, BudgetExceeded, TimeBudget, time_budget
from newslint.decode import Decoded, InputError, decode
from newslint.document import Document
from newslint.model import Deferring, Edit, Finding, Fix, Rule, Severity
from newslint.readers import Reader, ReaderError
from newslint.registry import Registry
from newslint.suppression import apply_suppressions, invalid_directive_findings
from newslint.text.language import ENGLISH, reads_as_english

ENGINE_CODE = "NL000"
ENGINE_RULE = "rule-crashed"


@dataclass(frozen=True, slots=True)
class Located:
    """A finding with its path, 1-based line and column (columns in characters), and its
    offsets counted in UTF-16 code units (what browser editors and Google Docs use)."""

    path: str
    finding: Finding
    line: int
    column: int
    end_line: int
    end_column: int
    utf16_start: int = 0
    utf16_end: int = 0

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
                   severity: Mapping[str, Severity] | None = None,
                   budget: TimeBudget | None = DEFAULT_BUDGET,
                   known_codes: Collection[str] | None = None) -> tuple[Finding, ...]:
    """All findings of `rules` on `document`, in source order.

    A rule that raises, overruns its time `budget` on this document, or returns
    anything but well-formed findings inside the source yields one NL000 finding
    naming it instead of its findings; the other rules' findings are unaffected.
    A rule that declares a language is skipped on a document in another one. A file
    that holds several articles is checked article by article: no rule looks across two.
    Suppression comments that are not valid directives are NL002 findings (once per file);
    `known_codes`, the registry's rule codes, lets NL002 tell a code no rule has.
    """
    found = [finding for article in document.articles() for finding in _check_article(article, rules, budget)]
    found += invalid_directive_findings(document, rules, known_codes)
    if severity:
        found = [replace(f, severity=severity[f.code]) if f.code in severity else f for f in found]
    return tuple(sorted(found, key=lambda f: (f.start, f.end, f.code)))


def _check_article(document: Document, rules: Sequence[Rule], budget: TimeBudget | None) -> list[Finding]:
    seconds = budget.seconds_for(len(document.source)) if budget is not None else None
    english_only = [rule.language == ENGLISH for rule in rules]
    english = not any(english_only) or reads_as_english(document)
    ran = [rule for rule, only in zip(rules, english_only) if english or not only]
    findings: list[Finding] = []
    for rule in ran:
        findings.extend(_run_rule(rule, document, seconds))
    return apply_suppressions(document, without_deferred(findings, ran), ran)


def without_deferred(findings: Sequence[Finding], rules: Sequence[Rule]) -> list[Finding]:
    """`findings` minus those of a `Deferring` rule that overlap a finding of a rule it
    defers to: a guess that yields to surer rules."""
    deferring = {rule.code: rule.defers_to for rule in rules if isinstance(rule, Deferring) and rule.defers_to}
    if not deferring:
        return list(findings)

    def yields(finding: Finding) -> bool:
        prefixes = deferring.get(finding.code)
        return prefixes is not None and any(
            other.code != finding.code and other.code.startswith(prefixes)
            and other.start < finding.end and finding.start < other.end for other in findings)

    return [finding for finding in findings if not yields(finding)]


def _run_rule(rule: Rule, document: Document, seconds: float | None) -> list[Finding]:
    try:
        try:
            produced = _budgeted_check(rule, document, seconds)
        except TimeoutError:
            # Regex timeouts count CPU time, which a stalled virtual machine can charge to a
            # pattern that takes milliseconds (seen once in 100,000 fuzzed articles): a second
            # try tells that apart from a pattern that backtracks without end.
            produced = _budgeted_check(rule, document, seconds)
    except BudgetExceeded as stopped:
        return [_engine_finding(rule, f"was stopped: it ran past its time budget of {stopped.seconds:.3g} s "
                                      "on this file")]
    except TimeoutError as error:
        return [_engine_finding(rule, f"timed out twice ({error}): a regular expression ran too long on this "
                                      "file (catastrophic backtracking?)")]
    except (Exception, SystemExit) as error:  # noqa: BLE001 - isolating plugins is the point
        return [_engine_finding(rule, f"crashed: {type(error).__name__}: {error}")]
    for finding in produced:
        problem = malformed(finding, len(document.source))
        if problem is not None:
            return [_engine_finding(rule, f"returned {problem}")]
    return produced


def _budgeted_check(rule: Rule, document: Document, seconds: float | None) -> list[Finding]:
    """The rule's output, typed as it promises; `malformed` checks each item all the same,
    since a plugin's rule may return anything."""
    with time_budget(seconds):
        return list(rule.check(document))


def malformed(finding: object, length: int) -> str | None:
    """What is wrong with a rule's output item for a source of `length` characters, if anything."""
    if not isinstance(finding, Finding):
        return f"a {type(finding).__name__} instead of a Finding"
    if not _is_span(finding.start, finding.end, length):
        return f"a finding outside the source ({finding.start!r}:{finding.end!r}, source length {length})"
    if not isinstance(finding.code, str) or not isinstance(finding.message, str) \
            or not isinstance(finding.rule, str) or not isinstance(finding.severity, Severity) \
            or not isinstance(finding.pointer, (str, type(None))):
        return "a finding whose code, rule, message, severity or pointer has the wrong type"
    if finding.fix is not None:
        return _malformed_fix(finding.fix, length)
    return None


def _malformed_fix(fix: object, length: int) -> str | None:
    if not isinstance(fix, Fix) or not isinstance(fix.edits, tuple) or not fix.edits:
        return "a fix that is not a Fix with a tuple of edits"
    for edit in fix.edits:
        if not isinstance(edit, Edit) or not isinstance(edit.replacement, str):
            return "a fix whose edits are not Edits with text replacements"
        if not _is_span(edit.start, edit.end, length):
            return f"a fix editing outside the source ({edit.start!r}:{edit.end!r}, source length {length})"
    previous_end = 0
    for edit in sorted(fix.edits, key=lambda e: (e.start, e.end)):
        if edit.start < previous_end:
            return f"a fix with overlapping edits (at {edit.start})"
        previous_end = edit.end
    return None


def _is_span(start: object, end: object, length: int) -> bool:
    return type(start) is int and type(end) is int and 0 <= start <= end <= length


def _engine_finding(rule: Rule, what: str) -> Finding:
    code = getattr(rule, "code", "?")
    name = getattr(rule, "name", type(rule).__name__)
    origin = getattr(rule, "origin", "an unknown plugin")
    return Finding(
        code=ENGINE_CODE,
        rule=ENGINE_RULE,
        severity=Severity.ERROR,
        message=f"rule {code} ({name}, from {origin}) {what}",
        start=0,
        end=0,
    )


def locate(document: Document, findings: Iterable[Finding]) -> tuple[Located, ...]:
    located = []
    for finding in findings:
        line, column = document.position(finding.start)
        end_line, end_column = document.position(finding.end)
        located.append(Located(document.path, finding, line, column, end_line, end_column,
                               document.utf16_offset(finding.start), document.utf16_offset(finding.end)))
    return tuple(located)


def read_document(path: str, data: bytes, registry: Registry, budget: TimeBudget | None = DEFAULT_BUDGET,
                  input_format: str | None = None) -> tuple[Document, Decoded]:
    """Decode and parse one file with the reader `input_format` names (whatever the file's
    shape), or else the first reader claiming its extension whose `matches` accepts it. Bad input raises
    `InputError`; a reader that crashes or overruns the time budget raises `ReaderCrashed`."""
    forced = registry.reader_named(input_format) if input_format else None
    candidates = (forced,) if forced is not None else registry.readers_for(path)
    if not candidates:
        known = ", ".join(sorted(registry.readers))
        raise InputError(f"no reader for this file type (known: {known})")
    decoded = decode(data, html=candidates[0].charset_in_markup)
    seconds = budget.seconds_for(len(decoded.text)) if budget is not None else None
    reader = candidates[0]
    try:
        with time_budget(seconds):
            if forced is None:  # a forced reader reads the file whatever its shape
                reader = next((candidate for candidate in candidates if candidate.matches(decoded.text)), None) \
                    or _no_match(candidates)
            return reader.read(path, decoded.text), decoded
    except (ReaderError, RecursionError) as error:
        raise InputError(f"cannot read as {reader.name}: {error}") from None
    except BudgetExceeded as stopped:
        raise ReaderCrashed(f"reader {reader.name} was stopped: it ran past its time budget "
                            f"of {stopped.seconds:.3g} s on this file") from None
    except InputError:
        raise
    except (Exception, SystemExit) as error:  # noqa: BLE001 - a reader is a plugin too
        raise ReaderCrashed(f"reader {reader.name} crashed: {type(error).__name__}: {error}") from None


def _no_match(candidates: Sequence[Reader]) -> Reader:
    """No reader took the file: name the shapes that were tried."""
    tried = ", ".join(reader.name for reader in candidates)
    raise InputError(f"no reader recognises this file's shape (tried {tried})")


class ReaderCrashed(Exception):
    """A reader plugin failed on a file: an internal error (NL000), not bad input."""


def check_bytes(path: str, data: bytes, registry: Registry, rules: Sequence[Rule],
                severity: Mapping[str, Severity] | None = None,
                budget: TimeBudget | None = DEFAULT_BUDGET, input_format: str | None = None) -> FileResult:
    try:
        document, decoded = read_document(path, data, registry, budget, input_format)
    except InputError as error:
        return FileResult(path=path, error=str(error))
    except ReaderCrashed as crash:
        finding = Finding(ENGINE_CODE, ENGINE_RULE, Severity.ERROR, str(crash), 0, 0)
        return FileResult(path=path, findings=(Located(path, finding, 1, 1, 1, 1),))
    findings = check_document(document, rules, severity, budget, registry.codes)
    return FileResult(path=path, findings=locate(document, findings), document=document, decoded=decoded)
