"""``--statistics``: a count per rule, most frequent first, fixable ones marked."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

from newslint.engine import Located
from newslint.model import Edit, Finding, Fix, Severity
from newslint.statistics import count_by_rule, render_statistics


def _item(code: str, name: str, fixable: bool) -> Located:
    fix = Fix("r", (Edit(0, 1, ""),)) if fixable else None
    return Located("a.txt", Finding(code, name, Severity.ERROR, "m", 0, 1, None, fix), 1, 1, 1, 2)


def test_counts_sorted_by_frequency_then_code() -> None:
    items = [_item("NL401", "unattributed-estimate", False)] * 2 + [_item("NL101", "loading-placeholder", True)] * 3 \
        + [_item("NL102", "read-more-promo", True)] * 2
    rows = count_by_rule(items)
    assert [(r.code, r.count, r.fixable) for r in rows] == [("NL101", 3, 3), ("NL102", 2, 2), ("NL401", 2, 0)]
    assert render_statistics(rows) == (
        "3\tNL101\t[*] loading-placeholder\n"
        "2\tNL102\t[*] read-more-promo\n"
        "2\tNL401\t[ ] unattributed-estimate\n"
    )


def test_no_markers_when_nothing_is_fixable_and_nothing_printed_when_clean() -> None:
    assert render_statistics(count_by_rule([_item("NL401", "x", False)] * 12)) == "12\tNL401\tx\n"
    assert render_statistics(count_by_rule([])) == ""


def test_cli_statistics_text_and_json(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nFirst paragraph here.\n\nLoading...\n\nMore text here.\n\nLoading...\n")
    (tmp_path / "b.txt").write_text("Headline\n\nOther paragraph.\n\nLoading...\n")
    text = run_cli("check", "--no-cache", "--select", "NL101", "--statistics", str(tmp_path))
    assert text.exit_code == 1
    assert text.stdout == "3\tNL101\t[*] loading-placeholder\n"
    as_json = run_cli("check", "--no-cache", "--select", "NL101", "--statistics", "--format", "json", str(tmp_path))
    assert json.loads(as_json.stdout) == [{"code": "NL101", "name": "loading-placeholder", "count": 3, "fixable": 3}]
