"""Word lists matched without compiling them into one regular expression.

A lexicon of a hundred nouns costs tens of milliseconds to compile as a `regex`
alternation, on every start-up, and more as the list grows. Most entries are plain words
or phrases, and those are found by set look-ups instead: a `PhraseSet` keeps its entries
in one set per length and tests a slice of the text against the set of that length, so
building it costs no compilation and grows with the number of entries only as set
insertion does.

A `PhraseSet` matches exactly what ``\\b(?:e1|e2|...)`` (each entry escaped; inside
``(?i:...)`` when it ignores case) matches in the `regex` module's default version: the
same word characters (``\\w``), the same simple case folding, the same spans. Only
`plain` entries qualify; a kind whose entries are not all plain keeps its pattern.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from newslint.text.pattern_store import compile_regex

# Word characters, white space and upper-case letters exactly as the `regex` module's
# default version reads ``\w``, ``\s`` and ``\p{Lu}`` in a pattern.
_WORD_CHAR = compile_regex(r"\w")
_SPACE_CHAR = compile_regex(r"\s")
_UPPER_CHAR = compile_regex(r"\p{Lu}")
# A plain entry: word characters, apostrophes, hyphens, full stops and ampersands, single
# spaces between them, starting and ending with a word character.
_PLAIN = compile_regex(r"\w(?:[\w'\u2019.&-]|(?<! ) (?! ))*(?<=\w)|\w")


def is_word_char(text: str, index: int) -> bool:
    """Whether ``text[index]`` is a word character (False outside the text)."""
    return 0 <= index < len(text) and _WORD_CHAR.match(text, index) is not None


def is_space_char(text: str, index: int) -> bool:
    """Whether ``text[index]`` is white space (False outside the text)."""
    return 0 <= index < len(text) and _SPACE_CHAR.match(text, index) is not None


def is_upper_char(text: str, index: int) -> bool:
    """Whether ``text[index]`` is an upper-case letter (False outside the text)."""
    return 0 <= index < len(text) and _UPPER_CHAR.match(text, index) is not None


def plain(entry: str, *, ignore_case: bool) -> bool:
    """Whether `entry` can be matched by a `PhraseSet`: a plain word or phrase, and, when
    case is ignored, ASCII (whose case folding `PhraseSet` reproduces exactly)."""
    return _PLAIN.fullmatch(entry) is not None and (entry.isascii() or not ignore_case)


@functools.lru_cache(maxsize=1024)
def _ascii_fold(char: str) -> str:
    """The lower-case ASCII letter `char` matches when case is ignored, else `char` itself
    (the `regex` module matches the Kelvin sign to "k", the long s to "s")."""
    if char.isascii():
        return char.lower()
    for letter in string.ascii_lowercase:
        if regex.fullmatch(f"(?i){letter}", char) is not None:
            return letter
    return char


def _fold(text: str) -> str:
    """`text` as a case-ignoring match against ASCII entries compares it."""
    if text.isascii():
        return text.lower()
    return "".join(_ascii_fold(char) for char in text)


@dataclass(frozen=True)
class PhraseSet:
    """Plain entries (see `plain`), grouped by length, matched with a word boundary before
    them and, when `ignore_case`, under the `regex` module's case folding."""

    by_length: tuple[tuple[int, frozenset[str]], ...]  # longest first
    ignore_case: bool

    @classmethod
    def of(cls, entries: Iterable[str], *, ignore_case: bool) -> PhraseSet:
        groups: dict[int, set[str]] = {}
        for entry in entries:
            if not plain(entry, ignore_case=ignore_case):
                raise ValueError(f"not a plain phrase: {entry!r}")
            groups.setdefault(len(entry), set()).add(entry.lower() if ignore_case else entry)
        return cls(tuple((length, frozenset(group)) for length, group in sorted(groups.items(), reverse=True)),
                   ignore_case)

    def holds(self, piece: str, group: frozenset[str]) -> bool:
        return (_fold(piece) if self.ignore_case else piece) in group

    def starts_ending_at(self, text: str, end: int) -> Iterator[int]:
        """The start of every entry that ends at `end` in `text`, with a word boundary
        before it (the entry starts with a word character), longest first."""
        for length, group in self.by_length:
            start = end - length
            if start >= 0 and not is_word_char(text, start - 1) and self.holds(text[start:end], group):
                yield start

    def ends_starting_at(self, text: str, start: int) -> Iterator[int]:
        """The end of every entry that starts at `start` in `text`, with a word boundary
        after it (the entry ends with a word character), longest first."""
        for length, group in self.by_length:
            end = start + length
            if end <= len(text) and not is_word_char(text, end) and self.holds(text[start:end], group):
                yield end
