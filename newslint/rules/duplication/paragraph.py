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

from collections import Counter
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
    remove_block_fix,
    rule_identity,
    whole_block_finding,
)
from newslint.options import OptionError, Options
from newslint.rules.duplication.common import (
    has_sentence,
    is_reference,
    kind_name,
    normalise,
    words,
)
from newslint.text.messages import MessageError, fill, require_placeholders
from newslint.text.sentences import sentences_of

OPTIONS = {"blocks", "min_chars", "min_words", "max_copies", "max_repeated_texts", "run_blocks", "run_message",
           "headline_message", "pull_quote_words"}
DEFAULT_BLOCKS = frozenset({BlockKind.PARAGRAPH})
DEFAULT_RUN_BLOCKS = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.QUOTE,
                                BlockKind.OTHER})
DEFAULT_RUN_MESSAGE = "These {count} blocks repeat lines {line}-{end} word for word (a section pasted or scraped twice)"
DEFAULT_HEADLINE_MESSAGE = "This line repeats the headline on line {line}"
# Earlier copies of one text tried as the start of a run: keeps a text repeated hundreds of times linear.
MAX_EARLIER = 8
# A line repeated back to back needs this many different words: "Yes" twice or a dash is not a copy.
MIN_ADJACENT_WORDS = 3
# A run of blocks (a section, a list) needs this many different words in all.
MIN_RUN_WORDS = 8
PULL_QUOTE_SENTENCES = 2
# A repeated run with this many different paragraphs of this many words is a scraped section.
LONG_PARAGRAPH_WORDS = 25
MIN_LONG_RUN = 3


@dataclass(frozen=True, slots=True)
class _Run:
    """Blocks ``later .. later+length-1`` repeat blocks ``first .. first+length-1`` in order."""

    first: int
    later: int
    length: int


@dataclass(frozen=True, slots=True)
class _Section:
    """A repeated run in block indexes: the first copy ``first .. first_last``, the later one
    ``later .. later_last`` (blocks without a word between them included), `lines` blocks
    with words in each."""

    first: int
    first_last: int
    later: int
    later_last: int
    lines: int


@dataclass(frozen=True)
class DuplicateParagraphRule(DeclaredRule):
    blocks: frozenset[BlockKind]
    run_blocks: frozenset[BlockKind]
    min_chars: int
    min_words: int
    max_copies: int
    max_repeated_texts: int
    run_message: str
    headline_message: str
    pull_quote_words: int

    def check(self, document: Document) -> Iterator[Finding]:
        blocks = document.blocks
        all_keys = [normalise(block.text) if block.kind in self.run_blocks else None for block in blocks]
        # Blocks without a word (an empty list bullet, a rule line) are stepped over: one copy of
        # a section may have them between its lines and the other not.
        order = [index for index, key in enumerate(all_keys) if key != ""]
        keys = [all_keys[index] for index in order]
        kinds = [blocks[index].kind for index in order]
        texts = [blocks[index].text for index in order]
        covered: set[int] = set()
        for run in _repeated_runs(keys, lambda keys, run: self._is_copy(document, keys, kinds, run, texts)):
            section = _Section(order[run.first], order[run.first + run.length - 1],
                               order[run.later], order[run.later + run.length - 1], run.length)
            covered.update(range(section.later, section.later_last + 1))
            yield self._run_finding(document, section)
        for index in self._headline_copies(blocks, all_keys, covered):
            covered.add(index)
            yield self._finding(document, index, _headline_of(blocks), self.headline_message)
        yield from self._single_copies(document, covered)

    def _is_copy(self, document: Document, keys: Sequence[str | None], kinds: Sequence[BlockKind], run: _Run,
                 originals: Sequence[str]) -> bool:
        """Whether a repeated run is a copying accident rather than a template or a pull quote."""
        texts = [key for key in keys[run.later:run.later + run.length] if key]
        vocabulary = {word for text in texts for word in words(text)}
        if run.length == 1:
            # One line again at once; a reference list cites one source twice in a row on purpose.
            return run.first + 1 == run.later and len(vocabulary) >= MIN_ADJACENT_WORDS \
                and kinds[run.later] is not BlockKind.LIST_ITEM and not is_reference(texts[0] if texts else "")
        if len(vocabulary) < MIN_RUN_WORDS:
            return False
        if run.first + run.length == run.later:
            return True
        # Apart from each other, a run must hold prose (product cards, recipe cards and spec
        # lists repeat on purpose) and be copies of texts the document has only twice: a
        # template repeats its lines (questions, a call to vote) after every entry.
        prose = sum(has_sentence(text) and len(words(text)) >= self.min_words for text in texts)
        # Three different long paragraphs in the same order again are a section scraped once
        # more, however often: a template repeats its short lines, not a story's paragraphs.
        long = {keys[index] for index in range(run.later, run.later + run.length)
                if _is_long_prose(document, originals[index])}
        if len(long) >= MIN_LONG_RUN:
            return True
        counts = Counter(key for key in keys if key)
        return prose >= 2 and sum(counts[text] == 2 for text in texts) * 2 >= len(texts)

    def _headline_copies(self, blocks: Sequence[Block], keys: Sequence[str | None], covered: set[int]) -> Iterator[int]:
        headline = _headline_of(blocks)
        if headline is None:
            return
        key = normalise(blocks[headline].text)
        if len(set(words(key))) < MIN_ADJACENT_WORDS:
            return
        for index, other in enumerate(keys):
            if other == key and index != headline and index not in covered:
                yield index

    def _single_copies(self, document: Document, covered: set[int]) -> Iterator[Finding]:
        copies: dict[str, list[int]] = {}
        for index, block in enumerate(document.blocks):
            if block.kind in self.blocks and has_sentence(block.text) and not is_reference(block.text):
                key = normalise(block.text)
                if len(key) >= self.min_chars:
                    copies.setdefault(key, []).append(index)
        # Words are counted only for texts that repeat: a text seen once is never reported.
        repeated = [same for key, same in copies.items()
                    if len(same) > 1 and not covered.issuperset(same[1:]) and len(words(key)) >= self.min_words]
        templated = any(len(same) > self.max_copies for same in repeated) \
            or len(repeated) > self.max_repeated_texts
        if templated:
            return
        for same in sorted(repeated):
            for index in same[1:]:
                if index not in covered and not self._pull_quote_sized(document, document.blocks[index].text):
                    yield self._finding(document, index, same[0], self.message)

    def _pull_quote_sized(self, document: Document, text: str) -> bool:
        """A sentence or two, short: in flattened text a pull quote repeating the body looks
        just like this, so a lone copy of that size is left alone."""
        return len(sentences_of(document, text)) <= PULL_QUOTE_SENTENCES and len(words(text)) <= self.pull_quote_words

    def _finding(self, document: Document, index: int, first: int | None, message: str) -> Finding:
        block = document.blocks[index]
        earlier = document.blocks[first] if first is not None else block
        message = fill(message, {"line": str(document.line_of_block(earlier)), "this": kind_name(block),
                                 "first": kind_name(earlier)})
        fix = remove_block_fix(block, "remove the repeated text") if self.fixable else None
        return whole_block_finding(self, document, block, message, fix)

    def _run_finding(self, document: Document, section: _Section) -> Finding:
        blocks = document.blocks
        if section.lines == 1:
            return self._finding(document, section.later, section.first, self.message)
        later = blocks[section.later:section.later_last + 1]
        first_line = document.line_of_block(blocks[section.first])
        last = blocks[section.first_last]
        end_line = document.position(last.to_source(len(last.text.rstrip()), len(last.text.rstrip()))[1])[0]
        message = fill(self.run_message, {"count": str(section.lines), "line": str(first_line), "end": str(end_line)})
        start = whole_block_finding(self, document, later[0], message).start
        end = whole_block_finding(self, document, later[-1], message).end
        fix = Fix("remove the repeated section", tuple(Edit(b.extent[0], b.extent[1], "") for b in later)) \
            if self.fixable else None
        return Finding(code=self.code, rule=self.name, severity=self.severity, message=message,
                       start=start, end=end, pointer=later[0].pointer, fix=fix)


def _is_long_prose(document: Document, text: str) -> bool:
    """Two sentences or more and LONG_PARAGRAPH_WORDS words: a story's paragraph, not a card."""
    return len(words(text)) >= LONG_PARAGRAPH_WORDS and has_sentence(text) and len(sentences_of(document, text)) >= 2


def _headline_of(blocks: Sequence[Block]) -> int | None:
    return next((index for index, block in enumerate(blocks) if block.kind is BlockKind.HEADLINE), None)


def _repeated_runs(keys: Sequence[str | None], is_copy: Any) -> Iterator[_Run]:
    """Each later copy of a run of consecutive blocks, longest first copy chosen, in order.

    `keys` are the blocks' normalised texts (None: not compared, which ends a run). A run's
    later copy starts after its first copy ends; each block is in at most one later copy.
    """
    seen: dict[str, list[int]] = {}
    index = 0
    while index < len(keys):
        key = keys[index]
        # The longest run that is a copy; on a tie the nearest first copy.
        runs = [_Run(earlier, index, _run_length(keys, earlier, index))
                for earlier in (seen.get(key, [])[-MAX_EARLIER:] if key else ())]
        best = max((run for run in runs if is_copy(keys, run)), key=lambda run: (run.length, run.first), default=None)
        if best is not None:
            for offset in range(best.length):
                seen.setdefault(keys[index + offset] or "", []).append(index + offset)
            yield best
            index += best.length
            continue
        if key:
            seen.setdefault(key, []).append(index)
        index += 1


def _run_length(keys: Sequence[str | None], first: int, later: int) -> int:
    length = 0
    while later + length < len(keys) and first + length < later and keys[first + length] is not None \
            and keys[first + length] == keys[later + length]:
        length += 1
    return length


PLACEHOLDERS = frozenset({"line", "first", "this"})  # the first copy's line and both blocks' kinds
RUN_PLACEHOLDERS = frozenset({"count", "line", "end"})  # blocks in the run, the first copy's lines


def duplicate_paragraph_rule(spec: RuleSpec) -> DuplicateParagraphRule:
    options = Options(spec.options, OPTIONS)
    require_placeholders(spec.message, PLACEHOLDERS)
    run_message = options.string("run_message") or DEFAULT_RUN_MESSAGE
    headline_message = options.string("headline_message") or DEFAULT_HEADLINE_MESSAGE
    for key, template, known in (("run_message", run_message, RUN_PLACEHOLDERS),
                                 ("headline_message", headline_message, PLACEHOLDERS)):
        try:
            require_placeholders(template, known)
        except MessageError as error:
            raise OptionError(key, str(error)) from None
    return DuplicateParagraphRule(
        **rule_identity(spec),
        blocks=options.block_kinds() or DEFAULT_BLOCKS,
        run_blocks=options.block_kinds("run_blocks") or DEFAULT_RUN_BLOCKS,
        min_chars=int(options.number("min_chars", 40)),
        min_words=int(options.number("min_words", 6)),
        max_copies=int(options.number("max_copies", 2)),
        max_repeated_texts=int(options.number("max_repeated_texts", 3)),
        run_message=run_message,
        headline_message=headline_message,
        pull_quote_words=int(options.number("pull_quote_words", 40)),
    )


KINDS: dict[str, Any] = {"duplicate-paragraph": duplicate_paragraph_rule}
