"""NL118 likely-furniture and the block model it scores with (furniture_model.py). What the
model scores high and low, what the rule flags and leaves alone, and the weights file.

Every article text here is our own writing.
"""

from __future__ import annotations

import pytest

from newslint.document import Block
from newslint.engine import check_document, without_deferred
from newslint.model import Deferring, Finding, Severity
from newslint.readers.text import TextReader
from newslint.registry import Registry
from newslint.rules.artifacts import furniture_model as fm

TITLE = "Ferry timetable changes for the winter season\n\n"
STORY = (
    "The harbour at Portvale reopened on Monday after a week of repairs to the sea wall, "
    "the council said, and the first ferry left on time.\n\n"
    "Fishermen said the repairs had come too late for the winter season, which lost them "
    "three weeks of catches and a great deal of money.\n\n"
)


def blocks_of(text: str) -> tuple[Block, ...]:
    return TextReader().read("a.txt", text).blocks


def scores_of(text: str) -> dict[str, float]:
    blocks = blocks_of(text)
    return {block.text: score for block, score in zip(blocks, fm.furniture_probabilities(blocks))}


@pytest.mark.parametrize("tail", [
    "Reply\nShare\nReport",
    "Next\nPrevious",
    "Share this story\nEmail\nFacebook\nTwitter",
    "Photo gallery | 12 photos",
    "2 comments\nLog in to reply",
])
def test_the_model_scores_invented_furniture_after_the_story_high(tail: str) -> None:
    scores = scores_of(TITLE + STORY + tail + "\n")
    assert max(scores[line] for line in tail.split("\n")) >= 0.95


@pytest.mark.parametrize("block", [
    "What the repairs cost",  # a subheading
    "Winter storms",
    "The quay at dawn last week.\nPhoto: Jane Roe/Portvale Post",  # a caption and its credit
    "By Jane Roe",  # a byline
    "— Jane Roe",  # a sign-off
    "Jane Roe, Portvale",
    "Jane Roe is our transport correspondent.",
    "Harbour master Sam Doe said the work was on schedule.",
])
@pytest.mark.parametrize("place", ["between the paragraphs", "at the end"])
def test_the_model_scores_story_subheadings_captions_bylines_and_sign_offs_low(block: str, place: str) -> None:
    text = TITLE + STORY + block + "\n\n" + STORY if place == "between the paragraphs" else TITLE + STORY + STORY + block + "\n"
    assert max(scores_of(text).values()) < 0.5


def test_story_paragraphs_and_the_title_are_never_scored() -> None:
    scores = scores_of(TITLE + STORY + "Reply\nShare\nReport\n")
    assert scores[TITLE.strip()] == 0.0
    assert all(score == 0.0 for text, score in scores.items() if len(text.split()) > 12)


def test_every_feature_is_declared_and_valued_in_the_unit_range() -> None:
    blocks = blocks_of(TITLE + STORY + "Share | Email | Print\n\nhttps://example.org @portvale 4 May 2021 10:15\n")
    for index in range(len(blocks)):
        features = fm.block_features(blocks, index)
        assert set(features) <= set(fm.FEATURES)
        assert all(0.0 <= value <= 1.0 for value in features.values())


def test_the_weights_file_loads_and_its_feature_list_matches_the_code() -> None:
    intercept, weights = fm.model_weights()
    assert isinstance(intercept, float)
    assert fm.model_features() == fm.FEATURES
    assert set(weights) == set(fm.FEATURES)


@pytest.fixture(scope="module")
def lint(registry: Registry):
    def run(text: str, *others: str) -> tuple[str, list[Finding]]:
        rules = [registry.rule(code) for code in ("NL118", *others)]
        assert all(rule is not None for rule in rules)
        document = registry.readers[".txt"].read("a.txt", text)
        return document.source, list(check_document(document, rules))  # type: ignore[arg-type]
    return run


def test_the_rule_is_opt_in_a_warning_and_has_no_fix(registry: Registry) -> None:
    rule = registry.rule("NL118")
    assert rule is not None and rule.severity is Severity.WARNING and not rule.fixable
    assert "NL118" not in {r.code for r in registry.select()}


def test_the_rule_flags_a_run_of_interface_lines_as_one_finding(lint) -> None:
    source, findings = lint(TITLE + STORY + "Reply\nShare\nReport\n")
    assert [source[f.start:f.end] for f in findings] == ["Reply\nShare\nReport"]
    assert findings[0].fix is None
    assert "a run of 3 short interface lines after the story" in findings[0].message


def test_the_rule_leaves_a_story_alone(lint) -> None:
    text = TITLE + STORY + "What the repairs cost\n\n" + STORY + "By Jane Roe\n"
    assert lint(text)[1] == []


def test_the_rule_is_silent_where_another_artifacts_rule_reports(lint) -> None:
    text = TITLE + STORY + "Reply\nShare\nReport\n"
    assert {f.code for f in lint(text)[1]} == {"NL118"}
    assert {f.code for f in lint(text, "NL109")[1]} == {"NL109"}  # NL109 reports "Reply" and "Share"


def test_a_deferring_finding_is_dropped_only_where_it_overlaps() -> None:
    class Guess:
        code = "NL118"
        defers_to = ("NL1",)

    class Other:
        code = "NL104"

    def finding(code: str, start: int, end: int) -> Finding:
        return Finding(code=code, rule="r", severity=Severity.WARNING, message="m", start=start, end=end)

    found = [finding("NL104", 10, 20), finding("NL118", 15, 30), finding("NL118", 40, 50)]
    kept = without_deferred(found, [Guess(), Other()])  # type: ignore[list-item]
    assert [(f.code, f.start) for f in kept] == [("NL104", 10), ("NL118", 40)]
    assert isinstance(Guess(), Deferring) and not isinstance(Other(), Deferring)
