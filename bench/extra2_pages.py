"""A fifth set of scraped pages for the page-furniture rules (NL1xx, NL2xx): 28 real English pages
outside every furniture set so far, turned into text exactly as the ``scraped`` set is and labelled
blind in ``bench/labels/furniture-extra2.tsv``. It is tuning data from the day it was made, first
measured blind, once, by the person tuning.

    python bench/extra2_pages.py build      # write the texts under bench/.sets/extra2/
    python bench/extra2_pages.py ids        # one line per page: id, text path
    python bench/extra2_pages.py show ID    # the text, each line prefixed 'offset|'
    python bench/extra2_pages.py find ID SNIPPET [--nth N]  # start and end (end exclusive)
    python bench/extra2_pages.py measure [--show fn,fp]

Pick: 10 Readability, 10 Zyte benchmark and 10 newspaper pages (English and not synthetic per the
corpus manifest), ranked by a hash of the id with this set's own salt; Readability has only 8
pages left, so the set holds 28. The pages excluded are the ``scraped`` set's, every page of
extra_pages.py's ``extra_ids()``, the held-out pages of bench/heldout_furniture.py and the pages of
bench/validation_pages.py. ``measure`` scores the findings exactly as bench/evaluate.py scores the
furniture family (``evaluate.score_spans``); a finding that overlaps no label counts as correct
only when ``bench/labels/verdicts-extra2.tsv`` judges it ``tp``.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from corpus_sets import (
    page_text,
    pick_pages,
    scraped_ids,
)
from extra_pages import SOURCES, extra_ids
from heldout_furniture import heldout_furniture_ids
from label_tool import label_set_main
from validation_pages import validation_ids

SET_NAME = "extra2"
PER_SOURCE = 10
SALT = "extra2:"
LABEL_FILE = "furniture-extra2.tsv"


def extra2_ids() -> list[str]:
    """PER_SOURCE pages a source, ranked with SALT, from the pages no earlier furniture set has taken."""
    taken = set(scraped_ids()) | set(extra_ids()) | set(heldout_furniture_ids()) | set(validation_ids())
    return pick_pages(SOURCES, taken, PER_SOURCE, SALT)


def main(argv: list[str] | None = None) -> int:
    return label_set_main(argv, __doc__.split("\n\n")[0], "bench/extra2_pages.py", "furniture", LABEL_FILE, SET_NAME,
                          extra2_ids, lambda article: page_text(article.id))


if __name__ == "__main__":
    sys.exit(main())
