"""The ``newslint`` command."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from enum import IntEnum
from pathlib import Path

import click

from newslint.budget import DEFAULT_BUDGET, TimeBudget
from newslint.cache import default_cache_dir
from newslint.config import Config, ConfigError, discover, load
from newslint.decode import MAX_BYTES
from newslint.formats import Formatter, Report
from newslint.model import Rule, Severity
from newslint.parallel import WorkerFailure, default_jobs, open_run_cache, run_files
from newslint.pipeline import (
    Context,
    FileOutcome,
    Mode,
    RunSpec,
    build_context,
    process_bytes,
)
from newslint.plugins import DeferredReader, plugin_manager
from newslint.progress import progress
from newslint.registry import Implementation, Registry, SelectionError, build_registry
from newslint.rulepack import RulePackError
from newslint.statistics import count_by_rule, render_statistics
from newslint.suppression import with_unused_reporting
from newslint.text.language import ENGLISH
from newslint.version import __version__

SKIPPED_DIRS = {".git", ".hg", ".svn", ".newslint_cache", "node_modules", "__pycache__", ".venv", "venv"}


class ExitCode(IntEnum):
    CLEAN = 0
    FINDINGS = 1
    USAGE = 2  # usage, configuration or input error
    INTERNAL = 3  # a rule or plugin crashed


class UsageFailure(click.ClickException):
    """One clear line on stderr and exit 2."""

    exit_code = ExitCode.USAGE

    def show(self, file: object = None) -> None:
        click.echo(f"newslint: error: {self.message}", err=True)


def _split_codes(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def _load_config(config_path: str | None, paths: Sequence[str]) -> Config:
    try:
        if config_path is not None:
            return load(Path(config_path))
        start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
        found = discover(start if start.exists() else Path.cwd())
        return load(found) if found else Config()
    except ConfigError as error:
        raise UsageFailure(str(error)) from None


def _registry(config: Config) -> Registry:
    try:
        return build_registry(plugin_manager(), config.rule_packs)
    except (RulePackError, SelectionError) as error:
        raise UsageFailure(str(error)) from None


def _base_context(config: Config) -> Context:
    """The run's plugins and registry, built once: `check` narrows it to the selected rules
    rather than building it a second time (building it is most of a one-file run)."""
    try:
        return build_context(RunSpec(config_path=str(config.path) if config.path else None, rule_codes=()), config)
    except (RulePackError, SelectionError) as error:
        raise UsageFailure(str(error)) from None


def _check_config_codes(registry: Registry, config: Config) -> None:
    """A code the config names must exist: a typo is an error naming the file and key."""
    prefix = "tool.newslint." if config.path is not None and config.path.name == "pyproject.toml" else ""
    named = (("select", config.select), ("ignore", config.ignore), ("extend-select", config.extend_select),
             *((f'per-file-ignores."{pattern}"', codes) for pattern, codes in config.per_file_ignores))
    for key, codes in named:
        try:
            registry.select(select=codes)
        except SelectionError as error:
            raise UsageFailure(f"{config.path}: {prefix}{key}: {error}") from None
    known = {rule.code for rule in registry.rules}
    for code in config.severity:
        if code not in known:
            raise UsageFailure(f"{config.path}: {prefix}severity.{code}: unknown rule code; expected one like NL101 "
                               "(see 'newslint rules')")


def _select(registry: Registry, config: Config, select: Sequence[str], ignore: Sequence[str],
            extend_select: Sequence[str]) -> tuple[Rule, ...]:
    _check_config_codes(registry, config)
    try:
        return registry.select(
            select=_split_codes(select) or config.select,
            ignore=(*config.ignore, *_split_codes(ignore)),
            extend_select=(*config.extend_select, *_split_codes(extend_select)),
        )
    except SelectionError as error:
        raise UsageFailure(str(error)) from None


def iter_files(paths: Sequence[str], registry: Registry, config: Config) -> Iterator[tuple[str, str | None]]:
    """(path, error) for each file to check, once however often it is named (by the
    first name given); directories are walked for known extensions."""
    seen: set[str] = set()
    for path, error in _named_files(paths, registry, config):
        if error is None:
            identity = os.path.normcase(os.path.realpath(path))
            if identity in seen:
                continue
            seen.add(identity)
        yield path, error


def _named_files(paths: Sequence[str], registry: Registry, config: Config) -> Iterator[tuple[str, str | None]]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
                for name in sorted(files):
                    candidate = os.path.join(root, name)
                    if registry.reader_for(candidate) is not None and not config.excludes(candidate):
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


def exit_code_for(report: Report) -> ExitCode:
    if any(result.crashed for result in report.results):
        return ExitCode.INTERNAL
    if report.errors:
        return ExitCode.USAGE
    if any(item.finding.severity is Severity.ERROR for item in report.findings):
        return ExitCode.FINDINGS
    return ExitCode.CLEAN


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newslint")
def main() -> None:
    """Lint news articles for scraper artifacts, duplicated captions, inconsistent
    number and unattributed figures."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", default="text", show_default=True,
              help="Output format: text, json, github, sarif, junit (plugins may add more).")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes (comma-separated).")
@click.option("--extend-select", multiple=True, help="Add these codes to the selection.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: discovered).")
@click.option("--stdin-filename", help="Read the article from stdin; this name picks the reader and is reported.")
@click.option("--input-format", help="Read every file with this reader, whatever its name or shape "
                                     "(see 'newslint readers').")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes (findings marked [*]) to the files.")
@click.option("--diff", is_flag=True,
              help="Print a unified diff of what --fix would change and write nothing; exit 1 if anything would.")
@click.option("--statistics", is_flag=True, help="Print a count of findings per rule instead of the findings.")
@click.option("--report-unused-suppressions", is_flag=True,
              help="Report newslint-disable comments that suppressed nothing (rule NL001).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of CPUs); used only when more than 8 files need checking.")
@click.option("--no-cache", is_flag=True, envvar="NEWSLINT_NO_CACHE", help="Neither read nor write the cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), envvar="NEWSLINT_CACHE_DIR",
              help="Cache directory (default: .newslint_cache beside the config file, else in the working directory).")
@click.option("--time-budget", type=click.FloatRange(min=0), default=DEFAULT_BUDGET.seconds, show_default=True,
              help=f"Seconds one rule may spend on one file (plus {DEFAULT_BUDGET.per_megabyte:g} s per million "
                   "characters) before it is stopped and reported as NL000; 0 turns the budget off.")
def check(paths: tuple[str, ...], output_format: str, select: tuple[str, ...], ignore: tuple[str, ...],
          extend_select: tuple[str, ...], config_path: str | None, stdin_filename: str | None,
          exit_zero: bool, time_budget: float, fix: bool, diff: bool, statistics: bool,
          report_unused_suppressions: bool, jobs: int | None, no_cache: bool, cache_dir: str | None,
          input_format: str | None) -> None:
    """Check articles (files, directories, or - for stdin)."""
    if not paths and stdin_filename is None:
        raise UsageFailure("no paths given (use 'newslint check PATH...' or '--stdin-filename NAME' with stdin)")
    if "-" in paths and stdin_filename is None:
        raise UsageFailure("'-' reads stdin and needs --stdin-filename NAME (its extension picks the reader)")
    config = _load_config(config_path, paths)
    base = _base_context(config)
    registry = base.registry
    formatter = registry.formatters.get(output_format)
    if formatter is None:
        raise UsageFailure(f"unknown format {output_format!r}; expected one of {', '.join(sorted(registry.formatters))}")
    if input_format is not None and registry.reader_named(input_format) is None:
        names = ", ".join(sorted({reader.name for reader in registry.all_readers()}))
        raise UsageFailure(f"unknown input format {input_format!r}; expected one of {names} (see 'newslint readers')")
    rules = _select(registry, config, select, ignore, extend_select)
    budget = TimeBudget(time_budget, DEFAULT_BUDGET.per_megabyte) if time_budget > 0 else None

    selectors = (*_split_codes(select), *_split_codes(extend_select), *config.select, *config.extend_select)
    rules = with_unused_reporting(rules, registry.rules, report_unused_suppressions, selectors)
    mode = Mode.DIFF if diff else Mode.FIX if fix else Mode.CHECK
    spec = RunSpec(config_path=str(config.path) if config.path else None, rule_codes=tuple(r.code for r in rules),
                   mode=mode, budget=budget, input_format=input_format)
    context = replace(base, rules=registry.with_codes(spec.rule_codes), mode=mode, budget=budget,
                      input_format=input_format)

    use_stdin = stdin_filename is not None and (not paths or paths == ("-",))
    if use_stdin:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)  # enough to refuse an oversized input, never more
        outcomes = [process_bytes(context, stdin_filename or "-", data, write=False)]
    else:
        files = list(iter_files([p for p in paths if p != "-"], registry, config))
        cache_root = None if no_cache else Path(cache_dir) if cache_dir else default_cache_dir(config.path)
        outcomes = _check_files(files, spec, context, jobs or default_jobs(), cache_root)

    report = Report(results=tuple(outcome.result for outcome in outcomes), rules=rules)
    code = _emit(report, outcomes, mode, formatter, statistics=statistics, as_json=output_format == "json",
                 stdin_data=data if use_stdin else None)
    sys.exit(ExitCode.CLEAN if exit_zero and code is ExitCode.FINDINGS else code)


def _check_files(files: list[tuple[str, str | None]], spec: RunSpec, context: Context, jobs: int,
                 cache_root: Path | None) -> list[FileOutcome]:
    cache = open_run_cache(context, cache_root) if cache_root is not None else None
    try:
        with progress(len(files)) as advance:
            outcomes = run_files(files, spec, context, jobs, cache, advance)
    except WorkerFailure as failure:
        click.echo(f"newslint: error: {failure}", err=True)
        sys.exit(ExitCode.INTERNAL)
    warning = cache.save() if cache is not None else None
    if warning:
        click.echo(f"newslint: warning: {warning}", err=True)
    return outcomes


def _emit(report: Report, outcomes: Sequence[FileOutcome], mode: Mode, formatter: Formatter, *,
          statistics: bool, as_json: bool, stdin_data: bytes | None) -> ExitCode:
    """Print what the run found (or changed) and return the exit code."""
    for result in report.errors:
        click.echo(f"newslint: error: {result.path}: {result.error}", err=True)
    fix_errors = [outcome for outcome in outcomes if outcome.fix_error]
    for outcome in fix_errors:
        click.echo(f"newslint: error: {outcome.result.path}: {outcome.fix_error}", err=True)
    fixed = sum(outcome.fixed for outcome in outcomes)
    changed = sum(1 for outcome in outcomes if outcome.fixed)
    code = exit_code_for(report)
    if fix_errors and code < ExitCode.USAGE:
        code = ExitCode.USAGE
    if mode is Mode.DIFF:
        click.echo("".join(outcome.diff for outcome in outcomes), nl=False)
        click.echo(f"Would fix {_count(fixed, 'finding')} in {_count(changed, 'file')}.", err=True)
        return code if code >= ExitCode.USAGE else ExitCode.FINDINGS if changed else ExitCode.CLEAN
    if mode is Mode.FIX and stdin_data is not None:  # like ruff: the fixed article on stdout
        sys.stdout.buffer.write(outcomes[0].fixed_bytes or stdin_data)
    elif statistics:
        click.echo(render_statistics(count_by_rule(report.findings), as_json=as_json), nl=False)
    else:
        click.echo(formatter.format(report), nl=False)
    if mode is Mode.FIX:
        remaining = len(report.findings)
        click.echo(f"Fixed {_count(fixed, 'finding')} in {_count(changed, 'file')} ({remaining} remaining).", err=True)
    return code


def _implementation_lines(implementation: Implementation) -> list[str]:
    kind = f"kind {implementation.kind!r}, " if implementation.kind else "a Python rule, "
    lines = [f"Implemented by: {kind}in module {implementation.module}"]
    return lines + [f"Declared in: {path}" for path in implementation.files]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
@click.option("--verbose", "-v", is_flag=True, help="Also name the kind, module and files behind each rule.")
def list_rules(output_format: str, config_path: str | None, verbose: bool) -> None:
    """List every available rule: code, name, severity, fixable, plugin (with --verbose,
    the kind, module and files that implement it)."""
    import json

    registry = _registry(_load_config(config_path, ()))
    if output_format == "json":
        rows = [{"code": r.code, "name": r.name, "severity": r.severity.value, "fixable": r.fixable,
                 "plugin": r.origin, "summary": r.doc.summary, "opt_in": r.code in registry.opt_in,
                 **(_implementation_fields(registry, r) if verbose else {})}
                for r in registry.rules]
        click.echo(json.dumps(rows, indent=2))
        return
    width = max((len(r.name) for r in registry.rules), default=4)
    click.echo(f"{'CODE':<6} {'NAME':<{width}} {'SEVERITY':<8} {'FIX':<3} PLUGIN")
    for rule in registry.rules:
        fix = "yes" if rule.fixable else "-"
        opt_in = " (opt-in)" if rule.code in registry.opt_in else ""
        click.echo(f"{rule.code:<6} {rule.name:<{width}} {rule.severity.value:<8} {fix:<3} {rule.origin}{opt_in}")
        implementation = registry.implementations.get(rule.code)
        if verbose and implementation is not None:
            click.echo("".join(f"       {line}\n" for line in _implementation_lines(implementation)), nl=False)


def _implementation_fields(registry: Registry, rule: Rule) -> dict[str, object]:
    implementation = registry.implementations.get(rule.code)
    if implementation is None:
        return {}
    return {"kind": implementation.kind, "module": implementation.module, "files": list(implementation.files)}


@main.command("readers")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def list_readers(config_path: str | None) -> None:
    """List every reader: name, the extensions it claims, and its module."""
    registry = _registry(_load_config(config_path, ()))
    readers = registry.all_readers()
    width = max((len(reader.name) for reader in readers), default=4)
    click.echo(f"{'NAME':<{width}} {'EXTENSIONS':<28} MODULE")
    for reader in readers:
        module = reader.module if isinstance(reader, DeferredReader) else type(reader).__module__
        click.echo(f"{reader.name:<{width}} {' '.join(reader.extensions):<28} {module}")


@main.command()
@click.argument("code")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def explain(code: str, config_path: str | None) -> None:
    """Show a rule's documentation and examples."""
    registry = _registry(_load_config(config_path, ()))
    rule = registry.rule(code)
    if rule is None:
        raise UsageFailure(f"unknown rule code {code!r} (see 'newslint rules')")
    click.echo(render_explanation(rule, registry.implementations.get(rule.code), rule.code in registry.opt_in),
               nl=False)


def render_explanation(rule: Rule, implementation: Implementation | None = None, opt_in: bool = False) -> str:
    doc = rule.doc
    facts = f"Severity: {rule.severity.value}. Fixable: {'yes' if rule.fixable else 'no'}. Plugin: {rule.origin}."
    if rule.language == ENGLISH:
        facts += " English only: skipped on articles in other languages."
    if opt_in:
        facts += f" Opt-in: it runs only when selected by its code (--select {rule.code} or --extend-select {rule.code})."
    parts = [f"{rule.code} ({rule.name})", "", facts]
    if implementation is not None:
        parts += ["", *_implementation_lines(implementation)]
    parts += ["", "## What it does", doc.summary]
    if doc.why:
        parts += ["", "## Why it matters", doc.why]
    for flagged, title in ((True, "## Flagged"), (False, "## Left alone")):
        chosen = [example for example in doc.examples if example.flagged is flagged]
        if chosen:
            parts += ["", title]
            for example in chosen:
                parts += ["", *("    " + line for line in example.text.rstrip("\n").splitlines())]
    if doc.notes:
        parts += ["", "## Notes", doc.notes]
    return "\n".join(parts) + "\n"
