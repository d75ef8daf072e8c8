"""How kinds compile the patterns of a rule pack (`newslint.text.patterns.compile_patterns`)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.options import OptionError
from newslint.text.patterns import (
    LazyPattern,
    balanced,
    compile_patterns,
    lazy_compile,
    surely_compiles,
)


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"(a|b)c", True),
    (r"\(not a group\)", True),
    (r"[(]", True),
    (r"[]()]", True),  # a "]" first in a set is a literal
    (r"[^]()]", True),
    (r"[[a-z]--[aeiou]](x)", True),  # version 1 set operations nest
    (r"[\]]\)", True),
    (r"a)|(b", False),
    (r"(?:x)(y", False),
    (r"[a-z", False),
])
def test_balanced_pairs_parentheses_outside_sets_and_escapes(pattern: str, expected: bool) -> None:
    assert balanced(pattern) is expected


def test_an_entry_with_a_stray_parenthesis_is_named() -> None:
    """The reason `balanced` exists: an unbalanced entry can compile once wrapped."""
    assert regex.compile(r"(?:a)|(b)")  # what "a)|(b" becomes inside the combination
    with pytest.raises(OptionError, match=r"invalid regular expression 'a\)\|\(b'"):
        compile_patterns(("TK", "a)|(b"), ignore_case=False)


def test_each_pattern_keeps_its_own_group_numbers() -> None:
    combined = compile_patterns((r"(\w+) \1 again", r"x(\d)\1"), ignore_case=False)
    assert combined.search("the the again").group(1) == "the"
    assert combined.search("x55").group(1) == "5"
    assert combined.search("the cat again") is None


def test_ignore_case_folds_one_character_at_a_time() -> None:
    """Simple case folding, as `re` does: cheap to compile, and what editors expect;
    the multi-character fold of full folding ("ß" as "SS") is not applied."""
    combined = compile_patterns(("straße", "advertisement"), ignore_case=True)
    assert combined.search("ADVERTISEMENT")
    assert combined.search("STRAẞE")  # capital sharp s folds to "ß"
    assert combined.search("STRASSE") is None
    assert compile_patterns(("advertisement",), ignore_case=False).search("ADVERTISEMENT") is None



# --- compiling on first use -------------------------------------------------------------

# Pieces of regular expressions, valid and not, that the scan must judge in any order.
PIECES = [*"ab -,1ß’", "\\", "(", ")", "[", "]", "{", "}", "|", "?", "*", "+", ".", "^", "$", "(?:", "(?|",
          "(?P<n>", "(?<=", "(?<!", "(?=", "(?!", "(?>", "(?i:", "(?-i:", "(?-f)", "(?x)", "(?#", "\\b", "\\d",
          "\\w", "\\s", "\\ ", "\\p{L}", "\\p{Lu}", "\\p{Nope}", "\\u2013", "\\x41", "\\1", "{1,3}", "{3,1}",
          "{2}", "{,2}", "{e<=1}", "\\.", "\\-", "\\]", "\\^", "z-a", "a-z", "&&", "--", "[^", "]]", "[:alpha:]"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14))
def test_a_pattern_the_scan_vouches_for_always_compiles(pieces: list[str]) -> None:
    pattern = "".join(pieces)
    if surely_compiles(pattern):
        regex.compile(pattern, regex.VERSION1 | regex.IGNORECASE | regex.MULTILINE)
        regex.compile(pattern, regex.VERSION0 | regex.IGNORECASE)


@pytest.mark.parametrize("pattern", [
    r"(?-f)(?|(?:sign up)|(?:subscribe(?: now)?))", r"\b(?:half\ a\ million|\d{1,3}(?:,\d{3})+)\b",
    r"(?<![\w-])[-\u2013\u2014]\s*(?P<value>\p{Lu}[\w'’.&+-]*)", r"^\W*(?-i:[A-Z]{2,})\s*[:|]\s*",
])
def test_the_shapes_lexicons_use_are_vouched_for(pattern: str) -> None:
    assert surely_compiles(pattern)
    assert isinstance(lazy_compile(pattern), LazyPattern)


@pytest.mark.parametrize("pattern", [r"a{3,1}", r"\p{Nope}", r"[z-a]", r"(a))"])
def test_a_pattern_the_scan_is_not_sure_of_is_compiled_at_once(pattern: str) -> None:
    assert not surely_compiles(pattern)
    with pytest.raises(regex.error):
        lazy_compile(pattern)


def test_an_entry_that_does_not_compile_is_still_reported_at_load() -> None:
    with pytest.raises(OptionError, match=r"\\p\{Nope\}"):
        compile_patterns((r"sign up", r"\p{Nope}"), ignore_case=True)


def test_a_lazy_pattern_matches_as_the_compiled_one_and_compiles_once() -> None:
    lazy = lazy_compile(r"\bshare (?:this|it)\b", regex.IGNORECASE)
    compiled = regex.compile(r"\bshare (?:this|it)\b", regex.IGNORECASE)
    assert isinstance(lazy, LazyPattern)
    assert "search" not in vars(lazy)  # nothing compiled yet
    text = "Please SHARE this story, or share it not."
    assert [m.span() for m in lazy.finditer(text, timeout=1)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.search("no", timeout=1) is None
    assert "search" in vars(lazy) and "finditer" in vars(lazy)  # later look-ups skip the wrapper
    assert lazy == lazy_compile(r"\bshare (?:this|it)\b", regex.IGNORECASE) and len({lazy, LazyPattern(
        r"\bshare (?:this|it)\b", regex.IGNORECASE)}) == 1


def test_a_lazy_pattern_survives_pickling() -> None:
    import pickle

    lazy = lazy_compile(r"ab+c")
    lazy.search("abbc")
    again = pickle.loads(pickle.dumps(lazy))
    assert again == lazy and again.fullmatch("abc") is not None
