"""NL112, NL116, NL117: other stories' headlines and page labels found by shape and by the
position of the story body (issue 13). Flagged cases and what must be left alone; every text
here is our own writing.
"""

from __future__ import annotations

import pytest
from conftest import spans

from newslint.model import Severity

# Two paragraphs of 25 words or more: the story body.
BODY = (
    "The harbour at Portvale reopened on Monday after a week of repairs to the sea wall, the "
    "council said, and the first ferry of the morning left the quay on time.\n\n"
    "Fishermen said the repairs had come too late for the winter season, which had cost them "
    "three weeks of catches and a great deal of money they would not get back.\n\n"
)
CLOSING = ("The council will decide in March whether the wall needs a second phase of work, which "
           "would close the quay to traffic again for a month next winter.\n")


# --- NL112: teaser runs ---------------------------------------------------------------------

def test_sentence_case_teasers_with_times_after_the_story(lint) -> None:
    run = ("Ferry crews vote to strike over the winter rota\n2 hours ago\n"
           "Council to review parking charges near the quay\n5 hours ago\n"
           "Why the lighthouse will stay shut all summer")
    source, found = lint("NL112", BODY + run + "\n")
    assert spans(source, found) == [run]
    assert found[0].severity is Severity.WARNING and found[0].fix is None
    assert "headlines of other stories" in found[0].message


def test_a_heading_of_any_wording_over_headlines_after_the_story(lint) -> None:
    run = "Elsewhere in the valley\nMill owners fined over river pollution\nSchool 'not consulted' on bus cuts"
    source, found = lint("NL112", BODY + run + "\n")
    assert spans(source, found) == [run]
    assert "teaser heading" in found[0].message


def test_a_title_case_run_above_the_story(lint) -> None:
    run = ("Ten Quiet Beaches on the Portvale Coast\nWhy the River Keeps Rising Every Spring\n"
           "The Best Fish and Chips in the County")
    source, found = lint("NL112", run + "\n\n" + BODY)
    assert spans(source, found) == [run]


@pytest.mark.parametrize("text", [
    # above the story, a heading of any wording and sentence-case lines are the article's own
    "Harbour notes\nThe wall was built in 1911 by the harbour board\nThe quay was widened after the war\n\n" + BODY,
    # credits after the story
    BODY + "Credits\nProduced in Portvale by the harbour trust\nPhotographs courtesy of the town museum\n",
    # a list of awards: "Category - winner"
    BODY + "Best skipper - Jane Roe of the Morning Star\nBest crew - The Eastbridge lifeboat team\n"
           "Best newcomer - Sam Doe of the Portvale pilot boat\n",
    # references
    BODY + "Roe, Jane (2019) A history of the harbour wall\nDoe, Sam (2020) Ferries of the south coast\n"
           "Roe, Jane (2021) The quay and its people\n",
    # the story's own list, introduced by a lead-in
    BODY + "The trust's next steps are:\nrepair the slipway before the spring tides\n"
           "repaint the harbour master's office\nreopen the fish market on Fridays\n",
])
def test_lists_that_belong_to_the_story_are_left_alone(lint, text: str) -> None:
    assert lint("NL112", text)[1] == []


def test_a_short_story_ending_keeps_the_teasers_outside_the_body(lint) -> None:
    # the editor's note after the teasers is shorter than a story paragraph
    run = ("Ferry crews vote to strike over the winter rota\nCouncil to review parking charges near the quay\n"
           "Why the lighthouse will stay shut all summer")
    text = BODY + run + "\n\nEditor's note: this story was updated on Tuesday with the council's figures.\n"
    source, found = lint("NL112", text)
    assert spans(source, found) == [run]


# --- NL116: promos for other stories --------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Also on portvale-star.com Ferry crews vote to strike over the winter rota",
    "PLUS: Ten Quiet Beaches on the Portvale Coast",
    "ICYMI | Council to review parking charges near the quay",
])
def test_a_cue_and_a_headline_between_paragraphs(lint, line: str) -> None:
    source, found = lint("NL116", BODY + line + "\n\n" + CLOSING)
    assert spans(source, found) == [line]
    assert found[0].severity is Severity.WARNING and found[0].fix is None
    assert "promo for another story" in found[0].message


def test_a_headline_quoting_speech_between_paragraphs(lint) -> None:
    line = "Harbour master 'not told' of the sea wall repairs until too late"
    source, found = lint("NL116", BODY + line + "\n\n" + CLOSING)
    assert spans(source, found) == [line]
    assert "another story's headline" in found[0].message


@pytest.mark.parametrize("line", [
    "PORTVALE MAYOR OPENS UP ABOUT HER PLANS FOR THE OLD HARBOUR",
    "'HARBOUR NIGHTS' STAR SAYS THE SHOW HAS CHANGED HER LIFE",
])
def test_a_headline_in_capitals_between_paragraphs(lint, line: str) -> None:
    source, found = lint("NL116", BODY + line + "\n\n" + CLOSING)
    assert spans(source, found) == [line]
    assert "in capitals" in found[0].message and found[0].fix is None


@pytest.mark.parametrize("line", [
    # subheadings in capitals: short, or opening with a question word or an -ing form
    "THE LONG ROAD TO A NEW WALL",
    "WHAT YOU NEED TO BRING FOR A DAY ON THE WATER",
    "HOW TO BOOK A FERRY TICKET ONLINE THIS SUMMER",
    "GETTING TO THE ISLAND BY FERRY OR BY AIR THIS YEAR",
    # a shouted sentence with its full stop, and a line in capitals with lower-case words
    "THE WALL WILL NOT BE FINISHED BEFORE THE WINTER STORMS.",
    "PORTVALE Harbour Trust annual report for the year to March",
])
def test_subheadings_and_sentences_in_capitals_are_left_alone(lint, line: str) -> None:
    assert lint("NL116", BODY + line + "\n\n" + CLOSING)[1] == []


@pytest.mark.parametrize("text", [
    # the article's own headline on the first line
    "The Latest: ferry crews vote to strike over the winter rota\n\n" + BODY,
    # a subheading of a few words, and one that opens with a quoted word
    BODY + "The long road to a new wall\n\n" + CLOSING,
    BODY + "'Lucky' escape for the crew of the pilot boat\n\n" + CLOSING,
    # speech reported outside the quotation: a sentence missing its full stop
    BODY + "The mayor said the plan was 'dead in the water' after the vote\n\n" + CLOSING,
    # a cue followed by a sentence
    BODY + "See: the council's statement is on its website, with the new timetable.\n\n" + CLOSING,
    # a command line in a how-to
    BODY + "$ echo 'open the gates' > harbour.log\n\n" + CLOSING,
])
def test_subheadings_sentences_and_headlines_of_the_story_are_left_alone(lint, text: str) -> None:
    assert lint("NL116", text)[1] == []


# --- NL117: page labels at the edges ---------------------------------------------------------

@pytest.mark.parametrize(("text", "label", "what"), [
    ("News > Coast > Portvale\n\n" + BODY, "News > Coast > Portvale", "breadcrumb"),
    ("Politics | 4 May 2021\n\n" + BODY, "Politics | 4 May 2021", "date-and-category"),
    ("coastal life\n\n" + BODY, "coastal life", "section label"),
    ("World news\n\n" + BODY, "World news", "section label"),
    (BODY + "Harbour, Ferries, Portvale Council, Coastal Transport\n", "Harbour, Ferries, Portvale Council, Coastal Transport",
     "topics"),
    (BODY + "###\n", "###", "end-of-article marker"),
    ("You are here: Home / News / Portvale\n\n" + BODY, "You are here: Home / News / Portvale", "breadcrumb"),
])
def test_page_labels_at_the_edges_are_warned_about(lint, text: str, label: str, what: str) -> None:
    source, found = lint("NL117", text)
    assert spans(source, found) == [label]
    assert what in found[0].message and found[0].fix is None and found[0].severity is Severity.WARNING


@pytest.mark.parametrize("text", [
    "Jane Roe | Staff Writer | 4 May 2021\n\n" + BODY,  # a byline with its date
    "PORTVALE\n\n" + BODY,  # a dateline in capitals
    "4 May 2021\n\n" + BODY,  # a date alone
    "Portvale v Eastbridge/Northam\n\n" + BODY,  # a headline with a slash
    BODY + "###\n\nJane Roe is the Star's harbour correspondent.\n",  # a marker with the story after it
    BODY + "Jane Roe, Portvale\n",  # a sign-off
    "Location: the old quay at Portvale\n\n" + BODY,  # a location line that is no path
    "News > Coast\n\n" + BODY + "coastal life\n\n" + BODY + "World news\n\n" + BODY,  # inside the body
])
def test_bylines_datelines_and_story_lines_are_left_alone(lint, text: str) -> None:
    source, found = lint("NL117", text)
    assert [s for s in spans(source, found) if s != "News > Coast"] == []


@pytest.mark.parametrize("line", [
    "'Not on my watch': harbour master vows to keep the quay open",  # a quoted slogan as topic
    "Weekend Reads: Ten Quiet Beaches, Two Old Piers and a Lighthouse...",  # a cut-off link title
])
def test_other_headline_shapes_between_paragraphs(lint, line: str) -> None:
    source, found = lint("NL116", BODY + line + "\n\n" + CLOSING)
    assert spans(source, found) == [line]


def test_a_sentence_that_trails_off_is_left_alone(lint) -> None:
    text = BODY + "And then the tide came in and nobody on the quay said a word...\n\n" + CLOSING
    assert lint("NL116", text)[1] == []


def test_a_menu_split_over_lines_is_one_label(lint) -> None:
    menu = "| News | Harbour | Ferries | Contact Us |\n| Archives | Events | Write for the Star |"
    source, found = lint("NL117", BODY + menu + "\n")
    assert spans(source, found) == [menu]
    assert "section links" in found[0].message


def test_lower_case_words_that_make_a_phrase_are_not_a_label(lint) -> None:
    assert lint("NL117", "and they are\n\n" + BODY)[1] == []


# --- NL109 and NL110: interface text found on the tuning pages, in our own words -----------

@pytest.mark.parametrize("line", [
    "© 2019, 2020",
    "See more photos:",
    "You can follow any responses to this entry through the feed, or leave a response below.",
    "This entry was posted on Monday, 4 May 2021 at 10:15 am and is filed under Harbour, Ferries.",
])
def test_interface_text_of_blog_engines_and_galleries(lint, line: str) -> None:
    source, found = lint("NL109", BODY + line + "\n")
    assert spans(source, found) == [line]


def test_learn_more_counts_beside_other_controls(lint) -> None:
    source, found = lint("NL109", BODY + "Learn more\n\nNext\n")
    assert spans(source, found) == ["Learn more", "Next"]
    assert lint("NL109", "Learn more\n\n" + BODY)[1] == []


def test_a_pointer_to_another_page_is_a_call_to_action(lint) -> None:
    line = "You can read more about the harbour master's long career here."
    source, found = lint("NL110", BODY + line + "\n")
    assert spans(source, found) == [line]
    assert lint("NL110", BODY + "You can read more about the wall in the council's report.\n")[1] == []


def test_a_word_of_a_sentence_broken_over_lines_is_not_a_label(lint) -> None:
    text = BODY + "Editor's note: the harbour board\nrepeatedly\ndelayed the repairs, the inquiry found\n"
    assert lint("NL117", text)[1] == []


# --- NL112: headline grammar in sentence case, dated teasers, more teaser headings ------------

SENTENCE_CASE_RUN = ("Man charged after crash on the coast road\nPortvale council approves plan for 200 new homes\n"
                     "School closed over boiler fault")


def test_sentence_case_headlines_after_the_story(lint) -> None:
    source, found = lint("NL112", BODY + SENTENCE_CASE_RUN + "\n")
    assert spans(source, found) == [SENTENCE_CASE_RUN]
    assert found[0].severity is Severity.WARNING and found[0].fix is None


@pytest.mark.parametrize("heading", ["Latest", "More like this", "Readers also liked", "In case you missed it",
                                     "Around the county"])
def test_a_heading_over_sentence_case_headlines(lint, heading: str) -> None:
    run = heading + "\n" + SENTENCE_CASE_RUN
    source, found = lint("NL112", BODY + run + "\n")
    assert spans(source, found) == [run]


def test_teasers_each_with_a_date_need_no_other_mark(lint) -> None:
    run = ("Harbour cafe named best in the region\n4 May 2021\nNew lifeboat for the Portvale crew\n3 May 2021\n"
           "Walkers asked to keep dogs on leads\n1 May 2021")
    source, found = lint("NL112", BODY + run + "\n")
    assert spans(source, found) == [run]


@pytest.mark.parametrize("tail", [
    # captions of the story's pictures: an article or a plural before the verb, verbs of seeing
    ("The harbour at dawn on Monday\nThe mayor cuts a ribbon on the new wall\nBoats moored in the harbour at dusk\n"
    "The new sea wall seen from the lighthouse"),
    # a timeline: the date comes first
    ("4 May 2021\nHarbour wall damaged in a storm\n12 June 2021\nRepairs begin on the wall\n3 July 2021\n"
    "The quay closes to traffic"),
    # steps of the story's own how-to
    ("How to apply for a mooring\nFill in the form at the harbour office\nPay the deposit at the counter\n"
    "Wait for a letter from the harbour master"),
    # a fact box and a product's features
    "Population: 12,400\nFounded: 1911\nMayor: Jane Roe\nTwinned with: Eastbridge",
    ("With up to ten hours of battery life on a single charge\nPremium sound and fine-tuned speakers deliver clarity\n"
    "Take calls and control your music from the side of the case"),
])
def test_captions_timelines_steps_and_facts_after_the_story_are_left_alone(lint, tail: str) -> None:
    assert lint("NL112", BODY + tail + "\n")[1] == []


def test_title_case_teasers_each_with_a_standfirst_after_the_story(lint) -> None:
    run = ("Why the River Keeps Rising Every Spring\nHydrologists say the culprit is upstream, and the fix will cost millions.\n"
           "Ten Things to Know About the New Bridge\nFrom the toll to the cycle lane, here is what changes on Monday.\n"
           "The Best Fish and Chips on the South Coast\nOur critic ate her way along forty miles of seafront.")
    source, found = lint("NL112", BODY + run + "\n")
    assert spans(source, found) == [run]


@pytest.mark.parametrize("tail", [
    # the story's FAQ: questions with one-line answers
    ("What Happens to the Ferry Timetable?\nThe winter timetable stays in place until March.\n"
    "Who Pays for the Second Phase?\nThe council and the harbour trust share the cost.\n"
    "When Does the Quay Close Again?\nNot before the end of the fishing season in November."),
    # the story's own sections in sentence case, and sections of more than one sentence
    ("The cost of the work\nThe first phase cost the council two million pounds.\n"
    "The view from the quay\nFishermen say the new wall is a great deal higher.\n"
    "The next winter\nThe council will decide in March whether to go on."),
    ("The Cost of the Work\nThe first phase cost two million pounds. The second will cost more.\n"
    "The View From the Quay\nFishermen say the wall is higher. They are pleased.\n"
    "The Next Winter\nThe council will decide in March. Nobody expects a delay."),
])
def test_the_storys_own_sections_and_faq_after_the_body_are_left_alone(lint, tail: str) -> None:
    assert lint("NL112", BODY + tail + "\n")[1] == []


def test_a_two_part_headline_under_a_teaser_heading(lint) -> None:
    run = ("You might also like:\nThe Ferry Shuts Early. But Who Will Pay for It?\n"
           "Ten Quiet Beaches on the Portvale Coast to Visit")
    source, found = lint("NL112", BODY + run + "\n\n" + CLOSING)
    assert spans(source, found) == [run]


@pytest.mark.parametrize("tail", [
    # without a teaser heading two title-case sentences are not a teaser
    ("Why the River Rises. And Why It Matters Now?\nThe Wall Holds. But Only for Now?\n"
    "Ten Boats Left. Five Came Back Home?"),
    # under a heading, a list of sentences in sentence case is the story's
    ("You might also like:\nThe ferry shuts early. The council will pay for it.\n"
    "The beaches are quiet. Most visitors stay away."),
])
def test_two_sentence_lines_without_a_heading_or_in_sentence_case_are_left_alone(lint, tail: str) -> None:
    found = lint("NL112", BODY + tail + "\n\n" + CLOSING)[1]
    assert found == []


@pytest.mark.parametrize("run", [
    # headlines without a small word: a subject and a verb make them phrases
    ("Harbour: Ferry operator reports record summer\nStorm damage: What the north shore looks like now\n"
    "Rovers: New goalkeeper signs two-year deal"),
    ("Ferry operator reports record summer »\nCouncil leader faces vote of no confidence »\n"
    "Portvale Rovers sign new goalkeeper »"),
])
def test_headlines_that_read_as_phrases_by_their_verb(lint, run: str) -> None:
    source, found = lint("NL112", BODY + run + "\n")
    assert spans(source, found) == [run]


def test_standings_rows_after_the_story_are_not_headlines(lint) -> None:
    rows = ("1 Jane Roe Portvale 5040 5 1 17 27\n2 Sam Doe Eastbridge 5035 7 0 15 24\n"
            "3 Ann Poe Northam 5033 4 6 15 26\n4 Tom Roe Portvale 5027 6 3 19 24")
    assert lint("NL112", BODY + rows + "\n")[1] == []


def test_teasers_each_with_a_date_on_their_line(lint) -> None:
    run = ("Ferry operator reports record summer | 3 May 2021\nCouncil leader faces vote of no confidence | 2 May 2021\n"
           "Portvale Rovers sign new goalkeeper - 2 hours ago")
    source, found = lint("NL112", BODY + run + "\n\n" + "Harbour Trust\n")
    assert spans(source, found) == [run]


@pytest.mark.parametrize("tail", [
    # a chronology: the date first, or dated sentences with their full stop
    ("3 May 2021 | Ferry operator reports record summer\n2 May 2021 | Council leader faces vote\n"
    "1 May 2021 | Portvale Rovers sign new goalkeeper"),
    ("The wall was finished on time - 3 May 2021.\nThe quay was reopened to traffic - 4 May 2021.\n"
    "The first ferry left the harbour - 5 May 2021."),
    # a bar that is not before a date
    "Ferry times | Fares | Parking | Contact the harbour office",
])
def test_dated_chronologies_and_menus_are_not_dated_teasers(lint, tail: str) -> None:
    assert lint("NL112", BODY + tail + "\n")[1] == []


@pytest.mark.parametrize("tags", [
    "Tags\nPortvale\nHarbour\nFerries\nPortvale Council\nSea walls\nWinter storms",
    "Related topics:\n- Portvale\n- Harbour repairs",
])
def test_a_tag_heading_with_its_topics_one_a_line_at_the_end(lint, tags: str) -> None:
    source, found = lint("NL117", BODY + tags + "\n")
    assert spans(source, found) == [tags]
    assert "topics or tags" in found[0].message


@pytest.mark.parametrize("tail", [
    # the story goes on after the list, or the lines are sentences, or there is one topic
    "Topics\nPortvale\nHarbour\n\n" + CLOSING,
    "Topics\nThe wall was repaired.\nThe quay was widened.\n",
    "Category\nHarbour\n",
    # a heading of another kind over short lines
    "Opening hours\nMonday to Friday\nWeekends closed\n",
])
def test_short_lines_that_are_not_a_tag_list_are_left_alone(lint, tail: str) -> None:
    _source, found = lint("NL117", BODY + tail)
    assert [f for f in found if "topics or tags" in f.message] == []


def test_a_headline_after_a_link_arrow_between_paragraphs(lint) -> None:
    source, found = lint("NL116", BODY + ">> Ferry operator reports record summer\n\n" + CLOSING)
    assert spans(source, found) == [">> Ferry operator reports record summer"]
    # a sentence after an arrow, and an arrow line with no story paragraph after it
    assert lint("NL116", BODY + ">> The ferry operator reported a record summer.\n\n" + CLOSING)[1] == []
    assert lint("NL116", BODY + ">> Ferry operator reports record summer\n")[1] == []


# --- NL112: runs the headline model recognises (bench/headline_model.py) ------------------

MODELLED = ("Fresh doubts over harbour wall repairs\nWinter ferry timetable cut back again\n"
            "New hope for Portvale fishing fleet")


def test_the_headline_model_scores_headlines_above_body_lines() -> None:
    from newslint.rules.artifacts.headline_model import headline_probability

    assert headline_probability("Fresh doubts over harbour wall repairs") > 0.85
    assert headline_probability("The council said it would look again at the plans in the spring.") < 0.2
    assert headline_probability("Two of the boats were moored at the quay") < 0.85


def test_a_run_the_model_reads_as_headlines_after_the_story(lint) -> None:
    source, found = lint("NL112", BODY + MODELLED + "\n")
    assert spans(source, found) == [MODELLED]
    assert found[0].severity is Severity.WARNING and found[0].fix is None
    assert "headline model" in found[0].message


def test_a_bulleted_list_the_model_reads_as_headlines_after_the_story(lint) -> None:
    run = "- " + MODELLED.replace("\n", "\n- ")
    source, found = lint("NL112", BODY + run + "\n")
    assert spans(source, found) == [run]
    assert "headline model" in found[0].message


def test_a_label_and_two_headlines_the_model_recognises_after_the_story(lint) -> None:
    run = "Elsewhere\nFresh doubts over harbour wall repairs\nWinter ferry timetable cut back again"
    source, found = lint("NL112", BODY + run + "\n")
    assert spans(source, found) == [run]
    assert "headline model" in found[0].message


def test_a_modelled_run_above_the_story_under_the_site_name(lint) -> None:
    source, found = lint("NL112", "Portvale Post\n\n" + MODELLED + "\n\n" + BODY)
    assert spans(source, found) == [MODELLED]


def test_a_contents_list_of_the_texts_own_sections_is_left_alone(lint) -> None:
    sections = MODELLED.split("\n")
    paragraphs = [*BODY.strip().split("\n\n"), CLOSING.strip()]
    body = "".join(f"{title}\n\n{paragraph}\n\n" for title, paragraph in zip(sections, paragraphs, strict=True))
    source, found = lint("NL112", "Portvale Post\n\n" + MODELLED + "\n\n" + body)
    assert found == []
    source, found = lint("NL112", "Portvale Post\n\n" + MODELLED + "\n\n" + BODY)
    assert spans(source, found) == [MODELLED]  # the same run, its lines nowhere else: other stories
    source, found = lint("NL112", BODY + MODELLED + "\n\n" + MODELLED + "\n")
    assert found and spans(source, found)[0].startswith(MODELLED)  # a list scraped twice is no contents list


@pytest.mark.parametrize("text", [
    # the same lines between the story's paragraphs are its crossheads or its own list
    BODY + MODELLED + "\n\n" + CLOSING,
    # at the very top they are the story's own headline, standfirst and kicker
    MODELLED + "\n\n" + BODY,
    # two such lines without a label are too few
    BODY + "Fresh doubts over harbour wall repairs\nWinter ferry timetable cut back again\n",
    # opening hours, names with their roles
    BODY + "Monday to Friday from nine until five\nSaturday mornings by appointment only\n"
           "Closed on Sundays and bank holidays\n",
    BODY + "Jane Roe, harbour master\nSam Doe, chair of the ferry users group\nAlex Poe, Portvale town councillor\n",
    # a crosshead with its paragraph after the story's long paragraphs
    BODY + "What happens next\nThe council will vote on the second phase in March.\n",
    # a bulleted list of facts after the story, each line a sentence
    BODY + "- The wall is 400 metres long and was built in 1911.\n- The quay has forty berths for boats.\n"
           "- The ferry runs four times a day in summer.\n",
    # a sentence wrapped over short lines
    BODY + "Fresh doubts over the harbour wall repairs were raised by\nthe board on Monday, and the Winter ferry\n"
           "timetable will be cut back again from\nthe first week of November\n",
])
def test_what_the_modelled_runs_leave_alone(lint, text: str) -> None:
    assert lint("NL112", text)[1] == []


def test_a_run_found_by_shape_needs_the_models_assent(registry) -> None:
    rule = registry.rule("NL112")
    headlines = registry.readers[".txt"].read("a.txt", MODELLED + "\n").blocks
    wrapped = registry.readers[".txt"].read("a.txt", (
        'Send "Content-Type" With The Request If The Folder Is\nNot Found on the server, and the reply has\n'
        "No Tag in its header when the request is sent\n")).blocks
    assert rule._model_agrees(headlines, 0, len(headlines) - 1)
    assert not rule._model_agrees(wrapped, 0, len(wrapped) - 1)
