"""A seventh set of scraped pages for the page-furniture rules (NL1xx, NL2xx): 40 real English pages
outside every furniture set so far, turned into text exactly as the ``scraped`` set is and labelled
blind in ``bench/labels/furniture-extra4.tsv``. It is tuning data from the day it was made, first
measured blind, once, by the person tuning, and then tuned on.

    python bench/extra4_pages.py build      # write the texts under bench/.sets/extra4/
    python bench/extra4_pages.py ids        # one line per page: id, text path
    python bench/extra4_pages.py show ID    # the text, each line prefixed 'offset|'
    python bench/extra4_pages.py find ID SNIPPET [--nth N]  # start and end (end exclusive)
    python bench/extra4_pages.py measure [--show fn,fp]

Pick: 20 Zyte benchmark and 20 newspaper pages (English and not synthetic per the corpus
manifest; Readability has none left), ranked by a hash of the id with this set's own salt, from
the pages that no earlier furniture set (``scraped``, extra, held-out, validation, extra2, fresh, extra3)
holds. The headline model NL112 scores runs with (bench/headline_model.py) was fitted before this
set existed, so these pages' titles and body lines were among its examples. ``measure`` scores the
findings exactly as bench/evaluate.py scores the furniture family (``evaluate.score_spans``); a
finding that overlaps no label counts as correct only when ``bench/labels/verdicts-extra4.tsv``
judges it ``tp``.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from corpus_sets import page_text, pick_later_pages
from extra3_pages import EARLIER_SETS as BEFORE_EXTRA3
from extra3_pages import extra3_ids
from label_tool import label_set_main

SET_NAME = "extra4"
SOURCES = ("article-extraction-benchmark", "newspaper")
PER_SOURCE = 20
SALT = "extra4:"
LABEL_FILE = "furniture-extra4.tsv"
EARLIER_SETS = (*BEFORE_EXTRA3, extra3_ids)


def extra4_ids() -> list[str]:
    """PER_SOURCE pages of each of SOURCES, ranked with SALT, from the pages no earlier furniture set has taken."""
    return pick_later_pages(SOURCES, PER_SOURCE, SALT, *EARLIER_SETS)


def main(argv: list[str] | None = None) -> int:
    return label_set_main(argv, __doc__.split("\n\n")[0], "bench/extra4_pages.py", "furniture", LABEL_FILE, SET_NAME,
                          extra4_ids, lambda article: page_text(article.id))


if __name__ == "__main__":
    sys.exit(main())
