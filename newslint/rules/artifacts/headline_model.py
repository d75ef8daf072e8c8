"""How much a line reads like a headline, scored by a logistic regression learned from real
headlines and body lines (trained by bench/headline_model.py, weights in
lexicons/headline-model.json).

The features are shapes, never words of particular stories: length, capitalisation, the
closing mark, digits, quotes, a colon, the rates of articles and auxiliaries (headlinese
drops them), verb-form cues, and a few dozen of the commonest function words. Scoring is a
dot product in pure Python; the weights are read once, on first use.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources

import regex

from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import regex_timeout

_WORD = compile_regex(r"[\p{L}\d][\p{L}\d'’.&-]*", regex.V1)
_ARTICLES = frozenset({"a", "an", "the"})
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
                          "do", "does", "did", "will", "would", "can", "could", "shall", "should", "may",
                          "might", "must"})
_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "them", "his",
                       "its", "their", "our", "my", "your"})
# the commonest function words; each one present is a feature of its own
FUNCTION_WORDS: tuple[str, ...] = (
    "the", "a", "an", "of", "to", "in", "for", "on", "at", "by", "with", "from", "as", "and", "but", "or",
    "is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "can", "could", "not",
    "it", "he", "she", "they", "we", "you", "i", "his", "her", "their", "this", "that", "which", "who",
    "after", "over", "says", "said", "how", "why", "what", "new", "more", "than", "also", "been",
)
_LENGTHS = ((1, 3), (4, 6), (7, 10), (11, 15), (16, 22), (23, 10_000))
_SENTENCE_BREAK = compile_regex(r"[.!?][\"'”’]?\s+[\"'“‘]?\p{Lu}", regex.V1)
_SINGLE_QUOTE = compile_regex(r"(?:^|[\s:(])['‘]\p{L}", regex.V1)
_DOUBLE_QUOTE = compile_regex(r"[\"“”]")
_COLON_INSIDE = compile_regex(r":\s+\S")
_DASH = compile_regex(r"\s[-–—]\s")
_TO_VERB = compile_regex(r"\bto\s+\p{Ll}{3,}", regex.V1)
_PRESENT_AFTER_CAPITAL = compile_regex(r"\p{Lu}\p{L}+\s+\p{Ll}{3,}(?<![su])s\b", regex.V1)


def _length_bucket(count: int) -> str:
    for low, high in _LENGTHS:
        if low <= count <= high:
            return f"len_{low}"
    return "len_0"


def _closing_mark(text: str) -> str:
    last = text.rstrip("\"'”’)] ")[-1:]
    if last in {".", "!", "?", ":", ";", ","}:
        return {".": "end_stop", "!": "end_bang", "?": "end_question", ":": "end_colon"}.get(last, "end_other_punct")
    return "end_none"


def headline_features(text: str) -> dict[str, float]:
    """The model's features of one line: names to values, each value in [0, 1]."""
    text = text.strip()
    timeout = regex_timeout(text)
    found = _WORD.findall(text, timeout=timeout)
    if not found:
        return {"bias_empty": 1.0}
    lower = [w.lower() for w in found]
    count = len(found)
    later = found[1:]
    capitalised = sum(w[0].isupper() for w in later)
    features: dict[str, float] = {
        _length_bucket(count): 1.0,
        _closing_mark(text): 1.0,
        "cap_share": capitalised / len(later) if later else 0.0,
        "first_upper": float(found[0][0].isupper()),
        "first_lower": float(found[0][0].islower()),
        "first_digit": float(found[0][0].isdigit()),
        "all_caps": float(sum(c.isalpha() for c in text) > 3 and not any(c.islower() for c in text)),
        "digits": float(any(c.isdigit() for c in text)),
        "single_quote": float(_SINGLE_QUOTE.search(text, timeout=timeout) is not None),
        "double_quote": float(_DOUBLE_QUOTE.search(text, timeout=timeout) is not None),
        "colon_inside": float(_COLON_INSIDE.search(text, timeout=timeout) is not None),
        "comma": float("," in text),
        "semicolon": float(";" in text),
        "bracket": float("(" in text or "[" in text),
        "dash": float(_DASH.search(text, timeout=timeout) is not None),
        "sentences_2plus": float(_SENTENCE_BREAK.search(text, timeout=timeout) is not None),
        "article_rate": min(1.0, 4 * sum(w in _ARTICLES for w in lower) / count),
        "auxiliary_rate": min(1.0, 4 * sum(w in _AUXILIARIES for w in lower) / count),
        "pronoun_rate": min(1.0, 4 * sum(w in _PRONOUNS for w in lower) / count),
        "first_article": float(lower[0] in _ARTICLES),
        "first_pronoun": float(lower[0] in _PRONOUNS),
        "ed_rate": min(1.0, 4 * sum(w.endswith("ed") and len(w) > 4 for w in lower) / count),
        "ing_rate": min(1.0, 4 * sum(w.endswith("ing") and len(w) > 5 for w in lower) / count),
        "to_verb": float(_TO_VERB.search(text, timeout=timeout) is not None),
        "present_s_after_cap": float(_PRESENT_AFTER_CAPITAL.search(text, timeout=timeout) is not None),
    }
    for word in FUNCTION_WORDS:
        if word in lower:
            features["w_" + word] = 1.0
    return features


@functools.lru_cache(maxsize=1)
def _weights() -> tuple[float, dict[str, float]]:
    raw = json.loads(resources.files("newslint.rules.artifacts").joinpath("lexicons/headline-model.json")
                     .read_text(encoding="utf-8"))
    return float(raw["intercept"]), {str(k): float(v) for k, v in raw["weights"].items()}


def headline_probability(text: str) -> float:
    """The model's probability that `text` is a headline rather than a body or caption line."""
    intercept, weights = _weights()
    total = intercept + sum(weights.get(name, 0.0) * value for name, value in headline_features(text).items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
