"""A held-out test set for the attribution rules (NL4xx) that nobody tunes on: 40 real English
article bodies outside the ``bodies`` set and outside the sources of
``bench/labels/review-nl4-extra.tsv``, labelled blind in ``bench/labels/attribution-heldout.tsv``.

    python bench/heldout.py build                   # write the texts under bench/.sets/heldout/
    python bench/heldout.py ids                     # one line per article: id, text path
    python bench/heldout.py show ID                 # the text, each line prefixed 'offset|'
    python bench/heldout.py find ID SNIPPET [--nth N]  # start and end (end exclusive) of SNIPPET
    python bench/heldout.py measure [--opt-in] [--show fn,fp]

Pick: 20 Zyte ground-truth bodies and 20 newspaper texts, with the filters of
``corpus_sets.bodies_ids()`` (English, at least 1,500 characters), ranked by a hash of the id
with this set's own salt, so the choice is reproducible and independent of the other sets' picks.
``measure`` scores the findings exactly as ``bench/evaluate.py`` scores the ``bodies`` set
(``evaluate.score_spans``); a finding that overlaps no label counts as correct only when
``bench/labels/verdicts-heldout.tsv`` judges it ``tp``. Tuning on these figures would make them
tuning figures: read the labels' findings only to report them.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import evaluate
from corpus_sets import (
    _newspaper_texts,
    _pick,
    _zyte_english_keys,
    bodies_ids,
    body_text,
)
from label_tool import label_set_main

SET_NAME = "heldout"
PER_SOURCE = 20
SALT = "heldout:"
ZYTE_PREFIX = "article-extraction-benchmark/ground-truth.json#"
LABEL_FILE = "attribution-heldout.tsv"


def _reviewed_elsewhere() -> set[str]:
    """Article ids already used: the ``bodies`` set and the sources of the NL4xx review sample."""
    return set(bodies_ids()) | {row[1] for row in evaluate._rows("review-nl4-extra.tsv")}


def heldout_ids() -> list[str]:
    taken = _reviewed_elsewhere()
    zyte = [ZYTE_PREFIX + key for key in _zyte_english_keys() if ZYTE_PREFIX + key not in taken]
    newspaper = [path for path in _newspaper_texts() if path not in taken]
    return _pick(zyte, PER_SOURCE, SALT) + _pick(newspaper, PER_SOURCE, SALT)


def main(argv: list[str] | None = None) -> int:
    return label_set_main(argv, __doc__.split("\n\n")[0], "bench/heldout.py", "attribution", LABEL_FILE, SET_NAME,
                          heldout_ids, body_text, opt_in=True)


if __name__ == "__main__":
    sys.exit(main())
