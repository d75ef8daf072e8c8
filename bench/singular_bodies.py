"""How clean, edited news copy writes each collective noun: the counts behind NL303's nouns.

    python bench/singular_bodies.py            # every noun seen, most used first
    python bench/singular_bodies.py --chosen   # only the nouns that meet the bar

Reads the BBC, PolNeAR (dev and train) and newspaper texts under ../shared/corpus, leaving
out every article any planted set (bench/labels/planted*.tsv) was made from, so the counts
know nothing of the planted breaks. For each collective noun written as a common noun, it
counts the singular and the plural uses as the NL3xx analysis reads them (the verb after
the noun as clause subject, the pronouns of its clause), and marks:

- `bar`: ten or more singular uses and no plural use: a body that both British and American
  copy write as one thing;
- `lexicon`: listed in `singular_bodies` (rules/agreement/lexicons/agreement.toml). Nouns
  that meet the bar but name members or a deliberative body, which British style may make
  plural ("the committee were"), are left out of the lexicon by hand; the lexicon's comment
  says which. The two spellings of "organisation" count as one noun.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

from review_nl3 import CORPUS, corpus_files

from newslint.plugins import plugin_manager
from newslint.registry import Registry, build_registry
from newslint.rules.agreement.analysis import Number, analyse
from newslint.rules.agreement.rules import SingularBodyRule

LABELS = Path(__file__).resolve().parent / "labels"
CORPORA = ("bbc-news", "polnear", "polnear-train", "newspaper")
MIN_SINGULAR = 10
SPELLINGS = {"organization": "organisation"}  # counted as one noun


def planted_articles() -> frozenset[str]:
    """Every corpus article a planted set changed, as a path under the corpus."""
    articles: set[str] = set()
    for table in sorted(LABELS.glob("planted*.tsv")):
        with table.open(encoding="utf-8", newline="") as rows:
            articles.update(row[0].split("#", 1)[0] for row in csv.reader(rows, delimiter="\t") if row)
    return frozenset(articles)


def counts(registry: Registry, rule: SingularBodyRule) -> tuple[dict[str, Counter[Number]], int]:
    """noun -> uses by number as `rule`'s analysis reads them, and how many articles were read."""
    lexicon, blocks = rule.lexicon, rule.blocks
    left_out = planted_articles()
    by_noun: dict[str, Counter[Number]] = {}
    read = 0
    for corpus in CORPORA:
        for path in corpus_files(corpus):
            if path.relative_to(CORPUS).as_posix() in left_out:
                continue
            reader = registry.reader_for(str(path))
            if reader is None:
                continue
            document = reader.read(str(path), path.read_text(encoding="utf-8"))
            read += 1
            for use in document.shared(analyse, lexicon, blocks).uses:
                if use.noun in lexicon.collective_nouns:
                    by_noun.setdefault(SPELLINGS.get(use.noun, use.noun), Counter())[use.number] += 1
    return by_noun, read


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chosen", action="store_true", help="only the nouns that meet the bar")
    args = parser.parse_args(argv)
    registry = build_registry(plugin_manager())
    rule = registry.rule("NL303")
    assert isinstance(rule, SingularBodyRule), rule
    by_noun, read = counts(registry, rule)
    listed = rule.lexicon.singular_bodies
    print(f"{read} clean articles (planted ones left out)")
    print(f"{'noun':16} {'singular':>8} {'plural':>6}  bar  lexicon")
    for noun, numbers in sorted(by_noun.items(), key=lambda item: (-sum(item[1].values()), item[0])):
        singular, plural = numbers[Number.SINGULAR], numbers[Number.PLURAL]
        bar = singular >= MIN_SINGULAR and plural == 0
        if args.chosen and not bar:
            continue
        print(f"{noun:16} {singular:8} {plural:6}  {'yes' if bar else '-':4} {'yes' if noun in listed else '-'}")
    missing = sorted(noun for noun in listed if SPELLINGS.get(noun, noun) not in by_noun)
    if missing:
        print(f"listed but never used: {', '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
