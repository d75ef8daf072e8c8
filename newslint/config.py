"""Configuration from ``[tool.newslint]`` in pyproject.toml or a ``newslint.toml``.

Found by walking up from the checked path; the nearest file with newslint settings
wins. Every error names the file, the key and what was expected.
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from newslint.model import Severity

CONFIG_FILES = ("newslint.toml", "pyproject.toml")
KEYS = {"select", "ignore", "extend-select", "severity", "per-file-ignores", "rule-packs", "exclude",
        "fail-on", "min-severity"}


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
    exclude: tuple[str, ...] = ()
    fail_on: Severity | None = None  # which findings make the exit code 1 (None: the default, error)
    min_severity: Severity | None = None  # findings below it are not reported
    path: Path | None = None

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def ignored_for(self, file_path: str) -> tuple[str, ...]:
        """Codes and prefixes ignored for this file by ``per-file-ignores``."""
        relative = _relative(file_path, self.root)
        return tuple(
            code for pattern, codes in self.per_file_ignores if _matches(relative, pattern) for code in codes
        )

    def excludes(self, file_path: str) -> bool:
        relative = _relative(file_path, self.root)
        return any(_matches(relative, pattern) for pattern in self.exclude)


def _relative(file_path: str, root: Path) -> str:
    path = Path(file_path)
    try:
        return PurePosixPath(path.resolve().relative_to(root.resolve())).as_posix()
    except ValueError:
        return PurePosixPath(path).as_posix()


def _matches(relative: str, pattern: str) -> bool:
    return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(PurePosixPath(relative).name, pattern)


def discover(start: Path) -> Path | None:
    """The nearest newslint.toml, or pyproject.toml with a [tool.newslint] table."""
    directory = start.resolve()
    if not directory.is_dir():
        directory = directory.parent
    for candidate_dir in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = candidate_dir / name
            if candidate.is_file() and (name == "newslint.toml" or _has_newslint_table(candidate)):
                return candidate
    return None


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

    exclude = table.get("exclude", [])
    if not isinstance(exclude, list) or not all(isinstance(item, str) for item in exclude):
        raise ConfigError(path, prefix + "exclude", "expected an array of glob patterns")

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
        exclude=tuple(exclude),
        fail_on=level("fail-on"),
        min_severity=level("min-severity"),
        path=path,
    )
