"""Every hook a newslint plugin can implement.

newslint's own readers, rule kinds, rules and output formats are plugins registered
through these same hooks (see `newslint.plugins`); a third-party package registers
its module under the ``newslint`` entry-point group::

    [project.entry-points.newslint]
    house_style = "newslint_house_style"

and implements any of the hooks below with ``@newslint.hookimpl``. Each hook is called
on every registered plugin and the results are concatenated (or merged, for mappings).
A specification's own body never runs: pluggy calls the plugins' implementations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from newslint.formats import Formatter
    from newslint.model import Rule, RuleSpec
    from newslint.readers import Reader

hookspec = pluggy.HookspecMarker("newslint")
# Plugins mark their hook functions with this (re-exported as `newslint.hookimpl`).
hookimpl = pluggy.HookimplMarker("newslint")


@hookspec
def newslint_readers() -> Sequence[Reader]:
    """Readers this plugin provides.

    A `Reader` has a `name` (``"html"``), the file `extensions` it claims
    (``(".html", ".htm")``) and ``read(path, source) -> Document``. When two plugins
    claim one extension, the one registered last wins, so a plugin can replace a
    built-in reader.
    """
    raise NotImplementedError


@hookspec
def newslint_rule_kinds() -> Mapping[str, Callable[[RuleSpec], Rule]]:
    """Kinds of check, by name, that declarative rule files can use.

    A kind is a factory taking a validated `RuleSpec` (code, name, severity, message,
    documentation and the kind's own ``options`` table) and returning a `Rule`. It
    raises `ValueError` naming the offending option if the options are wrong; the
    loader reports that with the rule file's path.
    """
    raise NotImplementedError


@hookspec
def newslint_rule_packs() -> Sequence[Path]:
    """Directories of declarative rule files (``*.toml``, one rule per file)."""
    raise NotImplementedError


@hookspec
def newslint_rules() -> Sequence[Rule]:
    """Rules written in Python, for checks no declarative kind expresses."""
    raise NotImplementedError


@hookspec
def newslint_formatters() -> Sequence[Formatter]:
    """Output formats. A `Formatter` has a `name` and ``format(report) -> str``. The `Report`
    holds the findings (already cut to ``--min-severity``), the failing severity
    (`Report.fails`), the repository root CI paths start from (`relative_path`), each file's
    text on demand (`Report.source`) for source lines and `fingerprints`, and the text
    output's settings (colour, source lines, quiet)."""
    raise NotImplementedError
