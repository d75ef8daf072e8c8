"""The Arc XP ANS reader: field kinds, exact maps, whole-element fixes, the sample story."""

from __future__ import annotations

import html
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO, SHARED, needs_shared, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from newslint.document import Block, Document
from newslint.fix import json_array_element_removal
from newslint.readers import ReaderError
from newslint.readers.ans import AnsReader

CMS = REPO / "examples" / "cms"
SAMPLE = CMS / "ans-story.json"
PLAIN = CMS / "article.txt"
SCHEMAS = SHARED / "schemas" / "ans-0.10.12"


def read(source: str) -> Document:
    return AnsReader().read("story.json", source)


def story(*elements: dict[str, object], **fields: object) -> str:
    return json.dumps({"type": "story", "version": "0.10.12", **fields, "content_elements": list(elements)},
                      indent=2)


def text(content: str) -> dict[str, object]:
    return {"type": "text", "content": content}


def summary(source: str) -> list[tuple[str, str | None, str]]:
    return [(block.kind.value, block.pointer, block.text) for block in read(source).blocks]


def assert_exact_map(document: Document, block: Block) -> None:
    """Each character of the text comes from its source: itself, an escape or a reference
    meaning it, or collapsed white space."""
    source = document.source
    for segment in block.source_map.segments:
        piece = block.text[segment.text_start:segment.text_end]
        raw = source[segment.source_start:segment.source_end]
        if segment.is_linear:
            assert raw == piece or (piece.isspace() and raw.isspace()), (raw, piece)
        else:
            meaning = html.unescape(json.loads(f'"{raw}"'))
            assert meaning == piece or (piece.isspace() and not meaning.strip()) \
                or (piece.isspace() and meaning.lower().startswith("<br")), (raw, piece)
    start, end = block.to_source(0, len(block.text))
    assert block.extent[0] <= start <= end <= block.extent[1]


def flagged(path: Path, *args: str) -> list[tuple[str, str, str | None]]:
    """(code, flagged text, pointer) of each finding, the text read back through the
    document's blocks, so a JSON sample and plain text compare; every position exact."""
    findings = json.loads(run_cli("check", "--no-cache", "--format", "json", *args, str(path)).stdout)["findings"]
    source = path.read_text(encoding="utf-8")
    reader_document = read(source) if path.suffix == ".json" else None
    result = []
    for finding in findings:
        start, end = finding["start"], finding["end"]
        if reader_document is None:
            result.append((finding["code"], source[start:end], finding.get("pointer")))
            continue
        result.append((finding["code"], text_at(reader_document, start, end), finding.get("pointer")))
    return result


def text_at(document: Document, start: int, end: int) -> str:
    """The block text whose source map covers exactly source ``[start, end)``."""
    for block in document.blocks:
        for low in range(len(block.text) + 1):
            if block.to_source(low, low)[0] == start:
                for high in range(low, len(block.text) + 1):
                    if block.to_source(low, high) == (start, end):
                        return block.text[low:high]
    raise AssertionError(f"no block text maps exactly onto {start}:{end}")


# --- the sample story ----------------------------------------------------------------


@needs_shared()
def test_the_sample_is_a_valid_ans_story() -> None:
    resources = [(contents["id"], Resource.from_contents(contents, default_specification=DRAFT4))
                 for contents in (json.loads(file.read_text(encoding="utf-8")) for file in SCHEMAS.rglob("*.json"))]
    registry = Registry().with_resources(resources)  # type: ignore[var-annotated]
    validator = jsonschema.Draft4Validator(json.loads((SCHEMAS / "story.json").read_text(encoding="utf-8")),
                                           registry=registry)
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert list(validator.iter_errors(sample)) == []
    # The registry really resolves the $refs: a headline must be a string, a credit an author.
    assert list(validator.iter_errors({**sample, "headlines": {"basic": 3}}))
    assert list(validator.iter_errors({**sample, "credits": {"by": [{"name": "Jonas Vell"}]}}))


def test_the_sample_gives_the_plain_texts_findings_with_pointers() -> None:
    ans = flagged(SAMPLE)
    plain = flagged(PLAIN)
    assert [(code, text) for code, text, _ in ans] == [(code, text) for code, text, _ in plain]
    by_code = {code: pointer for code, _, pointer in ans}
    assert by_code == {"NL201": "/content_elements/2/content", "NL301": "/content_elements/3/content",
                       "NL401": "/content_elements/4/content", "NL102": "/content_elements/5/content",
                       "NL101": "/content_elements/6/content"}


def test_the_sample_maps_each_field_to_its_kind() -> None:
    document = read(SAMPLE.read_text(encoding="utf-8"))
    kinds = [(block.kind.value, block.pointer) for block in document.blocks]
    assert kinds[:8] == [
        ("headline", "/headlines/basic"), ("summary", "/subheadlines/basic"), ("summary", "/description/basic"),
        ("byline", "/credits/by/0/name"), ("paragraph", "/content_elements/0/content"),
        ("caption", "/content_elements/1/caption"), ("alt", "/content_elements/1/alt_text"),
        ("credit", "/content_elements/1/credits/by/0/name")]
    assert ("heading", "/content_elements/7/content") in kinds
    assert ("other", "/content_elements/14/text") in kinds
    assert not any(pointer and pointer.startswith("/content_elements/10") for _, pointer in kinds)  # oembed
    # Inline HTML and references are one block of text: "&#8217;" and "<b>August</b>".
    lede = document.blocks[4]
    assert lede.text.startswith("Ellsmere\u2019s harbour footbridge will stay closed until at least August after")
    for block in document.blocks:
        assert_exact_map(document, block)


def test_the_description_repeating_the_lede_is_no_duplicate_and_fix_keeps_both(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_bytes(SAMPLE.read_bytes())
    assert not any(code in ("NL202", "NL203", "NL204") for code, *_ in flagged(path))
    run_cli("check", "--no-cache", "--fix", str(path))
    after = json.loads(path.read_text(encoding="utf-8"))
    before = json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert after["description"] == before["description"]
    assert after["content_elements"][0] == before["content_elements"][0]


def test_fix_removes_whole_elements_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_bytes(SAMPLE.read_bytes())
    run_cli("check", "--no-cache", "--fix", str(path))
    before = json.loads(SAMPLE.read_text(encoding="utf-8"))
    after = json.loads(path.read_text(encoding="utf-8"))  # still valid JSON
    removed = {"A3", "A6", "A7"}  # the repeated caption, the promo link, the widget
    assert after == {**before, "content_elements": [e for e in before["content_elements"] if e["_id"] not in removed]}
    unfixable = [code for code, *_ in flagged(PLAIN) if code not in ("NL201", "NL102", "NL101")]
    assert [code for code, *_ in flagged(path)] == unfixable
    again = path.read_bytes()
    run_cli("check", "--no-cache", "--fix", str(path))
    assert path.read_bytes() == again  # a second run changes nothing


# --- field kinds and maps ----------------------------------------------------------


def test_story_fields_and_elements_by_type() -> None:
    source = story(
        {"type": "header", "content": "Where the money goes"},
        {"type": "list", "list_type": "unordered", "items": [
            text("Two new <i>ferries</i>"), {"type": "list", "items": [text("one of them electric")]}]},
        {"type": "quote", "content_elements": [text("We were not told.")], "citation": text("a resident")},
        {"type": "blockquote", "content": "Crossings will resume in May."},
        {"type": "interstitial_link", "url": "https://example.org/x", "content": "READ MORE: Tide tables"},
        {"type": "raw_html", "content": "<h3>Timetable</h3><p>Loading...</p>"},
        {"type": "oembed_response", "raw_oembed": {"html": "<p>an embedded post</p>"}},
        {"type": "video", "headlines": {"basic": "Watch the launch"}},
        {"type": "correction", "text": "This story was corrected on May 2."},
        headlines={"basic": "Ferry &amp; bus timetables change"},
        subheadlines={"basic": "A dek"},
        credits={"by": [{"type": "author", "name": "Ana Ruiz"}, {"type": "reference", "referent": {"id": "X"}}]},
    )
    assert summary(source) == [
        ("headline", "/headlines/basic", "Ferry & bus timetables change"),
        ("summary", "/subheadlines/basic", "A dek"),
        ("byline", "/credits/by/0/name", "Ana Ruiz"),
        ("heading", "/content_elements/0/content", "Where the money goes"),
        ("list-item", "/content_elements/1/items/0/content", "Two new ferries"),
        ("list-item", "/content_elements/1/items/1/items/0/content", "one of them electric"),
        ("quote", "/content_elements/2/content_elements/0/content", "We were not told."),
        ("credit", "/content_elements/2/citation/content", "a resident"),
        ("quote", "/content_elements/3/content", "Crossings will resume in May."),
        ("paragraph", "/content_elements/4/content", "READ MORE: Tide tables"),
        ("heading", "/content_elements/5/content", "Timetable"),
        ("paragraph", "/content_elements/5/content", "Loading..."),
        ("other", "/content_elements/8/text", "This story was corrected on May 2."),
    ]


def test_a_one_block_element_has_the_whole_element_for_extent() -> None:
    source = story(text("First <b>bold</b> line."), {"type": "raw_html", "content": "<p>a</p><p>b</p>"})
    document = read(source)
    first, a, b = document.blocks
    assert json.loads(source[slice(*first.extent)]) == {"type": "text", "content": "First <b>bold</b> line."}
    # An element read as several blocks keeps each block's extent inside its string.
    assert source[slice(*a.extent)] == "<p>a</p>" and source[slice(*b.extent)] == "<p>b</p>"


def test_not_a_story_or_no_text_is_an_input_error() -> None:
    with pytest.raises(ReaderError, match="invalid JSON"):
        read('{"type": "story", "content_elements": [')
    with pytest.raises(ReaderError, match="not an ANS story"):
        read('[{"type": "story", "content_elements": []}]')
    with pytest.raises(ReaderError, match="no article text"):
        read(story({"type": "oembed_response", "raw_oembed": {}}))


def test_matches_only_an_ans_shape() -> None:
    reader = AnsReader()
    assert reader.matches(story(text("x")))
    assert not reader.matches('{"headline": "x", "body": "y"}')
    assert not reader.matches('{"content_elements": []}')


def test_an_ans_file_is_read_by_the_ans_reader_and_a_post_by_the_json_reader(tmp_path: Path) -> None:
    path = tmp_path / "story.json"
    path.write_text(story(text("Loading..."), headlines={"basic": "A headline"}), encoding="utf-8")
    findings = json.loads(run_cli("check", "--no-cache", "--format", "json", str(path)).stdout)["findings"]
    assert [(f["code"], f["pointer"]) for f in findings] == [("NL101", "/content_elements/0/content")]


# --- whole-element removal ---------------------------------------------------------


@pytest.mark.parametrize(("source", "target", "expected"), [
    ('[{"a": 1}, {"b": 2}, {"c": 3}]', '{"b": 2}', '[{"a": 1}, {"c": 3}]'),
    ('[{"a": 1}, {"b": 2}]', '{"a": 1}', '[{"b": 2}]'),
    ('[\n  {"a": 1},\n  {"b": 2}\n]', '{"b": 2}', '[\n  {"a": 1}\n]'),
    ('{"x": [ {"a": "}, {"} ]}', '{"a": "}, {"}', '{"x": []}'),
])
def test_an_array_element_goes_with_one_comma(source: str, target: str, expected: str) -> None:
    start = source.index(target)
    span = json_array_element_removal(source, start, start + len(target))
    assert span is not None
    assert source[:span[0]] + source[span[1]:] == expected
    json.loads(expected)


@pytest.mark.parametrize(("source", "target"), [
    ('{"x": {"a": 1}}', '{"a": 1}'),  # an object's value, not an array's element
    ('[{"a": 1}, {"b": 2}]', '{"a": 1}, {"b": 2}'),  # two elements
    ('["{a}"]', '{a}'),  # inside a string
])
def test_a_span_that_is_no_whole_array_element_is_not_widened(source: str, target: str) -> None:
    start = source.index(target)
    assert json_array_element_removal(source, start, start + len(target)) is None


# --- generated stories ----------------------------------------------------------------

_WORDS = st.text(st.characters(codec="utf-8", exclude_characters="<>&\r", exclude_categories=("Cs", "Cc")),
                 min_size=1, max_size=12)
_INLINE = st.sampled_from(["{}", "<b>{}</b>", "<a href=\"/x\">{}</a>", "{} &amp;", "&#8220;{}&#8221;", "{}\n"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(_INLINE, _WORDS), min_size=1, max_size=5), min_size=1, max_size=4),
       st.booleans())
def test_generated_stories_map_exactly(paragraphs: list[list[tuple[str, str]]], ascii_only: bool) -> None:
    contents = [" ".join(template.format(word) for template, word in parts) for parts in paragraphs]
    source = json.dumps({"type": "story", "headlines": {"basic": "A headline"},
                         "content_elements": [text(content) for content in contents]},
                        ensure_ascii=ascii_only, indent=1)
    try:
        document = read(source)
    except ReaderError:
        return  # nothing visible in any element
    for block in document.blocks:
        assert_exact_map(document, block)
        if block.pointer != "/headlines/basic":
            element = json.loads(source[slice(*block.extent)])
            assert element["type"] == "text"
