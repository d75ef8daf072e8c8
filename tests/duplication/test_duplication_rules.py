"""NL2xx: repeated captions, repeated paragraphs and near-duplicate paragraphs.

Every article text here is our own writing.
"""

from __future__ import annotations

import random
import time

import pytest

from newslint.engine import check_document
from newslint.model import Finding, RuleDoc, RuleSpec, Severity
from newslint.registry import Registry
from newslint.rules.duplication.common import normalise
from newslint.text.credits import is_credit

EXTENSIONS = {"text": ".txt", "html": ".html"}


@pytest.fixture(scope="module")
def lint(registry: Registry):
    def run(code: str, text: str, fmt: str = "text") -> tuple[object, list[Finding]]:
        rule = registry.rule(code)
        assert rule is not None, code
        document = registry.reader_named(fmt).read("a" + EXTENSIONS[fmt], text)
        return document, [f for f in check_document(document, [rule]) if f.code == code]
    return run


def lines(document, findings: list[Finding]) -> list[int]:
    return [document.position(f.start)[0] for f in findings]


CAPTION = "A crane lifts a damaged fishing boat from the water in Portvale on Monday."


def figure(caption: str, alt: str = "") -> str:
    return f'<figure><img src="p.jpg" alt="{alt}">\n<figcaption>{caption}</figcaption></figure>\n'


# --- helpers ------------------------------------------------------------------------------

def test_normalise_ignores_case_spacing_quotes_and_edge_punctuation() -> None:
    assert normalise("  \u201cThe Quay,\u201d  at dawn. ") == normalise('"the quay," at   dawn')


@pytest.mark.parametrize("text", [
    "AFP", "Reuters", "Jane Roe/Getty Images", "sam_doe/iStock/Getty Images", "Photo: Portvale Council",
    "Credit\u2026Sam Doe for The Daily Post", "Photograph by Jane Roe", "Courtesy of the Roe family",
    "(Sam Doe/Portvale Post)", "AP Photo/Jane Roe", "\u00a9 Portvale Post",
])
def test_credit_only_captions(text: str) -> None:
    assert is_credit(text)


@pytest.mark.parametrize("text", [
    CAPTION, "Photos show the mayor at the dam", "Credit Suisse offices in Zurich", "24/7 coverage of the storm",
    "A memorial for The Beatles was unveiled on Friday", "AP reporters wait outside the court",
    "Seven Easy Garden Ideas That Work for Every Season",  # a title, longer than a name
])
def test_descriptive_captions_are_not_credits(text: str) -> None:
    assert not is_credit(text)


# --- NL201 duplicate caption ----------------------------------------------------------------

def test_caption_repeated_as_body_paragraph_points_at_the_first(lint) -> None:
    text = f"Harbour reopens\n\n{CAPTION}\nReuters\n\nThe port reopened at noon.\n\n{CAPTION}\n\nFerries resumed.\n"
    document, found = lint("NL201", text)
    assert lines(document, found) == [8]
    assert "paragraph duplicates the caption on line 3" in found[0].message
    edit = found[0].fix.edits[0]
    fixed = document.source[:edit.start] + document.source[edit.end:]
    assert fixed.count(CAPTION) == 1 and fixed.index(CAPTION) == document.source.index(CAPTION)


def test_caption_reused_under_a_second_picture_has_no_fix(lint) -> None:
    text = "<h1>Harbour</h1>" + figure(CAPTION) + "<p>The port reopened at noon.</p>" + figure(CAPTION)
    document, found = lint("NL201", text, "html")
    assert len(found) == 1 and found[0].fix is None
    assert document.source[found[0].start:found[0].end] == CAPTION
    assert found[0].start > document.source.index("reopened")


def test_repeated_caption_case_and_space_insensitive(lint) -> None:
    text = "<h1>Harbour</h1>" + figure(CAPTION) + "<p>Reopened.</p>" + figure("  " + CAPTION.upper() + " ")
    assert len(lint("NL201", text, "html")[1]) == 1


def test_alt_text_equal_to_its_own_caption_is_left_alone(lint) -> None:
    nets = "Fishermen check their nets on the quay before dawn."
    text = ("<h1>Harbour</h1>" + figure(CAPTION, alt=CAPTION) + "<p>The port reopened at noon.</p>"
            + figure(nets, alt=nets))
    assert lint("NL201", text, "html")[1] == []


def test_two_figures_with_same_alt_and_caption_report_the_caption_once(lint) -> None:
    text = ("<h1>Harbour</h1>" + figure(CAPTION, alt=CAPTION) + "<p>The port reopened at noon.</p>"
            + figure(CAPTION, alt=CAPTION))
    _document, found = lint("NL201", text, "html")
    assert len(found) == 1
    assert "caption duplicates the caption on line" in found[0].message


def test_alt_text_copied_from_another_pictures_caption_is_flagged(lint) -> None:
    text = ("<h1>Harbour</h1>" + figure(CAPTION) + "<p>The port reopened at noon.</p>"
            + figure("Fishermen check their nets on the quay.", alt=CAPTION))
    _document, found = lint("NL201", text, "html")
    assert len(found) == 1 and "image alt text" in found[0].message and found[0].fix is None


@pytest.mark.parametrize("caption", ["Jane Roe/Getty Images", "Photo: Portvale Council", "AFP",
                                     "Credit\u2026Sam Doe for The Daily Post", "Crane"])
def test_repeated_credits_and_very_short_captions_are_left_alone(lint, caption: str) -> None:
    text = "<h1>Harbour</h1>" + figure(caption) + "<p>The port reopened at noon.</p>" + figure(caption)
    assert lint("NL201", text, "html")[1] == []


def test_a_short_caption_repeated_by_a_template_is_left_alone(lint) -> None:
    # the same product label under every plan: rows built from one template, three copies or more
    plan = "<h2>Plan {}</h2>" + figure("Harbour Energy Drink") + "<p>Drink it before the morning swim.</p>"
    text = "<h1>Plans</h1>" + "".join(plan.format(letter) for letter in "ABC")
    assert lint("NL201", text, "html")[1] == []
    # a short caption used twice is still a repeated caption
    assert len(lint("NL201", "<h1>Plans</h1>" + "".join(plan.format(letter) for letter in "AB"), "html")[1]) == 1


def test_two_paragraphs_alike_are_not_a_caption_matter(lint) -> None:
    text = f"Harbour reopens\n\n{CAPTION}\n\nThe port reopened.\n\n{CAPTION}\n"
    assert lint("NL201", text)[1] == []


# --- NL202 duplicate paragraph ----------------------------------------------------------------

PARAGRAPH = "The harbour reopened at noon after crews cleared the wreckage from the channel."
LONG_PARAGRAPH = ("The harbour reopened at noon after crews cleared the wreckage from the channel. Ferries were "
                  "the first to return, followed by the trawlers. The harbour master said the north quay would "
                  "stay shut until the engineers had checked every pile and the damaged crane had been removed.")


def test_repeated_paragraph_is_flagged_at_the_later_copy(lint) -> None:
    text = f"Harbour\n\n{LONG_PARAGRAPH}\n\nFerries resumed later.\n\n{LONG_PARAGRAPH.upper()}\n"
    document, found = lint("NL202", text)
    assert lines(document, found) == [7] and "line 3" in found[0].message
    edit = found[0].fix.edits[0]
    assert (document.source[:edit.start] + document.source[edit.end:]).lower().count(LONG_PARAGRAPH.lower()) == 1


@pytest.mark.parametrize("repeated", ["Advertisement", "\u2014", "Subs: Smith, Jones.",
                                      "Apple Tablet 10, Unlocked, 64GB - Silver (Renewed)"])
def test_short_lines_labels_and_product_names_may_repeat(lint, repeated: str) -> None:
    text = f"Harbour\n\n{repeated}\n\n{PARAGRAPH}\n\n{repeated}\n"
    assert lint("NL202", text)[1] == []


def test_a_source_cited_twice_in_a_reference_list_is_no_copy(lint) -> None:
    cited = "- ^ Roe, Jane (March 4, 2019). The Harbour Wall: A History of the Portvale Quay. Portvale Press."
    other = "- ^ Doe, Sam (2020). Ferries of the South Coast and the Men Who Ran Them. Eastbridge Books."
    text = f"Harbour\n\n{LONG_PARAGRAPH}\n\nReferences\n\n{cited}\n\n{other}\n\n{cited}\n"
    assert lint("NL202", text)[1] == []


def test_a_story_paragraph_with_a_date_in_brackets_is_still_compared(lint) -> None:
    dated = LONG_PARAGRAPH.replace("at noon", "at noon (on 4 March 2019)")
    text = f"Harbour\n\n{dated}\n\nThe council met on Friday.\n\n{dated}\n"
    assert len(lint("NL202", text)[1]) == 1


def test_a_templated_document_repeats_on_purpose(lint) -> None:
    question = "What do you like to cook when friends come round for dinner?"
    answers = ["Soup, mostly, because it feeds a crowd.", "Anything on the grill.", "Pasta with clams."]
    text = "Cooks of Portvale\n\n" + "".join(f"{question}\n\n{answer}\n\n" for answer in answers)
    assert lint("NL202", text)[1] == []


def test_many_different_repeats_are_a_template_unless_pasted_as_one_run(lint) -> None:
    paragraphs = [f"Paragraph number {n} of the harbour story says something different each time." for n in range(4)]
    interleaved = "Harbour\n\n" + "\n\n".join(f"{p}\n\nA new line {i} in between, also a full sentence here."
                                              for i, p in enumerate(paragraphs * 2)) + "\n"
    assert lint("NL202", interleaved)[1] == []
    pasted = "Harbour\n\n" + "\n\n".join(paragraphs + paragraphs) + "\n"
    _document, found = lint("NL202", pasted)
    assert len(found) == 1 and "These 4 blocks repeat lines 3-9" in found[0].message


# --- NL203 near-duplicate paragraph -----------------------------------------------------------

OLD = ("Crews expect to clear the main channel by Friday, although the smaller berths on the north quay "
       "could stay closed for another fortnight, the harbour master said.")
NEW = ("Crews expect to clear the main channel by Friday, but the smaller berths on the north quay may stay "
       "shut for two more weeks, the harbour master said on Tuesday.")


def test_reworded_copy_is_a_warning_on_the_later_paragraph(lint) -> None:
    text = f"Harbour\n\n{OLD}\n\nFerries resumed at noon.\n\n{NEW}\n"
    document, found = lint("NL203", text)
    assert lines(document, found) == [7] and "line 3" in found[0].message
    assert found[0].severity is Severity.WARNING and found[0].fix is None


LIFTED = ("Crews expect to clear the main channel by Friday, although the smaller berths on the north quay "
          "could stay closed.")
LEDE = ("The storm that swept the coast on Sunday night sank two fishing boats in the harbour and tore "
        "a section off the sea wall.")


def test_an_earlier_pull_quote_is_the_copy_reported(lint) -> None:
    text = f"Harbour\n\n{LEDE}\n\n{LIFTED}\n\n{OLD}\n"
    document, found = lint("NL203", text)
    assert lines(document, found) == [5] and "line 7" in found[0].message
    assert found[0].severity is Severity.INFO  # a pull quote is repeated on purpose


def test_a_later_pull_quote_is_the_copy_reported(lint) -> None:
    text = f"Harbour\n\n{LEDE}\n\n{OLD}\n\n{LIFTED}\n"
    document, found = lint("NL203", text)
    assert lines(document, found) == [7] and "line 5" in found[0].message
    assert found[0].severity is Severity.INFO


def test_a_lede_restated_at_length_later_is_not_the_copy_reported(lint) -> None:
    document, found = lint("NL203", f"Harbour\n\n{LIFTED}\n\n{LEDE}\n\n{OLD}\n")
    assert lines(document, found) == [7] and "line 3" in found[0].message
    assert found[0].severity is Severity.WARNING  # the restatement is no excerpt of the lede


def test_an_earlier_shorter_rewrite_is_not_an_excerpt(lint) -> None:
    shorter = "Crews hope to clear the main channel by Friday, though the smaller berths on the north quay may stay closed."
    document, found = lint("NL203", f"Harbour\n\n{LEDE}\n\n{shorter}\n\n{OLD}\n")
    assert lines(document, found) == [7] and found[0].severity is Severity.WARNING


@pytest.mark.parametrize("other", [
    # same topic, different sentence
    ("Fishermen, who have not landed a catch for a week, say the council has been too slow to pay "
    "compensation for the boats damaged in the storm."),
    # exact copy: NL202's business
    OLD,
    # too short to judge
    "Crews expect to clear the channel by Friday, the harbour master said.",
])
def test_other_paragraphs_are_not_near_duplicates(lint, other: str) -> None:
    assert lint("NL203", f"Harbour\n\n{OLD}\n\n{other}\n")[1] == []


def test_list_items_labels_and_listings_are_not_compared(lint) -> None:
    rows = [f"- Best actor - {name} for The Harbour Master at the Portvale Playhouse this season."
            for name in ("Jane Roe", "Sam Doe")]
    assert lint("NL203", "Awards\n\n" + "\n\n".join(rows) + "\n")[1] == []
    labelled = [f"Jane Roe: charged with theft of marine diesel, held in lieu of ${n},000 bond at Portvale jail."
                for n in (5, 7)]
    assert lint("NL203", "Arrests\n\n" + "\n\n".join(labelled) + "\n")[1] == []


def test_a_family_of_look_alike_paragraphs_is_a_template(lint) -> None:
    days = ["Monday", "Tuesday", "Wednesday", "Thursday"]
    text = "Plan\n\n" + "\n\n".join(
        f"On {day} the first ferry leaves the north quay at six and the last one returns from the island at ten."
        for day in days) + "\n"
    assert lint("NL203", text)[1] == []


def _sentence(rng: random.Random, vocabulary: list[str], length: int) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(length)).capitalize() + "."


def test_a_two_thousand_paragraph_live_blog_stays_fast(lint) -> None:
    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(400)] + ["the", "of", "and", "said", "in", "a", "to"] * 40
    paragraphs = [_sentence(rng, vocabulary, 40) for _ in range(2000)]
    paragraphs[1500] = paragraphs[20].replace(".", " on Tuesday, officials added.")
    started = time.perf_counter()
    document, found = lint("NL203", "Live\n\n" + "\n\n".join(paragraphs) + "\n")
    elapsed = time.perf_counter() - started
    assert lines(document, found) == [3 + 2 * 1500]
    assert elapsed < 5.0, elapsed


def test_the_near_duplicate_kind_refuses_a_fix(registry: Registry) -> None:
    from newslint.rules.artifacts.orphan import orphan_fragment_rule
    from newslint.rules.duplication.near import near_duplicate_rule

    for factory, kind in ((near_duplicate_rule, "near-duplicate"), (orphan_fragment_rule, "orphan-fragment")):
        spec = RuleSpec(code="XX901", name="t", kind=kind, severity=Severity.WARNING, message="m",
                        doc=RuleDoc(summary="t"), fixable=True)
        with pytest.raises(ValueError):
            factory(spec)


# --- NL202 on scraped copy: runs, back-to-back lines, the headline, pull quotes --------------

SECTION = [
    "How the repairs will be paid for",
    "The council will borrow most of the money from the regional development fund.",
    "- Dredging the main channel",
    "- Rebuilding the north quay wall",
    "Work on the quay wall is due to start in the spring, once the engineers have finished their survey.",
]


def _fixed(document, findings: list[Finding]) -> str:
    from newslint.fix import apply_fixes, with_safe_fixes

    safe = with_safe_fixes(document, findings, frozenset({"NL202", "NL204"}))
    assert all(f.fix is not None for f in safe)
    return apply_fixes(document.source, safe, document)[0]


def test_a_section_scraped_twice_is_one_finding_over_the_later_copy(lint) -> None:
    before = "Harbour repairs approved\n\nCouncillors voted on Tuesday to fund the repairs to the harbour.\n\n"
    section = "\n\n".join(SECTION) + "\n\n"
    after = "The first contracts will be signed next month, the council said.\n"
    text = before + section + section + after
    document, found = lint("NL202", text)
    assert len(found) == 1
    (finding,) = found
    later = text.index(section, len(before) + 1)
    assert (finding.start, finding.end) == (later, later + len(section.rstrip()))
    assert "These 5 blocks repeat lines 5-13" in finding.message
    assert _fixed(document, found) == before + section + after


def test_a_section_scraped_twice_with_empty_bullets_in_one_copy_is_still_one_finding(lint) -> None:
    # the first copy keeps the list's bullets as lines of their own, the second drops them
    before = "Harbour repairs approved\n\nCouncillors voted on Tuesday to fund the repairs to the harbour.\n\n"
    bulleted = "\n\n".join(line for text in SECTION for line in ("-", text.removeprefix("- "))) + "\n\n"
    plain = "\n\n".join(text.removeprefix("- ") for text in SECTION) + "\n\n"
    after = "The first contracts will be signed next month, the council said.\n"
    document, found = lint("NL202", before + bulleted + plain + after)
    assert len(found) == 1 and "These 5 blocks repeat" in found[0].message
    assert _fixed(document, found) == before + bulleted + after


def test_a_list_repeated_is_one_finding(lint) -> None:
    items = "- Two cranes from the shipyard\n- Divers from the coastguard\n- Volunteers with small boats\n"
    text = f"Harbour\n\nThese were sent to help clear the channel:\n\n{items}\n{items}\nOfficials thanked them.\n"
    _document, found = lint("NL202", text)
    assert [(f.start, f.end) for f in found] == [(text.rindex(items), text.rindex(items) + len(items) - 1)]
    assert "lines 5-7" in found[0].message


def test_product_cards_repeating_one_spec_list_stay_quiet(lint) -> None:
    specs = "- Waterproof to ten metres\n- Battery lasts two days\n- Charges in an hour\n"
    text = ("Best harbour cameras\n\nTwo models stood out in our tests.\n\n"
            f"Gull Mini\n\n{specs}\nPrice: 120 pounds\n\nGull Max\n\n{specs}\nPrice: 180 pounds\n")
    assert lint("NL202", text)[1] == []


def test_a_table_header_scraped_twice_back_to_back(lint) -> None:
    header = "| Berth | Vessel | Status |"
    text = f"Harbour\n\n{header}\n\n{header}\n\n| 1 | Morning Star | open |\n\n| 2 | Gull | closed |\n"
    document, found = lint("NL202", text)
    assert [(f.start, f.end) for f in found] == [(text.rindex(header), text.rindex(header) + len(header))]
    assert "line 3" in found[0].message
    assert _fixed(document, found).count(header) == 1


def test_headline_repeated_as_a_body_line(lint) -> None:
    text = ("Harbour reopens after the storm\n\nHarbour reopens after the storm\n\n"
            "The harbour reopened at noon after crews cleared the channel.\n")
    document, found = lint("NL202", text)
    assert [document.position(f.start)[0] for f in found] == [3]
    assert "headline on line 1" in found[0].message


@pytest.mark.parametrize("text", [
    # a pull quote set in the text stream: a short lone copy of a body paragraph
    f"Harbour\n\n{PARAGRAPH}\n\nFerries resumed later.\n\nThe fleet went out at dusk.\n\n{PARAGRAPH}\n",
    # the same short line many times: a template (a scoreboard, a questionnaire)
    "Scores\n\n" + "".join(f"| Round {n} | Portvale | Eastbridge |\n\nPortvale won the round.\n\n" for n in range(5)),
    # a byline and a sign-off repeated at the top and the bottom
    "Harbour\n\nBy Jane Roe, harbour correspondent\n\nThe harbour reopened.\n\nBy Jane Roe, harbour correspondent\n",
    # entries of a contest page ending with the same two lines
    "Best harbour photo\n\n" + "".join(
        f"Entry {n}: boats at dawn by reader number {n}.\n\nVote for this entry with the button below.\n\n"
        "Voting closes on Friday at noon, and the winner is announced on Monday.\n\n" for n in range(3)),
])
def test_pull_quotes_templates_and_bylines_stay_quiet(lint, text: str) -> None:
    assert lint("NL202", text)[1] == []


def test_run_fix_that_would_skip_a_block_it_covers_is_refused(lint) -> None:
    from newslint.fix import safe_fix
    from newslint.model import Edit, Fix

    text = "Harbour\n\n" + "\n\n".join(SECTION) + "\n\n" + "\n\n".join(SECTION) + "\n"
    document, (finding,) = lint("NL202", text)
    assert finding.fix is not None and len(finding.fix.edits) == 5
    codes = frozenset({"NL202"})
    assert safe_fix(document, finding, codes) is not None
    partial = Fix("r", finding.fix.edits[:-1])
    assert safe_fix(document, replace_fix(finding, partial), codes) is None
    too_far = Fix("r", (*finding.fix.edits[:-1], Edit(finding.fix.edits[-1].start, len(text), "")))
    assert safe_fix(document, replace_fix(finding, too_far), codes) is None


def replace_fix(finding: Finding, fix) -> Finding:
    from dataclasses import replace

    return replace(finding, fix=fix)


def test_run_in_html_removes_only_the_repeated_elements(lint) -> None:
    section = "<h2>What next</h2>\n<p>The quay wall will be rebuilt in the spring by the council.</p>\n" \
              "<ul><li>Dredging the channel</li><li>New mooring posts</li></ul>\n"
    html = f"<h1>Harbour repairs</h1>\n{section}{section}<p>Contracts follow next month.</p>\n"
    document, found = lint("NL202", html, "html")
    assert len(found) == 1 and "These 4 blocks" in found[0].message
    fixed = _fixed(document, found)
    assert fixed.count("What next") == 1 and fixed.count("New mooring posts") == 1
    assert "Contracts follow next month." in fixed and fixed.startswith("<h1>Harbour repairs</h1>\n<h2>")


# --- NL203: quotations used again and table rows ----------------------------------------------

def test_the_same_quotation_attributed_again_is_not_a_near_duplicate(lint) -> None:
    quote = ('"The wreckage is spread over a small area, which suggests the boat sank quickly rather '
             'than drifting for hours,"')
    text = (f"Harbour\n\n{quote} said Ana Ortiz, a former coastguard officer.\n\nDivers went down at noon.\n\n"
            f"{quote} Ana Ortiz, a former coastguard officer who now advises the council, said on Tuesday.\n")
    assert lint("NL203", text)[1] == []


def test_table_rows_are_not_near_duplicates(lint) -> None:
    rows = ("| north quay | closed | repairs to the wall are expected to take until the end of the month at least |\n\n"
            "| south quay | closed | repairs to the wall are expected to take until the end of the week at least |\n")
    assert lint("NL203", "Harbour\n\n" + rows)[1] == []


# --- NL204 repeated sentence -----------------------------------------------------------------

REPEATED = "The harbour master said crews would work through the night to clear the channel."


def test_sentence_repeated_back_to_back_is_flagged_on_the_second_copy(lint) -> None:
    text = f"Harbour\n\n{REPEATED} {REPEATED} Ferries are due back on Friday.\n"
    document, found = lint("NL204", text)
    second = text.index(REPEATED, text.index(REPEATED) + 1)
    assert [(f.start, f.end) for f in found] == [(second, second + len(REPEATED))]
    assert _fixed(document, found) == f"Harbour\n\n{REPEATED} Ferries are due back on Friday.\n"


def test_two_sentences_repeated_back_to_back_are_one_finding(lint) -> None:
    pair = "Crews cleared the channel on Monday. (See the map above.)"
    text = f"Harbour\n\n{pair} {pair} Ferries are due back on Friday.\n"
    _document, found = lint("NL204", text)
    second = text.index(pair, text.index(pair) + 1)
    assert [(f.start, f.end) for f in found] == [(second, second + len(pair))]


@pytest.mark.parametrize("paragraph", [
    '"We will rebuild this quay. We will rebuild this quay," the mayor told the crowd.',  # said twice, quoted
    "Open the gates. Open the gates. The crowd chanted until noon.",  # short
    f"{REPEATED} The council agreed. {REPEATED}",  # not back to back
    "| Quay closed for repairs this week. | Quay closed for repairs this week. |",  # table cells
])
def test_repeats_inside_quotes_short_apart_or_in_tables_stay_quiet(lint, paragraph: str) -> None:
    assert lint("NL204", f"Harbour\n\n{paragraph}\n")[1] == []


LONG_SECTION = [
    ("The harbour board met on Tuesday evening to hear the engineers' report on the sea wall. It found "
    "that the winter storms had loosened more of the old stones than anyone had expected."),
    ("Repairs to the northern arm will start in April and take about six weeks, the engineers said. The "
    "quay will stay open to foot traffic while the cranes are at work on the wall."),
    ("Fishermen asked the board to keep the slipway clear during the repairs. The spring season "
    "brings the largest catches of the year and the boats cannot land anywhere else nearby."),
]


def test_a_section_of_long_paragraphs_scraped_three_times_is_still_a_run(lint) -> None:
    section = "\n\n".join(LONG_SECTION) + "\n\n"
    between = "Share this story\n\nMore from the harbour desk\n\n"
    text = "Harbour repairs\n\n" + section + between + section + between + section
    _document, found = lint("NL202", text)
    second, third = text.index(section, 20), text.rindex(section)
    # each later copy is one finding: the second with the lines after it, the third alone
    assert [(f.start, f.end) for f in found] == [(second, third - 2), (third, third + len(section.rstrip()))]
    assert "5 blocks repeat lines 3-11" in found[0].message and "3 blocks repeat lines 13-17" in found[1].message


def test_a_plan_of_long_one_sentence_entries_three_times_stays_quiet(lint) -> None:
    # a menu or training plan repeats long entries on purpose; they are not a story's paragraphs
    entries = "\n\n".join(
        f"Day {n} breakfast of oats with two spoons of honey, a sliced apple, a handful of walnuts and a "
        f"glass of milk before the morning walk along the harbour path to the lighthouse and back" for n in "ABC")
    text = "Harbour fitness plan\n\n" + f"{entries}\n\nWeek two\n\n{entries}\n\nWeek three\n\n{entries}" + "\n"
    assert lint("NL202", text)[1] == []


def test_short_template_lines_three_times_stay_quiet(lint) -> None:
    # the same two short prose lines after every entry: a template, not a scraped section
    text = "Readers' harbour photos\n\n" + "".join(
        f"Photo {n}: the quay at dawn, sent in by a reader from the old town.\n\n"
        "Send us your own pictures of the harbour by email.\n\nThe best ones appear here every Friday.\n\n"
        for n in range(3))
    assert lint("NL202", text)[1] == []
