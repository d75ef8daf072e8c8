"""A fresh set of scraped pages for the page-furniture rules (NL1xx, NL2xx): 30 real English pages
outside every furniture set so far, turned into text exactly as the ``scraped`` set is and labelled
blind in ``bench/labels/furniture-fresh.tsv``, to judge a furniture change (issue #13's learned
model) on pages no rule was ever tuned on or run on before its labels were committed.

    python bench/fresh_pages.py build      # write the texts under bench/.sets/fresh/
    python bench/fresh_pages.py ids        # one line per page: id, text path
    python bench/fresh_pages.py show ID    # the text, each line prefixed 'offset|'
    python bench/fresh_pages.py find ID SNIPPET [--nth N]  # start and end (end exclusive)
    python bench/fresh_pages.py measure [--show fn,fp]

Pick: 15 Zyte benchmark and 15 newspaper pages (English and not synthetic per the corpus
manifest), ranked by a hash of the id with this set's own salt; Readability has no English page
left outside the earlier sets, so it gives none. The pages excluded are the ``scraped`` set's,
every page of extra_pages.py's ``extra_ids()``, the held-out pages of bench/heldout_furniture.py,
the pages of bench/validation_pages.py and those of bench/extra2_pages.py. ``measure`` scores the
findings exactly as bench/evaluate.py scores the furniture family (``evaluate.score_spans``); a
finding that overlaps no label counts as correct only when ``bench/labels/verdicts-fresh.tsv``
judges it ``tp``.
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
from extra2_pages import extra2_ids
from extra_pages import SOURCES, extra_ids
from heldout_furniture import heldout_furniture_ids
from label_tool import label_set_main
from validation_pages import validation_ids

SET_NAME = "fresh"
PER_SOURCE = {"readability": 0, "article-extraction-benchmark": 15, "newspaper": 15}
SALT = "fresh:"
LABEL_FILE = "furniture-fresh.tsv"


def fresh_ids() -> list[str]:
    """PER_SOURCE[source] pages of each source in SOURCES' order, ranked with SALT, from the pages
    no earlier furniture set has taken."""
    taken = (set(scraped_ids()) | set(extra_ids()) | set(heldout_furniture_ids()) | set(validation_ids())
             | set(extra2_ids()))
    ids: list[str] = []
    for source in SOURCES:
        ids += pick_pages((source,), taken, PER_SOURCE[source], SALT)
    return ids


def main(argv: list[str] | None = None) -> int:
    return label_set_main(argv, __doc__.split("\n\n")[0], "bench/fresh_pages.py", "furniture", LABEL_FILE, SET_NAME,
                          fresh_ids, lambda article: page_text(article.id))


if __name__ == "__main__":
    sys.exit(main())
