"""NL002: a comment meant as a suppression that does not work as written is reported, at the
word or code at fault, in every format; other comments are left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import check_json, run_cli

from newslint.engine import check_bytes
from newslint.suppression import INVALID_CODE, edit_distance


def _invalid(registry, name: str, source: str, codes: tuple[str, ...] = ("NL002", "NL101")) -> list[tuple]:
    """(code, line, column, the source text under the finding, message) of each finding."""
    result = check_bytes(name, source.encode(), registry, registry.select(select=codes), budget=None)
    assert result.error is None, result.error
    return [(item.code, item.line, item.column, source[item.finding.start:item.finding.end], item.finding.message)
            for item in result.findings]


@pytest.mark.parametrize(("written", "meant"), [
    ("newslint-disabel", "newslint-disable"),
    ("newslint-disble-next", "newslint-disable-next"),
    ("newslint-disable-nxet", "newslint-disable-next"),
    ("newslint-enabel", "newslint-enable"),
    ("newslnt-disable-file", "newslint-disable-file"),
    ("Newslint-Disable", "newslint-disable"),
    ("newslint\u2013disable", "newslint-disable"),  # an en dash, as smart typography writes it
    ("newslint_disable_next", "newslint-disable-next"),
    ("newslint-disable-next:", "newslint-disable-next"),
])
def test_a_misspelled_directive_is_reported_on_its_word(registry, written: str, meant: str) -> None:
    source = f"<p>The council met.</p>\n<!-- {written} NL101 -->\n<p>Loading...</p>\n"
    found = _invalid(registry, "a.html", source)
    assert found[0][:4] == (INVALID_CODE, 2, 6, written)
    assert f"did you mean '{meant}'" in found[0][4] and "suppresses nothing" in found[0][4]
    assert [item[:2] for item in found[1:]] == [("NL101", 3)]  # and nothing was suppressed


def test_a_directive_written_as_two_words_is_reported_over_both(registry) -> None:
    found = _invalid(registry, "a.html", "<!-- newslint disable NL101 -->\n<p>Loading...</p>\n")
    assert found[0][:4] == (INVALID_CODE, 1, 6, "newslint disable")


def test_a_token_that_is_not_a_code_is_reported_in_markdown(registry) -> None:
    source = "# Ferry timetable\n\n<!-- newslint-disable-next NL1O1 -->\nLoading...\n"
    found = _invalid(registry, "a.md", source)
    assert found[0][:4] == (INVALID_CODE, 3, 28, "NL1O1")
    assert "not a rule code" in found[0][4]
    assert [item[:2] for item in found[1:]] == [("NL101", 4)]


def test_a_well_formed_code_no_rule_has_is_reported_and_known_prefixes_are_not(registry) -> None:
    source = "<!-- newslint-disable NL1, NL199 -->\n<p>Loading...</p>\n"
    found = _invalid(registry, "a.html", source)
    assert [item[:4] for item in found] == [(INVALID_CODE, 1, 28, "NL199")]
    assert "names no rule" in found[0][4]
    assert _invalid(registry, "a.html", "<!-- newslint-disable NL1 nl4 -->\n<p>Loading...</p>\n") == []


def test_all_is_not_a_code(registry) -> None:
    [finding] = _invalid(registry, "a.html", "<!-- newslint-disable-file ALL -->\n<p>The council met.</p>\n")
    assert finding[:4] == (INVALID_CODE, 1, 28, "ALL")


def test_in_plain_text_any_directive_is_reported_as_having_no_effect(registry) -> None:
    source = "Bridge reopens\n\n<!-- newslint-disable-file -->\n\nThe bridge reopened in March.\n"
    [finding] = _invalid(registry, "a.txt", source)
    assert finding[:4] == (INVALID_CODE, 3, 6, "newslint-disable-file")
    assert "no effect in text files" in finding[4] and "per-file-ignores" in finding[4]


def test_in_a_json_collection_one_comment_is_one_finding(registry) -> None:
    posts = [{"title": {"rendered": f"Story {n}"},
              "content": {"rendered": f"<!-- newslint-disabel --><p>Paragraph of story {n} about the port.</p>"}}
             for n in (1, 2)]
    source = json.dumps(posts)
    found = [item for item in _invalid(registry, "posts.json", source) if item[0] == INVALID_CODE]
    assert [item[3] for item in found] == ["newslint-disabel", "newslint-disabel"]  # each post's own comment
    assert found[0][2] != found[1][2]


def test_nitf_comments_are_checked_too(registry) -> None:
    source = ('<?xml version="1.0"?>\n<nitf><head><title>Port</title></head><body><body.content>\n'
              "<!-- newslint-disble-next NL101 -->\n<p>Loading...</p>\n</body.content></body></nitf>\n")
    found = _invalid(registry, "a.xml", source)
    assert found[0][:4] == (INVALID_CODE, 3, 6, "newslint-disble-next")


@pytest.mark.parametrize("comment", [
    "<!-- eslint-disable -->",
    "<!-- prettier-ignore -->",
    "<!-- wp:paragraph -->",
    "<!-- checked with newslint by the night desk -->",
    "<!-- newslint checked this on Tuesday -->",
    "<!-- news lint -->",
    "<!---->",
    "<!-- newslint-disable-next NL101 -->",
    "<!-- newslint-disable NL101,NL4 --><!-- newslint-enable NL4 -->",
])
def test_other_comments_and_valid_directives_are_left_alone(registry, comment: str) -> None:
    source = f"{comment}\n<p>The council met on Tuesday evening.</p>\n"
    assert _invalid(registry, "a.html", source) == []


def test_an_unclosed_comment_is_not_a_directive(registry) -> None:
    assert _invalid(registry, "a.html", "<p>The council met.</p>\n<!-- newslint-disabel NL101\n") == []


def test_on_by_default_not_suppressible_and_ignorable(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text("<!-- newslint-disable-file -->\n<!-- newslint-disabel NL101 -->\n<p>The council met.</p>\n")
    result = run_cli("check", "--no-cache", str(path))
    assert result.exit_code == 1
    assert f"{path}:2:6: NL002 'newslint-disabel' is not a suppression directive" in result.stdout
    assert check_json("--no-cache", "--ignore", "NL002", str(path)) == (0, [])


def test_explain_nl002() -> None:
    result = run_cli("explain", "NL002")
    assert result.exit_code == 0
    assert "invalid-suppression" in result.stdout and "newslint-disabel" in result.stdout


def test_edit_distance_counts_a_swap_as_one_slip() -> None:
    assert edit_distance("disabel", "disable") == 1
    assert edit_distance("disble", "disable") == 1
    assert edit_distance("eslint", "newslint") == 2
    assert edit_distance("", "abc") == 3
