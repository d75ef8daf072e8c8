"""The Markdown reader: CommonMark blocks, inline text found back in the source, raw HTML."""

from __future__ import annotations

import html
import re

import pytest
from conftest import CORPUS, needs_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import Block, Document
from newslint.model import remove_block_fix
from newslint.readers.markdown import MarkdownReader

ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")


def read(source: str) -> Document:
    return MarkdownReader().read("article.md", source)


def kinds(source: str) -> list[tuple[str, str]]:
    return [(block.kind.value, block.text) for block in read(source).blocks]


def source_of(document: Document, block: Block, start: int = 0, end: int | None = None) -> str:
    span = block.to_source(start, len(block.text) if end is None else end)
    return document.source[span[0]:span[1]]


def assert_exact_map(document: Document, block: Block) -> None:
    """Plain text maps character for character; every other unit decodes to its text."""
    source = document.source
    for segment in block.source_map.segments:
        assert 0 <= segment.source_start <= segment.source_end <= len(source)
        text = block.text[segment.text_start:segment.text_end]
        raw = source[segment.source_start:segment.source_end]
        if segment.is_linear:
            for a in range(segment.text_start, segment.text_end):
                mapped = source[slice(*block.to_source(a, a + 1))]
                # a soft line break is a space in the text
                assert mapped == block.text[a] or (block.text[a] == " " and mapped in "\r\n"), (raw, text)
        elif text == " ":  # a soft line break, or white space collapsed in raw HTML
            assert not html.unescape(raw).strip(" \t\r\n\f"), repr(raw)
        elif text == "\n":  # a hard line break
            assert raw.strip(" \t\r\n") in ("", "\\") or raw.lower().startswith("<br"), repr(raw)
        else:  # an entity or a backslash escape
            assert html.unescape(ESCAPE.sub(lambda m: m.group()[1], raw)) == text, (raw, text)
    for a, b in _word_spans(block.text):
        assert source[slice(*block.to_source(a, b))] == block.text[a:b] or not _is_plain(block, a, b)
    assert block.extent[0] <= block.to_source(0, 0)[0]
    assert block.to_source(0, len(block.text))[1] <= block.extent[1]


def _word_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in re.finditer(r"\S+", text)]


def _is_plain(block: Block, start: int, end: int) -> bool:
    """The span lies inside one character-for-character segment."""
    return any(seg.is_linear and seg.text_start <= start and end <= seg.text_end
               for seg in block.source_map.segments)


def test_block_kinds() -> None:
    source = """# Ferry service cut for winter

The operator said *on Monday* that crossings would halve.

## Why now

> Fuel costs have doubled,
> a spokesman said.

- First item
- Second item
  1. Nested item

Setext heading
--------------

```
Loading... inside code is not prose
```

    indented code is not prose either

# Another level-one heading
"""
    assert kinds(source) == [
        ("headline", "Ferry service cut for winter"),
        ("paragraph", "The operator said on Monday that crossings would halve."),
        ("heading", "Why now"),
        ("quote", "Fuel costs have doubled, a spokesman said."),
        ("list-item", "First item"),
        ("list-item", "Second item"),
        ("list-item", "Nested item"),
        ("heading", "Setext heading"),
        ("heading", "Another level-one heading"),
    ]
    document = read(source)
    for block in document.blocks:
        assert_exact_map(document, block)


def test_front_matter_is_skipped_and_its_title_kept() -> None:
    source = "---\r\ntitle: \"Ferry cut\"\r\ntags: [transport]\r\n---\r\n\r\nBody text.\r\n"
    document = read(source)
    assert [(b.kind.value, b.text) for b in document.blocks] == [("paragraph", "Body text.")]
    assert dict(document.metadata) == {"title": "Ferry cut"}
    assert document.position(document.blocks[0].to_source(0, 0)[0]) == (6, 1)
    assert kinds("Not front matter\n---\n\ntext") == [("heading", "Not front matter"), ("paragraph", "text")]


def test_image_alt_text_and_the_emphasised_caption_below() -> None:
    source = ('![Fishing boats in the harbour &amp; the *old* pier](boats.jpg "Portvale")\n\n'
              "*Boats sheltered in Portvale on Monday.*\n\n"
              "*Emphasis alone, with no image above, is a paragraph.*\n\n"
              "![A crane](crane.jpg)\n*A crane lifts a boat.*\n")
    document = read(source)
    assert kinds(source) == [
        ("alt", "Fishing boats in the harbour & the old pier"),
        ("caption", "Boats sheltered in Portvale on Monday."),
        ("paragraph", "Emphasis alone, with no image above, is a paragraph."),
        ("alt", "A crane"),
        ("caption", "A crane lifts a boat."),
    ]
    alt = document.blocks[0]
    assert source_of(document, alt) == "Fishing boats in the harbour &amp; the *old* pier"
    assert source[slice(*alt.extent)] == '![Fishing boats in the harbour &amp; the *old* pier](boats.jpg "Portvale")'


def test_raw_html_figure_inside_markdown() -> None:
    source = ("Intro paragraph.\r\n\r\n"
              '<figure>\r\n<img src="a.jpg" alt="Rescuers &amp; volunteers">\r\n'
              '<figcaption>Rescuers reach the village. <span class="credit">Reuters</span></figcaption>\r\n'
              "</figure>\r\n\r\n"
              "- item with html:\r\n\r\n"
              '  <p class="byline">By Ana Ortiz</p>\r\n')
    document = read(source)
    assert kinds(source) == [
        ("paragraph", "Intro paragraph."),
        ("alt", "Rescuers & volunteers"),
        ("caption", "Rescuers reach the village."),
        ("credit", "Reuters"),
        ("list-item", "item with html:"),
        ("byline", "By Ana Ortiz"),
    ]
    alt, caption, credit, byline = (document.blocks[i] for i in (1, 2, 3, 5))
    assert source_of(document, alt, 9, 10) == "&amp;"
    assert source[slice(*credit.extent)] == '<span class="credit">Reuters</span>'
    assert source_of(document, caption) == "Rescuers reach the village."
    assert source[slice(*byline.extent)] == '<p class="byline">By Ana Ortiz</p>'
    for block in document.blocks:
        assert_exact_map(document, block)


def test_entities_escapes_crlf_and_emoji_round_trip() -> None:
    source = ("AT&amp;T paid \\*nothing\\* \u2014 caf\u00e9 \U0001F600 &#x1F30A; "
              "[the report](http://x.org/report \"report\")\r\n"
              "report `code  span` and\\\r\nhard  \r\nbreaks\r\n")
    document = read(source)
    (block,) = document.blocks
    assert block.text == ("AT&T paid *nothing* \u2014 caf\u00e9 \U0001F600 \U0001F30A the report report code  span and"
                          "\nhard\nbreaks")
    assert source_of(document, block, 2, 3) == "&amp;"
    assert source_of(document, block, 10, 11) == "\\*"
    index = block.text.index("\U0001F30A")
    assert source_of(document, block, index, index + 1) == "&#x1F30A;"
    # The word after the link is found after the link's destination, not inside it.
    second = block.text.index("report", block.text.index("the report") + len("the report"))
    start, _ = block.to_source(second, second + 6)
    assert source[:start].endswith('"report")\r\n')
    assert document.position(start) == (2, 1)
    assert_exact_map(document, block)


def test_extent_is_the_block_lines() -> None:
    source = "Keep.\n\n- Loading...\n- Keep too\n\n> quoted\n> lines\n"
    document = read(source)
    loading = document.blocks[1]
    assert source[slice(*loading.extent)] == "- Loading..."
    assert source[slice(*document.blocks[3].extent)] == "> quoted\n> lines"
    edit = remove_block_fix(loading, "remove").edits[0]
    remaining = read(source[:edit.start] + source[edit.end:]).blocks
    assert [b.text for b in remaining] == ["Keep.", "Keep too", "quoted lines"]


@pytest.mark.parametrize("source", [
    "> " * 100_000 + "deep\n",
    "- " * 20_000 + "deep\n",
    "[" * 50_000 + "x" + "]" * 50_000,
    "![" * 10_000 + "x" + "](y)" * 10_000,
    "<div>" * 100_000 + "x",
    "*" * 100_000,
    "`" * 100_001 + "\n",
    "&amp" * 20_000,
    "\\" * 100_000,
    "---\n" * 10_000,
    "\x00 nul \r lone CR \r\n\ufeff",
])
def test_pathological_input_never_raises(source: str) -> None:
    document = read(source)
    for block in document.blocks:
        assert 0 <= block.extent[0] <= block.extent[1] <= len(source)
        start, end = block.to_source(0, len(block.text))
        assert 0 <= start <= end <= len(source)


# -- property: random Markdown maps exactly ---------------------------------------------

WORDS = st.sampled_from(["Kabul", "caf\u00e9", "\u00c9lodie", "\U0001F600", "\u4e2d\u6587", "2.5m", "x",
                         "O'Neil", "\u201cquoted\u201d", "a-b"])
INLINE = st.one_of(
    WORDS, WORDS, WORDS,
    st.sampled_from([" ", " ", "  ", "\\*", "\\_", "\\[", "\\#", "&amp;", "&eacute;", "&#233;", "&#x1F600;",
                     "&copy;", "\\\\"]),
    WORDS.map(lambda w: f"*{w}*"), WORDS.map(lambda w: f"**{w}**"), WORDS.map(lambda w: f"`{w}`"),
    WORDS.map(lambda w: f"[{w}](http://example.org/{w})"), WORDS.map(lambda w: f"![{w}](p.jpg)"),
    WORDS.map(lambda w: f"<span>{w}</span>"),
)
LINE = st.lists(INLINE, min_size=1, max_size=8).map(lambda parts: " ".join(parts))
BLOCK = st.one_of(
    LINE, LINE.map(lambda line: "# " + line), LINE.map(lambda line: "## " + line),
    st.lists(LINE, min_size=1, max_size=3).map("\n".join),
    st.lists(LINE, min_size=1, max_size=3).map(lambda lines: "\n".join("> " + line for line in lines)),
    st.lists(LINE, min_size=1, max_size=3).map(lambda lines: "\n".join("- " + line for line in lines)),
    st.lists(LINE, min_size=1, max_size=2).map(lambda lines: "  \n".join(lines)),
    LINE.map(lambda line: f'<figure><img alt="{html.escape(line)}">'
                          f'<figcaption>{html.escape(line)}</figcaption></figure>'),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(BLOCK, max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_every_block_maps_exactly_onto_random_markdown(blocks: list[str], newline: str) -> None:
    source = (newline * 2).join(blocks).replace("\n", newline) + newline
    document = read(source)
    for block in document.blocks:
        assert block.text == block.text.strip()
        assert_exact_map(document, block)


@needs_shared()
def test_reads_real_plain_text_articles_as_markdown() -> None:
    for path in sorted((CORPUS / "polnear-dev" / "text").glob("*.txt")):
        document = read(path.read_text(encoding="utf-8"))
        assert document.blocks, path.name
        for block in document.blocks:
            assert_exact_map(document, block)
