"""The `orphan-fragment` kind: the article ends on a stray scrap of text.

Scrapers and broken embeds leave a few words behind after the last paragraph: a
link label, a tag, the title of a related item ("Route 6", "Top stories"). The
last body block is reported when all of these hold:

- it is short (``max_words``, ``max_chars``), has letters, and does not end like a
  sentence (``. ! ? … : ;``, a closing quote or bracket);
- it has none of the common verbs that make it a sentence missing its full stop
  ("The game is out now");
- it does not look like a personal name (a sign-off such as "Jane Roe") or a picture
  credit, and matches none of the ``unless`` patterns (bylines, contact lines,
  dates, copyright lines: the rule file lists them);
- the block before it is not a fragment too, nor a "Label: value" listing without
  a verb: then it is the last item of a list (fixtures, a line-up), not an orphan.

Captions, credits, alt texts and bylines after the last body block are skipped
over. This is a guess, so the rule should be a warning; it has no fix.

Options: ``blocks`` (kinds that can be the orphan; default paragraph, heading,
other), ``max_words`` (6), ``max_chars`` (60), ``unless`` (regular expressions,
case-insensitive). The message may use ``{match}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from newslint.document import BlockKind, Document
from newslint.model import (
    DeclaredRule,
    Finding,
    RuleSpec,
    rule_identity,
    whole_block_finding,
)
from newslint.options import Options
from newslint.text.credits import is_credit
from newslint.text.messages import fill, require_placeholders
from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import compile_patterns, regex_timeout

OPTIONS = {"blocks", "max_words", "max_chars", "unless"}
DEFAULT_BLOCKS = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.OTHER})
NOT_BODY = frozenset({BlockKind.CAPTION, BlockKind.CREDIT, BlockKind.ALT_TEXT, BlockKind.BYLINE})

_SENTENCE_END = compile_regex(r"[.!?\u2026:;\u3002\uff01\uff1f\"'\u201d\u2019)\]\u300d\u300f]$")
_LETTER = compile_regex(r"\p{L}")
_VERB = compile_regex(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|shall|may|might|must"
    r"|do|does|did|says|said|get|gets|got|makes|made|goes|went|comes|came)\b",
    regex.IGNORECASE,
)
_LEADING_PUNCTUATION = compile_regex(r"^[\W_]+")
# A "Label: value" line ("Subs: Smith, Jones"): what follows it is part of the same listing.
# With a verb it is a sentence ("Correction: This story has been updated.").
_LABELLED = compile_regex(r"^[^\s:]+(?:\s+[^\s:]+){0,3}:\s")
# Personal names: two to four capitalised words or initials each, several joined by
# a comma or "and" ("Jane Roe, Sam Doe"); nothing else.
_ONE_NAME = r"\p{Lu}[\p{L}'\u2019.-]*(?:\s+\p{Lu}[\p{L}'\u2019.-]*){1,3}"
NAME_LINE = compile_regex(rf"^{_ONE_NAME}(?:\s*(?:,|&|\band\b|\bet\b|\by\b|\bund\b)\s*{_ONE_NAME})*$")


@dataclass(frozen=True)
class OrphanFragmentRule(DeclaredRule):
    blocks: frozenset[BlockKind]
    max_words: int
    max_chars: int
    unless: Any | None

    def check(self, document: Document) -> Iterator[Finding]:
        body = [block for block in document.blocks if block.kind not in NOT_BODY]
        if len(body) < 2:
            return
        last, before = body[-1], body[-2]
        text = last.text.strip()
        if last.kind not in self.blocks or not self._is_orphan(text):
            return
        if before.kind is BlockKind.LIST_ITEM or _is_listing(before.text.strip()) \
                or self._is_fragment(before.text.strip()):
            return
        yield whole_block_finding(self, document, last, fill(self.message, {"match": text}))

    def _is_fragment(self, text: str) -> bool:
        timeout = regex_timeout(text)
        return (0 < len(text) <= self.max_chars and len(text.split()) <= self.max_words
                and _LETTER.search(text, timeout=timeout) is not None
                and _SENTENCE_END.search(text, timeout=timeout) is None)

    def _is_orphan(self, text: str) -> bool:
        if not self._is_fragment(text):
            return False
        timeout = regex_timeout(text)
        bare = _LEADING_PUNCTUATION.sub("", text, timeout=timeout)
        if _VERB.search(text, timeout=timeout) or NAME_LINE.match(bare, timeout=timeout) or is_credit(bare):
            return False
        return self.unless is None or self.unless.search(text, timeout=regex_timeout(text)) is None


def _is_listing(text: str) -> bool:
    """A "Label: value" line without a verb ("Subs: Smith, Jones, Brown.")."""
    timeout = regex_timeout(text)
    return _LABELLED.match(text, timeout=timeout) is not None and _VERB.search(text, timeout=timeout) is None


PLACEHOLDERS = frozenset({"match"})  # the fragment's text


def orphan_fragment_rule(spec: RuleSpec) -> OrphanFragmentRule:
    if spec.fixable:
        raise ValueError("an orphan fragment is a guess and has no safe automatic fix; set fixable = false")
    options = Options(spec.options, OPTIONS)
    require_placeholders(spec.message, PLACEHOLDERS)
    unless = options.strings("unless")
    return OrphanFragmentRule(
        **rule_identity(spec),
        blocks=options.block_kinds() or DEFAULT_BLOCKS,
        max_words=int(options.number("max_words", 6)),
        max_chars=int(options.number("max_chars", 60)),
        unless=compile_patterns(unless, ignore_case=True, key="unless") if unless else None,
    )


KINDS: dict[str, Any] = {"orphan-fragment": orphan_fragment_rule}
