"""Regular expressions in rules: the time bound on every search, and compiling an editor's
patterns into one alternation with errors that name the bad entry."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

from newslint.options import OptionError

# Bounds every regex search a rule runs, so one catastrophic pattern in an editor's
# rule pack becomes that rule's error instead of a hung CI job.
REGEX_TIMEOUT_SECONDS = 2.0
# A `finditer` timeout covers the whole iteration, the caller's work per match included,
# so the bound grows with the text: linear work on a 40 MB live blog is not a hang.
REGEX_SECONDS_PER_MEGABYTE = 10.0


def regex_timeout(text: str) -> float:
    """The `timeout=` for one regex call over `text`: `REGEX_TIMEOUT_SECONDS`, plus
    `REGEX_SECONDS_PER_MEGABYTE` for each million characters."""
    return REGEX_TIMEOUT_SECONDS + REGEX_SECONDS_PER_MEGABYTE * len(text) / 1_000_000


# Case-insensitive patterns fold case one character at a time, as `re`, Vale and most
# linters do, rather than with `regex` version 1's full folding ("ß" matching "SS"), which
# costs several times as much to compile on long alternations of words.
SIMPLE_CASE_FOLDING = "(?-f)"
# What `regex.compile` raises for a pattern it cannot compile.
PATTERN_ERRORS = (regex.error, ValueError, OverflowError, RecursionError)


def balanced(pattern: str) -> bool:
    """Whether the parentheses of `pattern` pair up (escapes and character sets skipped).

    Kinds compile their entries as one combination and compile an entry alone only when
    the combination fails. That misses one mistake: an entry with a stray parenthesis,
    such as ``a)|(b``, whose wrapping in the combination closes it. Entries that are not
    `balanced` (by this quick scan, which errs towards False) are compiled alone too.
    """
    depth, index, end = 0, 0, len(pattern)
    while index < end:
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _set_end(pattern, index)
            if index < 0:
                return False
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return False
        index += 1
    return depth == 0


def _set_end(pattern: str, start: int) -> int:
    """The index of the ``]`` closing the character set opened at `start`, or -1.
    Sets nest (version 1 set operations); a ``]`` right after ``[`` or ``[^`` is literal."""
    depth, index = 0, start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            depth += 1
            index += 1
            if pattern.startswith("^", index):
                index += 1
            if pattern.startswith("]", index):
                index += 1
            continue
        if char == "]":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return -1


def pattern_problem(patterns: Iterable[object], flags: int, *, quick: bool = False) -> str | None:
    """Why the first unusable entry of `patterns` is not a regular expression under
    `flags`, or None. Each entry is compiled alone, which costs a compile per entry; so
    kinds check `quick`ly (only entries that are empty, not strings or not `balanced`)
    before compiling them all as one pattern, and in full only when that fails."""
    for pattern in patterns:
        if not isinstance(pattern, str) or not pattern:
            return f"expected non-empty regular expressions, got {pattern!r}"
        if quick and balanced(pattern):
            continue
        try:
            regex.compile(pattern, flags)
        except PATTERN_ERRORS as error:
            return f"invalid regular expression {pattern!r}: {error}"
    return None


def compile_patterns(patterns: tuple[str, ...], *, ignore_case: bool, key: str = "patterns") -> Any:
    """One alternation of the given patterns, compiled with the `regex` module.

    A branch-reset group keeps each pattern's group numbers its own, so ``\\1`` in the
    second pattern means that pattern's first group. Search the result with
    ``timeout=regex_timeout(text)``. A bad pattern is named in the `OptionError`.
    """
    flags = regex.VERSION1 | regex.MULTILINE | (regex.IGNORECASE if ignore_case else 0)
    problem = pattern_problem(patterns, flags, quick=True)
    if problem is not None:
        raise OptionError(key, problem)
    try:
        return regex.compile(SIMPLE_CASE_FOLDING + "(?|" + "|".join(f"(?:{pattern})" for pattern in patterns) + ")",
                             flags)
    except PATTERN_ERRORS as error:
        problem = pattern_problem(patterns, flags)
        raise OptionError(key, problem or f"the regular expressions {list(patterns)!r} do not combine: {error}") \
            from None
