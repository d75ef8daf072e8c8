"""An unseen set for the attribution rules (NL4xx): 40 BBC business and politics texts that no
NL4xx review, planted set or labelled set has used, labelled blind by helpers who tune no rule
(``bench/labels/bbc-attribution-*.tsv``). Measured only.

    python bench/bbc_attribution.py build                   # write the texts under bench/.sets/bbc-attribution/
    python bench/bbc_attribution.py ids                     # one line per article: id, text path
    python bench/bbc_attribution.py show ID                 # the text, each line prefixed 'offset|'
    python bench/bbc_attribution.py find ID SNIPPET [--nth N]  # start and end (end exclusive) of SNIPPET
    python bench/bbc_attribution.py measure [--opt-in] [--show fn,fp]

Pick: 20 texts of each of bbc-news/business and bbc-news/politics (the categories where public
figures are stated most), outside every file in bench/labels that names a BBC text, ranked by a
hash of the path with this set's own salt. ``measure`` scores the findings exactly as
``bench/evaluate.py`` scores the ``bodies`` set; a finding that overlaps no label counts as
correct only when ``bench/labels/verdicts-bbc-attribution.tsv`` judges it ``tp``.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import evaluate
from corpus_sets import CORPUS, Article, _pick
from label_tool import label_set_main

SET_NAME = "bbc-attribution"
CATEGORIES = ("business", "politics")
PER_CATEGORY = 20
SALT = "bbc-attribution:"
LABEL_FILES = "bbc-attribution-*.tsv"


def used_elsewhere(*own_files: str) -> set[str]:
    """Every BBC path a file in bench/labels other than OWN_FILES (patterns; by default this set's
    labels) names, in any column: reviewed, planted or labelled."""
    own = own_files or (LABEL_FILES,)
    others = sorted(path.name for path in evaluate.LABELS.glob("*.tsv") if not any(path.match(p) for p in own))
    return {cell for name in others for row in evaluate._rows(name) for cell in row if cell.startswith("bbc-news/")}


def pick_bbc(taken: set[str], salt: str) -> list[str]:
    """PER_CATEGORY texts of each of CATEGORIES outside TAKEN, ranked by a hash with SALT."""
    ids: list[str] = []
    for category in CATEGORIES:
        paths = sorted(str(path.relative_to(CORPUS)) for path in (CORPUS / "bbc-news" / category).glob("*.txt"))
        ids += _pick([path for path in paths if path not in taken], PER_CATEGORY, salt)
    return ids


def bbc_attribution_ids() -> list[str]:
    return pick_bbc(used_elsewhere(), SALT)


def _text(article: Article) -> str:
    return (CORPUS / article.id).read_text(encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    return label_set_main(argv, __doc__.split("\n\n")[0], "bench/bbc_attribution.py", "attribution", LABEL_FILES,
                          SET_NAME, bbc_attribution_ids, _text, opt_in=True)


if __name__ == "__main__":
    sys.exit(main())
