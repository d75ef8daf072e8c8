"""Which files a run checks: the files named on the command line, and the article files
found by walking the named directories.

A walk skips hidden directories, what ``.gitignore`` files ignore (those in the walked
tree, and those above it up to the repository's root, with ``.git/info/exclude``), and
what the governing config's ``exclude`` and ``extend-exclude`` match; an entry is matched
against the config of the directory that holds it. A file named on the command line is
always checked unless `force_exclude` applies its config's excludes to it too, as
pre-commit needs: it names every staged file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.config import Config, ConfigResolver
from newslint.registry import Registry

if TYPE_CHECKING:
    import pathspec


@dataclass(frozen=True)
class IgnoreFile:
    """One .gitignore's patterns and the directory they are relative to."""

    base: str  # absolute directory
    spec: pathspec.GitIgnoreSpec


def iter_files(paths: Sequence[str], registry: Registry, resolver: ConfigResolver, *,
               respect_gitignore: bool = True, force_exclude: bool = False) -> Iterator[tuple[str, str | None]]:
    """(path, error) for each file to check, once however often it is named (by the
    first name given); directories are walked for known extensions."""
    seen: set[str] = set()
    for path, error in _named_files(paths, registry, resolver, respect_gitignore, force_exclude):
        if error is None:
            identity = os.path.normcase(os.path.realpath(path))
            if identity in seen:
                continue
            seen.add(identity)
        yield path, error


def _named_files(paths: Sequence[str], registry: Registry, resolver: ConfigResolver, respect_gitignore: bool,
                 force_exclude: bool) -> Iterator[tuple[str, str | None]]:
    for raw in paths:
        path = Path(raw)
        is_dir = path.is_dir()
        if force_exclude and path.exists() and resolver.for_path(path.parent).excludes(raw, is_dir=is_dir):
            continue
        if is_dir:
            found = False
            for candidate in _walk(raw, registry, resolver, respect_gitignore):
                found = True
                yield candidate, None
            if not found:
                yield raw, f"no article files found (looked for {', '.join(sorted(registry.readers))})"
        elif path.is_file():
            yield raw, None
        elif path.exists():
            yield raw, "not a regular file"
        else:
            yield raw, "no such file or directory"


def _walk(top: str, registry: Registry, resolver: ConfigResolver, respect_gitignore: bool) -> Iterator[str]:
    """The article files under `top`, in sorted order, without what is hidden, ignored or excluded."""
    inherited: dict[str, tuple[IgnoreFile, ...]] = {}
    if respect_gitignore:
        above = ignore_files_above(os.path.abspath(top))
        # A directory named on the command line is walked even if ignored (its own .gitignore files still count).
        inherited[top] = () if is_ignored(top, True, above) else above
    for root, dirs, files in os.walk(top):
        ignores = inherited.pop(root, ())
        if respect_gitignore:
            ignores = (*ignores, *_read_ignore_file(root, ".gitignore"))
        config = resolver.for_path(root)
        dirs[:] = sorted(name for name in dirs if not name.startswith(".")
                         and not _skipped(os.path.join(root, name), True, config, ignores))
        for directory in dirs:
            inherited[os.path.join(root, directory)] = ignores
        for name in sorted(files):
            candidate = os.path.join(root, name)
            if registry.reader_for(candidate) is not None and not _skipped(candidate, False, config, ignores):
                yield candidate


def _skipped(entry: str, is_dir: bool, config: Config, ignores: Sequence[IgnoreFile]) -> bool:
    return config.excludes(entry, is_dir=is_dir) or is_ignored(entry, is_dir, ignores)


def ignore_files_above(directory: str) -> tuple[IgnoreFile, ...]:
    """The .gitignore files of `directory`'s ancestors up to the repository root (the nearest
    directory holding ``.git``), outermost first, and that repository's ``.git/info/exclude``;
    none outside a repository. `directory`'s own .gitignore is read by the walk."""
    repository = repository_of(directory)
    if repository is None:
        return ()
    ancestors: list[str] = []
    current = directory
    while current != repository:
        current = os.path.dirname(current)
        ancestors.append(current)
    found = [*_read_ignore_file(repository, os.path.join(".git", "info", "exclude"))]
    for ancestor in reversed(ancestors):
        found += _read_ignore_file(ancestor, ".gitignore")
    return tuple(found)


def repository_of(path: str) -> str | None:
    """The nearest of absolute `path` and its ancestors that holds ``.git``; None outside a repository."""
    current = path
    while not os.path.exists(os.path.join(current, ".git")):
        if current == os.path.dirname(current):
            return None
        current = os.path.dirname(current)
    return current


def _read_ignore_file(directory: str, name: str) -> tuple[IgnoreFile, ...]:
    try:
        with open(os.path.join(directory, name), encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return ()
    import pathspec  # only a directory walk reads .gitignore files

    return (IgnoreFile(os.path.abspath(directory), pathspec.GitIgnoreSpec.from_lines(lines)),)


def is_ignored(path: str, is_dir: bool, ignores: Sequence[IgnoreFile]) -> bool:
    """Whether the .gitignore files (outermost first) ignore `path`: the deepest file with a
    matching pattern decides, and within it the last matching pattern (``!`` re-includes)."""
    absolute = os.path.abspath(path)
    verdict: bool | None = None
    for ignore in ignores:
        relative = os.path.relpath(absolute, ignore.base)
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            continue  # outside the directory this .gitignore governs
        relative = Path(relative).as_posix()
        included = ignore.spec.check_file(relative + "/" if is_dir else relative).include
        if included is not None:
            verdict = included
    return bool(verdict)
