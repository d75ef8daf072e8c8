"""Lexicon files: the word lists behind a kind, kept as TOML in the rule pack.

A rule names its lexicon files in the ``lexicons`` option, each relative to the rule
file or ``newslint:NAME`` among the built-in rules (``newslint:lexicons/agreement.toml``
is the agreement family's ``lexicons/agreement.toml``), and may add an inline ``lexicon``
table. They merge in that order: arrays are joined, tables updated key by key, any
other value replaced; so a newsroom extends a built-in lexicon with a file of its own.
Which keys a lexicon has and what their values must be is the kind's business: it
passes a `Validator`, which sees each table alone, so a mistake is reported with the
file it is in.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from newslint.options import OptionError, Options
from newslint.rules import BUILTIN_RULES
from newslint.text.pattern_store import process_store

BUILTIN_PREFIX = "newslint:"

# Checks one lexicon table: ``validate(table, option, where)`` raises `lexicon_error(option,
# where, reason)` for the first problem. `option` is ``lexicons`` for a file (`where` then
# names it) and ``lexicon`` for the inline table (`where` is empty).
Validator = Callable[[Mapping[str, Any], str, str], None]


def longest_first(entry: str) -> tuple[int, str]:
    """Sort key for the entries of an alternation: longer first, so an entry wins over its
    own prefix; equal lengths alphabetically, so the pattern is the same in every process
    whatever the order of the set it came from (and its stored program can be found again)."""
    return -len(entry), entry


def lexicon_tables(options: Options, rule_path: str, default: tuple[str, ...],
                   validate: Validator) -> list[Mapping[str, Any]]:
    """The rule's lexicon files (option ``lexicons``, else `default`), then its inline
    ``lexicon`` table, each validated, in merge order."""
    names = options.strings("lexicons", default)
    tables = [read_lexicon_file(resolve_lexicon_path(name, rule_path), validate) for name in names]
    inline = options.table("lexicon")
    validate(inline, "lexicon", "")
    return [*tables, inline]


def resolve_lexicon_path(name: str, rule_path: str) -> Path:
    """`name` relative to the rule file, or a built-in lexicon with ``newslint:``."""
    if name.startswith(BUILTIN_PREFIX):
        return builtin_lexicon_path(name[len(BUILTIN_PREFIX):])
    base = Path(rule_path).parent if rule_path else Path.cwd()
    return base / name


def builtin_lexicon_path(relative: str) -> Path:
    """A path in the built-in rules (``agreement/lexicons/agreement.toml``); the short name
    ``lexicons/agreement.toml`` finds the file in the lexicons folder of whichever family
    holds it."""
    direct = BUILTIN_RULES / relative
    folder, _, file_name = relative.partition("/")
    if direct.exists() or folder != "lexicons":
        return direct
    return next(iter(sorted(BUILTIN_RULES.glob(f"*/lexicons/{file_name}"))), direct)


def read_lexicon_file(path: Path, validate: Validator) -> Mapping[str, Any]:
    try:
        data = parsed_toml(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise OptionError("lexicons", f"{path} is not valid TOML: {error}") from None
    except OSError as error:
        raise OptionError("lexicons", f"cannot read {path}: {error.strerror or error}") from None
    validate(data, "lexicons", f"in {path}")
    return data


@functools.lru_cache(maxsize=64)
def parsed_toml(text: str) -> Mapping[str, Any]:
    """`text` parsed as TOML, once per text: every rule of a family reads the same lexicon
    files. Callers never change the table they get (`merge_tables` builds new ones)."""
    return process_store().parsed_toml(text)


def merge_tables(tables: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """One table from `tables` in order: arrays joined, tables updated key by key, any
    other value replaced by the later one."""
    merged: dict[str, Any] = {}
    for table in tables:
        for key, value in table.items():
            if isinstance(value, list):
                merged[key] = [*merged.get(key, []), *value]
            elif isinstance(value, dict):
                merged[key] = {**merged.get(key, {}), **value}
            else:
                merged[key] = value
    return merged


def lexicon_error(option: str, where: str, reason: str) -> OptionError:
    return OptionError(option, f"{where}: {reason}" if where else reason)
