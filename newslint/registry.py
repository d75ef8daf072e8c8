"""What the installed plugins provide, gathered once per run into one immutable value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence, cast

import pluggy

from newslint.model import Rule, RuleSpec
from newslint.plugins import plugin_name
from newslint.rulepack import load_rule_pack

if TYPE_CHECKING:
    from newslint.formats import Formatter
    from newslint.readers import Reader


class SelectionError(ValueError):
    pass


@dataclass(frozen=True)
class Registry:
    readers: Mapping[str, "Reader"]  # by lower-case extension, e.g. ".html"
    rules: tuple[Rule, ...]  # sorted by code
    formatters: Mapping[str, "Formatter"]

    def reader_for(self, path: str) -> "Reader | None":
        suffix = Path(path).suffix.lower()
        return self.readers.get(suffix)

    def rule(self, code: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.code == code.upper()), None)

    def select(self, select: Sequence[str] = (), ignore: Sequence[str] = (),
               extend_select: Sequence[str] = ()) -> tuple[Rule, ...]:
        """Rules whose code starts with a selected prefix and with no ignored one.

        Every selector must name at least one rule, so a typo is an error rather than
        a silently empty run. ``ALL`` selects everything.
        """
        for selector in (*select, *ignore, *extend_select):
            if selector.upper() != "ALL" and not any(r.code.startswith(selector.upper()) for r in self.rules):
                raise SelectionError(f"unknown rule code or prefix {selector!r} (see 'newslint rules')")
        chosen = [*select, *extend_select] if select else ["ALL", *extend_select]
        return tuple(
            rule for rule in self.rules
            if _matches_any(rule.code, chosen) and not _matches_any(rule.code, ignore)
        )


def _matches_any(code: str, selectors: Iterable[str]) -> bool:
    return any(s.upper() == "ALL" or code.startswith(s.upper()) for s in selectors)


def build_registry(manager: pluggy.PluginManager, extra_packs: Sequence[Path] = ()) -> Registry:
    readers: dict[str, "Reader"] = {}
    for reader_list in reversed(manager.hook.newslint_readers()):  # registered last wins
        for reader in reader_list:
            for extension in reader.extensions:
                readers[extension.lower()] = reader

    kinds: dict[str, Callable[[RuleSpec], Rule]] = {}
    for kind_map in reversed(manager.hook.newslint_rule_kinds()):
        kinds.update(kind_map)

    rules: dict[str, Rule] = {}
    for impl in manager.hook.newslint_rule_packs.get_hookimpls():
        origin = plugin_name(manager, impl.plugin)
        packs = cast("Sequence[Path]", impl.function())  # pluggy types a hook's result as object
        for pack in packs:
            _add(rules, load_rule_pack(Path(pack), kinds, origin))
    for pack in extra_packs:
        _add(rules, load_rule_pack(pack, kinds, f"rule pack {pack}"))
    for impl in manager.hook.newslint_rules.get_hookimpls():
        declared = cast("Iterable[object]", impl.function())
        _add(rules, [_checked_rule(rule, plugin_name(manager, impl.plugin)) for rule in declared])

    formatters: dict[str, "Formatter"] = {}
    for formatter_list in reversed(manager.hook.newslint_formatters()):
        for formatter in formatter_list:
            formatters[formatter.name] = formatter

    return Registry(readers=readers, rules=tuple(sorted(rules.values(), key=lambda r: r.code)),
                    formatters=formatters)


def _checked_rule(rule: object, plugin: str) -> Rule:
    """`rule` if it has every member of the `Rule` protocol; a plugin's mistake otherwise
    becomes one clear error naming the plugin, not a traceback in the middle of a run."""
    if isinstance(rule, Rule):
        return rule
    missing = [name for name in ("code", "name", "severity", "fixable", "doc", "origin", "language", "check")
               if not hasattr(rule, name)]
    raise SelectionError(f"plugin {plugin} returned a rule {type(rule).__name__} without {', '.join(missing)} "
                         "(see the Rule protocol in newslint.model)")


def _add(rules: dict[str, Rule], new: Iterable[Rule]) -> None:
    for rule in new:
        if rule.code in rules:
            raise SelectionError(
                f"rule code {rule.code} is defined twice: by {rules[rule.code].origin} and by {rule.origin}"
            )
        rules[rule.code] = rule
