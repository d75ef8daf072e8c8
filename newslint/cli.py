"""The ``newslint`` command."""

from __future__ import annotations

import os
import sys
from enum import IntEnum
from pathlib import Path
from typing import Iterator, Sequence

import click

from newslint import __version__
from newslint.config import Config, ConfigError, discover, load
from newslint.engine import FileResult, check_bytes
from newslint.formats import Report
from newslint.model import Rule, Severity
from newslint.plugins import plugin_manager
from newslint.registry import Registry, SelectionError, build_registry
from newslint.rulepack import RulePackError

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


def _select(registry: Registry, config: Config, select: Sequence[str], ignore: Sequence[str],
            extend_select: Sequence[str]) -> tuple[Rule, ...]:
    try:
        return registry.select(
            select=_split_codes(select) or config.select,
            ignore=(*config.ignore, *_split_codes(ignore)),
            extend_select=(*config.extend_select, *_split_codes(extend_select)),
        )
    except SelectionError as error:
        raise UsageFailure(str(error)) from None


def iter_files(paths: Sequence[str], registry: Registry, config: Config) -> Iterator[tuple[str, str | None]]:
    """(path, error) for each file to check; directories are walked for known extensions."""
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


def _check_path(path: str, registry: Registry, rules: tuple[Rule, ...], config: Config) -> FileResult:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return FileResult(path=path, error=f"cannot read: {error.strerror or error}")
    return check_bytes(path, data, registry, _rules_for(path, rules, config), config.severity)


def _rules_for(path: str, rules: tuple[Rule, ...], config: Config) -> tuple[Rule, ...]:
    ignored = config.ignored_for(path)
    return tuple(r for r in rules if not any(r.code.startswith(code.upper()) for code in ignored)) if ignored else rules


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
              help="Output format: text, json, github (plugins may add more).")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes (comma-separated).")
@click.option("--extend-select", multiple=True, help="Add these codes to the selection.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (default: discovered).")
@click.option("--stdin-filename", help="Read the article from stdin; this name picks the reader and is reported.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
def check(paths: tuple[str, ...], output_format: str, select: tuple[str, ...], ignore: tuple[str, ...],
          extend_select: tuple[str, ...], config_path: str | None, stdin_filename: str | None,
          exit_zero: bool) -> None:
    """Check articles (files, directories, or - for stdin)."""
    if not paths and stdin_filename is None:
        raise UsageFailure("no paths given (use 'newslint check PATH...' or '--stdin-filename NAME' with stdin)")
    config = _load_config(config_path, paths)
    registry = _registry(config)
    formatter = registry.formatters.get(output_format)
    if formatter is None:
        raise UsageFailure(f"unknown format {output_format!r}; expected one of {', '.join(sorted(registry.formatters))}")
    rules = _select(registry, config, select, ignore, extend_select)

    results: list[FileResult] = []
    use_stdin = stdin_filename is not None and (not paths or paths == ("-",))
    if use_stdin:
        name = stdin_filename or "-"
        data = click.get_binary_stream("stdin").read()
        results.append(check_bytes(name, data, registry, _rules_for(name, rules, config), config.severity))
    else:
        for path, error in iter_files([p for p in paths if p != "-"], registry, config):
            results.append(FileResult(path=path, error=error) if error else _check_path(path, registry, rules, config))

    report = Report(results=tuple(results), rules=rules)
    for result in report.errors:
        click.echo(f"newslint: error: {result.path}: {result.error}", err=True)
    click.echo(formatter.format(report), nl=False)
    code = exit_code_for(report)
    sys.exit(ExitCode.CLEAN if exit_zero and code is ExitCode.FINDINGS else code)


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def list_rules(output_format: str, config_path: str | None) -> None:
    """List every available rule: code, name, severity, fixable, plugin."""
    import json

    registry = _registry(_load_config(config_path, ()))
    if output_format == "json":
        rows = [{"code": r.code, "name": r.name, "severity": r.severity.value, "fixable": r.fixable,
                 "plugin": r.origin, "summary": r.doc.summary} for r in registry.rules]
        click.echo(json.dumps(rows, indent=2))
        return
    width = max((len(r.name) for r in registry.rules), default=4)
    click.echo(f"{'CODE':<6} {'NAME':<{width}} {'SEVERITY':<8} {'FIX':<3} PLUGIN")
    for rule in registry.rules:
        fix = "yes" if rule.fixable else "-"
        click.echo(f"{rule.code:<6} {rule.name:<{width}} {rule.severity.value:<8} {fix:<3} {rule.origin}")


@main.command()
@click.argument("code")
@click.option("--config", "config_path", type=click.Path(dir_okay=False))
def explain(code: str, config_path: str | None) -> None:
    """Show a rule's documentation and examples."""
    registry = _registry(_load_config(config_path, ()))
    rule = registry.rule(code)
    if rule is None:
        raise UsageFailure(f"unknown rule code {code!r} (see 'newslint rules')")
    click.echo(render_explanation(rule), nl=False)


def render_explanation(rule: Rule) -> str:
    doc = rule.doc
    parts = [f"{rule.code} ({rule.name})", "",
             f"Severity: {rule.severity.value}. Fixable: {'yes' if rule.fixable else 'no'}. Plugin: {rule.origin}.",
             "", "## What it does", doc.summary]
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
