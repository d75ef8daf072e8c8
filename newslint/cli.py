"""The ``newslint`` command."""

from __future__ import annotations

import functools
import gc
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from pathlib import Path
from typing import IO, Any

import click

from newslint.budget import DEFAULT_BUDGET, TimeBudget
from newslint.cache import default_cache_dir
from newslint.config import Config, ConfigError, ConfigResolver, load
from newslint.decode import MAX_BYTES, InputError, decode
from newslint.document import Document
from newslint.engine import FileResult
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
from newslint.ruletest import example_failures, rules_declared_in
from newslint.settings import CommandLineSelection, render_settings, selected_rules
from newslint.statistics import count_by_rule, render_statistics
from newslint.suppression import with_unused_reporting
from newslint.text.language import ENGLISH
from newslint.text.pattern_store import process_store
from newslint.version import __version__
from newslint.walk import iter_files, repository_of

LEVEL = click.Choice([severity.value for severity in Severity], case_sensitive=False)
HELP_AS_ERROR: tuple[type[click.UsageError], ...] = tuple(
    getattr(click.exceptions, name) for name in ("NoArgsIsHelpError",) if hasattr(click.exceptions, name))
STATISTICS_FORMATS = ("text", "json")  # the formats --statistics can print its table in


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


# Allocations between young-generation collections (CPython's default is 700).
GC_YOUNG_THRESHOLD = 20_000


def _split_codes(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


def _load_config(config_path: str | None) -> Config:
    """The config of a command that checks no file: --config, else the nearest above the working directory."""
    return _config_for(_resolver(config_path), Path.cwd())


def _registry(config: Config, extra_packs: Sequence[Path] = ()) -> Registry:
    try:
        return build_registry(plugin_manager(), (*config.rule_packs, *extra_packs))
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


@dataclass(frozen=True)
class RunOptions:
    """What the command line says about every file of a run, whatever its config."""

    command_line: CommandLineSelection
    report_unused: bool
    mode: Mode
    budget: TimeBudget | None
    input_format: str | None
    min_severity: Severity | None  # --min-severity, which replaces each config's

    def threshold_for(self, config: Config) -> Severity | None:
        """Below it findings of a file `config` governs are hidden, and --fix leaves their text alone."""
        return self.min_severity or config.min_severity


class RunContexts:
    """One `RunSpec` and `Context` per config file of a run, built when a file first needs
    it; the registry is rebuilt only for a config whose rule packs differ."""

    def __init__(self, base: Context, options: RunOptions):
        self.options = options
        self._by_packs: dict[tuple[Path, ...], Context] = {base.config.rule_packs: base}
        self._prepared: dict[Path | None, tuple[RunSpec, Context]] = {}

    def for_config(self, config: Config) -> tuple[RunSpec, Context]:
        if config.path not in self._prepared:
            self._prepared[config.path] = self._prepare(config)
        return self._prepared[config.path]

    def rules(self) -> tuple[Rule, ...]:
        """Every rule some file of the run is checked with, by code."""
        by_code = {rule.code: rule for _, context in self._prepared.values() for rule in context.rules}
        return tuple(by_code[code] for code in sorted(by_code))

    def _prepare(self, config: Config) -> tuple[RunSpec, Context]:
        base = self._by_packs.get(config.rule_packs)
        if base is None:
            base = self._by_packs[config.rule_packs] = _base_context(config)
        registry, options = base.registry, self.options
        _check_config_codes(registry, config)
        try:
            rules = selected_rules(registry, config, options.command_line)
        except SelectionError as error:
            raise UsageFailure(str(error)) from None
        rules = with_unused_reporting(rules, registry.rules, options.report_unused,
                                      options.command_line.selectors(config))
        spec = RunSpec(config_path=str(config.path) if config.path else None, rule_codes=tuple(r.code for r in rules),
                       mode=options.mode, budget=options.budget, input_format=options.input_format,
                       fix_threshold=options.threshold_for(config))
        context = replace(base, config=config, rules=registry.with_codes(spec.rule_codes), mode=options.mode,
                          budget=options.budget, input_format=options.input_format,
                          fix_threshold=options.threshold_for(config))
        return spec, context


def exit_code_for(report: Report) -> ExitCode:
    if any(result.crashed for result in report.results):
        return ExitCode.INTERNAL
    if report.errors:
        return ExitCode.USAGE
    if any(report.fails(item) for item in report.findings):
        return ExitCode.FINDINGS
    return ExitCode.CLEAN


def at_or_above(result: FileResult, threshold: Severity | None) -> FileResult:
    """`result` with the findings below `threshold` left out (``min-severity``)."""
    if threshold is None:
        return result
    return replace(result, findings=tuple(item for item in result.findings if item.finding.severity.at_least(threshold)))


def repository_root(start: Path, config: Config) -> Path:
    """Where CI formats' relative paths start: the git repository holding `start`, else the
    config file's directory, else the working directory."""
    repository = repository_of(str(start.resolve()))
    if repository is not None:
        return Path(repository)
    return (config.path.parent if config.path else Path.cwd()).resolve()


def use_colour(choice: str, stream: IO[str] | None) -> bool:
    """``--color``: always, never, or (auto) on a terminal unless ``NO_COLOR`` is set."""
    if choice != "auto":
        return choice == "always"
    return not os.environ.get("NO_COLOR") and stream is not None and stream.isatty()


def source_reader(registry: Registry, input_format: str | None,
                  stdin: tuple[str, bytes] | None) -> Callable[[str], Document | None]:
    """The decoded text of a checked file, read again (once) for the formats that show or hash
    it; for stdin, the bytes read. Decoded as the check decoded it (a markup-declared charset
    only for a reader that honours one)."""
    @functools.cache
    def source(path: str) -> Document | None:
        forced = registry.reader_named(input_format) if input_format else None
        readers = (forced,) if forced is not None else registry.readers_for(path)
        try:
            data = stdin[1] if stdin is not None and path == stdin[0] else Path(path).read_bytes()
            text = decode(data, html=bool(readers) and readers[0].charset_in_markup).text
        except (OSError, InputError):
            return None
        return Document(path=path, source=text, format="")
    return source


class OneLineUsageErrors(click.Group):
    """Click's usage errors (an unknown option, a bad value) as one line, exit 2, like every
    other newslint error, instead of Click's usage text, hint and message. A bare
    ``newslint`` still prints the help."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            raise _one_line(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            raise _one_line(error) from None


def _one_line(error: click.UsageError) -> click.ClickException:
    if isinstance(error, HELP_AS_ERROR):  # Click (8.2 on) raises the help of a bare command as an error
        return error
    command = error.ctx.command_path if error.ctx is not None else "newslint"
    return UsageFailure(f"{error.format_message()} (see '{command} --help')")


@click.group(cls=OneLineUsageErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newslint")
def main() -> None:
    """Lint news articles for scraper artifacts, duplicated captions, inconsistent
    number and unattributed figures."""
    # Start-up creates thousands of long-lived objects (rule classes, lexicons, compiled
    # patterns); the default thresholds would scan them dozens of times before the first
    # article is read. Collections still run, an order of magnitude less often.
    gc.set_threshold(GC_YOUNG_THRESHOLD)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", default="text", show_default=True,
              help="Output format: text, json, github, sarif, junit, gitlab, rdjson (plugins may add more).")
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
@click.option("--no-cache", is_flag=True, envvar="NEWSLINT_NO_CACHE",
              help="Neither read nor write the findings cache (the compiled-pattern store is separate: "
                   "NEWSLINT_PATTERN_STORE=off).")
@click.option("--cache-dir", type=click.Path(file_okay=False), envvar="NEWSLINT_CACHE_DIR",
              help="Cache directory (default: .newslint_cache beside the config file, else in the working directory).")
@click.option("--time-budget", type=click.FloatRange(min=0), default=DEFAULT_BUDGET.seconds, show_default=True,
              help=f"Seconds one rule may spend on one file (plus {DEFAULT_BUDGET.per_megabyte:g} s per million "
                   "characters) before it is stopped and reported as NL000; 0 turns the budget off.")
@click.option("--force-exclude", is_flag=True,
              help="Apply exclude and extend-exclude to files named on the command line too (for pre-commit).")
@click.option("--respect-gitignore/--no-respect-gitignore", default=True, show_default=True,
              help="Skip what .gitignore files ignore when walking directories.")
@click.option("--show-files", is_flag=True, help="Print the files the run would check, and check nothing.")
@click.option("--show-settings", is_flag=True,
              help="Print the settings for the first path and where each comes from, and check nothing.")
@click.option("--min-severity", type=LEVEL, help="Report only findings at or above this severity "
              "(config: min-severity); hidden findings never fail the run.  [default: info]")
@click.option("--fail-on", type=LEVEL, help="Exit 1 when a finding at or above this severity is reported "
              "(config: fail-on).  [default: error]")
@click.option("--color", "colour", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text output; auto: on a terminal, unless NO_COLOR is set.")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings and nothing else (no summary).")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, writable=True),
              help="Write the output to this file instead of stdout.")
@click.option("--show-source", is_flag=True, help="Text output: show the source line under each finding, "
              "with carets under the flagged span.")
def check(paths: tuple[str, ...], output_format: str, select: tuple[str, ...], ignore: tuple[str, ...],
          extend_select: tuple[str, ...], config_path: str | None, stdin_filename: str | None,
          exit_zero: bool, time_budget: float, fix: bool, diff: bool, statistics: bool,
          report_unused_suppressions: bool, jobs: int | None, no_cache: bool, cache_dir: str | None,
          input_format: str | None, force_exclude: bool, respect_gitignore: bool, show_files: bool,
          show_settings: bool, min_severity: str | None, fail_on: str | None, colour: str, quiet: bool,
          output_file: str | None, show_source: bool) -> None:
    """Check articles (files, directories, or - for stdin). Each file is checked with the
    nearest config above it, unless --config names one."""
    if not paths and stdin_filename is None:
        raise UsageFailure("no paths given (use 'newslint check PATH...' or '--stdin-filename NAME' with stdin)")
    if "-" in paths and stdin_filename is None:
        raise UsageFailure("'-' reads stdin and needs --stdin-filename NAME (its extension picks the reader)")
    named = [path for path in paths if path != "-"]
    if stdin_filename is not None and named:
        raise UsageFailure(f"--stdin-filename checks stdin, so give no paths (or '-'), not {named[0]!r}")
    resolver = _resolver(config_path)
    first = Path(stdin_filename) if stdin_filename is not None else Path(paths[0])
    config = _config_for(resolver, first)  # a path that does not exist: the nearest config above it
    base = _base_context(config)
    registry = base.registry
    formatter = registry.formatters.get(output_format)
    if formatter is None:
        raise UsageFailure(f"unknown format {output_format!r}; expected one of {', '.join(sorted(registry.formatters))}")
    if statistics and output_format not in STATISTICS_FORMATS:
        raise UsageFailure(f"--statistics prints a table of counts, which --format {output_format} cannot hold; "
                           "use --format text or json with it")
    if input_format is not None and registry.reader_named(input_format) is None:
        names = ", ".join(sorted({reader.name for reader in registry.all_readers()}))
        raise UsageFailure(f"unknown input format {input_format!r}; expected one of {names} (see 'newslint readers')")
    budget = TimeBudget(time_budget, DEFAULT_BUDGET.per_megabyte) if time_budget > 0 else None
    mode = Mode.DIFF if diff else Mode.FIX if fix else Mode.CHECK
    command_line = CommandLineSelection(_split_codes(select), _split_codes(ignore), _split_codes(extend_select))
    options = RunOptions(command_line, report_unused_suppressions, mode, budget, input_format,
                         Severity.parse(min_severity) if min_severity else None)
    failing = Severity.parse(fail_on) if fail_on else None
    contexts = RunContexts(base, options)
    _, context = contexts.for_config(config)  # the first path's config: its errors stop the run at once
    if show_settings:
        shown = stdin_filename if stdin_filename is not None else paths[0]
        click.echo(render_settings(shown, config, command_line, context.rules_for(shown), config_path is not None),
                   nl=False)
        sys.exit(ExitCode.CLEAN)

    use_stdin = stdin_filename is not None
    if show_files and stdin_filename is not None:
        click.echo(stdin_filename)
        sys.exit(ExitCode.CLEAN)
    if use_stdin:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)  # enough to refuse an oversized input, never more
        if force_exclude and config.excludes(stdin_filename or "-"):  # as ruff: editors pipe excluded files too
            if mode is Mode.FIX:
                sys.stdout.buffer.write(data)
                sys.exit(ExitCode.CLEAN)
            use_stdin, outcomes = False, []
        else:
            outcomes = [process_bytes(context, stdin_filename or "-", data, write=False)]
        governing = {stdin_filename or "-": config}
    else:
        try:
            files = list(iter_files(named, registry, resolver, respect_gitignore=respect_gitignore,
                                    force_exclude=force_exclude))
            groups = _group_by_config(files, resolver, config)
        except ConfigError as error:
            raise UsageFailure(str(error)) from None
        if show_files:
            sys.exit(_show_files(files))
        governing = {path: group for group, members in groups for _, (path, _) in members}
        caches = None if no_cache else Path(cache_dir) if cache_dir else default_cache_dir
        outcomes = _check_groups(groups, contexts, jobs or default_jobs(), caches)
    process_store().save()  # the patterns this run compiled, for the next one to start sooner

    stdin = (stdin_filename or "-", data) if use_stdin else None
    output = _open_output(output_file)
    report = Report(
        results=tuple(at_or_above(outcome.result, options.threshold_for(governing.get(outcome.result.path, config)))
                      for outcome in outcomes),
        rules=contexts.rules(),
        fail_on=failing or config.fail_on or Severity.ERROR,
        fail_on_by_path={path: failing or governed.fail_on or Severity.ERROR for path, governed in governing.items()},
        root=repository_root(Path(paths[0]) if paths and paths[0] != "-" else Path.cwd(), config),
        source=source_reader(registry, input_format, stdin),
        color=use_colour(colour, output or sys.stdout), show_source=show_source, quiet=quiet)
    try:
        code = _emit(report, outcomes, mode, formatter, statistics=statistics, as_json=output_format == "json",
                     stdin_data=data if use_stdin else None, output=output)
    finally:
        if output is not None:
            output.close()
    sys.exit(ExitCode.CLEAN if exit_zero and code is ExitCode.FINDINGS else code)


def _resolver(config_path: str | None) -> ConfigResolver:
    try:
        return ConfigResolver(load(Path(config_path)) if config_path is not None else None)
    except ConfigError as error:
        raise UsageFailure(str(error)) from None


def _config_for(resolver: ConfigResolver, path: Path) -> Config:
    try:
        return resolver.for_path(path)
    except ConfigError as error:
        raise UsageFailure(str(error)) from None


IndexedFile = tuple[int, tuple[str, str | None]]  # a file's place in the run, its path and why it cannot be read


def _group_by_config(files: Sequence[tuple[str, str | None]], resolver: ConfigResolver,
                     first: Config) -> list[tuple[Config, list[IndexedFile]]]:
    """The files grouped by the config that governs each, in the order the configs are
    first needed; a file that cannot be read goes with `first`."""
    groups: dict[Path | None, tuple[Config, list[IndexedFile]]] = {}
    for index, (path, error) in enumerate(files):
        config = first if error is not None else resolver.for_path(path)
        groups.setdefault(config.path, (config, []))[1].append((index, (path, error)))
    return list(groups.values())


def _show_files(files: Sequence[tuple[str, str | None]]) -> ExitCode:
    for path, error in files:
        if error is None:
            click.echo(path)
        else:
            click.echo(f"newslint: error: {path}: {error}", err=True)
    return ExitCode.USAGE if any(error is not None for _, error in files) else ExitCode.CLEAN


def _check_groups(groups: Sequence[tuple[Config, Sequence[IndexedFile]]], contexts: RunContexts, jobs: int,
                  caches: Path | Callable[[Path | None], Path] | None) -> list[FileOutcome]:
    """Each group checked with its config's rules, cached under its own fingerprint (in
    `caches`, or the directory it gives for the config file, or nowhere); the outcomes
    in the files' order, whatever the grouping."""
    outcomes: dict[int, FileOutcome] = {}
    written: set[Path] = set()  # this run's cache files, which a later group's pruning must spare
    with progress(sum(len(members) for _, members in groups)) as advance:
        for config, members in groups:
            spec, context = contexts.for_config(config)
            cache_root = caches(config.path) if callable(caches) else caches
            checked = _check_files([file for _, file in members], spec, context, jobs, cache_root, advance, written)
            outcomes.update(zip((index for index, _ in members), checked))
    return [outcomes[index] for index in sorted(outcomes)]


def _open_output(output_file: str | None) -> IO[str] | None:
    if output_file is None:
        return None
    try:
        return open(output_file, "w", encoding="utf-8", errors="surrogateescape", newline="")
    except OSError as error:
        raise UsageFailure(f"{output_file}: cannot write the output: {error.strerror or error}") from None


def _check_files(files: list[tuple[str, str | None]], spec: RunSpec, context: Context, jobs: int,
                 cache_root: Path | None, advance: Callable[[int], None], written: set[Path]) -> list[FileOutcome]:
    cache = open_run_cache(context, cache_root) if cache_root is not None else None
    try:
        outcomes = run_files(files, spec, context, jobs, cache, advance)
    except WorkerFailure as failure:
        click.echo(f"newslint: error: {failure}", err=True)
        sys.exit(ExitCode.INTERNAL)
    warning = cache.save(keep=frozenset(written)) if cache is not None else None
    if cache is not None:
        written.add(cache.file)
    if warning:
        click.echo(f"newslint: warning: {warning}", err=True)
    return outcomes


def _emit(report: Report, outcomes: Sequence[FileOutcome], mode: Mode, formatter: Formatter, *,
          statistics: bool, as_json: bool, stdin_data: bytes | None, output: IO[str] | None) -> ExitCode:
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
        click.echo("".join(outcome.diff for outcome in outcomes), file=output, nl=False)
        if not report.quiet:
            click.echo(f"Would fix {_count(fixed, 'finding')} in {_count(changed, 'file')}.", err=True)
        return code if code >= ExitCode.USAGE else ExitCode.FINDINGS if changed else ExitCode.CLEAN
    if mode is Mode.FIX and stdin_data is not None:  # like ruff: the fixed article on stdout
        sys.stdout.buffer.write(outcomes[0].fixed_bytes or stdin_data)
    elif statistics:
        click.echo(render_statistics(count_by_rule(report.findings), as_json=as_json), file=output, nl=False)
    else:
        click.echo(formatter.format(report), file=output, nl=False, color=report.color)
    if mode is Mode.FIX and not report.quiet:
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

    registry = _registry(_load_config(config_path))
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
    registry = _registry(_load_config(config_path))
    readers = registry.all_readers()
    width = max((len(reader.name) for reader in readers), default=4)
    click.echo(f"{'NAME':<{width}} {'EXTENSIONS':<28} MODULE")
    for reader in readers:
        module = reader.module if isinstance(reader, DeferredReader) else type(reader).__module__
        click.echo(f"{reader.name:<{width}} {' '.join(reader.extensions):<28} {module}")


@main.command("test-rules")
@click.argument("packs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def test_rules(packs: tuple[Path, ...], config_path: str | None) -> None:
    """Run the [[examples]] of rule packs (directories or rule files; default: every rule,
    built-in, from plugins and the configured packs). Exit 1 if a bad example is not flagged
    or a good one is."""
    config = _load_config(config_path)
    for pack in packs:
        if not pack.exists():
            raise UsageFailure(f"{pack}: no such rule pack (a directory of rule files, or one rule file)")
    configured = {pack.resolve() for pack in config.rule_packs}
    directories = dict.fromkeys(pack if pack.is_dir() else pack.parent for pack in packs)
    registry = _registry(config, [pack for pack in directories if pack.resolve() not in configured])
    rules = rules_declared_in(registry, packs) if packs else registry.rules
    if not rules:
        raise UsageFailure(f"no rule files in {', '.join(map(str, packs))}")
    failures = example_failures(registry, rules)
    examples = sum(len(rule.doc.examples) for rule in rules)
    for failure in failures:
        click.echo(failure.render())
    if failures:
        failed = len({failure.code for failure in failures})
        click.echo(f"{_count(len(failures), 'failure')} in {_count(failed, 'rule')} "
                   f"({_count(examples, 'example')} of {_count(len(rules), 'rule')} run).")
        sys.exit(ExitCode.FINDINGS)
    click.echo(f"All {_count(examples, 'example')} of {_count(len(rules), 'rule')} passed.")


@main.command()
@click.argument("code")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def explain(code: str, config_path: str | None) -> None:
    """Show a rule's documentation and examples."""
    registry = _registry(_load_config(config_path))
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
