"""What the installed plugins provide, gathered once per run into one immutable value."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pluggy

from newslint.lexicons import resolve_lexicon_path
from newslint.model import Rule, RuleSpec
from newslint.plugins import plugin_name
from newslint.rulepack import DeclaredFile, load_rule_pack_files

if TYPE_CHECKING:
    from newslint.formats import Formatter
    from newslint.readers import Reader


class SelectionError(ValueError):
    pass


@dataclass(frozen=True)
class Implementation:
    """Where a rule comes from: its kind (None for a rule written in Python), the dotted
    module of the code that checks, and the files that declare it (rule file, lexicons)."""

    kind: str | None
    module: str
    files: tuple[str, ...]


@dataclass(frozen=True)
class Registry:
    readers: Mapping[str, Reader]  # by lower-case extension, e.g. ".html": the last registered
    rules: tuple[Rule, ...]  # sorted by code
    formatters: Mapping[str, Formatter]
    implementations: Mapping[str, Implementation]  # by rule code
    # Every reader claiming an extension, the last registered first: the order `matches` is asked in.
    candidates: Mapping[str, tuple[Reader, ...]] = field(default_factory=dict)
    # Rules that run only when a selector names their exact code (rule files' `opt_in = true`).
    opt_in: frozenset[str] = frozenset()

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(rule.code for rule in self.rules)

    def reader_for(self, path: str) -> Reader | None:
        suffix = Path(path).suffix.lower()
        return self.readers.get(suffix)

    def readers_for(self, path: str) -> tuple[Reader, ...]:
        """The readers that claim `path`'s extension, in the order they are asked."""
        return self.candidates.get(Path(path).suffix.lower(), ())

    def all_readers(self) -> tuple[Reader, ...]:
        """Every registered reader once, in registration order."""
        seen: dict[int, Reader] = {}
        for readers in self.candidates.values():
            for reader in reversed(readers):
                seen.setdefault(id(reader), reader)
        return tuple(seen.values())

    def with_codes(self, codes: Iterable[str]) -> tuple[Rule, ...]:
        """The rules whose code is one of `codes` (exact codes, as a `RunSpec` holds them)."""
        wanted = set(codes)
        return tuple(rule for rule in self.rules if rule.code in wanted)

    def reader_named(self, name: str) -> Reader | None:
        """The reader called `name` (``"html"``), as a rule example's ``format`` or
        ``--input-format`` names it; the last registered of that name."""
        return next((reader for reader in reversed(self.all_readers()) if reader.name == name), None)

    def rule(self, code: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.code == code.upper()), None)

    def select(self, select: Sequence[str] = (), ignore: Sequence[str] = (),
               extend_select: Sequence[str] = ()) -> tuple[Rule, ...]:
        """Rules whose code starts with a selected prefix and with no ignored one.

        Every selector must name at least one rule, so a typo is an error rather than
        a silently empty run. ``ALL`` selects everything but the `opt_in` rules, which a
        selector must name by their exact code.
        """
        for selector in (*select, *ignore, *extend_select):
            if selector.upper() != "ALL" and not any(r.code.startswith(selector.upper()) for r in self.rules):
                raise SelectionError(f"unknown rule code or prefix {selector!r} (see 'newslint rules')")
        chosen = [*select, *extend_select] if select else ["ALL", *extend_select]
        named = {selector.upper() for selector in chosen}
        return tuple(
            rule for rule in self.rules
            if _matches_any(rule.code, chosen) and not _matches_any(rule.code, ignore)
            and (rule.code not in self.opt_in or rule.code in named)
        )


def _matches_any(code: str, selectors: Iterable[str]) -> bool:
    return any(s.upper() == "ALL" or code.startswith(s.upper()) for s in selectors)


def build_registry(manager: pluggy.PluginManager, extra_packs: Sequence[Path] = ()) -> Registry:
    readers: dict[str, Reader] = {}
    candidates: dict[str, list[Reader]] = {}
    for impl in manager.hook.newslint_readers.get_hookimpls():  # in registration order: the last wins
        for offered in cast("Iterable[object]", impl.function()):
            reader = _checked_reader(offered, plugin_name(manager, impl.plugin))
            for extension in reader.extensions:
                readers[extension.lower()] = reader
                candidates.setdefault(extension.lower(), []).insert(0, reader)

    kinds: dict[str, Callable[[RuleSpec], Rule]] = {}
    for kind_map in reversed(manager.hook.newslint_rule_kinds()):
        kinds.update(kind_map)

    formats = frozenset(reader.name for found in candidates.values() for reader in found)
    rules: dict[str, Rule] = {}
    implementations: dict[str, Implementation] = {}
    loaded: list[DeclaredFile] = []
    for impl in manager.hook.newslint_rule_packs.get_hookimpls():
        origin = plugin_name(manager, impl.plugin)
        packs = cast("Sequence[Path]", impl.function())  # pluggy types a hook's result as object
        for pack in packs:
            loaded += load_rule_pack_files(Path(pack), kinds, origin, formats)
    for pack in extra_packs:
        loaded += load_rule_pack_files(pack, kinds, f"rule pack {pack}", formats)
    for declared in loaded:
        _add(rules, implementations, declared.rule, _declared_implementation(declared))
    for impl in manager.hook.newslint_rules.get_hookimpls():
        declared_in_python = cast("Iterable[object]", impl.function())
        for rule in (_checked_rule(rule, plugin_name(manager, impl.plugin)) for rule in declared_in_python):
            _add(rules, implementations, rule, Implementation(None, type(rule).__module__, ()))

    formatters: dict[str, Formatter] = {}
    for formatter_list in reversed(manager.hook.newslint_formatters()):
        for formatter in formatter_list:
            formatters[formatter.name] = formatter

    return Registry(readers=readers, rules=tuple(sorted(rules.values(), key=lambda r: r.code)),
                    formatters=formatters, implementations=implementations,
                    candidates={extension: tuple(found) for extension, found in candidates.items()},
                    opt_in=frozenset(declared.rule.code for declared in loaded if declared.spec.opt_in))


def _declared_implementation(declared: DeclaredFile) -> Implementation:
    spec = declared.spec
    lexicons = spec.options.get("lexicons", [])
    names = [name for name in lexicons if isinstance(name, str)] if isinstance(lexicons, list) else []
    files = (spec.path, *(str(resolve_lexicon_path(name, spec.path)) for name in names))
    return Implementation(spec.kind, type(declared.rule).__module__, files)


def _checked_rule(rule: object, plugin: str) -> Rule:
    """`rule` if it has every member of the `Rule` protocol; a plugin's mistake otherwise
    becomes one clear error naming the plugin, not a traceback in the middle of a run."""
    if isinstance(rule, Rule):
        return rule
    missing = [name for name in ("code", "name", "severity", "fixable", "doc", "origin", "language", "check")
               if not hasattr(rule, name)]
    raise SelectionError(f"plugin {plugin} returned a rule {type(rule).__name__} without {', '.join(missing)} "
                         "(see the Rule protocol in newslint.model)")


def _checked_reader(reader: object, plugin: str) -> Reader:
    from newslint.readers import Reader

    if isinstance(reader, Reader):
        return reader
    missing = [name for name in ("name", "extensions", "charset_in_markup", "matches", "read")
               if not hasattr(reader, name)]
    raise SelectionError(f"plugin {plugin} returned a reader {type(reader).__name__} without {', '.join(missing)} "
                         "(see the Reader protocol in newslint.readers)")


def _add(rules: dict[str, Rule], implementations: dict[str, Implementation], rule: Rule,
         implementation: Implementation) -> None:
    """Register `rule`; a code already taken is an error naming both rules' files."""
    if rule.code in rules:
        first = _described(rules[rule.code], implementations[rule.code])
        raise SelectionError(f"rule code {rule.code} is defined twice: by {first} and by "
                             f"{_described(rule, implementation)}; give one of them another code")
    rules[rule.code] = rule
    implementations[rule.code] = implementation


def _described(rule: Rule, implementation: Implementation) -> str:
    where = implementation.files[0] if implementation.files else f"module {implementation.module}"
    return f"{rule.origin} ({where})"
