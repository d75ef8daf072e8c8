"""The content cache: skip files whose findings cannot have changed since the last run.

A run's cache file is named by a fingerprint of everything that decides findings
apart from the file itself: the newslint version (and, for a checkout, the size and
modification time of its sources), the selected rules with their origins, the
contents of every rule-pack file, the installed plugin distributions and the
configuration file. Inside it, each file's entry holds the SHA-256 of the bytes it
was checked with and the findings; an entry is used only when the hash matches.

The cache lives in ``.newslint_cache/`` beside the configuration file (else in the
working directory). A missing, unreadable or corrupt cache is treated as empty and
rewritten; writes go to a temporary file renamed into place, so a crash or two
concurrent runs never leave half a file. Failing to write is a warning, not an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.engine import ENGINE_CODE, Located
from newslint.files import replace_atomically
from newslint.model import Edit, Finding, Fix, Rule, Severity
from newslint.version import __version__

CACHE_DIR_NAME = ".newslint_cache"
CACHE_FORMAT = 2
STALE_AFTER_SECONDS = 30 * 24 * 3600  # other fingerprints' cache files unused this long are removed
KEEP_OTHER_FILES = 8  # and beyond this many (the newest are kept), so a changing setup cannot pile them up
_PACKAGE_DIR = Path(__file__).resolve().parent


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def run_fingerprint(rules: Sequence[Rule], rule_pack_dirs: Iterable[Path],
                    plugins: Iterable[tuple[str, str]], config_path: Path | None,
                    input_format: str | None = None) -> str:
    """A hash of everything besides a file's bytes that decides its findings.

    `plugins` is (name, version or module) of every registered plugin, readers included.
    """
    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        for part in parts:
            digest.update(str(part).encode("utf-8", "surrogatepass"))
            digest.update(b"\0")

    add("format", CACHE_FORMAT, "version", __version__)
    for source in sorted(_PACKAGE_DIR.rglob("*.py")):
        status = source.stat()
        add(source.relative_to(_PACKAGE_DIR).as_posix(), status.st_size, status.st_mtime_ns)
    for rule in rules:
        add("rule", rule.code, rule.name, rule.origin, rule.severity.value, rule.fixable,
            type(rule).__module__, type(rule).__qualname__)
    for directory in sorted(set(rule_pack_dirs)):  # rule files and the lexicons beside them
        for pack_file in sorted(path for path in Path(directory).rglob("*") if path.is_file()):
            add("pack", pack_file, content_digest(pack_file.read_bytes()))
    for name, version in sorted(set(plugins)):
        add("plugin", name, version)
    add("config", config_path, content_digest(config_path.read_bytes()) if config_path is not None else "")
    add("input-format", input_format or "")
    return digest.hexdigest()


def default_cache_dir(config_path: Path | None) -> Path:
    return (config_path.parent if config_path is not None else Path.cwd()) / CACHE_DIR_NAME


# --- (de)serialising findings: compact lists, validated on the way back ---------------


def _encode(item: Located) -> list[Any]:
    finding = item.finding
    fix = None
    if finding.fix is not None:
        fix = [finding.fix.description, [[e.start, e.end, e.replacement] for e in finding.fix.edits]]
    return [finding.code, finding.rule, finding.severity.value, finding.message, finding.start, finding.end,
            finding.pointer, fix, item.line, item.column, item.end_line, item.end_column, item.utf16_start,
            item.utf16_end]


def _decode(path: str, raw: list[Any]) -> Located:
    code, rule, severity, message, start, end, pointer, fix, line, column, end_line, end_column, utf16_start, \
        utf16_end = raw
    fix_value = None
    if fix is not None:
        description, edits = fix
        fix_value = Fix(_text(description), tuple(Edit(_int(s), _int(e), _text(r)) for s, e, r in edits))
    finding = Finding(_text(code), _text(rule), Severity(severity), _text(message), _int(start), _int(end),
                      None if pointer is None else _text(pointer), fix_value)
    return Located(path, finding, _int(line), _int(column), _int(end_line), _int(end_column), _int(utf16_start),
                   _int(utf16_end))


def _int(value: object) -> int:
    if type(value) is not int:
        raise TypeError("expected an integer")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


@dataclass
class Cache:
    """One run's view of the cache file for its fingerprint. Owned by the main process."""

    file: Path
    fingerprint: str
    entries: dict[str, Any] = field(default_factory=dict)
    changed: bool = False

    @classmethod
    def open(cls, directory: Path, fingerprint: str) -> Cache:
        file = directory / f"v{CACHE_FORMAT}-{fingerprint[:32]}.json"
        try:
            data = json.loads(file.read_bytes())
            entries = data["files"] if data.get("fingerprint") == fingerprint else {}
            if not isinstance(entries, dict):
                entries = {}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            entries = {}  # missing or corrupt: start again
        return cls(file=file, fingerprint=fingerprint, entries=entries)

    def get(self, path: str, digest: str) -> tuple[Located, ...] | None:
        """The findings cached for this file with these exact bytes, if any."""
        entry = self.entries.get(_key(path))
        try:
            if not isinstance(entry, dict) or entry.get("sha256") != digest:
                return None
            return tuple(_decode(path, raw) for raw in entry["findings"])
        except (ValueError, TypeError, KeyError):
            return None  # a corrupt entry is a miss; it is overwritten later

    def put(self, path: str, digest: str, findings: Sequence[Located]) -> None:
        if any(item.code == ENGINE_CODE for item in findings):
            return  # a crash or timeout may not recur; never cache it
        self.entries[_key(path)] = {"sha256": digest, "findings": [_encode(item) for item in findings]}
        self.changed = True

    def save(self, keep: frozenset[Path] = frozenset()) -> str | None:
        """Write the cache atomically; a one-line warning if that failed, else None. Pruning
        spares `keep`: the cache files this run wrote for its other configs."""
        if not self.changed:
            return None
        directory = self.file.parent
        try:
            _prepare(directory)
            payload = json.dumps({"format": CACHE_FORMAT, "fingerprint": self.fingerprint,
                                  "files": self.entries}, ensure_ascii=False, separators=(",", ":"))
            replace_atomically(self.file, payload.encode("utf-8"), prefix=".tmp-", suffix=".json")
            _prune(directory, keep={self.file, *keep})
        except OSError as error:
            return f"cannot write the cache in {directory}: {error.strerror or error}"
        self.changed = False
        return None


def _key(path: str) -> str:
    return os.path.abspath(path)


def _prepare(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    ignore = directory / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Created by newslint: the cache is not meant for version control.\n*\n",
                          encoding="utf-8")


def _prune(directory: Path, keep: set[Path]) -> None:
    cutoff = time.time() - STALE_AFTER_SECONDS
    others = []
    for other in directory.glob("v*-*.json"):
        try:
            if other not in keep:
                others.append((other.stat().st_mtime, other))
        except OSError:
            pass
    others.sort(reverse=True)
    for position, (modified, other) in enumerate(others):
        if position >= KEEP_OTHER_FILES or modified < cutoff:
            _remove_quietly(other)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
