"""NL304: a "they"/"their" that a model learned from clean copy reads as a slip for the singular.

Example sentences are our own.
"""

from __future__ import annotations

import json

import pytest
from conftest import pack_rule

from newslint.engine import check_document
from newslint.model import Severity
from newslint.plugins import plugin_manager
from newslint.readers.text import TextReader
from newslint.registry import build_registry
from newslint.rulepack import RulePackError, load_rule_file
from newslint.rules.agreement import RULE_PACK, newslint_rule_kinds, possessive_model
from newslint.rules.agreement.analysis import analyse

KINDS = newslint_rule_kinds()
NL301 = load_rule_file(RULE_PACK / "NL301-collective-number.toml", KINDS, "newslint")
NL304 = load_rule_file(RULE_PACK / "NL304-likely-number-slip.toml", KINDS, "newslint")
BODY_THEN_THEY = "The Harbour Trust has sold the pier. The trust told the buyer, a local builder, that they would keep the cafe open."


def flagged(text: str, rules=(NL304,)) -> list[tuple[str, str]]:
    document = TextReader().read("article.txt", f"Headline for the test\n\n{text}\n")
    return [(f.code, document.source[f.start:f.end]) for f in check_document(document, list(rules))]


def scored(text: str) -> list[tuple[str, float]]:
    document = TextReader().read("article.txt", f"Headline for the test\n\n{text}\n")
    analysis = document.shared(analyse, NL304.lexicon, NL304.blocks)
    weights = possessive_model.model_weights()
    return [(c.form, possessive_model.probability(c.features, weights))
            for c in possessive_model.candidates(document, analysis, NL304.lexicon, NL304.blocks)]


def test_it_is_opt_in_info_and_has_no_fix() -> None:
    registry = build_registry(plugin_manager(load_entry_points=False))
    assert NL304.severity is Severity.INFO and not NL304.fixable
    assert "NL304" not in {r.code for r in registry.select()}
    assert "NL304" in {r.code for r in registry.select(["NL304"])}


@pytest.mark.parametrize("text", [
    BODY_THEN_THEY,  # the builder is one person: "they" is the trust's
    "The Harbour Trust has sold the pier. When the trust opened it in 1990, they charged a penny.",
])
def test_a_pronoun_nl301_leaves_is_flagged(text: str) -> None:
    assert flagged(text, (NL301,)) == []
    assert [code for code, word in flagged(text)] == ["NL304"]


def test_the_message_names_the_body_and_its_singular_use() -> None:
    document = TextReader().read("article.txt", f"Headline for the test\n\n{BODY_THEN_THEY}\n")
    (finding,) = check_document(document, [NL304])
    assert "the trust" in finding.message and "'The Harbour Trust has sold'" in finding.message


@pytest.mark.parametrize("text", [
    "The Harbour Trust has sold the pier to two local builders, and they plan to open a cafe.",  # a plural nearer
    "The Harbour Trust has sold the pier. Its new owners say their plans include a cafe.",
    "Acme Holdings has cut its prices. The firm thanked the workers at its Leeds plant for their patience.",
    "The Harbour Trust has sold the pier. \"They have been brilliant,\" the trust said of the volunteers.",  # quoted
    "The council have approved the budget. The council told the builders they would be paid.",  # a plural body
    "Tom Reyes has sold the pier. The buyer told Tom Reyes that they would keep the cafe open.",  # may be a person
])
def test_what_it_leaves_alone(text: str) -> None:
    assert flagged(text) == []


def test_an_its_the_model_is_sure_of_is_never_flagged() -> None:
    text = "Acme Holdings has cut its prices. The firm told Ms Diaz, its chief buyer, that they would raise her pay."
    assert any(form == "its" and p >= NL304.threshold for form, p in scored(text))
    assert flagged(text) == []


def test_a_pronoun_the_analysis_gives_a_body_is_no_candidate() -> None:
    text = "The Harbour Trust has sold the pier. The trust said they would keep the cafe open."
    assert ("NL301", "they") in flagged(text, (NL301,))
    assert scored(text) == []


def test_the_threshold_decides(tmp_path) -> None:
    (score,) = [p for form, p in scored(BODY_THEN_THEY) if form == "they"]
    above = pack_rule(tmp_path, KINDS, "XY304-ours.toml", "likely-number-slip", "{form}",
                      f"threshold = {min(0.99, score + 0.005)}")
    below = pack_rule(tmp_path, KINDS, "XY305-ours.toml", "likely-number-slip", "{form}",
                      f"threshold = {max(0.01, score - 0.005)}")
    assert flagged(BODY_THEN_THEY, (above,)) == [] and flagged(BODY_THEN_THEY, (below,)) == [("XY305", "they")]


@pytest.mark.parametrize("threshold", ["0", "1.5", '"high"'])
def test_a_threshold_outside_zero_to_one_is_a_clear_error(tmp_path, threshold: str) -> None:
    with pytest.raises(RulePackError, match="threshold"):
        pack_rule(tmp_path, KINDS, "XY304-ours.toml", "likely-number-slip", "{form}", f"threshold = {threshold}")


def test_the_shipped_weights_match_the_features() -> None:
    data = json.loads((RULE_PACK / possessive_model.WEIGHTS_FILE).read_text(encoding="utf-8"))
    assert tuple(data["features"]) == possessive_model.FEATURES
    assert len(data["coefficients"]) == len(data["mean"]) == len(data["scale"]) == len(possessive_model.FEATURES)
    assert all(scale > 0 for scale in data["scale"])
