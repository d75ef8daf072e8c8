"""The word lists behind the NL3xx agreement rules, loaded from rule-pack TOML files.

The tracker in `agreement_analysis` knows no English words of its own beyond the
article "the": every word class it uses comes from a `Lexicon`. Files merge in order (lists are joined, the
`verb_numbers` table is updated key by key), then a rule's inline ``lexicon`` table (see `lexicons`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

import regex

from newslint.lexicons import lexicon_error, longest_first, merge_tables
from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import lazy_compile
from newslint.text.phrases import (
    PhraseSet,
    is_space_char,
    is_upper_char,
    is_word_char,
    plain,
)

# Lists matched case-sensitively, as written; every other list is lower-cased.
CASE_SENSITIVE = frozenset({"organisations"})


@dataclass(frozen=True)
class Lexicon:
    collective_nouns: frozenset[str]
    organisations: Mapping[str, tuple[tuple[str, ...], ...]]  # first word -> names as words, longest first
    person_titles: frozenset[str]
    not_names: frozenset[str]
    phrase_prepositions: frozenset[str]
    verb_numbers: Mapping[str, bool]  # form -> True if singular, False if plural
    singular_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    possessive_pronouns: frozenset[str]
    singular_subject_pronouns: frozenset[str]
    plural_subject_pronouns: frozenset[str]
    person_relatives: frozenset[str]
    thing_relatives: frozenset[str]
    reporting_verbs: frozenset[str]
    expletive_followers: frozenset[str]
    expletive_progressives: frozenset[str]
    subject_states: frozenset[str]
    time_span_prepositions: frozenset[str]
    time_span_modifiers: frozenset[str]
    partitive_quantifiers: frozenset[str]
    contrast_coordinators: frozenset[str]
    irrealis_triggers: frozenset[str]
    irrealis_forms: frozenset[str]
    clause_openers: frozenset[str]
    determiners: frozenset[str]
    singular_determiners: frozenset[str]
    personal_pronouns: frozenset[str]
    name_connectors: frozenset[str]
    infinitive_markers: frozenset[str]
    adverbs: frozenset[str]
    not_adverbs: frozenset[str]
    prepositions: frozenset[str]
    non_finite_triggers: frozenset[str]
    coordinators: frozenset[str]
    modals: frozenset[str]
    mandative_triggers: frozenset[str]
    clause_breaks: frozenset[str]
    number_prepositions: frozenset[str]
    distinct_short_names: frozenset[str]
    copulas: frozenset[str]
    plural_nouns: frozenset[str]
    person_nouns: frozenset[str]
    person_suffixes: tuple[str, ...]
    agent_suffixes: tuple[str, ...]
    distributive_determiners: frozenset[str]
    not_person_suffixes: tuple[str, ...]
    not_person_nouns: frozenset[str]
    quantity_words: frozenset[str]
    not_plurals: frozenset[str]
    surname_prefixes: frozenset[str]
    organisation_suffixes: frozenset[str]
    finite_verbs: frozenset[str]
    people_collectives: frozenset[str]
    singular_bodies: frozenset[str]
    not_organisation_acronyms: frozenset[str]
    referring_nouns: frozenset[str]
    contrast_modifiers: frozenset[str]
    control_verbs: frozenset[str]
    question_verbs: frozenset[str]
    question_openers: frozenset[str]
    expletive_participles: frozenset[str]
    time_phrase_edges: frozenset[str]
    time_phrase_deictics: frozenset[str]
    time_units: frozenset[str]
    time_counts: frozenset[str]
    # Finds a capitalised word before a number-marked verb or a relative pronoun.
    bare_name_candidates: Any = None
    # Finds a collective noun, listed organisation or capitalised name before a relative pronoun for people.
    organisation_person_relatives: Any = None
    # Finds a capitalised name straight after a collective noun: "the firm Acme Capital".
    organisation_introductions: Any = None


COMPILED = frozenset({"bare_name_candidates", "organisation_person_relatives", "organisation_introductions"})
LIST_KEYS = frozenset(f.name for f in fields(Lexicon)) - {"verb_numbers"} - COMPILED
KNOWN_KEYS = LIST_KEYS | {"verb_numbers"}


def merge_lexicons(tables: Sequence[Mapping[str, Any]]) -> Lexicon:
    """The `Lexicon` of `tables` (each checked by `validate_lexicon`), merged in order."""
    merged = merge_tables(tables)
    verbs: dict[str, str] = merged.get("verb_numbers", {})
    lists = {key: [item if key in CASE_SENSITIVE else item.lower() for item in merged.get(key, [])]
             for key in LIST_KEYS}
    verb_numbers: dict[str, bool] = {}
    for singular, plural in verbs.items():
        verb_numbers[_normal(singular)] = True
        verb_numbers[_normal(plural)] = False
    names: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted({tuple(name.split()) for name in lists.pop("organisations")}, key=lambda words: (-len(words), words)):
        names.setdefault(name[0], []).append(name)
    built: dict[str, Any] = {key: frozenset(_normal(word) for word in words) for key, words in lists.items()}
    built["person_suffixes"] = tuple(sorted(built["person_suffixes"], key=longest_first))
    built["agent_suffixes"] = tuple(sorted(built["agent_suffixes"], key=longest_first))
    built["not_person_suffixes"] = tuple(built["not_person_suffixes"])
    built["organisation_person_relatives"] = _organisation_relative_pattern(
        built["collective_nouns"], names, built["person_relatives"], built["organisation_suffixes"],
        built["singular_pronouns"])
    built["organisation_introductions"] = _introduction_pattern(built["collective_nouns"])
    built["bare_name_candidates"] = _bare_name_pattern(
        verb_numbers, built["adverbs"], built["person_relatives"] | built["thing_relatives"],
        built["not_names"] | built["personal_pronouns"] | built["singular_subject_pronouns"]
        | built["plural_subject_pronouns"] | built["determiners"])
    return Lexicon(organisations={first: tuple(group) for first, group in names.items()}, verb_numbers=verb_numbers, **built)


def _organisation_relative_pattern(nouns: frozenset[str], names: Mapping[str, list[tuple[str, ...]]],
                                   relatives: frozenset[str], suffixes: frozenset[str],
                                   pronouns: frozenset[str]) -> Any:
    spelled = [" ".join(name) for group in names.values() for name in group]
    if not relatives:
        return compile_regex(r"(?!x)x")  # matches nothing
    words = "|".join(regex.escape(word) for word in sorted(relatives))
    its_words = "|".join(regex.escape(pronoun) for pronoun in sorted(pronouns, key=longest_first))
    its = rf"\b(?i:{words})\b[^.;:!?\n]{{0,120}}?\b(?i:{its_words})\b"
    if all(plain(word, ignore_case=True) for word in (*nouns, *relatives, *suffixes)) \
            and all(plain(name, ignore_case=False) for name in spelled):
        return OrganisationWho(PhraseSet.of(nouns, ignore_case=True), PhraseSet.of(spelled, ignore_case=False),
                               PhraseSet.of(suffixes, ignore_case=True), PhraseSet.of(relatives, ignore_case=True),
                               lazy_compile(its))
    # Also a name ending in an organisation suffix ("Acme Inc., who"), and "who" whose clause
    # says "its" ("Riverton, who lost its lead").
    # Sorted, as every pattern made from a set must be: set order changes from process to
    # process, and so would the pattern, which the pattern store would then never find again.
    subjects = [f"(?i:{regex.escape(noun)})" for noun in sorted(nouns, key=longest_first)] \
        + [regex.escape(name) for name in spelled] \
        + [f"\\p{{Lu}}[\\w'\u2019-]*\\s+(?i:{regex.escape(suffix)})\\.?" for suffix in sorted(suffixes, key=longest_first)]
    return lazy_compile(rf"\b(?:{'|'.join(subjects)}),?\s+(?i:{words})\b|{its}")


_SPACES = compile_regex(r"\s+")
_NAME_CHARS = compile_regex(r"[\w'\u2019-]")


@dataclass(frozen=True)
class OrganisationWho:
    """What ``\\b(?:NOUN|NAME|\\p{Lu}[\\w'’-]*\\s+SUFFIX\\.?),?\\s+RELATIVE\\b`` or the
    `its` pattern finds (nouns, suffixes and relatives ignoring case, names as written),
    with the word lists looked up in sets instead of compiled into one pattern: for every
    run of white space followed by a relative, the text before the run is tested."""

    nouns: PhraseSet
    names: PhraseSet
    suffixes: PhraseSet
    relatives: PhraseSet
    its: Any

    def search(self, text: str, *, timeout: float | None = None) -> tuple[int, int] | None:
        """The span of a subject and its relative (or of the `its` match), else None."""
        for space in _SPACES.finditer(text, timeout=timeout):
            gap, after = space.span()
            relative = next(self.relatives.ends_starting_at(text, after), None)
            if relative is None:
                continue
            for end in (gap - 1, gap) if text[gap - 1:gap] == "," else (gap,):
                start = self._subject_ending_at(text, end)
                if start is not None:
                    return start, relative
        found = self.its.search(text, timeout=timeout)
        return None if found is None else found.span()

    def _subject_ending_at(self, text: str, end: int) -> int | None:
        for words in (self.nouns, self.names):
            start = next(words.starts_ending_at(text, end), None)
            if start is not None:
                return start
        for suffix_end in (end - 1, end) if text[end - 1:end] == "." else (end,):
            for suffix in self._suffixes_ending_at(text, suffix_end):
                start = self._capitalised_word_before(text, suffix)
                if start is not None:
                    return start
        return None

    def _suffixes_ending_at(self, text: str, end: int) -> Iterator[int]:
        """Starts of suffixes ending at `end` with white space right before them."""
        for length, group in self.suffixes.by_length:
            start = end - length
            if start >= 1 and is_space_char(text, start - 1) and self.suffixes.holds(text[start:end], group):
                yield start

    @staticmethod
    def _capitalised_word_before(text: str, suffix: int) -> int | None:
        """The start of ``\\b\\p{Lu}[\\w'’-]*`` ending where the white space before `suffix`
        starts, else None."""
        gap = suffix
        while gap > 0 and is_space_char(text, gap - 1):
            gap -= 1
        start = gap
        while start > 0 and _NAME_CHARS.match(text, start - 1) is not None:
            start -= 1
        for first in range(start, gap):
            if is_upper_char(text, first) and not is_word_char(text, first - 1):
                return first
        return None


def _introduction_pattern(nouns: frozenset[str]) -> Any:
    """A lower-case collective noun, then a run of capitalised words (group 1)."""
    if not nouns:
        return compile_regex(r"(?!x)x")
    if all(plain(noun, ignore_case=False) for noun in nouns):
        return Introductions.of(nouns)
    alternation = "|".join(regex.escape(noun) for noun in sorted(nouns, key=longest_first))
    word = r"\p{Lu}[\w'\u2019&-]*"
    return lazy_compile(rf"(?<![\w-])(?:{alternation})[ \t]+({word}(?:[ \t]+{word}){{0,5}})")


_WORD_START = compile_regex(r"(?<![\w-])\w+")
_FIRST_WORD = compile_regex(r"\w+")
_CAPITALISED_RUN = compile_regex(r"[ \t]+(\p{Lu}[\w'\u2019&-]*(?:[ \t]+\p{Lu}[\w'\u2019&-]*){0,5})")


@dataclass(frozen=True)
class Introduction:
    """One match of `Introductions`, read as a `regex` match is: ``start()``, ``end()``,
    ``group(1)`` (the capitalised words)."""

    span: tuple[int, int]
    words: tuple[int, int]
    text: str

    def start(self) -> int:
        return self.span[0]

    def end(self) -> int:
        return self.span[1]

    def group(self, number: int = 0) -> str:
        start, end = self.words if number == 1 else self.span
        return self.text[start:end]


@dataclass(frozen=True)
class Introductions:
    """What ``(?<![\\w-])(?:NOUN|...)[ \\t]+(CAPITALISED(?:[ \\t]+CAPITALISED){0,5})`` finds
    (nouns as written, the longest first), with the nouns looked up by their first word
    instead of compiled into one pattern."""

    by_first_word: Mapping[str, tuple[str, ...]]  # each group longest first

    @classmethod
    def of(cls, nouns: frozenset[str]) -> Introductions:
        groups: dict[str, list[str]] = {}
        for noun in sorted(nouns, key=longest_first):
            first = _FIRST_WORD.match(noun)
            groups.setdefault(first.group() if first is not None else noun, []).append(noun)
        return cls({first: tuple(group) for first, group in groups.items()})

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.by_first_word)))

    def finditer(self, text: str, *, timeout: float | None = None) -> Iterator[Introduction]:
        after = 0  # matches do not overlap: the next starts where the last ended
        for word in _WORD_START.finditer(text, timeout=timeout):
            start = word.start()
            if start < after:
                continue
            for noun in self.by_first_word.get(word.group(), ()):
                if not text.startswith(noun, start):
                    continue
                run = _CAPITALISED_RUN.match(text, start + len(noun), timeout=timeout)
                if run is not None:
                    after = run.end()
                    yield Introduction((start, after), run.span(1), text)
                    break

    def search(self, text: str, *, timeout: float | None = None) -> Introduction | None:
        return next(self.finditer(text, timeout=timeout), None)


def _bare_name_pattern(verbs: Mapping[str, bool], adverbs: frozenset[str], relatives: frozenset[str],
                       not_names: frozenset[str]) -> Any:
    """A capitalised word, then maybe a comma and an adverb, then a verb form or relative.

    Capitalised words that are never names ("It is", "There are") are left out, so
    sentences that only hold those are not read further.
    """
    def alternation(words: Any) -> str:
        return "|".join(regex.escape(w) for w in sorted(words, key=longest_first))

    forms = set(verbs) | {w.replace("'", "\u2019") for w in verbs}
    adverb = f"(?:(?:{alternation(adverbs)})\\s+){{0,2}}" if adverbs else ""
    relative = f"|,\\s*(?:{alternation(relatives)})" if relatives else ""
    excluded = f"(?!(?i:{alternation(not_names)})\\b)" if not_names else ""
    return lazy_compile(
        f"\\b{excluded}[^\\W\\d_a-z][\\w'\u2019-]*(?:\\s+{adverb}(?:{alternation(forms)}){relative})\\b")


def validate_lexicon(data: Mapping[str, Any], option: str, where: str) -> None:
    """Checks one agreement lexicon table (a `lexicons.Validator`)."""
    for key, value in data.items():
        if key not in KNOWN_KEYS:
            raise lexicon_error(option, where, f"unknown key {key!r}; expected one of {', '.join(sorted(KNOWN_KEYS))}")
        if key == "verb_numbers":
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()
            ):
                raise lexicon_error(option, where, "'verb_numbers' must be a table of singular = \"plural\" forms")
        elif not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise lexicon_error(option, where, f"{key!r} must be an array of non-empty strings")


def _normal(word: str) -> str:
    """Lower case with typographic apostrophes made straight, as tokens are compared."""
    return word.lower().replace("\u2019", "'")
