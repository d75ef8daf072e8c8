"""How much a block reads like page furniture, scored by a logistic regression over general
block evidence (trained by bench/furniture_model.py, weights in lexicons/furniture-model.json),
and the ``likely-furniture`` kind (NL118) that reports runs of blocks the model is sure of.

The features are the ones boilerplate removers decide by, never words of particular stories or
names of sites: the block's length, closing mark, sentence count and capitalisation; digits,
dates and times; links, handles and addresses; separators and bullets; where it lies (before the
first story paragraph, after the last, its relative position); the shape of its neighbours (a
run of short lines); whether it repeats in the text; the headline model's score; and the share
of a hand-written vocabulary of interface words (share, follow, subscribe, comment, related,
next, gallery, ...). Only blocks shaped unlike the story are judged: never the text's first
block (its title), a story paragraph, a block over 400 characters, a byline, caption, credit or
sign-off. Scoring is a dot product in pure Python; the weights are read once, on first use.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import regex

from newslint.document import Block, BlockKind, Document
from newslint.model import DeclaredRule, Finding, RuleSpec, rule_identity
from newslint.options import Options
from newslint.rules.artifacts.furniture import (
    BULLET,
    is_story_paragraph,
    shortened,
    span_finding,
)
from newslint.rules.artifacts.headline_model import headline_probability
from newslint.rules.artifacts.orphan import NAME_LINE
from newslint.text.credits import is_credit
from newslint.text.messages import fill, require_placeholders
from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import regex_timeout

WEIGHTS_FILE = "lexicons/furniture-model.json"
NOT_SCORED = frozenset({BlockKind.CAPTION, BlockKind.CREDIT, BlockKind.ALT_TEXT, BlockKind.BYLINE,
                        BlockKind.HEADLINE})
MAX_CHARS = 400  # a longer block is prose whatever it holds (as NL109 reads interface text)
SHORT_WORDS = 12  # a "short" block: a line of a menu, a list, a label
HEADLINE_SCORED_WORDS = 30

# the interface vocabulary, from the categories of bench/labels/GUIDELINES-furniture.md
INTERFACE_WORDS = frozenset({
    "share", "shares", "shared", "sharing", "tweet", "follow", "followers", "subscribe", "subscribed",
    "subscription", "subscribers", "newsletter", "newsletters", "signup", "login", "logout", "register",
    "comment", "comments", "commenting", "reply", "replies", "related", "recommended", "trending", "popular",
    "sponsored", "promoted", "advertisement", "advertising", "advert", "ad", "ads", "next", "previous",
    "prev", "gallery", "galleries", "slideshow", "photo", "photos", "video", "videos", "watch", "listen",
    "podcast", "podcasts", "play", "download", "app", "click", "tap", "view", "views", "email", "e-mail",
    "print", "link", "cookie", "cookies", "privacy", "terms", "copyright", "menu", "search", "skip", "join",
    "member", "members", "premium", "upgrade", "donate", "tag", "tags", "topic", "topics", "report", "like",
    "likes", "loading", "facebook", "twitter", "instagram", "linkedin", "whatsapp", "pinterest", "youtube",
    "tiktok", "reddit", "rss", "alert", "alerts", "notification", "notifications", "ago", "updated",
    "published", "posted", "latest", "home",
})
INTERFACE_PHRASES = ("sign up", "sign in", "log in", "read more", "more from", "see more", "copy link",
                     "rights reserved", "back to top", "support us", "contact us", "about us", "filed under",
                     "posted in", "most read", "continue reading", "full story", "more stories",
                     "you may also like", "don't miss", "must read", "editor's pick")
_PHRASE = compile_regex("|".join(regex.escape(phrase) for phrase in INTERFACE_PHRASES))
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}<>.,:;!?|»›•·*-–—#@"
_URL = compile_regex(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|co\.uk|io)\b", regex.I)
_HANDLE = compile_regex(r"(?<![\w.])@\w{2,}")
_EMAIL = compile_regex(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_SEPARATOR = compile_regex(r"\s[|»›>•·/]\s|\s[|»›•·]|[|»›•·]\s")
_DATE = compile_regex(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\b(?:19|20)\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", regex.I)
_TIME = compile_regex(r"\b\d{1,2}[:.]\d{2}\b|\b\d+\s*(?:min|mins|minutes?|hours?|hrs?|days?)\b", regex.I)
_SENTENCE_BREAK = compile_regex(r"[.!?][\"'”’)]?\s+[\"'“‘(]?\p{Lu}", regex.V1)
# code, markup and protocol text: braces, operators, "Header-Name: value" lines
_CODE = compile_regex(r"[{}<>$\\]|=>|==|\(\)|;\s*$|^\s*[A-Z][\w]*(?:-[A-Z][\w]*)+:\s", regex.V1)
_LABEL_COLON = compile_regex(r"^\W*\p{L}[\p{L}'’ -]{0,25}:\s+\S", regex.V1)
_REFERENCE = compile_regex(r"^\W*\^|\[\d{1,3}\]|\bdoi:|\bISBN\b|\bpp?\.\s*\d", regex.V1)
_BYLINE = compile_regex(r"^\W*(?:by|words by|written by|reporting by|story by)\s+\p{Lu}", regex.I | regex.V1)
_SIGN_OFF = compile_regex(r"^\s*[—–-]{1,2}\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*$", regex.V1)

_LENGTHS = ((1, 1), (2, 3), (4, 6), (7, 12), (13, 25), (26, 50), (51, 10**9))
_DISTANCES = ((1, 1), (2, 3), (4, 8), (9, 10**9))
_RUNS = ((1, 1), (2, 2), (3, 5), (6, 10**9))

FEATURES: tuple[str, ...] = (
    *(f"len_{low}" for low, _ in _LENGTHS),
    "end_stop", "end_question", "end_bang", "end_colon", "end_other_punct", "end_none",
    "sentences_2", "sentences_3plus", "lines_2plus",
    "cap_share", "first_lower", "all_caps", "digit_share", "date", "time",
    "url", "handle", "email", "separator", "separators_2plus", "bullet",
    "position", "position_first_tenth", "position_last_tenth",
    "story_paragraph", "before_story", "after_story", "no_story",
    *(f"story_distance_{low}" for low, _ in _DISTANCES),
    "previous_short", "next_short", *(f"short_run_{low}" for low, _ in _RUNS),
    "repeated", "headline_score", "interface_share", "interface_any", "interface_only",
    "kind_heading", "kind_list_item", "kind_quote", "letter_share_low", "code", "label_colon", "reference",
    "neighbour_interface", "run_headline_mean",
    "short_after_story", "short_before_story", "short_run_outside_story", "interface_outside_story",
)


@dataclass(frozen=True)
class _Context:
    """What the features of one block read from the whole text, worked out once."""

    story: tuple[bool, ...]
    interface: list[int | None]  # how many interface words and phrases each block holds, worked out when first read
    blocks: Sequence[Block]
    headline: list[float | None]  # the headline model's score of each short block, worked out when first read
    story_indexes: tuple[int, ...]
    short: tuple[bool, ...]
    runs: tuple[tuple[int, int], ...]  # each block's run of short blocks: first and last index
    first_text: int | None
    first_story: int | None
    last_story: int | None
    counts: Counter[str]


def _band(value: int, bands: Sequence[tuple[int, int]], prefix: str) -> str:
    for low, high in bands:
        if low <= value <= high:
            return f"{prefix}_{low}"
    return f"{prefix}_{bands[-1][0]}"


def _closing_mark(text: str) -> str:
    last = text.rstrip("\"'”’)] ")[-1:]
    return {".": "end_stop", "?": "end_question", "!": "end_bang", ":": "end_colon",
            ";": "end_other_punct", ",": "end_other_punct", "…": "end_stop"}.get(last, "end_none")


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _is_short(block: Block, story: bool) -> bool:
    text = block.text.strip()
    return bool(text) and not story and len(text.split()) <= SHORT_WORDS


def _context(blocks: Sequence[Block]) -> _Context:
    story = tuple(is_story_paragraph(block) for block in blocks)
    indexes = [i for i, flag in enumerate(story) if flag]
    short = tuple(_is_short(block, flag) for block, flag in zip(blocks, story))
    headline: list[float | None] = [None if flag else 0.0 for flag in short]
    interface: list[int | None] = [None if len(block.text) <= MAX_CHARS else 0 for block in blocks]
    return _Context(story=story, interface=interface,
                    blocks=blocks, headline=headline, story_indexes=tuple(indexes), short=short, runs=_short_runs(short),
                    first_text=next((i for i, block in enumerate(blocks) if block.text.strip()), None),
                    first_story=indexes[0] if indexes else None, last_story=indexes[-1] if indexes else None,
                    counts=Counter(_key(block.text) for block in blocks if block.text.strip()))


def _interface_count(text: str) -> int:
    """How many words and phrases of the interface vocabulary the text holds."""
    lower = text.casefold()
    found = sum(word.strip(_EDGE_PUNCTUATION) in INTERFACE_WORDS for word in lower.split())
    return found + len(_PHRASE.findall(lower, timeout=regex_timeout(lower)))


def _headline_score(text: str) -> float:
    count = len(text.split())
    return headline_probability(text) if 0 < count <= HEADLINE_SCORED_WORDS else 0.0


def _headline_at(context: _Context, index: int) -> float:
    score = context.headline[index]
    if score is None:
        score = context.headline[index] = _headline_score(context.blocks[index].text.strip())
    return score


def _interface_at(context: _Context, index: int) -> int:
    count = context.interface[index]
    if count is None:
        count = context.interface[index] = _interface_count(context.blocks[index].text)
    return count


HEADLINE_FEATURES = ("headline_score", "run_headline_mean")


def _short_runs(short: Sequence[bool]) -> tuple[tuple[int, int], ...]:
    """For each block, the first and last index of the run of short blocks it lies in;
    (index, index - 1) for a block that is not short."""
    runs: list[tuple[int, int]] = []
    start = 0
    for index, flag in enumerate(short):
        if not flag:
            runs.append((index, index - 1))
            start = index + 1
        elif index + 1 == len(short) or not short[index + 1]:
            runs.extend([(start, index)] * (index - start + 1))
    return tuple(runs)


def _story_distance(story_indexes: Sequence[int], index: int) -> int:
    at = bisect.bisect_left(story_indexes, index)
    near = [abs(index - story_indexes[i]) for i in (at - 1, at) if 0 <= i < len(story_indexes)]
    return min(near) if near else 10**9


def block_features(blocks: Sequence[Block], index: int, context: _Context | None = None, *,
                   headline: bool = True) -> dict[str, float]:
    """The model's features of `blocks[index]`: names (all in `FEATURES`) to values in [0, 1];
    without `headline`, all but the two the headline model gives (`HEADLINE_FEATURES`)."""
    context = context or _context(blocks)
    block = blocks[index]
    text = block.text.strip()
    found = text.split()
    count = len(found)
    later = found[1:]
    interface = _interface_at(context, index)
    story = context.story[index]
    before = context.first_story is not None and index < context.first_story
    after = context.last_story is not None and index > context.last_story
    short = context.short[index]
    run_first, run_last = context.runs[index]
    run = run_last - run_first + 1
    letters = sum(map(str.isalpha, text))
    timeout = regex_timeout(text)
    separators = len(_SEPARATOR.findall(text, timeout=timeout))
    features: dict[str, float] = {
        _band(max(1, count), _LENGTHS, "len"): 1.0,
        _closing_mark(text): 1.0,
        "cap_share": sum(w[:1].isupper() for w in later) / len(later) if later else float(text[:1].isupper()),
        "first_lower": float(text[:1].islower()),
        "all_caps": float(letters > 3 and not any(c.islower() for c in text)),
        "letter_share_low": float(letters < 0.5 * len(text.replace(" ", ""))),
        "code": float(_CODE.search(text, timeout=timeout) is not None),
        "label_colon": float(_LABEL_COLON.match(text, timeout=timeout) is not None),
        "reference": float(_REFERENCE.search(text, timeout=timeout) is not None),
        "neighbour_interface": float(any(_interface_at(context, j) > 0 for j in (index - 1, index + 1) if 0 <= j < len(blocks))),
        "digit_share": sum(map(str.isdigit, text)) / max(1, len(text)),
        "date": float(_DATE.search(text, timeout=timeout) is not None),
        "time": float(_TIME.search(text, timeout=timeout) is not None),
        "url": float(_URL.search(text, timeout=timeout) is not None),
        "handle": float(_HANDLE.search(text, timeout=timeout) is not None),
        "email": float(_EMAIL.search(text, timeout=timeout) is not None),
        "separator": float(separators > 0),
        "separators_2plus": float(separators > 1),
        "bullet": float(BULLET.match(text, timeout=timeout) is not None),
        "position": index / max(1, len(blocks) - 1),
        "position_first_tenth": float(index < len(blocks) / 10),
        "position_last_tenth": float(index >= len(blocks) * 9 / 10),
        "story_paragraph": float(story),
        "before_story": float(before),
        "after_story": float(after),
        "no_story": float(context.first_story is None),
        "previous_short": float(index > 0 and context.short[index - 1]),
        "next_short": float(index + 1 < len(blocks) and context.short[index + 1]),
        "repeated": float(context.counts[_key(text)] > 1),
        "interface_share": min(1.0, interface / max(1, count)),
        "interface_any": float(interface > 0),
        "interface_only": float(0 < count <= 2 * interface),
        "kind_heading": float(block.kind is BlockKind.HEADING),
        "kind_list_item": float(block.kind is BlockKind.LIST_ITEM),
        "kind_quote": float(block.kind is BlockKind.QUOTE),
        "short_after_story": float(short and after),
        "short_before_story": float(short and before),
        "short_run_outside_story": float(run >= 3 and (before or after)),
        "interface_outside_story": float(interface > 0 and (before or after)),
    }
    sentences = len(_SENTENCE_BREAK.findall(text, timeout=timeout)) + 1
    if sentences == 2:
        features["sentences_2"] = 1.0
    elif sentences > 2:
        features["sentences_3plus"] = 1.0
    if "\n" in text:
        features["lines_2plus"] = 1.0
    if headline:
        features["headline_score"] = _headline_at(context, index)
        if run > 1:
            features["run_headline_mean"] = sum(_headline_at(context, i) for i in range(run_first, run_last + 1)) / run
    if not story:
        features[_band(_story_distance(context.story_indexes, index), _DISTANCES, "story_distance")] = 1.0
    if run:
        features[_band(run, _RUNS, "short_run")] = 1.0
    return {name: value for name, value in features.items() if value}


Weights = tuple[float, Mapping[str, float]]


@functools.lru_cache(maxsize=1)
def model_weights() -> Weights:
    raw = json.loads(resources.files("newslint.rules.artifacts").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8"))
    return float(raw["intercept"]), {str(k): float(v) for k, v in raw["weights"].items()}


def model_features() -> tuple[str, ...]:
    """The feature names the weights file was trained with."""
    raw = json.loads(resources.files("newslint.rules.artifacts").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8"))
    return tuple(str(name) for name in raw["features"])


def _probability(features: Mapping[str, float], weights: Weights) -> float:
    intercept, table = weights
    total = intercept + sum(table.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def is_scored(blocks: Sequence[Block], index: int, context: _Context) -> bool:
    """Whether the model judges the block at all: not the text's first block (its title), not a
    story paragraph, a long block, a byline, caption, credit or sign-off, not empty."""
    block = blocks[index]
    text = block.text.strip()
    if not text or len(text) > MAX_CHARS or index == context.first_text or context.story[index] \
            or block.kind in NOT_SCORED or is_credit(text):
        return False
    timeout = regex_timeout(text)
    return not (_BYLINE.match(text, timeout=timeout) or _SIGN_OFF.match(text, timeout=timeout) or (len(text.split()) <= 5 and NAME_LINE.match(text, timeout=timeout)))


def furniture_probabilities(blocks: Sequence[Block], weights: Weights | None = None) -> list[float]:
    """The model's probability that each block is page furniture; 0 for a block it does not judge."""
    weights = weights or model_weights()
    context = _context(blocks)
    return [_probability(block_features(blocks, i, context), weights) if is_scored(blocks, i, context) else 0.0
            for i in range(len(blocks))]


def _flagged(blocks: Sequence[Block], threshold: float, weights: Weights) -> list[bool]:
    """Whether each block scores `threshold` or more. The headline model, the costliest part, is
    consulted only for a block the other features alone leave within reach of the threshold
    (its two features at most add their positive weights)."""
    context = _context(blocks)
    intercept, table = weights
    needed = math.log(threshold / (1 - threshold)) if 0 < threshold < 1 else (math.inf if threshold >= 1 else -math.inf)
    reach = sum(max(0.0, table.get(name, 0.0)) for name in HEADLINE_FEATURES)
    flags = []
    for index in range(len(blocks)):
        if not is_scored(blocks, index, context):
            flags.append(False)
            continue
        base = intercept + sum(table.get(n, 0.0) * v for n, v in block_features(blocks, index, context, headline=False).items())
        if base + reach < needed:
            flags.append(False)
            continue
        flags.append(_probability(block_features(blocks, index, context), weights) >= threshold)
    return flags


def flagged_runs(blocks: Sequence[Block], threshold: float, weights: Weights | None = None) -> list[tuple[int, int]]:
    """First and last index of each run of adjacent blocks scored at `threshold` or more (empty
    blocks between two flagged ones do not break a run)."""
    flags = _flagged(blocks, threshold, weights or model_weights())
    runs: list[tuple[int, int]] = []
    for index, flag in enumerate(flags):
        if not flag:
            continue
        if runs and all(not b.text.strip() for b in blocks[runs[-1][1] + 1:index]):
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def describe_run(blocks: Sequence[Block], first: int, last: int) -> str:
    """What the run is thought to be, in a few words: "a run of 4 short link-like lines after the story"."""
    context = _context(blocks)
    present = [i for i in range(first, last + 1) if blocks[i].text.strip()]
    texts = [blocks[i].text.strip() for i in present]
    if context.first_story is None:
        where = ""
    elif last < context.first_story:
        where = " before the story"
    elif first > context.last_story:  # type: ignore[operator]
        where = " after the story"
    else:
        where = " inside the story"
    interface = sum(_interface_count(t) > 0 for t in texts) * 2 >= len(texts)
    unstopped = all(_closing_mark(t) == "end_none" for t in texts)
    shape = "interface" if interface else "link-like" if unstopped else ""
    if len(texts) > 1 and all(context.short[i] for i in present):
        return f"a run of {len(texts)} short {shape + ' ' if shape else ''}lines{where}"
    if len(texts) > 1:
        return f"a run of {len(texts)} {shape + ' ' if shape else ''}blocks{where}"
    size = "short " if context.short[present[0]] else ""
    return f"a {size}{shape + ' ' if shape else ''}line{where}".replace("a interface", "an interface")


# --- NL118 likely-furniture ---------------------------------------------------------------

OPTIONS = {"threshold", "defer_to"}
PLACEHOLDERS = frozenset({"what", "match"})


@dataclass(frozen=True)
class LikelyFurnitureRule(DeclaredRule):
    threshold: float
    defers_to: tuple[str, ...]  # what makes it a `newslint.model.Deferring` rule

    def check(self, document: Document) -> Iterator[Finding]:
        blocks = document.blocks
        for first, last in flagged_runs(blocks, self.threshold):
            what = describe_run(blocks, first, last)
            yield span_finding(self, document, blocks[first], blocks[last],
                               fill(self.message, {"what": what, "match": shortened(blocks[first].text.strip())}))


def likely_furniture_rule(spec: RuleSpec) -> LikelyFurnitureRule:
    if spec.fixable:
        raise ValueError("a model's guess has no safe automatic fix; set fixable = false")
    options = Options(spec.options, OPTIONS)
    require_placeholders(spec.message, PLACEHOLDERS)
    return LikelyFurnitureRule(**rule_identity(spec), threshold=float(options.number("threshold", 0.9)),
                               defers_to=tuple(options.strings("defer_to")))


KINDS: dict[str, Any] = {"likely-furniture": likely_furniture_rule}
