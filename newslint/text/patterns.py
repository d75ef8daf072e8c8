"""Regular expressions in rules: the time bound on every search, compiling an editor's
patterns into one alternation with errors that name the bad entry, and compiling a
pattern only when a rule first uses it."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import regex

from newslint.options import OptionError
from newslint.text.pattern_store import compile_regex, process_store

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


@functools.lru_cache(maxsize=8192)
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
    """One alternation of the given patterns, compiled with the `regex` module on first use
    (`lazy_compile`).

    A branch-reset group keeps each pattern's group numbers its own, so ``\\1`` in the
    second pattern means that pattern's first group. Search the result with
    ``timeout=regex_timeout(text)``. A bad pattern is named in the `OptionError`.
    """
    flags = regex.VERSION1 | regex.MULTILINE | (regex.IGNORECASE if ignore_case else 0)
    combined = SIMPLE_CASE_FOLDING + "(?|" + "|".join(f"(?:{pattern})" for pattern in patterns) + ")"
    if process_store().knows(combined, flags):
        return LazyPattern(combined, flags)  # these entries passed the checks below in an earlier run
    problem = pattern_problem(patterns, flags, quick=True)
    if problem is not None:
        raise OptionError(key, problem)
    try:
        return lazy_compile(combined, flags)
    except PATTERN_ERRORS as error:
        problem = pattern_problem(patterns, flags)
        raise OptionError(key, problem or f"the regular expressions {list(patterns)!r} do not combine: {error}") \
            from None


def lazy_compile(pattern: str, flags: int = 0) -> Any:
    """`pattern` compiled with the `regex` module, or a `LazyPattern` that compiles it on
    first use when the pattern store has compiled it before or `surely_compiles` vouches
    for it; so a pattern that may not compile still raises here, at start-up, where the
    rule pack's error names it. A pattern `surely_compiles` vouched for in an earlier run (the
    pattern store keeps its verdict) is not scanned again."""
    store = process_store()
    if store.knows(pattern, flags) or store.vouched("lazy", flags, (pattern,)):
        return LazyPattern(pattern, flags)
    if surely_compiles(pattern):
        store.vouch("lazy", flags, (pattern,))
        return LazyPattern(pattern, flags)
    return compile_regex(pattern, flags)


class LazyPattern:
    """A `regex` pattern compiled the first time any of its attributes is read (``search``,
    ``finditer``, ...); after that each attribute is the compiled pattern's own. Start-up
    then pays only for the patterns a run uses: a rule pack's lexicons may grow without
    slowing a run that never needs them."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and the like ask for optional hooks
            raise AttributeError(name)
        value = getattr(compile_regex(self.pattern, self.flags), name)
        self.__dict__[name] = value  # the next look-up finds it without coming here
        return value

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str, int]]:
        return LazyPattern, (self.pattern, self.flags)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazyPattern) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:60]!r}, flags={self.flags})"


# The pieces of a pattern `surely_compiles` knows: each is valid wherever the scan lets it
# stand. Anything else (back references, fuzzy matching, set operations, verbose mode, ...)
# is left to the `regex` module to judge at once.
_ESCAPE = r"\\(?:[sSdDwW]|[pP]\{(?:L[ultmo]?|N[dlo]?|P[cdseifo]?|S[mcko]?|Z[slp]?)\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|[nrtfv]|[^\w\s]| )"
_PIECE = re.compile(
    r"(?P<literal>[^\\\[\](){}|?*+.^$]+|\}|" + _ESCAPE + r"|\.)"
    r"|(?P<anchor>\\[bBAZ]|\^|\$)"
    r"|(?P<set>\[\^?+\]?+(?:[^\\\[\]]|" + _ESCAPE + r")+\])"
    r"|(?P<look>\(\?(?:<[=!]|[=!]|>))"
    r"|(?P<open>\((?:\?(?::|\||P<[A-Za-z_]\w*>|[ims]*(?:-[ims]+)?:)|(?!\?)))"
    r"|(?P<flags>\(\?[imsf]*(?:-[imsf]+)?\))"
    r"|(?P<close>\))"
    r"|(?P<bar>\|)"
    r"|(?P<repeat>(?:[?*+]|\{\d{1,4}(?:,\d{0,4})?\})[?+]?)"
)
_SET_ITEM = re.compile(_ESCAPE + r"|[^\\]")
_SET_OPERATORS = ("&&", "||", "--", "~~")
_MAX_DEPTH = 40


@functools.lru_cache(maxsize=8192)
def surely_compiles(pattern: str) -> bool:
    """Whether `pattern` is built only of pieces that always compile where they stand
    (literals, common escapes and properties, plain character sets, groups, lookarounds,
    alternation and well-formed repeats), so that compiling it can wait. False means
    "not sure", never "invalid"."""
    index, end = 0, len(pattern)
    groups: list[bool] = []  # per open group: may a repeat follow its close?
    repeatable = False
    while index < end:
        piece = _PIECE.match(pattern, index)
        if piece is None:
            return False
        kind, text = piece.lastgroup, piece.group()
        if kind == "repeat":
            if not repeatable or not _repeat_bounds_ordered(text):
                return False
            repeatable = False
        elif kind in ("open", "look"):
            groups.append(kind == "open")
            if len(groups) > _MAX_DEPTH:
                return False
            repeatable = False
        elif kind == "close":
            if not groups:
                return False
            repeatable = groups.pop()
        elif kind == "set":
            if not _plain_set(text):
                return False
            repeatable = True
        elif kind == "flags":
            if index != 0:
                return False
            repeatable = False
        else:
            repeatable = kind == "literal"
        index = piece.end()
    return not groups


def _repeat_bounds_ordered(repeat: str) -> bool:
    if not repeat.startswith("{"):
        return True
    low, _, high = repeat[1:].partition("}")[0].partition(",")
    return not high or int(low) <= int(high)


def _plain_set(text: str) -> bool:
    """A character set without set operations, whose ranges run from a lower character
    to a higher one between single characters."""
    body = text[1:-1].removeprefix("^").removeprefix("]")
    if any(operator in body for operator in _SET_OPERATORS):
        return False
    items = _SET_ITEM.findall(body)
    for position, item in enumerate(items):
        if item != "-" or position in (0, len(items) - 1):
            continue
        low, high = _set_char(items[position - 1]), _set_char(items[position + 1])
        if low is None or high is None or low > high:
            return False
    return True


def _set_char(item: str) -> int | None:
    """The code point a set item stands for, or None for a class such as ``\\d``."""
    if len(item) == 1:
        return ord(item)
    if item[1] in "ux":
        return ord(item.encode("ascii").decode("unicode_escape"))
    if len(item) == 2 and not item[1].isalnum():
        return ord(item[1])
    return None
