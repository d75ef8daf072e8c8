"""NL1xx: stray scraper and CMS artifacts. Each rule's flagged cases and what it must leave alone.

Every article text here is our own writing.
"""

from __future__ import annotations

import pytest
from conftest import SEED, apply_fix, check_json, needs_shared, spans

from newslint.model import RuleDoc, RuleSpec, Severity
from newslint.registry import Registry
from newslint.rules.artifacts.pattern import pattern_rule

HEADLINE = "Harbour reopens after the storm\n\n"


# --- the seed article, end to end through the CLI -------------------------------------------

@needs_shared()
def test_seed_artifacts_and_duplicates_through_the_cli() -> None:
    code, findings = check_json("--select", "NL1,NL2", str(SEED))
    got = {(f["code"][:4], f["line"]) for f in findings}
    loading = {("NL10", line) for line in (20, 48, 68, 84)}
    promos = {("NL10", line) for line in (18, 46, 64, 66, 82)}
    assert loading | promos <= got
    by_line = {(f["code"], f["line"]): f for f in findings}
    assert {by_line[("NL101", line)]["end_column"] - by_line[("NL101", line)]["column"]
            for line in (20, 48, 68, 84)} == {len("Loading...")}
    assert all(("NL102", line) in by_line for line in (18, 46, 64, 66, 82))
    assert "line 5" in by_line[("NL201", 8)]["message"]
    assert "line 16" in by_line[("NL203", 52)]["message"]
    assert by_line[("NL108", 85)]["severity"] == "warning"
    assert by_line[("NL108", 85)]["fixable"] is False
    assert by_line[("NL203", 52)]["fixable"] is False
    assert all(by_line[(c, line)]["fixable"] for (c, line) in by_line if c in {"NL101", "NL102", "NL201"})
    assert len(findings) == 12, sorted(by_line)
    assert code == 1


# --- NL101 loading placeholder ------------------------------------------------------------

def test_loading_placeholder_flags_the_exact_block_and_removes_it(lint) -> None:
    text = HEADLINE + "Crews worked overnight.\n\nLoading…\n\nFerries resumed at noon.\n"
    source, found = lint("NL101", text)
    assert spans(source, found) == ["Loading…"]
    fixed = apply_fix(source, found[0])
    assert "Loading" not in fixed and "Ferries resumed at noon." in fixed


@pytest.mark.parametrize("text", [
    "Loading the ferry took six hours, the port authority said.",
    HEADLINE + "The crane was loading containers when the wind picked up.\n",
])
def test_loading_in_prose_is_left_alone(lint, text: str) -> None:
    assert lint("NL101", text)[1] == []


# --- NL102 promo lines --------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "READ MORE: Unions reject the port operator's latest pay offer",
    "Related: Why the river keeps rising every spring",
    "ALSO READ: Five harbours that survived the storm",
    "See also: The quietest ferry routes in the north, ranked",
    "Read more:\u00a0Councillors vote to delay the flood barrier",
    "More from Portvale Post: Fishermen count the cost",
    "Related article: Could the ferry strike spread to the airports?",
    "You may also be interested in: Ten quiet beaches on the coast",
    "Learn More: Seven ways the harbour could pay for its own repairs",
])
def test_promo_line_is_flagged_as_one_block(lint, line: str) -> None:
    text = HEADLINE + "Ferries resumed at noon on Monday.\n\n" + line + "\n\nTalks resume on Friday.\n"
    source, found = lint("NL102", text)
    assert spans(source, found) == [line]
    assert found[0].fix is not None


@pytest.mark.parametrize("text", [
    "The council will vote in March. Read more about the plan in our guide.",
    HEADLINE + "Read more about the plan in our guide, which is free to download.\n",
    HEADLINE + "Learn more about the plan in our guide, which is free to download.\n",
    HEADLINE + "Related: the council also voted on Tuesday to raise parking fees.\n",
    HEADLINE + "Related to the strike, the port said two cranes would be idle.\n",
    HEADLINE + "Flood defences\n\nSee also\n\nThe river authority's annual report covers the same ground.\n",
    HEADLINE + "WATCH: The mayor's full speech at the harbour\n\nShe thanked the crews.\n",
])
def test_prose_starting_like_a_promo_is_left_alone(lint, text: str) -> None:
    assert lint("NL102", text)[1] == []


def test_lone_label_takes_its_headline_links_along(lint) -> None:
    text = ("<h1>Harbour reopens</h1><p>Ferries resumed at noon.</p>"
            "<p><b>Read more:</b></p>"
            "<p><a href='/a'>Unions reject latest pay offer from port operator</a></p>"
            "<p><a href='/b'>Why the river keeps rising every spring</a></p>"
            "<p>The harbour master thanked the crews, who had worked for three days.</p>")
    source, found = lint("NL102", text, "html")
    assert len(found) == 1
    flagged = source[found[0].start:found[0].end]
    assert flagged.startswith("Read more:") and flagged.endswith("every spring")
    fixed = apply_fix(source, found[0])
    assert "Read more" not in fixed and "Unions reject" not in fixed and "river keeps" not in fixed
    assert "The harbour master thanked the crews" in fixed


def test_lone_label_does_not_swallow_a_dateline_or_a_credit(lint) -> None:
    text = HEADLINE + "Ferries resumed at noon.\n\nRelated\n\nPortvale Post, March 3, 2024\n"
    source, found = lint("NL102", text)
    assert spans(source, found) == ["Related"]
    text = HEADLINE + "Ferries resumed at noon.\n\nRELATED:\n\nImage credit: Jane Roe\n"
    source, found = lint("NL102", text)
    assert spans(source, found) == ["RELATED:"]


# --- NL103 teaser -------------------------------------------------------------------------

def test_cut_off_teaser_is_flagged(lint) -> None:
    teaser = "Harbour fees will rise next year as the operator tries to recover the cost of... Read More"
    source, found = lint("NL103", HEADLINE + teaser + "\n\nFerries run to timetable.\n")
    assert spans(source, found) == [teaser]


# --- NL104 advertisement labels -------------------------------------------------------------

@pytest.mark.parametrize("label", ["Advertisement", "ADVERTISEMENT", "Skip Advertisement",
                                   "Story continues below advertisement", "Continue reading the main story",
                                   "Advertisement - Scroll to continue"])
def test_ad_label_block_is_flagged_and_removed(lint, label: str) -> None:
    source, found = lint("NL104", HEADLINE + "Ferries resumed.\n\n" + label + "\n\nCouncillors objected.\n")
    assert spans(source, found) == [label]
    assert label not in apply_fix(source, found[0])


def test_ad_label_glued_into_a_paragraph_is_flagged_without_a_fix(lint) -> None:
    source, found = lint("NL104", "Crews cleared the quay on Monday. ADVERTISEMENT Ferries resumed at noon.")
    assert spans(source, found) == ["ADVERTISEMENT"]
    assert found[0].fix is None


@pytest.mark.parametrize("text", [
    "The city is demanding that the campaign withdraw an advertisement that uses its logo.",
    "NOTE TO EDITORS: THIS ADVERTISEMENT RAN IN THE SATURDAY EDITION ONLY.",
    "The advertising market shrank by a fifth, the report said.",
    HEADLINE + "Advertising\n\nPrint revenue fell again, while digital sales rose by a tenth.\n",
])
def test_the_word_advertisement_in_prose_is_left_alone(lint, text: str) -> None:
    assert lint("NL104", text)[1] == []


# --- NL105 template placeholders --------------------------------------------------------------

def test_shortcode_block_is_flagged_and_removed(lint) -> None:
    block = '[gallery ids="12,13,14" columns="3"]'
    source, found = lint("NL105", HEADLINE + "The bridge opened.\n\n" + block + "\n\nTraffic was light.\n")
    assert spans(source, found) == [block]
    assert block not in apply_fix(source, found[0])


def test_template_tag_inside_a_sentence_has_no_fix(lint) -> None:
    source, found = lint("NL105", "Dear {{ first_name }}, let us know what you think of the briefing.")
    assert spans(source, found) == ["{{ first_name }}"]
    assert found[0].fix is None


def test_caption_shortcode_tags_are_flagged_not_the_caption(lint) -> None:
    text = '[caption id="attachment_7" width="640"]The bridge at dawn.[/caption]'
    source, found = lint("NL105", text)
    assert spans(source, found) == ['[caption id="attachment_7" width="640"]', "[/caption]"]


@pytest.mark.parametrize("block", [
    "[button link=\u201dhttps://example.com/submit/\u201d type=\u201dbig\u201d]Send us your harbour photos[/button]",
    '[highlight color="red"]The mayor was furious.[/highlight]',
])
def test_any_shortcode_with_attributes_and_a_closing_tag_flags_its_opening_tag(lint, block: str) -> None:
    # the quotes of its attributes curly or not; what it wraps may be story text, so it stays
    source, found = lint("NL105", HEADLINE + "The bridge opened.\n\n" + block + "\n\nTraffic was light.\n")
    assert spans(source, found) == [block[:block.index("]") + 1]]
    assert found[0].fix is None


@pytest.mark.parametrize("text", [
    "In a template you write <title>{{ page_title }}</title> and the engine fills it in.",
    # attributes without a closing tag, a closing tag without attributes: no shortcode
    "The form asked for [name=value] pairs, the clerk said, and nothing else.",
    "The sign read [closed] and then [/closed] in the window.",
    "The museum's new gallery opens in June, with a video installation by a local artist.",
    "The [gallery] of the old town hall was closed for repairs, the notice said.",
    'He said "they [Facebook] should pay for the damage", and left.',
    'She called the clip fake: "the [video] was edited," she said.',
])
def test_code_samples_and_bracketed_insertions_are_left_alone(lint, text: str) -> None:
    assert lint("NL105", text)[1] == []


def test_a_template_tag_on_a_line_of_a_code_listing_is_left_alone(lint) -> None:
    # A tutorial's listing, one block a line: the loop tag's neighbours are markup.
    listing = ('<ul class="ferries">\n  {% for ferry in timetable.ferries %}\n'
               '  <li>{{ ferry.name }}</li>\n  {% endfor %}\n</ul>\n')
    assert lint("NL105", HEADLINE + "The template lists every ferry:\n" + listing
                + "\nThat is all the page needs.\n")[1] == []


def test_a_template_tag_between_story_paragraphs_is_still_removed(lint) -> None:
    source, found = lint("NL105", HEADLINE + "The bridge opened.\n{% for item in related %}\nTraffic was light.\n")
    assert spans(source, found) == ["{% for item in related %}"]
    assert "{%" not in apply_fix(source, found[0])


@pytest.mark.parametrize(("text", "expected"), [
    (HEADLINE + "[gallery]\n", ["[gallery]"]),
    ("Before the vote [video]https://example.com/clip[/video] the mayor spoke.", ["[video]", "[/video]"]),
    ("Read the {% include 'promo.html' %} below.", ["{% include 'promo.html' %}"]),
])
def test_bare_shortcodes_count_alone_or_with_a_closing_tag(lint, text: str, expected: list[str]) -> None:
    source, found = lint("NL105", text)
    assert spans(source, found) == expected


# --- NL106 script values ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    (HEADLINE + "Turnout was high.\n\nundefined\n\nPolls closed late.\n", "undefined"),
    ("Support for the plan rose to NaN% in the latest poll.", "NaN"),
    ("Tickets cost $NaN at the door.", "NaN"),
    ("By undefined", "undefined"),
    ("The widget said [object Object] where the map should be.", "[object Object]"),
])
def test_script_values_are_flagged(lint, text: str, expected: str) -> None:
    source, found = lint("NL106", text)
    assert spans(source, found) == [expected]


@pytest.mark.parametrize("text", [
    "The exhibition includes work by Nan Goldin and David Bailey.",
    "Her role in the new cabinet remains undefined, and the trial produced a null result.",
    "Rainfall was null in March, and the model returned NaN for two stations.",
])
def test_words_that_look_like_script_values_are_left_alone(lint, text: str) -> None:
    assert lint("NL106", text)[1] == []


# --- NL107 share and newsletter widgets -------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Share this article", "Share on Facebook", "Share Tweet Email", "Follow us on Twitter & Instagram",
    "Like us on Facebook", "Sign up for our newsletter", "Click here to subscribe",
    "From the newsroom to your inbox. Sign up for our newsletter today.", "12K shares Share on Facebook",
    "Facebook Twitter LinkedIn", "Share",
])
def test_widget_text_blocks_are_flagged(lint, line: str) -> None:
    source, found = lint("NL107", HEADLINE + "Ferries resumed at noon.\n\n" + line + "\n\nThe port reopened.\n")
    assert spans(source, found) == [line]


@pytest.mark.parametrize("text", [
    "The minister urged voters to share the article with friends before the deadline.",
    HEADLINE + "Ferries resumed at noon.\n\nFollow Jane Roe on Twitter: @janeroe\n",
    HEADLINE + "Email\n\nMost staff now read their email on a phone, the survey found.\n",
    HEADLINE + "Share this information with your neighbours, please?\n",
    HEADLINE + "Facebook Messenger\n\nThe app now has two billion users, the company said.\n",
])
def test_prose_and_sign_offs_are_not_widgets(lint, text: str) -> None:
    assert lint("NL107", text)[1] == []


# --- NL108 orphan trailing fragment -----------------------------------------------------------

BODY = HEADLINE + "Ferry services resumed on Monday after a three-day strike.\n\n"


@pytest.mark.parametrize("tail", ["Harbour Road 4", "Topics: Ports, Strikes", "Top stories 9"])
def test_stray_last_fragment_is_a_warning_without_fix(lint, tail: str) -> None:
    source, found = lint("NL108", BODY + tail + "\n")
    assert spans(source, found) == [tail]
    assert found[0].severity is Severity.WARNING and found[0].fix is None


@pytest.mark.parametrize("tail", [
    "Jane Roe",                                  # a sign-off
    "Jane Roe, Sam Doe",                          # two of them
    "Additional reporting by Sam Doe",            # a byline
    "-- Sam Doe",
    "Photo: Portvale Council",                    # a credit
    "jroe@portvalepost.example.com",              # a contact line
    "Portvale, March 3, 2024",                    # a dateline
    "The new timetable is online now",           # a sentence missing its full stop
    "What happens next?",                         # punctuated
    "(jr/sd)",
    "Love always, Jane xxx",                      # a letter's sign-off
    "Kim Roe, Portvale",                          # a reader's letter signed with name and town
])
def test_legitimate_last_lines_are_left_alone(lint, tail: str) -> None:
    assert lint("NL108", BODY + tail + "\n")[1] == []


def test_last_item_of_a_list_is_not_an_orphan(lint) -> None:
    text = BODY + "Saturday's fixtures:\n\nPortvale v Eastbridge\n\nNortham v Westford\n"
    assert lint("NL108", text)[1] == []
    text = BODY + "Subs: Smith, Jones, Brown, Green.\n\n: R Black\n"
    assert lint("NL108", text)[1] == []


def test_fragment_before_trailing_caption_is_still_the_last_body_block(lint) -> None:
    text = ("<h1>Harbour</h1><p>Ferry services resumed on Monday after a strike.</p>"
            "<p>Harbour Road 4</p><figure><figcaption>The quay at dawn on Monday.</figcaption></figure>")
    source, found = lint("NL108", text, "html")
    assert spans(source, found) == ["Harbour Road 4"]


# --- the pattern kind's remove_whole_block option ----------------------------------------------

def _pattern(**options: object) -> object:
    spec = RuleSpec(code="XX900", name="t", kind="pattern", severity=Severity.ERROR, message="{match}",
                    doc=RuleDoc(summary="t"), options={"patterns": ["WIDGET"], **options}, fixable=True)
    return pattern_rule(spec)


def test_remove_whole_block_fixes_only_whole_block_matches(registry: Registry) -> None:
    rule = _pattern(remove_whole_block=True)
    document = registry.readers[".txt"].read("a.txt", HEADLINE + "WIDGET\n\nThe WIDGET broke.\n")
    whole, inline = list(rule.check(document))
    assert whole.fix is not None and whole.fix.edits[0].start == document.source.index("WIDGET\n")
    assert inline.fix is None
    plain = list(_pattern().check(document))
    assert [f.fix for f in plain] == [None, None]


# --- the pattern kind's unless_next option ------------------------------------------------------

def test_unless_next_leaves_a_match_alone_when_the_next_block_matches(registry: Registry) -> None:
    rule = _pattern(whole_block=True, unless_next=["^ROW"])
    document = registry.readers[".txt"].read("a.txt", HEADLINE + "WIDGET\nROW one\n\nWIDGET\n\nThe end.\n")
    [finding] = rule.check(document)
    assert finding.start == document.source.rindex("WIDGET")
    assert len(list(_pattern(whole_block=True).check(document))) == 2


# --- NL121 table rule with no rows under it ------------------------------------------------------

def test_a_lone_table_rule_is_flagged_and_only_it_is_removed(lint) -> None:
    text = HEADLINE + "Nail art goes pop.\n| Studio Nine |\n|---|\nThe trend shows no sign of slowing.\n"
    source, found = lint("NL121", text)
    assert spans(source, found) == ["|---|"]
    fixed = apply_fix(source, found[0])
    assert "|---|" not in fixed
    assert fixed.replace("\n", "") == source.replace("|---|", "").replace("\n", "")


@pytest.mark.parametrize("rule_line", ["|:---|", "| --- | --- |", "|:---:|---:|"])
def test_every_shape_of_rule_line_counts(lint, rule_line: str) -> None:
    source, found = lint("NL121", HEADLINE + f"The harbour on Monday.\n| Photo |\n{rule_line}\nBoats stayed in port.\n")
    assert spans(source, found) == [rule_line]


@pytest.mark.parametrize("text", [
    # a real table: rows follow the rule line, in separate blocks or in one
    HEADLINE + "| Route | Single |\n|---|---|\n| Quay | 2.10 |\n",
    HEADLINE + "| Party | Seats |\n|---|---|\n\n| Harbour | 12 |\n",
    # dashes and bars in prose, a rule line inside a sentence, a rule of two dashes
    HEADLINE + "Turnout rose --- the most since 1992 | a spokesman said.\n",
    HEADLINE + "The table began |---| and ended there.\n",
    HEADLINE + "The ferry left.\n|--|\nIt was late.\n",
])
def test_tables_and_prose_are_left_alone(lint, text: str) -> None:
    assert lint("NL121", text)[1] == []


def test_rows_of_empty_cells_are_flagged_each(lint) -> None:
    source, found = lint("NL121", HEADLINE + "The housekeepers knew.\n\n|  |  |  |\n|  |  |\n")
    assert spans(source, found) == ["|  |  |  |", "|  |  |"]
    assert all("The housekeepers knew." in apply_fix(source, finding) for finding in found)


def test_a_rule_line_over_empty_rows_is_a_leftover_too(lint) -> None:
    source, found = lint("NL121", HEADLINE + "The ferry left.\n| Photo |\n|---|\n|  |  |\nIt was late.\n")
    assert spans(source, found) == ["|---|", "|  |  |"]


def test_a_row_with_any_text_in_a_cell_is_left_alone(lint) -> None:
    assert lint("NL121", HEADLINE + "Results:\n\n| Harbour |  |\n\nThe count went on.\n")[1] == []
