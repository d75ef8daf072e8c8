"""Kinds of check: the Python behind declarative rules. Each module is a plugin."""

from __future__ import annotations

from typing import Any, Mapping

from newslint.document import BlockKind

# Bounds every regex search a rule runs, so one catastrophic pattern in an editor's
# rule pack becomes that rule's error instead of a hung CI job.
REGEX_TIMEOUT_SECONDS = 2.0


class Options:
    """Typed access to a rule's ``options`` table; wrong types raise `ValueError`."""

    def __init__(self, raw: Mapping[str, Any], known: set[str]):
        unknown = sorted(set(raw) - known)
        if unknown:
            raise ValueError(f"unknown option {unknown[0]!r}; expected one of {', '.join(sorted(known))}")
        self._raw = raw

    def boolean(self, key: str, default: bool) -> bool:
        value = self._raw.get(key, default)
        if not isinstance(value, bool):
            raise ValueError(f"option {key!r}: expected true or false")
        return value

    def number(self, key: str, default: float) -> float:
        value = self._raw.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"option {key!r}: expected a number")
        return float(value)

    def string(self, key: str, default: str | None = None) -> str | None:
        value = self._raw.get(key, default)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"option {key!r}: expected a string")
        return value

    def strings(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        value = self._raw.get(key, list(default))
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValueError(f"option {key!r}: expected an array of strings")
        return tuple(value)

    def block_kinds(self, key: str = "blocks") -> frozenset[BlockKind] | None:
        names = self.strings(key)
        if not names:
            return None
        try:
            return frozenset(BlockKind(name) for name in names)
        except ValueError:
            known = ", ".join(kind.value for kind in BlockKind)
            raise ValueError(f"option {key!r}: unknown block kind in {list(names)}; known: {known}") from None

    def table(self, key: str) -> Mapping[str, Any]:
        value = self._raw.get(key, {})
        if not isinstance(value, dict):
            raise ValueError(f"option {key!r}: expected a table")
        return value


def compile_patterns(patterns: tuple[str, ...], *, ignore_case: bool, key: str = "patterns") -> "Any":
    """One alternation of the given patterns, compiled with the `regex` module."""
    import regex

    flags = regex.VERSION1 | regex.MULTILINE | (regex.IGNORECASE if ignore_case else 0)
    for pattern in patterns:
        try:
            regex.compile(pattern, flags)
        except regex.error as error:
            raise ValueError(f"option {key!r}: invalid regular expression {pattern!r}: {error}") from None
    return regex.compile("|".join(f"(?:{pattern})" for pattern in patterns), flags)
