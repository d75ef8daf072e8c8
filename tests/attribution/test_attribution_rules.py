"""NL401 (unattributed estimate or claim) and NL402 (unattributed figure).

Example sentences are our own; the seed article is read from ../shared at test time.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SEED, needs_shared, pack_rule

from newslint.engine import check_document
from newslint.model import Finding
from newslint.registry import Registry
from newslint.rulepack import RulePackError, load_rule_file
from newslint.rules.attribution import RULE_PACK
from newslint.rules.attribution.lexicon import FIGURE_CLASSES
from newslint.rules.attribution.rules import (
    unattributed_claim_rule,
    unattributed_figure_rule,
)

RULES = RULE_PACK
NL401_FILE = RULES / "NL401-unattributed-estimate.toml"
NL402_FILE = RULES / "NL402-unattributed-figure.toml"
NL403_FILE = RULES / "NL403-unattributed-casualty-figure.toml"
NL404_FILE = RULES / "NL404-unattributed-population-share.toml"
LEXICON_FILE = RULES / "lexicons" / "attribution.toml"
FIGURES_FILE = RULES / "lexicons" / "figures.toml"


@pytest.fixture(scope="module")
def nl4(registry: Registry):
    return [rule for rule in registry.rules if rule.code.startswith("NL4")]


def findings(registry: Registry, rules, text: str, fmt: str = ".txt") -> list[tuple[str, str, str]]:
    """(code, flagged text, message) for `text` as the body under a headline."""
    document = registry.readers[fmt].read(f"article{fmt}", f"Headline for the test\n\n{text}\n")
    return [(f.code, document.source[f.start:f.end], f.message) for f in check_document(document, rules)]


def flagged_texts(registry: Registry, rules, text: str) -> list[str]:
    return [flagged for _, flagged, _ in findings(registry, rules, text)]


# --- the seed article ------------------------------------------------------------------

@needs_shared()
def test_seed_findings_have_exact_spans_and_messages(registry: Registry, nl4) -> None:
    source = SEED.read_text(encoding="utf-8")
    document = registry.readers[".txt"].read(str(SEED), source)
    found: list[Finding] = list(check_document(document, nl4))
    located = [(f.code, document.position(f.start)[0], source[f.start:f.end], f.message) for f in found]
    assert located == [
        ("NL401", 16, "estimated to now hold over two-thirds of the country",
         ("'estimated to now hold over two-thirds of the country': an estimate with no source; "
         "say who estimated it")),
        ("NL401", 52, "estimated to now hold some two-thirds of the nation",
         ("'estimated to now hold some two-thirds of the nation': an estimate with no source; "
         "say who estimated it")),
        ("NL403", 54, "Thousands of people displaced",
         "'Thousands of people displaced': a casualty figure with no source; say who counted or estimated it"),
    ]


@needs_shared()
@pytest.mark.parametrize("line", [12, 14, 18, 30, 32, 60])
def test_seed_traps_stay_silent(registry: Registry, nl4, line: int) -> None:
    """12 of 34 capitals (a plain count of places), 'some 20 years after', the promo
    line's 'within 90 days', 'the 11th city', '150 kilometres from the Iranian border',
    and line 60, whose sentence names the US intelligence assessment."""
    source = SEED.read_text(encoding="utf-8")
    document = registry.readers[".txt"].read(str(SEED), source)
    lines = [document.position(f.start)[0] for f in check_document(document, nl4)]
    assert line not in lines


# --- what NL402 and NL403 flag -----------------------------------------------------------

@pytest.mark.parametrize(("text", "flagged", "wording"), [
    # casualty figures: NL403, on by default
    ("Nearly 2,000 people have fled the district.", "Nearly 2,000 people", "a casualty figure"),
    ("Between 2,000 and 3,000 people have fled the district.", "Between 2,000 and 3,000 people",
     "a casualty figure"),
    ("Twenty-three civilians were killed in the attack.", "Twenty-three civilians", "a casualty figure"),
    ("More than 9,000 cases have been confirmed in the region.", "More than 9,000 cases", "a casualty figure"),
    ("Hundreds of thousands of refugees have crossed the border.", "Hundreds of thousands of refugees",
     "a casualty figure"),
    # every other kind: NL402, opt-in
    ("Unemployment rose to 7.2 percent in March.", "7.2 percent", "a statistic"),
    ("Turnout was 41% of registered voters.", "41% of registered voters", "a statistic"),
    ("One in five voters is undecided.", "One in five voters", "a share of a population"),
    ("The militia now holds two-thirds of the country.", "two-thirds of the country", "an estimate"),
    ("Tens of thousands of protesters marched in the capital.", "Tens of thousands of protesters", "an estimate"),
    ("The union has 30,000 members, and 4,000 members were arrested at the rally.", "4,000 members", "a count"),
    ("The repairs will cost more than $4 billion.", "more than $4 billion", "an amount"),
    ("The storm left some 120,000 households without power.", "some 120,000 households", "an estimate"),
    ("Nearly half of the electorate stayed at home.", "Nearly half of the electorate", "a share of a population"),
    # a share that is not the subject of its clause, or not of people: NL402
    ("The party won nearly half of the electorate in the north.", "nearly half of the electorate", "an estimate"),
    ("Almost one in six cars sold in the city is electric.", "Almost one in six", "a statistic"),
])
def test_figure_is_flagged_at_its_span(registry: Registry, nl4, text: str, flagged: str, wording: str) -> None:
    [(code, span, message)] = findings(registry, nl4, text)
    expected = {"a casualty figure": "NL403", "a share of a population": "NL404"}.get(wording, "NL402")
    assert (code, span) == (expected, flagged)
    assert message.startswith(f"'{flagged}': {wording} with no source; say ")


def test_one_finding_per_sentence_names_the_other_figures(registry: Registry, nl4) -> None:
    text = "The floods killed 12% of the herds, and 3,000 workers were evacuated. Costs were flat."
    [(code, span, message)] = findings(registry, nl4, text)
    assert (code, span) == ("NL403", "3,000 workers")
    text = "At least 300 people died in the floods, and 3,000 workers were evacuated. Costs were flat."
    [(code, span, message)] = findings(registry, nl4, text)
    assert (code, span) == ("NL403", "At least 300 people")
    assert message == ("'At least 300 people': a casualty figure with no source; say who counted or estimated it; "
                       "also '3,000 workers'")
    # across the two figure rules too: a sentence with a casualty figure is NL403's, once
    text = "Some 40% of voters blame the council, and at least 300 people died in the floods."
    [(code, span, message)] = findings(registry, nl4, text)
    assert (code, span) == ("NL403", "at least 300 people") and message.endswith("; also 'Some 40% of voters'")
    text = "Some 40% of voters blame the council. At least 300 people died in the floods."
    assert sorted((code, span) for code, span, _ in findings(registry, nl4, text)) == [
        ("NL403", "At least 300 people"), ("NL404", "Some 40% of voters")]
    # a share of a population leads the figures NL402 would report
    text = "Unemployment rose to 7.2 percent, and some 40% of voters blame the council."
    [(code, span, message)] = findings(registry, nl4, text)
    assert (code, span) == ("NL404", "some 40% of voters") and message.endswith("; also '7.2 percent'")
    text = ("Turnout was 41% of voters in the north, 38% of voters in the south, 35% of voters in the east, "
            "33% of voters in the west and 30% of voters in the city.")
    [(_, span, message)] = findings(registry, nl4, text)
    assert span == "41% of voters" and message.endswith("also '38% of voters', '35% of voters', '33% of voters' and 1 more")


# --- what NL401 flags --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "flagged", "message_end"), [
    ("The militia is estimated to hold two-thirds of the country.",
     "estimated to hold two-thirds of the country", "an estimate with no source; say who estimated it"),
    ("An estimated 9,000 people took part.", "An estimated 9,000 people took part",
     "an estimate with no source; say who estimated it"),
    ("It is thought that 300 people were killed.", "It is thought", "a claim with no source; say who believes it"),
    ("The rebels are believed to control the valley, and the army has withdrawn.",
     "believed to control the valley", "a claim with no source; say who believes it"),
    ("The minister reportedly resigned on Tuesday.", "reportedly resigned on Tuesday",
     "a report with no source; say who reported it"),
    ("The minister, who is said to be close to the president, resigned.",
     "is said to be close to the president", "a report with no source; say who reported it"),
])
def test_agentless_construction_is_flagged_with_its_clause(registry: Registry, nl4, text: str, flagged: str,
                                                           message_end: str) -> None:
    assert findings(registry, nl4, text) == [("NL401", flagged, f"'{flagged}': {message_end}")]


# --- what neither rule flags ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The talks resumed some 20 years after the war ended.",  # a duration
    "The ferry docked at 6:30 a.m. on 12 August 2021 and left on Aug. 14.",  # times and dates
    "The town lies about 150 kilometres from the border.",  # a distance
    "She was 45 when she moved to 10 Downing Street; he lived at 1600 Pennsylvania Avenue.",  # age, address
    "Route 6 was closed after Apollo 11 landed, long after World War II.",  # numbers in names
    "The Rovers won 3-1 on Saturday and lost 24-20 the week before.",  # scores
    "Call 020 7946 0000 or (555) 123-4567 to book a seat.",  # phone numbers
    "Section 230 of the act was amended in 1996.",  # a section number and a year
    "The 11th city fell on Friday, the third this week.",  # ordinals
    "The children, aged 8 to 12, were taken to hospital.",  # ages
    "The under 14 boys beat the over 18s in a friendly.",  # age groups
    "The two men were arrested on Friday; the 300 people inside were freed.",  # referring back
    "Six women and six men stood for the post.",  # a small count anyone can see
    "Tickets cost $20 and the stadium cost $4 billion.",  # exact sums are recorded facts
    "A 35 percent tariff would raise the price of a car.",  # a parameter, not a measurement
    "He said to be careful with the figures.",  # "said to" in the active voice
])
def test_non_claims_stay_silent(registry: Registry, nl4, text: str) -> None:
    assert findings(registry, nl4, text) == []


@pytest.mark.parametrize("text", [
    "About 40% of the city is without power, officials said.",  # cue in the sentence
    "According to the census, 12% of residents are over 65.",
    "The agency estimated that 40% of the city was without power.",  # active "estimated"
    "The rebels are believed by United Nations monitors to control most of the valley.",  # an agent
    "A Gallup poll puts support at 54%.",  # a source noun
    '"About 40% of the city is without power," the mayor said.',  # a quotation
    "\u201cWe counted 2,000 people in the square,\u201d the organiser said.",
    "Shares in the firm fell 12% on Tuesday.",  # market prices are their own source
    # carry-over: the next sentence continues the same source's numbers
    "A poll by Ipsos found 54% of adults back the plan. Another 30% oppose it.",
    "Officials said 300 homes were lost. Of those, 120 were in the old town.",
    "Growth slowed sharply, the finance minister said. Exports fell 12% in the year.",
])
def test_attributed_figures_and_claims_stay_silent(registry: Registry, nl4, text: str) -> None:
    assert findings(registry, nl4, text) == []


def test_carry_over_needs_a_source_right_before(registry: Registry, nl4) -> None:
    assert flagged_texts(registry, nl4, "Officials said 300 homes were lost.\n\nAnother 120 people were injured.") == []
    text = "Officials said 300 homes were lost.\n\nThe storm moved north.\n\nAnother 120 people were injured."
    assert flagged_texts(registry, nl4, text) == ["120 people"]


@pytest.mark.parametrize(("text", "flagged"), [
    pytest.param("Ministers said on Monday that talks had gone well. There is thought to be wide support for the deal.",
                 ["thought to be wide support for the deal"], id="a-speaker-before-holds-no-unnamed-belief"),
    pytest.param("The boat sank off the coast on Friday, the army said. Some 40 people are thought to have drowned.",
                 [], id="a-speakers-account-may-go-on-to-a-count"),
    pytest.param("Police said the match ended in a draw. Fans are also believed to have clashed outside.",
                 ["believed to have clashed outside"], id="a-passive-with-also"),
    pytest.param("The clerk said the office was shut. She also thought to ask about the fee.", [],
                 id="an-active-thought-to-with-also"),
    pytest.param("The mayor said the wall would be rebuilt. The project is widely seen as a test for her.",
                 ["is widely seen as a test for her"], id="nor-an-unnamed-perception"),
    pytest.param("Police said 40 people were hurt. An estimated 200 were moved from their homes.", [],
                 id="an-estimate-may-go-on-with-the-speaker"),
    pytest.param("Figures for the 2021 census suggest 12% of young adults are not registered. "
                 "Students in shared flats are thought to miss out.", [],
                 id="a-documents-findings-may-go-on-to-a-belief"),
    pytest.param("The poll gives her a 9-point edge on being seen as honest, the pollster said.", [],
                 id="a-quality-measured-after-a-preposition"),
])
def test_a_belief_takes_no_source_from_a_speaker_before(registry: Registry, nl4, text: str,
                                                      flagged: list[str]) -> None:
    """A belief or perception with no holder ("is thought to", "is widely seen as") is not held by
    the speaker of the sentence before (`needs_own_source`); an estimate, a count, and a document's
    findings running on still carry over."""
    assert flagged_texts(registry, nl4, text) == flagged


@pytest.mark.parametrize(("text", "flagged"), [
    pytest.param("If the plan is seen as a failure, the mayor will resign.", [], id="if-opens-the-sentence"),
    pytest.param("The mayor will resign if the plan is widely seen as a failure.", [], id="if-opens-the-clause"),
    pytest.param("Whether the wall is thought to be safe will decide the vote.", [], id="whether"),
    pytest.param("If the vote passes, the wall is thought to need a year of work.",
                 ["thought to need a year of work"], id="a-claim-after-the-condition"),
    pytest.param("The plan is seen as a failure, and the mayor will resign if it is.",
                 ["is seen as a failure"], id="a-condition-after-the-claim"),
])
def test_a_condition_claims_nothing(registry: Registry, nl4, text: str, flagged: list[str]) -> None:
    """A construction in a clause that a condition opens ("if", "unless", "whether") states no
    claim; one in the main clause after or before the condition does."""
    assert flagged_texts(registry, nl4, text) == flagged


def test_quoted_paragraph_continues_a_quotation(registry: Registry, nl4) -> None:
    text = ('The report said:\n\n"The fire destroyed 2,000 homes.\n\n'
            '"A further 5,000 people were moved to shelters."')
    assert findings(registry, nl4, text) == []


def test_lead_in_with_a_colon_covers_the_next_paragraph(registry: Registry, nl4) -> None:
    text = "The survey found:\n\nNearly 60% of tenants had no written contract."
    assert findings(registry, nl4, text) == []
    text = "The heatwave went on.\n\nNearly 60% of tenants had no written contract."
    assert flagged_texts(registry, nl4, text) == ["Nearly 60% of tenants"]


def test_a_list_after_a_lead_in_follows_it(registry: Registry, nl4) -> None:
    """In plain text a list is a run of one-sentence paragraphs; a longer paragraph ends it."""
    text = ("The survey also found:\n\n74% of tenants pay late.\n\n12% of tenants pay early.\n\n"
            "The rent office closed on Friday, and rents rose. Nearly 30% of tenants moved.")
    assert flagged_texts(registry, nl4, text) == ["Nearly 30% of tenants"]


def test_headings_are_not_checked(registry: Registry, nl4) -> None:
    document = registry.readers[".txt"].read("a.txt", "Thousands of people flee the floods\n\nRain fell all day.\n")
    assert check_document(document, nl4) == ()


def test_spans_map_through_html_entities(registry: Registry, nl4) -> None:
    if ".html" not in registry.readers:
        pytest.skip("no HTML reader")
    page = "<h1>Floods</h1><p>The rebels are believed to hold &amp; run the valley.</p>"
    document = registry.readers[".html"].read("a.html", page)
    [finding] = check_document(document, nl4)
    assert page[finding.start:finding.end] == "believed to hold &amp; run the valley"
    assert finding.message.startswith("'believed to hold & run the valley': a claim with no source")


# --- the rule pack: lexicons live in rule-pack files and options ---------------------------

def _claim_rule(tmp_path: Path, options: str, lexicon: str | None = None):
    """A newsroom's own rule of the NL401 kind, with `lexicon` as its extra.toml."""
    return pack_rule(tmp_path, {"unattributed-claim": unattributed_claim_rule}, "XY401-ours.toml",
                     "unattributed-claim", "'{match}': {what}; {who}", options, lexicon)


def test_shipped_rules_read_one_attribution_lexicon(registry: Registry) -> None:
    """Both rules decide attribution alike: they name the one lexicon file and keep no
    lexicon key of their own, and the lexicon file is not loaded as a rule."""
    lexicon_keys = set(tomllib.loads(LEXICON_FILE.read_text(encoding="utf-8")))
    assert {"cues", "source_nouns", "constructions", "agent"} <= lexicon_keys
    for path in (NL401_FILE, NL402_FILE, NL403_FILE, NL404_FILE):
        options = tomllib.loads(path.read_text(encoding="utf-8"))["options"]
        assert options["lexicons"] == ["newslint:lexicons/attribution.toml"]
        assert not lexicon_keys & set(options)
    assert {rule.code for rule in registry.rules if rule.code.startswith("NL4")} == {"NL401", "NL402", "NL403", "NL404"}


def test_the_figure_rules_share_one_figure_lexicon_and_split_its_kinds(registry: Registry) -> None:
    """NL402, NL403 and NL404 read the same figure lexicon file and no figure key of their
    own, and between them report every kind of figure once."""
    figure_keys = set(tomllib.loads(FIGURES_FILE.read_text(encoding="utf-8")))
    assert {"claim_nouns", "casualty_nouns", "wording"} <= figure_keys
    kinds: list[str] = []
    for path in (NL402_FILE, NL403_FILE, NL404_FILE):
        options = tomllib.loads(path.read_text(encoding="utf-8"))["options"]
        assert options["figure_lexicons"] == ["newslint:lexicons/figures.toml"]
        assert not figure_keys & set(options)
        kinds += options["kinds"]
    assert sorted(kinds) == sorted(FIGURE_CLASSES)
    assert {code for code in registry.opt_in if code.startswith("NL4")} == {"NL402"}


def test_a_newsroom_extends_the_attribution_lexicon_with_its_own_file(registry: Registry, tmp_path: Path) -> None:
    text = "The minister allegedly took payments from the firm."
    builtin = _claim_rule(tmp_path, 'lexicons = ["newslint:lexicons/attribution.toml"]')
    extended = _claim_rule(tmp_path, 'lexicons = ["newslint:lexicons/attribution.toml", "extra.toml"]',
                           '[[constructions]]\nwhat = "an allegation"\nwho = "say who makes it"\n'
                           "patterns = ['\\ballegedly\\b']\n")
    assert findings(registry, [builtin], text) == []
    assert findings(registry, [extended], text) == [
        ("XY401", "allegedly took payments from the firm",
         "'allegedly took payments from the firm': an allegation; say who makes it"),
    ]


def test_an_inline_table_extends_the_attribution_lexicon_too(registry: Registry, tmp_path: Path) -> None:
    text = "Army sources signalled that the rebels are believed to hold the north."
    builtin = _claim_rule(tmp_path, "")
    own_cue = _claim_rule(tmp_path, "[options.lexicon]\ncues = ['\\bsignalled\\b']\n")
    assert flagged_texts(registry, [builtin], text) == ["believed to hold the north"]
    assert flagged_texts(registry, [own_cue], text) == []


@pytest.mark.parametrize(("options", "lexicon", "reason"), [
    ('lexicons = ["missing.toml"]', None, "options.lexicons: cannot read"),
    ('lexicons = ["extra.toml"]', "cues = [\n", "extra.toml is not valid TOML"),
    ('lexicons = ["extra.toml"]', "cues = ['(unclosed']\n", "extra.toml: 'cues': invalid regular expression"),
    ('lexicons = ["extra.toml"]', "cues = ['said)|(told']\n", "extra.toml: 'cues': invalid regular expression"),
    ('lexicons = ["extra.toml"]', "cues = ['told', 'x{2,1}']\n", "extra.toml: 'cues': invalid regular expression"),
    ('lexicons = ["extra.toml"]', "cue = []\n", "extra.toml: unknown key 'cue'"),
    ('lexicons = ["extra.toml"]', "agent = ['by']\n", "extra.toml: 'agent' must be a regular expression"),
    ('lexicons = ["extra.toml"]', "span_words = -1\n", "extra.toml: 'span_words' must be a number of words"),
    ('lexicons = ["extra.toml"]', "cues = ['said']\n",
     "options.lexicons: no attribution lexicon gives 'passive_before'"),
    ("[options.lexicon]\nclause_breaks = 3\n", None, "options.lexicon: 'clause_breaks' must be an array"),
    ("cues = ['said']", None, "options.cues: unknown option"),
    ('lexicons = ["extra.toml"]', ("[[constructions]]\nwhat = 'a claim'\nwho = 'say who'\npatterns = ['x']\n"
                                   "needs_own_source = 'yes'\n"), "needs_own_source must be true or false"),
])
def test_bad_attribution_lexicon_is_a_clear_rule_pack_error(tmp_path: Path, options: str, lexicon: str | None,
                                                            reason: str) -> None:
    with pytest.raises(RulePackError) as error:
        _claim_rule(tmp_path, options, lexicon)
    assert "XY401-ours.toml: options." in str(error.value)
    assert reason in str(error.value)


@pytest.mark.parametrize("how", ["inline", "file"])
def test_a_newsroom_extends_the_lexicon_in_its_rule_pack(registry: Registry, tmp_path: Path, how: str) -> None:
    text = "Some 2,000 miners were trapped underground."
    original = next(rule for rule in registry.rules if rule.code == "NL403")
    assert flagged_texts(registry, [original], text) == []
    extended_file = tmp_path / "NL403.toml"
    if how == "inline":  # figure keys in the rule's own options add to the shared file's
        addition = "claim_nouns = ['miners?']\n"
    else:
        (tmp_path / "ours.toml").write_text("claim_nouns = ['miners?']\n", encoding="utf-8")
        addition = ""
    extended_file.write_text(NL403_FILE.read_text(encoding="utf-8").replace(
        'figure_lexicons = ["newslint:lexicons/figures.toml"]\n',
        'figure_lexicons = ["newslint:lexicons/figures.toml"' + (', "ours.toml"' if how == "file" else "") + "]\n"
        + addition), encoding="utf-8")
    extended = load_rule_file(extended_file, {"unattributed-figure": unattributed_figure_rule}, "test")
    assert flagged_texts(registry, [extended], text) == ["Some 2,000 miners"]


@pytest.mark.parametrize(("edit", "complaint"), [
    (("min_count = 10", "min_count = 10\nsurprise = 1"), "options.figure_lexicons: in \\S*figures.toml: unknown key 'surprise'"),
    (('percentage = "a statistic', 'percentagex = "a statistic'), "options.wording: missing percentage"),
    (("claim_nouns = [", "claim_nouns = [\n    '(unclosed',"), "options.claim_nouns: invalid regular expression"),
    (("[scales]\n", "[scales]\nfoo = \"ten\"\n"), "options.scales: expected a table of words"),
])
def test_bad_options_name_the_option(tmp_path: Path, edit: tuple[str, str], complaint: str) -> None:
    """A mistake in a copy of the figure lexicon names the option and, where the file alone
    shows it, the file."""
    text = FIGURES_FILE.read_text(encoding="utf-8")
    assert edit[0] in text
    (tmp_path / "figures.toml").write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    broken = tmp_path / "NL402.toml"
    broken.write_text(NL402_FILE.read_text(encoding="utf-8").replace(
        '"newslint:lexicons/figures.toml"', '"figures.toml"'), encoding="utf-8")
    with pytest.raises(RulePackError, match=complaint.replace("(", r"\(")):
        load_rule_file(broken, {"unattributed-figure": unattributed_figure_rule}, "test")


@pytest.mark.parametrize(("options", "complaint"), [
    ('kinds = ["casualties"]', "options.kinds: expected kinds of figure among .*; unknown 'casualties'"),
    ('figure_lexicons = ["missing.toml"]', "options.figure_lexicons: cannot read"),
    ("surprise = 1", "options.surprise: unknown option"),
])
def test_bad_figure_rule_options_name_the_option(tmp_path: Path, options: str, complaint: str) -> None:
    broken = tmp_path / "NL403.toml"
    text = NL403_FILE.read_text(encoding="utf-8")
    key = options.split(" ", 1)[0]
    lines = [line for line in text.splitlines() if not line.startswith(f"{key} =")]
    lines.insert(lines.index("[options]") + 1, options)
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RulePackError, match=complaint):
        load_rule_file(broken, {"unattributed-figure": unattributed_figure_rule}, "test")


def test_constructions_must_be_well_formed(tmp_path: Path) -> None:
    text = LEXICON_FILE.read_text(encoding="utf-8")
    assert 'who = "say who estimated it"\n' in text
    (tmp_path / "ours.toml").write_text(text.replace('who = "say who estimated it"\n', "", 1), encoding="utf-8")
    with pytest.raises(RulePackError, match=r"options\.lexicons: in \S*ours\.toml: 'constructions' entry 1: "
                                            "expected the keys what, who and patterns"):
        _claim_rule(tmp_path, 'lexicons = ["ours.toml"]')


def test_blocks_option_chooses_what_is_checked(registry: Registry, tmp_path: Path) -> None:
    rule = next(rule for rule in registry.rules if rule.code == "NL403")
    headings_too = replace(rule, blocks=rule.blocks | {__import__("newslint.document").document.BlockKind.HEADLINE})
    document = registry.readers[".txt"].read("a.txt", "Thousands of people flee the floods\n\nRain fell.\n")
    assert [document.source[f.start:f.end] for f in headings_too.check(document)] == ["Thousands of people"]
    assert list(rule.check(document)) == []


def test_each_rule_finds_the_same_alone_or_after_the_other(registry: Registry, nl4) -> None:
    """The two rules share their scan for constructions through a memo: what either one
    finds must not depend on whether the other has just read the same paragraphs."""
    from newslint.rules.attribution.scan import _memoised_construction_matches

    text = ("About 3,000 people are believed to have fled the city. Some 20,000 people were evacuated.\n\n"
            "Nearly 40% of the army is thought to be on leave. Some 60% of voters back the strike.\n\n"
            "Unemployment rose to 7.2 percent in March.")
    alone = {}
    for rule in nl4:
        _memoised_construction_matches.cache_clear()
        alone[rule.code] = findings(registry, [rule], text)
    assert alone["NL401"] and alone["NL402"] and alone["NL403"] and alone["NL404"]
    for order in (nl4, nl4[::-1]):
        _memoised_construction_matches.cache_clear()
        assert sorted(findings(registry, order, text)) == sorted(finding for found in alone.values() for finding in found)


# --- issue 12: false-positive groups stay silent --------------------------------------

@pytest.mark.parametrize("text", [
    # (1) the source is there: research verbs, a bracketed source, a document, the subject
    "Ms Okoro observes that 40% of tenants pay late.",
    "The inspectors examined 1,400 schools and found about 300 pupils were evacuated.",
    "The auditors counted 4,500 missing laptops.",
    "The bank projects unemployment at 7.5% next year.",
    "The central bank expects inflation to ease to 3% next year.",
    "Some 38% of households rent their homes (Office for National Statistics).",
    "The firm said in its annual filing that about 12,000 workers were laid off.",
    "The figures show 40% of tenants pay late.",
    "Firefighters have counted 30 dead in the burned homes.",
    "The club is projecting a loss of nearly $2 million.",
    "The report was published on Monday. Its main findings:\n\nNearly 60% of tenants had no contract.",
    "Nearly 60% of tenants had no written contract. That figure comes from the housing survey.",
    # (2) figures a copy desk does not source
    "Shares closed 3% lower on Tuesday, and bond yields edged up to 4.1%.",
    "She is averaging 27.5 points a game this season.",
    "The central bank set its lending rate at 5% on Thursday.",
    "If a bakery sells 50 loaves a day, ten more is a 20% rise.",
    "The firm employs about 500 people and sold nearly 17 million phones last year.",
    "In the 14th century the plague killed 40 percent of the population.",
    "The hall, with more than 12,000 in attendance, fell silent.",
    "The jet seats 242 to 330 passengers.",
    # (3) quoted speech without quotation marks
    "Nearly 60% of tenants pay late.\n\n\u2014 Jo Smith (@josmith) March 3, 2021",
    "Q: How many tenants pay late?\n\nA: About 60% of the tenants pay late, and 300 families were evicted.",
    "We have seen about 300 families evicted this year.",
    # (4) not the body: an author's bio, a table row, a fact box
    "Jo Smith is a reporter for the Gazette who has covered 300 people displaced by floods.",
    "DL Sam Jones 63 85% 1 tackle 2 sacks 4 hits.",
    "Air (by volume): 78 percent nitrogen, 21 percent oxygen, 0.9 percent argon, 0.04 percent carbon dioxide.",
    # ... reader comments under the story, and a chart's title
    ("The ferry timetable adds two crossings on weekday evenings from Monday, the harbour board said.\n\n"
     "3 comments\n\nMore than 2,000 people died in the last flood and nobody in the board remembers."),
    ("The ferry timetable adds two crossings on weekday evenings from Monday, the harbour board said.\n\n"
     "Leave a reply\n\nAbout 60% of the commuters on the late boat are tourists anyway."),
    "Rents rose again this year.\n\nChart: Nearly 60% of tenants pay late\n\nThe council meets on Monday.",
    "Rents rose again this year.\n\nMore than 2,000 families evicted since 2015\n\nThe council meets on Monday.",
    # (5) word matches that only look like the construction
    "I thought to ask how many people lived there.",
    "They had thought to leave before dawn.",
])
def test_issue12_false_positive_groups_stay_silent(registry: Registry, nl4, text: str) -> None:
    assert findings(registry, nl4, text) == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("The economy is expected to grow by 4.5% this year.", "is expected to grow by 4.5% this year"),
    ("Sales are projected to top $2bn next year.", "are projected to top $2bn next year"),
    ("Turnout is predicted to fall sharply in the north.", "is predicted to fall sharply in the north"),
])
def test_a_forecast_with_no_forecaster_is_an_estimate(registry: Registry, nl4, text: str, flagged: str) -> None:
    assert [(code, span) for code, span, _ in findings(registry, nl4, text)] == [("NL401", flagged)]


@pytest.mark.parametrize("text", [
    "The vote is expected to take place on Tuesday.",  # a schedule
    "The court is expected to reach a verdict in the autumn.",
    "The sale is expected to expand the group's media business.",
    "The economy is expected to grow by 4.5% this year, the central bank said.",  # a forecaster
])
def test_an_expectation_that_schedules_or_is_sourced_stays_silent(registry: Registry, nl4, text: str) -> None:
    assert findings(registry, nl4, text) == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("Smog has cut 3 years from the lives of 600 million people, according to one estimate.",
     "according to one estimate"),
    ("By some counts, 2,000 people marched on the town hall.", "By some counts"),
    ("The firm receives, according to one report, $200m a year from the ministry.", "according to one report"),
])
def test_a_source_with_no_name_is_no_source(registry: Registry, nl4, text: str, flagged: str) -> None:
    assert [(code, span) for code, span, _ in findings(registry, nl4, text)] == [("NL401", flagged)]


@pytest.mark.parametrize("text", [
    "According to one estimate by the World Bank, 40% of the workers are poor.",  # the estimate is named
    "By one count from the health ministry, 2,000 people were treated.",
    "The minister has resigned, according to reports.",  # mostly follows the reports, named before
])
def test_a_named_estimate_stays_silent(registry: Registry, nl4, text: str) -> None:
    assert findings(registry, nl4, text) == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("The minister is understood to have resigned.", "understood to have resigned"),
    ("The plan is regarded by many as a failure.", "is regarded by many as a failure"),
    ("The scheme is widely regarded as a failure.", "is widely regarded as a failure"),
    ("The visit is seen as a snub to the president.", "is seen as a snub to the president"),
    ("The fire, as is widely believed, started in the kitchen.", "as is widely believed"),
])
def test_issue12_agentless_perception_is_flagged(registry: Registry, nl4, text: str, flagged: str) -> None:
    assert [(code, span) for code, span, _ in findings(registry, nl4, text)] == [("NL401", flagged)]


@pytest.mark.parametrize(("text", "flagged", "code"), [
    # a reporting verb in one clause does not source a figure in the next main clause
    ("Critics say the scheme is flawed, and 40% of voters oppose it.", "40% of voters", "NL404"),
    ("A majority of members voted against the merger.", "A majority of members", "NL402"),
    ("About 40% of voters oppose the scheme.", "About 40% of voters", "NL404"),
    ("Unemployment rose to 7.2 percent in March.", "7.2 percent", "NL402"),
])
def test_issue12_misses_are_caught(registry: Registry, nl4, text: str, flagged: str, code: str) -> None:
    assert [(found, span) for found, span, _ in findings(registry, nl4, text)] == [(code, flagged)]


@pytest.mark.parametrize(("text", "flagged"), [
    # a number and its noun before a participle name what was counted, not who counted it
    ("With 2,000 complaints logged last year, 30% of tenants live in damp homes.", ["30% of tenants"]),
    ("The council is regarded by many as a failure, with 3,000 complaints logged over two years.",
     ["is regarded by many as a failure"]),
    # the counter is named: an agent after the participle, or the verb takes an object
    ("With 2,000 complaints logged by inspectors last year, 30% of tenants live in damp homes.", []),
    ("Inspectors at 40 councils found 30% of tenants live in damp homes.", []),
])
def test_a_counted_noun_before_a_participle_is_no_source(registry: Registry, nl4, text: str,
                                                         flagged: list[str]) -> None:
    assert flagged_texts(registry, nl4, text) == flagged


def test_a_comment_counter_near_the_top_does_not_end_the_article(registry: Registry, nl4) -> None:
    """Only a comment heading in the second half of the text opens the reader comments: a
    counter under the headline leaves the story checked."""
    text = "12 comments\n\nMore than 2,000 people died in the flood on the coast last week."
    assert flagged_texts(registry, nl4, text) == ["More than 2,000 people"]


def test_a_toll_in_a_new_paragraph_is_a_new_count(registry: Registry, nl4) -> None:
    """A casualty figure takes its source from the sentence before only in its own
    paragraph; a poll's numbers still run on across the break."""
    sourced = "The road agency said 400 motorists died on the roads over the holiday last year."
    assert flagged_texts(registry, nl4, f"{sourced}\n\nLast week, 12 people died when ice closed the pass.") == [
        "12 people"]
    assert flagged_texts(registry, nl4, f"{sourced} Last week, 12 people died when ice closed the pass.") == []
    poll = "A poll by Ipsos found 54% of adults back the plan."
    assert flagged_texts(registry, nl4, f"{poll}\n\nAbout 30% of adults oppose it.") == []


def test_a_casualty_count_is_caught_by_default(registry: Registry) -> None:
    default = [rule for rule in registry.select() if rule.code.startswith("NL4")]
    assert {rule.code for rule in default} == {"NL401", "NL403", "NL404"}
    assert [(code, span) for code, span, _ in findings(registry, default, "Last week, 12 people died in the storms.")] \
        == [("NL403", "12 people")]


@pytest.mark.parametrize("text", [
    "The mayor said the scheme is flawed and that 40% of voters oppose it.",  # one reported clause
    "Nearly 40% of voters oppose it, and turnout will be low, the pollster said.",  # a closing tag
    "According to the pollster, 40% of voters oppose it, and 30% back it.",  # a source phrase
])
def test_a_reporting_verb_reaches_its_own_clause(registry: Registry, nl4, text: str) -> None:
    assert findings(registry, nl4, text) == []


def test_a_second_unsourced_claim_in_a_row_is_one_query(registry: Registry, nl4) -> None:
    text = "The founder is said to be a former banker. He reportedly sold his first firm."
    assert flagged_texts(registry, nl4, text) == ["is said to be a former banker"]


def test_thought_to_is_left_alone_in_research_reports(registry: Registry, nl4) -> None:
    research = ("Researchers at the observatory published the study on Monday. The scientists used "
                "a new telescope. The moon is thought to hide an ocean under its ice.")
    assert findings(registry, nl4, research) == []
    assert flagged_texts(registry, nl4, "The rebel leader is thought to hide in the hills.") == [
        "thought to hide in the hills"]


# --- review sample round (bench/labels/review-nl4-extra.tsv): general false-positive patterns ---

@pytest.mark.parametrize("text", [
    # base-form research and claim verbs name the source
    "Figures for the last census suggest 29% of renters were not registered.",
    "Party strategists claim that turnout rises by 4% where the rules change.",
    # an attributed sentence with numbers sources the figures after it in its paragraph
    ("According to the labour office, firms added 146,000 jobs in May. The gain was small. "
     "Even so it pushed the unemployment rate down to 5.2%."),
    # a lede whose next sentence names the survey behind it
    "A majority of pensioners feel lonely at weekends.\n\nA survey for the charity suggests 60% of them live alone.",
    # sums that are the subject's own or on record: debts, deals, spending, losses
    "The dairy firm collapsed with debts of about $14bn.",
    "The studio has spent more than $3 billion on its streaming service.",
    "Shareholders lost about $180bn when the carrier collapsed.",
    "The bakery chain imports about 70% of its total flour.",
    # history and general expectation
    "Cheese is believed to have been made in the valley for 6,000 years.",
    "A plague in the 14th century killed an estimated 25 million people.",
    "The captain did not play on the left, as had been widely expected.",
])
def test_review_round_false_positive_patterns_stay_silent(registry: Registry, nl4, text: str) -> None:
    assert findings(registry, nl4, text) == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("The network put on a show of unity. The two hosts are widely reported to be feuding.",
     "are widely reported to be feuding"),
    ("The channel has reportedly agreed that his show must end.", "reportedly agreed"),
    ("Some 300 people were killed in the floods.\n\nGovernments are counting the cost of the damage.",
     "Some 300 people"),
    ("The flood will cost about $2bn to repair.", "about $2bn"),
    ("Nearly 40% of the total vote went to the smallest party.", "Nearly 40% of the total vote"),
    ("The fort is believed to have been rebuilt in 1990.", "believed to have been rebuilt in 1990"),
])
def test_review_round_still_flags(registry: Registry, nl4, text: str, flagged: str) -> None:
    assert [span for _, span, _ in findings(registry, nl4, text)] == [flagged]


# --- third round: a modifier or a denied cue is no source -------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    # a participle after a determiner or a number modifies a noun: no one estimated or recorded
    ("The estimated 200 families in the camp are in addition to an estimated 900 refugees in the town.",
     "an estimated 900 refugees in the town"),
    ("Last winter there were 8,000 recorded injuries on the slopes.", "8,000 recorded injuries"),
    # a denied cue: the sentence before names no source
    ("The firms have not disclosed the price. The buyer is widely believed to be a pension fund.",
     "is widely believed to be a pension fund"),
    ("The ministry declined to say who paid. The money is thought to have come from abroad.",
     "thought to have come from abroad"),
])
def test_modifiers_and_denied_cues_name_no_source(registry: Registry, nl4, text: str, flagged: str) -> None:
    assert [span for _, span, _ in findings(registry, nl4, text)] == [flagged]


@pytest.mark.parametrize("text", [
    "Officials estimated 8,000 injuries on the slopes last winter.",  # the verb, with its subject
    "The agency is monitoring 265 people infected with the virus.",  # a research verb: the subject counts
    "The ministry said it tested 9,000 travellers. From those tests, about 100 cases of the disease were found.",
    "A study that examined 1,200 schools found about 300 pupils were evacuated.",  # 'that' is no determiner
])
def test_verbs_that_name_their_source_still_do(registry: Registry, nl4, text: str) -> None:
    assert findings(registry, nl4, text) == []


# --- NL403: casualty figures, on by default ----------------------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    ("At least 40 people died when the bridge fell.", "At least 40 people"),
    ("Some 3,000 residents were evacuated overnight.", "Some 3,000 residents"),
    ("The outbreak has now caused more than 900 deaths.", "more than 900 deaths"),
    ("Thousands of refugees have crossed the border since Monday.", "Thousands of refugees"),
    # a reporting verb sources only its own clause
    ("Officials say the dam held, and 120 people were injured downstream.", "120 people"),
])
def test_nl403_flags_unsourced_casualty_figures(registry: Registry, text: str, flagged: str) -> None:
    default = [rule for rule in registry.select() if rule.code.startswith("NL4")]
    assert [(code, span) for code, span, _ in findings(registry, default, text)] == [("NL403", flagged)]


@pytest.mark.parametrize("text", [
    "At least 40 people died when the bridge fell, the fire service said.",
    "The health ministry has recorded more than 900 deaths.",  # the subject counted
    "More than 900 deaths have been confirmed by the health ministry.",  # an agent
    "She was one of 26 people killed when the bridge fell, and her brother still lives there.",  # a known toll
    "The plague killed 40 percent of the population in the 14th century.",  # the distant past
    "If 40 people were injured at every match, the league would close.",  # hypothetical
    "We saw about 40 people injured in the square.",  # first person: a witness's own account
    "TWO DEAD, 16 INJURED IN RIVER CRASH. The crash closed the bridge.",  # a headline inside the text
    "A: About 40 people were injured, and we took them all to hospital.",  # a speaker's answer
    "At least 40 people died in the crash.\n\n\u2014 Jo Smith (@josmith) May 3, 2024",  # an embedded post
    "The hall holds 2,000 people, and about 300 people attended the vigil.",  # sizes and observable crowds
])
def test_nl403_leaves_alone_what_a_desk_does_not_source(registry: Registry, text: str) -> None:
    assert findings(registry, [rule for rule in registry.rules if rule.code == "NL403"], text) == []


def test_a_lede_that_opens_a_file_with_no_title_is_checked(registry: Registry) -> None:
    """The text reader takes a first line as the headline only when it looks like one, so
    wire copy that opens with its lede is checked, and a real headline is not."""
    nl403 = [rule for rule in registry.rules if rule.code == "NL403"]
    lede = registry.readers[".txt"].read("a.txt", "At least 40 people died when the bridge fell on Sunday "
                                                  "evening, and the search went on all night.\n\nThe mayor came.\n")
    assert [lede.source[f.start:f.end] for f in check_document(lede, nl403)] == ["At least 40 people"]
    headline = registry.readers[".txt"].read("a.txt", "At least 40 people die as bridge falls\n\nThe mayor came.\n")
    assert list(check_document(headline, nl403)) == []


@pytest.mark.parametrize("text", [
    # reporting verbs mined from PolNeAR-train's annotated cues
    "The mayor stressed that about 40% of tenants pay late.",
    "The minister reiterated that some 3,000 residents were evacuated.",
    "Nearly 40% of voters oppose the plan, she argued, adding that turnout would be low.",
    "Opposition leaders cite data showing that 40% of voters oppose the plan.",
    "The council's figures show 40% of tenants pay late.",
])
def test_reporting_verbs_mined_from_polnear_name_a_source(registry: Registry, nl4, text: str) -> None:
    assert findings(registry, nl4, text) == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("Widely regarded as a reformer, the minister resigned on Monday.", "Widely regarded as a reformer"),
    ("The vote was close. Generally seen as a moderate, she lost by 40 votes.", "Generally seen as a moderate"),
])
def test_perception_with_the_subject_left_out_is_flagged(registry: Registry, nl4, text: str, flagged: str) -> None:
    assert [(code, span) for code, span, _ in findings(registry, nl4, text)] == [("NL401", flagged)]


def test_perception_with_its_holder_stays_silent(registry: Registry, nl4) -> None:
    assert findings(registry, nl4, "Analysts say the minister, widely regarded as a reformer, resigned.") == []


def test_the_casualty_word_check_only_saves_time(registry: Registry) -> None:
    """NL403 skips an article with no casualty word at all; that shortcut must never
    change what it finds."""
    nl403 = next(rule for rule in registry.rules if rule.code == "NL403")
    unfiltered = replace(nl403, figures=replace(nl403.figures, casualty_word=None))
    for text in ["At least 40 people died when the bridge fell.", "Some 3,000 residents were evacuated.",
                 "Nearly 40% of voters oppose the plan.", "The hall holds 2,000 people."]:
        document = registry.readers[".txt"].read("a.txt", f"Headline for the test\n\n{text}\n")
        assert list(nl403.check(document)) == list(unfiltered.check(document))
    document = registry.readers[".txt"].read("a.txt", "Headline for the test\n\nAt least 40 people died.\n")
    assert [document.source[f.start:f.end] for f in nl403.check(document)] == ["At least 40 people"]


# --- NL404: shares of a population, on by default ---------------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    ("Nearly 40% of voters oppose the new bypass.", "Nearly 40% of voters"),
    ("Rents rose again in the spring, and two-thirds of residents now rent.", "two-thirds of residents"),
    ("Phones are everywhere and now almost nine in ten adults own one.", "almost nine in ten adults"),
    ("Only a third of pupils at the academy pass the final exam.", "a third of pupils"),
    ("Many lost a relative in the war; in all, 60 percent of the valley's families did.",
     "60 percent of the valley's families"),
    ("The bypass divides the town. Some 54% of adults back the route through the park.", "Some 54% of adults"),
    ("(In the spring primary, 70 per cent of voters were over 50.)", "70 per cent of voters"),
])
def test_nl404_flags_a_share_of_a_population_that_opens_its_clause(registry: Registry, text: str,
                                                                   flagged: str) -> None:
    default = [rule for rule in registry.select() if rule.code.startswith("NL4")]
    [(code, span, message)] = findings(registry, default, text)
    assert (code, span) == ("NL404", flagged)
    assert message == f"'{flagged}': a share of a population with no source; say whose figure it is"


@pytest.mark.parametrize("text", [
    "The party won 31% of the voters in the eastern wards.",  # object position
    "Christians make up about 2 per cent of the population.",
    "The bank is cutting jobs, and 17% of its staff will move to the new office.",  # the subject's own people
    "In the referendum, 54% of the electorate voted to leave.",  # a vote's result on record
    "Almost one in six cars sold in the city is electric.",  # a share of things
    "Only when 25% of people own a handset does the network pay for itself.",  # not its clause's subject
    "The mayor got 30% of men and 40% of women in the ward.",  # the second share of a list
    "Turnout was 41% of voters in the north, 38% of voters in the south.",
    "Nearly 40% of voters oppose the bypass, according to the county's census.",  # sourced
    "Critics say that 40% of voters oppose the bypass.",  # the reporting verb's own clause
    "The bypass divides the town. Some 54% back the route through the park.",  # no people named: NL402's
])
def test_nl404_leaves_other_shares_alone(registry: Registry, text: str) -> None:
    nl404 = [rule for rule in registry.rules if rule.code == "NL404"]
    assert findings(registry, nl404, text) == []


def test_nl404_leaves_the_shares_of_a_survey_story_to_nl402(registry: Registry, nl4) -> None:
    """A story that has named a survey is reporting it: its later shares are the survey's."""
    text = ("A survey of the town was published on Monday.\n\nThe bypass opens next year.\n\n"
            "Nearly 40% of voters oppose it.")
    assert [(code, span) for code, span, _ in findings(registry, nl4, text)] == [("NL402", "Nearly 40% of voters")]
    without_survey = text.replace("A survey of the town", "A plan for the town")
    assert [(code, span) for code, span, _ in findings(registry, nl4, without_survey)] == [
        ("NL404", "Nearly 40% of voters")]
    # a survey named after the share does not cover it
    after = ("The bypass opens next year. Nearly 40% of voters oppose it.\n\n"
             "The council meets on Monday, and a survey is planned.")
    assert ("NL404", "Nearly 40% of voters") in [(code, span) for code, span, _ in findings(registry, nl4, after)]


@pytest.mark.parametrize("text", [
    "Nearly 40% of voters oppose it.", "Some 40 per cent of adults rent.", "Forty percent of residents rent.",
    "Two-thirds of households rent.", "Two thirds of households rent.", "A majority of voters oppose it.",
    "Four in 10 voters oppose it.", "Six out of every 10 adults rent.", "One in five Britons rents.",
])
def test_the_share_word_check_only_saves_time(registry: Registry, text: str) -> None:
    """NL404 skips a block with no share word or no people noun; every block that holds a share
    has both, so the shortcut never changes what it finds."""
    from newslint.rules.attribution.figures import find_figures
    from newslint.rules.attribution.rules import _may_hold_share

    nl404 = next(rule for rule in registry.rules if rule.code == "NL404")
    assert [figure.kind for figure in find_figures(text, nl404.figures)] == ["share"]
    assert _may_hold_share(text, nl404.figures)
    assert not _may_hold_share("The hall holds 2,000 people and opened in 2004.", nl404.figures)
