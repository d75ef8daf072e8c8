"""A sixth set of scraped pages for the page-furniture rules (NL1xx, NL2xx): 24 real English pages
outside every furniture set so far, turned into text exactly as the ``scraped`` set is and labelled
blind in ``bench/labels/furniture-extra3.tsv``. It is tuning data from the day it was made, first
measured blind, once, by the person tuning, and then tuned on.

    python bench/extra3_pages.py build      # write the texts under bench/.sets/extra3/
    python bench/extra3_pages.py ids        # one line per page: id, text path
    python bench/extra3_pages.py show ID    # the text, each line prefixed 'offset|'
    python bench/extra3_pages.py find ID SNIPPET [--nth N]  # start and end (end exclusive)
    python bench/extra3_pages.py measure [--show fn,fp]

Pick: 12 Zyte benchmark and 12 newspaper pages (English and not synthetic per the corpus
manifest; Readability has none left), ranked by a hash of the id with this set's own salt, from
the pages that no earlier furniture set (``scraped``, extra, held-out, validation, extra2, fresh)
holds. The headline model NL112 scores runs with (bench/headline_model.py) was fitted before this
set existed, so these pages' titles and body lines were among its examples. ``measure`` scores the
findings exactly as bench/evaluate.py scores the furniture family (``evaluate.score_spans``); a
finding that overlaps no label counts as correct only when ``bench/labels/verdicts-extra3.tsv``
judges it ``tp``.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from corpus_sets import page_text, pick_later_pages, scraped_ids
from extra2_pages import extra2_ids
from extra_pages import extra_ids
from fresh_pages import fresh_ids
from heldout_furniture import heldout_furniture_ids
from label_tool import label_set_main
from validation_pages import validation_ids

SET_NAME = "extra3"
SOURCES = ("article-extraction-benchmark", "newspaper")
PER_SOURCE = 12
SALT = "extra3:"
LABEL_FILE = "furniture-extra3.tsv"
# the ids of every furniture set made before this one
EARLIER_SETS = (scraped_ids, extra_ids, heldout_furniture_ids, validation_ids, extra2_ids, fresh_ids)


def extra3_ids() -> list[str]:
    """PER_SOURCE pages of each of SOURCES, ranked with SALT, from the pages no earlier furniture set has taken."""
    return pick_later_pages(SOURCES, PER_SOURCE, SALT, *EARLIER_SETS)


def main(argv: list[str] | None = None) -> int:
    return label_set_main(argv, __doc__.split("\n\n")[0], "bench/extra3_pages.py", "furniture", LABEL_FILE, SET_NAME,
                          extra3_ids, lambda article: page_text(article.id))


if __name__ == "__main__":
    sys.exit(main())
