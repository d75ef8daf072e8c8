"""How much a possessive "their" reads as a slip for "its": a small learned model (NL304).

The analysis (`analysis.py`) gives a body's pronoun only where nothing else could be its
antecedent. Most slips sit where something could, if only in principle: "The association
completed their review of the judge and gave him its highest rating". This module scores
those. For each "its" or "their" that the analysis has not given to any body, and that follows
a body the article treats as singular (a singular use of it, or its name, in the same
paragraph, at most one sentence back), it describes what lies between the two: how far, which
nouns, names, pronouns and verbs could claim the pronoun instead. A logistic regression
weighs those features. It was learned without labels, from clean news copy: there every
"its" is the form a writer chose where the body fitted, every "their" where something else did
(`bench/possessive_model.py`, weights in `lexicons/possessive-model.json`). A "their" whose
context the model scores like an "its" is the slip a copy editor would query.

Pure functions: a document and its analysis in, candidates and scores out.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

import regex

from newslint.document import Block, BlockKind, Document
from newslint.rules.agreement.analysis import Analysis, Number, Use
from newslint.rules.agreement.lexicon import Lexicon
from newslint.text.pattern_store import compile_regex
from newslint.text.quotes import quote_spans
from newslint.text.sentences import sentences_of

WEIGHTS_FILE = "lexicons/possessive-model.json"
MAX_GAP_TOKENS = 40  # how far back from the pronoun a body's mention may be
_WORD = compile_regex(r"(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}\p{M}'\u2019\-]*|[^\s\p{L}\p{N}]")
_POSSESSIVE = compile_regex(r"(?<![\p{L}\p{N}'\u2019-])(?:its|their|Its|Their|it|they|It|They)(?![\p{L}\p{N}'\u2019-])")
_PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "hers", "himself", "herself"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_SUBJECT_FORMS = frozenset({"it", "they"})
_THING_PRONOUNS = frozenset({"it", "its", "itself"})
_PREPOSITIONS = frozenset({"of", "for", "with", "by", "at", "from", "to", "in", "on", "against", "among", "between"})
_REPORTING = frozenset({"said", "says", "say", "told", "tells", "announced", "added", "stated", "wrote"})
_PLURAL_VERBS = frozenset({"are", "were", "have", "do", "'re", "'ve"})
_SINGULAR_VERBS = frozenset({"is", "was", "has", "does", "'s"})
_NUMBER_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many",
                           "several", "some", "all", "both", "these", "those", "other", "most", "few"})
FEATURES = (
    "bias", "gap", "gap_short", "sentences_back", "anchor_is_use", "anchor_is_subject", "anchor_after_preposition",
    "anchor_possessive", "plural_nouns", "plural_after_quantity", "person_nouns", "names", "titles",
    "person_pronouns", "plural_pronouns", "plural_pronouns_before", "thing_pronouns", "plural_verbs",
    "singular_verbs", "coordinators", "commas", "relatives", "reporting", "of_before", "own_after",
    "capital_pronoun", "quantity_before", "subject_form", "competitor_near", "competitor_gap", "name_near", "name_list",
)


_PLURAL_AFTER_QUANTITY = FEATURES.index("plural_after_quantity")
_COMPETITOR_NEAR = FEATURES.index("competitor_near")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possessive at block-text span ``[start, end)`` after a singular body's mention."""

    block: Block
    start: int
    end: int
    form: str  # "its" or "their", as written
    subject: str  # the body's key
    example: Use  # a singular use of the body, to name in a message
    features: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Weights:
    coefficients: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]


def singular_bodies(analysis: Analysis, lexicon: Lexicon) -> dict[str, list[Use]]:
    """The bodies the article uses in the singular and never in the plural, with their uses; not
    a bare name that may be a person's ("Tom Smith has")."""
    grouped: dict[str, list[Use]] = {}
    for use in analysis.uses:
        if not use.provisional:
            grouped.setdefault(use.subject.key, []).append(use)
    return {key: uses for key, uses in grouped.items()
            if key not in lexicon.people_collectives
            and any(use.subject.is_known_organisation or use.subject.acronym for use in uses)
            and all(use.number is Number.SINGULAR for use in uses)}


def candidates(document: Document, analysis: Analysis, lexicon: Lexicon,
               blocks: frozenset[BlockKind]) -> Iterator[Candidate]:
    """Every "its"/"their" outside quotations that no use of the analysis already is, with a
    mention of a singular body within `MAX_GAP_TOKENS` before it in its paragraph, at most one
    sentence back; described by `FEATURES`."""
    bodies = singular_bodies(analysis, lexicon)
    if not bodies:
        return
    taken = {(id(use.block), use.start) for use in analysis.uses}
    uses_by_block: dict[int, list[Use]] = {}
    for uses in bodies.values():
        for use in uses:
            uses_by_block.setdefault(id(use.block), []).append(use)
    for block in document.blocks:
        if block.kind not in blocks:
            continue
        anchors = _anchors(block, bodies, uses_by_block.get(id(block), []))
        if not anchors:
            continue
        quoted = quote_spans(block.text)
        sentence_starts = [start for start, _ in sentences_of(document, block.text)]
        for match in _POSSESSIVE.finditer(block.text):
            start, end = match.span()
            if (id(block), start) in taken or any(a <= start < b for a, b in quoted):
                continue
            anchor = _nearest_anchor(anchors, start)
            if anchor is None:
                continue
            anchor_start, anchor_end, key, is_use = anchor
            back = sum(1 for s in sentence_starts if anchor_start < s <= start)
            if back > (0 if match.group().lower() in _SUBJECT_FORMS else 1):
                continue
            tokens = _WORD.findall(block.text, anchor_end, start)
            if len(tokens) > MAX_GAP_TOKENS:
                continue
            features = _features(block.text, anchor_start, anchor_end, start, end, tokens, back, is_use, lexicon)
            if features[_PLURAL_AFTER_QUANTITY] or features[_COMPETITOR_NEAR]:
                continue  # "two builders, and they", "thanked volunteers for their": a plural is nearer
            yield Candidate(block, start, end, match.group(), key, bodies[key][0], features)


def _anchors(block: Block, bodies: Mapping[str, Sequence[Use]],
             uses: Sequence[Use]) -> list[tuple[int, int, str, bool]]:
    """Where each singular body is named or used in `block`: (start, end, key, is a use)."""
    found = [(use.start, use.end, use.subject.key, True) for use in uses]
    for key, body_uses in bodies.items():
        names = {use.subject.name for use in body_uses}
        for name in names:
            pattern = _name_pattern(name, body_uses[0].subject.kind.value == "noun")
            found.extend((m.start(), m.end(), key, False) for m in pattern.finditer(block.text))
    return sorted(found)


@functools.lru_cache(maxsize=256)
def _name_pattern(name: str, common_noun: bool) -> regex.Pattern[str]:
    words = r"\s+".join(regex.escape(word) for word in name.split())
    flags = regex.IGNORECASE if common_noun else 0
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}]){words}(?![\p{{L}}\p{{N}}])", flags)


def _nearest_anchor(anchors: Sequence[tuple[int, int, str, bool]], position: int) -> tuple[int, int, str, bool] | None:
    before = [anchor for anchor in anchors if anchor[1] <= position]
    return max(before, key=lambda anchor: (anchor[1], anchor[3])) if before else None


def _is_plural_noun(word: str, lexicon: Lexicon) -> bool:
    lower = word.lower()
    if lower in lexicon.plural_nouns:
        return True
    return (word[0].islower() and len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
            and lower not in lexicon.verb_numbers and lower not in lexicon.not_plurals)


def _is_person_noun(word: str, lexicon: Lexicon) -> bool:
    lower = word.lower()
    if lower in lexicon.person_nouns:
        return True
    stem = lower.removesuffix("s")
    return stem in lexicon.person_nouns or (lower.endswith(lexicon.person_suffixes) and lower not in lexicon.not_person_nouns
                                             and not lower.endswith(lexicon.not_person_suffixes))


def _features(text: str, anchor_start: int, anchor_end: int, start: int, end: int, between: Sequence[str],
              back: int, is_use: bool, lexicon: Lexicon) -> tuple[float, ...]:
    lowers = [token.lower().replace("\u2019", "'") for token in between]
    words = [token for token in between if token[0].isalnum()]
    before = _WORD.findall(text, max(0, anchor_start - 80), anchor_start)[-6:]
    after = _WORD.findall(text, end, min(len(text), end + 20))[:1]
    before_pronoun = lowers[-1] if lowers else ""
    names = sum(1 for i, token in enumerate(between) if token[0].isupper() and token.lower() not in _THING_PRONOUNS
                and (i == 0 or between[i - 1] not in ".!?"))
    plural_after_quantity = sum(
        1 for i, token in enumerate(lowers[1:], 1)
        if _is_plural_noun(between[i], lexicon) and (lowers[i - 1] in _NUMBER_WORDS or lowers[i - 1].isdigit()))
    gap = len(between)
    competitors = [i for i, token in enumerate(between) if token[0].isalpha() and (
        _is_plural_noun(token, lexicon) or token[0].islower() and _is_person_noun(token, lexicon)
        or lowers[i] in _PLURAL_PRONOUNS or lowers[i] in _PERSON_PRONOUNS)]
    competitor_gap = gap - 1 - competitors[-1] if competitors else MAX_GAP_TOKENS
    name_positions = [i for i, token in enumerate(between) if token[0].isupper() and i > 0 and between[i - 1] not in ".!?"]
    values = {
        "competitor_near": float(competitor_gap <= 3),
        "competitor_gap": min(competitor_gap, 10) / 10,
        "name_list": float(any(
            between[i] in {",", "and", "&"} and between[i - 1][0].isupper() and between[i + 1][0].isupper()
            for i in range(1, len(between) - 1))),
        "name_near": float(bool(name_positions) and gap - 1 - name_positions[-1] <= 3),
        "bias": 1.0,
        "gap": min(gap, MAX_GAP_TOKENS) / 10,
        "gap_short": float(gap <= 4),
        "sentences_back": float(back),
        "anchor_is_use": float(is_use),
        "anchor_is_subject": float(bool(between) and between[0][0].islower() and lowers[0] not in _PREPOSITIONS
                                   and lowers[0] not in {"and", "or", "'s"}),
        "anchor_after_preposition": float(bool(before) and before[-1].lower() in _PREPOSITIONS
                                          or len(before) > 1 and before[-1].lower() == "the"
                                          and before[-2].lower() in _PREPOSITIONS),
        "anchor_possessive": float(bool(lowers) and lowers[0] in {"'s", "'"}),
        "plural_nouns": min(3, sum(1 for word in words if _is_plural_noun(word, lexicon))),
        "plural_after_quantity": min(2, plural_after_quantity),
        "person_nouns": min(3, sum(1 for word in words if word[0].islower() and _is_person_noun(word, lexicon))),
        "names": min(4, names),
        "titles": min(2, sum(1 for lower in lowers if lower.rstrip(".") in lexicon.person_titles)),
        "person_pronouns": min(2, sum(1 for lower in lowers if lower in _PERSON_PRONOUNS)),
        "plural_pronouns": min(2, sum(1 for lower in lowers if lower in _PLURAL_PRONOUNS)),
        "plural_pronouns_before": float(any(token.lower() in _PLURAL_PRONOUNS for token in before)),
        "thing_pronouns": min(2, sum(1 for lower in lowers if lower in _THING_PRONOUNS)),
        "plural_verbs": min(2, sum(1 for lower in lowers if lower in _PLURAL_VERBS)),
        "singular_verbs": min(2, sum(1 for lower in lowers if lower in _SINGULAR_VERBS)),
        "coordinators": min(2, sum(1 for lower in lowers if lower in {"and", "or", "but"})),
        "commas": min(3, sum(1 for lower in lowers if lower == ",")),
        "relatives": min(2, sum(1 for lower in lowers if lower in {"who", "whom", "whose"})),
        "reporting": float(any(lower in _REPORTING for lower in lowers)),
        "of_before": float(before_pronoun in {"of", "among", "between"}),
        "own_after": float(bool(after) and after[0].lower() == "own"),
        "capital_pronoun": float(text[start].isupper()),
        "subject_form": float(text[start:end].lower() in {"it", "they"}),
        "quantity_before": float(before_pronoun in _NUMBER_WORDS),
    }
    return tuple(float(values[name]) for name in FEATURES)


def probability(features: Sequence[float], weights: Weights) -> float:
    """How likely the writer of clean copy would have put "its" here."""
    score = sum(c * (x - m) / s for c, x, m, s in zip(weights.coefficients, features, weights.mean, weights.scale))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, score))))


@functools.lru_cache(maxsize=1)
def model_weights() -> Weights:
    data = json.loads(resources.files("newslint.rules.agreement").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{WEIGHTS_FILE} was trained on other features; run bench/possessive_model.py train")
    return Weights(tuple(data["coefficients"]), tuple(data["mean"]), tuple(data["scale"]))
