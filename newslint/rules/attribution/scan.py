"""Who says so? Quotations, attributed sentences and agentless claims in a document.

A sentence is attributed when
- it has an attribution cue ("said", "according to"; "reported" only in the active voice),
- it names a source of figures ("a poll", "census data") outside an agentless construction
  ("according to one estimate", "by some counts" name none),
- an agentless construction in it names its agent after all ("estimated by the UN"),
- it lies inside a quotation (a quote has a speaker),
- or it clearly continues an attributed sentence:
  - it has a figure or a construction, and the sentence right before it in the same
    paragraph names its own source ("..., he said. Growth was 11.5%.");
  - it opens with a carry-over phrase ("Another", "Of those") right after an attributed
    sentence;
  - it has a figure, and the sentence right before it (across a paragraph break too, but
    not for a casualty figure: a new paragraph's toll is a new count), or an earlier
    sentence of its paragraph, is attributed and has a figure or a source noun as well (a
    poll's numbers, sentence after sentence);
  - it is in the block after an attributed lead-in ending in a colon ("The report
    found:"), or in a list (in plain text, a run of one-sentence paragraphs) after one.

Carry-over crosses paragraph breaks but not a block of another kind (a heading, a
caption), which starts a new context. The expensive cue search runs only on sentences
whose attribution matters: those with a figure or a construction, and the sentences
they could inherit attribution from.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from newslint.document import Block, BlockKind, Document
from newslint.rules.attribution.lexicon import AttributionLexicon, Construction
from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import REGEX_TIMEOUT_SECONDS, regex_timeout
from newslint.text.quotes import quote_spans
from newslint.text.sentences import sentences_of

Span = tuple[int, int]
FiguresIn = Callable[[str], Iterable[Any]]  # text -> objects with .start and .end

# "''" is a double quote in some wire copy: ''Like this,'' she said.
_WORD = compile_regex(r"\S+")
_TRAILING_PUNCTUATION = ".!?\u2026\"'\u201d\u2019"
# "— Name (@handle) March 3, 2021": the credit line under an embedded social post.
_POST_CREDIT = compile_regex(r"^\s*[\u2014\u2013-]\s*[^\n]{0,80}\(@\w+\)")
PASSIVE_WINDOW = 40  # characters before an active cue searched for "was", "is being", ...
# Figures of these kinds take a source from the sentence before only within their paragraph:
# "Police said 416 motorists died last year.\n\nLast week, 12 people died ..." is a new count,
# where a poll's numbers run on across paragraphs.
PARAGRAPH_BOUND_KINDS = frozenset({"casualty"})


@dataclass(frozen=True, slots=True)
class Claim:
    """An agentless construction ("is estimated to") and the rest of its clause."""

    start: int
    end: int
    construction: Construction
    attributed: bool


@dataclass(frozen=True, slots=True)
class BlockSources:
    block: Block
    sentences: tuple[Span, ...]
    attributed_sentences: tuple[bool, ...]  # False also where nothing depends on it
    quotes: tuple[Span, ...]  # sorted, merged
    figures: tuple[Any, ...]  # what `figures_in` found in the block, if given
    claims: tuple[Claim, ...]
    # Per sentence: the reporting verbs that alone attribute it, or () when something
    # covers the whole sentence (a source noun, an agent, carry-over, a quotation).
    cue_spans: tuple[tuple[Span, ...], ...] = ()

    def sentence_index(self, offset: int) -> int | None:
        return _containing(self.sentences, offset)

    def attributed(self, start: int, end: int) -> bool:
        """Whether text ``[start, end)`` is quoted or lies in an attributed sentence."""
        if _inside(start, end, self.quotes):
            return True
        index = self.sentence_index(start)
        if index is None or not self.attributed_sentences[index]:
            return False
        cues = self.cue_spans[index] if self.cue_spans else ()
        return not cues or any(cue_covers(self.block.text, cue, start, end, self.sentences[index]) for cue in cues)

    def unattributed_claims(self) -> Iterator[Claim]:
        return (claim for claim in self.claims if not claim.attributed)


@dataclass(frozen=True, slots=True)
class _RawClaim:
    start: int
    end: int
    construction: Construction
    has_agent: bool


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One checked block, scanned for everything but cues."""

    block: Block
    sentences: tuple[Span, ...]
    quotes: tuple[Span, ...]
    figures: tuple[Any, ...]
    claims: tuple[_RawClaim, ...]
    first_sentence: int  # index of its first sentence in the document-wide list
    resets: bool  # a block of another kind came before it
    lead_in: int | None  # document-wide index of the colon sentence it follows, if any


@dataclass(frozen=True, slots=True)
class _Sentence:
    block: int  # index into the prepared blocks
    start: int
    end: int
    has_figure: bool
    has_toll: bool  # a figure whose kind keeps it to its own paragraph's sources (PARAGRAPH_BOUND_KINDS)
    claims: tuple[_RawClaim, ...]  # the agentless constructions that start in it
    quoted: bool
    resets: bool  # nothing carries over into it from the sentence before


def document_sources(document: Document, lexicon: AttributionLexicon, blocks: frozenset[BlockKind],
                     figures_in: FiguresIn | None = None) -> tuple[BlockSources, ...]:
    """Attribution of the sentences, figures and constructions of every checked block."""
    prepared = _prepare(document, lexicon, blocks, figures_in)
    sentences = _sentences(prepared)
    matters = _what_matters(prepared, sentences, lexicon)
    attributed, cue_spans, borrowed = _attribute(prepared, sentences, matters, lexicon)
    result = []
    for item in prepared:
        own = slice(item.first_sentence, item.first_sentence + len(item.sentences))
        flags = tuple(attributed[own])
        claims = tuple(_claim(raw, item, flags, borrowed[own]) for raw in item.claims)
        result.append(BlockSources(item.block, item.sentences, flags, item.quotes, item.figures, claims,
                                   tuple(cue_spans[own])))
    return tuple(result)


def has_construction(document: Document, lexicon: AttributionLexicon, blocks: frozenset[BlockKind]) -> bool:
    """Whether any checked block holds an agentless construction, where every claim of
    `document_sources` starts: most articles have none, and then nothing else is done."""
    return any(_construction_matches(lexicon.construction, block.text)
               for block in document.blocks if block.kind in blocks)


RESEARCH_REGISTER_MIN = 3  # mentions of researchers, studies, ... that make an article a research report


def reports_research(document: Document, lexicon: AttributionLexicon, blocks: frozenset[BlockKind]) -> bool:
    """Whether the article reports research (`research_register` words at least
    RESEARCH_REGISTER_MIN times): there "is thought to" states the field's consensus."""
    if lexicon.research_register is None:
        return False
    seen = 0
    for block in document.blocks:
        if block.kind in blocks:
            seen += sum(1 for _ in lexicon.research_register.finditer(block.text, timeout=regex_timeout(block.text)))
            if seen >= RESEARCH_REGISTER_MIN:
                return True
    return False


# Both attribution rules scan every paragraph for the same constructions, one rule right
# after the other, and that scan is the costliest step of each. The matches of the last
# few hundred paragraphs are therefore kept: a bounded memo of a pure function, keyed by
# the compiled pattern and the text itself (not by any document), that holds no text
# longer than CONSTRUCTION_MEMO_MAX_CHARS so it never pins a huge live blog in memory.
CONSTRUCTION_MEMO_SIZE = 256
CONSTRUCTION_MEMO_MAX_CHARS = 10_000
ConstructionMatch = tuple[int, int, str]  # start, end, name of the group that matched


def _construction_matches(pattern: Any, text: str) -> tuple[ConstructionMatch, ...]:
    if len(text) > CONSTRUCTION_MEMO_MAX_CHARS:
        return _scan_constructions(pattern, text)
    return _memoised_construction_matches(pattern, text)


def _scan_constructions(pattern: Any, text: str) -> tuple[ConstructionMatch, ...]:
    return tuple((match.start(), match.end(), match.lastgroup)
                 for match in pattern.finditer(text, timeout=regex_timeout(text)))


_memoised_construction_matches = functools.lru_cache(maxsize=CONSTRUCTION_MEMO_SIZE)(_scan_constructions)


def _prepare(document: Document, lexicon: AttributionLexicon, blocks: frozenset[BlockKind],
             figures_in: FiguresIn | None) -> list[_Prepared]:
    prepared: list[_Prepared] = []
    first, resets = 0, True
    lead_in: int | None = None  # a colon sentence the next block follows
    right_after = False  # the block right after the lead-in follows it whatever it is
    thread = comment_thread_start(document, lexicon)
    for block, after in zip(document.blocks[:thread], [*document.blocks[1:thread], None]):
        if block.kind not in blocks or not_body(block, after, lexicon):
            resets, lead_in = True, None
            continue
        text = block.text
        sentences = sentences_of(document, text)
        # A list, or in plain text a run of one-sentence paragraphs, after "The survey found:".
        is_item = block.kind is BlockKind.LIST_ITEM or len(sentences) == 1
        if lead_in is not None and not right_after and not is_item:
            lead_in = None
        prepared.append(_Prepared(
            block=block,
            sentences=sentences,
            quotes=quote_spans(text),
            figures=tuple(figures_in(text)) if figures_in is not None else (),
            claims=tuple(_raw_claims(text, sentences, lexicon)),
            first_sentence=first,
            resets=resets,
            lead_in=lead_in,
        ))
        if sentences and text[:sentences[-1][1]].endswith(":"):
            lead_in, right_after = first + len(sentences) - 1, True
        elif is_item:
            right_after = False
        else:
            lead_in = None
        first += len(sentences)
        resets = False
    return prepared


COMMENT_HEADING_MAX_CHARS = 200  # a comment heading or counter is a short line


def comment_thread_start(document: Document, lexicon: AttributionLexicon) -> int:
    """Index of the block that opens the reader comments scraped under the story (a whole
    short block matching `comment_thread`: "12 comments", "Leave a reply") in the second
    half of the text, or the number of blocks: the blocks from it on are not the article."""
    blocks = document.blocks
    pattern = lexicon.comment_thread
    if pattern is None or not blocks:
        return len(blocks)
    half = blocks[-1].extent[1] / 2
    for index, block in enumerate(blocks):
        text = block.text.strip()
        if block.extent[0] >= half and len(text) <= COMMENT_HEADING_MAX_CHARS and pattern.fullmatch(
                text, timeout=regex_timeout(text)) is not None:
            return index
    return len(blocks)


def not_body(block: Block, after: Block | None, lexicon: AttributionLexicon) -> bool:
    """Text that is not the article's own prose, whatever its block kind: a speaker's
    answer ("A: ...", "SMITH: ..."), an author's bio (`not_body`), an embedded social
    post (the block right above a "— Name (@handle)" credit) and that credit itself."""
    text = block.text
    if _POST_CREDIT.match(text, timeout=regex_timeout(text)) or (
            after is not None and _POST_CREDIT.match(after.text, timeout=regex_timeout(after.text))):
        return True
    return lexicon.not_body is not None and lexicon.not_body.match(text, timeout=regex_timeout(text)) is not None


def _sentences(prepared: Sequence[_Prepared]) -> list[_Sentence]:
    sentences = []
    for index, item in enumerate(prepared):
        with_figure = {_containing(item.sentences, figure.start) for figure in item.figures}
        with_toll = {_containing(item.sentences, figure.start) for figure in item.figures
                     if getattr(figure, "kind", None) in PARAGRAPH_BOUND_KINDS}
        claims: dict[int | None, list[_RawClaim]] = {}
        for claim in item.claims:
            claims.setdefault(_containing(item.sentences, claim.start), []).append(claim)
        for number, (start, end) in enumerate(item.sentences):
            sentences.append(_Sentence(
                block=index, start=start, end=end,
                has_figure=number in with_figure,
                has_toll=number in with_toll,
                claims=tuple(claims.get(number, ())),
                quoted=_inside(start, end, item.quotes),
                resets=number == 0 and item.resets,
            ))
    return sentences


def _what_matters(prepared: Sequence[_Prepared], sentences: Sequence[_Sentence],
                  lexicon: AttributionLexicon) -> list[bool]:
    """Sentences whose attribution someone needs: those with a figure or a construction,
    and, walking back, every sentence one of those could inherit attribution from."""
    matters = [s.has_figure or bool(s.claims) for s in sentences]
    if len(sentences) > 1 and (matters[0] or matters[1]):
        matters[0] = matters[1] = True  # the lede and the sentence after it may source each other
    for index, sentence in enumerate(sentences[:-1]):
        if sentence.has_figure and sentences[index + 1].block == sentence.block:
            matters[index + 1] = True  # "That figure comes from the census" may source it
    source_searched: set[int] = set()  # blocks whose sentences all matter up to their last figure
    for index in range(len(sentences) - 1, -1, -1):
        if not matters[index]:
            continue
        sentence = sentences[index]
        item = prepared[sentence.block]
        if item.lead_in is not None:
            matters[item.lead_in] = True
            if item.lead_in > 0:  # "The report was published on Monday. Its main findings:"
                matters[item.lead_in - 1] = True
        if sentence.has_figure and sentence.block not in source_searched:
            source_searched.add(sentence.block)  # any earlier sentence of its paragraph may be its source
            for earlier in range(item.first_sentence, index):
                matters[earlier] = True
        if index > item.first_sentence and sentence.claims:
            matters[index - 1] = True
        if index > 0 and not sentence.resets and (sentence.has_figure or _carries(sentence, prepared, lexicon)):
            matters[index - 1] = True
    return matters


def _attribute(prepared: Sequence[_Prepared], sentences: Sequence[_Sentence], matters: Sequence[bool],
               lexicon: AttributionLexicon) -> tuple[list[bool], list[tuple[Span, ...]], list[bool]]:
    """Per sentence: whether it is attributed, the cues that attribute it (`BlockSources.cue_spans`),
    and whether its source is only borrowed from a speaker's sentence before it, which a belief
    with no holder does not take (`Construction.needs_own_source`): a document named after it
    (the two passes below) may hold one."""
    attributed = [False] * len(sentences)
    borrowed = [False] * len(sentences)
    cue_spans: list[tuple[Span, ...]] = [()] * len(sentences)
    own = [False] * len(sentences)  # a cue, a source noun or an agent of its own
    statistical = [False] * len(sentences)
    paragraph_source = False  # an earlier sentence of this block gave figures a source
    noun_sourced = [False] * len(sentences)  # names a source of figures ("the survey", "a report")
    for index, sentence in enumerate(sentences):
        item = prepared[sentence.block]
        if index == item.first_sentence:
            paragraph_source = False
        if not matters[index]:
            continue
        text = item.block.text
        names_source = _names_source(text, sentence, lexicon)
        statistical[index] = sentence.has_figure or names_source or _has_digit(text, sentence.start, sentence.end)
        continues = index > item.first_sentence and own[index - 1] and (
            sentence.has_figure or bool(sentence.claims) or statistical[index])  # the account goes on
        inherits = continues or (sentence.has_figure and paragraph_source) or (
            index > 0 and not sentence.resets and attributed[index - 1] and (
                (sentence.has_figure and statistical[index - 1] and (
                    index > item.first_sentence or not sentence.has_toll)) or _carries(sentence, prepared, lexicon)))
        whole = names_source or any(claim.has_agent for claim in sentence.claims)
        cues = () if whole else _cue_spans(text, sentence.start, sentence.end, sentence.claims, lexicon)
        own[index] = whole or bool(cues)
        noun_sourced[index] = names_source
        led_in = item.lead_in is not None and (
            attributed[item.lead_in] or (item.lead_in > 0 and attributed[item.lead_in - 1]))
        covered = sentence.quoted or inherits or whole or led_in
        attributed[index] = covered or own[index]
        # A speaker's account may go on to a count ("..., the army said. Some 40 people are thought
        # to have drowned.") and a poll's or a report's findings to what people think ("Figures
        # suggest 29% are not registered. Young people are thought to miss out ..."); a speaker's
        # words do not hold an unnamed belief ("The minister said talks went well. There is
        # thought to be wide support for the plan.").
        after_document = index > item.first_sentence and noun_sourced[index - 1]
        borrowed[index] = inherits and not (sentence.quoted or whole or led_in or own[index] or after_document
                                            or statistical[index])
        cue_spans[index] = () if covered else cues
        paragraph_source = paragraph_source or (attributed[index] and statistical[index] and not sentence.quoted)
    for index, sentence in enumerate(sentences[:-1]):
        after = sentences[index + 1]
        if sentence.has_figure and not attributed[index] and after.block == sentence.block and own[index + 1] \
                and _carries(after, prepared, lexicon):
            attributed[index] = True  # "... 60% of tenants. That figure comes from a survey by ..."
    if len(sentences) > 1 and not attributed[0] and noun_sourced[1] and not sentences[1].resets:
        attributed[0] = True  # a lede whose next sentence names the survey or report behind it
    return attributed, cue_spans, borrowed


def _names_source(text: str, sentence: _Sentence, lexicon: AttributionLexicon) -> bool:
    """Whether the sentence names a source of figures ("a poll", "census data") outside the
    clause of its agentless constructions ("according to one estimate" names none)."""
    if lexicon.source_noun is None:
        return False
    matches = lexicon.source_noun.finditer(text, sentence.start, sentence.end, timeout=REGEX_TIMEOUT_SECONDS)
    return any(not any(claim.start <= match.start() < claim.end for claim in sentence.claims) for match in matches)


def _has_digit(text: str, start: int, end: int) -> bool:
    """Whether the sentence gives numbers: an attributed one then sources the figures after it
    ("According to the agency, firms added 146,000 jobs. ... the rate fell to 5.2%.")."""
    return any(character.isdigit() for character in text[start:end])


def _carries(sentence: _Sentence, prepared: Sequence[_Prepared], lexicon: AttributionLexicon) -> bool:
    return lexicon.carry_over is not None and lexicon.carry_over.match(
        prepared[sentence.block].block.text, sentence.start, sentence.end, timeout=REGEX_TIMEOUT_SECONDS) is not None


def _cue_spans(text: str, start: int, end: int, claims: Sequence[_RawClaim],
               lexicon: AttributionLexicon) -> tuple[Span, ...]:
    """The cues of a sentence outside the clause of every agentless construction ("is
    said to have told friends" is hearsay, not a source)."""
    def outside_claims(match: Any) -> bool:
        return not any(claim.start <= match.start() < claim.end for claim in claims)

    def negated(match: Any) -> bool:
        window = text[max(start, match.start() - PASSIVE_WINDOW):match.start()]
        return _NEGATION_BEFORE.search(window, timeout=REGEX_TIMEOUT_SECONDS) is not None

    found = [cue.span() for cue in lexicon.cue.finditer(text, start, end, timeout=REGEX_TIMEOUT_SECONDS)
             if outside_claims(cue) and not negated(cue)]
    if lexicon.active_cue is None:
        return tuple(found)
    for cue in lexicon.active_cue.finditer(text, start, end, timeout=REGEX_TIMEOUT_SECONDS):
        window = text[max(start, cue.start() - PASSIVE_WINDOW):cue.start()]
        progressive = cue.group().lower().endswith("ing")  # "the club is projecting": active
        if _ADJECTIVE_BEFORE.search(window, timeout=REGEX_TIMEOUT_SECONDS) and not progressive:
            continue  # "the estimated 4 million", "81,000 recorded injuries": a modifier, not a verb
        if _counted_noun_before(text, window, cue) and not _agent_after(text, cue.end(), end, lexicon):
            continue  # "3,000 complaints logged over two years": what was counted, not who counted
        if outside_claims(cue) and not negated(cue) and (progressive or lexicon.passive_before.search(
                window, timeout=REGEX_TIMEOUT_SECONDS) is None or _agent_after(text, cue.end(), end, lexicon)):
            found.append(cue.span())  # active, or a passive with its agent: "confirmed by the ministry"
    return tuple(sorted(found))


# A participle right after a determiner, a possessive or a number modifies a noun: "the
# estimated 4 million", "its projected deficit", "81,000 recorded injuries" name no one.
_ADJECTIVE_BEFORE = compile_regex(
    r"(?:\b(?:the|an?|its|their|his|her|our|these|those)|['’]s|\d(?<!\b(?:19|20)\d\d)"
    r"|\b(?:hundred|thousand|million|billion))\s+$",
    regex.IGNORECASE)
# A number and its noun right before a participle that no object follows make a reduced
# relative clause: "3,000 complaints logged over two years", "40 bodies found in the river".
# The counted thing is not a counter ("a poll of 2,000 adults found that ..." keeps its source).
_COUNTED_NOUN_BEFORE = compile_regex(
    r"(?<!\b(?:of|among)\s+(?:the\s+|some\s+|about\s+|nearly\s+|more\s+than\s+)?)"
    r"(?<![\w,.])\d[\d,.]*(?:\s*(?:%|percent|per\s+cent|hundred|thousand|million|billion))?"
    r"\s+(?:[\p{L}-]+\s+){1,2}$",
    regex.IGNORECASE)
_NO_OBJECT_AFTER = compile_regex(
    r"\s*(?:[,.;:)]|\b(?:over|in|on|at|since|during|across|last|this|so|as|between|from|within|under|near|after"
    r"|before|throughout|nationwide|worldwide|locally|overnight|annually|each|every|per|a\s+(?:year|month|week|day))\b)",
    regex.IGNORECASE)


def _counted_noun_before(text: str, window: str, cue: Any) -> bool:
    word = cue.group().lower()
    participle = word.endswith("ed") or word == "found"
    return participle and _COUNTED_NOUN_BEFORE.search(window, timeout=REGEX_TIMEOUT_SECONDS) is not None \
        and _NO_OBJECT_AFTER.match(text, cue.end(), timeout=REGEX_TIMEOUT_SECONDS) is not None


# "have not disclosed", "declined to say", "without confirming": a cue denied names no source.
_NEGATION_BEFORE = compile_regex(
    r"(?:\b(?:not|never|no\s+one|nobody)|n['’]t|\b(?:declined|declines|refused|refuses|failed)\s+to"
    r"|\bwithout)\s+(?:\w+ly\s+)?$", regex.IGNORECASE)
# ", and 40% of voters oppose it": a new main clause, which a reporting verb before it does not reach.
_COORDINATION = compile_regex(r"[,;]\s*(?:and|but|while|whereas|yet)\s+(?!that\b)|;")
_SENTENCE_WIDE_CUE = ("according", "(", "in ", "per ")  # a source phrase frames the whole sentence
TRAILING_TAG_WORDS = 7  # ", the ministry said on Tuesday." sources the whole sentence before it


def cue_covers(text: str, cue: Span, start: int, end: int, sentence: Span) -> bool:
    """Whether the reporting verb at `cue` sources the figure at ``[start, end)`` of its
    sentence: no new main clause comes between them ("Critics say the plan is flawed,
    and 40% of voters oppose it" leaves the 40% unsourced), or the cue is a short
    closing tag (", officials said."), or a source phrase ("according to")."""
    if text[cue[0]:cue[1]].lower().startswith(_SENTENCE_WIDE_CUE):
        return True
    between = (cue[1], start) if cue[1] <= start else (end, cue[0])
    if _COORDINATION.search(text, *between, timeout=REGEX_TIMEOUT_SECONDS) is None:
        return True
    if cue[0] < start:
        return False
    tag_start = text.rfind(",", between[0], cue[0])
    return tag_start >= 0 and len(text[tag_start:sentence[1]].split()) <= TRAILING_TAG_WORDS


def _agent_after(text: str, position: int, end: int, lexicon: AttributionLexicon) -> bool:
    """Whether an agent ("by the health ministry") follows a passive cue right away."""
    start = position + len(text[position:end]) - len(text[position:end].lstrip())
    return lexicon.agent.match(text, start, end, timeout=REGEX_TIMEOUT_SECONDS) is not None


def _has_cue(text: str, start: int, end: int, claims: Sequence[_RawClaim], lexicon: AttributionLexicon) -> bool:
    return bool(_cue_spans(text, start, end, claims, lexicon))


def _raw_claims(text: str, sentences: Sequence[Span], lexicon: AttributionLexicon) -> Iterator[_RawClaim]:
    for start, end, group in _construction_matches(lexicon.construction, text):
        index = _containing(sentences, start)
        sentence_end = sentences[index][1] if index is not None else len(text)
        construction = lexicon.constructions[int(group[1:])]
        clause_end = clause_end_after(text, end, sentence_end, lexicon)
        agent = lexicon.agent.search(text, end, clause_end, timeout=REGEX_TIMEOUT_SECONDS)
        yield _RawClaim(start, max(clause_end, end), construction, agent is not None)


def _claim(raw: _RawClaim, item: _Prepared, attributed: Sequence[bool], borrowed: Sequence[bool]) -> Claim:
    index = _containing(item.sentences, raw.start)
    in_attributed_sentence = index is not None and attributed[index] and not (
        raw.construction.needs_own_source and borrowed[index])
    return Claim(raw.start, raw.end, raw.construction,
                 raw.has_agent or in_attributed_sentence or _inside(raw.start, raw.end, item.quotes))


def clause_end_after(text: str, position: int, limit: int, lexicon: AttributionLexicon) -> int:
    """End of the clause that starts at `position`: the next clause break, at most
    `lexicon.span_words` words on, without the sentence's closing punctuation."""
    boundary = lexicon.clause_break.search(text, position, limit, timeout=REGEX_TIMEOUT_SECONDS)
    stop = boundary.start() if boundary is not None else limit
    end = position
    for count, word in enumerate(_WORD.finditer(text, position, stop, timeout=REGEX_TIMEOUT_SECONDS)):
        if count >= lexicon.span_words:
            break
        end = word.end()
    if end == limit:
        end = len(text[position:end].rstrip(_TRAILING_PUNCTUATION)) + position
    return end


def _inside(start: int, end: int, spans: Sequence[Span]) -> bool:
    """Whether ``[start, end)`` lies within one of `spans` (sorted, not overlapping)."""
    index = _containing(spans, start)
    return index is not None and end <= spans[index][1]


def _containing(spans: Sequence[Span], offset: int) -> int | None:
    """Index of the span of `spans` (sorted, not overlapping) that holds `offset`."""
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    if index >= 0 and spans[index][0] <= offset < spans[index][1]:
        return index
    return None
