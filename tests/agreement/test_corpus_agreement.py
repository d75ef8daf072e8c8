"""NL3xx on real, professionally edited news: at most one finding per ten articles.

Reads ../shared/corpus at test time (skipped when it is not beside the checkout). The
findings these corpora produce were reviewed by hand; see `bench/review_nl3.py --show`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, needs_shared

from newslint.readers.text import TextReader
from newslint.rulepack import load_rule_file
from newslint.rules.agreement import RULE_PACK, newslint_rule_kinds

TARGET_PER_ARTICLE = 0.1  # the bar: one finding in ten clean articles


@pytest.fixture(scope="module")
def rules():
    kinds = newslint_rule_kinds()
    return [load_rule_file(path, kinds, "newslint") for path in sorted(RULE_PACK.glob("NL3*.toml"))]


def _findings(rules, files: list[Path]) -> int:
    """NL3xx findings over the articles in `files`. (Their CPU cost per article is a
    benchmark figure: `python bench/review_nl3.py` prints it.)"""
    reader = TextReader()
    documents = [reader.read(str(path), path.read_text(encoding="utf-8")) for path in files]
    return sum(1 for document in documents for rule in rules for _ in rule.check(document))


@pytest.fixture(scope="module")
def measured(rules) -> dict[str, tuple[int, int]]:
    """corpus -> (articles, findings), each corpus run once."""
    results = {}
    for corpus, pattern in (("bbc-news", "*/*.txt"), ("polnear-dev/text", "*.txt")):
        files = sorted((CORPUS / corpus).glob(pattern))
        results[corpus] = (len(files), _findings(rules, files))
    return results


@needs_shared()
@pytest.mark.parametrize(("corpus", "articles"), [("bbc-news", 2225), ("polnear-dev/text", 84)])
def test_clean_news_stays_under_one_finding_in_ten_articles(measured, corpus: str, articles: int) -> None:
    read, found = measured[corpus]
    assert read == articles
    assert found / read < TARGET_PER_ARTICLE, f"{found} NL3xx findings in {read} articles"


@needs_shared()
def test_the_rules_do_find_inconsistencies_in_real_text(measured) -> None:
    """The bar above is not met by silence: the BBC corpus holds a few real mixes."""
    _, found = measured["bbc-news"]
    assert found >= 5
