"""The plugin manager: built-in plugins and third-party ones, registered alike."""

from __future__ import annotations

import functools
import importlib
import importlib.machinery
import os
import sys
from typing import TYPE_CHECKING, Any

import pluggy

from newslint import hookspecs

if TYPE_CHECKING:
    from newslint.document import Document
    from newslint.formats import Report

ENTRY_POINT_GROUP = "newslint"
_PATH_FINDER = importlib.machinery.PathFinder  # reads sys.path, as `may_declare_entry_points` does

# Each is an ordinary plugin module implementing hooks from `newslint.hookspecs`.
BUILTIN_PLUGINS = (
    "newslint.readers.text",
    "newslint.readers.html",
    "newslint.readers.markdown",
    "newslint.readers.json",
    "newslint.readers.ans",
    "newslint.readers.richtext",
    "newslint.readers.xml",
    "newslint.rules.engine",
    "newslint.rules.artifacts",
    "newslint.rules.duplication",
    "newslint.rules.agreement",
    "newslint.rules.attribution",
    "newslint.formats.builtin",
    "newslint.formats.sarif",
    "newslint.formats.junit",
    "newslint.formats.gitlab",
    "newslint.formats.rdjson",
)


# Built-in readers and formats a run may not need: what they offer (name, extensions,
# whether the markup declares the charset), so that their modules are imported only when a
# file needs the reader or the report the format. tests/test_plugin_discovery.py checks
# these against the modules' own hooks.
DEFERRED_READERS: dict[str, tuple[tuple[str, tuple[str, ...], bool], ...]] = {
    "newslint.readers.html": (("html", (".html", ".htm", ".xhtml"), True),),
    "newslint.readers.markdown": (("markdown", (".md", ".markdown", ".mdown", ".mkd"), False),),
    "newslint.readers.json": (("json", (".json",), False), ("jsonl", (".jsonl", ".ndjson"), False)),
    "newslint.readers.ans": (("ans", (".json",), False),),
    "newslint.readers.richtext": (("ghost", (".json",), False), ("sanity", (".json",), False),
                                  ("contentful", (".json",), False)),
    "newslint.readers.xml": (("nitf", (".xml", ".nitf"), True), ("newsml-g2", (".xml", ".newsml"), True)),
}
DEFERRED_FORMATS: dict[str, tuple[str, ...]] = {"newslint.formats.sarif": ("sarif",),
                                                "newslint.formats.junit": ("junit",),
                                                "newslint.formats.gitlab": ("gitlab",),
                                                "newslint.formats.rdjson": ("rdjson",)}


def plugin_manager(*, load_entry_points: bool = True, extra: tuple[object, ...] = ()) -> pluggy.PluginManager:
    """A fresh manager with the built-in plugins, then installed third-party ones."""
    manager = pluggy.PluginManager("newslint")
    manager.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        manager.register(_builtin_plugin(name), name=name)
    if load_entry_points and may_declare_entry_points(ENTRY_POINT_GROUP):
        manager.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    for plugin in extra:
        manager.register(plugin)
    return manager


def _builtin_plugin(name: str) -> object:
    if name in DEFERRED_READERS:
        return DeferredPlugin(name, readers=tuple(DeferredReader(reader, extensions, charset, name)
                                                  for reader, extensions, charset in DEFERRED_READERS[name]))
    if name in DEFERRED_FORMATS:
        return DeferredPlugin(name, formatters=tuple(DeferredFormatter(format_name, name)
                                                     for format_name in DEFERRED_FORMATS[name]))
    return importlib.import_module(name)


@functools.cache
def _offered(module: str, hook: str, name: str) -> Any:
    """The reader or format called `name` that built-in plugin `module` offers through `hook`."""
    return next(item for item in getattr(importlib.import_module(module), hook)() if item.name == name)


class DeferredReader:
    """A built-in reader that imports its module the first time a file needs it."""

    def __init__(self, name: str, extensions: tuple[str, ...], charset_in_markup: bool, module: str) -> None:
        self.name, self.extensions, self.charset_in_markup, self.module = name, extensions, charset_in_markup, module

    def matches(self, source: str) -> bool:
        return bool(_offered(self.module, "newslint_readers", self.name).matches(source))

    def read(self, path: str, source: str) -> Document:
        document: Document = _offered(self.module, "newslint_readers", self.name).read(path, source)
        return document


class DeferredFormatter:
    """A built-in output format that imports its module when a report needs it."""

    def __init__(self, name: str, module: str) -> None:
        self.name, self.module = name, module

    def format(self, report: Report) -> str:
        return str(_offered(self.module, "newslint_formatters", self.name).format(report))


class DeferredPlugin:
    """Stands in the plugin manager for a built-in reader or format module, under its name."""

    def __init__(self, module: str, readers: tuple[DeferredReader, ...] = (),
                 formatters: tuple[DeferredFormatter, ...] = ()) -> None:
        self.__name__, self.readers, self.formatters = module, readers, formatters

    @hookspecs.hookimpl
    def newslint_readers(self) -> list[DeferredReader]:
        return list(self.readers)

    @hookspecs.hookimpl
    def newslint_formatters(self) -> list[DeferredFormatter]:
        return list(self.formatters)


def may_declare_entry_points(group: str) -> bool:
    """Whether an installed distribution may declare entry points in `group`.

    A cheap look at the ``entry_points.txt`` of each distribution on `sys.path`, so that
    a run with no third-party plugin never imports `importlib.metadata` (tens of ms,
    most of a one-file run's start-up); pluggy's loader then does the real work. When it
    cannot tell (a zip archive on the path, a custom metadata finder) it says yes.
    """
    if any(getattr(finder, "find_distributions", None) is not None and finder is not _PATH_FINDER
           for finder in sys.meta_path):
        return True
    for entry in sys.path:
        root = entry or "."
        if os.path.isfile(root):
            return True
        if any(_declares(os.path.join(info, "entry_points.txt"), group) for info in _metadata_dirs(root)):
            return True
    return False


def _metadata_dirs(root: str) -> list[str]:
    """The ``*.dist-info``/``*.egg-info`` directories in `root`, as `importlib.metadata` finds them."""
    try:
        names = os.listdir(root)
    except OSError:
        return []
    found = [os.path.join(root, name) for name in names if name.lower().endswith((".dist-info", ".egg-info"))]
    return [os.path.join(root, "EGG-INFO"), *found] if root.lower().endswith(".egg") else found


def _declares(entry_points_txt: str, group: str) -> bool:
    try:
        with open(entry_points_txt, "rb") as handle:
            data = handle.read()
    except OSError:
        return False
    if group.encode() not in data:
        return False
    headers = (line.strip() for line in data.decode("utf-8", "replace").splitlines())
    return any(line.startswith("[") and line.endswith("]") and line[1:-1].strip() == group for line in headers)


def plugin_name(manager: pluggy.PluginManager, plugin: object) -> str:
    """The distribution name for an entry-point plugin, else the registered name."""
    for registered, dist in manager.list_plugin_distinfo():
        if registered is plugin:
            return dist.project_name
    name = manager.get_name(plugin) or repr(plugin)
    return "newslint" if name in BUILTIN_PLUGINS else name
