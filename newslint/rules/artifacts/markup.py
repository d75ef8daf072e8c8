"""The `marked-furniture` kind: blocks the page's own markup marks as furniture.

HTML says a lot about what is not the story: ``<nav>`` and ``<button>`` elements, ARIA
landmark roles (``navigation``, ``banner``, ``contentinfo``, ``search``) and class or id
names such as ``share-bar``, ``related``, ``newsletter``, ``comments``, ``outbrain`` (the
reader records this as `Block.page_role`; see `newslint.readers.html.page_role`). Each run
of consecutive blocks with the same role is reported once, over the whole run, naming what
the markup calls it.

A name can mislead (a wrapper of the whole article with ``has-share-bar`` in its class),
so when marked blocks hold more than ``max_share`` of the document's text the markup is
not trusted and nothing is reported. It is evidence, not proof: a warning with no fix.

Options: ``max_share`` (0.5). The message may use ``{role}`` and ``{blocks}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from newslint.document import Block, Document
from newslint.model import DeclaredRule, Finding, RuleSpec, finding_at, rule_identity
from newslint.options import OptionError, Options
from newslint.text.messages import fill, require_placeholders

OPTIONS = {"max_share"}
PLACEHOLDERS = frozenset({"role", "blocks"})


@dataclass(frozen=True)
class MarkedFurnitureRule(DeclaredRule):
    max_share: float

    def check(self, document: Document) -> Iterator[Finding]:
        marked = [block for block in document.blocks if block.page_role and block.text.strip()]
        total = sum(len(block.text) for block in document.blocks)
        if not marked or sum(len(block.text) for block in marked) > self.max_share * total:
            return
        for role, run in groupby(_runs(document.blocks), key=lambda item: item[0]):
            blocks = [block for _, block in run]
            if role is not None:
                yield self._finding(document, role, blocks)

    def _finding(self, document: Document, role: str, blocks: list[Block]) -> Finding:
        first, last = blocks[0], blocks[-1]
        message = fill(self.message, {"role": role, "blocks": str(len(blocks))})
        start = len(first.text) - len(first.text.lstrip())
        finding = finding_at(self, document, first, start, len(first.text.rstrip()), message)
        end = last.to_source(len(last.text.rstrip()), len(last.text.rstrip()))[1]
        return Finding(finding.code, finding.rule, finding.severity, message, finding.start, max(end, finding.end),
                       finding.pointer)


def _runs(blocks: tuple[Block, ...]) -> Iterator[tuple[str | None, Block]]:
    """Each non-empty block with its role; a run is broken by any block of another role."""
    for block in blocks:
        if block.text.strip():
            yield block.page_role, block


def marked_furniture_rule(spec: RuleSpec) -> MarkedFurnitureRule:
    options = Options(spec.options, OPTIONS)
    share = options.number("max_share", 0.5)
    if not 0 < share <= 1:
        raise OptionError("max_share", "expected a number above 0 and at most 1")
    require_placeholders(spec.message, PLACEHOLDERS)
    return MarkedFurnitureRule(**rule_identity(spec), max_share=share)


KINDS: dict[str, Any] = {"marked-furniture": marked_furniture_rule}
