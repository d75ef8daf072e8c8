"""The sentence split is worked out once per text of a document, whichever rules ask."""

from __future__ import annotations

from collections import Counter

import pytest

import newslint.text.sentences as sentences_module
from newslint.engine import check_document
from newslint.registry import Registry
from newslint.text.sentences import sentence_spans, sentences_of, trimmed_sentences_of

# Invented copy: attributed claims (NL4xx), a collective subject (NL301), a sentence said
# twice (NL202), a repeated paragraph (NL201) and a call to action (NL1xx) all read sentences.
ARTICLE = """Harbour board approves new ferry timetable

The harbour board has voted to add two evening crossings, the chair said on Monday. \
The board are expected to publish the timetable next week.

Ferry use rose by a fifth last year, according to figures from the port authority. \
Ferry use rose by a fifth last year, according to figures from the port authority.

Residents welcomed the change. "It means I can get home from work," said Ana Ruiz, a nurse.

The harbour board has voted to add two evening crossings, the chair said on Monday. \
The board are expected to publish the timetable next week.

Sign up for our newsletter to get the latest news in your inbox.
"""


@pytest.fixture()
def split_counts(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each text is split, counted through a wrapped `sentence_spans`."""
    counts: Counter[str] = Counter()

    def counted(text: str) -> list[tuple[int, int]]:
        counts[text] += 1
        return sentence_spans(text)

    monkeypatch.setattr(sentences_module, "sentence_spans", counted)
    return counts


@pytest.fixture()
def requests(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the rules ask for the sentences of each text."""
    asked: Counter[str] = Counter()
    shared_of = sentences_module.SentenceSplits.of

    def counted(self: sentences_module.SentenceSplits, text: str) -> tuple[tuple[int, int], ...]:
        asked[text] += 1
        return shared_of(self, text)

    monkeypatch.setattr(sentences_module.SentenceSplits, "of", counted)
    return asked


def test_every_rule_of_a_run_reads_one_split_per_block(
        registry: Registry, split_counts: Counter[str], requests: Counter[str]) -> None:
    document = registry.readers[".txt"].read("story.txt", ARTICLE)
    check_document(document, registry.rules, budget=None)
    body = [block.text for block in document.blocks if "harbour board has voted" in block.text]
    assert body and all(requests[text] >= 2 for text in body)  # several rules read these blocks
    assert all(split_counts[text] == 1 for text in body)
    assert max(split_counts.values()) == 1


def test_the_split_is_kept_per_document(registry: Registry, split_counts: Counter[str]) -> None:
    reader = registry.readers[".txt"]
    text = "One sentence here. Another one there."
    first, second = reader.read("a.txt", text), reader.read("b.txt", text)
    assert sentences_of(first, text) == sentences_of(first, text) == tuple(sentence_spans(text))
    sentences_of(second, text)
    assert split_counts[text] == 2


@pytest.mark.parametrize("text", [
    "  Sign up today. Read more below.\n\n",
    "\n\nA heading\n\nThe body starts here. It goes on.  ",
    "No edges. None at all.",
    "   ",
    "\u00a0Mr. Ruiz left at 5 p.m. on Tuesday. He was late.\n",
])
def test_the_trimmed_split_is_the_split_of_the_stripped_text(registry: Registry, text: str) -> None:
    document = registry.readers[".txt"].read("a.txt", "placeholder")
    assert trimmed_sentences_of(document, text) == tuple(sentence_spans(text.strip()))
