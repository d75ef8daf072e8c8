"""A tuning set for the attribution rules (NL4xx): 40 more BBC business and politics texts, outside
the unseen BBC set of ``bench/bbc_attribution.py`` and every other file in bench/labels, labelled
blind by a helper who tunes no rule (``bench/labels/bbc2-attribution-*.tsv``). Its misses may be
read.

    python bench/bbc_attribution2.py build                   # write the texts under bench/.sets/bbc-attribution2/
    python bench/bbc_attribution2.py ids                     # one line per article: id, text path
    python bench/bbc_attribution2.py show ID                 # the text, each line prefixed 'offset|'
    python bench/bbc_attribution2.py find ID SNIPPET [--nth N]  # start and end (end exclusive) of SNIPPET
    python bench/bbc_attribution2.py measure [--opt-in] [--show fn,fp]

Pick as ``bench/bbc_attribution.py`` picks, with this set's own salt, among the texts the NL304
model trains on (planted NL3xx sets take theirs from the other quarter, so none can shift this pick). ``measure`` scores the
findings as ``bench/evaluate.py`` scores the ``bodies`` set; a finding that overlaps no label
counts as correct only when ``bench/labels/verdicts-bbc-attribution2.tsv`` judges it ``tp``.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from bbc_attribution import CATEGORIES, _text, bbc_attribution_ids, pick_bbc, used_elsewhere
from corpus_sets import CORPUS
from label_tool import label_set_main
from possessive_model import in_training_quarters

SET_NAME = "bbc-attribution2"
SALT = "bbc-attribution2:"
LABEL_FILES = "bbc2-attribution-*.tsv"
VERDICTS_FILE = "verdicts-bbc-attribution2.tsv"


def _kept_quarter() -> set[str]:
    """The texts the NL304 model keeps out of training, where NL3xx breaks are planted: left out
    so that a later planted set cannot change this set's pick."""
    paths = (str(path.relative_to(CORPUS)) for category in CATEGORIES
             for path in (CORPUS / "bbc-news" / category).glob("*.txt"))
    return {path for path in paths if not in_training_quarters(path)}


def bbc_attribution2_ids() -> list[str]:
    return pick_bbc(used_elsewhere(LABEL_FILES, VERDICTS_FILE) | set(bbc_attribution_ids()) | _kept_quarter(), SALT)


def main(argv: list[str] | None = None) -> int:
    return label_set_main(argv, __doc__.split("\n\n")[0], "bench/bbc_attribution2.py", "attribution", LABEL_FILES,
                          SET_NAME, bbc_attribution2_ids, _text, opt_in=True)


if __name__ == "__main__":
    sys.exit(main())
