"""A held-out test set for the page-furniture rules (NL1xx, NL2xx) that nobody tunes on: 30 real
English pages outside the ``scraped`` set and outside bench/extra_pages.py's tuning pages,
turned into text exactly as the ``scraped`` set is and labelled blind in
``bench/labels/furniture-heldout.tsv``.

    python bench/heldout_furniture.py build      # write the texts under bench/.sets/heldout-furniture/
    python bench/heldout_furniture.py ids        # one line per page: id, text path
    python bench/heldout_furniture.py show ID    # the text, each line prefixed 'offset|'
    python bench/heldout_furniture.py find ID SNIPPET [--nth N]  # start and end (end exclusive)
    python bench/heldout_furniture.py measure [--show fn,fp]

Pick: 15 Zyte benchmark pages and 15 newspaper pages (English and not synthetic per the corpus
manifest), ranked by a hash of the id with this set's own salt. The pages excluded are the
``scraped`` set's and the first EXTRA_PICK a source of extra_pages.py's ranking, a fixed number
so that the extra pick growing up to it never moves a page out of this set. ``measure`` scores the
findings exactly as bench/evaluate.py scores the furniture family (``evaluate.score_spans``); a
finding that overlaps no label counts as correct only when
``bench/labels/verdicts-heldout-furniture.tsv`` judges it ``tp``. Tuning on these figures would
make them tuning figures: read the figures, not the findings.
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
from extra_pages import extra_ids
from label_tool import label_set_main

SET_NAME = "heldout-furniture"
SOURCES = ("article-extraction-benchmark", "newspaper")
PER_SOURCE = 15
SALT = "heldout-furniture:"
EXTRA_PICK = 20  # extra_pages.py's pages a source when this set was made (its third round)
LABEL_FILE = "furniture-heldout.tsv"


def heldout_furniture_ids() -> list[str]:
    return pick_pages(SOURCES, set(scraped_ids()) | set(extra_ids(EXTRA_PICK)), PER_SOURCE, SALT)


def main(argv: list[str] | None = None) -> int:
    return label_set_main(argv, __doc__.split("\n\n")[0], "bench/heldout_furniture.py", "furniture", LABEL_FILE, SET_NAME,
                          heldout_furniture_ids, lambda article: page_text(article.id))


if __name__ == "__main__":
    sys.exit(main())
