"""One file through the pipeline: check, make fixes safe, then fix or diff it.

`RunSpec` is everything a run needs as plain values, so a worker process can
rebuild the same registry and rules from it (`build_context`) instead of receiving
pickled rule objects. `process_bytes` is the same function whether it runs in the
main process or in a worker, which is what keeps ``--jobs N`` identical to
``--jobs 1``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

import pluggy

from newslint.budget import DEFAULT_BUDGET, TimeBudget
from newslint.cache import content_digest
from newslint.config import Config, load
from newslint.document import Document
from newslint.engine import FileResult, Located, check_bytes, locate
from newslint.fix import (
    FixError,
    fix_source,
    unified_diff,
    with_safe_fixes,
    write_atomic,
)
from newslint.model import Finding, Rule, Severity
from newslint.plugins import plugin_manager
from newslint.registry import Registry, build_registry


class Mode(str, Enum):
    CHECK = "check"
    FIX = "fix"  # apply safe fixes and write the files
    DIFF = "diff"  # show what FIX would change; write nothing


@dataclass(frozen=True)
class RunSpec:
    """A run as plain, picklable values: the resolved config file, the selected
    rule codes, and what to do with fixes."""

    config_path: str | None
    rule_codes: tuple[str, ...]
    mode: Mode = Mode.CHECK
    budget: TimeBudget | None = DEFAULT_BUDGET
    load_entry_points: bool = True
    input_format: str | None = None  # a reader's name: read every file with it
    # --min-severity: a finding below it is not reported, so --fix leaves its text alone
    fix_threshold: Severity | None = None


@dataclass(frozen=True)
class Context:
    """What a process needs to check files, rebuilt from a `RunSpec`."""

    config: Config
    manager: pluggy.PluginManager
    registry: Registry
    rules: tuple[Rule, ...]
    mode: Mode
    budget: TimeBudget | None
    input_format: str | None = None
    fix_threshold: Severity | None = None

    @functools.cached_property
    def fixable_codes(self) -> frozenset[str]:
        return frozenset(rule.code for rule in self.rules if rule.fixable)

    def rules_for(self, path: str) -> tuple[Rule, ...]:
        """The selected rules minus those ``per-file-ignores`` turns off for `path`."""
        ignored = tuple(code.upper() for code in self.config.ignored_for(path))
        if not ignored:
            return self.rules
        return tuple(rule for rule in self.rules if not rule.code.startswith(ignored))

    def rule_pack_dirs(self) -> list[Path]:
        hooked = [Path(pack) for packs in self.manager.hook.newslint_rule_packs() for pack in packs]
        return [*hooked, *self.config.rule_packs]

    def plugin_identities(self) -> list[tuple[str, str]]:
        """(name, distribution version or module) of every registered plugin."""
        versions = {id(plugin): dist.version for plugin, dist in self.manager.list_plugin_distinfo()}
        return [(name, versions.get(id(plugin), getattr(plugin, "__name__", type(plugin).__qualname__)))
                for name, plugin in self.manager.list_name_plugin()]


def build_context(spec: RunSpec, config: Config | None = None) -> Context:
    """The configuration, registry and rules of a run. The command line passes the
    `config` it has already parsed; a worker process rebuilds it from the spec."""
    if config is None:
        config = load(Path(spec.config_path)) if spec.config_path else Config()
    manager = plugin_manager(load_entry_points=spec.load_entry_points)
    registry = build_registry(manager, config.rule_packs)
    return Context(config=config, manager=manager, registry=registry, rules=registry.with_codes(spec.rule_codes),
                   mode=spec.mode, budget=spec.budget, input_format=spec.input_format,
                   fix_threshold=spec.fix_threshold)


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file. `result` never holds the document (it crosses
    process boundaries); `digest` is the hash of the bytes `result` describes, or
    None when the result must not be cached."""

    result: FileResult
    digest: str | None = None
    fixed: int = 0
    diff: str = ""
    fix_error: str | None = None
    fixed_bytes: bytes | None = None  # the fixed content, when not written to a file (stdin)


def process_bytes(context: Context, path: str, data: bytes, *, write: bool = True) -> FileOutcome:
    """Check one file's bytes; in FIX or DIFF mode, also fix (and write, if `write`) it."""
    rules = context.rules_for(path)
    result = checked_result(context, rules, path, data)
    checked = FileOutcome(result=_portable(result), digest=content_digest(data) if result.error is None else None)
    document, decoded = result.document, result.decoded
    if context.mode is Mode.CHECK or document is None or decoded is None \
            or not any(item.finding.fix for item in result.findings):
        return checked

    def recheck(source: str) -> tuple[Document, Sequence[Finding]]:
        again = checked_result(context, rules, path, decoded.encode(source))
        if again.document is None:
            raise FixError(f"the fixed text no longer reads as {document.format}; nothing written")
        return again.document, _fixes_at_or_above(again.findings, context.fix_threshold)

    try:
        outcome, final_document, final_findings = fix_source(
            document, _fixes_at_or_above(result.findings, context.fix_threshold), recheck)
        if not outcome.changed:
            return checked
        fixed_bytes = decoded.encode(outcome.source)
        if context.mode is Mode.DIFF:
            return replace(checked, fixed=outcome.fixed, diff=unified_diff(path, outcome.original, outcome.source))
        if write:
            write_atomic(path, fixed_bytes, data)
    except FixError as error:
        return replace(checked, fix_error=str(error))
    except UnicodeEncodeError as error:
        return replace(checked, fix_error=f"a fix inserts text the file's encoding ({error.encoding}) "
                                          "cannot hold; not fixed")
    final = FileResult(path=path, findings=locate(final_document, final_findings))
    # findings whose fixes were held back are not what a plain check finds: never cached
    cacheable = context.fix_threshold is None
    return FileOutcome(result=final, digest=content_digest(fixed_bytes) if cacheable else None, fixed=outcome.fixed,
                       fixed_bytes=None if write else fixed_bytes)


def _fixes_at_or_above(findings: Sequence[Located], threshold: Severity | None) -> list[Finding]:
    """The findings, those below `threshold` without their fixes: --fix changes only what is reported."""
    return [item.finding if threshold is None or item.finding.severity.at_least(threshold)
            else replace(item.finding, fix=None) for item in findings]


def checked_result(context: Context, rules: Sequence[Rule], path: str, data: bytes) -> FileResult:
    """`check_bytes`, with every fix replaced by its safe form (or dropped)."""
    result = check_bytes(path, data, context.registry, rules, context.config.severity, context.budget,
                         context.input_format)
    if result.document is None:
        return result
    safe = with_safe_fixes(result.document, [item.finding for item in result.findings], context.fixable_codes)
    return replace(result, findings=tuple(replace(item, finding=finding) for item, finding in zip(result.findings, safe)))


def _portable(result: FileResult) -> FileResult:
    """The result without its document, to cross a process boundary cheaply."""
    return replace(result, document=None, decoded=None)
