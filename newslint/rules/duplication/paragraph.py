"""The `duplicate-paragraph` kind: a body block whose text already appeared.

Blocks are compared after `duplicates.normalise` (case, spacing, curly quotes and
edge punctuation ignored). The finding is on each later copy and names the line of
the first. Only sentences are compared, and not short ones: labels, dashes, product
names and ingredient or spec lines ("2 cups flour (or 1 cup oats)") may repeat, and
other rules cover the junk.

Documents built from a template repeat text on purpose: a questionnaire asks each
guest the same questions, a meal plan repeats a dish, a contest page ends every
entry with the same call to vote. So the rule stays silent on a document where one
text appears more than ``max_copies`` times, or where more than
``max_repeated_texts`` different texts repeat, unless those repeats are a single run
of paragraphs pasted twice in the same order (a double paste), which is reported.

Options:
- ``blocks``: block kinds compared (default paragraph only: a passage quoted twice,
  a pull quote and a reference list repeat on purpose).
- ``min_chars``: shortest normalised text compared (default 40).
- ``min_words``: fewest words compared (default 6).
- ``max_copies``: most copies of one text before the document counts as a template
  (default 2).
- ``max_repeated_texts``: most different repeated texts before the document counts
  as a template (default 3).

The message may use ``{line}`` (the first copy's line). With ``fixable``, the fix
removes the later copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from newslint.document import BlockKind, Document
from newslint.options import Options
from newslint.rules.duplication.common import has_sentence, normalise, words
from newslint.model import DeclaredRule, Finding, RuleSpec, remove_block_fix, rule_identity, whole_block_finding

OPTIONS = {"blocks", "min_chars", "min_words", "max_copies", "max_repeated_texts"}
DEFAULT_BLOCKS = frozenset({BlockKind.PARAGRAPH})


@dataclass(frozen=True)
class DuplicateParagraphRule(DeclaredRule):
    blocks: frozenset[BlockKind]
    min_chars: int
    min_words: int
    max_copies: int
    max_repeated_texts: int

    def check(self, document: Document) -> Iterator[Finding]:
        copies: dict[str, list[int]] = {}
        compared = [block for block in document.blocks
                    if block.kind in self.blocks and has_sentence(block.text)]
        for position, block in enumerate(compared):
            key = normalise(block.text)
            if len(key) >= self.min_chars:
                copies.setdefault(key, []).append(position)
        # Words are counted only for texts that repeat: a text seen once is never reported.
        repeated = [same for key, same in copies.items() if len(same) > 1 and len(words(key)) >= self.min_words]
        templated = any(len(same) > self.max_copies for same in repeated) \
            or len(repeated) > self.max_repeated_texts
        if templated and not _one_pasted_run(repeated):
            return
        for same in sorted(repeated):
            first_line = str(document.line_of_block(compared[same[0]]))
            for position in same[1:]:
                block = compared[position]
                fix = remove_block_fix(block, "remove the repeated paragraph") if self.fixable else None
                yield whole_block_finding(self, document, block, self.message.replace("{line}", first_line), fix)


def _one_pasted_run(repeated: list[list[int]]) -> bool:
    """True when the copies are one block of paragraphs pasted twice: the second copies
    follow each other in the same order as the first ones."""
    pairs = sorted((same[0], same[1]) for same in repeated if len(same) == 2)
    if len(pairs) != len(repeated):
        return False
    return all(b == (a[0] + 1, a[1] + 1) for a, b in zip(pairs, pairs[1:]))


def duplicate_paragraph_rule(spec: RuleSpec) -> DuplicateParagraphRule:
    options = Options(spec.options, OPTIONS)
    return DuplicateParagraphRule(
        **rule_identity(spec),
        blocks=options.block_kinds() or DEFAULT_BLOCKS,
        min_chars=int(options.number("min_chars", 40)),
        min_words=int(options.number("min_words", 6)),
        max_copies=int(options.number("max_copies", 2)),
        max_repeated_texts=int(options.number("max_repeated_texts", 3)),
    )


KINDS: dict[str, Any] = {"duplicate-paragraph": duplicate_paragraph_rule}
