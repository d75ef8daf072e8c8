"""NL109, NL110, NL112, NL115: structural evidence and broader interface lexicons (issue 13).
Flagged cases and what must be left alone. Every article text here is our own writing.
"""

from __future__ import annotations

import pytest
from conftest import spans
from test_furniture_rules import STORY

from newslint.model import Severity


@pytest.mark.parametrize("line", [
    "14 comments. Join the discussion » 3 comments about this story. Start the discussion »",
    "To Post Comments Sign In",
    "Love It, Share It!",
    "Please wait...",
    "This tool is temporarily unavailable. Please try again later.",
    "Now check your inbox to confirm your place on the list.",
])
def test_interface_text_in_more_shapes(lint, line: str) -> None:
    source, found = lint("NL109", STORY + line + "\n")
    assert spans(source, found) == [line]
    assert found[0].severity is Severity.ERROR and found[0].fix is not None


def test_thanks_counts_only_beside_other_interface_text(lint) -> None:
    source, found = lint("NL109", STORY + "Thanks!\n\nNow check your inbox for the confirmation.\n")
    assert spans(source, found) == ["Thanks!", "Now check your inbox for the confirmation."]
    _, alone = lint("NL109", STORY + "Thanks!\n")
    assert alone == []


def test_copyright_footer_read_as_credit_is_flagged(lint) -> None:
    line = "Copyright 2021 Portvale Evening Star. All rights reserved."
    source, found = lint("NL109", STORY + line + "\n")
    assert spans(source, found) == [line]


def test_story_sentences_with_the_same_words_are_left_alone(lint) -> None:
    text = STORY + ("The council said the ferry booking tool is temporarily unavailable while staff "
                    "check every reservation made last week, and asked people to wait.\n")
    assert lint("NL109", text)[1] == []


def test_kicker_above_the_headline_is_a_warning_without_fix(lint) -> None:
    text = "Coastal life\nWhy Portvale Fell Back in Love With Its Harbour\n\n" + STORY
    source, found = lint("NL109", text)
    assert spans(source, found) == ["Coastal life"]
    assert found[0].severity is Severity.WARNING and found[0].fix is None


@pytest.mark.parametrize("masthead", [
    "By Jane Roe\n4 May 2021",  # a byline and a date
    "Fishermen say the work on the wall came far too late for the winter season\nUpdated 10:15",  # a standfirst
])
def test_kicker_above_a_headline_with_its_masthead_lines(lint, masthead: str) -> None:
    text = "Coastal life\nWhy Portvale Fell Back in Love With Its Harbour\n" + masthead + "\n\n" + STORY
    source, found = lint("NL109", text)
    assert spans(source, found) == ["Coastal life"]


@pytest.mark.parametrize("text", [
    # a roundup's first section: a title, its author and its publisher's line
    "Picture books\nThe Pilot and the Little Prince of the Harbour\nJane Roe\nHarbour Books, 12 pounds; ages 5-8\n\n" + STORY,
    "Harbour reopens\n\n" + STORY,  # a short headline, then the story
    "Harbour Weekly\n- Ferry times for the new season\n\n" + STORY,  # a list item is not a headline
    "By Jane Roe\nWhy Portvale Fell Back in Love With Its Harbour\n\n" + STORY,  # a byline
    "Portvale 2021\nWhy Portvale Fell Back in Love With Its Harbour\n\n" + STORY,  # digits
])
def test_no_kicker_without_its_shape(lint, text: str) -> None:
    assert lint("NL109", text)[1] == []


def test_statement_that_opens_with_a_title_is_not_a_call_to_action(lint) -> None:
    text = STORY + "Get Carter is currently showing on our site and available to rent on Google Play.\n"
    assert lint("NL110", text)[1] == []
    _, found = lint("NL110", STORY + "Get the latest headlines on our app.\n")
    assert len(found) == 1


@pytest.mark.parametrize("heading", ["More harbour news:", "Today on Portvale Star", "Top Picks",
                                     "Explore further", "Other Opinion Columns",
                                     "Like this? You might also be interested in:"])
def test_teaser_heading_whose_list_was_lost(lint, heading: str) -> None:
    source, found = lint("NL112", STORY + heading + "\n")
    assert spans(source, found) == [heading]
    assert found[0].fix is None


def test_teaser_heading_followed_only_by_interface_text(lint) -> None:
    text = STORY + "Today on Portvale Star\n\nSign up for our morning newsletter and get the latest news in your inbox.\n"
    source, found = lint("NL112", text)
    assert len(found) == 1 and spans(source, found)[0].startswith("Today on Portvale Star")


def test_teaser_heading_before_story_text_is_left_alone(lint) -> None:
    text = "Top picks\n\n" + STORY
    assert lint("NL112", text)[1] == []


def test_reader_lead_before_a_title_case_headline(lint) -> None:
    line = "In case you missed it, take a look: Ten Quiet Beaches on the Portvale Coast"
    source, found = lint("NL115", STORY + line + "\n")
    assert spans(source, found) == [line]


@pytest.mark.parametrize("line", [
    "Read the statement in full: the council regrets the delay and will refund every ticket.",
    "Residents should see the notice: Ferry Times Change",  # two-word lead with a short title
])
def test_reader_lead_before_a_sentence_is_left_alone(lint, line: str) -> None:
    assert lint("NL115", STORY + line + "\n")[1] == []
