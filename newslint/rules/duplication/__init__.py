"""NL2xx duplication: a caption or paragraph that the article already has.

Modules: `caption` (``duplicate-caption``, NL201), `paragraph` (``duplicate-paragraph``,
NL202), `near` (``near-duplicate``, NL203), `sentence` (``repeated-sentence``, NL204) and
`common` (the normalising and sentence tests they share). The rule files ``NL2xx-*.toml`` beside them are this family's rule pack.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newslint.hookspecs import hookimpl
from newslint.rules.duplication import caption, near, paragraph, sentence

RULE_PACK = Path(__file__).parent


@hookimpl
def newslint_rule_kinds() -> dict[str, Any]:
    return {**caption.KINDS, **paragraph.KINDS, **near.KINDS, **sentence.KINDS}


@hookimpl
def newslint_rule_packs() -> list[Path]:
    return [RULE_PACK]
