"""The word lists behind the NL3xx agreement rules, loaded from rule-pack TOML files.

The tracker in `agreement_analysis` knows no English words of its own beyond the
article "the": every word class it uses comes from a `Lexicon`. Files merge in order (lists are joined, the
`verb_numbers` table is updated key by key), then a rule's inline ``lexicon`` table (see `lexicons`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

import regex

from newslint.lexicons import lexicon_error, merge_tables
from newslint.text.patterns import lazy_compile

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
    irrealis_triggers: frozenset[str]
    irrealis_forms: frozenset[str]
    clause_openers: frozenset[str]
    determiners: frozenset[str]
    singular_determiners: frozenset[str]
    personal_pronouns: frozenset[str]
    name_connectors: frozenset[str]
    infinitive_markers: frozenset[str]
    adverbs: frozenset[str]
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
    not_organisation_acronyms: frozenset[str]
    referring_nouns: frozenset[str]
    contrast_modifiers: frozenset[str]
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
    for name in sorted({tuple(name.split()) for name in lists.pop("organisations")}, key=len, reverse=True):
        names.setdefault(name[0], []).append(name)
    built: dict[str, Any] = {key: frozenset(_normal(word) for word in words) for key, words in lists.items()}
    built["person_suffixes"] = tuple(sorted(built["person_suffixes"], key=len, reverse=True))
    built["agent_suffixes"] = tuple(sorted(built["agent_suffixes"], key=len, reverse=True))
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
    # Also a name ending in an organisation suffix ("Acme Inc., who"), and "who" whose clause
    # says "its" ("Riverton, who lost its lead").
    subjects = [f"(?i:{regex.escape(noun)})" for noun in nouns] + [regex.escape(name) for name in spelled] \
        + [f"\\p{{Lu}}[\\w'\u2019-]*\\s+(?i:{regex.escape(suffix)})\\.?" for suffix in suffixes]
    if not relatives:
        return regex.compile(r"(?!x)x")  # matches nothing
    words = "|".join(regex.escape(word) for word in sorted(relatives))
    return lazy_compile(rf"\b(?:{'|'.join(subjects)}),?\s+(?i:{words})\b"
                         rf"|\b(?i:{words})\b[^.;:!?\n]{{0,120}}?\b(?i:{'|'.join(regex.escape(p) for p in pronouns)})\b")


def _introduction_pattern(nouns: frozenset[str]) -> Any:
    """A lower-case collective noun, then a run of capitalised words (group 1)."""
    if not nouns:
        return regex.compile(r"(?!x)x")
    alternation = "|".join(regex.escape(noun) for noun in sorted(nouns, key=len, reverse=True))
    word = r"\p{Lu}[\w'\u2019&-]*"
    return lazy_compile(rf"(?<![\w-])(?:{alternation})[ \t]+({word}(?:[ \t]+{word}){{0,5}})")


def _bare_name_pattern(verbs: Mapping[str, bool], adverbs: frozenset[str], relatives: frozenset[str],
                       not_names: frozenset[str]) -> Any:
    """A capitalised word, then maybe a comma and an adverb, then a verb form or relative.

    Capitalised words that are never names ("It is", "There are") are left out, so
    sentences that only hold those are not read further.
    """
    def alternation(words: Any) -> str:
        return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))

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
