"""The `near-duplicate` kind: a paragraph that is a reworded copy of an earlier one.

The typical case is an updated story where the old version of a paragraph was kept
beside the new one. Similarity is `difflib`'s ratio over the two word sequences
(2 x matching words / total words), so word order counts: two paragraphs that share
vocabulary but say different things in a different order score low.

It stays linear on long live blogs: each paragraph's word pairs (bigrams) go into an
index, and only the few earlier paragraphs sharing the most bigrams are compared.
Bigrams found in more than ``max_postings`` paragraphs are too common to say
anything and are not indexed further; at most ``max_candidates`` comparisons are
made per paragraph, each over at most ``max_words`` words.

Left alone: paragraphs that are not running prose (holding no complete sentence,
list items, "Label: value" lines, lines mostly made of names and numbers such as
results, schedules and line-ups, code, embedded social posts with hashtags, which
repeat a quote on purpose); exact copies (NL202 reports those); and families of
look-alike paragraphs: a paragraph similar to ``family_size`` or more others (exact
copies included) is a template (a questionnaire, a recipe card), not a leftover copy.
Short paragraphs (under ``min_words``) are not compared either: a dozen words share
phrasing by chance (dialogue refrains, formulaic attributions).

The default threshold was set on the shared corpus: the loosest real rewrite found
scores 0.648, the closest pair that is not a copy (a standfirst and the body sentence
it summarises) 0.612.

The later paragraph is reported, unless the earlier one is an excerpt of it (a pull
quote set before the sentence it lifts) and not the first paragraph: then the excerpt is,
since deleting it loses nothing. A reported excerpt (before or after its source) is info, not a
warning: it is most likely a pull quote, which a page repeats on purpose.

Options: ``threshold`` (default 0.63), ``min_words`` (15), ``blocks`` (paragraph),
``max_postings`` (24), ``max_candidates`` (4), ``max_words`` (300), ``family_size`` (3).
The message may use ``{line}`` and ``{percent}``.
"""

from __future__ import annotations

import dataclasses
import difflib
import heapq
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newslint.document import Block, BlockKind, Document
from newslint.model import (
    DeclaredRule,
    Finding,
    RuleSpec,
    Severity,
    rule_identity,
    whole_block_finding,
)
from newslint.options import Options
from newslint.rules.duplication.common import (
    has_sentence,
    is_table_row,
    normalise,
    words,
)
from newslint.text.messages import fill, require_placeholders
from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import regex_timeout

OPTIONS = {"threshold", "min_words", "blocks", "max_postings", "max_candidates", "max_words", "family_size"}
DEFAULT_BLOCKS = frozenset({BlockKind.PARAGRAPH})

_LIST_MARKER = compile_regex(r"^\s*(?:[-\u2013\u2014\u2022*\u00b7\u25aa\u25ba\u2713>]|\(?\d{1,3}[.)]|[a-z][.)])\s")
_LABEL = compile_regex(r"^[^\s:]+(?:\s+[^\s:]+){0,3}:\s")
_CODE_MARK = compile_regex(r"[{};<>=$]|->|=>")
# Embedded posts quote text the article also quotes: a hashtag or a picture link marks them.
_SOCIAL_POST = compile_regex(r"(?<![\w&])#\p{L}[\w]+|pic\.twitter\.com/")
# A token after the first one starting with a capital or a digit: a name or a number.
# (The first word is capitalised anyway.) The white space is matched, not looked
# behind at: the scan is then about twice as fast, and the count is the same.
_NAMED_TOKEN = compile_regex(r"\s[\p{Lu}\p{N}]")
# Share of tokens that may be names or numbers before a block counts as a listing.
NAMES_AND_NUMBERS_MAX = 0.5
CODE_MARKS_MAX = 3
# A direct quotation: straight or curly double quotes, not across a paragraph.
_QUOTATION = compile_regex(r'"([^"\n]+)"|\u201c([^\u201c\u201d\n]+)\u201d')
# Share of a paragraph's words that a quotation makes up for it to count as a quotation.
QUOTATION_SHARE_MIN = 0.5
# An earlier paragraph at most this long against the later one, with at least this share of
# its words standing in the later one in order, is the excerpt (a pull quote): it is the
# copy reported, since deleting it loses nothing the other does not say. Not the first
# paragraph, though: a lede that a later block restates at length is still the story's start.
EXCERPT_LENGTH_MAX = 0.8
EXCERPT_COVER_MIN = 0.9


@dataclass(frozen=True, slots=True)
class _Paragraph:
    index: int
    block: Block
    words: tuple[str, ...]
    copies: int  # how often the document has this exact text


@dataclass(frozen=True)
class NearDuplicateRule(DeclaredRule):
    blocks: frozenset[BlockKind]
    threshold: float
    min_words: int
    max_postings: int
    max_candidates: int
    max_words: int
    family_size: int

    def check(self, document: Document) -> Iterator[Finding]:
        paragraphs = self._paragraphs(document)
        scores = self._similar_pairs(paragraphs)
        degree: Counter[int] = Counter({i: p.copies - 1 for i, p in enumerate(paragraphs)})
        for earlier, later in scores:
            degree[earlier] += 1
            degree[later] += 1
        best: dict[int, tuple[float, int]] = {}
        for (earlier, later), score in scores.items():
            if degree[earlier] >= self.family_size or degree[later] >= self.family_size:
                continue
            if _same_quotation(paragraphs[earlier].block.text, paragraphs[later].block.text):
                continue
            if later not in best or score > best[later][0]:
                best[later] = (score, earlier)
        flagged: dict[int, tuple[float, int]] = {}
        for later, (score, earlier) in best.items():
            if earlier > 0 and _is_excerpt(paragraphs[earlier].words, paragraphs[later].words):
                later, earlier = earlier, later
            if later not in flagged or score > flagged[later][0]:
                flagged[later] = (score, earlier)
        for position in sorted(flagged):
            score, other = flagged[position]
            message = fill(self.message, {"line": str(document.line_of_block(paragraphs[other].block)),
                                          "percent": str(int(score * 100))})
            finding = whole_block_finding(self, document, paragraphs[position].block, message)
            if _is_excerpt(paragraphs[position].words, paragraphs[other].words):
                finding = dataclasses.replace(finding, severity=Severity.INFO)  # a pull quote, most likely
            yield finding

    def _paragraphs(self, document: Document) -> list[_Paragraph]:
        """Prose blocks in order, each exact copy of an earlier one left out."""
        copies: Counter[str] = Counter()
        chosen: list[tuple[int, Block, list[str], str]] = []
        for index, block in enumerate(document.blocks):
            if block.kind not in self.blocks or len(block.text.split()) < self.min_words \
                    or not _is_prose(block.text):
                continue
            tokens = words(block.text)
            if len(tokens) < self.min_words:
                continue
            key = normalise(block.text)
            copies[key] += 1
            if copies[key] == 1:
                chosen.append((index, block, tokens, key))
        return [_Paragraph(index, block, tuple(tokens[: self.max_words]), copies[key])
                for index, block, tokens, key in chosen]

    def _similar_pairs(self, paragraphs: list[_Paragraph]) -> dict[tuple[int, int], float]:
        """(earlier, later) positions -> similarity, for pairs at or above `threshold`."""
        postings: dict[tuple[str, str], list[int]] = {}
        scores: dict[tuple[int, int], float] = {}
        for position, paragraph in enumerate(paragraphs):
            bigrams = set(zip(paragraph.words, paragraph.words[1:]))
            shared: dict[int, int] = {}
            for bigram in bigrams:
                posting = postings.setdefault(bigram, [])
                if len(posting) <= self.max_postings:
                    for earlier in posting:
                        shared[earlier] = shared.get(earlier, 0) + 1
                    posting.append(position)
            # Most shared bigrams first; ties go to the earliest paragraph, so the choice does
            # not depend on the order of `bigrams`, which string hashing varies from run to run.
            candidates = heapq.nlargest(self.max_candidates, shared.items(), key=lambda item: (item[1], -item[0]))
            for earlier, count in candidates:
                if count < _min_shared(len(bigrams), len(paragraphs[earlier].words) - 1):
                    continue
                score = _similarity(paragraphs[earlier].words, paragraph.words)
                if score >= self.threshold:
                    scores[(earlier, position)] = score
        return scores


def _min_shared(bigrams: int, other_bigrams: int) -> int:
    """Fewest shared bigrams worth a comparison: a ratio above 0.5 needs far more."""
    return max(3, min(bigrams, other_bigrams) // 4)


def _similarity(first: tuple[str, ...], second: tuple[str, ...]) -> float:
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    if matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
        return 0.0
    return matcher.ratio()


def _is_excerpt(shorter: tuple[str, ...], longer: tuple[str, ...]) -> bool:
    """`shorter` is an excerpt of `longer`, as a pull quote is of the sentence it lifts:
    clearly shorter, and nearly all its words stand in `longer` in the same order."""
    if len(shorter) > EXCERPT_LENGTH_MAX * len(longer):
        return False
    matcher = difflib.SequenceMatcher(None, shorter, longer, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched >= EXCERPT_COVER_MIN * len(shorter)


def _quoted_words(text: str) -> list[str]:
    timeout = regex_timeout(text)
    return [word for match in _QUOTATION.finditer(text, timeout=timeout)
            for word in words(match.group(1) or match.group(2))]


def _same_quotation(first: str, second: str) -> bool:
    """Both paragraphs are mostly one and the same direct quotation: a quote used again
    (a live blog restating it, with its attribution rewritten), kept on purpose."""
    quoted = _quoted_words(first)
    if len(quoted) < QUOTATION_SHARE_MIN * len(words(first)) or quoted != _quoted_words(second):
        return False
    return len(quoted) >= QUOTATION_SHARE_MIN * len(words(second))


def _is_prose(text: str) -> bool:
    """Running prose: sentences, not a list item, a "Label: value" line, a listing, code
    or an embedded social-media post."""
    timeout = regex_timeout(text)
    if not has_sentence(text) or _LIST_MARKER.match(text, timeout=timeout) or _LABEL.match(text, timeout=timeout):
        return False
    if is_table_row(text):
        return False
    if _SOCIAL_POST.search(text, timeout=timeout):
        return False
    if any(mark in text for mark in "{};<>=$") \
            and len(_CODE_MARK.findall(text, timeout=timeout)) > CODE_MARKS_MAX:
        return False
    tokens = len(text.split()) - 1
    named = len(_NAMED_TOKEN.findall(text, timeout=timeout))
    return named <= NAMES_AND_NUMBERS_MAX * tokens


PLACEHOLDERS = frozenset({"line", "percent"})  # the earlier paragraph's line, how much is shared


def near_duplicate_rule(spec: RuleSpec) -> NearDuplicateRule:
    if spec.fixable:
        raise ValueError("a near-duplicate has no safe automatic fix; set fixable = false")
    options = Options(spec.options, OPTIONS)
    require_placeholders(spec.message, PLACEHOLDERS)
    threshold = options.number("threshold", 0.63)
    if not 0.5 <= threshold <= 1:
        raise ValueError("option 'threshold': expected a number from 0.5 to 1")
    return NearDuplicateRule(
        **rule_identity(spec),
        blocks=options.block_kinds() or DEFAULT_BLOCKS,
        threshold=threshold,
        min_words=int(options.number("min_words", 15)),
        max_postings=int(options.number("max_postings", 24)),
        max_candidates=int(options.number("max_candidates", 4)),
        max_words=int(options.number("max_words", 300)),
        family_size=int(options.number("family_size", 3)),
    )


KINDS: dict[str, Any] = {"near-duplicate": near_duplicate_rule}
