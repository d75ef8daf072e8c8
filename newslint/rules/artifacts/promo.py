"""The `promo-link` kind: "Read more: <headline>" lines and "Related:" link lists.

A promo is a block that starts with a promo label and then either
- a separator (``:``, ``|``, a dash, ``»``) and one headline, all in the same
  block: "READ MORE: Ferry strike ends after talks", or
- nothing: the label stands alone ("Related stories:"); it is then reported
  together with the headline-like blocks right after it (up to ``max_links``).

A headline is short (``max_headline_words``), is one sentence and does not end with
a full stop. Prose that merely starts with the same words ("Read more about the
plan in our guide.") has no separator after the label and is left alone, as is a
label followed by a full sentence.

Options:
- ``labels`` (required): regular expressions for the label, matched at the start of
  the block, case-insensitive (use ``(?-i:...)`` for a label that must be in capitals).
- ``bare_labels``: labels that count even without a separator when they stand alone
  ("Related", "Read more"); default none. "See also" alone is an ordinary section
  heading, so it is not one of them by default.
- ``max_headline_words`` (default 25), ``min_link_words`` (default 3): the length of
  a headline, and the fewest words a headline block after a lone label needs;
- ``max_links`` (default 6); ``blocks``: kinds a promo can be (default paragraph,
  heading, list-item, other);
- ``not_links``: regular expressions for blocks that end a lone label's link list
  (a dateline or byline after a "Related" heading belongs to the article).

Picture credits and lead-ins ending with a colon never count as headline links.

The message may use ``{match}`` (the label block's text) and ``{links}`` (how many
headline blocks follow a lone label). With ``fixable``, the fix removes the label
block and its headline blocks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newslint.document import Block, BlockKind, Document
from newslint.model import DeclaredRule, Edit, Finding, Fix, RuleSpec, rule_identity
from newslint.options import Options
from newslint.text.credits import is_credit
from newslint.text.messages import fill, require_placeholders
from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import compile_patterns, regex_timeout

OPTIONS = {"labels", "bare_labels", "max_headline_words", "min_link_words", "max_links", "blocks", "not_links"}
DEFAULT_BLOCKS = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.OTHER})

_SEPARATOR = compile_regex(r"\s*(?:[:|\u00bb\u203a>]+|\s[-\u2013\u2014]+)\s*")
_SENTENCE_BREAK = compile_regex(r"[.!?]\s+[\"'\u201c\u2018(]?\p{Lu}")
_FULL_STOP_END = compile_regex(r"(?<!\.)\.\s*$")
_ELLIPSIS_END = compile_regex(r"(?:\.\.\.|\u2026)\s*$")


@dataclass(frozen=True)
class PromoLinkRule(DeclaredRule):
    labels: Any
    bare_labels: Any | None
    max_headline_words: int
    min_link_words: int
    max_links: int
    blocks: frozenset[BlockKind]
    not_links: Any | None

    def check(self, document: Document) -> Iterator[Finding]:
        blocks = document.blocks
        index = 0
        while index < len(blocks):
            block = blocks[index]
            group = self._promo_at(blocks, index) if block.kind in self.blocks else None
            if group is None:
                index += 1
                continue
            yield self._finding(document, group)
            index += len(group)

    def _promo_at(self, blocks: tuple[Block, ...], index: int) -> list[Block] | None:
        text = blocks[index].text.strip()
        label = self.labels.match(text, timeout=regex_timeout(text))
        if label is None or label.end() == 0:
            return None
        rest = text[label.end():]
        separator = _SEPARATOR.match(rest, timeout=regex_timeout(rest))
        after = rest[separator.end():] if separator else rest
        if after.strip():
            # Label and headline in one block; a word run on from the label is prose.
            if separator is None or not self._is_headline(after):
                return None
            return [blocks[index]]
        if separator is None and not self._is_bare(text):
            return None
        group = [blocks[index]]
        for following in blocks[index + 1: index + 1 + self.max_links]:
            if following.kind not in self.blocks or not self._is_link(following.text.strip()):
                break
            group.append(following)
        return group

    def _is_link(self, text: str) -> bool:
        """A headline block in a lone label's link list."""
        if len(text.split()) < self.min_link_words or not self._is_headline(text) or text.endswith(":"):
            return False
        if is_credit(text) or self.labels.match(text, timeout=regex_timeout(text)):
            return False
        return self.not_links is None or self.not_links.search(text, timeout=regex_timeout(text)) is None

    def _is_bare(self, text: str) -> bool:
        return self.bare_labels is not None and \
            self.bare_labels.fullmatch(text.rstrip(" :"), timeout=regex_timeout(text)) is not None

    def _is_headline(self, text: str) -> bool:
        timeout = regex_timeout(text)
        return (0 < len(text.split()) <= self.max_headline_words
                and _SENTENCE_BREAK.search(text, timeout=timeout) is None
                and _FULL_STOP_END.search(text, timeout=timeout) is None
                and _ELLIPSIS_END.search(text, timeout=timeout) is None)

    def _finding(self, document: Document, group: list[Block]) -> Finding:
        first, last = group[0], group[-1]
        text = first.text.strip()
        offset = first.text.index(text)
        start = first.to_source(offset, offset + len(text))[0]
        last_text = last.text.rstrip()
        end = last.to_source(0, len(last_text))[1]
        fix = None
        if self.fixable:
            edits = tuple(Edit(block.extent[0], block.extent[1], "") for block in group)
            fix = Fix(f"remove the promo ({len(group)} block{'s' if len(group) > 1 else ''})", edits)
        message = fill(self.message, {"match": text, "links": str(len(group) - 1)})
        return Finding(code=self.code, rule=self.name, severity=self.severity, message=message,
                       start=start, end=end, pointer=first.pointer, fix=fix)


PLACEHOLDERS = frozenset({"match", "links"})  # the label block's text, how many links follow it


def promo_link_rule(spec: RuleSpec) -> PromoLinkRule:
    options = Options(spec.options, OPTIONS)
    require_placeholders(spec.message, PLACEHOLDERS)
    labels = options.strings("labels")
    if not labels:
        raise ValueError("option 'labels': expected at least one regular expression")
    bare = options.strings("bare_labels")
    not_links = options.strings("not_links")
    return PromoLinkRule(
        **rule_identity(spec),
        labels=compile_patterns(tuple(f"(?:{label})\\b" for label in labels), ignore_case=True, key="labels"),
        bare_labels=compile_patterns(bare, ignore_case=True, key="bare_labels") if bare else None,
        max_headline_words=int(options.number("max_headline_words", 25)),
        min_link_words=int(options.number("min_link_words", 3)),
        max_links=int(options.number("max_links", 6)),
        blocks=options.block_kinds() or DEFAULT_BLOCKS,
        not_links=compile_patterns(not_links, ignore_case=True, key="not_links") if not_links else None,
    )


KINDS: dict[str, Any] = {"promo-link": promo_link_rule}
