"""Inline suppression comments (HTML and Markdown) and the unused-suppression report."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from newslint.document import HTML_COMMENTS, Block, BlockKind, Document, SourceMap
from newslint.engine import ENGINE_CODE, check_document, locate
from newslint.model import Finding, RuleDoc, Severity
from newslint.suppression import (
    UNUSED_CODE,
    apply_suppressions,
    parse_suppressions,
    with_unused_reporting,
)

ESTIMATE = "The group is estimated to control most of the valley."  # flagged by NL401


def _html_reader():
    from newslint.readers.html import HtmlReader

    return HtmlReader()


def _findings(registry, source: str, codes: tuple[str, ...], *, fmt: str = "html",
              report_unused: bool = False) -> list[tuple[str, int]]:
    """(code, line) of each finding the selected rules report on `source`."""
    if fmt == "html":
        reader = _html_reader()
    else:
        reader = registry.reader_named(fmt)
    document = reader.read(f"a.{fmt}", source)
    rules = with_unused_reporting(registry.select(select=codes), registry.rules, report_unused)
    located = locate(document, check_document(document, rules, budget=None))
    return [(item.code, item.line) for item in located]


def test_without_comments_every_finding_stays(registry) -> None:
    source = "<p>Loading...</p>\n<p>Loading...</p>\n"
    assert _findings(registry, source, ("NL101",)) == [("NL101", 1), ("NL101", 2)]


def test_range_disables_named_code_until_enable(registry) -> None:
    source = (
        "<p>Loading...</p>\n"
        "<!-- newslint-disable NL101 -->\n"
        "<p>Loading...</p>\n"
        f"<p>{ESTIMATE}</p>\n"
        "<!-- newslint-enable -->\n"
        "<p>Loading...</p>\n"
    )
    assert _findings(registry, source, ("NL101", "NL401")) == [("NL101", 1), ("NL401", 4), ("NL101", 6)]


def test_prefix_and_comma_list(registry) -> None:
    source = (
        "<!-- newslint-disable NL4, NL101 -->\n"
        f"<p>Loading...</p>\n<p>{ESTIMATE}</p>\n"
    )
    assert _findings(registry, source, ("NL101", "NL401")) == []


def test_space_separated_codes_and_a_comment_over_several_lines(registry) -> None:
    source = f"<!--\n  newslint-disable NL101 NL4\n-->\n<p>Loading...</p>\n<p>{ESTIMATE}</p>\n"
    assert _findings(registry, source, ("NL101", "NL401")) == []


def test_enable_with_codes_ends_only_those(registry) -> None:
    source = (
        "<!-- newslint-disable NL101,NL401 -->\n"
        "<!-- newslint-enable NL4 -->\n"
        f"<p>Loading...</p>\n<p>{ESTIMATE}</p>\n"
    )
    assert _findings(registry, source, ("NL101", "NL401")) == [("NL401", 4)]


def test_disable_next_covers_only_the_next_block(registry) -> None:
    source = (
        "<p>Loading...</p>\n"
        "<!-- newslint-disable-next NL101 -->\n"
        "<p>Loading...</p>\n"
        "<p>Loading...</p>\n"
    )
    assert _findings(registry, source, ("NL101",)) == [("NL101", 1), ("NL101", 4)]


def test_disable_file_without_codes_silences_everything(registry) -> None:
    source = f"<p>Loading...</p>\n<p>{ESTIMATE}</p>\n<!-- newslint-disable-file -->\n"
    assert _findings(registry, source, ("NL101", "NL401")) == []


def test_disable_file_with_code_keeps_the_others(registry) -> None:
    source = f"<!-- newslint-disable-file NL1 -->\n<p>Loading...</p>\n<p>{ESTIMATE}</p>\n"
    assert _findings(registry, source, ("NL101", "NL401")) == [("NL401", 3)]


def test_markdown_comments_work_too(registry) -> None:
    if ".md" not in registry.readers:
        pytest.skip("the Markdown reader has not landed yet")
    source = "# Title\n\n<!-- newslint-disable-next NL101 -->\nLoading...\n\nLoading...\n"
    assert _findings(registry, source, ("NL101",), fmt="markdown") == [("NL101", 6)]


def test_plain_text_has_no_comment_syntax(registry) -> None:
    source = "Headline\n\n<!-- newslint-disable-file -->\n\nLoading...\n"
    assert [code for code, _ in _findings(registry, source, ("NL101",), fmt="text")] == ["NL101"]


def test_comments_are_found_in_the_source_whatever_the_reader() -> None:
    source = "<!-- newslint-disable-next NL2 -->\nsome block\n"
    block = Block(BlockKind.PARAGRAPH, "some block", SourceMap.linear(35, 10), (35, 45))
    (suppression,) = parse_suppressions(Document("x.md", source, "markdown", (block,), comment_syntax=HTML_COMMENTS))
    assert (suppression.code, suppression.start, suppression.end) == ("NL2", 35, 45)
    assert parse_suppressions(Document("x.json", source, "json", (block,))) == ()


def test_lookalikes_are_not_directives() -> None:
    source = "<p>Type newslint-disable NL101 in a comment.</p><!-- newslint-disabled NL1 --><!-- newslint-disable NL1 because -->"
    assert parse_suppressions(Document("x.html", source, "html", (), comment_syntax=HTML_COMMENTS)) == ()


def test_the_reader_declares_the_comment_syntax() -> None:
    source = "{# newslint-disable-file NL1 #}\n<!-- newslint-disable-file NL2 -->\n"
    (suppression,) = parse_suppressions(Document("x.tpl", source, "template", (), comment_syntax=("{#", "#}")))
    assert (suppression.code, suppression.action) == ("NL1", "disable-file")


class _Crashing:
    code, name, severity, fixable, origin, doc = "NL901", "boom", Severity.ERROR, False, "tests", RuleDoc("t")
    language = None

    def check(self, document: Document) -> list[Finding]:
        raise RuntimeError("boom")


def test_engine_findings_cannot_be_suppressed() -> None:
    source = "<!-- newslint-disable-file -->\n<p>Text.</p>"
    document = Document("a.html", source, "html", (), comment_syntax=HTML_COMMENTS)
    assert [f.code for f in check_document(document, [_Crashing()], budget=None)] == [ENGINE_CODE]


# --- unused suppressions ----------------------------------------------------------------

def test_unused_suppressions_reported_per_code_at_the_comment(registry) -> None:
    source = (
        "<p>Intro.</p>\n"
        "<!-- newslint-disable NL101,NL4 -->\n"
        "<p>Loading...</p>\n"
        "<!-- newslint-enable -->\n"
        "<!-- newslint-disable-next NL101 -->\n"
        "<p>The council met.</p>\n"
    )
    found = _findings(registry, source, ("NL101", "NL401"), report_unused=True)
    assert found == [(UNUSED_CODE, 2), (UNUSED_CODE, 5)]


def test_unused_not_reported_unless_asked(registry) -> None:
    source = "<!-- newslint-disable-next NL101 -->\n<p>The council met.</p>\n"
    assert _findings(registry, source, ("NL101",)) == []
    assert _findings(registry, source, ("NL101",), report_unused=True) == [(UNUSED_CODE, 1)]


def test_unused_message_says_when_the_code_did_not_run(registry) -> None:
    document = _html_reader().read("a.html", "<!-- newslint-disable-file NL4 -->\n<p>Loading...</p>\n")
    rules = with_unused_reporting(registry.select(select=("NL101",)), registry.rules, True)
    findings = apply_suppressions(document, check_document(document, rules[:0], budget=None), rules)
    (finding,) = findings
    assert finding.code == UNUSED_CODE and "NL4 names no rule that ran" in finding.message


def test_unused_reporting_is_opt_in_even_under_all(registry) -> None:
    everything = registry.select()
    assert UNUSED_CODE in {rule.code for rule in everything}
    assert UNUSED_CODE not in {r.code for r in with_unused_reporting(everything, registry.rules, False)}
    assert UNUSED_CODE in {r.code for r in with_unused_reporting(everything, registry.rules, False, ("nl001",))}
    assert UNUSED_CODE in {r.code for r in with_unused_reporting((), registry.rules, True)}


def test_cli_report_unused_suppressions(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text("<!-- newslint-disable-next NL101 -->\n<p>The council met on Tuesday.</p>\n")
    quiet = run_cli("check", "--no-cache", str(path))
    assert quiet.exit_code == 0, quiet.output
    loud = run_cli("check", "--no-cache", "--report-unused-suppressions", str(path))
    assert loud.exit_code == 1
    assert f"{path}:1:1: NL001 Unused suppression: no NL101 finding in the next block" in loud.stdout


def test_explain_nl001() -> None:
    result = run_cli("explain", "NL001")
    assert result.exit_code == 0
    assert "unused-suppression" in result.stdout and "--report-unused-suppressions" in result.stdout
