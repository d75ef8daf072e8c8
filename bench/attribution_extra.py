"""A third set of NL4xx labels: 40 more real English article bodies outside ``bodies``, the
held-out set of ``bench/heldout.py`` and the sources of ``bench/labels/review-nl4-extra.tsv``,
labelled blind in ``bench/labels/attribution-extra.tsv`` before any rule ran on them.

    python bench/attribution_extra.py build                   # texts under bench/.sets/attribution-extra/
    python bench/attribution_extra.py ids                     # one line per article: id, text path
    python bench/attribution_extra.py show ID                 # the text, each line prefixed 'offset|'
    python bench/attribution_extra.py find ID SNIPPET [--nth N]  # start and end (end exclusive)
    python bench/attribution_extra.py measure [--opt-in] [--show fn,fp]

Pick: Zyte ground-truth bodies and newspaper texts with the filters of
``corpus_sets.bodies_ids()`` (English, at least 1,500 characters), ranked by a hash of the id
with this set's own salt (``attribution-extra:``) among the articles no other NL4xx set uses:
up to 20 newspaper texts (only 5 are left outside the other sets) and Zyte bodies for the rest
of the 40 (35; the first 20 of them are the 20 a 20 + 20 pick would take).
``measure`` scores the findings exactly as ``bench/heldout.py measure`` does
(``evaluate.score_label_file``); a finding that overlaps no label counts as correct only when
``bench/labels/verdicts-attribution-extra.tsv`` judges it ``tp``.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from corpus_sets import (
    _newspaper_texts,
    _pick,
    _zyte_english_keys,
    body_text,
)
from heldout import ZYTE_PREFIX, _reviewed_elsewhere, heldout_ids
from label_tool import label_set_main

SET_NAME = "attribution-extra"
PER_SOURCE = 20
TOTAL = 2 * PER_SOURCE
SALT = "attribution-extra:"
LABEL_FILE = "attribution-extra.tsv"


def _taken() -> set[str]:
    """Article ids other NL4xx sets use: ``bodies``, the review sample's sources, the held-out set."""
    return _reviewed_elsewhere() | set(heldout_ids())


def extra_ids() -> list[str]:
    """Up to PER_SOURCE newspaper texts, and Zyte bodies for the rest of TOTAL: only 5 newspaper
    texts are left outside the other sets, so the Zyte ranking goes on to fill the 40."""
    taken = _taken()
    zyte = [ZYTE_PREFIX + key for key in _zyte_english_keys() if ZYTE_PREFIX + key not in taken]
    newspaper = _pick([path for path in _newspaper_texts() if path not in taken], PER_SOURCE, SALT)
    return _pick(zyte, TOTAL - len(newspaper), SALT) + newspaper


def main(argv: list[str] | None = None) -> int:
    return label_set_main(argv, __doc__.split("\n\n")[0], "bench/attribution_extra.py", "attribution", LABEL_FILE, SET_NAME,
                          extra_ids, body_text, opt_in=True)


if __name__ == "__main__":
    sys.exit(main())
