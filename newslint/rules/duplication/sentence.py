"""The `repeated-sentence` kind: a sentence (or a run of sentences) said twice back to back
inside one block, as a scraper or a bad merge leaves it: "A. B. A. B. C." reads "A. B. C.".

Sentences come from `newslint.text.sentences`; a run of up to ``max_sentences`` sentences
followed at once by the same run (compared after `normalise`) is reported on the second
copy. Left alone: runs under ``min_words`` words (chants, refrains, "Yes. Yes."), a repeat
inside a quotation (an open quotation mark before it: the speaker repeated it, and a
quotation is kept as said), and table rows, whose cells repeat by design.

Options: ``blocks`` (default paragraph, list item, heading, other), ``min_words`` (6),
``max_sentences`` (3). With ``fixable``, the fix removes the second copy and the space
before it, inside the block.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from newslint.document import Block, BlockKind, Document
from newslint.model import (
    DeclaredRule,
    Edit,
    Finding,
    Fix,
    RuleSpec,
    finding_at,
    rule_identity,
)
from newslint.options import Options
from newslint.rules.duplication.common import is_table_row, normalise, words
from newslint.text.messages import fill, require_placeholders
from newslint.text.sentences import sentences_of

OPTIONS = {"blocks", "min_words", "max_sentences"}
DEFAULT_BLOCKS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING, BlockKind.OTHER})
_OPENING_QUOTES = "\u201c\u00ab"
_CLOSING_QUOTES = "\u201d\u00bb"


@dataclass(frozen=True)
class RepeatedSentenceRule(DeclaredRule):
    blocks: frozenset[BlockKind]
    min_words: int
    max_sentences: int

    def check(self, document: Document) -> Iterator[Finding]:
        for block in document.blocks:
            if block.kind in self.blocks and block.text.count(".") + block.text.count("?") + block.text.count("!") >= 2 \
                    and not is_table_row(block.text):
                yield from self._repeats(document, block)

    def _repeats(self, document: Document, block: Block) -> Iterator[Finding]:
        text = block.text
        spans = sentences_of(document, text)
        keys = [normalise(text[start:end]) for start, end in spans]
        index = 0
        while index < len(spans):
            size = self._repeat_size(keys, index, text, spans)
            if not size:
                index += 1
                continue
            first_end = spans[index + size - 1][1]
            second_start, second_end = spans[index + size][0], spans[index + 2 * size - 1][1]
            fix = None
            if self.fixable:
                source_start, source_end = block.to_source(first_end, second_end)
                fix = Fix("remove the repeated sentence", (Edit(source_start, source_end, ""),))
            message = fill(self.message, {"count": str(size)})
            yield finding_at(self, document, block, second_start, second_end, message, fix)
            index += 2 * size

    def _repeat_size(self, keys: list[str], index: int, text: str, spans: Sequence[tuple[int, int]]) -> int:
        """How many sentences from `index` are said again right after (0: none)."""
        for size in range(1, self.max_sentences + 1):
            if index + 2 * size > len(keys):
                break
            if keys[index:index + size] != keys[index + size:index + 2 * size]:
                continue
            said = " ".join(keys[index:index + size])
            if len(words(said)) >= self.min_words and not _inside_quotation(text, spans[index][0]):
                return size
        return 0


def _inside_quotation(text: str, offset: int) -> bool:
    """An opening quotation mark before `offset` is still open."""
    before = text[:offset]
    curly_open = sum(before.count(mark) for mark in _OPENING_QUOTES) > sum(before.count(m) for m in _CLOSING_QUOTES)
    return curly_open or before.count('"') % 2 == 1


PLACEHOLDERS = frozenset({"count"})  # how many sentences are repeated


def repeated_sentence_rule(spec: RuleSpec) -> RepeatedSentenceRule:
    options = Options(spec.options, OPTIONS)
    require_placeholders(spec.message, PLACEHOLDERS)
    return RepeatedSentenceRule(
        **rule_identity(spec),
        blocks=options.block_kinds() or DEFAULT_BLOCKS,
        min_words=int(options.number("min_words", 6)),
        max_sentences=int(options.number("max_sentences", 3)),
    )


KINDS: dict[str, Any] = {"repeated-sentence": repeated_sentence_rule}
