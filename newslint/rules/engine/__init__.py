"""NL0xx: the engine's own findings, documented like any rule.

NL000 is a rule that crashed, timed out or returned a finding outside the source
(`newslint.engine` reports it; it cannot be selected away or suppressed). NL001 reports a
suppression comment that suppressed nothing; the engine produces its findings after every
other rule (`newslint.suppression.apply_suppressions`), so its `check` finds nothing itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.document import Document
from newslint.hookspecs import hookimpl
from newslint.model import Example, Finding, Rule, RuleDoc, Severity
from newslint.suppression import UNUSED_CODE

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


@dataclass(frozen=True)
class UnusedSuppressionRule:
    """NL001. Its findings are produced by the engine after every other rule has run
    (`apply_suppressions`), since only then is it known what a comment suppressed."""

    code: str = UNUSED_CODE
    name: str = "unused-suppression"
    severity: Severity = Severity.ERROR
    fixable: bool = False
    origin: str = "newslint"
    language: str | None = None
    doc: RuleDoc = UNUSED_SUPPRESSION_DOC

    def check(self, document: Document) -> tuple[Finding, ...]:
        return ()


@hookimpl
def newslint_rules() -> list[Rule]:
    return [UnusedSuppressionRule()]
