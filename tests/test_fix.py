"""Safe autofix: span edits checked against their finding, widened over white space
only, applied once, written atomically; and the seed article after ``--fix``."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SEED, needs_shared, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.document import Block, BlockKind, Document, SourceMap
from newslint.engine import check_document
from newslint.fix import (
    FixError,
    apply_fixes,
    fix_source,
    safe_fix,
    widen_removal,
    with_safe_fixes,
    write_atomic,
)
from newslint.model import (
    Edit,
    Finding,
    Fix,
    RuleDoc,
    Severity,
    finding_at,
    remove_block_fix,
)
from newslint.readers.text import TextReader

ARTIFACT = "Loading..."


TEST_DOC = RuleDoc("test")


@dataclass(frozen=True)
class RemoveMarkerRule:
    """A test rule: flags every block whose text is exactly `marker`; the fix removes it."""

    marker: str = ARTIFACT
    code: str = "NL901"
    name: str = "test-marker"
    severity: Severity = Severity.ERROR
    fixable: bool = True
    doc: RuleDoc = TEST_DOC
    origin: str = "tests"
    language: str | None = None

    def check(self, document: Document) -> Iterator[Finding]:
        for block in document.blocks:
            if block.text.strip() == self.marker:
                yield finding_at(self, document, block, 0, len(block.text), "marker", remove_block_fix(block, "remove"))


MARKER_RULE = RemoveMarkerRule()
FIXABLE = frozenset({MARKER_RULE.code})


def _fix_text(source: str, reader=None, rule: RemoveMarkerRule = MARKER_RULE) -> str:
    reader = reader or TextReader()
    document = reader.read("a.txt", source)

    def check(text: str) -> tuple[Document, tuple[Finding, ...]]:
        doc = reader.read("a.txt", text)
        return doc, with_safe_fixes(doc, check_document(doc, [rule], budget=None), frozenset({rule.code}))

    _, findings = check(source)
    outcome, _, _ = fix_source(document, findings, check)
    return outcome.source


# --- widening a removal over white space --------------------------------------------

@pytest.mark.parametrize(("source", "expected"), [
    ("A\n\nX\n\nB\n", "A\n\nB\n"),  # a paragraph with its blank line
    ("A\n\nX\n", "A\n"),  # the last paragraph: the blank line before it goes
    ("A\n\nX", "A"),  # ... and no newline is invented at the end
    ("X\n\nA\n", "A\n"),  # the first paragraph: no blank line left at the top
    ("A\nX\nB\n", "A\nB\n"),  # a line inside a paragraph: only its line
    ("A\r\n\r\nX\r\n\r\nB\r\n", "A\r\n\r\nB\r\n"),  # CRLF kept
    ("A\n\n   X  \t\n\nB", "A\n\nB"),  # indentation and trailing space of its own line
    ("  <p>A</p>\n  <p>X</p>\n  <p>B</p>\n", "  <p>A</p>\n  <p>B</p>\n"),  # an element alone on its line
    ("<p>A</p><p>X</p><p>B</p>\n", "<p>A</p><p>B</p>\n"),  # sharing a line: only the element
    ("A\n\nX\n\n\n\nB\n", "A\n\nB\n"),  # never two blank lines where there was one gap
])
def test_removal_takes_its_line_and_one_gap(source: str, expected: str) -> None:
    core = "<p>X</p>" if "<p>X</p>" in source else "X"
    start = source.index(core)
    wide_start, wide_end = widen_removal(source, start, start + len(core))
    assert source[:wide_start] + source[wide_end:] == expected
    assert wide_start <= start and start + len(core) <= wide_end
    assert not (source[wide_start:start] + source[start + len(core):wide_end]).strip()


# --- a fix is checked against its finding -------------------------------------------

def _document(source: str) -> Document:
    return TextReader().read("a.txt", source)


def _finding(document: Document, block: Block, fix: Fix | None, code: str = "NL901") -> Finding:
    start, end = block.to_source(0, len(block.text))
    return Finding(code, "test", Severity.ERROR, "m", start, end, None, fix)


def test_fix_reaching_outside_its_block_is_refused() -> None:
    document = _document("Alpha one.\n\nLoading...\n\nBeta two.\n")
    block = document.blocks[1]
    greedy = Fix("remove too much", (Edit(block.extent[0], block.extent[1] + 5, ""),))
    assert safe_fix(document, _finding(document, block, greedy), FIXABLE) is None


def test_fix_not_covering_its_finding_is_refused() -> None:
    document = _document("Alpha one.\n\nLoading... and more\n\nBeta two.\n")
    block = document.blocks[1]
    elsewhere = Fix("edit elsewhere", (Edit(block.extent[1] - 4, block.extent[1], ""),))
    finding = Finding("NL901", "test", Severity.ERROR, "m", block.extent[0], block.extent[0] + 10, None, elsewhere)
    assert safe_fix(document, finding, FIXABLE) is None


def test_fix_of_rule_not_declared_fixable_is_dropped() -> None:
    document = _document("Alpha one.\n\nLoading...\n\nBeta two.\n")
    block = document.blocks[1]
    finding = _finding(document, block, remove_block_fix(block, "remove"), code="NL402")
    assert safe_fix(document, finding, FIXABLE) is None
    assert with_safe_fixes(document, [finding], FIXABLE)[0].fix is None


def test_block_removal_is_widened_over_white_space_only() -> None:
    source = "Alpha one.\n\nLoading...\n\nBeta two.\n"
    document = _document(source)
    fix = safe_fix(document, _finding(document, document.blocks[1], remove_block_fix(document.blocks[1], "r")), FIXABLE)
    assert fix is not None
    (edit,) = fix.edits
    assert source[edit.start:edit.end] == "Loading...\n\n"


def test_replacement_edit_inside_the_block_is_kept_as_is() -> None:
    document = _document("Alpha one.\n\nTeh cat sat.\n")
    block = document.blocks[1]
    finding = Finding("NL901", "t", Severity.ERROR, "m", block.extent[0], block.extent[0] + 3, None,
                      Fix("spell", (Edit(block.extent[0], block.extent[0] + 3, "The"),)))
    assert safe_fix(document, finding, FIXABLE) == finding.fix


# --- overlapping fixes, and a second run ----------------------------------------------

def test_two_findings_removing_one_block_remove_it_once() -> None:
    source = "Alpha one.\n\nLoading...\n\nBeta two.\n"
    edit = Edit(12, 24, "")
    findings = [Finding(code, "t", Severity.ERROR, "m", 12, 22, None, Fix("r", (edit,))) for code in ("NL901", "NL902")]
    fixed, count = apply_fixes(source, findings)
    assert fixed == "Alpha one.\n\nBeta two.\n"
    assert count == 2


def test_overlapping_fix_is_left_for_the_next_pass_not_applied_twice() -> None:
    source = "0123456789"
    first = Finding("NL901", "t", Severity.ERROR, "m", 2, 4, None, Fix("a", (Edit(2, 6, ""),)))
    second = Finding("NL902", "t", Severity.ERROR, "m", 4, 8, None, Fix("b", (Edit(4, 8, "x"),)))
    fixed, count = apply_fixes(source, [second, first])
    assert (fixed, count) == ("016789", 1)


def test_adjacent_artifacts_at_the_end_are_all_removed_and_a_second_run_changes_nothing() -> None:
    source = "Headline here\n\nAlpha one is a sentence.\n\nLoading...\n\nLoading...\n"
    once = _fix_text(source)
    assert once == "Headline here\n\nAlpha one is a sentence.\n"
    assert _fix_text(once) == once


# --- the property: only what was asked for goes ----------------------------------------

WORDS = st.text(alphabet="abcdefghij", min_size=1, max_size=8)
SENTENCE = st.lists(WORDS, min_size=1, max_size=6).map(lambda words: " ".join(words).capitalize() + ".")
GAP = st.sampled_from(["\n\n", "\n\n\n", "\n  \n", "\n"])


@st.composite
def text_documents(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(SENTENCE, st.just(ARTIFACT)), min_size=1, max_size=10))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    pieces = [parts[0]]
    for part in parts[1:]:
        pieces += [draw(GAP), part]
    ending = draw(st.sampled_from(["", "\n", "\n\n"]))
    return ("".join(pieces) + ending).replace("\n", newline)


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    elements = draw(st.lists(st.one_of(SENTENCE.map(lambda s: f"<p>{s}</p>"), st.just(f"<p>{ARTIFACT}</p>"),
                                       SENTENCE.map(lambda s: f"<div><h2>{s}</h2></div>")), min_size=1, max_size=10))
    gaps = draw(st.lists(st.sampled_from(["", "\n", "\n\n", "\n  ", " "]), min_size=len(elements) + 1,
                         max_size=len(elements) + 1))
    inner = "".join(gap + element for gap, element in zip(gaps, elements)) + gaps[-1]
    return f"<html><body>{inner}</body></html>\n"


def _removed_spans_are_artifacts_and_white_space(before: str, after: str, artifacts: list[str]) -> None:
    """`after` is `before` with only whole artifacts and white space deleted.

    A search over alignments: from (i, j), keep a character both share, or delete a
    white-space character or a whole artifact from `before`.
    """
    frontier, seen = [(0, 0)], {(0, 0)}
    while frontier:
        i, j = frontier.pop()
        if i == len(before) and j == len(after):
            return
        steps = []
        if i < len(before) and j < len(after) and before[i] == after[j]:
            steps.append((i + 1, j + 1))
        if i < len(before) and before[i].isspace():
            steps.append((i + 1, j))
        steps += [(i + len(a), j) for a in artifacts if before.startswith(a, i)]
        for step in steps:
            if step not in seen:
                seen.add(step)
                frontier.append(step)
    raise AssertionError(f"{after!r} is not {before!r} minus artifacts and white space")


def _kept_texts(document: Document) -> list[str]:
    return [block.text for block in document.blocks if block.text.strip() != ARTIFACT]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_documents())
def test_property_text_fix_keeps_every_other_block_byte_for_byte(source: str) -> None:
    reader = TextReader()
    before = reader.read("a.txt", source)
    after_source = _fix_text(source, reader)
    after = reader.read("a.txt", after_source)
    assert _kept_texts(after) == _kept_texts(before)
    assert not any(block.text.strip() == ARTIFACT for block in after.blocks)
    _removed_spans_are_artifacts_and_white_space(source, after_source, [ARTIFACT])
    assert _fix_text(after_source, reader) == after_source
    newline = "\r\n" if "\r\n" in source else "\n"
    if (newline * 3) not in source.strip():
        assert (newline * 3) not in after_source.strip(), "a removal left a double blank line"


def _html_reader():
    from newslint.readers.html import HtmlReader

    return HtmlReader()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_documents())
def test_property_html_fix_removes_only_the_element(source: str) -> None:
    reader = _html_reader()
    before = reader.read("a.html", source)
    after_source = _fix_text(source, reader)
    after = reader.read("a.html", after_source)
    assert _kept_texts(after) == _kept_texts(before)
    assert f"<p>{ARTIFACT}</p>" not in after_source
    _removed_spans_are_artifacts_and_white_space(source, after_source, [f"<p>{ARTIFACT}</p>"])
    assert _fix_text(after_source, reader) == after_source


# --- JSON: the value inside the string -------------------------------------------------

def _json_document(source: str, value: str) -> Document:
    """A JSON document with one block per blank-line paragraph of the string at `value`."""
    literal = source.index(json.dumps(value))
    blocks = []
    decoded_to_source = _decoded_offsets(source, literal + 1)
    position = 0
    for paragraph in value.split("\n\n"):
        start, end = decoded_to_source[position], decoded_to_source[position + len(paragraph)]
        blocks.append(Block(BlockKind.PARAGRAPH, paragraph, SourceMap.linear(start, len(paragraph)), (start, end),
                            pointer="/body"))
        position += len(paragraph) + 2
    return Document("a.json", source, "json", tuple(blocks))


def _decoded_offsets(source: str, content_start: int) -> list[int]:
    offsets, index = [], content_start
    while source[index] != '"':
        offsets.append(index)
        index += 6 if source.startswith("\\u", index) else 2 if source[index] == "\\" else 1
    return offsets + [index]


def test_json_fix_removes_the_value_inside_the_string_and_stays_valid() -> None:
    value = "First paragraph.\n\nLoading...\n\nLast \u00e9 paragraph."
    source = '{\n  "title": "T",\n  "body": ' + json.dumps(value) + ',\n  "z": [1,  2]\n}\n'
    document = _json_document(source, value)
    findings = with_safe_fixes(document, check_document(document, [MARKER_RULE], budget=None), FIXABLE)
    (fix,) = [finding.fix for finding in findings]
    assert fix is not None
    fixed, _ = apply_fixes(source, findings)
    data = json.loads(fixed)
    assert list(data) == ["title", "body", "z"]
    assert data["body"] == "First paragraph.\n\nLast \u00e9 paragraph."
    assert fixed.replace('First paragraph.\\n\\nLast', "") == source.replace('First paragraph.\\n\\nLoading...\\n\\nLast', "")


def test_json_fix_that_would_cut_an_escape_is_refused() -> None:
    source = '{"body": "A\\n\\nLoading..."}'
    block_start = source.index("Loading")
    block = Block(BlockKind.PARAGRAPH, "Loading...", SourceMap.linear(block_start, 10), (block_start - 1, block_start + 10))
    document = Document("a.json", source, "json", (block,))
    finding = Finding("NL901", "t", Severity.ERROR, "m", block_start, block_start + 10, None, remove_block_fix(block, "r"))
    assert safe_fix(document, finding, FIXABLE) is None


@pytest.mark.parametrize("body", [
    "<p>Officials met on Thursday.</p>\n<p>Loading...</p>\n<p>They agreed a plan.</p>",  # HTML in a string
    "Officials met on Thursday.\n\nLoading...\n\nThey agreed a plan.",  # plain text in a string
    "Officials met on Thursday.\r\n\r\nLoading...",  # the last paragraph of the string
])
def test_json_reader_fix_keeps_json_valid(body: str) -> None:
    from newslint.readers.json import JsonReader

    source = '{\n  "id": 7,\n  "body": ' + json.dumps(body) + ',\n  "caption": "Loading...",\n  "tags": ["a", "b"]\n}\n'
    fixed = _fix_text(source, JsonReader())
    data = json.loads(fixed)
    assert list(data) == ["id", "body", "caption", "tags"]
    assert "Loading" not in data["body"] and data["caption"] == ""
    assert data["body"].startswith("<p>Officials met on Thursday.</p>\n<p>They" if "<p>" in body
                                   else "Officials met on Thursday.")
    assert data["body"].endswith(("They agreed a plan.</p>", "They agreed a plan.", "Thursday."))
    assert fixed.startswith('{\n  "id": 7,\n  "body": "') and fixed.endswith('",\n  "tags": ["a", "b"]\n}\n')


# --- writing -------------------------------------------------------------------------

def test_write_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(str(target), b"new", b"old")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left


def test_write_refuses_read_only_file_and_leaves_it(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    target.chmod(0o444)
    with pytest.raises(FixError, match="read-only"):
        write_atomic(str(target), b"new", b"old")
    assert target.read_bytes() == b"old"


def test_write_refuses_vanished_file(tmp_path: Path) -> None:
    with pytest.raises(FixError, match="vanished"):
        write_atomic(str(tmp_path / "gone.txt"), b"new", b"old")
    assert not (tmp_path / "gone.txt").exists()


def test_write_refuses_file_changed_meanwhile(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"edited by someone else")
    with pytest.raises(FixError, match="changed"):
        write_atomic(str(target), b"new", b"old")
    assert target.read_bytes() == b"edited by someone else"


def test_write_follows_a_symlink_instead_of_replacing_it(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(str(link), b"new", b"old")
    assert link.is_symlink() and target.read_bytes() == b"new"


# --- the command -----------------------------------------------------------------------

ARTICLE = "Council backs plan\n\nThe council met on Tuesday evening.\n\nLoading...\n\nIt voted to rebuild the bridge.\n"


def _article(tmp_path: Path, text: str = ARTICLE, name: str = "a.txt", encoding: str = "utf-8",
             bom: bytes = b"") -> Path:
    path = tmp_path / name
    path.write_bytes(bom + text.encode(encoding))
    return path


def test_cli_fix_removes_artifact_and_reports(tmp_path: Path) -> None:
    path = _article(tmp_path)
    result = run_cli("check", "--no-cache", "--select", "NL101", "--fix", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_text() == ARTICLE.replace("Loading...\n\n", "")
    assert "Fixed 1 finding in 1 file (0 remaining)" in result.stderr
    again = run_cli("check", "--no-cache", "--select", "NL101", "--fix", str(path))
    assert again.exit_code == 0 and "Fixed 0 findings" in again.stderr
    assert path.read_text() == ARTICLE.replace("Loading...\n\n", "")


def test_cli_diff_prints_and_writes_nothing(tmp_path: Path) -> None:
    path = _article(tmp_path)
    result = run_cli("check", "--no-cache", "--select", "NL101", "--diff", str(path))
    assert result.exit_code == 1
    assert f"--- {path}\n+++ {path}\n" in result.stdout
    assert "-Loading...\n" in result.stdout
    assert path.read_text() == ARTICLE
    clean = _article(tmp_path, ARTICLE.replace("Loading...\n\n", ""), name="b.txt")
    assert run_cli("check", "--no-cache", "--select", "NL101", "--diff", str(clean)).exit_code == 0


def test_cli_fix_keeps_encoding_and_bom(tmp_path: Path) -> None:
    text = ARTICLE.replace("council", "conseil régional").replace("\n", "\r\n")
    path = _article(tmp_path, text, encoding="utf-16-le", bom=codecs.BOM_UTF16_LE)
    result = run_cli("check", "--no-cache", "--select", "NL101", "--fix", str(path))
    assert result.exit_code == 0, result.output
    expected = text.replace("Loading...\r\n\r\n", "")
    assert path.read_bytes() == codecs.BOM_UTF16_LE + expected.encode("utf-16-le")


def test_cli_fix_read_only_file_is_a_clear_error(tmp_path: Path) -> None:
    path = _article(tmp_path)
    path.chmod(0o444)
    result = run_cli("check", "--no-cache", "--select", "NL101", "--fix", str(path))
    assert result.exit_code == 2
    assert f"newslint: error: {path}: file is read-only; not fixed" in result.stderr
    assert "Traceback" not in result.output
    assert path.read_text() == ARTICLE


def test_cli_fix_on_stdin_prints_the_fixed_article() -> None:
    result = run_cli("check", "--no-cache", "--select", "NL101", "--fix", "--stdin-filename", "a.txt",
                     input=ARTICLE.encode())
    assert result.exit_code == 0
    assert result.stdout == ARTICLE.replace("Loading...\n\n", "")


def test_cli_fix_html_removes_the_element(tmp_path: Path) -> None:
    html = ("<article>\n  <h1>Council backs plan</h1>\n  <p>The council met on Tuesday.</p>\n"
            "  <p>Loading...</p>\n  <p>It voted to rebuild the bridge.</p>\n</article>\n")
    path = _article(tmp_path, html, name="a.html")
    result = run_cli("check", "--no-cache", "--select", "NL101", "--fix", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_text() == html.replace("  <p>Loading...</p>\n", "")


@needs_shared()
def test_seed_after_fix(tmp_path: Path) -> None:
    copy = tmp_path / "seed.txt"
    shutil.copyfile(SEED, copy)
    os.chmod(copy, 0o644)
    before = copy.read_text(encoding="utf-8").splitlines()
    result = run_cli("check", "--no-cache", "--fix", str(copy))
    assert result.exit_code in (0, 1), result.output
    after = copy.read_text(encoding="utf-8").splitlines()
    assert not any(line.strip() == "Loading..." for line in after)
    assert not any(line.startswith("READ MORE:") for line in after)
    caption = before[4]
    assert before.count(caption) == 2 and after.count(caption) == 1
    # Every line left is byte-identical and in order; what went is exactly the artifacts,
    # the later caption copy and blank lines.
    remaining = iter(after)
    removed, pending = [], next(remaining, None)
    for line in before:
        if line == pending:
            pending = next(remaining, None)
        else:
            removed.append(line)
    assert pending is None, f"a line changed or moved: {pending!r}"
    artifacts = [line for line in before if line.strip() == "Loading..." or line.startswith("READ MORE:")]
    assert sorted(line for line in removed if line.strip()) == sorted([caption, *artifacts])
    second = run_cli("check", "--no-cache", "--fix", str(copy))
    assert "Fixed 0 findings" in second.stderr


# --- summary fields (excerpt, dek, description) are not body copy ---------------------------

LEDE = ("The island ferry will sail twice a day instead of four times from November, the operator "
        "said on Thursday, blaming a shortage of deck crew.")
SECOND = "Residents say the change strands commuters who finish work after the last evening sailing."
BODY_HTML = f"<p>{LEDE}</p>\n<p>Loading...</p>\n<p>{SECOND}</p>\n"


def _wordpress_post() -> str:
    """A post as the WordPress REST API returns it (``context=view``), the excerpt filled from the lede."""
    return json.dumps({
        "id": 4182,
        "date": "2025-03-14T09:30:00",
        "slug": "island-ferry-timetable-cut",
        "title": {"rendered": "Island ferry timetable cut for the winter"},
        "content": {"rendered": BODY_HTML, "protected": False},
        "excerpt": {"rendered": f"<p>{LEDE}</p>\n", "protected": False},
        "author": 7,
    }, indent=2)


def _flat_article(summary_key: str, summary_first: bool) -> str:
    fields = [(summary_key, LEDE), ("body", BODY_HTML)]
    return json.dumps(dict([("headline", "Island ferry timetable cut"), *(fields if summary_first else fields[::-1])]),
                      indent=2)


SUMMARY_SHAPES = [
    pytest.param(_wordpress_post(), id="wordpress-rest"),
    *(pytest.param(_flat_article(key, first), id=f"{key}-{'before' if first else 'after'}-body")
      for key in ("excerpt", "dek", "description", "meta_description") for first in (True, False)),
]


@pytest.mark.parametrize("source", SUMMARY_SHAPES)
def test_summary_field_repeating_the_lede_is_no_duplicate_and_fix_keeps_both(tmp_path: Path, source: str) -> None:
    path = _article(tmp_path, source, name="post.json")
    listed = run_cli("check", "--no-cache", "--select", "NL2", "--format", "json", str(path))
    assert json.loads(listed.stdout)["findings"] == []
    result = run_cli("check", "--no-cache", "--fix", str(path))
    assert result.exit_code in (0, 1), result.output
    fixed = path.read_text(encoding="utf-8")
    # Only the widget placeholder went; lede and summary are byte for byte as they were.
    assert fixed == source.replace("<p>Loading...</p>\\n", "")
    data = json.loads(fixed)
    assert fixed.count(LEDE) == 2
    assert "Loading" not in fixed and SECOND in fixed
    assert isinstance(data, dict)


# --- reader-owned widenings: whole JSON array elements, Gutenberg comment pairs ---


def test_removing_a_block_whose_extent_is_a_json_array_element_removes_the_element() -> None:
    from newslint.fix import _widen

    source = '{"items": [\n  {"type": "text", "content": "Kept."},\n  {"type": "text", "content": "Loading..."}\n]}'
    start = source.index('{"type": "text", "content": "Loading')
    end = source.index("}", start) + 1
    block = Block(BlockKind.PARAGRAPH, ARTIFACT, SourceMap.linear(source.index(ARTIFACT), 10), (start, end))
    document = Document("a.json", source, "json", (block,))
    edit = _widen(document, Edit(start, end, ""))
    assert edit is not None
    fixed = source[:edit.start] + source[edit.end:]
    assert json.loads(fixed) == {"items": [{"type": "text", "content": "Kept."}]}


@pytest.mark.parametrize(("source", "expected"), [
    ("<!-- wp:paragraph -->\n<p>Loading...</p>\n<!-- /wp:paragraph -->\n\n<p>Next.</p>\n", "<p>Next.</p>\n"),
    ('<p>A.</p>\n\n<!-- wp:paragraph {"align":"left"} -->\n<p>Loading...</p>\n<!-- /wp:paragraph -->\n', "<p>A.</p>\n"),
    # A pair that wraps more than the block stays; so does an unmatched closing comment.
    ("<!-- wp:group -->\n<p>A.</p>\n<p>Loading...</p>\n<!-- /wp:group -->\n",
     "<!-- wp:group -->\n<p>A.</p>\n<!-- /wp:group -->\n"),
    ("<!-- wp:paragraph -->\n<p>Loading...</p>\n<!-- /wp:quote -->\n", "<!-- wp:paragraph -->\n<!-- /wp:quote -->\n"),
])
def test_removing_a_gutenberg_block_removes_its_comment_pair(source: str, expected: str) -> None:
    from newslint.document import HTML_COMMENTS
    from newslint.fix import _widen

    start = source.index("<p>Loading")
    end = source.index("</p>", start) + 4
    block = Block(BlockKind.PARAGRAPH, ARTIFACT, SourceMap.linear(start + 3, 10), (start, end))
    document = Document("a.html", source, "html", (block,), comment_syntax=HTML_COMMENTS)
    edit = _widen(document, Edit(start, end, ""))
    assert edit is not None
    assert source[:edit.start] + source[edit.end:] == expected
