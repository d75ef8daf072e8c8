"""Kinds of check: the Python behind declarative rules. Each module is a plugin."""

from __future__ import annotations

from typing import Any, Mapping

from newslint.document import BlockKind

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


class OptionError(ValueError):
    """A rule's option is wrong; `key` names it (``patterns``), the message says why."""

    def __init__(self, key: str, reason: str):
        super().__init__(f"option {key!r}: {reason}")
        self.key, self.reason = key, reason


class Options:
    """Typed access to a rule's ``options`` table; wrong types raise `ValueError`."""

    def __init__(self, raw: Mapping[str, Any], known: set[str]):
        unknown = sorted(set(raw) - known)
        if unknown:
            raise OptionError(unknown[0], f"unknown option; expected one of {', '.join(sorted(known))}")
        self._raw = raw

    def boolean(self, key: str, default: bool) -> bool:
        value = self._raw.get(key, default)
        if not isinstance(value, bool):
            raise OptionError(key, "expected true or false")
        return value

    def number(self, key: str, default: float) -> float:
        value = self._raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise OptionError(key, "expected a number")
        return float(value)

    def string(self, key: str, default: str | None = None) -> str | None:
        value = self._raw.get(key, default)
        if value is not None and not isinstance(value, str):
            raise OptionError(key, "expected a string")
        return value

    def strings(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        value = self._raw.get(key, list(default))
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise OptionError(key, "expected an array of strings")
        return tuple(value)

    def block_kinds(self, key: str = "blocks") -> frozenset[BlockKind] | None:
        names = self.strings(key)
        if not names:
            return None
        try:
            return frozenset(BlockKind(name) for name in names)
        except ValueError:
            known = ", ".join(kind.value for kind in BlockKind)
            raise OptionError(key, f"unknown block kind in {list(names)}; known: {known}") from None

    def table(self, key: str) -> Mapping[str, Any]:
        value = self._raw.get(key, {})
        if not isinstance(value, dict):
            raise OptionError(key, "expected a table")
        return value


def compile_patterns(patterns: tuple[str, ...], *, ignore_case: bool, key: str = "patterns") -> "Any":
    """One alternation of the given patterns, compiled with the `regex` module.

    A branch-reset group keeps each pattern's group numbers its own, so ``\\1`` in the
    second pattern means that pattern's first group. Search the result with
    ``timeout=regex_timeout(text)``.
    """
    import regex

    flags = regex.VERSION1 | regex.MULTILINE | (regex.IGNORECASE if ignore_case else 0)
    for pattern in patterns:
        if not isinstance(pattern, str) or not pattern:
            raise OptionError(key, f"expected non-empty regular expressions, got {pattern!r}")
        try:
            regex.compile(pattern, flags)
        except (regex.error, ValueError, OverflowError, RecursionError) as error:
            raise OptionError(key, f"invalid regular expression {pattern!r}: {error}") from None
    try:
        return regex.compile("(?|" + "|".join(f"(?:{pattern})" for pattern in patterns) + ")", flags)
    except (regex.error, ValueError, OverflowError, RecursionError) as error:
        raise OptionError(key, f"the regular expressions {list(patterns)!r} do not combine: {error}") from None
