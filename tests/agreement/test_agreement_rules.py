"""NL301 (one collective subject, two numbers) and NL302 ("who" for an organisation).

Example sentences are our own; the seed article is read from ../shared at test time.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED, check_json, needs_shared, pack_rule
from hypothesis import given
from hypothesis import strategies as st

from newslint.engine import check_document
from newslint.readers.text import TextReader
from newslint.rulepack import RulePackError, load_rule_file
from newslint.rules.agreement import RULE_PACK, newslint_rule_kinds

RULES = RULE_PACK
NL301_FILE = RULES / "NL301-collective-number.toml"
NL302_FILE = RULES / "NL302-organisation-who.toml"
KINDS = newslint_rule_kinds()


@pytest.fixture(scope="module")
def rules():
    return [load_rule_file(NL301_FILE, KINDS, "newslint"), load_rule_file(NL302_FILE, KINDS, "newslint")]


def findings(rules, text: str) -> list[tuple[str, str, str]]:
    """(code, flagged text, message) for `text` as the body under a headline."""
    document = TextReader().read("article.txt", f"Headline for the test\n\n{text}\n")
    return [(f.code, document.source[f.start:f.end], f.message) for f in check_document(document, rules)]


def codes_and_words(rules, text: str) -> list[tuple[str, str]]:
    return [(code, flagged) for code, flagged, _ in findings(rules, text)]


# --- The seed article -----------------------------------------------------------------------

@needs_shared()
def test_seed_findings_exact_spans_and_messages() -> None:
    _, found = check_json("--select", "NL3", str(SEED))
    lines = SEED.read_text(encoding="utf-8").splitlines()

    def column_of(line: int, word: str) -> int:
        text = lines[line - 1]
        assert text.count(f" {word} ") == 1, (line, word)
        return text.index(f" {word} ") + 2

    got = sorted((f["code"], f["line"], f["column"], f["end_column"] - f["column"], f["message"]) for f in found)
    singular = "'The Taliban has captured' (line 10)"
    assert got == [
        ("NL301", 16, column_of(16, "their"), len("their"),
         f"'their' treats the Taliban as plural; elsewhere it is singular: {singular}"),
        ("NL302", 12, column_of(12, "who"), len("who"),
         ("'who' refers to the Taliban, which the article treats as one body "
         "('The Taliban has captured', line 10): use 'which' or 'that'")),
        ("NL302", 16, column_of(16, "who"), len("who"),
         ("'who' refers to the Taliban, which the article treats as one body "
         "('The Taliban has captured', line 10): use 'which' or 'that'")),
    ]


@needs_shared()
def test_seed_traps_stay_silent() -> None:
    """Line 40's "their" is the governor's and police chief's; "Taliban militants" is not the Taliban."""
    _, found = check_json("--select", "NL3", str(SEED))
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert "their surrender" in lines[39] and "Taliban militants" in lines[41]
    assert not [f for f in found if f["line"] in (40, 42)]


# --- What NL301 flags -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(
        "The council has approved the budget. The council has also raised parking charges.\n\n"
        "The council were criticised by residents for the decision.",
        [("NL301", "were")], id="verb-minority"),
    pytest.param(
        "The council have approved the budget. The council have also raised parking charges.\n\n"
        "The council is expected to publish the plan in May.",
        [("NL301", "is")], id="plural-majority"),
    pytest.param(
        "The rail company has cut its timetable for the winter, and the company has raised "
        "its fares.\n\nThe company has found themselves short of drivers.",
        [("NL301", "themselves")], id="reflexive"),
    pytest.param(
        "The militia has taken the airport and continues to press their advance on the capital. "
        "The militia has also closed the border.",
        [("NL301", "their")], id="coordinated-verb-phrase"),
    pytest.param(
        "The broadcaster, which was founded in 1952, has said its news service will move.\n\n"
        "The broadcaster say the move will save money.",
        [("NL301", "say")], id="after-relative-clause"),
    pytest.param(
        "Northwind Energy has raised its prices for the third time this year.\n\n"
        "Northwind Energy say the rise reflects wholesale costs.",
        [("NL301", "say")], id="bare-company-name"),
    pytest.param(
        "Rovers have signed a new striker. Rovers is now ten points clear at the top. "
        "Rovers have also sold a defender.",
        [("NL301", "is")], id="bare-team-name"),
    pytest.param(
        "Hamas has rejected the offer. Hamas say the terms were never put to them. Hamas has called for talks.",
        [("NL301", "say")], id="listed-organisation"),
    pytest.param(
        "The Kremlin has denied the report. On Monday the Kremlin were said to be furious. "
        "The Kremlin has summoned the ambassador.",
        [("NL301", "were")], id="capitalised-name-after-the"),
    pytest.param(
        "The ministry says it will publish the figures. The ministry have refused to say when.",
        [("NL301", "have")], id="reporting-verb-it"),
])
def test_nl301_flags_the_minority_use(rules, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes_and_words(rules, text) == expected


def test_nl301_message_names_subject_choice_and_example(rules) -> None:
    text = ("The council has approved the budget. The council has also raised parking charges.\n\n"
            "The council were criticised by residents for the decision.")
    [(_, _, message)] = findings(rules, text)
    assert message == ("'were' treats the council as plural; elsewhere it is singular: "
                       "'The council has approved' (line 3)")


def test_nl301_on_a_tie_every_use_is_flagged_naming_the_other(rules) -> None:
    """One "have" and one "is": the article made no choice, and only the editor knows which is the slip."""
    text = "The club have signed a new goalkeeper.\n\nThe club is expected to name a captain."
    [(_, first, first_message), (_, second, second_message)] = findings(rules, text)
    assert (first, second) == ("have", "is")
    assert "elsewhere it is singular: 'The club is expected' (line 5)" in first_message
    assert "elsewhere it is plural: 'The club have signed' (line 3)" in second_message


@pytest.mark.parametrize("text, flagged", [
    # A bare name the article gives "its" is a thing: its "they" after a reporting verb counts.
    ("Brightwell has cut its price. Brightwell said they would open a store.", ["they"]),
    ("Dana Reyes has cut the price. Dana Reyes said they would open a store.", []),  # may be a person
    # A subject after "and" with no comma opens a new clause when its verb is singular.
    (("The council have approved the budget. The council are pleased.\n\n"
      "The mayor resigned and the council has set out new plans."), ["has"]),
    (("The council have approved the budget. The council are pleased.\n\n"
      "Brightwell and the council has agreed terms."), []),  # a name before "and" may be joined to it
    # "It"/"Its"/"They"/"Their" opening the sentence after one the subject opens.
    ("The rail company has cut its timetable. The company has apologised. Their night trains return in March.",
     ["Their"]),
    ("The council has approved the budget. The council has raised the charge. They said the rise was needed.",
     ["They"]),
    ("The council have approved the budget. The council are pleased. It said the rise was needed.", ["It"]),
    ("The company has hired new drivers. The company has apologised. Their contracts start in May.", []),
    ("The council has met the unions. The council has raised charges. They said the rise was needed.", []),
    ("The council has met the unions. The council has apologised. They said the rise was needed.", []),
    ("The council has approved the budget. The council has raised charges. They were right, said Ann Lee.", []),
    ("The council has approved the budget.\n\nTheir plan is bold, said Ann Lee.", []),  # another paragraph
])
def test_nl301_subjects_and_pronouns_beyond_the_clause(rules, text: str, flagged: list[str]) -> None:
    assert [word for _, word in codes_and_words(rules, text)] == flagged


def test_nl301_groups_common_nouns_by_noun(rules) -> None:
    """"the Afghan government" and "the embattled government" are one style choice."""
    text = ("The Afghan government has rejected the offer.\n\n"
            "Later the embattled government were forced to accept it. The government has since resigned.")
    assert codes_and_words(rules, text) == [("NL301", "were")]


# --- What NL301 leaves alone ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    pytest.param("The club have signed a new goalkeeper. The club are expected to name their captain.",
                 id="consistent-plural"),
    pytest.param("The firm has cut its forecast. The firm is expected to cut jobs.", id="consistent-singular"),
    pytest.param(
        "The militia has taken the city. The governor and police chief made a deal with the militia "
        "to leave after their surrender.",
        id="their-of-another-antecedent"),
    pytest.param("The Taliban has taken the city. Taliban militants have raised their flag over the square.",
                 id="name-as-modifier"),
    pytest.param("The committee has met twice. A majority of the committee say the plan is flawed.",
                 id="partitive"),
    pytest.param("The committee has met twice. Most of the committee are against the plan.",
                 id="partitive-most"),
    pytest.param("The council has met. Police are investigating, and the council has asked police to "
                 "step up their patrols.", id="plural-only-noun"),
    pytest.param("The party has chosen its candidate. \"The party have made their choice,\" one member said.",
                 id="quoted-speech"),
    pytest.param("The party has chosen its candidate.\n\n\u201cThe party have made their choice and "
                 "the party are united,\u201d one member said.", id="curly-quoted-speech"),
    pytest.param("The government has told its citizens to stay in their homes until the storm passes.",
                 id="metonymy-its-citizens-their-homes"),
    pytest.param("The government has warned the public to protect their homes.", id="another-collective"),
    pytest.param("The company has asked each customer to check their account.", id="singular-they"),
    pytest.param("The union has met. Hamas and the union have signed the letter.", id="coordinated-subject"),
    pytest.param("The bank has said little. Will the bank have to raise its rates?", id="inversion"),
    pytest.param("The club has won. The owners let the club have its way on tickets.", id="causative"),
    pytest.param("The agency has resisted. Critics demanded that the agency have its budget cut.",
                 id="mandative-subjunctive"),
    pytest.param("The agency has resisted. If the agency were to fold, staff would lose their jobs.",
                 id="irrealis-were"),
    pytest.param("The firm has grown. The firm said it was too early to comment on their offer.",
                 id="empty-it-and-other-their"),
    pytest.param("The band has a new album. One of the critics to praise the band was a radio host.",
                 id="object-of-a-verb"),
    pytest.param("The party has grown. Larger parties such as the party are expected to gain.",
                 id="such-as"),
    pytest.param("As the workers protested, the company has cut their pay. The company is losing money.",
                 id="plural-earlier-in-sentence"),
    pytest.param("The court has ruled on two networks, Alpha and Beta.\n\nThe court said they were liable.",
                 id="they-refers-to-previous-sentence"),
    pytest.param("Mr Smith has resigned. Officials of Smith's party say Smith have been told.",
                 id="possessive-name"),
    pytest.param("Alex Morgan has released a new album and said their tour starts in May. "
                 "Alex Morgan has also signed a new deal.", id="person-singular-they"),
])
def test_nl301_leaves_alone(rules, text: str) -> None:
    assert [f for f in findings(rules, text) if f[0] == "NL301"] == []


# --- NL302 ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "flagged"), [
    pytest.param("The airport fell to the militia, who has held the port since March.", True,
                 id="who-with-singular-verb"),
    pytest.param("The company has opened a plant.\n\nAnalysts praised the company, who hired 300 workers.",
                 True, id="who-in-a-singular-article"),
    pytest.param("The airport fell to the militia, which has held the port since March.", False,
                 id="which"),
    pytest.param("Fans cheered the club, who are top of the league.", False, id="who-with-plural-verb"),
    pytest.param("The club have won again.\n\nFans cheered the club, who scored twice.", False,
                 id="who-in-a-plural-article"),
    pytest.param("A spokesman for the militia, who has been in the city since March, denied it.", False,
                 id="who-refers-to-a-person-before-the-preposition"),
    pytest.param("The Kenyan, who has not raced for a year, won easily.", False, id="not-an-organisation"),
    pytest.param("\"We joined the militia, who has fed us,\" he said.", False, id="quoted"),
])
def test_nl302(rules, text: str, flagged: bool) -> None:
    assert (("NL302", "who") in codes_and_words(rules, text)) is flagged


def test_nl302_is_lower_severity_than_nl301(rules) -> None:
    severities = {rule.code: rule.severity.value for rule in rules}
    assert severities == {"NL301": "warning", "NL302": "info"}


# --- The lexicon lives in the rule pack -----------------------------------------------------

def _pack_rule(tmp_path: Path, options: str, lexicon: str | None = None) -> object:
    return pack_rule(tmp_path, KINDS, "XY301-collective.toml", "collective-number",
                     "{form}: {subject} {number} vs {dominant}", options, lexicon)


def test_a_newsroom_extends_the_lexicon_with_its_own_file(tmp_path: Path) -> None:
    text = "The guild has voted. The guild have also elected a chair. The guild has a new office."
    builtin = _pack_rule(tmp_path, 'lexicons = ["newslint:lexicons/agreement.toml"]')
    extended = _pack_rule(tmp_path, 'lexicons = ["newslint:lexicons/agreement.toml", "extra.toml"]',
                          'collective_nouns = ["guild"]\n')
    assert findings([builtin], text) == []
    assert findings([extended], text) == [("XY301", "have", "have: the guild plural vs singular")]


def test_an_inline_lexicon_table_extends_it_too(tmp_path: Path) -> None:
    rule = _pack_rule(tmp_path, '[options.lexicon]\norganisations = ["Acme Widgets"]\n')
    text = "Acme Widgets is hiring. Acme Widgets have opened a plant. Acme Widgets is also moving."
    assert [(c, w) for c, w, _ in findings([rule], text)] == [("XY301", "have")]


@pytest.mark.parametrize(("options", "lexicon", "reason"), [
    ('lexicons = ["missing.toml"]', None, "cannot read"),
    ('lexicons = ["extra.toml"]', "collective_nouns = 3\n", "must be an array of non-empty strings"),
    ('lexicons = ["extra.toml"]', "colective_nouns = []\n", "unknown key 'colective_nouns'"),
    ('lexicons = ["extra.toml"]', "verb_numbers = [\"is\"]\n", "singular = \"plural\""),
    ('lexicons = ["extra.toml"]', "collective_nouns = [\n", "not valid TOML"),
    ('blocks = ["sidebar"]', None, "unknown block kind"),
    ('lexicon = "x"', None, "expected a table"),
    ('colour = "red"', None, "unknown option"),
])
def test_bad_lexicon_is_a_clear_rule_pack_error(tmp_path: Path, options: str, lexicon: str | None,
                                                reason: str) -> None:
    with pytest.raises(RulePackError) as error:
        _pack_rule(tmp_path, options, lexicon)
    assert "XY301-collective.toml: options." in str(error.value)
    assert reason in str(error.value)


def test_the_builtin_lexicon_file_is_not_loaded_as_a_rule(registry) -> None:
    assert {rule.code for rule in registry.rules if rule.code.startswith("NL3")} == {"NL301", "NL302", "NL303", "NL304"}


# --- A capitalised word the article also writes in lower case is no name ---------------------

@pytest.mark.parametrize(("elsewhere", "flagged"), [
    ("", True),
    ("A kestrel hovered over the ground.", False),  # an ordinary word opening a sentence
    ("Two kestrels hovered over the ground.", True),  # another word
    ("A sparrow-kestrel hovered over the ground.", True),  # part of a word
    ("The Kestrel stand was full.", True),  # capitalised again
])
def test_a_bare_name_is_a_name_unless_written_in_lower_case(rules, elsewhere: str, flagged: bool) -> None:
    text = (f"Kestrel have signed a striker from Spain. Kestrel has also sold a defender to a rival. "
            f"Kestrel have a new coach. {elsewhere}")
    assert codes_and_words(rules, text) == ([("NL301", "has")] if flagged else [])


_AWKWARD_TEXT = st.text(alphabet="ab Ab-'\u2019_1\u0663\u00e9\u0301.,\u01c5\u00df\n", max_size=16)


@given(text=_AWKWARD_TEXT, data=st.data())
def test_the_lower_case_lookup_equals_the_set_of_words_written_in_lower_case(text: str, data) -> None:
    from newslint.document import Block, BlockKind, Document, SourceMap
    from newslint.rules.agreement import analysis as agreement_analysis

    document = Document("a.txt", text, "text",
                        (Block(BlockKind.PARAGRAPH, text, SourceMap.linear(0, len(text)), (0, len(text))),))
    written = {word for word in agreement_analysis._WORD.findall(text) if word[0].islower()}
    start = data.draw(st.integers(0, len(text)))
    query = text[start:data.draw(st.integers(start, len(text)))]
    pieces = [text[i:j] for i in range(len(text)) for j in range(i + 1, min(len(text), i + 4) + 1)]
    lookup = agreement_analysis._LowerCaseWords(document)  # looks words up, then builds the set
    for word in (query, *written, *pieces):
        assert agreement_analysis._written_in_lower_case(document, word) == (word in written)
        assert lookup(word) == (word in written)


@given(text=st.text(alphabet="ab A1-'\u2019\"\u201c\u201d\u00ab\u00bb\u0301 .\n\t", max_size=24), data=st.data())
def test_tokens_are_the_token_pattern_matches_each_marked_quoted_or_not(text: str, data) -> None:
    from newslint.rules.agreement import analysis as agreement_analysis

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    quoted = agreement_analysis.quote_spans(text)
    expected = [(m.group(), m.start(), m.end(), any(s <= m.start() < e for s, e in quoted))
                for m in agreement_analysis._TOKEN.finditer(text, start, end)]
    tokens = agreement_analysis._tokens(text, start, end, quoted)
    assert [(t.text, t.start, t.end, t.quoted) for t in tokens] == expected


# --- Issue 12: subjects, clauses and pronouns the rule used to miss -----------------------

@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(
        "The estate needs 300 new homes, and the council has set out their plans for the site. "
        "The council has named a builder.",
        [("NL301", "their")], id="new-clause-after-and-with-a-plural-thing-before"),
    pytest.param(
        "The survey was finished seven years before the agency is due to launch their probe. "
        "The agency has chosen a site.",
        [("NL301", "their")], id="plural-time-word-before-the-subject"),
    pytest.param("The F.B.I. has opened an inquiry. The F.B.I. has also said their agents were ready.",
                 [("NL301", "their")], id="abbreviation-with-stops"),
    pytest.param("The outfit has won its first award. The outfit has a new drummer. The outfit say it is a surprise.",
                 [("NL301", "say")], id="informal-collective-outfit"),
    pytest.param("The side has won its last three games. The side has a new coach. The side are now top.",
                 [("NL301", "are")], id="informal-collective-side"),
    pytest.param("The crew has landed safely. The crew has been praised. The squad has named its captain. "
                 "The crew were met by their families. The crew has thanked the airline.",
                 [("NL301", "were"), ("NL301", "their")], id="informal-collective-crew"),
    pytest.param("Harwell Logistics has cut its prices. Harwell Logistics is meeting today, reviewing their options.",
                 [("NL301", "their")], id="possessive-after-participle-clause"),
    pytest.param("Zenocorp has cut its prices. Zenocorp says it will raise their wages next year.",
                 [("NL301", "their")], id="says-it-then-their-in-one-clause"),
    pytest.param("NASA has picked five landers. NASA is also testing a rover. NASA plans to test their rover in May.",
                 [("NL301", "their")], id="acronym-pronouns-count"),
    pytest.param("The bank has kept rates at 2%. The bank is expected to act in May, long after the bank ends "
                 "their bond buying.",
                 [("NL301", "their")], id="present-verb-with-object"),
    pytest.param("Kettle maker Brightwell had to redesign their lid. Brightwell has sold 2,000. "
                 "Brightwell is hiring.",
                 [("NL301", "their")], id="name-introduced-by-a-collective-noun"),
])
def test_nl301_issue12_flags(rules, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes_and_words(rules, text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("The cars were recalled in May, and the firm has replaced their brakes. The firm has apologised.",
                 id="plural-subject-of-an-earlier-clause"),
    pytest.param("Builders have put up 300 homes, and the council has invited their bids. The council has a plan.",
                 id="people-before-the-subject"),
    pytest.param("Dana Reyes has said they will stand. Dana Reyes is a former teacher.", id="person-may-be-they"),
    pytest.param("Analysts expect the firm to grow. Restrictions were imposed on its shares. Analysts are wary.",
                 id="plural-words-starting-sentences"),
    pytest.param("Zentro has told PC owners to update their software. Zentro has issued a patch.",
                 id="acronym-modifying-a-plural-noun"),
    pytest.param("Advisers to Mr. Vance have asked for a debate. Vance has won two states. Mr. Vance is ahead.",
                 id="name-after-an-abbreviated-title"),
    pytest.param("Most of Dana Reyes's team was back in their offices by noon. The team has two days off.",
                 id="possessor-after-a-preposition"),
    pytest.param("For those working late, the Night Guide offers a list of their closest cafes. The Night Guide is free.",
                 id="those-before-the-subject"),
    pytest.param("Baggage handlers at Skyline, the biggest regional airline, which is in administration, face a wage freeze. "
                 "The airline is for sale.", id="appositive-before-a-relative-clause"),
    pytest.param("The council has met. The council is meeting residents today, reviewing their complaints.",
                 id="plural-noun-between-subject-and-pronoun"),
])
def test_nl301_issue12_leaves_alone(rules, text: str) -> None:
    assert codes_and_words(rules, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Harlow Foods has cut 40 jobs. Shoppers have complained about prices. "
                 "Harlow Foods said the cuts were needed. They said the shops would stay open.",
                 [("NL301", "has"), ("NL301", "They")], id="they-said-goes-on-with-the-speaker"),
    pytest.param("Harlow Foods has cut 40 jobs. Harlow Foods said workers were told on Monday. "
                 "They said the news came as a shock.", [], id="people-in-the-reported-sentence"),
    pytest.param("The firm has a new logo. The firm has opened a new shop. They invited reporters to tour it.",
                 [("NL301", "They")], id="they-opening-with-a-verb"),
    pytest.param("The firm has a new logo. The firm has opened two new shops. They opened in May.", [],
                 id="things-in-the-sentence-before-may-be-they"),
])
def test_nl301_they_opening_the_next_sentence(rules, text: str, expected: list[tuple[str, str]]) -> None:
    """A sentence-opening "They" after one the body opens: after "Acme said ...", "They said"
    goes on with the same speaker unless that sentence names people; "They" with any other
    verb counts only when no plural at all is written in the two sentences before."""
    assert codes_and_words(rules, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The party has grown. The party met for their convention in May.",
                 [("NL301", "has"), ("NL301", "their")], id="met"),
    pytest.param("The agency has closed. The agency spoke to their staff on Friday.",
                 [("NL301", "has"), ("NL301", "their")], id="spoke"),
    pytest.param("The firm has grown. Last year the firm drew up their own plan.",
                 [("NL301", "has"), ("NL301", "their")], id="drew"),
    pytest.param("The council has met. The council met residents, who raised their concerns.", [],
                 id="people-after-the-verb-own-the-pronoun"),
    pytest.param("The club has a new coach. The club paid fans for their tickets.", [],
                 id="plural-object-before-the-pronoun"),
])
def test_nl301_irregular_past_verbs_open_the_predicate(rules, text: str, expected: list[tuple[str, str]]) -> None:
    """An irregular past form ("met", "spoke", "paid") shows its subject as a "-ed" form does, so
    a pronoun in its clause counts; a plural it passes first may still own the pronoun."""
    assert codes_and_words(rules, text) == expected


@pytest.mark.parametrize(("text", "flagged"), [
    ("The investment firm Larchmont Capital, who owns six hotels, has bought another.", True),
    ("In Ohio, Northgate Holdings Inc., who runs a chain of bakeries, has cut 40 jobs.", True),
    ("Okafor scored for Riverton, who was chasing its first win since May.", True),
    ('"We are cautious," said Ann Lee, head of research at Nortex Securities Inc., who follows the sector.', False),
    ("Sam Ortiz, the head of the sport's governing body, Fifa, who is under investigation, spoke.", False),
    ("The singer CJ, who grew up in Leeds, has a new album. CJ is on tour.", False),
    ("The electorate who has voted for change will be disappointed.", False),
    ("Okafor scored for Riverton, who ended a losing run.", False),
])
def test_nl302_issue12(rules, text: str, flagged: bool) -> None:
    assert bool([c for c, _ in codes_and_words(rules, text) if c == "NL302"]) is flagged


# --- Issue 12, second and third rounds: a subject named another way, asides, speakers, pronouns -

@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The NRB has opened its archive to the public. The bureau have said the files are ready.",
                 [("NL301", "have")], id="organisation-noun-restates-an-acronym"),
    pytest.param("Brightwell Holdings has cut its prices again. The company are hiring 40 staff for the shops.",
                 [("NL301", "are")], id="the-company-restates-a-named-company"),
    pytest.param("Zentrix Inc. has moved its offices to Leeds. The software giant are now hiring.",
                 [("NL301", "are")], id="a-described-noun-restates-the-name"),
    pytest.param("The board has met twice. The board has a new chair. The board, meanwhile, are reviewing the plan.",
                 [("NL301", "are")], id="adverb-aside-between-subject-and-verb"),
    pytest.param("Our charity has grown. Our charity is hiring. Our charity, founded in 1990, have 40 shops.",
                 [("NL301", "have")], id="participle-aside-between-subject-and-verb"),
    pytest.param("The Board of Elections was clear in its ruling. The Board of Elections have met since.",
                 [("NL301", "have")], id="name-with-an-of-tail"),
    pytest.param("The firm has posted record profits. The firm is pleased. The firm said they would pay a dividend.",
                 [("NL301", "they")], id="plural-things-cannot-be-the-speaker"),
    pytest.param("The council has met. The council has rejected the plans for two car parks. They said the sites "
                 "were too small.", [("NL301", "They")], id="they-said-after-a-sentence-with-only-things"),
    pytest.param("The car maker has cut its prices. The car maker has moved into banking, and are opening branches.",
                 [("NL301", "are")], id="second-verb-after-comma-and"),
    pytest.param("The minister spoke out, saying the agency has shown through their ruling that it is biased. "
                 "The agency is reviewing the case.", [("NL301", "their")], id="subject-after-saying"),
    pytest.param("The fringe has a new leader. The fringe nowadays often pushes their ideas into the mainstream.",
                 [("NL301", "their")], id="informal-collective-with-adverbs-before-its-verb"),
    pytest.param("Zentrix Inc. has grown in recent years, selling off their shops. Zentrix Inc. is now smaller.",
                 [("NL301", "their")], id="a-span-of-time-owns-nothing"),
    pytest.param("Verlane has cut jobs. The company said it would close two shops. Verlane said they would reopen one.",
                 [("NL301", "they")], id="a-name-restated-as-the-company-is-no-person"),
    pytest.param("The firm has cut its prices. The firm said it raised $2m in March, bringing their total to $9m.",
                 [("NL301", "their")], id="a-month-name-is-not-an-antecedent"),
    # Third round: pronoun breaks (abbreviations, names that are no person's, speech frames).
    pytest.param("The Northfield Water Authority has raised its charges. The NWA said they would review the rise.",
                 [("NL301", "they")], id="an-abbreviation-of-a-name-written-in-full-is-that-body"),
    pytest.param("The Office for Rail Standards has opened its files. The O.R.S. have said the files are ready.",
                 [("NL301", "have")], id="dotted-initials-and-an-of-connector"),
    pytest.param("Brightwell has closed two depots this year. Brightwell says their sales fell in the spring.",
                 [("NL301", "their")], id="a-one-word-name-never-written-as-a-persons-is-no-person"),
    pytest.param("Arkwright has joined the race. Arkwright has said their campaign will start soon.",
                 [("NL301", "their")], id="a-lone-name-with-a-singular-verb-and-their"),
    pytest.param("The council has approved the plan. It said their budget was tight.",
                 [("NL301", "their")], id="it-said-opens-a-clause-about-the-subject"),
    pytest.param("The council is short of money. It has said they would cut the budget.",
                 [("NL301", "they")], id="it-has-said-they"),
    pytest.param("The council said on Monday that they would cut the budget. The council is short of money.",
                 [("NL301", "they"), ("NL301", "is")], id="said-on-a-day-that-they"),
    pytest.param("The council said in a statement that they would cut the budget. The council is short of money.",
                 [("NL301", "they"), ("NL301", "is")], id="said-in-a-statement-that-they"),
    pytest.param("Acme has closed two plants. Acme said they would reopen one next year.",
                 [("NL301", "has"), ("NL301", "they")], id="a-lone-name-before-said-and-plants-are-no-people"),
    pytest.param("The council has run two events. The council said they would hold more.",
                 [("NL301", "has"), ("NL301", "they")], id="events-are-no-people"),
    pytest.param("The charity is well placed to run the scheme because of their track record.",
                 [("NL301", "is"), ("NL301", "their")], id="because-of-is-a-preposition"),
    pytest.param("The club is selling its ground as their debts mount.",
                 [("NL301", "their")], id="a-new-clause-opening-with-the-subjects-possessive"),
    pytest.param("The bureau has shut down as if their work were done. The bureau is new.",
                 [("NL301", "their")], id="a-run-of-clause-breaks-before-the-possessive"),
    pytest.param("The agency is making arrangements as it nears the end of their inquiry.",
                 [("NL301", "their")], id="a-new-clause-whose-subject-is-the-subjects-it"),
    pytest.param("The agency has hired staff because it expects more cases. The agency are busy.",
                 [("NL301", "are")], id="the-it-of-a-new-clause-is-evidence"),
    pytest.param("The campaign says it raised more than $21 million in June, bringing their total to $95 million.",
                 [("NL301", "their")], id="than-before-a-figure-is-no-clause-break"),
    pytest.param("Dana Reyes\u2019 campaign says it has raised $2m, bringing their total to $9m.",
                 [("NL301", "their")], id="a-possessive-name-ending-in-s-apostrophe"),
    pytest.param("The Harbury Courier has hired staff. The Harbury Courier is growing. Later the Courier set out their plan.",
                 [("NL301", "their")], id="a-name-shortened-to-its-last-word"),
    pytest.param("Brightwell has been taking steps to improve its image, revamping their menu.",
                 [("NL301", "their")], id="a-participle-clause-after-things-is-the-subjects"),
    pytest.param("Brightwell has cut its debt. Brightwell is the region's second-largest grocery chain. "
                 "Their other shops sell books.", [("NL301", "Their")], id="a-complement-names-the-subject-again"),
    pytest.param("The board has met. The board thinks the fee is fair. The board reckon it can sell.",
                 [("NL301", "reckon")], id="reporting-verbs-marked-for-number"),
    pytest.param("The Reyes campaign on Tuesday responded that they had moved. The campaign has said it is happy. "
                 "The campaign is hiring.", [("NL301", "they")], id="a-day-between-subject-and-verb"),
    pytest.param("Snack giant Brightwell on Wednesday began cutting jobs at its Leeds bakery. Brightwell are "
                 "expected to cut 200 jobs. Brightwell has said it regrets the cuts.",
                 [("NL301", "are")], id="a-day-after-a-name-and-a-capitalised-word-after-its"),
    pytest.param("Zenkom Ltd has cut its prices. The mobile operator are appealing against the ruling.",
                 [("NL301", "are")], id="an-operator-restates-the-company"),
    pytest.param("The club has won twice. Over the last two years the club have signed nine players.",
                 [("NL301", "has"), ("NL301", "have")], id="a-time-phrase-before-the-subject"),
    pytest.param("The board earlier this month approved their budget. The board has said it will publish the figures.",
                 [("NL301", "their")], id="a-time-counted-from-now-between-subject-and-verb"),
    pytest.param("The club in 2019 signed their best player. The club has said it will sell him.",
                 [("NL301", "their")], id="a-year-between-subject-and-verb"),
    pytest.param("The council unanimously approved their budget. The council has said it will act.",
                 [("NL301", "their")], id="an-adverb-in-ly-between-subject-and-verb"),
    pytest.param("The commission said it was satisfied with the checks. The commission have asked for more time.",
                 [("NL301", "it"), ("NL301", "have")], id="said-it-was-in-a-state-only-a-body-is-in"),
])
def test_nl301_second_round_flags(rules, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes_and_words(rules, text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("Brightwell has met the union. The union have rejected the offer.",
                 id="the-noun-has-a-referent-of-its-own"),
    pytest.param("Brightwell has cut its prices. The rival firm are expected to follow.",
                 id="a-contrasting-modifier-names-another-body"),
    pytest.param("Harbury Town has sold its ground. The Harbury Gazette newspaper have called it a disgrace.",
                 id="a-noun-named-by-capitalised-modifiers"),
    pytest.param("Profits at the company two years ago were higher. The company has said it will grow.",
                 id="a-time-phrase-after-a-noun-that-is-no-subject"),
    pytest.param("The company last year raised its prices, and the company has said it will do so again.",
                 id="a-time-phrase-between-subject-and-verb-of-one-number"),
    pytest.param("The council has met twice. The council assembly have voted to close the library.",
                 id="a-noun-in-ly-is-no-adverb"),
    pytest.param("The commission said it was too early to judge. The commission have asked for more time.",
                 id="said-it-was-with-an-empty-it"),
    pytest.param("The commission said it was clear the checks had worked. The commission have asked for more time.",
                 id="said-it-was-clear-with-an-empty-it"),
    pytest.param("Analysts have cut their forecasts. The company has said it expects a loss.",
                 id="a-plural-word-is-not-a-name-to-restate"),
    pytest.param("Leeds have signed a striker. The club said it had agreed a fee.",
                 id="team-as-players-and-club-as-one-body-is-house-style"),
    pytest.param("Dana Reyes is the new chair. The board have approved her plan.",
                 id="a-person-is-not-restated-by-an-organisation-noun"),
    pytest.param("Brightwell has cut its prices. Zenko said it would match them. Sales rose. Output fell. "
                 "The company are hiring.", id="the-name-is-too-far-back"),
    pytest.param("The ministry has freed the hostages. The ministry said they were in good health.",
                 id="people-in-the-sentence-before-may-be-they"),
    pytest.param("The firm has said sales fell, and are expected to recover. The firm has a plan.",
                 id="second-verb-of-a-reported-clause"),
    pytest.param("I say Acme is not a giant and believe me, it never will be.", id="and-without-comma-imperative"),
    pytest.param("The couple has sold the farm. The couple say they will travel.", id="the-couple"),
    pytest.param("The band have split. The band say their last tour was their best.", id="plural-by-intent-band"),
    pytest.param('The council has met. "The council are out of touch," said one resident.', id="quoted-speech"),
    # Third round: pronoun breaks.
    pytest.param("The Northfield Water Authority has raised its charges. The RMT said they would strike in May.",
                 id="an-abbreviation-with-other-initials-is-another-body"),
    pytest.param("The NWA said they would review the rise. The Northfield Water Authority has raised its charges.",
                 id="an-abbreviation-before-the-full-name-is-not-linked"),
    pytest.param("Dana Reyes has joined the race. Reyes has said their campaign will start soon.",
                 id="a-surname-of-a-full-name-may-be-a-person"),
    pytest.param("Ms Reyes has joined the race. Reyes has said their campaign will start soon.",
                 id="a-name-after-a-title-may-be-a-person"),
    pytest.param("Dana Reyes has joined the race. Dana has said their campaign will start soon.",
                 id="a-first-name-of-a-full-name-may-be-a-person"),
    pytest.param("Brightwell has closed two depots this year. Brightwell says workers fear for their jobs.",
                 id="people-between-the-name-and-their"),
    pytest.param('Brightwell has closed two depots this year. Brightwell says "their sales fell".',
                 id="a-quoted-their-is-the-speakers"),
    pytest.param("The council has approved the plan. It said residents would see their bills rise.",
                 id="people-in-the-reported-clause-after-it-said"),
    pytest.param("The ministry has freed two hostages. It said they were in good health.",
                 id="people-in-the-sentence-before-it-said-they"),
    pytest.param("The council told the residents on Monday that they would see cuts. The council is short of money.",
                 id="people-between-the-verb-and-that"),
    pytest.param("The council said the plans that they drew up were fine. The council is short of money.",
                 id="that-after-a-noun-is-a-relative-pronoun"),
    pytest.param("The council has hired two consultants. The council said they would report in May.",
                 id="consultants-are-people-who-may-be-they"),
    pytest.param("Dana Reyes has closed two shops. Reyes said they would reopen one.",
                 id="a-surname-before-said-they"),
    pytest.param("The charity is well placed to run the scheme because donors say their money is safe.",
                 id="because-opens-a-clause-with-a-subject-of-its-own"),
    pytest.param("The council met residents before their vote. The council is new.",
                 id="people-before-the-clause-that-opens-with-their"),
    pytest.param("The club is selling its ground as fans say their club is dying.",
                 id="a-clause-with-a-subject-of-its-own"),
    pytest.param("The public have short memories when it comes to voting. The public are fickle.",
                 id="when-it-comes-to-is-an-empty-it"),
    pytest.param("The delegation is courted because they are free agents. The delegation has met.",
                 id="a-new-clause-with-they-may-mean-the-members"),
    pytest.param("The council has sold the homes to families as it clears their debts. The council has gone.",
                 id="people-named-before-the-subjects-new-clause"),
    pytest.param("The agency has hired staff because they expect more cases. The agency is busy.",
                 id="a-plural-before-a-new-clauses-they"),
    pytest.param("The White House has said it agrees. The House have voted.",
                 id="a-last-word-that-names-another-body"),
    pytest.param("The Harbury Courier has hired staff. The Dunmore Courier has too. The Courier are happy.",
                 id="a-last-word-shared-by-two-names"),
    pytest.param("The Courier closed in June. The Harbury Courier has hired staff. The Harbury Courier is growing. "
                 "The Courier are happy.",
                 id="a-short-name-written-alone-first"),
    pytest.param("Dana Reyes on Monday said they would run. Dana Reyes is a teacher.",
                 id="a-day-after-a-persons-name"),
    pytest.param("The club has signed two players, bringing their total to 30. The club is top.",
                 id="a-participle-clause-after-people"),
    pytest.param("The firm has taken steps to cut costs, including their own pay. The firm is busy.",
                 id="a-preposition-in-ing-is-no-participle"),
    pytest.param("The club is the oldest team in the league. Their ground is full. The club has won.",
                 id="a-complement-with-another-body-in-it"),
    pytest.param("The firm has grown since 2010 as rivals cut their prices. The firm is big.",
                 id="since-before-a-figure-then-a-clause-with-its-own-subject"),
])
def test_nl301_second_round_leaves_alone(rules, text: str) -> None:
    assert codes_and_words(rules, text) == []


def test_nl302_leaves_who_after_a_lone_name_alone(rules) -> None:
    text = "Madonna has sold her house. Madonna, who has three homes, said she was sad."
    assert codes_and_words(rules, text) == []


@pytest.mark.parametrize("text", [
    pytest.param("Ann Lee, a strategist on Mrs. Reyes's 2008 campaign who is now advising Acme, spoke. "
                 "Her campaign has begun.", id="a-person-before-a-possessor-led-phrase"),
    pytest.param("Sam Roe, an adviser to Dana Reyes\u2019s former campaign who has long opposed the plan, spoke. "
                 "The campaign has ended.", id="an-agent-noun-before-a-possessor-led-phrase"),
    pytest.param("The plan pleased Democrats close to the Reyes campaign, who have been waiting for it. "
                 "Later the Reyes campaign has said it agreed.", id="a-capitalised-plural-heads-the-phrase"),
])
def test_nl3xx_leave_who_after_a_person_before_the_phrase_alone(rules, text: str) -> None:
    assert codes_and_words(rules, text) == []


def test_nl302_leaves_who_after_a_name_ending_in_people_alone(rules) -> None:
    text = "She sits on the Council of Economic Advisers who has advised two presidents."
    assert [c for c, _ in codes_and_words(rules, text) if c == "NL302"] == []


def test_nl301_and_nl302_share_one_analysis_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import newslint.rules.agreement.rules as agreement_rules
    from newslint.document import Document
    from newslint.engine import check_bytes
    from newslint.plugins import plugin_manager
    from newslint.registry import build_registry

    analysed: list[str] = []
    original = agreement_rules.analyse

    def counted(document: Document, *rest: object) -> object:
        analysed.append(document.path)
        return original(document, *rest)

    monkeypatch.setattr(agreement_rules, "analyse", counted)
    registry = build_registry(plugin_manager(load_entry_points=False))
    text = b"The harbour board has met. The board, who have met, said their plan stands.\n"
    result = check_bytes("story.txt", text, registry, registry.select(["NL301", "NL302"]))
    assert {item.code for item in result.findings} >= {"NL301"}
    assert analysed == ["story.txt"]


# --- Fourth round: antecedents named around other words -------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Before its collapse, the firm were the biggest company in town. Its closure hit hard.",
                 [("NL301", "were"), ("NL301", "Its")], id="a-plural-linking-verb-before-its-complement"),
    pytest.param("Mining group DMC Resources has seen a rise in profits. DMC said they made a record profit. "
                 "It said the rise would continue.",
                 [("NL301", "they"), ("NL301", "It")], id="a-plural-looking-name-with-a-singular-verb"),
    pytest.param("Council candidate Dana Lee said the party has changed their rules. The party has a new leader.",
                 [("NL301", "their")], id="a-person-noun-before-a-name-is-that-person"),
    pytest.param("The firm has a new owner. The firm has sold an Acme unit to clear their debts.",
                 [("NL301", "their")], id="a-capitalised-modifier-in-a-noun-phrase"),
    pytest.param("The government are planning cuts. The government said it was addressing the shortfall.",
                 [("NL301", "are"), ("NL301", "it")], id="it-before-a-progressive-is-the-subject"),
    pytest.param("Apple, Zenko and Google have replied. Zenko has cut prices. The company are hiring.",
                 [("NL301", "has"), ("NL301", "are")], id="a-name-after-a-list-comma-is-no-persons"),
    pytest.param("The FBI is making arrangements to interview Dana Lee as it nears the end of their inquiry.",
                 [("NL301", "their")], id="a-person-named-as-an-object-is-never-it"),
    pytest.param("The FBI are busy. The FBI have interviewed Dana Lee about its inquiry.",
                 [("NL301", "its")], id="a-person-does-not-own-its"),
    pytest.param("The campaign is busy. The mayor backed Lee, and the campaign has touted his endorsement on their "
                 "website.", [("NL301", "their")], id="a-persons-possessive-names-no-owner"),
    pytest.param("Both of the golf courses hosted campaign events in March. The campaign on Tuesday responded that "
                 "they had moved. The campaign is growing.",
                 [("NL301", "they"), ("NL301", "is")], id="a-quantifier-before-of-defers-to-its-noun"),
    pytest.param("The gang has robbed three banks. The gang has fled abroad. The gang were caught in May.",
                 [("NL301", "were")], id="an-informal-collective-noun"),
])
def test_nl301_fourth_round_flags(rules, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes_and_words(rules, text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("Before its collapse, the firm were criticised by the regulator. Its report was damning.",
                 id="a-noun-after-a-preposition-is-no-complement"),
    pytest.param("The Greens have objected to the plan. The council said they would appeal. The council is split.",
                 id="a-plural-looking-name-with-a-plural-verb-may-be-they"),
    pytest.param("Each candidate said the party has changed their rules. The party has a new leader.",
                 id="a-person-noun-without-a-name-may-be-they"),
    pytest.param("The firm has a new owner. The firm has sold an Acme unit to the Bradleys for their farm.",
                 id="a-plural-name-after-the-modifier-may-own-their"),
    pytest.param("The government are planning cuts. The government said it was becoming clear that cuts would come.",
                 id="an-empty-it-takes-some-progressives-too"),
    pytest.param("Apple chief Dana Zenko has cut prices. The company are hiring.",
                 id="a-name-after-a-first-name-is-a-persons"),
    pytest.param("The FBI is busy. The FBI has questioned Dana Lee about their role.",
                 id="a-person-may-be-they"),
    pytest.param("The FBI is busy. The FBI has told Dana Lee that their rights are safe.",
                 id="a-person-after-a-reporting-verb-opens-a-clause"),
    pytest.param("The FBI is busy. The FBI has met the Lees as it nears the end of their inquiry.",
                 id="a-family-name-in-the-plural-may-own-their"),
    pytest.param("The FBI is busy. The FBI has interviewed Dana Lee, Sam Kim and Jo Park about their roles.",
                 id="people-joined-by-and-may-own-their"),
    pytest.param("The campaign is busy. The campaign has touted his supporters on their website.",
                 id="the-noun-after-a-persons-possessive-may-own-their"),
    pytest.param("The campaign is busy. The campaign said his aides would publish their plans.",
                 id="a-persons-possessive-after-a-reporting-verb-opens-a-clause"),
    pytest.param("Both of the donors hosted campaign events in March. The campaign on Tuesday responded that "
                 "they had moved. The campaign is growing.", id="a-quantifier-of-people-may-be-they"),
    pytest.param("The gang has robbed three banks. The gang members were caught in May.",
                 id="a-collective-noun-modifying-people"),
])
def test_nl301_fourth_round_leaves_alone(rules, text: str) -> None:
    assert codes_and_words(rules, text) == []


# --- Bodies the article treats as singular: pronouns read with the whole article's evidence ------

@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Brightwell Holdings has a new owner. Brightwell Holdings is up for sale. It has cut their prices again.",
                 [("NL301", "their")], id="it-opening-the-next-sentence-stands-for-the-body"),
    pytest.param("Brightwell Holdings has a new owner. Brightwell Holdings is up for sale.\n\nIt was forced to sell their main warehouse in May.",
                 [("NL301", "their")], id="it-opening-the-next-paragraph-in-the-passive"),
    pytest.param("The bank is cutting costs. The bank has a new owner. Weak demand has prompted the bank to lower "
                 "their forecasts.",
                 [("NL301", "their")], id="the-object-of-prompted-owns-the-infinitives-pronoun"),
    pytest.param("Weak demand for oil giant Zenkos has prompted the agency to cut their estimate. "
                 "The agency is based in Paris. The agency has a new head.",
                 [("NL301", "their")], id="a-plural-shaped-name-after-a-collective-noun-is-a-body"),
    pytest.param("Acme Holdings is launching a new box. Acme Holdings has a new owner. Acme Holdings has yet to reveal the price or if they "
                 "will charge a fee.", [("NL301", "they")], id="they-opening-a-question-the-body-answers"),
    pytest.param("Acme Holdings is launching a new box. Acme Holdings has a new owner. Acme Holdings has not said whether they will charge a fee.",
                 [("NL301", "they")], id="they-after-whether-and-a-reporting-verb"),
    pytest.param("The cartel is meeting in May. He said high prices meant the cartel was unlikely to stick to "
                 "their plan. The cartel has a new chief.",
                 [("NL301", "their")], id="things-whose-reporting-verb-takes-the-bodys-clause-own-nothing"),
])
def test_nl301_singular_body_pronouns_flagged(rules, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes_and_words(rules, text) == expected


@pytest.mark.parametrize("text", [
    pytest.param("The workers said they would strike. The workers have voted.", id="people-are-they"),
    pytest.param("Labour have chosen a new leader. It was forced to change their rules.",
                 id="a-body-the-article-makes-plural-is-never-registered"),
    pytest.param("Labour have said their manifesto is ready. Labour have a new leader.",
                 id="a-plural-body-stays-plural"),
    pytest.param("Brightwell Holdings is up for sale. It is likely that their stores will close.",
                 id="an-empty-it-with-an-adjective"),
    pytest.param("Brightwell Holdings is up for sale. It emerged that their stores will close.",
                 id="an-empty-it-that-emerged"),
    pytest.param("Brightwell Holdings is up for sale. It was feared their stores would close.",
                 id="an-empty-it-in-the-passive"),
    pytest.param("Brightwell Holdings is up for sale. It has been reported that their stores will close.",
                 id="an-empty-it-before-a-reporting-verb"),
    pytest.param("Brightwell Holdings has met the unions. It has promised to raise their pay.",
                 id="a-plural-in-the-sentence-before-may-own-their"),
    pytest.param("Brightwell Holdings has bought Zenko. It has cut their prices.",
                 id="another-name-in-the-sentence-before-may-be-it"),
    pytest.param("Two shop workers were injured. Brightwell Holdings is up for sale. It has paid their bills.",
                 id="people-two-sentences-before-may-own-their"),
    pytest.param("Brightwell Holdings has cut prices. Acme and Zenko said they would follow.",
                 id="names-joined-by-and-are-they"),
    pytest.param("Acme Holdings is launching a new box. Acme and Zenko have yet to reveal if they will charge a fee.",
                 id="a-question-for-names-joined-by-and"),
    pytest.param("Two men have been arrested. The force is busy. The force has not said whether they will be charged.",
                 id="people-two-sentences-before-may-be-they"),
    pytest.param("Acme Holdings is launching a new box. Acme Holdings has asked customers if they will pay a fee.",
                 id="a-plural-noun-between-may-be-they"),
    pytest.param("The bank is cutting costs. Workers have urged the bank to raise their pay.",
                 id="people-before-the-object-may-own-their"),
    pytest.param("The bank is cutting costs. Weak demand has prompted the bank to tell its clients to cut their "
                 "spending.", id="a-plural-between-the-object-and-the-pronoun"),
    pytest.param("The cartel is meeting in May. Its members said the cartel was unlikely to stick to their plan.",
                 id="people-whose-reporting-verb-takes-the-bodys-clause-may-own-their"),
    pytest.param("The cartel is meeting in May. The prices that dealers charge meant the cartel was unlikely to "
                 "stick to their plan.", id="people-among-the-things-before-may-own-their"),
    pytest.param("Weak demand has prompted the bank to lower their forecasts. Rivals have done the same.",
                 id="a-body-with-no-other-evidence-is-not-registered"),
])
def test_nl301_singular_body_pronouns_left_alone(rules, text: str) -> None:
    assert codes_and_words(rules, text) == []


# --- Fifth round: general readings found on planted-extra3 (tuning data) -----------------

@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('The council has met. The council confirm that the school will close.',
                 [('NL301', 'has'), ('NL301', 'confirm')], id='a-reporting-verb-in-its-plural-present'),
    pytest.param('The club has won twice. The club in recent years have signed nine players.',
                 [('NL301', 'has'), ('NL301', 'have')], id='a-span-of-time-between-subject-and-verb'),
    pytest.param("Mrs. Reyes's campaign has said it will appeal. The campaign have asked for calm.",
                 [('NL301', 'have')], id='a-possessor-after-a-title-with-a-stop'),
    pytest.param('The council has paid. The council said that in 2012 they paid more.',
                 [('NL301', 'has'), ('NL301', 'they')], id='a-time-phrase-after-said-that'),
    pytest.param('The council has paid. The council said last year they would pay more.',
                 [('NL301', 'has'), ('NL301', 'they')], id='a-time-phrase-after-said'),
    pytest.param('The firm has cut prices and are hiring staff.',
                 [('NL301', 'has'), ('NL301', 'are')], id='a-second-verb-after-and-with-no-comma'),
    pytest.param('The club has sold its ground. The club makes much of their money from concerts.',
                 [('NL301', 'their')], id='an-s-verb-before-a-partitive'),
    pytest.param('Output rose by 0.7%, says the agency. The agency say the rise was strong.',
                 [('NL301', 'says'), ('NL301', 'say')], id='a-reporting-verb-before-the-subject'),
    pytest.param('The party has set out its plans: their members will vote in May.',
                 [('NL301', 'their')], id='a-colon-that-opens-with-a-possessive'),
    pytest.param('The union has visited the homes of their members.',
                 [('NL301', 'has'), ('NL301', 'their')], id='a-plural-before-of-their'),
    pytest.param('Prices rose, suggesting the club want to cut costs. The club has said it will act.',
                 [('NL301', 'want')], id='the-subject-of-a-clause-after-suggesting'),
])
def test_nl301_fifth_round_flags(rules, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes_and_words(rules, text) == expected


@pytest.mark.parametrize("text", [
    pytest.param('The council report that was published in May found errors. The council has said it will act.', id='a-noun-that-compounds-is-no-verb'),
    pytest.param('The club in recent years has signed nine players, and the club says it will sign more.', id='a-span-of-time-in-a-clause-of-one-number'),
    pytest.param("Aides to Mrs. Reyes's campaign have said so. The campaign has said it will appeal.", id='a-possessor-after-a-title-inside-a-phrase'),
    pytest.param("The council has paid. The council said last year's accounts were late.", id='a-possessive-time-word-opens-a-reported-clause'),
    pytest.param('I claim the club is honest and believe me, it is.', id='and-after-a-subject-inside-a-reported-clause'),
    pytest.param('Strategists fear that the club has missed a chance and warn that it may fail.', id='a-second-verb-of-the-first-subject'),
    pytest.param('Output rose by 0.7%, says the agency chief. The agency said the rise was strong.', id='a-reporting-verb-before-a-person-of-the-body'),
    pytest.param('The party has met the unions: their members will vote in May.', id='a-colon-after-a-group-that-may-own-their'),
    pytest.param('The council has inspected the houses and their gardens.', id='a-plural-that-owns-their'),
])
def test_nl301_fifth_round_leaves_alone(rules, text: str) -> None:
    assert codes_and_words(rules, text) == []


# --- Sixth round: readings found on planted-extra4 (tuning data) -----------------------

@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("The exchange has said it will talk. The exchange, Europe's biggest stock market, are a key prize.",
                 [('NL301', 'are')], id='a-verb-after-an-appositive-that-restates-the-subject'),
    pytest.param('Acme Cruises, which runs two ships, is testing the idea but have not yet committed to it.',
                 [('NL301', 'is'), ('NL301', 'have')], id='a-second-verb-after-but'),
    pytest.param('The firm filed for bankruptcy in 1994 and were sold to a rival. The firm has since closed.',
                 [('NL301', 'were'), ('NL301', 'has')], id='a-second-verb-after-and-after-a-figure'),
])
def test_nl301_sixth_round_flags(rules, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes_and_words(rules, text) == expected


@pytest.mark.parametrize("text", [
    pytest.param('The exchange has said it will talk. The exchange, the union and the bank have agreed.', id='a-list-is-no-appositive'),
    pytest.param('Rates rose five times - as the bank sought to cool the market - but have held since May. The bank has said so.', id='but-after-a-subject-that-does-not-open-the-sentence'),
    pytest.param('The shop does not yet have the staff. The shop has said it will hire.', id='yet-as-an-adverb'),
])
def test_nl301_sixth_round_leaves_alone(rules, text: str) -> None:
    assert codes_and_words(rules, text) == []
