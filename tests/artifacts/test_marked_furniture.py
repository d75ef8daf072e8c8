"""NL120: blocks the HTML itself marks as page furniture (and the reader's `page_role`)."""

from __future__ import annotations

import pytest

from newslint.engine import check_document
from newslint.readers.html import HtmlReader, page_role
from newslint.registry import Registry

STORY = "<h1>Harbour wall repaired</h1>\n<p>Engineers finished the harbour wall on Thursday, a month early.</p>\n" \
        "<p>The promenade reopens to walkers at the weekend.</p>\n<p>Boats can moor there again from June.</p>\n"


def _findings(registry: Registry, html: str) -> list[tuple[str, str]]:
    document = HtmlReader().read("a.html", html)
    rule = registry.rule("NL120")
    assert rule is not None
    return [(f.message, html[f.start:f.end]) for f in check_document(document, [rule])]


@pytest.mark.parametrize(("attributes", "role"), [
    ('class="related-stories"', "a related-stories list"),
    ('id="comments"', "a comment thread"),
    ('class="newsletter-signup"', "a newsletter sign-up"),
    ('class="share-tools"', "a share bar"),
    ('role="navigation"', "navigation"),
    ('class="OUTBRAIN"', "a recommendation widget"),
])
def test_the_markup_names_the_furniture(attributes: str, role: str) -> None:
    name, value = attributes.split("=", 1)
    assert page_role("div", {name: value.strip('"')}) == role


@pytest.mark.parametrize("attributes", [
    {"class": "share-price"},  # a share price, not a share bar
    {"id": "sharing-with-a-single-developer"},  # a heading's slug
    {"class": "story-body"},
    {"class": "has comment-free zone"},  # "comment" is not "comments"
    {"role": "main"},
])
def test_names_that_are_not_furniture(attributes: dict[str, str | None]) -> None:
    assert page_role("div", attributes) is None


def test_a_run_of_marked_blocks_is_one_finding_over_the_run(registry: Registry) -> None:
    html = STORY + '<ul class="related-links">\n<li>Pier closed for winter</li>\n<li>Lifeboat crew honoured</li>\n</ul>\n'
    ((message, text),) = _findings(registry, html)
    assert message.startswith("The markup marks this as a related-stories list (2 block(s))")
    assert text == "Pier closed for winter</li>\n<li>Lifeboat crew honoured"


def test_a_wrapper_of_the_whole_story_is_not_trusted(registry: Registry) -> None:
    assert _findings(registry, f'<div class="social">{STORY}</div>') == []


def test_story_markup_without_furniture_names_is_left_alone(registry: Registry) -> None:
    assert _findings(registry, STORY) == []
