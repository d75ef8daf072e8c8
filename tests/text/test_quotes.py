"""The one quotation detector the language rules share (newslint.text.quotes)."""

from __future__ import annotations

import pytest

from newslint.text.quotes import quote_spans


@pytest.mark.parametrize(("text", "quoted"), [
    ('He said "no" twice.', ['"no"']),
    ("\u201cYes,\u201d she said, \u201cand no.\u201d", ["\u201cYes,\u201d", "\u201cand no.\u201d"]),
    ("''This is wire style,'' he said.", ["''This is wire style,''"]),
    ('"An open quote runs to the end of the paragraph', ['"An open quote runs to the end of the paragraph']),
    ('the end of a quote," she said.', ['the end of a quote,"']),  # it began in an earlier paragraph
    ("The Taliban's \u2018offensive\u2019 began.", ["\u2018offensive\u2019"]),
    ('The statement read:"We have no comment." Then it ended.', ['"We have no comment."']),
    ("so-called 'recreational' drugs", ["'recreational'"]),
    ("\u00abNous verrons\u00bb, dit-il.", ["\u00abNous verrons\u00bb"]),
])
def test_quoted_speech_is_found(text: str, quoted: list[str]) -> None:
    assert [text[start:end] for start, end in quote_spans(text)] == quoted


@pytest.mark.parametrize("text", [
    "The club's manager said the side's form was poor.",
    "They don't expect rain, and it isn't forecast.",
    "The 1990s were quieter; the '90s never came back.",
])
def test_apostrophes_are_not_quotations(text: str) -> None:
    assert quote_spans(text) == ()
