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

import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import evaluate
from corpus_sets import (
    Article,
    _newspaper_texts,
    _pick,
    _text_of,
    _zyte_english_keys,
    _zyte_truth,
    bodies_ids,
)
from label_tool import set_commands, show_or_find

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


def heldout_articles() -> list[Article]:
    return [Article(SET_NAME, article_id, SET_NAME) for article_id in heldout_ids()]


def _article(article_id: str) -> Article:
    for article in heldout_articles():
        if article.id == article_id:
            return article
    raise SystemExit(f"no article {article_id!r} in the held-out set (see: python bench/heldout.py ids)")


def build() -> list[Article]:
    truth = _zyte_truth()
    built = heldout_articles()
    for article in built:
        article.text_path.parent.mkdir(parents=True, exist_ok=True)
        article.text_path.write_text(_text_of(article, truth) + "\n", encoding="utf-8")
    return built


def measure(show: set[str]) -> dict[str, object]:
    labels, reviewed = evaluate.read_labels("attribution", LABEL_FILE)
    chosen = [article for article in heldout_articles() if article.id in reviewed]
    return evaluate.score_spans("attribution", SET_NAME, chosen, labels, evaluate.read_verdicts(SET_NAME), show)


def main(argv: list[str] | None = None) -> int:
    parser, sub = set_commands(__doc__.split("\n\n")[0])
    run = sub.add_parser("measure")
    run.add_argument("--opt-in", action="store_true", help="also run the opt-in rules (NL402)")
    run.add_argument("--show", default="", help="comma-separated: fn (missed labels), fp (wrong findings)")
    args = parser.parse_args(argv)
    if args.command == "build":
        for article in build():
            print(article.id, article.text_path.relative_to(BENCH.parent))
        return 0
    if args.command == "ids":
        for article in heldout_articles():
            print(article.id, article.text_path.relative_to(BENCH.parent))
        return 0
    missing = [a for a in heldout_articles() if not a.text_path.exists()]
    if missing:
        print(f"{len(missing)} held-out texts are not built: run python bench/heldout.py build", file=sys.stderr)
        return 2
    if args.command == "measure":
        evaluate.OPT_IN = args.opt_in
        print(json.dumps(measure(set(filter(None, args.show.split(","))))))
        return 0
    text = _article(args.article_id).text_path.read_text(encoding="utf-8")
    show_or_find(args, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
