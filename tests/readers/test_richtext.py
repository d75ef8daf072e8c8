"""The rich-text JSON readers: Ghost (Lexical in a JSON string), Sanity Portable Text and
Contentful Rich Text. Runs joined into one block, exact maps through every JSON layer,
pointers, articles of a collection, whole-node fixes, and the three sample exports."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import Block, Document
from newslint.readers import ReaderError
from newslint.readers.richtext import ContentfulReader, GhostReader, SanityReader
from newslint.readers.text import TextReader

CMS = REPO / "examples" / "cms"
PLAIN = CMS / "article.txt"
SAMPLES = {"ghost": CMS / "ghost-post.json", "sanity": CMS / "sanity-article.json",
           "contentful": CMS / "contentful-entry.json"}
READERS = {"ghost": GhostReader(), "sanity": SanityReader(), "contentful": ContentfulReader()}


# --- helpers ----------------------------------------------------------------------------


def read(system: str, source: str) -> Document:
    return READERS[system].read(f"{system}.json", source)


def summary(system: str, source: str) -> list[tuple[str, str | None, str]]:
    return [(block.kind.value, block.pointer, block.text) for block in read(system, source).blocks]


def meaning(raw: str, layers: int) -> str:
    """What a slice of the file means as text: JSON escapes undone once per layer of JSON
    it sits in, then HTML references."""
    for _ in range(layers):
        raw = json.loads(f'"{raw}"')
    return html.unescape(raw)


def assert_exact_map(document: Document, block: Block, layers: int = 1) -> None:
    """Every character of the block's text comes from its source: the same character, an
    escape (through every JSON layer) or reference meaning it, or (for a Lexical
    ``linebreak`` or ``tab`` node, or collapsed HTML white space) the node or white space."""
    source = document.source
    for segment in block.source_map.segments:
        piece = block.text[segment.text_start:segment.text_end]
        raw = source[segment.source_start:segment.source_end]
        if segment.is_linear:
            assert raw == piece or (piece.isspace() and raw.isspace()), (raw, piece)
        elif piece in ("\n", "\t") and raw.startswith("{"):
            node = json.loads(meaning(raw, layers - 1))
            assert node["type"] in ("linebreak", "tab"), raw
        else:
            decoded = meaning(raw, layers)
            assert decoded == piece or (piece.isspace() and not decoded.strip()), (raw, piece)
    start, end = block.to_source(0, len(block.text))
    assert block.extent[0] <= start <= end <= block.extent[1]


def resolve(value: Any, pointer: str) -> Any:
    """Resolve a pointer; at a string holding JSON (Ghost's lexical) go on inside it."""
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(value, str):
            value = json.loads(value)
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def text_at(document: Document, start: int, end: int) -> str:
    """The block text whose source map covers exactly source ``[start, end)``."""
    for block in document.blocks:
        first = [a for a in range(len(block.text)) if block.to_source(a, a + 1)[0] == start]
        last = [b for b in range(1, len(block.text) + 1) if block.to_source(b - 1, b)[1] == end]
        if first and last and first[0] < last[-1]:
            return block.text[first[0]:last[-1]]
    raise AssertionError(f"no block text maps onto {start}:{end}")


def findings(path: Path) -> list[dict[str, Any]]:
    result = run_cli("check", "--no-cache", "--format", "json", str(path))
    found: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return [finding for finding in found if finding["code"] != "NL000"]  # other work in progress


# --- the samples ------------------------------------------------------------------------


def plain_findings() -> list[tuple[str, str]]:
    source = PLAIN.read_text(encoding="utf-8")
    return [(finding["code"], source[finding["start"]:finding["end"]]) for finding in findings(PLAIN)]


@pytest.mark.parametrize("system", SAMPLES)
def test_each_sample_gives_the_plain_text_findings_at_exact_places(system: str) -> None:
    path = SAMPLES[system]
    source = path.read_text(encoding="utf-8")
    document = read(system, source)
    parsed = json.loads(source)
    found = findings(path)
    assert [(finding["code"], text_at(document, finding["start"], finding["end"])) for finding in found] \
        == plain_findings()
    assert {finding["code"] for finding in found} >= {"NL101", "NL102", "NL201", "NL401"}
    for finding in found:
        assert isinstance(resolve(parsed, finding["pointer"]), (dict, str))
        line, column = document.position(finding["start"])
        assert (finding["line"], finding["column"]) == (line, column)


@pytest.mark.parametrize("system", SAMPLES)
def test_each_sample_maps_every_block_exactly(system: str) -> None:
    source = SAMPLES[system].read_text(encoding="utf-8")
    document = read(system, source)
    parsed = json.loads(source)
    layers = 2 if system == "ghost" else 1
    kinds = {block.kind.value for block in document.blocks}
    assert {"headline", "summary", "paragraph", "heading", "caption"} <= kinds
    for block in document.blocks:
        assert_exact_map(document, block, layers)
        assert block.pointer is not None and resolve(parsed, block.pointer) is not None
    body = [block.text for block in document.blocks if block.kind.value in ("paragraph", "heading", "caption")]
    # The body is the plain article's, each element's runs joined (the credit line aside).
    assert body == [text for text in plain_texts() if not text.startswith("Photo:")]


def plain_texts() -> list[str]:
    blocks = TextReader().read(str(PLAIN), PLAIN.read_text(encoding="utf-8")).blocks
    return [block.text for block in blocks[1:]]  # the headline aside


def comparable(system: str, export: Any) -> Any:
    """A Ghost export with its lexical strings parsed, so that two compare as trees."""
    if system == "ghost":
        for post in export["posts"]:
            post["lexical"] = json.loads(post["lexical"])
    return export


@pytest.mark.parametrize("system", SAMPLES)
def test_fix_removes_the_defect_nodes_and_keeps_the_export_valid(system: str, tmp_path: Path) -> None:
    path = tmp_path / SAMPLES[system].name
    shutil.copy(SAMPLES[system], path)
    before = comparable(system, json.loads(path.read_text(encoding="utf-8")))
    run_cli("check", "--no-cache", "--fix", str(path))
    after = comparable(system, json.loads(path.read_text(encoding="utf-8")))  # still JSON, both layers
    caption = "Engineers inspect the damaged supports of the Ellsmere harbour footbridge on Tuesday morning."
    removed = {"Loading...", caption, "READ MORE: Ferry timetable changes for the summer season"}
    # Exactly the three defect nodes are gone (the caption stays); nothing else changed.
    assert after == without_body_nodes(system, before, removed)
    assert {finding["code"] for finding in findings(path)} == {"NL301", "NL401"}


def node_text(system: str, node: Any) -> str:
    if system == "ghost":
        if node.get("type") == "html":
            return html.unescape(node["html"].split(">", 1)[1].rsplit("<", 1)[0])
        return "".join(node_text(system, child) if "children" in child else child.get("text", "")
                       for child in node.get("children", []))
    if system == "sanity":
        return "".join(child.get("text", "") for child in node.get("children", []))
    return "".join(child.get("value", "") or node_text(system, child) for child in node.get("content", []))


def without_body_nodes(system: str, export: Any, texts: set[str]) -> Any:
    """`export` with the body nodes whose text is one of `texts` taken out, by hand."""
    if system == "ghost":
        root = export["posts"][0]["lexical"]["root"]
        root["children"] = [node for node in root["children"]
                            if node["type"] == "image" or node_text(system, node) not in texts]
    elif system == "sanity":
        export["body"] = [node for node in export["body"]
                          if node["_type"] != "block" or node_text(system, node) not in texts]
    else:
        body = export["items"][0]["fields"]["body"]
        body["content"] = [node for node in body["content"] if node_text(system, node) not in texts]
    return export


# --- reader choice and errors ---------------------------------------------------------


@pytest.mark.parametrize("system", SAMPLES)
def test_each_sample_is_read_by_its_own_reader(system: str, registry) -> None:
    source = SAMPLES[system].read_text(encoding="utf-8")
    chosen = next(reader for reader in registry.readers_for(str(SAMPLES[system])) if reader.matches(source))
    assert chosen.name == system
    assert [other for other in ("ghost", "sanity", "contentful") if READERS[other].matches(source)] == [system]


def test_shapes_are_recognised_cheaply() -> None:
    assert GhostReader().matches('{"posts": [{"title": "A", "lexical": "{}"}]}')
    assert not GhostReader().matches('{"title": "A", "lexical": null, "html": "<p>Old post.</p>"}')
    assert SanityReader().matches('[{"_type": "block", "children": []}]')
    assert not SanityReader().matches('{"_type": "post", "body": "text"}')
    assert ContentfulReader().matches('{"fields": {"body": {"nodeType": "document"}}}')
    assert not ContentfulReader().matches('{"headline": "A", "body": "B"}')


@pytest.mark.parametrize(("system", "source", "message"), [
    ("ghost", '{"title": "A", "lexical": "{\\"root\\": "}', "the lexical document at /lexical is not valid JSON: line 1"),
    ("ghost", '{"lexical": "{\\"root\\": {\\"children\\": []}}"}', "no article text in it"),
    ("ghost", '{"lexical": 1', "invalid JSON at line 1"),
    ("sanity", '{"_type": "post", "body": [{"_type": "block", "children": []}]}', "no article text in it"),
    ("contentful", '{"settings": {"nodeType": "x"}}', "no Contentful entry in it"),
    ("contentful", '{"fields": {"body": {"nodeType": "document", "content": []}}}', "no article text in it"),
])
def test_unreadable_or_empty_input_is_an_error(system: str, source: str, message: str) -> None:
    with pytest.raises(ReaderError, match=message):
        read(system, source)


def test_an_empty_export_fails_the_cli_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "post.json"
    path.write_text('{"posts": [{"title": "", "lexical": "{\\"root\\": {\\"children\\": []}}"}]}', encoding="utf-8")
    result = run_cli("check", "--no-cache", str(path))
    assert result.exit_code == 2
    assert "no article text in it" in result.output


# --- Ghost ------------------------------------------------------------------------------


def lexical_text(text: str, bold: bool = False) -> dict[str, Any]:
    return {"detail": 0, "format": 1 if bold else 0, "mode": "normal", "style": "", "text": text,
            "type": "extended-text", "version": 1}


def element(kind: str, *children: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"children": list(children), "direction": "ltr", "format": "", "indent": 0, "type": kind, "version": 1,
            **extra}


def ghost_post(*nodes: dict[str, Any], **fields: Any) -> dict[str, Any]:
    lexical = {"root": element("root", *nodes)}
    return {"id": "1", **fields, "lexical": json.dumps(lexical)}


def test_ghost_joins_formatted_runs_and_maps_both_layers() -> None:
    source = json.dumps(ghost_post(
        element("paragraph", lexical_text("The repair is "), lexical_text("estimated", bold=True),
                lexical_text(' to cost "1.2m" euros.')),
        element("extended-heading", lexical_text("Caf\u00e9 closes"), tag="h2"),
        element("quote", lexical_text("First line"), {"type": "linebreak", "version": 1}, lexical_text("second")),
        element("list", element("listitem", lexical_text("One "),
                                element("link", lexical_text("link"), url="https://example.org/")), listType="bullet"),
        {"type": "image", "src": "a.jpg", "alt": "A cracked beam", "caption": "<span>Cracks &amp; rust</span>"},
        title="Bridge shut", custom_excerpt="The bridge is shut.", html=None,
    ), indent=2)
    document = read("ghost", source)
    assert summary("ghost", source) == [
        ("headline", "/title", "Bridge shut"),
        ("summary", "/custom_excerpt", "The bridge is shut."),
        ("paragraph", "/lexical/root/children/0", 'The repair is estimated to cost "1.2m" euros.'),
        ("heading", "/lexical/root/children/1", "Caf\u00e9 closes"),
        ("quote", "/lexical/root/children/2", "First line\nsecond"),
        ("list-item", "/lexical/root/children/3/children/0", "One link"),
        ("caption", "/lexical/root/children/4/caption", "Cracks & rust"),
        ("alt", "/lexical/root/children/4/alt", "A cracked beam"),
    ]
    for block in document.blocks:
        assert_exact_map(document, block, layers=2)
    paragraph = document.blocks[2]
    quote_start = paragraph.to_source(32, 33)
    assert source[slice(*quote_start)] == '\\\\\\"'  # an escaped quote inside an escaped string


def test_ghost_node_extents_keep_both_layers_valid_when_removed() -> None:
    source = json.dumps({"posts": [ghost_post(
        element("paragraph", lexical_text("Kept first.")),
        element("paragraph", lexical_text("Removed "), lexical_text("middle", bold=True), lexical_text(".")),
        element("paragraph", lexical_text("Removed last.")),
        title="Bridge shut")]})
    document = read("ghost", source)
    first, middle, last = document.blocks[1:]
    for removed, kept in ((middle, ["Kept first.", "Removed last."]), (last, ["Kept first.", "Removed middle."]),
                          (first, ["Removed middle.", "Removed last."])):
        fixed = source[:removed.extent[0]] + source[removed.extent[1]:]
        assert [block.text for block in read("ghost", fixed).blocks[1:]] == kept


def test_ghost_collection_numbers_its_posts_and_checks_them_apart(tmp_path: Path) -> None:
    caption = "Engineers inspect the cracked supports on Tuesday."
    first = ghost_post({"type": "image", "src": "a.jpg", "caption": caption, "alt": ""},
                       element("paragraph", lexical_text("The footbridge will stay closed until August.")),
                       title="Footbridge shut")
    second = ghost_post(element("paragraph", lexical_text(caption)), element("paragraph", lexical_text("Loading...")),
                        title="Ferry timetable")
    path = tmp_path / "posts.json"
    path.write_text(json.dumps({"posts": [first, second], "meta": {}}), encoding="utf-8")
    document = read("ghost", path.read_text(encoding="utf-8"))
    assert {block.article for block in document.blocks} == {1, 2}
    # Post 2 repeats post 1's caption: no duplicate across two articles.
    assert [(finding["code"], finding["pointer"]) for finding in findings(path)] \
        == [("NL101", "/posts/1/lexical/root/children/1")]


def test_ghost_cards_and_nested_lists() -> None:
    source = json.dumps(ghost_post(
        {"type": "html", "html": "<p>Loading...</p><p>Second</p>"},
        {"type": "markdown", "markdown": "A **bold** word."},
        {"type": "callout", "calloutText": "<p>Ferries run hourly.</p>", "calloutEmoji": ""},
        {"type": "gallery", "images": [{"src": "a.jpg", "caption": "Quay at dawn", "alt": ""}]},
        element("list", element("listitem", lexical_text("Outer"),
                                element("list", element("listitem", lexical_text("Inner"))))),
        title="Cards"))
    assert summary("ghost", source)[1:] == [
        ("paragraph", "/lexical/root/children/0/html", "Loading..."),
        ("paragraph", "/lexical/root/children/0/html", "Second"),
        ("paragraph", "/lexical/root/children/1/markdown", "A bold word."),
        ("paragraph", "/lexical/root/children/2/calloutText", "Ferries run hourly."),
        ("caption", "/lexical/root/children/3/images/0/caption", "Quay at dawn"),
        ("list-item", "/lexical/root/children/4/children/0", "Outer"),
        ("list-item", "/lexical/root/children/4/children/0/children/1/children/0", "Inner"),
    ]
    document = read("ghost", source)
    outer = document.blocks[-2]
    assert source[slice(*outer.extent)] == "Outer"  # removing it leaves the nested list alone
    for block in document.blocks:
        assert_exact_map(document, block, layers=2)


# --- Sanity -----------------------------------------------------------------------------


def span(text: str, *marks: str) -> dict[str, Any]:
    return {"_type": "span", "_key": "s", "text": text, "marks": list(marks)}


def pt_block(*spans: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"_type": "block", "_key": "b", "style": "normal", "markDefs": [], "children": list(spans), **extra}


def test_sanity_joins_spans_whatever_their_marks() -> None:
    source = json.dumps({
        "_type": "post", "_id": "p1", "title": "Bridge shut", "excerpt": "The bridge is shut.",
        "mainImage": {"_type": "image", "asset": {"_ref": "image-1"}, "caption": "The bridge", "alt": "A bridge"},
        "body": [
            pt_block(span("The repair is "), span("estimated", "em"), span(" to cost \u20ac1.2m.")),
            pt_block(span("Detour"), style="h2"),
            pt_block(span("\u201cWe were not told,\u201d she said."), style="blockquote"),
            pt_block(span("First "), span("item", "strong"), listItem="bullet", level=1),
            {"_type": "image", "_key": "i", "asset": {"_ref": "image-2"}, "caption": "Quay", "credit": "Photo: A. B."},
            {"_type": "youtube", "_key": "y", "url": "https://example.org/v"},
        ],
    }, indent=2, ensure_ascii=False)
    document = read("sanity", source)
    assert summary("sanity", source) == [
        ("headline", "/title", "Bridge shut"),
        ("summary", "/excerpt", "The bridge is shut."),
        ("caption", "/mainImage/caption", "The bridge"),
        ("alt", "/mainImage/alt", "A bridge"),
        ("paragraph", "/body/0", "The repair is estimated to cost \u20ac1.2m."),
        ("heading", "/body/1", "Detour"),
        ("quote", "/body/2", "\u201cWe were not told,\u201d she said."),
        ("list-item", "/body/3", "First item"),
        ("caption", "/body/4/caption", "Quay"),
        ("credit", "/body/4/credit", "Photo: A. B."),
    ]
    for block in document.blocks:
        assert_exact_map(document, block)
    paragraph = document.blocks[4]
    assert source[slice(*paragraph.extent)].startswith('{\n      "_type": "block"')
    assert json.loads(source[slice(*paragraph.extent)])["children"][1]["text"] == "estimated"


def test_a_bold_word_no_longer_splits_the_sentence(tmp_path: Path) -> None:
    path = tmp_path / "article.json"
    path.write_text(json.dumps({"_type": "post", "title": "Repairs", "body": [
        pt_block(span("The repair is "), span("estimated", "strong"), span(" to cost 1.2 million euros."))]}),
        encoding="utf-8")
    found = findings(path)
    assert [finding["code"] for finding in found] == ["NL401"]
    assert text_at(read("sanity", path.read_text(encoding="utf-8")), found[0]["start"], found[0]["end"]) \
        == "estimated to cost 1.2 million euros"


def test_sanity_query_result_of_several_documents_is_several_articles() -> None:
    source = json.dumps({"query": "*[_type == 'post']", "result": [
        {"_type": "post", "title": "One", "body": [pt_block(span("First story."))]},
        {"_type": "post", "title": "Two", "body": [pt_block(span("Second story."))]},
    ]})
    assert [(block.article, block.pointer, block.text) for block in read("sanity", source).blocks] == [
        (1, "/result/0/title", "One"), (1, "/result/0/body/0", "First story."),
        (2, "/result/1/title", "Two"), (2, "/result/1/body/0", "Second story."),
    ]


def test_sanity_leaves_referenced_documents_alone() -> None:
    source = json.dumps({"_type": "post", "title": "One", "body": [pt_block(span("The story."))],
                         "author": {"_id": "author.1", "_type": "author", "name": "A. Writer",
                                    "bio": [pt_block(span("Writes about ferries."))]},
                         "seo": {"_type": "seo", "metaDescription": "A story."},
                         "related": [{"_id": "post.2", "_type": "post", "title": "Two",
                                      "body": [pt_block(span("Another story."))]}],
                         "categories": [{"_type": "reference", "_key": "c", "_ref": "category.1"}],
                         "sidebar": [{"_type": "callout", "_key": "k", "content": [pt_block(span("Boxed."))]}]})
    assert summary("sanity", source) == [
        ("headline", "/title", "One"), ("paragraph", "/body/0", "The story."),
        ("summary", "/seo/metaDescription", "A story."), ("paragraph", "/sidebar/0/content/0", "Boxed."),
    ]


# --- Contentful -------------------------------------------------------------------------


def rt_text(value: str, *marks: str) -> dict[str, Any]:
    return {"nodeType": "text", "value": value, "marks": [{"type": mark} for mark in marks], "data": {}}


def rt(kind: str, *content: dict[str, Any], **data: Any) -> dict[str, Any]:
    return {"nodeType": kind, "data": data, "content": list(content)}


def test_contentful_nodes_marks_wrappers_and_included_assets() -> None:
    body = rt("document",
              rt("paragraph", rt_text("The repair is "), rt_text("estimated", "bold"), rt_text(" to cost more.")),
              rt("heading-2", rt_text("Detour")),
              rt("blockquote", rt("paragraph", rt_text("Nobody told us."))),
              rt("unordered-list", rt("list-item", rt("paragraph", rt_text("Quay "),
                                                      rt("hyperlink", rt_text("road"), uri="https://example.org/")))),
              rt("embedded-asset-block", target={"sys": {"id": "asset1", "type": "Link", "linkType": "Asset"}}),
              rt("embedded-asset-block", target={"sys": {"id": "missing", "type": "Link", "linkType": "Asset"}}),
              rt("paragraph", rt_text("")))
    source = json.dumps({"items": [{"sys": {"id": "e1"}, "fields": {"title": "Bridge shut", "body": body}}],
                         "includes": {"Asset": [{"sys": {"id": "asset1"}, "fields": {
                             "title": "bridge.jpg", "description": "Engineers at the bridge"}}]}}, indent=1)
    document = read("contentful", source)
    assert summary("contentful", source) == [
        ("headline", "/items/0/fields/title", "Bridge shut"),
        ("paragraph", "/items/0/fields/body/content/0", "The repair is estimated to cost more."),
        ("heading", "/items/0/fields/body/content/1", "Detour"),
        ("quote", "/items/0/fields/body/content/2/content/0", "Nobody told us."),
        ("list-item", "/items/0/fields/body/content/3/content/0/content/0", "Quay road"),
        ("caption", "/includes/Asset/0/fields/description", "Engineers at the bridge"),
    ]
    for block in document.blocks:
        assert_exact_map(document, block)
    # A quote or list of one paragraph goes with it when a fix removes the paragraph.
    quote, item = document.blocks[3:5]
    assert json.loads(source[slice(*quote.extent)])["nodeType"] == "blockquote"
    assert json.loads(source[slice(*item.extent)])["nodeType"] == "unordered-list"


def test_contentful_localised_entry_without_includes() -> None:
    source = json.dumps({"sys": {"id": "e1", "type": "Entry"}, "fields": {
        "title": {"en-US": "Bridge shut"}, "summary": {"en-US": "Shut until August."},
        "body": {"en-US": rt("document", rt("paragraph", rt_text("It will reopen in August.")))}}})
    assert summary("contentful", source) == [
        ("headline", "/fields/title/en-US", "Bridge shut"),
        ("summary", "/fields/summary/en-US", "Shut until August."),
        ("paragraph", "/fields/body/en-US/content/0", "It will reopen in August."),
    ]


def test_contentful_collection_reads_its_items_not_included_entries() -> None:
    def entry(entry_id: str, title: str, text: str) -> dict[str, Any]:
        return {"sys": {"id": entry_id}, "fields": {"title": title, "body": rt("document", rt("paragraph",
                                                                                          rt_text(text)))}}
    source = json.dumps({"items": [entry("e1", "One", "First story."), entry("e2", "Two", "Second story.")],
                         "includes": {"Entry": [entry("a1", "Author", "Writes about ferries.")]}})
    assert [(block.article, block.text) for block in read("contentful", source).blocks] == [
        (1, "One"), (1, "First story."), (2, "Two"), (2, "Second story."),
    ]


# --- random inputs ----------------------------------------------------------------------

RUN_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
RUNS = st.lists(RUN_TEXT, min_size=1, max_size=4)
PARAGRAPHS = st.lists(RUNS, min_size=1, max_size=4)


def expected_texts(paragraphs: list[list[str]]) -> list[str]:
    return [text for runs in paragraphs if (text := "".join(runs).strip())]


@settings(max_examples=150, deadline=None)
@given(PARAGRAPHS, st.booleans(), st.sampled_from([None, 2]))
def test_random_ghost_posts_map_exactly(paragraphs: list[list[str]], ascii_only: bool, indent: int | None) -> None:
    post = ghost_post(*(element("paragraph", *(lexical_text(run, bold=i % 2 == 1) for i, run in enumerate(runs)))
                        for runs in paragraphs), title="T")
    source = json.dumps(post, ensure_ascii=ascii_only, indent=indent)
    document = read("ghost", source)
    assert [block.text for block in document.blocks[1:]] == expected_texts(paragraphs)
    for block in document.blocks:
        assert_exact_map(document, block, layers=2)
        assert isinstance(resolve(json.loads(source), block.pointer or ""), (dict, str))


@settings(max_examples=150, deadline=None)
@given(PARAGRAPHS, st.booleans(), st.sampled_from([None, 2]))
def test_random_portable_text_maps_exactly(paragraphs: list[list[str]], ascii_only: bool, indent: int | None) -> None:
    source = json.dumps({"_type": "post", "title": "T", "body": [
        pt_block(*(span(run, "strong") for run in runs)) for runs in paragraphs]}, ensure_ascii=ascii_only,
        indent=indent)
    document = read("sanity", source)
    assert [block.text for block in document.blocks[1:]] == expected_texts(paragraphs)
    for block in document.blocks:
        assert_exact_map(document, block)
        if block.kind.value == "paragraph":
            assert json.loads(source[slice(*block.extent)])["_type"] == "block"


@settings(max_examples=150, deadline=None)
@given(PARAGRAPHS, st.booleans(), st.sampled_from([None, 2]))
def test_random_rich_text_maps_exactly(paragraphs: list[list[str]], ascii_only: bool, indent: int | None) -> None:
    body = rt("document", *(rt("paragraph", *(rt_text(run, "italic") for run in runs)) for runs in paragraphs))
    source = json.dumps({"fields": {"title": "T", "body": body}}, ensure_ascii=ascii_only, indent=indent)
    document = read("contentful", source)
    assert [block.text for block in document.blocks[1:]] == expected_texts(paragraphs)
    for block in document.blocks:
        assert_exact_map(document, block)
