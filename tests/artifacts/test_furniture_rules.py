"""NL109-NL115: page furniture beyond fixed strings. Flagged cases and what must be left alone.

Every article text here is our own writing.
"""

from __future__ import annotations

import pytest

from newslint.engine import check_document
from newslint.model import Finding, Severity
from newslint.registry import Registry

STORY = (
    "The harbour at Portvale reopened on Monday after a week of repairs to the sea wall, "
    "the council said, and the first ferry left on time.\n\n"
    "Fishermen said the repairs had come too late for the winter season, which lost them "
    "three weeks of catches and a great deal of money.\n\n"
)


@pytest.fixture(scope="module")
def lint(registry: Registry):
    def run(code: str, text: str) -> tuple[str, list[Finding]]:
        rule = registry.rule(code)
        assert rule is not None, code
        document = registry.readers[".txt"].read("a.txt", text)
        return document.source, [f for f in check_document(document, [rule]) if f.code == code]
    return run


def spans(source: str, findings: list[Finding]) -> list[str]:
    return [source[f.start:f.end] for f in findings]


def removed(source: str, finding: Finding) -> str:
    assert finding.fix is not None
    for edit in sorted(finding.fix.edits, key=lambda e: e.start, reverse=True):
        source = source[:edit.start] + edit.replacement + source[edit.end:]
    return source


# --- NL109 interface-text ----------------------------------------------------------------

@pytest.mark.parametrize("line, what", [
    ("You must log in to comment.", "Comment prompt"),
    ("Be the first to comment", "Comment prompt"),
    ("14 comments", "Comment prompt"),
    ("14 comments. Share your thoughts »", "Comment prompt"),
    ("Thanks for signing up!", "Sign-up or account prompt"),
    ("Allow notifications", "Sign-up or account prompt"),
    ("We use cookies to improve your experience on our site.", "Sign-up or account prompt"),
    ("By submitting this form you agree to the storage of your data.", "Comment prompt"),
    ("Follow us on Instagram", "Share or follow bar"),
    ("Share this article", "Share or follow bar"),
    ("Back to top", "Navigation link"),
    ("Next article", "Navigation link"),
    ("Photo 3 of 12", "Gallery or player control"),
    ("Captions off Chapters", "Gallery or player control"),
    ("Your browser does not support the video tag.", "Gallery or player control"),
    ("Gallery: The harbour at dawn | 12 Photos", "Gallery or player control"),
    ("[email protected]", "Text of an embed that did not render"),
    ("View this post on Instagram", "Text of an embed that did not render"),
    ("© 2022 Portvale Gazette Ltd. All rights reserved.", "Copyright or licence footer"),
    ("Tags: harbour, ferries, Portvale council", "Tag line"),
    ("This post is sponsored by Harbour Paints.", "Sponsor or affiliate notice"),
])
def test_interface_text_is_flagged_with_a_safe_fix(lint, line: str, what: str) -> None:
    source, findings = lint("NL109", STORY + line + "\n")
    assert spans(source, findings) == [line]
    assert findings[0].severity is Severity.ERROR
    assert findings[0].message.startswith(what)
    assert removed(source, findings[0]).rstrip() == STORY.rstrip()


def test_a_follow_call_above_a_credit_is_flagged_though_it_reads_as_a_caption(lint) -> None:
    # In plain text the line above a credit is taken for a caption; no caption is a follow call.
    source, findings = lint("NL109", STORY + "Follow Jane on Twitter: @janeroe\nPictures: Harbour Photos\n")
    assert spans(source, findings) == ["Follow Jane on Twitter: @janeroe"]
    source, findings = lint("NL109", STORY + "The harbour at dawn, 3 of 12\nPictures: Harbour Photos\n")
    assert findings == []


def test_weak_words_count_only_in_a_bar(lint) -> None:
    source, findings = lint("NL109", STORY + "Share\n\nTweet\n\nEmail\n")
    assert spans(source, findings) == ["Share", "Tweet", "Email"]
    source, findings = lint("NL109", STORY + "Next\n\nPrevious\n")
    assert spans(source, findings) == ["Next", "Previous"]


@pytest.mark.parametrize("tail", ["like this:", "share this:", "the comments"])
def test_the_end_of_a_wrapped_sentence_is_story_text(lint, tail: str) -> None:
    # Plain text wrapped at a fixed width: the sentence goes on into a line that reads like a
    # share bar's words. Flagged, the fix would delete the end of the sentence.
    # The short lines of the listing keep the paragraph from reading as wrapped prose, so each
    # line is a block of its own.
    text = (STORY + "    When the reader sends the form, the request would look something\n    " + tail
            + "\n        POST /form HTTP/1.1\n        Host: example.org\n")
    assert lint("NL109", text)[1] == []


@pytest.mark.parametrize("broken", [
    "This entry was posted\non Monday, May 3rd, 2021 at 9:15 am and is filed under Harbour, Ferries.",
    "Follow us\non Instagram",
])
def test_interface_text_broken_over_two_lines_is_one_finding(lint, broken: str) -> None:
    source, findings = lint("NL109", STORY + broken + "\n\n" + STORY)
    assert spans(source, findings) == [broken]
    assert removed(source, findings[0]).split() == (STORY + STORY).split()


@pytest.mark.parametrize("text", [
    # prose broken over lines, a line that ends a sentence before a lower-case one
    "The wall was built by the harbour board\nand the council paid for it, the trust said.\n",
    "This entry was posted.\non Monday and is filed under Harbour, Ferries.\n",
])
def test_lines_that_join_into_prose_are_left_alone(lint, text: str) -> None:
    assert lint("NL109", STORY + text)[1] == []


def test_a_bar_after_a_finished_sentence_is_still_flagged(lint) -> None:
    source, findings = lint("NL109", STORY.rstrip() + "\nShare this:\n")
    assert spans(source, findings) == ["Share this:"]


@pytest.mark.parametrize("text", [
    "Email\n\nMost staff now read their email on a phone, the survey of dock workers found.\n",
    "Comments\n\nThe council's comments on the plan were published on Friday afternoon.\n",
    "Readers can leave a comment below the article, the editor said on Monday.\n",
    "Copyright law was the subject of the lecture, which all rights groups attended.\n",
    "Next\n\nThe council meets again in March to decide on the second phase of the works.\n",
])
def test_interface_words_in_prose_or_headings_are_left_alone(lint, text: str) -> None:
    assert lint("NL109", text)[1] == []


def test_credits_are_not_interface_text(lint, registry: Registry) -> None:
    text = STORY + "A ferry leaves the harbour.\nPhoto: Jane Roe/Portvale Gazette\n"
    assert lint("NL109", text)[1] == []


# --- NL110 call-to-action ----------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Be sure to follow the Portvale Gazette on Facebook and Instagram.",
    "Enjoyed this story? Share it with a friend!",
    "Download our free app to get breaking news alerts.",
    "Get started with the harbour walking guide here.",
    "If you enjoyed this article, we have an offer for you: join our supporters' club.",
    "Get the latest news on the go. Visit our mobile site.",
    "For more on the harbour repairs, see our full coverage from last week.",
    "Check out our guide to the best coastal walks.",
    "Don't miss our weekend guide to the coast.",
    "CLICK FOR THE FULL REGATTA RESULTS",
    "See more photos in the gallery, images by Jane Roe",
])
def test_calls_to_action_are_warned_about(lint, line: str) -> None:
    source, findings = lint("NL110", STORY + line + "\n")
    assert spans(source, findings) == [line]
    assert findings[0].severity is Severity.WARNING and findings[0].fix is None


@pytest.mark.parametrize("line", [
    "Follow the signs to the car park and turn left at the harbour, the council advised visitors.",
    "Sign up was slow at first, but 400 families joined the scheme by June, the council said.",
    "Visit the museum on a weekday if you can. It is quieter, and the café is open.",
    "- Sign up for the harbour pass at the ticket office",
    "Download speeds in the town are the slowest in the county, a report said on our site.",
    "Listen to the full interview with the harbour master on Radio Portvale from 7pm.",
    "See the council's guide to the new parking zones, which goes on sale on Monday.",
    "Click on the map to find your nearest ferry stop.",
    "Email: jane.roe@example.org",
    "GET /timetable?route=island HTTP/1.1",
    "See how many more photos of the storm readers sent in than last year, the editor said.",
])
def test_story_sentences_and_instructions_are_left_alone(lint, line: str) -> None:
    assert lint("NL110", STORY + line + "\n")[1] == []


# --- NL111 comment-thread ----------------------------------------------------------------

def test_comment_thread_is_one_finding_to_the_closing_line(lint) -> None:
    thread = ("3 thoughts on “Harbour reopens”\n\n"
              "Great news for commuters like me, finally a late boat home to the island.\n\n"
              "About time too. The old timetable was a joke and everyone knew it.\n\n"
              "Comments are closed.")
    source, findings = lint("NL111", STORY + thread + "\n")
    assert spans(source, findings) == [thread]
    assert "comment thread" in findings[0].message and findings[0].fix is None


def test_commenter_date_line_starts_a_thread(lint) -> None:
    thread = "March 4th, 2021 at 9:15 am\nI remember the old ferry, it was always late in winter."
    source, findings = lint("NL111", STORY + thread + "\n")
    assert spans(source, findings) == [thread]


@pytest.mark.parametrize("heading", ["Reader comments", "User comments", "Readers' comments", "Top rated comments",
                                     "Most recent comments (12)"])
def test_a_comments_heading_starts_a_thread(lint, heading: str) -> None:
    thread = heading + "\n\nAbout time too. The old timetable was a joke and everyone knew it."
    source, findings = lint("NL111", STORY + thread + "\n")
    assert spans(source, findings) == [thread]


@pytest.mark.parametrize("heading", ["User comments", "Top rated comments", "3 comments"])
def test_a_comments_heading_that_ends_the_article_is_flagged_alone(lint, heading: str) -> None:
    source, findings = lint("NL111", STORY + heading + "\n")
    assert spans(source, findings) == [heading]


@pytest.mark.parametrize("tail", [
    "March 4th, 2021 at 9:15 am",  # the article's own date at its end
    "Comments and questions\n\nThe council takes questions about the timetable at the library on Fridays.",
    "The top rated comments of the week",
])
def test_a_date_or_a_story_line_at_the_end_is_not_a_lone_heading(lint, tail: str) -> None:
    assert lint("NL111", STORY + tail + "\n")[1] == []


def test_counter_at_the_top_and_comment_words_in_prose_are_left_alone(lint) -> None:
    text = "12 comments\n\n" + STORY + STORY + STORY
    assert lint("NL111", text)[1] == []
    text = STORY + "Comments from residents were mostly positive, the council said in its report.\n"
    assert lint("NL111", text)[1] == []


# --- NL112 related-list ------------------------------------------------------------------

def test_teaser_heading_and_its_run(lint) -> None:
    run = ("Trending Now\nFerry Operator Announces New Winter Timetable\n"
           "Five Walks Along the Coast Path This Autumn")
    source, findings = lint("NL112", STORY + run + "\n")
    assert spans(source, findings) == [run]
    assert "related-stories list" in findings[0].message


def test_headless_title_case_run_after_the_story(lint) -> None:
    run = ("- Why the River Keeps Rising Every Spring\n- Ten Things to Know About the New Bridge\n"
           "- The Best Fish and Chips on the South Coast")
    source, findings = lint("NL112", STORY + run + "\n")
    assert spans(source, findings) == [run]
    assert findings[0].severity is Severity.WARNING and findings[0].fix is None


@pytest.mark.parametrize("tail", [
    # introduced by the story: its own list
    ("The festival line-up includes:\nThe Portvale Brass Band and Friends\n"
     "The Eastbridge Community Choir Ensemble\nThe Northam Folk Dance Society Troupe\n"),
    # a listing of dates and places
    "Aug. 4 -- Town Hall, Portvale\nAug. 9 -- The Old Quay, Eastbridge\nAug. 14 -- Market Square, Northam\n",
    # two headlines are not a run
    "Why the River Keeps Rising Every Spring\nTen Things to Know About the New Bridge\n",
])
def test_story_lists_are_left_alone(lint, tail: str) -> None:
    assert lint("NL112", STORY + tail)[1] == []


def test_lists_of_names_and_fixtures_after_the_story_are_left_alone(lint) -> None:
    tail = ("Best Actor - Sam Doe for The Harbour Master\n\nJane Roe & Sam Doe (Portvale Players)\n\n"
            "Eastbridge v Northam or Westford United\n\nPortvale Rovers Juniors First Eleven\n")
    assert lint("NL112", STORY + tail)[1] == []


def test_subheadings_inside_the_story_are_left_alone(lint) -> None:
    text = (STORY + "The Long Road to the New Harbour Wall\n\n" + STORY
            + "What the Fishermen Say About the Repairs\n\n" + STORY)
    assert lint("NL112", text)[1] == []


# --- NL113 inline-promo ------------------------------------------------------------------

@pytest.mark.parametrize("span", [
    "(Read more: Why the Old Bridge Needs Repairs)",
    "(see “The Ferry That Never Came”)",
    "(see “The Ferry That Never Came” and “Ten Piers Worth a Detour”)",
    "(Video: Ten quiet beaches on the Portvale coast)",
    "(More)",
    "[See the photos]",
    # a pointer to a link the text lost, to a listing, a call to subscribe or follow
    "(You can read the full report here.)",
    "(watch the interview here)",
    "(See all 12 vacancies)",
    "[Get the Portvale Daily briefing in your inbox.]",
    "[The morning catch: Sign up for our harbour newsletter.]",
    "(Follow us on Instagram)",
])
def test_inline_promos_are_warned_about(lint, span: str) -> None:
    text = f"The bridge will close for a month {span} while crews replace the deck.\n"
    source, findings = lint("NL113", text)
    assert spans(source, findings) == [span]


def test_bracketed_headline_between_sentences(lint) -> None:
    text = "Divers found the wreck in 1998. [Ten Amazing Shipwrecks of the North Sea] They mapped it in a week.\n"
    source, findings = lint("NL113", text)
    assert spans(source, findings) == ["[Ten Amazing Shipwrecks of the North Sea]"]


def test_bracketed_headline_with_its_media_marker(lint) -> None:
    text = "Divers found the wreck in 1998. [Ten Amazing Shipwrecks of the North Sea (Photos)] They mapped it.\n"
    source, findings = lint("NL113", text)
    assert spans(source, findings) == ["[Ten Amazing Shipwrecks of the North Sea (Photos)]"]
    # the marker alone is no headline, and a title with a marker inside a sentence is cited
    assert lint("NL113", "Divers found the wreck in 1998. [Shipwrecks (Photos)] They mapped it.\n")[1] == []
    assert lint("NL113", "Divers found [Ten Amazing Shipwrecks of the North Sea (Photos)] in 1998.\n")[1] == []


def test_whole_line_headline_in_parentheses(lint) -> None:
    line = "(Harbour repairs: what we know so far about the delays)"
    source, findings = lint("NL113", STORY + line + "\n")
    assert spans(source, findings) == [line]


@pytest.mark.parametrize("text", [
    "\"He [the mayor] promised a new bridge,\" she said, pointing at the map (see below).\n",
    "\"The money from [Portvale Harbour Trust Fund] was never spent,\" she said.\n",
    "The deck will be replaced (see chart) at a cost of £2m, the council said.\n",
    "(Reporting by Jane Roe in Portvale; editing by Sam Doe)\n",
    "(The Portvale Brass Band and the Eastbridge Choir)\n",
    # a media credit, a pointer inside the document, a report cited by its title
    "The mayor cuts the ribbon on the new wall. (Photo: Jane Roe/Portvale Star)\n",
    "(Graphic: Sam Doe)\n",
    "The wall runs for 400 metres (see \"The route\" below) and cost £2.4m.\n",
    "The board published its figures (see table 2) on Friday.\n",
    "The report (see 'Harbour Futures', published in 2019) says the wall will last.\n",
    # service information and citations: not a call to subscribe or follow
    "Residents can find the new timetable (visit the council's website) from Monday.\n",
    "The trust posted the figures (see Facebook's own account of the row) on Friday.\n",
    "The skipper (who can read the tide tables here in his head) laughed.\n",
    "The club will join (it said the cost would be shared) the new league next year.\n",
])
def test_editorial_brackets_and_credits_are_left_alone(lint, text: str) -> None:
    assert lint("NL113", STORY + text)[1] == []


# --- NL114 embed-signature ---------------------------------------------------------------

def test_post_text_and_signature(lint) -> None:
    post = ("Waves over the sea wall again this morning #PortvaleStorm\n"
            "— Sam Doe (@samdoe_news) March 3, 2021")
    source, findings = lint("NL114", STORY + "Residents posted pictures of the storm:\n" + post + "\n")
    assert spans(source, findings) == [post]
    assert findings[0].fix is None


def test_dashes_in_prose_are_not_signatures(lint) -> None:
    text = STORY + "— Sam Doe, who has lived on the quay since 1990, said the storm was the worst.\n"
    assert lint("NL114", text)[1] == []


# --- NL115 media-promo -------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "WATCH: Crowds Cheer as the Lifeboat Takes to the Water",
    "- Video: Five Ways to Decorate a Harbour Table",
    "The lifeboat launch at Portvale harbour, in pictures",
])
def test_media_promos_are_warned_about(lint, line: str) -> None:
    source, findings = lint("NL115", STORY + line + "\n")
    assert spans(source, findings) == [line]


def test_media_words_in_sentences_are_left_alone(lint) -> None:
    text = STORY + "Video: the crew's own footage shows the rescue from the deck. It was filmed at night.\n"
    assert lint("NL115", text)[1] == []


def test_a_gallery_counter_beside_its_controls_is_flagged(lint) -> None:
    text = "Headline\n\n" + STORY + "Previous\n3 / 12\nNext\n"
    source, findings = lint("NL109", text)
    assert spans(source, findings) == ["Previous", "3 / 12", "Next"]


def test_a_column_of_bare_numbers_is_data_not_a_counter(lint) -> None:
    text = "Headline\n\n" + STORY + "Mean temperatures by month, high/low\n23/16\n24/17\n27/19\n"
    assert lint("NL109", text)[1] == []
