"""The shared message templates and span merging (newslint.text.messages, .spans)."""

from __future__ import annotations

import pytest

from newslint.text.messages import (
    MessageError,
    fill,
    placeholders,
    require_placeholders,
)
from newslint.text.spans import merged_spans


def test_fill_replaces_known_placeholders_in_one_pass() -> None:
    assert fill("Promo {match} ({links} links)", {"match": "READ MORE: {links}", "links": "2"}) == \
        "Promo READ MORE: {links} (2 links)"


def test_fill_leaves_other_braces_alone() -> None:
    assert fill("{unknown} and {{literal}} and {match}", {"match": "x"}) == "{unknown} and {{literal}} and x"


def test_placeholders_in_order_of_first_use() -> None:
    assert placeholders("{line}: {match} again {line}") == ("line", "match")


def test_require_placeholders_names_the_typo_and_what_the_kind_fills() -> None:
    require_placeholders("Widget text '{match}'", {"match", "suggestion"})
    with pytest.raises(MessageError, match=r"unknown placeholder \{matched\}; this kind fills \{match\}, \{suggestion\}"):
        require_placeholders("Widget text '{matched}'", {"match", "suggestion"})


def test_merged_spans_joins_overlapping_and_touching_spans() -> None:
    assert merged_spans([(5, 9), (0, 2), (1, 3), (9, 12), (20, 21)]) == ((0, 3), (5, 12), (20, 21))
    assert merged_spans([]) == ()
