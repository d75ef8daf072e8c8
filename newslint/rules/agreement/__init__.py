"""NL3xx consistency: one collective subject, one grammatical number.

Modules: `rules` (the ``collective-number``, ``organisation-who``, ``singular-body`` and
``likely-number-slip`` kinds, NL301 to NL304), `analysis` (finding subjects and their number-marked
uses), `possessive_model` (NL304's learned score of a "they"/"their" after a singular body),
`lexicon` (the word lists' shape, read from ``lexicons/agreement.toml``). The rule files ``NL3xx-*.toml`` beside
them are this family's rule pack.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newslint.hookspecs import hookimpl
from newslint.rules.agreement import rules

RULE_PACK = Path(__file__).parent


@hookimpl
def newslint_rule_kinds() -> dict[str, Any]:
    return {**rules.KINDS}


@hookimpl
def newslint_rule_packs() -> list[Path]:
    return [RULE_PACK]
