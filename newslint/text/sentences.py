"""Sentence spans in block text, for rules that reason within and across sentences.

Rules ask for a block's sentences through `sentences_of`, which splits each text once per
document: every rule of a run reads the same split instead of redoing it.
"""

from __future__ import annotations

from newslint.document import Document
from newslint.text.pattern_store import compile_regex

Span = tuple[int, int]

# Abbreviations after which a period does not end a sentence in news copy.
ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "mt", "ft", "est", "approx", "dept", "univ"]
)

# A punctuation run is matched whole, from its first character and without backtracking
# (the lookbehind and the possessive quantifiers): otherwise a run of n dots costs n^2.
_BOUNDARY = compile_regex(
    r"""(?<![.!?\u2026])[.!?\u2026]++["'\u201d\u2019)\]]*+(?=\s+["'\u201c\u2018(\[]?[\p{Lu}\p{N}])|\n\s*\n"""
)
_WORD_BEFORE = compile_regex(r"([\p{L}.]+)$")
_NUMBER_AFTER = compile_regex(r"\s+\d")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in `text`, white space trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if _is_abbreviation(text, match.start()):
            continue
        _append(spans, text, start, match.end())
        start = match.end()
    _append(spans, text, start, len(text))
    return spans


class SentenceSplits:
    """The sentence spans of each text a document's rules ask about, each text split once.

    One per document, through `Document.shared`; what it holds is a pure function of the
    texts, so sharing it between rules cannot change what any of them finds."""

    __slots__ = ("_spans",)

    def __init__(self, document: Document) -> None:
        del document  # the texts asked about are the key; the document only scopes the memo
        self._spans: dict[str, tuple[Span, ...]] = {}

    def of(self, text: str) -> tuple[Span, ...]:
        spans = self._spans.get(text)
        if spans is None:
            spans = self._spans[text] = tuple(sentence_spans(text))
        return spans


def sentences_of(document: Document, text: str) -> tuple[Span, ...]:
    """`sentence_spans(text)` for a text of `document` (a block's text, mostly), split once
    per document however many rules ask."""
    return document.shared(SentenceSplits).of(text)


def trimmed_sentences_of(document: Document, text: str) -> tuple[Span, ...]:
    """The sentences of ``text.strip()``, offsets in the stripped text, from the shared split
    of `text`: white space at the edges never moves a boundary, so it is the same split."""
    lead = len(text) - len(text.lstrip())
    spans = sentences_of(document, text)
    return tuple((start - lead, end - lead) for start, end in spans) if lead else spans


def _is_abbreviation(text: str, period: int) -> bool:
    if text[period] != ".":
        return False
    word = _WORD_BEFORE.search(text, max(0, period - 12), period)
    if word is None:
        return False
    token = word.group(1).lower().strip(".")
    if token == "no":  # "No. 5", but "said no."
        return _NUMBER_AFTER.match(text, period + 1, period + 4) is not None
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + chunk.index(stripped)
        spans.append((offset, offset + len(stripped)))
