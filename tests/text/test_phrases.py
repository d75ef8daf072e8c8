"""Word lists matched by set look-ups (`newslint.text.phrases`) and the agreement
lexicon's matchers built on them: exactly what the regular expressions they replace find."""

from __future__ import annotations

import pickle

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.rules.agreement.lexicon import (
    Introductions,
    OrganisationWho,
    _introduction_pattern,
    _organisation_relative_pattern,
)
from newslint.text.patterns import LazyPattern
from newslint.text.phrases import PhraseSet, plain


@pytest.mark.parametrize(("entry", "ignore_case", "expected"), [
    ("council", True, True),
    ("health trust", True, True),
    ("o'neill & co", True, True),
    ("al-qaeda", True, True),
    ("société", True, False),  # case folding beyond ASCII is left to the regex
    ("société", False, True),
    ("who(m)?", True, False),
    ("two  spaces", True, False),
    (" padded", True, False),
    ("inc.", True, False),  # ends in a full stop: no word boundary to test
    ("x", True, True),
])
def test_plain_entries(entry: str, ignore_case: bool, expected: bool) -> None:
    assert plain(entry, ignore_case=ignore_case) is expected


def test_phrase_set_finds_entries_at_word_boundaries_ignoring_case() -> None:
    words = PhraseSet.of(["board", "school board"], ignore_case=True)
    text = "The School Board met; the keyboard did not."
    assert list(words.starts_ending_at(text, text.index(" met"))) == [4, 11]
    assert list(words.starts_ending_at(text, text.index(" did"))) == []  # "keyboard"
    assert list(words.ends_starting_at(text, 4)) == [16]
    assert list(words.ends_starting_at("boards", 0)) == []


def test_phrase_set_folds_case_as_the_regex_module_does() -> None:
    words = PhraseSet.of(["kiosk"], ignore_case=True)
    for text in ("KIOSK", "\u212aiosk", "kio\u017fk"):  # the Kelvin sign and the long s fold to ASCII
        assert list(words.ends_starting_at(text, 0)) == ([5] if regex.fullmatch("(?i)kiosk", text) else [])
    assert list(PhraseSet.of(["Hamas"], ignore_case=False).ends_starting_at("HAMAS", 0)) == []


NOUNS = frozenset({"council", "board", "health trust", "firm"})
NAMES = {"Hamas": [("Hamas",)], "Red": [("Red", "Cross")]}
RELATIVES = frozenset({"who", "whom"})
SUFFIXES = frozenset({"inc", "ltd", "co"})
PRONOUNS = frozenset({"its", "itself"})


def _old_who() -> regex.Pattern[str]:
    spelled = [" ".join(name) for group in NAMES.values() for name in group]
    subjects = [f"(?i:{regex.escape(noun)})" for noun in NOUNS] + [regex.escape(name) for name in spelled] \
        + [f"\\p{{Lu}}[\\w'\u2019-]*\\s+(?i:{regex.escape(suffix)})\\.?" for suffix in SUFFIXES]
    words = "|".join(regex.escape(word) for word in sorted(RELATIVES))
    return regex.compile(rf"\b(?:{'|'.join(subjects)}),?\s+(?i:{words})\b"
                         rf"|\b(?i:{words})\b[^.;:!?\n]{{0,120}}?\b(?i:{'|'.join(PRONOUNS)})\b")


def _old_introductions() -> regex.Pattern[str]:
    alternation = "|".join(regex.escape(noun) for noun in sorted(NOUNS, key=len, reverse=True))
    word = r"\p{Lu}[\w'\u2019&-]*"
    return regex.compile(rf"(?<![\w-])(?:{alternation})[ \t]+({word}(?:[ \t]+{word}){{0,5}})")


WHO = _organisation_relative_pattern(NOUNS, NAMES, RELATIVES, SUFFIXES, PRONOUNS)
INTRODUCTIONS = _introduction_pattern(NOUNS)


@pytest.mark.parametrize("text", [
    "The council, who met on Monday, agreed.",
    "The Health Trust who runs it",
    "Acme Inc., who sells maps",
    "Acme Ltd whom we asked",
    "O'Neill-Smith Co. who",
    "Hamas, who", "hamas who", "Red Cross who",
    "The boards who", "keyboard who", "acme inc who", "Acme\u00a0Inc\u00a0who",
    "Acme Inc who's there", "Rivertown, who lost its lead",
    "The firm,\nwho", "The firm ,who", "",
])
def test_organisation_who_finds_what_the_regex_finds(text: str) -> None:
    assert isinstance(WHO, OrganisationWho)
    assert (WHO.search(text) is None) == (_old_who().search(text) is None)


@pytest.mark.parametrize("text", [
    "the private firm Acme Capital said",
    "a health trust Riverside Care One Two Three Four Five Six",
    "the firm\tZenko", "the firm  Zenko", "the firm zenko", "-firm Zenko", "firms Zenko", "firmZenko",
    "the firm Acme and the board Beta Group", "council O'Neill & Sons-Ltd",
])
def test_introductions_find_what_the_regex_finds(text: str) -> None:
    assert isinstance(INTRODUCTIONS, Introductions)
    found = [(match.start(), match.end(), match.group(1)) for match in INTRODUCTIONS.finditer(text)]
    assert found == [(match.start(), match.end(), match.group(1)) for match in _old_introductions().finditer(text)]
    assert (INTRODUCTIONS.search(text) is None) == (not found)


PIECES = st.lists(st.sampled_from([
    "council", "Council", "board", "health trust", "firm", "Hamas", "Red Cross", "Acme", "O'Neill", "inc", "Inc.",
    "Ltd", "co", "who", "WHO", "whom", "its", "Zenko", "key", " ", "  ", "\t", "\n", ",", ".", "-", "'", "\u2019",
    "\u212a", "\u00e9", "\u00a0", "x",
]), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(PIECES)
def test_matchers_agree_with_the_regexes_on_any_text(text: str) -> None:
    assert (WHO.search(text) is None) == (_old_who().search(text) is None)
    assert [(m.start(), m.group(1)) for m in INTRODUCTIONS.finditer(text)] == \
        [(m.start(), m.group(1)) for m in _old_introductions().finditer(text)]


def test_entries_that_are_not_plain_keep_the_regex() -> None:
    assert isinstance(_organisation_relative_pattern(NOUNS | {"gr(ou)p"}, NAMES, RELATIVES, SUFFIXES, PRONOUNS),
                      LazyPattern)
    assert isinstance(_introduction_pattern(frozenset({"société"}) | NOUNS), Introductions)  # case kept: plain
    assert isinstance(_introduction_pattern(frozenset({"a  b"})), LazyPattern)


def test_matchers_pickle_and_compare() -> None:
    for matcher in (WHO, INTRODUCTIONS):
        copy = pickle.loads(pickle.dumps(matcher))
        assert copy == matcher and hash(copy) == hash(matcher)
