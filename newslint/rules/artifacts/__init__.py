"""NL1xx artifacts: text the page or a widget put into the article, not the story.

Modules: `pattern` (the ``pattern`` kind: one alternation of an editor's regular
expressions, NL101 and NL103-NL107), `promo` (``promo-link``: promo labels with their links,
NL102), `orphan` (``orphan-fragment``: a stray fragment at the end, NL108), `furniture` (interface
text, calls to action, comment threads, related lists, inline and media promos, embed signatures:
NL109-NL115, with the word lists in ``lexicons/furniture.toml``), `teasers` (related lists,
promos for other stories and page labels found by shape and position: NL112, NL116, NL117),
`furniture_model` (``likely-furniture``: blocks a learned model of page furniture is sure of,
NL118, opt-in, weights in ``lexicons/furniture-model.json``). The rule files
``NL1xx-*.toml`` beside them are this family's rule pack.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newslint.hookspecs import hookimpl
from newslint.rules.artifacts import (
    furniture,
    furniture_model,
    markup,
    orphan,
    pattern,
    promo,
    teasers,
)

RULE_PACK = Path(__file__).parent


@hookimpl
def newslint_rule_kinds() -> dict[str, Any]:
    return {**pattern.KINDS, **promo.KINDS, **orphan.KINDS, **furniture.KINDS, **teasers.KINDS, **markup.KINDS,
            **furniture_model.KINDS}


@hookimpl
def newslint_rule_packs() -> list[Path]:
    return [RULE_PACK]
