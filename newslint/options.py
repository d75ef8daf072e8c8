"""A rule's ``options`` table, read with types checked: what every kind uses to read the
options of a rule file, and the error that names the bad option."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newslint.document import BlockKind


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
