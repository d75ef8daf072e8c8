"""Configuration from ``[tool.newslint]`` in pyproject.toml or top-level keys of a ``newslint.toml``.

Each checked file is governed by the nearest file with newslint settings above it
(`ConfigResolver`), as ruff resolves its settings. Glob patterns (``exclude``,
``extend-exclude``, ``per-file-ignores``) follow .gitignore rules, relative to the
config file's directory. Every error names the file, the key and what was expected.
"""

from __future__ import annotations

import functools
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from newslint.model import Severity

if TYPE_CHECKING:
    import pathspec

CONFIG_FILES = ("newslint.toml", "pyproject.toml")
KEYS = {"select", "ignore", "extend-select", "severity", "per-file-ignores", "rule-packs", "exclude",
        "extend-exclude", "fail-on", "min-severity"}
# What a directory walk skips unless `exclude` replaces it: tool and version-control folders, and
# the project files that sit beside articles but are not articles.
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".newslint_cache", "node_modules", "__pycache__", ".venv", "venv",
    "LICENSE*", "LICENCE*", "COPYING*", "NOTICE*", "README*", "CHANGELOG*", "CHANGES*", "HISTORY*",
    "CONTRIBUTING*", "CODE_OF_CONDUCT*", "SECURITY*", "AUTHORS*",
    "package.json", "package-lock.json", "tsconfig.json", "composer.json",
)


class ConfigError(ValueError):
    def __init__(self, path: Path | str, key: str, expected: str):
        super().__init__(f"{path}: {key}: {expected}")


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rule_packs: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    fail_on: Severity | None = None  # which findings make the exit code 1 (None: the default, error)
    min_severity: Severity | None = None  # findings below it are not reported
    path: Path | None = None
    explicit: frozenset[str] = frozenset()  # the keys the file sets (the others are defaults)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def ignored_for(self, file_path: str) -> tuple[str, ...]:
        """Codes and prefixes ignored for this file by ``per-file-ignores``."""
        relative = _relative(file_path, self.root)
        return tuple(
            code for pattern, codes in self.per_file_ignores if _glob((pattern,)).match_file(relative)
            for code in codes
        )

    def excludes(self, file_path: str, is_dir: bool = False) -> bool:
        """Whether ``exclude`` or ``extend-exclude`` matches the path (a directory matches its contents)."""
        relative = _relative(file_path, self.root)
        return _glob((*self.exclude, *self.extend_exclude)).match_file(relative + "/" if is_dir else relative)


@functools.lru_cache(maxsize=256)
def _glob(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    """Patterns compiled once with .gitignore rules: one without a slash matches a name at any
    depth, one with a slash is anchored to the config's directory, `dir/` matches a directory."""
    import pathspec  # a run over named files with no per-file-ignores never needs it

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _relative(file_path: str, root: Path) -> str:
    path = Path(file_path)
    try:
        return PurePosixPath(path.resolve().relative_to(_resolved(root))).as_posix()
    except ValueError:
        return PurePosixPath(path).as_posix()


def discover(start: Path) -> Path | None:
    """The nearest newslint.toml, or pyproject.toml with a [tool.newslint] table."""
    directory = _directory_of(start)
    return next(filter(None, map(_config_in, (directory, *directory.parents))), None)


def _directory_of(start: Path) -> Path:
    directory = start.resolve()
    return directory if directory.is_dir() else directory.parent


def _config_in(directory: Path) -> Path | None:
    for name in CONFIG_FILES:
        candidate = directory / name
        if candidate.is_file() and (name == "newslint.toml" or _has_newslint_table(candidate)):
            return candidate
    return None


class ConfigResolver:
    """The config that governs each path of one run: `explicit` (``--config``) for every path,
    else the nearest config above the path, so the answer never depends on what else is
    checked. Each directory is looked up, and each config file loaded, once per run."""

    def __init__(self, explicit: Config | None = None):
        self.explicit = explicit
        self._nearest: dict[Path, Path | None] = {}
        self._nearest_by_name: dict[str, Path | None] = {}  # by absolute, unresolved directory
        self._loaded: dict[Path, Config] = {}

    def for_path(self, path: str | Path) -> Config:
        """The config for `path` (a file, a directory, or a name that does not exist yet);
        `ConfigError` if that config is invalid."""
        if self.explicit is not None:
            return self.explicit
        absolute = os.path.abspath(path)
        directory = absolute if os.path.isdir(absolute) else os.path.dirname(absolute)
        if directory not in self._nearest_by_name:
            self._nearest_by_name[directory] = self._nearest_config(Path(directory).resolve())
        found = self._nearest_by_name[directory]
        if found is None:
            return Config()
        if found not in self._loaded:
            self._loaded[found] = load(found)
        return self._loaded[found]

    def _nearest_config(self, directory: Path) -> Path | None:
        if directory not in self._nearest:
            found = _config_in(directory)
            if found is None and directory.parent != directory:
                found = self._nearest_config(directory.parent)
            self._nearest[directory] = found
        return self._nearest[directory]


@functools.lru_cache(maxsize=64)
def _resolved(directory: Path) -> Path:
    return directory.resolve()


def _has_newslint_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.newslint" in text


def load(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # editors on Windows add a BOM
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(path, "(file)", f"not valid TOML: {error}") from None
    except RecursionError:
        raise ConfigError(path, "(file)", "not valid TOML: nested too deeply") from None
    except UnicodeDecodeError:
        raise ConfigError(path, "(file)", "not UTF-8 text") from None
    except OSError as error:
        raise ConfigError(path, "(file)", f"cannot read: {error.strerror or error}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(path, "tool", "expected a table")
        table = tool.get("newslint", {})
        prefix = "tool.newslint."
    else:
        table, prefix = data, ""
    return parse(table, path, prefix)


def parse(table: Mapping[str, Any], path: Path, prefix: str = "") -> Config:
    if not isinstance(table, dict):
        raise ConfigError(path, prefix.rstrip(".") or "(file)", "expected a table")
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise ConfigError(path, prefix + unknown[0], f"unknown key; expected one of {', '.join(sorted(KEYS))}")

    def codes(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
            raise ConfigError(path, prefix + key, 'expected an array of rule codes or prefixes, like ["NL1", "NL201"]')
        return tuple(value)

    severity_table = table.get("severity", {})
    if not isinstance(severity_table, dict):
        raise ConfigError(path, prefix + "severity", 'expected a table like {NL401 = "warning"}')
    severity: dict[str, Severity] = {}
    for code, value in severity_table.items():
        try:
            severity[code.upper()] = Severity.parse(value if isinstance(value, str) else "")
        except ValueError:
            raise ConfigError(path, f"{prefix}severity.{code}", "expected one of error, warning, info") from None

    ignores_table = table.get("per-file-ignores", {})
    if not isinstance(ignores_table, dict):
        raise ConfigError(path, prefix + "per-file-ignores", 'expected a table like {"archive/*" = ["NL4"]}')
    per_file: list[tuple[str, tuple[str, ...]]] = []
    for pattern, value in ignores_table.items():
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ConfigError(path, f'{prefix}per-file-ignores."{pattern}"', "expected an array of rule codes")
        per_file.append((pattern, tuple(value)))

    packs = table.get("rule-packs", [])
    if not isinstance(packs, list) or not all(isinstance(item, str) for item in packs):
        raise ConfigError(path, prefix + "rule-packs", "expected an array of directory paths")
    pack_paths = tuple((path.parent / item).resolve() for item in packs)
    for item, resolved in zip(packs, pack_paths):
        if not resolved.is_dir():
            raise ConfigError(path, prefix + "rule-packs", f"expected a directory, {item!r} is not one")

    def patterns(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ConfigError(path, prefix + key, "expected an array of glob patterns")
        return tuple(value)

    def level(key: str) -> Severity | None:
        value = table.get(key)
        if value is None:
            return None
        try:
            return Severity.parse(value if isinstance(value, str) else "")
        except ValueError:
            raise ConfigError(path, prefix + key, 'expected one of "error", "warning", "info"') from None

    return Config(
        select=codes("select"),
        ignore=codes("ignore"),
        extend_select=codes("extend-select"),
        severity=severity,
        per_file_ignores=tuple(per_file),
        rule_packs=pack_paths,
        exclude=patterns("exclude") if "exclude" in table else DEFAULT_EXCLUDE,
        extend_exclude=patterns("extend-exclude"),
        fail_on=level("fail-on"),
        min_severity=level("min-severity"),
        path=path,
        explicit=frozenset(table),
    )
