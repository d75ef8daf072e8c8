"""Inline suppression comments in HTML and Markdown, and the rule reporting unused ones.

    <!-- newslint-disable NL101,NL4 -->   ... up to <!-- newslint-enable --> (or the end)
    <!-- newslint-disable-next NL401 -->  the next block only
    <!-- newslint-disable-file NL2 -->    the whole file

Codes are codes or prefixes, comma- or space-separated; none means every rule.
``<!-- newslint-enable NL4 -->`` ends only the disables naming NL4 (or a code
under it). The comments are found by scanning the source, independently of the
reader, in the comment syntax the reader declares (`Document.comment_syntax`), so every
HTML and Markdown reader gets the same behaviour. Plain text and JSON have no comment
syntax and rely on ``per-file-ignores`` in the configuration.

Engine findings (NL0xx) are never suppressed. With ``--report-unused-suppressions``
(which selects NL001, declared in `newslint.rules.engine`) each directive code that
suppressed nothing is reported.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from newslint.document import Document
from newslint.model import Finding, Rule

UNUSED_CODE = "NL001"
ENGINE_PREFIX = "NL0"
_CODE = r"[A-Za-z]{1,4}[0-9]{0,3}"
_CODE_TOKEN = regex.compile(_CODE)


@functools.lru_cache(maxsize=8)
def directive_pattern(opening: str, closing: str) -> regex.Pattern[str]:
    """A suppression directive inside comments delimited by `opening` and `closing`.

    Atomic and possessive: an unterminated directive with many codes would otherwise
    cost time quadratic in its length (this runs on the whole source, outside any rule)."""
    return regex.compile(
        rf"{regex.escape(opening)}\s*+newslint-(?P<action>disable-next|disable-file|disable|enable)"
        rf"(?P<codes>(?>(?:\s+{_CODE}(?:(?:\s*,\s*|\s+){_CODE})*)?))[\s,]*+{regex.escape(closing)}",
    )


@dataclass(frozen=True, slots=True)
class Suppression:
    """One code (None: every rule) silenced over source ``[start, end)``."""

    code: str | None
    start: int
    end: int
    directive: tuple[int, int]  # the comment's span, where an unused one is reported
    action: str

    def covers(self, finding: Finding) -> bool:
        if finding.code.startswith(ENGINE_PREFIX):
            return False
        return self.start <= finding.start < self.end and (self.code is None or finding.code.startswith(self.code))


def parse_suppressions(document: Document) -> tuple[Suppression, ...]:
    """Every suppression the document's comments declare, in source order."""
    if document.comment_syntax is None or "newslint-" not in document.source:
        return ()
    found: list[Suppression] = []
    open_ranges: list[tuple[str | None, tuple[int, int], str]] = []
    source_end = len(document.source)
    for match in directive_pattern(*document.comment_syntax).finditer(document.source):
        action, span = match.group("action"), match.span()
        codes: list[str | None] = [c.upper() for c in _CODE_TOKEN.findall(match.group("codes"))] or [None]
        if action == "disable":
            open_ranges += [(code, span, action) for code in codes]
        elif action == "enable":
            closing = [entry for entry in open_ranges if _ends(entry[0], codes)]
            open_ranges = [entry for entry in open_ranges if entry not in closing]
            found += [Suppression(code, where[1], span[0], where, act) for code, where, act in closing]
        elif action == "disable-file":
            found += [Suppression(code, 0, source_end, span, action) for code in codes]
        else:
            start, end = _next_block(document, span[1])
            found += [Suppression(code, start, end, span, action) for code in codes]
    found += [Suppression(code, where[1], source_end, where, act) for code, where, act in open_ranges]
    return tuple(sorted(found, key=lambda s: (s.directive, s.code or "")))


def _ends(open_code: str | None, enabled: Sequence[str | None]) -> bool:
    if enabled == [None]:
        return True
    return open_code is not None and any(code is not None and open_code.startswith(code) for code in enabled)


def _next_block(document: Document, after: int) -> tuple[int, int]:
    """The extent of the first block starting after the comment (the outermost one
    when several start at the same place); an empty span if none follows."""
    following = [block.extent for block in document.blocks if block.extent[0] >= after]
    if not following:
        return after, after
    return min(following, key=lambda extent: (extent[0], -extent[1]))


def apply_suppressions(document: Document, findings: Sequence[Finding], rules: Sequence[Rule]) -> list[Finding]:
    """`findings` minus the suppressed ones, plus NL001 findings if that rule is among `rules`."""
    suppressions = parse_suppressions(document)
    if not suppressions:
        return list(findings)
    kept: list[Finding] = []
    used: set[Suppression] = set()
    for finding in findings:
        covering = [s for s in suppressions if s.covers(finding)]
        if covering:
            used.update(covering)
        else:
            kept.append(finding)
    reporter = next((rule for rule in rules if rule.code == UNUSED_CODE), None)
    if reporter is not None:
        ran = [rule.code for rule in rules if not rule.code.startswith(ENGINE_PREFIX)]
        kept += [_unused_finding(reporter, s, ran) for s in suppressions if s not in used]
    return kept


def _unused_finding(rule: Rule, suppression: Suppression, ran: Sequence[str]) -> Finding:
    what = f"no {suppression.code} finding" if suppression.code else "no finding"
    where = {"disable-next": "in the next block", "disable-file": "in this file"}.get(suppression.action, "in its range")
    message = f"Unused suppression: {what} {where}"
    if suppression.code is not None and not any(code.startswith(suppression.code) for code in ran):
        message += f" ({suppression.code} names no rule that ran)"
    start, end = suppression.directive
    return Finding(UNUSED_CODE, rule.name, rule.severity, message, start, end)


def with_unused_reporting(selected: Sequence[Rule], available: Sequence[Rule], report: bool,
                          selectors: Sequence[str] = ()) -> tuple[Rule, ...]:
    """NL001 runs only on request: ``--report-unused-suppressions`` or a selector naming
    it exactly. A broad selection (``ALL``, ``NL0``) does not turn it on."""
    wanted = report or UNUSED_CODE in {selector.strip().upper() for selector in selectors}
    without = tuple(rule for rule in selected if rule.code != UNUSED_CODE)
    if not wanted:
        return without
    reporter = [rule for rule in available if rule.code == UNUSED_CODE]
    return tuple(sorted((*without, *reporter), key=lambda rule: rule.code))
