"""The JSON reader: known CMS keys at any depth, JSON Pointers, maps through escapes and HTML."""

from __future__ import annotations

import html
import json

import pytest
from conftest import CORPUS, needs_shared, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import Block, Document
from newslint.engine import check_document
from newslint.model import remove_block_fix
from newslint.readers import ReaderError
from newslint.readers.json import JsonReader, read_json


def read(source: str) -> Document:
    return JsonReader().read("article.json", source)


def summary(source: str) -> list[tuple[str, str | None, str]]:
    return [(block.kind.value, block.pointer, block.text) for block in read(source).blocks]


def source_of(document: Document, block: Block, start: int = 0, end: int | None = None) -> str:
    span = block.to_source(start, len(block.text) if end is None else end)
    return document.source[span[0]:span[1]]


def decoded(raw: str) -> str:
    """What a slice of a JSON string's source means: JSON escapes, then HTML references."""
    return html.unescape(json.loads(f'"{raw}"'))


def assert_exact_map(document: Document, block: Block) -> None:
    source = document.source
    for segment in block.source_map.segments:
        assert 0 <= segment.source_start <= segment.source_end <= len(source)
        text = block.text[segment.text_start:segment.text_end]
        raw = source[segment.source_start:segment.source_end]
        if segment.is_linear:
            for a in range(segment.text_start, segment.text_end):
                mapped = source[slice(*block.to_source(a, a + 1))]
                assert mapped == block.text[a] or (block.text[a] == " " and mapped in " \t\r\n\f"), (raw, text)
        elif text in (" ", "\n"):  # collapsed HTML white space (maybe written as \n), or a <br>
            meaning = decoded(raw)
            assert not meaning.strip(" \t\r\n\f") or meaning.lower().startswith("<br"), repr(raw)
        else:
            assert decoded(raw) == text, (raw, text)
    start, end = block.to_source(0, len(block.text))
    assert block.extent[0] <= start <= end <= block.extent[1]
    # The extent lies inside one JSON string: it never cuts an escape or a quote.
    json.loads(f'"{source[block.extent[0]:block.extent[1]]}"')


def test_headline_and_html_body() -> None:
    source = json.dumps({
        "id": 42, "url": "https://example.org/a", "headline": "Ferry \"cut\" for winter",
        "body": "<p>The operator said\nit would halve crossings.</p>\n<p>Loading...</p>",
    }, indent=2)
    document = read(source)
    assert summary(source) == [
        ("headline", "/headline", 'Ferry "cut" for winter'),
        ("paragraph", "/body", "The operator said it would halve crossings."),
        ("paragraph", "/body", "Loading..."),
    ]
    headline, first, loading = document.blocks
    assert source_of(document, headline) == 'Ferry \\"cut\\" for winter'
    assert source_of(document, first, 17, 18) == "\\n"
    assert source[slice(*loading.extent)] == "<p>Loading...</p>"
    for block in document.blocks:
        assert_exact_map(document, block)


def test_common_cms_keys_nested_arrays_and_pointers() -> None:
    source = json.dumps({
        "article": {
            "title": "Harbour reopens",
            "standfirst": "Boats return after the storm.",
            "articleBody": "First paragraph.\n\nSecond paragraph.",
            "images": [
                {"src": "a.jpg", "alt_text": "A crane", "caption": "A crane lifts a boat.", "credit": "Reuters"},
                {"src": "b.jpg", "Caption": "<em>Workers</em> clear the quay.", "photographer": "Ana Ortiz"},
            ],
            "blocks": [{"type": "heading", "text": "What next"}, {"type": "pullquote", "text": "We rebuild."}],
            "a/b~c": {"text": "Odd key."},
            "byline": "By Sam Lee",
            "related": [{"headline": "Storm hits coast"}],
        }
    })
    assert summary(source) == [
        ("headline", "/article/title", "Harbour reopens"),
        ("summary", "/article/standfirst", "Boats return after the storm."),
        ("paragraph", "/article/articleBody", "First paragraph."),
        ("paragraph", "/article/articleBody", "Second paragraph."),
        ("alt", "/article/images/0/alt_text", "A crane"),
        ("caption", "/article/images/0/caption", "A crane lifts a boat."),
        ("credit", "/article/images/0/credit", "Reuters"),
        ("caption", "/article/images/1/Caption", "Workers clear the quay."),
        ("credit", "/article/images/1/photographer", "Ana Ortiz"),
        ("heading", "/article/blocks/0/text", "What next"),
        ("quote", "/article/blocks/1/text", "We rebuild."),
        ("paragraph", "/article/a~1b~0c/text", "Odd key."),
        ("byline", "/article/byline", "By Sam Lee"),
        ("heading", "/article/related/0/headline", "Storm hits coast"),
    ]
    document = read(source)
    for block in document.blocks:
        assert_exact_map(document, block)


def test_title_beside_a_headline_is_a_heading() -> None:
    source = '{"headline": "Main", "title": "Main | Site", "paragraphs": ["One.", "Two."]}'
    assert summary(source) == [
        ("headline", "/headline", "Main"), ("heading", "/title", "Main | Site"),
        ("paragraph", "/paragraphs/0", "One."), ("paragraph", "/paragraphs/1", "Two."),
    ]


def test_wordpress_rest_fields_are_read_through_rendered() -> None:
    source = json.dumps({
        "id": 12,
        "guid": {"rendered": "https://example.org/?p=12"},
        "title": {"rendered": "Bakery wins award", "raw": "Bakery wins award"},
        "content": {"raw": "<!-- wp:paragraph --><p>Old copy.</p>", "rendered": "<p>The bakery won.</p>\n<p>It opened in May.</p>",
                    "protected": False},
        "excerpt": {"rendered": "<p>The bakery won.</p>"},
        "yoast_head_json": {"og_description": "The bakery won."},
        "meta": {"dek": {"raw": "A village celebrates."}},
    })
    assert summary(source) == [
        ("headline", "/title/rendered", "Bakery wins award"),
        ("paragraph", "/content/rendered", "The bakery won."),
        ("paragraph", "/content/rendered", "It opened in May."),
        ("summary", "/excerpt/rendered", "The bakery won."),
        ("summary", "/yoast_head_json/og_description", "The bakery won."),
        ("summary", "/meta/dek/raw", "A village celebrates."),
    ]
    document = read(source)
    for block in document.blocks:
        assert_exact_map(document, block)


@pytest.mark.parametrize("key", ["excerpt", "custom_excerpt", "dek", "standfirst", "description", "meta_description",
                                 "ogDescription", "twitter_description", "summary", "teaser"])
def test_summary_fields_are_summary_blocks_not_body(key: str) -> None:
    source = json.dumps({"headline": "Bakery wins award", key: "<p>The bakery won.</p>", "body": "The bakery won."})
    assert summary(source) == [
        ("headline", "/headline", "Bakery wins award"),
        ("summary", f"/{key}", "The bakery won."),
        ("paragraph", "/body", "The bakery won."),
    ]


def test_escapes_surrogate_pairs_and_entities_are_atomic() -> None:
    source = ('{"headline": "Caf\\u00e9 \\ud83d\\ude00 \\"ok\\" \\/ tab\\there", '
              '"body": "<p>AT&amp;T \\u0026amp; caf\\u00e9\\r\\n  \\ud83c\\udf0a</p>"}')
    document = read(source)
    headline, body = document.blocks
    assert headline.text == 'Caf\u00e9 \U0001F600 "ok" / tab\there'
    assert source_of(document, headline, 3, 4) == "\\u00e9"
    assert source_of(document, headline, 5, 6) == "\\ud83d\\ude00"
    assert body.text == "AT&T & caf\u00e9 \U0001F30A"
    assert source_of(document, body, 2, 3) == "&amp;"
    assert source_of(document, body, 5, 6) == "\\u0026amp;"
    assert source_of(document, body, 11, 12) == "\\r\\n  "
    assert source_of(document, body, 12, 13) == "\\ud83c\\udf0a"
    for block in document.blocks:
        assert_exact_map(document, block)


def test_pointer_and_offset_of_a_finding(registry) -> None:
    source = ('{\n  "headline": "Kabul talks",\n  "items": [\n    {"caption": "Cap."},\n'
              '    {"body": "<p>First.</p><p>Loading...</p>"}\n  ]\n}\n')
    document = read(source)
    rule = registry.rule("NL101")
    (finding,) = [f for f in check_document(document, [rule]) if f.code == "NL101"]
    assert finding.pointer == "/items/1/body"
    assert source[finding.start:finding.end] == "Loading..."
    line = source.splitlines()[4]
    assert document.position(finding.start) == (5, line.index("Loading...") + 1)
    fix = remove_block_fix(next(b for b in document.blocks if b.text == "Loading..."), "remove")
    edit = fix.edits[0]
    fixed = source[:edit.start] + edit.replacement + source[edit.end:]
    assert json.loads(fixed)["items"][1]["body"] == "<p>First.</p>"


@pytest.mark.parametrize("source, position", [
    ('{"headline": "x",}', "line 1, column 18"),
    ('{\n  "headline": "unterminated\n}', "line 2, column 28"),
    ("", "line 1, column 1"),
    ("{'single': 'quotes'}", "line 1, column 2"),
])
def test_invalid_json_names_the_line_and_column(source: str, position: str) -> None:
    with pytest.raises(ReaderError, match=position):
        read(source)


def test_deep_nesting_is_a_reader_error_or_read() -> None:
    with pytest.raises(ReaderError, match="nested too deeply"):
        read("[" * 100_000 + "]" * 100_000)
    deep_html = json.dumps({"body": "<div>" * 100_000 + "deep" + "</div>" * 100_000})
    assert [block.text for block in read(deep_html).blocks] == ["deep"]


def test_non_article_json_has_no_blocks_and_is_an_input_error_not_a_silent_pass() -> None:
    source = '[1, 2.5e3, true, null, {"id": "x"}, "loose string"]'
    assert read_json(source) == ()
    for not_an_article in (source, "{}", '{"theme": "dark", "autosave": true}', '{"body": "  "}'):
        with pytest.raises(ReaderError, match="no article text in it"):
            read(not_an_article)


def test_a_json_file_with_no_article_exits_2_with_one_line(tmp_path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark"}', encoding="utf-8")
    result = run_cli("check", "--no-cache", str(path))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "no article text in it" in result.stderr


# -- property: random JSON maps exactly ---------------------------------------------

TEXT = st.lists(st.one_of(st.characters(codec="utf-8"), st.sampled_from(['"', "\\", "\n", "&amp;", "<", "\U0001F600"])),
                max_size=20).map("".join)
HTML_BODY = st.lists(st.tuples(st.sampled_from(["p", "li", "h2", "figcaption"]), TEXT), max_size=5).map(
    lambda parts: "".join(f"<{tag}>{html.escape(text, quote=False)}</{tag}>" for tag, text in parts))
KEYS = st.sampled_from(["headline", "title", "dek", "body", "caption", "credit", "alt", "text", "id", "url"])
VALUES = st.recursive(
    st.one_of(TEXT, HTML_BODY, st.integers(), st.none()),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(KEYS, children, max_size=4)),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, VALUES, max_size=6), st.booleans(), st.sampled_from([None, 2]))
def test_every_block_maps_exactly_onto_random_json(value: dict, ascii_only: bool, indent: int | None) -> None:
    source = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    if not any(block.text.strip() for block in read_json(source)):
        with pytest.raises(ReaderError):
            read(source)
        return
    document = read(source)
    parsed = json.loads(source)
    for block in document.blocks:
        assert block.pointer is not None and block.pointer.startswith("/")
        target = parsed
        for part in block.pointer.split("/")[1:]:
            part = part.replace("~1", "/").replace("~0", "~")
            target = target[int(part)] if isinstance(target, list) else target[part]
        assert isinstance(target, str)
        assert_exact_map(document, block)


@needs_shared()
def test_reads_a_real_json_file() -> None:
    path = CORPUS / "article-extraction-benchmark" / "ground-truth.json"
    source = path.read_text(encoding="utf-8")
    document = read(source)
    articles = json.loads(source)
    pointers = {block.pointer for block in document.blocks}
    assert pointers == {f"/{key}/articleBody" for key, value in articles.items() if value["articleBody"].strip()}
    for block in document.blocks[::25]:
        assert_exact_map(document, block)
