"""The settings that govern one file: its config layered with the command line.

Rule selection follows ruff: the config's ``select``, ``extend-select`` and ``ignore``
are one layer and the command line another on top. ``--select`` starts the command
line's layer afresh (the configured selection and ignores no longer count);
without it, ``--extend-select`` adds to the configured rules and ``--ignore`` removes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from newslint.config import Config
from newslint.model import Rule, Severity
from newslint.registry import Registry


@dataclass(frozen=True)
class CommandLineSelection:
    """The rule selectors given on the command line (comma lists already split)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()

    def selectors(self, config: Config) -> tuple[str, ...]:
        """Every selector that chooses rules for a file under `config`."""
        if self.select:
            return (*self.select, *self.extend_select)
        return (*config.select, *config.extend_select, *self.extend_select)


def selected_rules(registry: Registry, config: Config, command_line: CommandLineSelection) -> tuple[Rule, ...]:
    """The rules a file under `config` is checked with; `SelectionError` names an unknown selector."""
    if command_line.select:
        return registry.select(select=command_line.select, ignore=command_line.ignore,
                               extend_select=command_line.extend_select)
    configured = registry.select(select=config.select, ignore=config.ignore, extend_select=config.extend_select)
    added = registry.select(select=command_line.extend_select) if command_line.extend_select else ()
    # Every rule named by its exact code (opt-in rules included), minus the command line's ignores.
    survivors = registry.select(select=[rule.code for rule in registry.rules], ignore=command_line.ignore)
    chosen = {rule.code for rule in (*configured, *added)}
    return tuple(rule for rule in survivors if rule.code in chosen)


def render_settings(path: str, config: Config, command_line: CommandLineSelection, rules: Sequence[Rule],
                    explicit_config: bool) -> str:
    """``--show-settings``: each setting for `path`, its value and where the value came from."""
    source = f"{config.path} (--config)" if explicit_config else str(config.path)

    def origin(key: str) -> str:
        return source if key in config.explicit else "default"

    selection_origin = {"select": origin("select"), "ignore": origin("ignore"),
                        "extend-select": origin("extend-select")}
    select, ignore, extend = config.select, config.ignore, config.extend_select
    if command_line.select:
        select, ignore, extend = command_line.select, command_line.ignore, command_line.extend_select
        selection_origin = dict.fromkeys(selection_origin, "command line (--select replaces the config's)")
    else:
        if command_line.ignore:
            ignore = (*ignore, *command_line.ignore)
            selection_origin["ignore"] = _plus_command_line(selection_origin["ignore"])
        if command_line.extend_select:
            extend = (*extend, *command_line.extend_select)
            selection_origin["extend-select"] = _plus_command_line(selection_origin["extend-select"])
    if not select and selection_origin["select"] == "default":
        selection_origin["select"] = "default: every rule but the opt-in ones"
    rows: list[tuple[str, str, str]] = [
        ("select", _array(select), selection_origin["select"]),
        ("ignore", _array(ignore), selection_origin["ignore"]),
        ("extend-select", _array(extend), selection_origin["extend-select"]),
        ("severity", _severities(config.severity), origin("severity")),
        ("per-file-ignores", _inline_table({pattern: _array(codes) for pattern, codes in config.per_file_ignores}),
         origin("per-file-ignores")),
        ("rule-packs", _array(str(pack) for pack in config.rule_packs), origin("rule-packs")),
        ("exclude", _array(config.exclude), origin("exclude")),
        ("extend-exclude", _array(config.extend_exclude), origin("extend-exclude")),
    ]
    width = min(48, max(len(f"{key} = {value}") for key, value, _ in rows))
    lines = [f"Settings for {path}",
             f"Config file: {source if config.path is not None else 'none found (every setting is a default)'}",
             ""]
    lines += [f"{f'{key} = {value}':<{width}}  # {where}" for key, value, where in rows]
    lines += ["", f"Rules that run on this file ({len(rules)}): {', '.join(rule.code for rule in rules) or 'none'}"]
    return "\n".join(lines) + "\n"


def _plus_command_line(origin: str) -> str:
    return "command line" if origin == "default" else f"{origin} + command line"


def _array(values: Iterable[str]) -> str:
    return json.dumps(list(values))


def _severities(severity: Mapping[str, Severity]) -> str:
    return _inline_table({code: json.dumps(level.value) for code, level in sorted(severity.items())})


def _inline_table(entries: Mapping[str, str]) -> str:
    return "{" + ", ".join(f"{json.dumps(key)} = {value}" for key, value in entries.items()) + "}"
