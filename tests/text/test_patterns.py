"""How kinds compile the patterns of a rule pack (`newslint.text.patterns.compile_patterns`)."""

from __future__ import annotations

import pytest
import regex

from newslint.options import OptionError
from newslint.text.patterns import balanced, compile_patterns


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

