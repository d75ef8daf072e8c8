"""NL3xx on real, professionally edited news: at most one finding per ten articles.

Reads ../shared/corpus at test time (skipped when it is not beside the checkout). The
findings these corpora produce were reviewed by hand; see `bench/review_nl3.py --show`.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest

from conftest import CORPUS, REPO, needs_shared
from newslint.rules.agreement import RULE_PACK, newslint_rule_kinds
from newslint.readers.text import TextReader
from newslint.rulepack import load_rule_file

TARGET_PER_ARTICLE = 0.1  # the bar: one finding in ten clean articles
CPU_MS_PER_ARTICLE = 10.0  # both NL3xx rules, on average


@pytest.fixture(scope="module")
def rules():
    kinds = newslint_rule_kinds()
    return [load_rule_file(path, kinds, "newslint") for path in sorted(RULE_PACK.glob("NL3*.toml"))]


def _run(rules, files: list[Path]) -> tuple[int, float]:
    """(findings, CPU seconds) over the articles in `files`."""
    reader = TextReader()
    documents = [reader.read(str(path), path.read_text(encoding="utf-8")) for path in files]
    # Timed with the garbage collector paused (as the fuzz tests are), so the rules are charged
    # for their own work, not for collecting what the tests before them left on a large heap.
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        found = sum(1 for document in documents for rule in rules for _ in rule.check(document))
        return found, time.process_time() - started
    finally:
        gc.enable()


@pytest.fixture(scope="module")
def measured(rules) -> dict[str, tuple[int, int, float]]:
    """corpus -> (articles, findings, CPU seconds), each corpus run once."""
    results = {}
    for corpus, pattern in (("bbc-news", "*/*.txt"), ("polnear-dev/text", "*.txt")):
        files = sorted((CORPUS / corpus).glob(pattern))
        results[corpus] = (len(files), *_run(rules, files))
    return results


@needs_shared()
@pytest.mark.parametrize(("corpus", "articles"), [("bbc-news", 2225), ("polnear-dev/text", 84)])
def test_clean_news_stays_under_one_finding_in_ten_articles(measured, corpus: str, articles: int) -> None:
    read, found, seconds = measured[corpus]
    assert read == articles
    assert found / read < TARGET_PER_ARTICLE, f"{found} NL3xx findings in {read} articles"
    assert 1000 * seconds / read < CPU_MS_PER_ARTICLE


@needs_shared()
def test_the_rules_do_find_inconsistencies_in_real_text(measured) -> None:
    """The bar above is not met by silence: the BBC corpus holds a few real mixes."""
    _, found, _ = measured["bbc-news"]
    assert found >= 5
