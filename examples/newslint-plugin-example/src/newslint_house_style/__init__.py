"""An example newslint plugin: a house-style rule pack.

The rules are declarative files in `rules/`, next to this module; the plugin only
tells newslint where they are. A rule no declarative kind can express would be a
Python object returned from a ``newslint_rules`` hook instead (see the README).
"""

from __future__ import annotations

from pathlib import Path

from newslint import hookimpl

RULES = Path(__file__).parent / "rules"


@hookimpl
def newslint_rule_packs() -> list[Path]:
    return [RULES]
