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
suppressed nothing is reported. NL002 (on by default) reports a comment that was meant as a
directive but is not one: a misspelled directive word (``newslint-disabel``), a token that is
not a rule code (``NL1O1``), a code no rule has, or any directive in a format without comments.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

import regex

from newslint.document import HTML_COMMENTS, Document
from newslint.model import Finding, Rule
from newslint.text.pattern_store import compile_regex

UNUSED_CODE = "NL001"
INVALID_CODE = "NL002"
ENGINE_PREFIX = "NL0"
_CODE = r"[A-Za-z]{1,4}[0-9]{0,3}"
_CODE_TOKEN = compile_regex(_CODE)


@functools.lru_cache(maxsize=8)
def directive_pattern(opening: str, closing: str) -> regex.Pattern[str]:
    """A suppression directive inside comments delimited by `opening` and `closing`.

    Atomic and possessive: an unterminated directive with many codes would otherwise
    cost time quadratic in its length (this runs on the whole source, outside any rule)."""
    return compile_regex(
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


DIRECTIVES = ("newslint-disable", "newslint-disable-next", "newslint-disable-file", "newslint-enable")
_ACTIONS = tuple(directive.removeprefix("newslint-") for directive in DIRECTIVES)
_TOOL = "newslint"
_DASHES = compile_regex(r"[-\u2010-\u2015_]+")  # a hyphen, the dashes smart typography puts for it, or "_"
_WORD = compile_regex(r"\s*+(?P<word>[^\s,]++)")
_TOKEN = compile_regex(r"[^\s,]+")


@dataclass(frozen=True, slots=True)
class DirectiveProblem:
    """Why a comment meant as a suppression is not one, at the offending source span."""

    start: int
    end: int
    message: str


def directive_problems(document: Document, known_codes: Collection[str] | None = None) -> tuple[DirectiveProblem, ...]:
    """Every comment of `document` that was meant as a suppression directive but does not work
    as written. `known_codes` are the registered rule codes; None checks a code's shape only.
    A format without comments is scanned for HTML comments, where any directive is a problem."""
    syntax = document.comment_syntax or HTML_COMMENTS
    source = document.source
    if syntax[0] not in source:
        return ()
    problems = [_comment_problem(document, syntax, start, end, known_codes)
                for start, end in _comment_bodies(source, *syntax)]
    return tuple(problem for problem in problems if problem is not None)


def _comment_bodies(source: str, opening: str, closing: str) -> Iterator[tuple[int, int]]:
    """The span between the delimiters of each closed comment, in one pass over `source`."""
    at = source.find(opening)
    while at >= 0:
        body = at + len(opening)
        end = source.find(closing, body)
        if end < 0:
            return
        yield body, end
        at = source.find(opening, end + len(closing))


def _comment_problem(document: Document, syntax: tuple[str, str], body: int, end: int,
                     known_codes: Collection[str] | None) -> DirectiveProblem | None:
    source = document.source
    first = _WORD.match(source, body, end)
    if first is None:
        return None
    second = _WORD.match(source, first.end(), end)
    word_start, word_end = first.span("word")
    word = first.group("word")
    intended = word if word in DIRECTIVES else _intended_directive(word, second.group("word") if second else "")
    if intended is None:
        return None
    if second is not None and word not in DIRECTIVES and _normalised(word) == _TOOL:  # 'newslint disable'
        word_end = second.end("word")
    if document.comment_syntax is None:
        return DirectiveProblem(word_start, word_end,
                                f"Suppression comments have no effect in {document.format} files, which have no "
                                "comments: use per-file-ignores in the configuration")
    if word != intended:
        shown = source[word_start:word_end]
        return DirectiveProblem(word_start, word_end,
                                f"'{shown}' is not a suppression directive (did you mean '{intended}'?): "
                                "this comment suppresses nothing")
    parsed = directive_pattern(*syntax).fullmatch(source, body - len(syntax[0]), end + len(syntax[1]))
    if parsed is None:
        return _bad_codes(source, word_end, end)
    for code in _CODE_TOKEN.finditer(source, *parsed.span("codes")):
        name = code.group().upper()
        if known_codes is not None and not any(known.startswith(name) for known in known_codes):
            return DirectiveProblem(*code.span(), f"'{code.group()}' names no rule (see 'newslint rules'): "
                                                  "nothing is suppressed for it")
    return None


def _bad_codes(source: str, start: int, end: int) -> DirectiveProblem:
    """The first token after a directive word that is not a rule code (or the whole list)."""
    for token in _TOKEN.finditer(source, start, end):
        if not _CODE_TOKEN.fullmatch(token.group()):
            return DirectiveProblem(*token.span(), f"'{token.group()}' is not a rule code (codes look like NL101, "
                                                   "or a prefix like NL1): this comment suppresses nothing")
    return DirectiveProblem(start, end, "Codes must follow the directive after a space, separated by commas or "
                                        "spaces: this comment suppresses nothing")


def _normalised(word: str) -> str:
    return _DASHES.sub("-", word.lower())


def _intended_directive(first: str, second: str) -> str | None:
    """The directive a comment's first word (or its first two, 'newslint disable') was meant
    to be, when it is a near miss of one; None for an ordinary comment."""
    word = _normalised(first)
    spaced = word == _TOOL and bool(second)
    if spaced:
        word = f"{_TOOL}-{_normalised(second)}"
    head, _, tail = word.partition("-")
    near_action = bool(tail) and min(edit_distance(tail, action) for action in _ACTIONS) <= 2
    prefixed = not spaced and word.startswith(_TOOL) and len(word) > len(_TOOL)
    if not prefixed and not (near_action and edit_distance(head, _TOOL) <= 1):
        return None
    return min(DIRECTIVES, key=lambda directive: edit_distance(word, directive))


def edit_distance(left: str, right: str) -> int:
    """Insertions, deletions, substitutions and swaps of neighbours turning `left` into `right`."""
    previous2: list[int] = []
    previous = list(range(len(right) + 1))
    for i, char in enumerate(left, 1):
        current = [i]
        for j, other in enumerate(right, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if i > 1 and j > 1 and char == right[j - 2] and left[i - 2] == other:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def invalid_directive_findings(document: Document, rules: Sequence[Rule],
                               known_codes: Collection[str] | None = None) -> list[Finding]:
    """NL002 findings for `document`, if that rule is among `rules`."""
    reporter = next((rule for rule in rules if rule.code == INVALID_CODE), None)
    if reporter is None:
        return []
    return [Finding(INVALID_CODE, reporter.name, reporter.severity, problem.message, problem.start, problem.end)
            for problem in directive_problems(document, known_codes)]
