"""NL0xx: the engine's own findings, documented like any rule.

NL000 is a rule that crashed, timed out or returned a finding outside the source
(`newslint.engine` reports it; it cannot be selected away or suppressed). NL001 reports a
suppression comment that suppressed nothing; the engine produces its findings after every
other rule (`newslint.suppression.apply_suppressions`), so its `check` finds nothing itself.
NL002 reports a comment meant as a suppression that is not a working one; the engine finds
those once per file (`newslint.suppression.invalid_directive_findings`), since only it knows
every registered rule code.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.model import Example, Finding, Rule, RuleDoc, Severity
from newslint.suppression import INVALID_CODE, UNUSED_CODE

UNUSED_SUPPRESSION_DOC = RuleDoc(
    summary=(
        "Flags a `newslint-disable` comment that suppressed nothing. Off by default; "
        "`--report-unused-suppressions` (or selecting NL001) turns it on."
    ),
    why=(
        "A suppression outlives the problem it was written for: the promo line is gone, but the "
        "comment still silences that rule for the whole range, hiding the next real finding. "
        "Reporting unused ones keeps suppressions few and deliberate."
    ),
    examples=(
        Example(
            "<!-- newslint-disable-next NL101 -->\n<p>The council met on Tuesday evening.</p>\n",
            flagged=True, format="html",
        ),
        Example(
            "<!-- newslint-disable-file -->\n\nThe bridge reopened to traffic in March.\n",
            flagged=True, format="markdown",
        ),
        Example(
            "<!-- checked by the night desk -->\n<p>The council met on Tuesday evening.</p>\n",
            flagged=False, format="html",
        ),
        Example(
            "<!-- newslint-disable NL101 -->\n\nPlain text has no comments, so this line is just text.\n",
            flagged=False, format="text",
        ),
    ),
    notes=(
        "Each code in a directive is judged on its own: in `<!-- newslint-disable NL101,NL4 -->` an "
        "unused NL4 is reported even if NL101 was used. A code naming no rule that ran is reported "
        "with a note saying so. Engine findings (NL0xx) cannot be suppressed. Plain text and JSON "
        "have no comments; use `per-file-ignores` for them."
    ),
)


INVALID_SUPPRESSION_DOC = RuleDoc(
    summary=(
        "Flags a comment meant as a suppression that does not work as written: a misspelled "
        "directive (`newslint-disabel`, `newslint-disble-next`, `Newslint-Disable`), a token that is "
        "not a rule code (`NL1O1` with a letter O), a code no rule has, or a directive in a plain-text "
        "or JSON file, which has no comments. The finding sits on the word or code at fault."
    ),
    why=(
        "A suppression that silently does nothing is worse than none: the desk believes a finding "
        "was reviewed and waved through, and the next run still fails (or, for a misspelled "
        "enable, a range stays disabled). Saying so at the exact spot makes the typo a one-second fix."
    ),
    examples=(
        Example(
            "<!-- newslint-disabel NL101 -->\n<p>The council met on Tuesday evening.</p>\n",
            flagged=True, format="html",
        ),
        Example(
            "<!-- newslint-disable-next NL1O1 -->\n\nThe ferry timetable changes on Monday.\n",
            flagged=True, format="markdown",
        ),
        Example(
            "Headline\n\n<!-- newslint-disable-file -->\n\nThe bridge reopened in March.\n",
            flagged=True, format="text",
        ),
        Example(
            "<!-- newslint-disable-next NL101 -->\n<p>Loading...</p>\n",
            flagged=False, format="html",
        ),
        Example(
            "<!-- eslint-disable -->\n<!-- checked by the night desk -->\n<p>The council met.</p>\n",
            flagged=False, format="html",
        ),
    ),
    notes=(
        "A near miss is a first word starting `newslint`, or within two typing slips of a directive "
        "(`newslnt-disable`, an en dash for the hyphen, `newslint disable` with a space); other tools' "
        "directives (`eslint-disable`, `prettier-ignore`) and ordinary comments are left alone. "
        "Engine findings cannot be suppressed; `ignore = [\"NL002\"]` turns the rule off."
    ),
)


@dataclass(frozen=True)
class EngineReportedRule:
    """NL001 or NL002: the engine produces their findings (NL001 after every other rule has
    run, since only then is it known what a comment suppressed; NL002 once per file, with the
    registry's codes at hand), so `check` finds nothing itself."""

    code: str
    name: str
    doc: RuleDoc
    severity: Severity = Severity.ERROR
    fixable: bool = False
    origin: str = "newslint"
    language: str | None = None

    def check(self, document: Document) -> tuple[Finding, ...]:
        return ()


@hookimpl
def newslint_rules() -> list[Rule]:
    return [EngineReportedRule(UNUSED_CODE, "unused-suppression", UNUSED_SUPPRESSION_DOC),
            EngineReportedRule(INVALID_CODE, "invalid-suppression", INVALID_SUPPRESSION_DOC)]
