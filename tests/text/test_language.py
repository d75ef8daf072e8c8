"""Rules that read English (``language = "en"``) are skipped on articles in other languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, needs_shared

from newslint.engine import check_bytes, read_document
from newslint.plugins import plugin_manager
from newslint.registry import build_registry
from newslint.text.language import MIN_WORDS, reads_as_english

ENGLISH_ONLY = {"NL301", "NL302", "NL303", "NL304", "NL401", "NL402", "NL403", "NL404"}

# Our own writing: a harbour story in Spanish, then the same facts in English.
SPANISH = (
    "El puerto de Vigo reabrió el muelle norte el lunes, tres meses después de la tormenta de enero.\n\n"
    "Las obras costaron 12 millones de euros y el 50 % de los barcos de pesca ya ha vuelto, "
    "según la autoridad portuaria. El gobierno regional son los responsables del dinero.\n\n"
    "Los pescadores esperan que la temporada de la sardina empiece en junio, como cada año, "
    "y que los precios se mantengan estables durante el verano en toda la costa gallega.\n"
)
ENGLISH = (
    "The port of Vigo reopened the north pier on Monday, three months after the storm in January.\n\n"
    "The storm is estimated to have sunk 40 fishing boats, and the works cost 12 million euros. "
    "The regional government has paid, and the government are now asking for more money.\n\n"
    "Fishermen hope that the sardine season will start in June, as it does every year, and that "
    "prices will stay stable through the summer along the whole coast of Galicia.\n"
)


@pytest.fixture(scope="module")
def registry():
    return build_registry(plugin_manager(load_entry_points=False))


def _codes(registry, text: str) -> set[str]:
    result = check_bytes("a.txt", text.encode(), registry, registry.rules)
    return {item.code for item in result.findings}


def test_the_built_in_language_rules_declare_english(registry) -> None:
    declared = {rule.code for rule in registry.rules if getattr(rule, "language", None) == "en"}
    assert declared == ENGLISH_ONLY


def test_an_english_article_gets_the_language_rules_and_a_spanish_one_does_not(registry) -> None:
    assert _codes(registry, ENGLISH) & ENGLISH_ONLY, "the English version has findings to lose"
    assert not _codes(registry, SPANISH) & ENGLISH_ONLY


def test_the_other_rules_still_run_on_a_spanish_article(registry) -> None:
    assert "NL101" in _codes(registry, SPANISH + "\nLoading...\n")


def test_a_short_text_is_too_short_to_judge_and_keeps_every_rule(registry) -> None:
    short = "El puerto reabrió el muelle norte el lunes. Las obras costaron 12 millones de euros."
    assert len(short.split()) < MIN_WORDS
    assert reads_as_english(read_document("a.txt", short.encode(), registry)[0])
    assert not reads_as_english(read_document("a.txt", SPANISH.encode(), registry)[0])


def test_a_suppression_for_a_skipped_rule_says_the_rule_did_not_run(registry) -> None:
    text = "<!-- newslint-disable-file NL402 -->\n\n" + SPANISH
    result = check_bytes("a.md", text.encode(), registry, registry.rules)
    unused = [item.finding.message for item in result.findings if item.code == "NL001"]
    assert unused and "NL402 names no rule that ran" in unused[0]


def _manifest_languages() -> dict[str, str | None]:
    rows = (json.loads(line) for line in (CORPUS / "manifest.jsonl").read_text(encoding="utf-8").splitlines())
    return {row["path"]: row.get("lang") for row in rows}


def _corpus_texts() -> list[Path]:
    return [*sorted(CORPUS.glob("bbc-news/*/*.txt")), *sorted(CORPUS.glob("polnear-dev/text/*.txt")),
            *sorted(CORPUS.glob("newspaper/text/*.txt")), *sorted(CORPUS.glob("readability/*/expected.html"))]


@needs_shared()
def test_on_the_corpus_no_english_article_loses_the_rules_and_most_others_do(registry) -> None:
    languages = _manifest_languages()
    english_kept, others, others_skipped = 0, 0, 0
    for path in _corpus_texts():
        language = languages.get(str(path.relative_to(CORPUS)))
        document, _ = read_document(str(path), path.read_bytes(), registry)
        if language == "en":
            assert reads_as_english(document), path
            english_kept += 1
        elif language is not None and language != "pcm":  # Nigerian Pidgin is mostly English words
            others += 1
            others_skipped += not reads_as_english(document)
    assert english_kept > 2400
    # Left to the rules: a Spanish page with English captions, and Chinese or Japanese text,
    # which has no spaces between words and so too few "words" to judge.
    assert others >= 10 and others_skipped >= others - 2
