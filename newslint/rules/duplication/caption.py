"""The `duplicate-caption` kind: a caption whose text appears again in the article.

A caption is compared with every other caption, image alt text and body block
(paragraph, quote, list item) after `duplicates.normalise`. The finding is on the
later copy and names the line of the first.

Left alone on purpose:
- credit-only captions ("AFP", "Jane Roe/Getty Images", "Photo: iFixit"): one
  photographer under two pictures is normal;
- a caption and the alt text of its own image: invisible to sighted readers and
  written by many CMSs by default (accessibility guidance prefers a distinct or empty
  alt, but that is a separate concern from a visible duplicate);
- two body blocks with the same text, and an alt text equal to a body block: no
  caption is involved (NL202 covers repeated paragraphs);
- a short text that captions and body blocks repeat three times or more: a template's
  row label, not a caption scraped twice.

Options:
- ``min_words``: captions shorter than this are not compared (default 3).
- ``body``: block kinds that count as body text (default paragraph, quote, list-item).

The message may use ``{line}`` (the first copy's line), ``{first}`` and ``{this}``
(what the first and the later copy are: "caption", "paragraph", "image alt text").
With ``fixable``, a later copy that is a body block gets a fix removing it (the
scraper's repeated caption); a repeated caption or alt text gets none, because the
right fix is a new caption, not a deletion.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from newslint.document import Block, BlockKind, Document
from newslint.model import (
    DeclaredRule,
    Finding,
    RuleSpec,
    remove_block_fix,
    rule_identity,
    whole_block_finding,
)
from newslint.options import Options
from newslint.rules.duplication.common import kind_name, normalise, words
from newslint.text.credits import is_credit
from newslint.text.messages import fill, require_placeholders

OPTIONS = {"min_words", "body"}
DEFAULT_BODY = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM})
# Earlier copies of one text looked at: keeps a text repeated hundreds of times linear.
MAX_EARLIER = 8
# A short text repeated this often by captions and body blocks is a template's row label.
TEMPLATE_COPIES = 3
TEMPLATE_MAX_WORDS = 5


@dataclass(frozen=True)
class DuplicateCaptionRule(DeclaredRule):
    min_words: int
    body: frozenset[BlockKind]

    def check(self, document: Document) -> Iterator[Finding]:
        blocks = document.blocks
        if not any(block.kind is BlockKind.CAPTION for block in blocks):
            return
        templates = _template_lines(blocks, self.body)
        seen: dict[str, list[int]] = {}
        for index, block in enumerate(blocks):
            if not self._compared(block):
                continue
            key = normalise(block.text)
            if key in templates:
                continue
            earlier = seen.setdefault(key, [])
            matches = [i for i in earlier[:MAX_EARLIER] if self._duplicates(blocks, i, index)]
            earlier.append(index)
            if not matches or _alt_of_own_caption(blocks, index):
                continue
            captions = [i for i in matches if blocks[i].kind is BlockKind.CAPTION]
            yield self._finding(document, blocks[(captions or matches)[0]], block)

    def _compared(self, block: Block) -> bool:
        if block.kind is BlockKind.CAPTION:
            return len(words(block.text)) >= self.min_words and not is_credit(block.text)
        if block.kind is BlockKind.ALT_TEXT or block.kind in self.body:
            return len(words(block.text)) >= self.min_words
        return False

    def _duplicates(self, blocks: tuple[Block, ...], first: int, later: int) -> bool:
        kinds = {blocks[first].kind, blocks[later].kind}
        if BlockKind.CAPTION not in kinds:
            return False
        return not _same_figure(blocks, first, later)

    def _finding(self, document: Document, first: Block, later: Block) -> Finding:
        message = fill(self.message, {"line": str(document.line_of_block(first)), "first": kind_name(first),
                                      "this": kind_name(later)})
        fix = None
        if self.fixable and later.kind in self.body:
            fix = remove_block_fix(later, f"remove the repeated {kind_name(first)}")
        return whole_block_finding(self, document, later, message, fix)


def _same_figure(blocks: tuple[Block, ...], first: int, later: int) -> bool:
    """An image's alt text and its caption: adjacent, with at most a credit between."""
    pair = {blocks[first].kind, blocks[later].kind}
    if pair != {BlockKind.ALT_TEXT, BlockKind.CAPTION} or later - first > 2:
        return False
    return all(blocks[i].kind is BlockKind.CREDIT for i in range(first + 1, later))


def _template_lines(blocks: Sequence[Block], body: frozenset[BlockKind]) -> frozenset[str]:
    """Short texts that captions and body blocks repeat TEMPLATE_COPIES times or more: the
    labels of rows built from one template ("Portion: 1 cup", a product name under every
    plan), not a caption scraped twice."""
    counts = Counter(normalise(block.text) for block in blocks
                     if (block.kind is BlockKind.CAPTION or block.kind in body)
                     and len(words(block.text)) <= TEMPLATE_MAX_WORDS)
    return frozenset(key for key, count in counts.items() if count >= TEMPLATE_COPIES)


def _alt_of_own_caption(blocks: tuple[Block, ...], index: int) -> bool:
    """An alt text equal to its own image's caption is never reported (see module doc)."""
    block = blocks[index]
    if block.kind is not BlockKind.ALT_TEXT:
        return False
    key = normalise(block.text)
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(blocks) and blocks[other].kind is BlockKind.CREDIT:
            other += step
        if 0 <= other < len(blocks) and blocks[other].kind is BlockKind.CAPTION \
                and abs(other - index) <= 2 and normalise(blocks[other].text) == key:
            return True
    return False


PLACEHOLDERS = frozenset({"line", "first", "this"})  # the first copy's line and both blocks' kinds


def duplicate_caption_rule(spec: RuleSpec) -> DuplicateCaptionRule:
    options = Options(spec.options, OPTIONS)
    require_placeholders(spec.message, PLACEHOLDERS)
    min_words = int(options.number("min_words", 3))
    if min_words < 1:
        raise ValueError("option 'min_words': expected a number of at least 1")
    return DuplicateCaptionRule(
        **rule_identity(spec),
        min_words=min_words,
        body=options.block_kinds("body") or DEFAULT_BODY,
    )


KINDS: dict[str, Any] = {"duplicate-caption": duplicate_caption_rule}
