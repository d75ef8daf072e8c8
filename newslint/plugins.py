"""The plugin manager: built-in plugins and third-party ones, registered alike."""

from __future__ import annotations

import importlib

import pluggy

from newslint import hookspecs

hookimpl = pluggy.HookimplMarker("newslint")

ENTRY_POINT_GROUP = "newslint"

# Each is an ordinary plugin module implementing hooks from `newslint.hookspecs`.
BUILTIN_PLUGINS = (
    "newslint.readers.text",
    "newslint.kinds.pattern",
    "newslint.builtin_rules",
    "newslint.formats.builtin",
)


def plugin_manager(*, load_entry_points: bool = True, extra: tuple[object, ...] = ()) -> pluggy.PluginManager:
    """A fresh manager with the built-in plugins, then installed third-party ones."""
    manager = pluggy.PluginManager("newslint")
    manager.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        manager.register(importlib.import_module(name), name=name)
    if load_entry_points:
        manager.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    for plugin in extra:
        manager.register(plugin)
    return manager


def plugin_name(manager: pluggy.PluginManager, plugin: object) -> str:
    """The distribution name for an entry-point plugin, else the registered name."""
    for registered, dist in manager.list_plugin_distinfo():
        if registered is plugin:
            return dist.project_name
    name = manager.get_name(plugin) or repr(plugin)
    return "newslint" if name in BUILTIN_PLUGINS else name
