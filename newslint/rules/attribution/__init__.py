"""NL4xx attribution: estimates and figures with no source.

Modules: `rules` (the ``unattributed-claim`` and ``unattributed-figure`` kinds, NL401, and
NL402 and NL403), `scan` (where a paragraph's sources and constructions are), `figures` (which
number phrases are claims), `lexicon` (the word lists' shape, read from
``lexicons/attribution.toml`` and ``lexicons/figures.toml``). The rule files ``NL4xx-*.toml`` beside them are this family's
rule pack.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newslint.hookspecs import hookimpl
from newslint.rules.attribution import rules

RULE_PACK = Path(__file__).parent


@hookimpl
def newslint_rule_kinds() -> dict[str, Any]:
    return {**rules.KINDS}


@hookimpl
def newslint_rule_packs() -> list[Path]:
    return [RULE_PACK]
