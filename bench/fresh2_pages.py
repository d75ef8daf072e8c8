"""A second fresh set of scraped pages for the page-furniture rules (NL1xx, NL2xx): the last 24
real English pages of the corpus outside every furniture set, turned into text exactly as the
``scraped`` set is and labelled blind in ``bench/labels/furniture-fresh2.tsv``, to judge the
changes tuned on extra3 and extra4 on pages no rule was tuned on or run on before their labels
were committed. It was measured once, then its false findings were read and two precision bugs
fixed from them (so its precision since is tuning-informed); its misses are not tuned on.

    python bench/fresh2_pages.py build      # write the texts under bench/.sets/fresh2/
    python bench/fresh2_pages.py ids        # one line per page: id, text path
    python bench/fresh2_pages.py show ID    # the text, each line prefixed 'offset|'
    python bench/fresh2_pages.py find ID SNIPPET [--nth N]  # start and end (end exclusive)
    python bench/fresh2_pages.py measure [--show fn,fp]

Pick: every English, non-synthetic Zyte benchmark and newspaper page (per the corpus manifest)
that no earlier furniture set (``scraped``, extra, held-out, validation, extra2, fresh, extra3,
extra4) holds: 19 Zyte and 5 newspaper pages. The headline model NL112 scores runs with
(bench/headline_model.py) was fitted before this set existed, so these pages' titles and body
lines were among its examples; no rule or lexicon entry was. ``measure`` scores the findings
exactly as bench/evaluate.py scores the furniture family (``evaluate.score_spans``); a finding
that overlaps no label counts as correct only when ``bench/labels/verdicts-fresh2.tsv`` judges
it ``tp``.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from corpus_sets import page_text, pick_later_pages
from extra4_pages import EARLIER_SETS as BEFORE_EXTRA4
from extra4_pages import extra4_ids
from label_tool import label_set_main

SET_NAME = "fresh2"
SOURCES = ("article-extraction-benchmark", "newspaper")
ALL_LEFT = 1000  # more than either source has: every page left
SALT = "fresh2:"
LABEL_FILE = "furniture-fresh2.tsv"


def fresh2_ids() -> list[str]:
    """Every page of SOURCES that no earlier furniture set has taken, ranked with SALT."""
    return pick_later_pages(SOURCES, ALL_LEFT, SALT, *BEFORE_EXTRA4, extra4_ids)


def main(argv: list[str] | None = None) -> int:
    return label_set_main(argv, __doc__.split("\n\n")[0], "bench/fresh2_pages.py", "furniture", LABEL_FILE, SET_NAME,
                          fresh2_ids, lambda article: page_text(article.id))


if __name__ == "__main__":
    sys.exit(main())
