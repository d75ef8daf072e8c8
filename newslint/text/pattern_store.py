"""The compiled-pattern store: start-up without re-parsing every regular expression or rule file.

The `regex` module parses and compiles a pattern in Python before handing the result, a
list of opcodes, to its C engine; for the long alternations of the lexicons that costs
more than checking an article. The store keeps those opcode programs on disk, keyed by
pattern and flags, so a later process hands them to the engine at once. It is to patterns
what ``__pycache__`` is to modules: it never changes a match, only how soon one can run.

It keeps the parsed tables of the rule and lexicon files too, by a hash of their text: the
standard library parses TOML in Python, and the lexicons are most of what a run reads. And
it keeps the verdicts of the start-up checks on patterns a run builds but may never use
(`vouch`): a pattern compiled only on first use is still scanned at start-up for anything
that might not compile, entry by entry, which grows with the lexicons; a pattern vouched
for in an earlier run is not scanned again.

It lives in the user's cache directory (``$XDG_CACHE_HOME/newslint``, else
``~/.cache/newslint``), apart from the per-project findings cache that ``--no-cache`` turns
off; ``NEWSLINT_PATTERN_STORE`` names another directory, or ``off`` for none. A file made
by another version of `regex` is ignored, as is one whose checksum does not match: a
missing, stale or damaged store only means compiling as usual. Writes go to a temporary
file renamed into place, merged with what another process saved meanwhile.

Programs are read from `regex`'s own compile step, which this module reaches into
(`_CapturingEngine`); should a new `regex` release compile differently, the version in the
file name keeps old programs out and a pattern that yields no program is compiled as usual.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import tomllib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, overload

import regex
import regex._main as regex_main
import regex._regex as regex_engine_module

from newslint.files import replace_atomically
from newslint.version import __version__

regex_engine: Any = regex_engine_module  # the C engine, which the type stubs do not describe

STORE_FORMAT = 2
STORE_ENV = "NEWSLINT_PATTERN_STORE"
MAX_ENTRIES = 4096  # beyond this, entries this process did not use are dropped on saving
TABLE_PREFIX = "toml:"  # a parsed file's key; a program's key starts with its flags, a number
# A start-up check's verdict: the check and the newslint version that made it are part of
# the key, so a later version whose checks differ never reads an earlier version's verdict.
VOUCH_PREFIX = f"ok:{__version__}:"
_ENGINE_ARGUMENTS = 11  # what `_regex.compile` takes: pattern, flags, code, groups, named lists, ...


def default_store_path() -> Path | None:
    """Where this process keeps compiled programs, or None when the store is off."""
    configured = os.environ.get(STORE_ENV, "")
    if configured.lower() in ("off", "0", "no", "false", "none"):
        return None
    if configured:
        directory = Path(configured)
    else:
        home = os.path.expanduser("~")
        cache_home = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
        if not os.path.isabs(cache_home):
            return None  # no home to keep it in: never a folder named "~" in the working directory
        directory = Path(cache_home) / "newslint"
    engine = f"{regex.__version__}-{regex_engine.MAGIC}-{regex_engine.CODE_SIZE}-{regex.DEFAULT_VERSION.value}"
    return directory / f"patterns-{engine}.json"


def _key(pattern: str, flags: int) -> str:
    return f"{int(flags)}:{pattern}"


def _encoded(arguments: tuple[Any, ...]) -> list[Any]:
    (pattern, flags, code, group_index, index_group, named_lists, named_list_indexes,
     required_offset, required_chars, required_flags, group_count) = arguments
    return [pattern, int(flags), list(code), dict(group_index), [[int(k), v] for k, v in index_group.items()],
            named_lists, named_list_indexes, required_offset, list(required_chars), int(required_flags), group_count]


def _decoded(entry: Any) -> tuple[Any, ...] | None:
    """The engine's arguments from a stored entry, or None for an entry of the wrong shape."""
    if not isinstance(entry, list) or len(entry) != _ENGINE_ARGUMENTS:
        return None
    (pattern, flags, code, group_index, index_group, named_lists, named_list_indexes,
     required_offset, required_chars, required_flags, group_count) = entry
    # The checksum has vouched for the bytes; the engine itself checks the opcodes ("invalid RE code").
    if not (isinstance(pattern, str) and isinstance(code, list) and isinstance(group_index, dict)
            and isinstance(index_group, list) and named_lists == {} and named_list_indexes == []
            and isinstance(required_chars, list)
            and all(type(value) is int for value in (flags, required_offset, required_flags, group_count))):
        return None
    return (pattern, flags, code, group_index, {int(k): v for k, v in index_group}, {}, [],
            required_offset, tuple(required_chars), required_flags, group_count)


class _CapturingEngine:
    """Stands in for `regex`'s C module during one compile, keeping the program it is given."""

    def __init__(self) -> None:
        self.arguments: tuple[Any, ...] | None = None

    def compile(self, *arguments: Any) -> Any:
        self.arguments = arguments
        return regex_engine.compile(*arguments)

    def __getattr__(self, name: str) -> Any:
        return getattr(regex_engine, name)


class PatternStore:
    """Compiled programs by pattern and flags, and parsed TOML tables by a hash of their text,
    loaded from `path` (None: kept in memory only)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[str, Any] = _read(path) if path is not None else {}
        self._compiled: dict[str, Any] = {}
        self._new: set[str] = set()
        self._used: set[str] = set()
        self._lock = threading.Lock()

    def knows(self, pattern: str, flags: int = 0) -> bool:
        """Whether `pattern` compiled before (so compiling it again cannot fail: the stored
        program was made from it)."""
        return _key(pattern, flags) in self._entries

    def vouched(self, check: str, flags: int, pieces: Sequence[object]) -> bool:
        """Whether `check` passed on `pieces` (patterns) under `flags` in an earlier run:
        a pure function of them, so its verdict stands."""
        key = _vouch_key(check, flags, pieces)
        if key is None or key not in self._entries:
            return False
        self._used.add(key)
        return True

    def vouch(self, check: str, flags: int, pieces: Sequence[object]) -> None:
        """Keep that `check` passed on `pieces` under `flags`, for `vouched` in later runs."""
        key = _vouch_key(check, flags, pieces)
        if key is None or key in self._entries:
            return
        self._used.add(key)
        self._entries[key] = True
        self._new.add(key)

    @property
    def unsaved(self) -> bool:
        return bool(self._new)

    def compile(self, pattern: str | bytes, flags: int = 0) -> Any:
        """`regex.compile(pattern, flags)`, from the stored program when there is one
        (a bytes pattern is compiled as usual: the few there are are short)."""
        if not isinstance(pattern, str):
            return regex.compile(pattern, flags)
        key = _key(pattern, flags)
        compiled = self._compiled.get(key)
        if compiled is not None:
            return compiled
        self._used.add(key)
        stored = self._entries.get(key)
        arguments = _decoded(stored) if stored is not None else None
        if arguments is not None and arguments[0] == pattern:
            try:
                compiled = regex_engine.compile(*arguments)
            except (TypeError, ValueError, OverflowError, RuntimeError, SystemError, regex.error):
                compiled = None
        if compiled is None:
            compiled, captured = self._compile_capturing(pattern, flags)
            if captured is not None:
                self._entries[key] = _encoded(captured)
                self._new.add(key)
        self._compiled[key] = compiled
        return compiled

    def parsed_toml(self, text: str) -> dict[str, Any]:
        """`tomllib.loads(text)`, from the stored table when this text was parsed before. The
        table may be shared: callers must not change it. (A table holding dates or times,
        which JSON cannot, is parsed every time.)"""
        key = TABLE_PREFIX + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        self._used.add(key)
        stored = self._entries.get(key)
        if isinstance(stored, dict):
            return stored
        table = tomllib.loads(text)
        if _plain_json(table):
            self._entries[key] = table
            self._new.add(key)
        return table

    def _compile_capturing(self, pattern: str, flags: int) -> tuple[Any, tuple[Any, ...] | None]:
        if flags & regex.LOCALE or "(?L" in pattern:
            return regex.compile(pattern, flags), None  # a locale pattern's program depends on the locale
        engine = _CapturingEngine()
        with self._lock, _engine_replaced(engine):
            compiled = regex.compile(pattern, flags, cache_pattern=False)
        arguments = engine.arguments
        if arguments is None or arguments[0] != pattern or len(arguments) != _ENGINE_ARGUMENTS:
            return compiled, None
        return compiled, arguments

    def save(self) -> None:
        """Write the entries made since loading, merged with the file as it is now.
        Failing to write is not an error: the store is only a cache."""
        if self.path is None or not self._new:
            return
        entries = _read(self.path)
        entries.update({key: self._entries[key] for key in self._new})
        if len(entries) > MAX_ENTRIES:
            kept = [key for key in entries if key in self._used][-MAX_ENTRIES:]
            kept_set = set(kept)
            others = [key for key in entries if key not in kept_set][:MAX_ENTRIES - len(kept)]
            entries = {key: entries[key] for key in others + kept}
        try:
            _write(self.path, entries)
        except OSError:
            return
        self._new.clear()


def _vouch_key(check: str, flags: int, pieces: Sequence[object]) -> str | None:
    """The key of a verdict, by a hash of what was checked; None for pieces that are not all
    strings (a check that fails on them has nothing to keep)."""
    if not all(isinstance(piece, str) for piece in pieces):
        return None
    text = json.dumps([check, int(flags), *pieces], ensure_ascii=False)
    return VOUCH_PREFIX + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _plain_json(value: object) -> bool:
    """Whether JSON gives `value` back as it is (TOML's dates and times it cannot)."""
    if isinstance(value, dict):
        return all(isinstance(key, str) and _plain_json(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_plain_json(item) for item in value)
    return isinstance(value, (str, int, float, bool))


@contextmanager
def _engine_replaced(engine: _CapturingEngine) -> Iterator[None]:
    module: Any = regex_main
    original = module._regex
    module._regex = engine
    try:
        yield
    finally:
        module._regex = original


def _read(path: Path) -> dict[str, Any]:
    try:
        header_line, _, payload = path.read_bytes().partition(b"\n")
        header = json.loads(header_line)
        if not isinstance(header, dict) or header.get("format") != STORE_FORMAT \
                or header.get("sha256") != hashlib.sha256(payload).hexdigest():
            return {}
        entries = json.loads(payload)
    except (OSError, ValueError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _write(path: Path, entries: dict[str, Any]) -> None:
    payload = json.dumps(entries, separators=(",", ":")).encode("utf-8")
    header = json.dumps({"format": STORE_FORMAT, "sha256": hashlib.sha256(payload).hexdigest()}).encode("ascii")
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_atomically(path, header + b"\n" + payload, prefix=".patterns-", suffix=".tmp")


_stores: list[PatternStore] = []  # this process's store, opened on the first compile


def process_store() -> PatternStore:
    """This process's store, opened at `default_store_path` on first use."""
    if not _stores:
        _stores.append(PatternStore(default_store_path()))
    return _stores[0]


@overload
def compile_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]: ...
@overload
def compile_regex(pattern: bytes, flags: int = 0) -> regex.Pattern[bytes]: ...
def compile_regex(pattern: str | bytes, flags: int = 0) -> Any:
    """`regex.compile(pattern, flags)` through this process's store."""
    return process_store().compile(pattern, flags)
