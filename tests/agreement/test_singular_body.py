"""NL303: a plural verb or pronoun for a body that news copy writes as one thing.

Example sentences are our own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import pack_rule

from newslint.engine import check_document
from newslint.readers.text import TextReader
from newslint.rulepack import RulePackError, load_rule_file
from newslint.rules.agreement import RULE_PACK, newslint_rule_kinds

KINDS = newslint_rule_kinds()


@pytest.fixture(scope="module")
def nl303():
    return load_rule_file(RULE_PACK / "NL303-singular-body.toml", KINDS, "newslint")


@pytest.fixture(scope="module")
def nl301():
    return load_rule_file(RULE_PACK / "NL301-collective-number.toml", KINDS, "newslint")


def flagged(rules, text: str) -> list[tuple[str, str]]:
    document = TextReader().read("article.txt", f"Headline for the test\n\n{text}\n")
    return [(f.code, document.source[f.start:f.end]) for f in check_document(document, rules)]


@pytest.mark.parametrize(("text", "word"), [
    ("Over the last two years the company have doubled their sales in Asia.", "have"),
    ("The firm are hiring 40 staff for the new shop.", "are"),
    ("The agency said they would publish the review in June.", "they"),
    ("The party say the vote could win them 20 seats.", "say"),
    ("The court were told the loan was never repaid.", "were"),
    ("The organization are spending $2m on the advertisements.", "are"),
    ("The Harbour administration, which took office in May, have frozen the budget.", "have"),
    ("The administration long ago showed their wish to cut the budget.", "their"),
    ("The company two years ago raised their prices.", "their"),
    ("The agency belatedly published their report.", "their"),
])
def test_flags_a_plural_use_of_a_singular_body(nl303, text: str, word: str) -> None:
    assert ("NL303", word) in flagged([nl303], text)


def test_message_names_the_body_and_the_words_to_change(nl303) -> None:
    document = TextReader().read("a.txt", "Headline for the test\n\nThe company have cut 200 jobs.\n")
    [finding] = check_document(document, [nl303])
    assert finding.message == ("'have' treats the company as plural, but news copy writes it as one body: "
                               "make 'The company have cut' singular")
    assert finding.severity.value == "warning"
    assert finding.fix is None


@pytest.mark.parametrize("text", [
    "The company has doubled its sales over the last two years.",
    "Shares in the firm have fallen by a third since May.",
    "Leaders of the agency have said they will resign.",
    "Investors helping the company think through its plans were paid well.",
    # British copy may make these plural: a house style, not a slip.
    "The council have approved the budget, and the club have signed a new coach.",
    "The government are holding talks, and the committee were divided on the plan.",
    "The band were fed up with touring, and the team are top of the league.",
    # A name is left to NL301; quoted speech is the speaker's.
    "The Trump Organization are said to be pleased.",
    '"The company have been brilliant to us," said Ana Ruiz.',
    # Plural nouns that only look like the listed ones.
    "The companies have merged, and the parties are talking.",
])
def test_leaves_alone(nl303, text: str) -> None:
    assert flagged([nl303], text) == []


def test_yields_to_nl301_where_the_article_also_writes_the_body_as_one(nl301, nl303) -> None:
    text = "The company has cut its prices. The company have also closed two shops."
    assert flagged([nl303], text) == [("NL303", "have")]
    assert flagged([nl301, nl303], text) == [("NL301", "have")]


def test_every_listed_body_is_a_collective_noun_the_analysis_tracks(nl303) -> None:
    lexicon = nl303.lexicon
    assert lexicon.singular_bodies
    assert lexicon.singular_bodies <= lexicon.collective_nouns


def _pack_rule(tmp_path: Path, options: str) -> object:
    return pack_rule(tmp_path, KINDS, "XY303-body.toml", "singular-body", "{form}: {subject}", options)


def test_a_newsroom_adds_its_own_bodies(tmp_path: Path) -> None:
    text = "The council have approved the budget."
    builtin = _pack_rule(tmp_path, 'lexicons = ["newslint:lexicons/agreement.toml"]')
    stricter = _pack_rule(tmp_path, '[options.lexicon]\nsingular_bodies = ["council"]\n')
    assert flagged([builtin], text) == []
    assert flagged([stricter], text) == [("XY303", "have")]


@pytest.mark.parametrize(("options", "reason"), [
    ("defer_to = \"NL301\"", "expected an array of strings"),
    ('colour = "red"', "unknown option"),
])
def test_bad_options_are_a_clear_rule_pack_error(tmp_path: Path, options: str, reason: str) -> None:
    with pytest.raises(RulePackError) as error:
        _pack_rule(tmp_path, options)
    assert reason in str(error.value)


def test_the_other_agreement_kinds_take_no_defer_to(tmp_path: Path) -> None:
    with pytest.raises(RulePackError, match="unknown option"):
        pack_rule(tmp_path, KINDS, "XY301-collective.toml", "collective-number", "{form}", 'defer_to = ["NL3"]')
