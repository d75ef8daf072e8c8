"""Sentence spans: abbreviations, quotes and numbers do not end a sentence early."""

from __future__ import annotations

from newslint.text.sentences import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_abbreviations_and_initials_do_not_split() -> None:
    text = "Mr. Okafor met Gen. T. Ruiz in the U.S. capital. They spoke for an hour."
    assert sentences(text) == ["Mr. Okafor met Gen. T. Ruiz in the U.S. capital.", "They spoke for an hour."]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = 'She said "no." The vote went ahead? Yes! It passed.'
    assert sentences(text) == ['She said "no."', "The vote went ahead?", "Yes!", "It passed."]


def test_no_is_an_abbreviation_only_before_a_number() -> None:
    assert sentences("The bill is No. 5 on the list. Voters said no. Then it failed.") == [
        "The bill is No. 5 on the list.", "Voters said no.", "Then it failed."]


def test_blank_line_ends_a_sentence_and_spans_are_trimmed() -> None:
    text = "  A heading without a stop\n\nThe body starts here.  "
    assert sentences(text) == ["A heading without a stop", "The body starts here."]


def test_long_dot_runs_stay_linear() -> None:
    text = "." * 200_000 + " Then a sentence."
    assert sentences(text)[-1].endswith("Then a sentence.")
