"""The plugin manager: built-in plugins and third-party ones, registered alike."""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import sys

import pluggy

from newslint import hookspecs

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


def plugin_manager(*, load_entry_points: bool = True, extra: tuple[object, ...] = ()) -> pluggy.PluginManager:
    """A fresh manager with the built-in plugins, then installed third-party ones."""
    manager = pluggy.PluginManager("newslint")
    manager.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        manager.register(importlib.import_module(name), name=name)
    if load_entry_points and may_declare_entry_points(ENTRY_POINT_GROUP):
        manager.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    for plugin in extra:
        manager.register(plugin)
    return manager


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
