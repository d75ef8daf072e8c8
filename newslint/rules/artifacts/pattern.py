"""The `pattern` kind: flag every match of a list of regular expressions.

Options:
- ``patterns`` (required): regular expressions (`regex` module syntax, multiline).
- ``ignore_case``: match case-insensitively (default false).
- ``blocks``: block kinds to check (default: all).
- ``whole_block``: a match counts only if it is the whole block text (stripped);
  the finding then covers the block and the fix removes it.
- ``unless``: regular expressions; a block matching any of them is left alone.
- ``unless_beside``: with ``unless``, a block next to one matching ``unless`` is left
  alone too: a line of a code listing, whose neighbours are code (default false).
- ``unless_next``: regular expressions; a block whose next block matches any of them is left
  alone: a table's rule line with the table's rows under it (default: none).
- ``suggestion``: replacement text; makes the fix replace the match with it.
- ``remove_whole_block``: with ``fixable``, a match anywhere is flagged, and one that
  is the whole block text (stripped) gets a fix removing the block; a match inside
  other text gets the ``suggestion`` fix if there is one, else none.

The message may use ``{match}`` and ``{suggestion}``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from newslint.document import Block, BlockKind, Document
from newslint.model import (
    DeclaredRule,
    Edit,
    Finding,
    Fix,
    RuleSpec,
    finding_at,
    remove_block_fix,
    rule_identity,
    whole_block_finding,
)
from newslint.options import Options
from newslint.text.messages import fill, require_placeholders
from newslint.text.patterns import compile_patterns, regex_timeout

OPTIONS = {"patterns", "ignore_case", "blocks", "whole_block", "unless", "unless_beside", "unless_next",
           "suggestion", "remove_whole_block"}


@dataclass(frozen=True)
class PatternRule(DeclaredRule):
    pattern: Any
    unless: Any | None
    blocks: frozenset[BlockKind] | None
    whole_block: bool
    suggestion: str | None
    remove_whole_block: bool = False
    unless_beside: bool = False
    unless_next: Any | None = None

    def check(self, document: Document) -> Iterator[Finding]:
        blocks = document.blocks
        for index, block in enumerate(blocks):
            if self.blocks is not None and block.kind not in self.blocks:
                continue
            # `unless` is searched only in a block the pattern matches: most match nothing.
            if self.whole_block:
                stripped = block.text.strip()
                match = self.pattern.fullmatch(stripped, timeout=regex_timeout(stripped))
                if match is not None and not self._excepted(block.text) and not self._in_listing(blocks, index) \
                        and not self._before_excepted(blocks, index):
                    fix = remove_block_fix(block, f"remove {stripped!r}") if self.fixable else None
                    yield whole_block_finding(self, document, block, self._message(stripped), fix)
                continue
            matches = self.pattern.finditer(block.text, timeout=regex_timeout(block.text))
            first = next(matches, None)
            if first is None or self._excepted(block.text) or self._in_listing(blocks, index) \
                    or self._before_excepted(blocks, index):
                continue
            for match in chain((first,), matches):
                if match.end() == match.start():
                    continue
                finding = finding_at(self, document, block, match.start(), match.end(), self._message(match.group()))
                if self.fixable and self.remove_whole_block and match.group() == block.text.strip():
                    finding = _with_fix(finding, remove_block_fix(block, f"remove {match.group()!r}"))
                elif self.fixable and self.suggestion is not None:
                    replacement = Edit(finding.start, finding.end, self.suggestion)
                    finding = _with_fix(finding, Fix(f"replace with {self.suggestion!r}", (replacement,)))
                yield finding

    def _excepted(self, text: str) -> bool:
        return self.unless is not None and self.unless.search(text, timeout=regex_timeout(text)) is not None

    def _in_listing(self, blocks: Sequence[Block], index: int) -> bool:
        """With ``unless_beside``: the block before or after the one at `index` is excepted
        (code), so the block is a line of a code listing, not a leftover."""
        return self.unless_beside and any(
            self._excepted(blocks[j].text) for j in (index - 1, index + 1) if 0 <= j < len(blocks))

    def _before_excepted(self, blocks: Sequence[Block], index: int) -> bool:
        """With ``unless_next``: the block after the one at `index` matches it."""
        if self.unless_next is None or index + 1 >= len(blocks):
            return False
        text = blocks[index + 1].text
        return self.unless_next.search(text, timeout=regex_timeout(text)) is not None

    def _message(self, matched: str) -> str:
        return fill(self.message, {"match": matched, "suggestion": self.suggestion or ""})


def _with_fix(finding: Finding, fix: Fix) -> Finding:
    from dataclasses import replace

    return replace(finding, fix=fix)


PLACEHOLDERS = frozenset({"match", "suggestion"})  # the matched text, the suggested replacement


def pattern_rule(spec: RuleSpec) -> PatternRule:
    options = Options(spec.options, OPTIONS)
    require_placeholders(spec.message, PLACEHOLDERS)
    patterns = options.strings("patterns")
    if not patterns:
        raise ValueError("option 'patterns': expected at least one regular expression")
    ignore_case = options.boolean("ignore_case", False)
    unless = options.strings("unless")
    unless_next = options.strings("unless_next")
    return PatternRule(
        **rule_identity(spec),
        pattern=compile_patterns(patterns, ignore_case=ignore_case),
        unless=compile_patterns(unless, ignore_case=ignore_case, key="unless") if unless else None,
        blocks=options.block_kinds(),
        whole_block=options.boolean("whole_block", False),
        suggestion=options.string("suggestion"),
        remove_whole_block=options.boolean("remove_whole_block", False),
        unless_beside=options.boolean("unless_beside", False),
        unless_next=compile_patterns(unless_next, ignore_case=ignore_case, key="unless_next") if unless_next else None,
    )


KINDS: dict[str, Any] = {"pattern": pattern_rule}
