"""Kinds for page furniture beyond fixed strings (NL109-NL111, NL113-NL115).

All read one lexicon (``lexicons/furniture.toml``, option ``lexicons``, inline ``lexicon``):

- ``interface-text``: a block that is nothing but interface text of one category (comment
  prompt, sign-up, share bar, navigation, gallery control, embed leftover, legal footer, tag
  line, sponsor notice). A *weak* entry (one word such as "Next" or "Email", which may be a
  heading) counts only beside another interface block. Sure enough for a fix. A kicker above
  the headline (a short label, a longer headline-like block, then the story) is a structural
  guess: a warning without a fix.
- ``call-to-action``: a short block whose every sentence addresses the reader about the page
  ("Be sure to follow us on Instagram."): an imperative verb with an interface object, or a
  hook ("Enjoyed this story?"). A guess: warning, no fix.
- ``comment-thread``: from a comment heading, counter or commenter line near the end of the
  article to the end (or to "Comments are closed"). One finding over the thread.
- ``related-list`` (NL112) is in ``teasers``, with the other kinds that go by a headline's
  shape and the position of the story body.
- ``inline-promo``: a bracketed or parenthesised promo inside a line or standing alone.
- ``media-promo``: "WATCH: <headline>", "<headline>, in pictures".
- ``embed-signature``: the "— Name (@handle) Date" line of an unrendered social post, with
  the post's text above it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from newslint.document import Block, BlockKind, Document
from newslint.lexicons import lexicon_error, lexicon_tables, merge_tables
from newslint.model import (
    DeclaredRule,
    Edit,
    Finding,
    Fix,
    RuleSpec,
    Severity,
    finding_at,
    rule_identity,
)
from newslint.options import Options
from newslint.text.credits import is_credit
from newslint.text.messages import fill
from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import compile_patterns, lazy_compile, regex_timeout
from newslint.text.sentences import Span, sentence_spans, trimmed_sentences_of

DEFAULT_LEXICONS = ("newslint:lexicons/furniture.toml",)
NOT_FURNITURE = frozenset({BlockKind.CAPTION, BlockKind.CREDIT, BlockKind.ALT_TEXT, BlockKind.BYLINE})
LIST_KEYS = frozenset({
    "cta_verbs", "cta_objects", "cta_hooks", "thread_starts", "commenter_lines", "reader_replies", "thread_ends",
    "related_headings", "media_labels", "media_endings", "minor_words", "inline_promo_labels",
    "inline_promo_whole", "inline_call_verbs", "inline_call_objects", "post_markers", "promo_cues", "page_labels", "tag_headings",
})
# Interface text is short: a longer block is prose whatever it contains.
MAX_INTERFACE_CHARS = 400
# A block taken for a caption (in plain text: the line above a credit) may still be a follow,
# share, sign-up or comment call: no picture's caption is "Follow Jane on Twitter: @jane".
CAPTION_CATEGORIES = frozenset({"share", "signup", "comments"})
MAX_INTERFACE_WORDS = 50

BULLET = compile_regex(r"^\s*(?:[-–—•·*▪►>]+|\d{1,2}[.)])\s+")
_LEADING_EDGE = " \t\n\r\f\v\xa0\"'“”‘’|"
_TRAILING_EDGE = _LEADING_EDGE + ".:;,!»›"
_WORD = compile_regex(r"[\p{L}\d][\p{L}\d'’.&+-]*")
_SENTENCE_END = compile_regex(r"[.!?…][\"'”’)\]]*\s*$")
_FULL_STOP_END = compile_regex(r"(?<!\.)[.;][\"'”’)\]]*\s*$")
_INNER_SENTENCE = compile_regex(r"\.\s+[\"'“‘(]?\p{Lu}\p{Ll}")
_NOT_TEASER = compile_regex(r"\s--\s|^\W*\d{1,2}[:.]\d{2}\b|^\W*(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\w*\.?\s+\d", regex.I)
_REPORTED = compile_regex(r"\b(?:said|says|told|according to|reported)\b", regex.I)
_LISTING = compile_regex(r"[()]|\s(?:v|vs)\.?\s|\s[-–—]\s|&|\d+\s*[-–]\s*\d+")
_SEGMENT = compile_regex(r"(?<=[.!?»›|•])\s+|\s+[|•»›]\s*")
# a credit line NL109 reads as a copyright footer: one that reserves rights, or a bare notice
_RIGHTS_RESERVED = compile_regex(
    r"\ball rights reserved\b|^\s*(?:copyright\s*©?|©|\(c\))\s*\d{4}(?:\s*[-–,/]\s*\d{2,4})*\.?\s*$", regex.I)
# a lead that addresses the reader before a colon: "Take a look: <Headline>", "In case you
# missed it, don't miss: <Headline>"; it opens with the verb or with an "if you" clause
_READER_LEAD = compile_regex(
    r"^\W*(?:(?:if|in case) you\b[^:\n]{0,40}?,\s*)?(?:read|see|watch|listen to|check out|take a look|don't miss|don’t miss|catch up on)\b"
    r"[^:\n]{0,40}:\s+", regex.I)
# the mark a reference list's entry opens with: "^ Roe, Jane (2019)", "[12] Roe, Jane"
_REFERENCE_MARK = compile_regex(r"^\s*(?:\^|\[\d{1,3}\])\s")
# a finite verb within the first words: "Get Out is streaming ..." is a title, not an imperative
# "Email: jane@example.org" is a contact line, "GET /feed HTTP/1.1" a request in a code listing.
_NOT_A_CALL = compile_regex(r"^\W*(?i:e-?mail|contact):\s*\S+@\S+\s*$|^\s*(?:GET|POST|PUT|PATCH|DELETE|HEAD)\s+/")
_STATEMENT = compile_regex(r"^\W*\w[\w'’-]*(?:\s+[\w'’-]+){0,2}\s+(?:is|are|was|were|has|have|had)\b", regex.I)
# a date or time on a masthead line: "4 May 2021", "Updated 10:15", "3 hours ago"
_DATED = compile_regex(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\.?\s+\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:19|20)\d{2}\b"
    r"|\b\d{1,2}[:.]\d{2}\b|\bago\b|\b(?:updated|published|posted)\b", regex.I)
_DATE_OR_TIME = compile_regex(
    r"\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\w*\.?\s+\d"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}|\b\d{1,2}[:.]\d{2}\b", regex.I)
_SHORT_LABEL = compile_regex(r"^[\p{L}'’&-]+(?:\s+[\p{L}'’&-]+){0,2}$")
_SIGNATURE = compile_regex(
    r"^\s*[—–-]{1,2}\s*[^()\n]{1,80}\(\s*@\w{1,30}\s*\)\s*(?:\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\p{L}{3,9}\.?\s+\d{4})\s*$"
)


# --- the lexicon ------------------------------------------------------------------------

@dataclass(frozen=True)
class Category:
    key: str
    name: str
    strong: Any
    weak: Any | None


@dataclass(frozen=True)
class FurnitureLexicon:
    categories: tuple[Category, ...]
    any_strong: Any  # every category's strong entries in one pattern, a named group per category
    any_weak: Any
    cta_start: Any
    cta_object: Any
    cta_hook: Any
    thread_start: Any
    commenter_line: Any
    reader_reply: Any
    thread_end: Any
    related_heading: Any
    media_label: Any
    media_ending: Any
    minor_words: frozenset[str]
    inline_label: Any
    inline_whole: Any
    inline_call_start: Any
    inline_call_object: Any
    post_marker: Any
    promo_cue: Any
    page_label: Any
    tag_heading: Any

    def interface_category(self, text: str, *, weak: bool) -> Category | None:
        """The category whose strong (or, with `weak`, weak) entries match all of `text`."""
        if not text or len(text) > MAX_INTERFACE_CHARS or text.count(" ") >= MAX_INTERFACE_WORDS:
            return None
        pattern = self.any_weak if weak else self.any_strong
        match = pattern.fullmatch(text, timeout=regex_timeout(text)) if pattern is not None else None
        return self.categories[int(match.lastgroup[1:])] if match is not None and match.lastgroup else None


def _validate(table: Mapping[str, Any], option: str, where: str) -> None:
    for key, value in table.items():
        if key == "interface_names":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise lexicon_error(option, where, "interface_names: expected a table of strings")
            continue
        if key not in LIST_KEYS and not key.startswith(("interface_", "weak_")):
            raise lexicon_error(option, where, f"unknown key {key!r}")
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            raise lexicon_error(option, where, f"{key}: expected a list of non-empty strings")


def _alternation(entries: Sequence[str], key: str, *, anchored: str = "") -> Any:
    if not entries:
        return None
    return compile_patterns(tuple(f"{anchored}(?:{entry})" for entry in entries), ignore_case=True,
                            key=f"lexicon {key}")


def load_lexicon(options: Options, rule_path: str) -> FurnitureLexicon:
    merged = merge_tables(lexicon_tables(options, rule_path, DEFAULT_LEXICONS, _validate))
    names: dict[str, str] = merged.get("interface_names", {})
    categories = tuple(
        Category(key, name, _alternation(merged.get(f"interface_{key}", []), f"interface_{key}"),
                 _alternation(merged.get(f"weak_{key}", []), f"weak_{key}"))
        for key, name in names.items()
    )

    def lst(key: str) -> list[str]:
        return list(merged.get(key, []))

    sources: dict[str, list[str]] = {"strong": [], "weak": []}
    for number, key in enumerate(names):
        for strength, prefix in (("strong", "interface_"), ("weak", "weak_")):
            entries = merged.get(prefix + key, [])
            if entries:
                sources[strength].append(f"(?P<c{number}>" + "|".join(f"(?:{e})" for e in entries) + ")")
    flags = regex.VERSION1 | regex.MULTILINE | regex.IGNORECASE

    def combined(strength: str) -> Any:
        return lazy_compile("(?-f)(?:" + "|".join(sources[strength]) + ")", flags) if sources[strength] else None

    verbs = "|".join(f"(?:{verb})" for verb in lst("cta_verbs")) or "(?!)"
    lead_in = r"(?:(?:for (?:more|the full|the rest|the latest|all the latest)|to (?:read|see|watch|get|find|learn)|if you)[^,.!?]{0,60},\s*)?"
    media = "|".join(f"(?:{label})" for label in lst("media_labels")) or "(?!)"
    inline = "|".join(f"(?:{label})" for label in lst("inline_promo_labels")) or "(?!)"
    channel_verbs = "|".join(f"(?:{verb})" for verb in lst("inline_call_verbs")) or "(?!)"
    cues = "|".join(f"(?:{cue})" for cue in lst("promo_cues")) or "(?!)"
    return FurnitureLexicon(
        categories=categories,
        any_strong=combined("strong"),
        any_weak=combined("weak"),
        cta_start=compile_patterns((rf"^\W*{lead_in}(?:{verbs})\b",), ignore_case=True, key="lexicon cta_verbs"),
        cta_object=_alternation(lst("cta_objects"), "cta_objects") or compile_regex("(?!)"),
        cta_hook=_alternation(lst("cta_hooks"), "cta_hooks") or compile_regex("(?!)"),
        thread_start=_alternation(lst("thread_starts"), "thread_starts") or compile_regex("(?!)"),
        commenter_line=_alternation(lst("commenter_lines"), "commenter_lines") or compile_regex("(?!)"),
        reader_reply=_alternation(lst("reader_replies"), "reader_replies", anchored=r"^\W*") or compile_regex("(?!)"),
        thread_end=_alternation(lst("thread_ends"), "thread_ends") or compile_regex("(?!)"),
        related_heading=_alternation(lst("related_headings"), "related_headings") or compile_regex("(?!)"),
        media_label=compile_patterns((rf"^\W*(?:{media})\s*[:|]\s*",), ignore_case=True, key="lexicon media_labels"),
        media_ending=compile_patterns(tuple(f"(?:{e})\\s*$" for e in lst("media_endings")) or ("(?!)",),
                                      ignore_case=True, key="lexicon media_endings"),
        minor_words=frozenset(word.lower() for word in lst("minor_words")),
        inline_label=compile_patterns(
            (rf"[(\[]\s*(?:{inline})\s*(?::|\s[-–—]|»|›)\s*[^()\[\]\n]{{3,200}}[)\]]",), ignore_case=True,
            key="lexicon inline_promo_labels"),
        inline_whole=_alternation(lst("inline_promo_whole"), "inline_promo_whole") or compile_regex("(?!)"),
        inline_call_start=compile_patterns(
            (rf"^\W*(?:(?:please|be sure to|don't forget to|don’t forget to|make sure (?:to|you))\s+)?(?:{channel_verbs})\b",),
            ignore_case=True, key="lexicon inline_call_verbs"),
        inline_call_object=_alternation(lst("inline_call_objects"), "inline_call_objects") or compile_regex("(?!)"),
        post_marker=_alternation(lst("post_markers"), "post_markers") or compile_regex("(?!)"),
        promo_cue=compile_patterns((rf"^\W*(?:{cues})(?:\s*[:|»›]\s*|\s+[-–—]\s+|(?<=\.\p{{L}}{{2,4}})\s+)",), ignore_case=True,
                                   key="lexicon promo_cues"),
        page_label=_alternation(lst("page_labels"), "page_labels") or compile_regex("(?!)"),
        tag_heading=_alternation(lst("tag_headings"), "tag_headings") or compile_regex("(?!)"),
    )


# --- block shape ------------------------------------------------------------------------

def _has_letter(text: str) -> bool:
    return any(character.isalpha() for character in text)


def core_text(block: Block) -> str:
    """The block's text without a list bullet, edge quotes, white space and final punctuation."""
    text = block.text.strip()
    text = BULLET.sub("", text, count=1, timeout=regex_timeout(text))
    return trim_edges(text)


def trim_edges(text: str) -> str:
    """`text` without edge white space and quotes, and without final punctuation."""
    return text.lstrip(_LEADING_EDGE).rstrip(_TRAILING_EDGE)


def words(text: str) -> list[str]:
    return _WORD.findall(text, timeout=regex_timeout(text))


def is_story_paragraph(block: Block) -> bool:
    """Prose: a paragraph of a dozen words or more that ends like a sentence, or a long one."""
    if block.kind in NOT_FURNITURE:
        return False
    text = block.text.strip()
    count = len(text.split())
    ending = text[-12:]
    return count >= 30 or (count >= 12 and _SENTENCE_END.search(ending, timeout=regex_timeout(ending)) is not None)


def story_bounds(blocks: Sequence[Block]) -> tuple[int, int] | None:
    """Indexes of the first and last story paragraph."""
    story = [index for index, block in enumerate(blocks) if is_story_paragraph(block)]
    return (story[0], story[-1]) if story else None


def is_headline(text: str, lexicon: FurnitureLexicon, *, title_case: bool) -> bool:
    """A link title: 3-20 words, one sentence, no final full stop, no listing shape; with
    `title_case`, most words that are not small words start with a capital or a digit."""
    if len(text) > 200:
        return False
    timeout = regex_timeout(text)
    found = words(text)
    if not 3 <= len(found) <= 20:
        return False
    if _FULL_STOP_END.search(text, timeout=timeout) or _INNER_SENTENCE.search(text, timeout=timeout):
        return False
    if _NOT_TEASER.search(text, timeout=timeout) or text.endswith(":") or is_credit(text) or not _bar_free(text):
        return False
    if not title_case:
        return True
    if _LISTING.search(text, timeout=timeout) or text.count(",") > 1:
        return False  # names, fixtures, results: "Jane Roe (Portvale)", "Eastbridge v Northam"
    major = [word for word in found[1:] if word.lower() not in lexicon.minor_words]
    if len(major) < 2:
        return False
    capitalised = sum(1 for word in major if word[0].isupper() or word[0].isdigit())
    return capitalised / len(major) >= 0.75


def _bar_free(text: str) -> bool:
    """No spaced bar, or one after a short topic that a headline follows ("Harbour Week 2018 |
    Lamps that float on the water"): a bar list ("Email | Print") or a table row has more."""
    parts = text.split(" | ")
    if len(parts) == 1:
        return True
    return len(parts) == 2 and 1 <= len(words(parts[0])) <= 6 and len(words(parts[1])) >= 3 \
        and not text.lstrip().startswith("|") and not text.rstrip().endswith("|") \
        and not _DATE_OR_TIME.search(parts[0], timeout=regex_timeout(parts[0]))  # "3 May 2021 | ...": a chronology


def span_finding(rule: DeclaredRule, document: Document, first: Block, last: Block, message: str,
                 fix: Fix | None = None) -> Finding:
    """One finding from the start of `first`'s text to the end of `last`'s."""
    text = first.text
    start = len(text) - len(text.lstrip())
    source_start = first.to_source(start, start + 1)[0]
    last_text = last.text.rstrip()
    source_end = last.to_source(max(0, len(last_text) - 1), len(last_text))[1]
    return Finding(code=rule.code, rule=rule.name, severity=rule.severity, message=message,
                   start=source_start, end=source_end, pointer=first.pointer, fix=fix)


def shortened(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- NL109 interface-text ---------------------------------------------------------------

@dataclass(frozen=True)
class InterfaceTextRule(DeclaredRule):
    lexicon: FurnitureLexicon

    def check(self, document: Document) -> Iterator[Finding]:
        blocks = document.blocks
        cores = [core_text(block) if _checked(block) and len(block.text) <= MAX_INTERFACE_CHARS + 20
                 else "" for block in blocks]
        cores = [("" if index and continues_sentence(blocks[index - 1].text, block.text) else core)
                 for index, (block, core) in enumerate(zip(blocks, cores))]
        strong = [self._strong(block, core) for block, core in zip(blocks, cores)]
        weak = [None if strong[i] or blocks[i].kind is BlockKind.CAPTION
                else self.lexicon.interface_category(core, weak=True) for i, core in enumerate(cores)]
        wrapped = self._wrapped(blocks, strong)
        for index, block in enumerate(blocks):
            if index - 1 in wrapped:
                continue  # reported with the line before it
            if index in wrapped:
                yield self._interface_finding(document, (block, blocks[index + 1]), wrapped[index])
                continue
            category = strong[index]
            if category is None and weak[index] is not None:
                neighbours = [j for j in (index - 1, index + 1) if 0 <= j < len(blocks)]
                # Weak blocks back each other up ("Email", "Print", "Share"), but a run of bare
                # numbers ("23/16", "3:05") is data (a table column, scores), not a control bar.
                if any(strong[j] or (weak[j] and (_has_letter(cores[j]) or _has_letter(cores[index])))
                       for j in neighbours):
                    category = weak[index]
            if category is None:
                continue
            yield self._interface_finding(document, (block,), category)
        kicker = _kicker(blocks, self.lexicon)
        if kicker is not None and strong[kicker] is None and weak[kicker] is None:
            guess = span_finding(self, document, blocks[kicker], blocks[kicker],
                                 fill(self.message, {"what": "Section label or kicker",
                                          "match": shortened(blocks[kicker].text.strip())}))
            yield Finding(code=guess.code, rule=guess.rule, severity=Severity.WARNING, message=guess.message,
                          start=guess.start, end=guess.end, pointer=guess.pointer, fix=None)

    def _wrapped(self, blocks: Sequence[Block], strong: Sequence[Category | None]) -> dict[int, Category]:
        """Interface text broken over two lines, the second going on in lower case ("This
        entry was posted" / "on Monday and is filed under News."): the index of the first
        line and the category of the two read as one."""
        found: dict[int, Category] = {}
        for index in range(len(blocks) - 1):
            first, second = blocks[index], blocks[index + 1]
            if strong[index + 1] or index - 1 in found or \
                    first.kind in NOT_FURNITURE or second.kind in NOT_FURNITURE:
                continue
            head, tail = first.text.strip(), second.text.strip()
            if not head or _SENTENCE_END.search(head[-3:]) or not _LOWER_START.match(tail):
                continue
            category = self.lexicon.interface_category(core_text(first) + " " + core_text(second), weak=False)
            if category is not None:
                found[index] = category
        return found

    def _interface_finding(self, document: Document, run: Sequence[Block], category: Category) -> Finding:
        """The finding for interface text on one line or wrapped over the lines of `run`,
        with a fix that removes them all."""
        text = " ".join(block.text.strip() for block in run)
        fix = Fix(f"remove {shortened(text)!r}", tuple(Edit(block.extent[0], block.extent[1], "") for block in run)) \
            if self.fixable else None
        return span_finding(self, document, run[0], run[-1],
                            fill(self.message, {"what": category.name, "match": shortened(text)}), fix)

    def _strong(self, block: Block, core: str) -> Category | None:
        category = self.lexicon.interface_category(core, weak=False) or self._segmented(core)
        if block.kind is BlockKind.CREDIT and (category is None or category.key != "legal"):
            return None  # a credit line counts only as a copyright footer
        if block.kind is BlockKind.CAPTION and (category is None or category.key not in CAPTION_CATEGORIES):
            return None  # a caption counts only as a call no picture's caption makes
        return category

    def _segmented(self, core: str) -> Category | None:
        """The category of the first segment when every segment of `core` ("12 comments.
        Share your thoughts »") is interface text, else None."""
        if not core or core.count(" ") >= MAX_INTERFACE_WORDS:
            return None
        segments = [s for s in (trim_edges(part) for part in _SEGMENT.split(core, timeout=regex_timeout(core))) if s]
        if len(segments) < 2:
            return None
        found = [self.lexicon.interface_category(segment, weak=False) for segment in segments]
        return found[0] if all(found) else None


_OPEN_CLAUSE = compile_regex(r"[\p{Ll},]\s*$")
_LOWER_START = compile_regex(r"^\s*\p{Ll}")
MIN_CLAUSE_WORDS = 5


def continues_sentence(previous: str, text: str) -> bool:
    """True when `text` is the rest of a sentence `previous` leaves open: a prose line of five
    words or more that stops on a lower-case word or a comma, then a line that starts lower case
    ("...the request would look something" / "like this:"), as in wrapped plain text. Such a
    line is story text even when its words are a share bar's."""
    return (_LOWER_START.match(text) is not None and _OPEN_CLAUSE.search(previous) is not None
            and len(words(previous)) >= MIN_CLAUSE_WORDS)


def _checked(block: Block) -> bool:
    """Blocks NL109 reads: not bylines or alt text; a credit only when it reserves rights; a
    caption only for a strong entry of `CAPTION_CATEGORIES` (see `InterfaceTextRule._strong`)."""
    if block.kind is BlockKind.CREDIT:
        text = block.text
        return _RIGHTS_RESERVED.search(text, timeout=regex_timeout(text)) is not None
    return block.kind is BlockKind.CAPTION or block.kind not in NOT_FURNITURE


def _kicker(blocks: Sequence[Block], lexicon: FurnitureLexicon) -> int | None:
    """The index of a section label or kicker above the headline: the first block, one to
    three words without punctuation or digits, then a longer headline-like block, then a
    story paragraph ("Science" / "Why the Tides Are Slowing" / the story), with at most
    `_MAX_MASTHEAD` short lines between headline and story (a byline, a date, a standfirst)."""
    present = [index for index, block in enumerate(blocks) if block.text.strip()][:3 + _MAX_MASTHEAD]
    if len(present) < 3:
        return None
    first, headline = blocks[present[0]], blocks[present[1]]
    if first.kind in NOT_FURNITURE or headline.kind in NOT_FURNITURE or headline.kind is BlockKind.LIST_ITEM:
        return None
    label = first.text.strip()
    if len(label) > 30 or not _SHORT_LABEL.match(label, timeout=regex_timeout(label)) or is_credit(label) \
            or label.lower().startswith("by "):
        return None
    title = headline.text.strip()
    if BULLET.match(title, timeout=regex_timeout(title)) or is_story_paragraph(headline) or len(words(title)) <= len(words(label)) or \
            not is_headline(title.strip(_LEADING_EDGE), lexicon, title_case=False):
        return None
    story = next((position for position in range(2, len(present)) if is_story_paragraph(blocks[present[position]])), None)
    if story is None or story > 2 and not all(_masthead_line(blocks[i]) for i in present[2:story]):
        return None
    return present[0]


_MAX_MASTHEAD = 3


def _masthead_line(block: Block) -> bool:
    """A line between a headline and its story: a byline, a credit, a date or time, a
    standfirst (a short line that does not end like a sentence)."""
    if block.kind in (BlockKind.BYLINE, BlockKind.CREDIT):
        return True
    text = block.text.strip()
    count = len(text.split())
    timeout = regex_timeout(text)
    return count <= 40 and not BULLET.match(text, timeout=timeout) and \
        (text.lower().startswith("by ") or count <= 8 and _DATED.search(text, timeout=timeout) is not None
         or count >= 8 and _SENTENCE_END.search(text[-12:], timeout=timeout) is None)


# --- NL110 call-to-action ---------------------------------------------------------------

@dataclass(frozen=True)
class CallToActionRule(DeclaredRule):
    lexicon: FurnitureLexicon
    max_words: int

    def check(self, document: Document) -> Iterator[Finding]:
        for block in document.blocks:
            if block.kind in NOT_FURNITURE:
                continue
            text = block.text.strip()
            if not text or len(text.split()) > self.max_words:
                continue
            if BULLET.match(text, timeout=regex_timeout(text)):
                continue  # a list item: instructions that belong to the story
            core = core_text(block)
            if self.lexicon.interface_category(core, weak=False) is not None:
                continue  # interface-text reports it
            if all_calls(text, trimmed_sentences_of(document, block.text), self.lexicon):
                yield span_finding(self, document, block, block, fill(self.message, {"match": shortened(text)}))


def all_calls(text: str, spans: Sequence[Span], lexicon: FurnitureLexicon) -> bool:
    """Whether every sentence of `text` (`spans`, its sentence split) is a call to action or
    the hook that leads into one, and at least one is a call."""
    if not spans:
        return False
    calls = 0
    for start, end in spans:
        sentence = text[start:end]
        timeout = regex_timeout(sentence)
        if lexicon.cta_hook.match(sentence, timeout=timeout):
            calls += len(sentence.split()) >= 8  # "If you enjoyed this story, ..." is a call itself
            continue
        if _NOT_A_CALL.match(sentence, timeout=timeout):
            return False  # a contact line or a request line of a listing
        if _REPORTED.search(sentence, timeout=timeout) or _STATEMENT.match(sentence, timeout=timeout):
            return False  # a reported sentence or a statement is the story's
        if lexicon.cta_start.search(sentence, timeout=timeout) and lexicon.cta_object.search(sentence, timeout=timeout):
            calls += 1
            continue
        return False
    return calls > 0


# --- NL111 comment-thread ---------------------------------------------------------------

# A reader's bare compliment ("Great article.", "Awesome tutorial, period."); a longer sentence
# of praise is as often a reader's reply that the writer quotes.
MAX_REPLY_WORDS = 12


@dataclass(frozen=True)
class CommentThreadRule(DeclaredRule):
    lexicon: FurnitureLexicon
    tail_share: float

    def check(self, document: Document) -> Iterator[Finding]:
        blocks = document.blocks
        if len(blocks) < 2:
            return
        total = max(1, blocks[-1].extent[1])
        tail_from = total * (1 - self.tail_share)
        bounds = story_bounds(blocks)
        after_story_start = blocks[bounds[0]].extent[1] if bounds else 0
        start = self._start(blocks, tail_from, max(after_story_start, total / 2))
        if start is None:
            return
        end = len(blocks) - 1
        for index in range(start + 1, len(blocks)):
            core = core_text(blocks[index])
            if self.lexicon.thread_end.fullmatch(core, timeout=regex_timeout(core)) or \
                    self.lexicon.thread_end.fullmatch(blocks[index].text.strip(), timeout=regex_timeout(core)):
                end = index
                break
        if end == start and not self._lone_heading(blocks, start):
            return
        yield span_finding(self, document, blocks[start], blocks[end],
                           fill(self.message, {"match": shortened(blocks[start].text.strip()),
                                    "blocks": str(end - start + 1)}))

    def _lone_heading(self, blocks: Sequence[Block], index: int) -> bool:
        """Whether block `index` is a comments heading (not a commenter's date line) and the
        last block with text: a heading whose thread did not survive the scraper."""
        core = core_text(blocks[index])
        return all(not block.text.strip() for block in blocks[index + 1:]) and \
            self.lexicon.thread_start.fullmatch(core, timeout=regex_timeout(core)) is not None

    def _start(self, blocks: Sequence[Block], tail_from: float, heading_from: float) -> int | None:
        """The first comment heading or counter in the second half of the article, after the
        first story paragraph, or the first commenter line in its tail."""
        for index, block in enumerate(blocks):
            if block.kind in NOT_FURNITURE or block.extent[0] < min(tail_from, heading_from):
                continue
            if block.extent[0] >= tail_from and self._reader_reply(block):
                return index
            core = core_text(block)
            timeout = regex_timeout(core)
            if len(core) > 200:
                continue
            whole = block.text.strip()
            if block.extent[0] >= heading_from and (self.lexicon.thread_start.fullmatch(core, timeout=timeout)
                                                    or self.lexicon.thread_start.fullmatch(whole, timeout=timeout)):
                return index
            if block.extent[0] >= tail_from and self.lexicon.commenter_line.fullmatch(core, timeout=timeout):
                return index
        return None

    def _reader_reply(self, block: Block) -> bool:
        """A short block that opens by thanking or praising the piece itself ("Great article.",
        "Thanks for sharing this"): a reader answering the story, not the story."""
        text = block.text.strip()
        return self.lexicon.reader_reply.match(text, timeout=regex_timeout(text)) is not None and \
            len(words(text)) <= MAX_REPLY_WORDS


# --- NL113 inline-promo ------------------------------------------------------------------

_BRACKETED = compile_regex(r"\((?:[^()\n]|\([^()\n]*\)){2,200}\)|\[[^\[\]\n]{2,200}\]")
# "(see 'Title')" or "(see 'Title' and 'Title')" and nothing more: "(see 'Title', published in
# 2019)" cites a report
_QUOTED_TITLE = compile_regex(
    r"^\s*(?:see|read|watch)\s+(?:also\s+)?[“\"‘'][^”\"’']{3,}[”\"’'](?:\s*(?:,|and|&)\s*[“\"‘'][^”\"’']{3,}[”\"’'])*[\s.]*", regex.I)
# a pointer to another part of the same document
_CROSS_REFERENCE = compile_regex(
    r"^\s*(?:see|cf\.?|compare)\b.*\b(?:below|above|earlier|later|overleaf|(?:sub)?section|chapter|appendix|table|figure|fig\.|page|p\.|box|footnote|note)\b",
    regex.I)
# A person's link card scraped into the line: the name again (the same first name and
# surname, a middle name allowed), glued to the name before it, then other stories' headlines
# and a "MORE" link ("Rep. Jane RoeJane RoeHarbour bill passes House | Ferry fares frozen MORE
# (D-Maine)"). A camel-case word repeated ("MacBook MacBook") is no card.
_NAME_CARD = compile_regex(
    r"(?<!\p{L})(?P<first>\p{Lu}\p{Ll}[\p{L}'’.-]*)(?:\s\p{Lu}[\p{L}'’.-]*){0,2}?\s(?P<surname>\p{Lu}[\p{L}'’-]+\p{Ll})"
    r"(?P<card>(?P=first)(?:\s\p{Lu}[\p{L}'’.-]*){0,2}?\s(?P=surname)\p{Lu}(?:\S*\s+){6,150}?MORE)(?!\p{L})"
    r"|(?<!\p{L})(?P<name>\p{Lu}[\p{L}'’-]+\p{Ll})(?P<repeat>(?P=name)\p{Lu}(?:\S*\s+){6,150}?MORE)(?!\p{L})",
    regex.V1)
# a media label with a name after it: "Photo: Jane Roe/Portvale Star", "Graphic: Sam Doe"
_MEDIA_CREDIT = compile_regex(
    r"^(?:photo(?:graph)?s?|pictures?|images?|video|map|graphics?|illustrations?|gallery|audio)\s*(?::|by)\s*(?P<who>\S.*)$", regex.I)
_NAME_LIKE = compile_regex(r"[\p{Lu}][\p{L}.'’&-]*(?:\s*(?:[/,;&]|and|for|via)?\s*[\p{Lu}][\p{L}.'’&-]*){0,6}", regex.V1)
_SEE_TITLE = compile_regex(r"^\s*see\s+(?:also\s+)?(?:our\s+)?([\p{Lu}\d][^;]{8,})$")
_CREDIT_LEAD = compile_regex(
    r"^\s*(?:additional\s+)?(?:reporting|editing|edited|writing|written|compiled|produced|translated|photos?|images?"
    r"|pictures?|graphics?|illustrations?|credits?|sources?|via|with|by|courtesy)\b", regex.I)
_LABELLED_HEADLINE = compile_regex(r"^[^:]{2,60}:\s+\S")
_SENTENCE_INSIDE = compile_regex(r"\p{Ll}[.?]\s+\p{Lu}")


@dataclass(frozen=True)
class InlinePromoRule(DeclaredRule):
    lexicon: FurnitureLexicon

    def check(self, document: Document) -> Iterator[Finding]:
        for block in document.blocks:
            if block.kind in NOT_FURNITURE:
                continue
            text = block.text
            for card in _NAME_CARD.finditer(text, timeout=regex_timeout(text)):
                which = "card" if card.group("card") else "repeat"
                yield finding_at(self, document, block, card.start(which), card.end(which),
                                 fill(self.message, {"match": shortened(card.group(which))}))
            for match in _BRACKETED.finditer(text, timeout=regex_timeout(text)):
                if self._is_promo(match.group(), whole_line=match.group() == text.strip(),
                                  between_sentences=_stands_alone(text, match.start(), match.end()),
                                  opens_line=_opens_line(text, match.start(), match.end())):
                    yield finding_at(self, document, block, match.start(), match.end(),
                                     fill(self.message, {"match": shortened(match.group())}))

    def _is_promo(self, bracketed: str, *, whole_line: bool, between_sentences: bool, opens_line: bool) -> bool:
        inner = bracketed[1:-1].strip()
        timeout = regex_timeout(inner)
        if self.lexicon.inline_whole.fullmatch(inner.rstrip(" .»›>"), timeout=timeout):
            return True
        if _CROSS_REFERENCE.search(inner, timeout=timeout):
            return False  # "(see 'The route' below)", "(see table 2)": a pointer inside the document
        credit = _MEDIA_CREDIT.match(inner, timeout=timeout)
        if credit is not None and (is_credit(credit.group("who")) or
                                   _NAME_LIKE.fullmatch(credit.group("who"), timeout=timeout) is not None):
            return False  # "(Photo: Jane Roe/Portvale Star)", "(Graphic: Sam Doe)": a credit
        if self.lexicon.inline_label.fullmatch(bracketed, timeout=timeout):
            return True
        if self._is_channel_call(inner):
            return True
        if _QUOTED_TITLE.fullmatch(inner, timeout=timeout):
            return True
        see = _SEE_TITLE.match(inner, timeout=timeout)
        if see and is_headline(see.group(1), self.lexicon, title_case=True):
            return True
        if _CREDIT_LEAD.match(inner, timeout=timeout) or is_credit(inner):
            return False
        found = words(inner)
        if bracketed.startswith("["):
            media = self.lexicon.media_ending.search(inner, timeout=timeout)
            if media is not None and media.start() > 0:
                inner = inner[:media.start()].rstrip()  # "[Ten Shipwrecks to See (Photos)]"
                found = words(inner)
            # a title-case headline in square brackets: four words, three of them real words
            prose_words = [word for word in found if len(word) >= 3 and any(c.islower() for c in word)]
            # between sentences, not an editor's insertion inside one ("[New Town Council]"), nor
            # the tag a line opens with ("[Harbour Festival Diary] The boats came in at dawn")
            if between_sentences and not opens_line and len(found) >= 4 and len(prose_words) >= 3 \
                    and is_headline(inner, self.lexicon, title_case=True):
                return True
            # a whole line in square brackets that is a headline in sentence case, five words
            # or more ("[Old harbour walls hide a Roman fort]"); a stage direction or an
            # editor's note is shorter, starts in lower case or ends in a full stop, and a
            # line of speech ("[Ana: Who left the door open?!]") exclaims or holds two sentences
            return whole_line and len(found) >= 5 and len(prose_words) >= 4 and inner[:1].isupper() \
                and "!" not in inner and not _SENTENCE_INSIDE.search(inner, timeout=timeout) \
                and is_headline(inner, self.lexicon, title_case=False)
        # a whole line in parentheses that is a "Topic: what happened" headline in sentence case
        return whole_line and len(found) >= 6 and _LABELLED_HEADLINE.match(inner, timeout=timeout) is not None \
            and is_headline(inner, self.lexicon, title_case=False) \
            and not is_headline(inner, self.lexicon, title_case=True)


    def _is_channel_call(self, inner: str) -> bool:
        """A call to subscribe or follow that sends the reader to a newsletter, an app or a
        social channel, after a lead-in and a colon or not: "[Morning news: Get the briefing
        in your inbox.]"."""
        call = inner.rsplit(": ", 1)[-1]
        timeout = regex_timeout(call)
        return self.lexicon.inline_call_start.search(call, timeout=timeout) is not None and \
            self.lexicon.inline_call_object.search(call, timeout=timeout) is not None and all_calls(call, sentence_spans(call), self.lexicon)


def _opens_line(text: str, start: int, end: int) -> bool:
    """Whether the span ``[start, end)`` of `text` opens its line and more text follows it there."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and bool(text[end:len(text) if line_end < 0 else line_end].strip())


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the span ``[start, end)`` of `text` sits between sentences, not inside one."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    return (not before or before[-1] in ".!?\"”’") and (not after or after[0].isupper() or after[0] in "\"“‘")


# --- NL115 media-promo ------------------------------------------------------------------

@dataclass(frozen=True)
class MediaPromoRule(DeclaredRule):
    lexicon: FurnitureLexicon

    def check(self, document: Document) -> Iterator[Finding]:
        for block in document.blocks:
            if block.kind in NOT_FURNITURE:
                continue
            text = BULLET.sub("", block.text.strip(), count=1, timeout=regex_timeout(block.text))
            timeout = regex_timeout(text)
            if _REFERENCE_MARK.match(text, timeout=timeout):
                continue  # "^ 'See You Yesterday' Review: ...": an entry of a reference list
            lead = _READER_LEAD.match(text, timeout=timeout)
            # three words or more: the short labels ("READ MORE:") are NL102's
            if lead is not None and 3 <= len(lead.group().split()) <= 10 and \
                    is_headline(trim_edges(text[lead.end():]), self.lexicon, title_case=True):
                yield span_finding(self, document, block, block, fill(self.message, {"match": shortened(text)}))
                continue
            label = self.lexicon.media_label.match(text, timeout=timeout)
            headline = text[label.end():] if label else text
            if label is None and not self.lexicon.media_ending.search(text, timeout=timeout):
                continue
            # a label with nothing after it ("WATCH:"): what it introduced was a player that did not render
            if (label is not None and not headline.strip()) or is_headline(headline, self.lexicon, title_case=False):
                yield span_finding(self, document, block, block, fill(self.message, {"match": shortened(text)}))


# --- NL114 embed-signature --------------------------------------------------------------

@dataclass(frozen=True)
class EmbedSignatureRule(DeclaredRule):
    lexicon: FurnitureLexicon
    max_post_blocks: int

    def check(self, document: Document) -> Iterator[Finding]:
        blocks = document.blocks
        for index, block in enumerate(blocks):
            text = block.text.strip()
            if len(text) > 160 or not _SIGNATURE.match(text, timeout=regex_timeout(text)):
                continue
            first = index
            for before in range(index - 1, max(-1, index - 1 - self.max_post_blocks), -1):
                previous = blocks[before].text.strip()
                if previous.endswith(":") or len(previous.split()) > 60 or blocks[before].kind in NOT_FURNITURE:
                    break
                if not self.lexicon.post_marker.search(previous, timeout=regex_timeout(previous)):
                    break
                first = before
            yield span_finding(self, document, blocks[first], block, fill(self.message, {"match": shortened(text)}))


# --- rule constructors ------------------------------------------------------------------

def furniture_options(spec: RuleSpec, extra: set[str]) -> tuple[Options, FurnitureLexicon]:
    options = Options(spec.options, {"lexicons", "lexicon", *extra})
    return options, load_lexicon(options, spec.path)


def require_no_fix(spec: RuleSpec) -> None:
    if spec.fixable:
        raise ValueError(f"kind {spec.kind!r} is a guess and has no safe automatic fix; set fixable = false")


def interface_text_rule(spec: RuleSpec) -> InterfaceTextRule:
    _, lexicon = furniture_options(spec, set())
    return InterfaceTextRule(**rule_identity(spec), lexicon=lexicon)


def call_to_action_rule(spec: RuleSpec) -> CallToActionRule:
    require_no_fix(spec)
    options, lexicon = furniture_options(spec, {"max_words"})
    return CallToActionRule(**rule_identity(spec), lexicon=lexicon, max_words=int(options.number("max_words", 60)))


def comment_thread_rule(spec: RuleSpec) -> CommentThreadRule:
    require_no_fix(spec)
    options, lexicon = furniture_options(spec, {"tail_share"})
    return CommentThreadRule(**rule_identity(spec), lexicon=lexicon,
                             tail_share=float(options.number("tail_share", 0.4)))


def inline_promo_rule(spec: RuleSpec) -> InlinePromoRule:
    require_no_fix(spec)
    _, lexicon = furniture_options(spec, set())
    return InlinePromoRule(**rule_identity(spec), lexicon=lexicon)


def media_promo_rule(spec: RuleSpec) -> MediaPromoRule:
    require_no_fix(spec)
    _, lexicon = furniture_options(spec, set())
    return MediaPromoRule(**rule_identity(spec), lexicon=lexicon)


def embed_signature_rule(spec: RuleSpec) -> EmbedSignatureRule:
    require_no_fix(spec)
    options, lexicon = furniture_options(spec, {"max_post_blocks"})
    return EmbedSignatureRule(**rule_identity(spec), lexicon=lexicon,
                              max_post_blocks=int(options.number("max_post_blocks", 4)))


KINDS: dict[str, Any] = {
    "interface-text": interface_text_rule,
    "call-to-action": call_to_action_rule,
    "comment-thread": comment_thread_rule,
    "inline-promo": inline_promo_rule,
    "media-promo": media_promo_rule,
    "embed-signature": embed_signature_rule,
}
