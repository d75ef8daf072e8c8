"""The fourth and fifth tuning sets for the number-agreement rules (NL3xx): breaks planted blind,
one per text, by helpers who tune no rule, in ``bench/labels/planted-extra3.tsv`` and
``planted-extra4.tsv`` (ids are paths under ../shared/corpus).

    python bench/extra3_agreement.py ids                    # candidate texts, in pick order
    python bench/extra3_agreement.py show ID                # the text, each line prefixed 'offset|'
    python bench/extra3_agreement.py find ID SNIPPET [--nth N]  # start and end of SNIPPET
    python bench/heldout_agreement.py measure --plants planted-extra3.tsv --verdicts extra3-agreement
    python bench/heldout_agreement.py measure --plants planted-extra4.tsv --verdicts extra4-agreement

Pick: the BBC and PolNeAR-train texts that ``bench/possessive_model.py`` keeps out of the NL304
model's training (a quarter, by a hash of the path), that no other file in bench/labels names,
ranked by a hash of the path with this set's own salt. Planting in that quarter leaves the
model's training texts as they were. planted-extra3 took the first texts of each corpus in this
order, planted-extra4 the BBC ones from positions 72 and 272 of the BBC part. Both are tuning
data: their misses may be read.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import evaluate
from corpus_sets import CORPUS, _rank
from label_tool import set_commands, show_or_find
from possessive_model import in_training_quarters

SALT = "extra3-agreement:"
PLANTS = ("planted-extra3.tsv", "planted-extra4.tsv")
SOURCES = (("bbc-news", "**/*.txt"), ("polnear-train/text", "*.txt"))


def _named_elsewhere() -> set[str]:
    """Every corpus path another file in bench/labels names, in any column."""
    others = sorted(path.name for path in evaluate.LABELS.glob("*.tsv") if path.name not in PLANTS)
    return {cell for name in others for row in evaluate._rows(name) for cell in row
            if cell.startswith(("bbc-news/", "polnear-train/"))}


def candidate_ids() -> list[str]:
    """The kept quarter's texts outside every other label file, in this set's hash order."""
    taken = _named_elsewhere()
    paths = [str(path.relative_to(CORPUS)) for directory, pattern in SOURCES
             for path in (CORPUS / directory).glob(pattern)]
    kept = (path for path in paths if not in_training_quarters(path) and path not in taken)
    return sorted(kept, key=lambda path: _rank(path, SALT))


def main(argv: list[str] | None = None) -> int:
    parser, _ = set_commands(__doc__.split("\n\n")[0], build=False)
    args = parser.parse_args(argv)
    if args.command == "ids":
        print("\n".join(candidate_ids()))
        return 0
    path = CORPUS / args.article_id
    if not path.is_file():
        print(f"no text {args.article_id!r} under {CORPUS}", file=sys.stderr)
        return 2
    show_or_find(args, path.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
