"""The HTML reader: visible text, block kinds, exact source maps, and no crash on any input."""

from __future__ import annotations

import gzip
import html
import time
from pathlib import Path

import pytest
from conftest import CORPUS, needs_shared
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document import Block, BlockKind, Document
from newslint.model import remove_block_fix
from newslint.readers import ReaderError
from newslint.readers.html import HtmlReader, read_html

WHITESPACE = " \t\n\r\f"


def read(source: str) -> Document:
    return HtmlReader().read("article.html", source)


def texts(source: str) -> list[str]:
    return [block.text for block in read(source).blocks]


def kinds(source: str) -> list[tuple[str, str]]:
    return [(block.kind.value, block.text) for block in read(source).blocks]


def source_of(document: Document, block: Block, start: int = 0, end: int | None = None) -> str:
    span = block.to_source(start, len(block.text) if end is None else end)
    return document.source[span[0]:span[1]]


def plain_runs(block: Block) -> list[tuple[int, int]]:
    """Maximal text spans whose characters map one to one onto consecutive source characters."""
    runs = []
    for segment in block.source_map.segments:
        if segment.is_linear:
            runs.append((segment.text_start, segment.text_end))
    return runs


def assert_exact_map(document: Document, block: Block) -> None:
    """Every character maps inside the source onto what it was read from."""
    source = document.source
    for start, end in plain_runs(block):
        for a in range(start, end):
            char, mapped = block.text[a], source[slice(*block.to_source(a, a + 1))]
            if char in WHITESPACE:  # a collapsed single white-space character
                assert mapped in tuple(WHITESPACE), (block.text, a)
            else:
                assert mapped == char, (block.text, a)
        words = [(a, b) for a, b in _word_spans(block.text, start, end)]
        for a, b in words:
            assert source[slice(*block.to_source(a, b))] == block.text[a:b]
    for segment in block.source_map.segments:
        assert 0 <= segment.source_start <= segment.source_end <= len(source)
        if segment.is_linear:
            continue
        raw = source[segment.source_start:segment.source_end]
        text = block.text[segment.text_start:segment.text_end]
        if text == " ":
            assert not html.unescape(raw).strip(WHITESPACE), repr(raw)
        elif text == "\n":
            assert raw.lower().startswith(("<br", "</br")), repr(raw)
        else:
            assert html.unescape(raw) == text, (raw, text)
    assert block.extent[0] <= block.to_source(0, 0)[0]
    assert block.to_source(0, len(block.text))[1] <= block.extent[1]


def _word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, position = [], start
    while position < end:
        while position < end and text[position] in WHITESPACE:
            position += 1
        stop = position
        while stop < end and text[stop] not in WHITESPACE:
            stop += 1
        if stop > position:
            spans.append((position, stop))
        position = stop
    return spans


# -- what becomes a block ---------------------------------------------------------

def test_block_kinds_of_an_article() -> None:
    source = """<!doctype html><html><head><title>Floods close the valley road | Daily Post</title>
<meta charset="utf-8"><style>p { color: red }</style><script>var t = "<p>not text</p>";</script></head>
<body><header><h1>Floods close the valley road</h1></header>
<p class="byline">By Ana Ortiz</p>
<p>Water rose  overnight.</p>
<h2>What happens next</h2>
<blockquote><p>We will reopen it soon.</p></blockquote>
<ul><li>Bring water</li><li>Stay home</li></ul>
<h1>A second h1</h1>
</body></html>"""
    document = read(source)
    assert kinds(source) == [
        ("headline", "Floods close the valley road"),
        ("byline", "By Ana Ortiz"),
        ("paragraph", "Water rose overnight."),
        ("heading", "What happens next"),
        ("quote", "We will reopen it soon."),
        ("list-item", "Bring water"),
        ("list-item", "Stay home"),
        ("heading", "A second h1"),
    ]
    assert dict(document.metadata)["title"] == "Floods close the valley road | Daily Post"
    for block in document.blocks:
        assert_exact_map(document, block)


def test_figure_alt_caption_and_credit() -> None:
    source = ('<figure>\n  <img src="ferry.jpg" alt="The ferry &amp; its crew\n   at dawn">\n'
              '  <figcaption>The ferry leaves Oban harbour. <span class="image-credit">Photo: Iain Bell</span>'
              '</figcaption>\n</figure>')
    document = read(source)
    assert kinds(source) == [
        ("alt", "The ferry & its crew at dawn"),
        ("caption", "The ferry leaves Oban harbour."),
        ("credit", "Photo: Iain Bell"),
    ]
    alt, caption, credit = document.blocks
    assert source_of(document, alt) == "The ferry &amp; its crew\n   at dawn"
    assert source_of(document, alt, 10, 11) == "&amp;"
    assert source[slice(*alt.extent)].startswith("<img ") and source[slice(*alt.extent)].endswith(">")
    assert source[slice(*credit.extent)] == '<span class="image-credit">Photo: Iain Bell</span>'
    # The credit is not part of the caption, and the caption can be removed without it.
    assert "Iain" not in caption.text
    assert "Iain" not in source[slice(*caption.extent)]


def test_credit_markers_only_inside_figures() -> None:
    inside = ('<div class="wp-caption"><img src="a.jpg">'
              '<p class="wp-caption-text">Rain in Leeds. <em class="copyright">PA</em></p></div>')
    assert kinds(inside) == [("caption", "Rain in Leeds."), ("credit", "PA")]
    outside = '<p>The data <span class="source">came from the council</span>.</p>'
    assert kinds(outside) == [("paragraph", "The data came from the council.")]
    container = ('<figure><div class="copyright-container">'
                 '<figcaption>Rain. <span class="credit">PA</span></figcaption></div></figure>')
    assert kinds(container) == [("caption", "Rain."), ("credit", "PA")]


def test_loose_text_in_containers_and_line_breaks() -> None:
    source = "<div>Loose text<p>A paragraph.</p>tail one<br>tail two<br> <br>after a blank line</div><td>cell</td>"
    assert kinds(source) == [
        ("paragraph", "Loose text"),
        ("paragraph", "A paragraph."),
        ("paragraph", "tail one\ntail two"),
        ("paragraph", "after a blank line"),
        ("other", "cell"),
    ]
    table = "<table><tr><td>Kabul<td>4.6m</tr></table>"
    assert kinds(table) == [("other", "Kabul"), ("other", "4.6m")]


def test_hidden_and_non_rendered_content_is_skipped() -> None:
    source = """<p>one</p><script>two()</script><style>.three{}</style><noscript>four</noscript>
<template><p>five</p></template><svg><text>six</text></svg><iframe>seven</iframe>
<div hidden>eight <div>nine</div></div><p style="display: none">ten</p><p>eleven</p>
<svg/><p>twelve</p><textarea>thirteen</textarea>"""
    assert texts(source) == ["one", "eleven", "twelve"]


def test_whitespace_collapses_across_tags_and_entities() -> None:
    source = "<p>\r\n  Water\t\t<b> rose </b>\r\n&#32;to&nbsp;3m   </p>"
    document = read(source)
    (block,) = document.blocks
    assert block.text == "Water rose to\xa03m"
    assert source_of(document, block, 5, 6) == "\t\t"  # the collapsed run
    assert source_of(document, block, 13, 14) == "&nbsp;"
    assert_exact_map(document, block)


def test_entities_crlf_non_ascii_and_emoji_round_trip() -> None:
    source = ("<p>Caf&eacute; owner \u00c9lodie said &ldquo;no&rdquo; &#x1F600; &#128512;\r\n"
              "and \U0001F30A waves &amp;c &ampfoo AT&T.</p>\r\n<p>Second\u00a0line \u4e2d\u6587</p>")
    document = read(source)
    first, second = document.blocks
    assert first.text == ("Caf\u00e9 owner \u00c9lodie said \u201cno\u201d \U0001F600 \U0001F600 "
                          "and \U0001F30A waves &c &foo AT&T.")
    assert source_of(document, first, 0, 4) == "Caf&eacute;"
    index = first.text.index("\U0001F30A")
    assert source_of(document, first, index, index + 1) == "\U0001F30A"
    assert source_of(document, first, first.text.index("waves"), len(first.text)) == "waves &amp;c &ampfoo AT&T."
    assert document.position(second.to_source(0, 0)[0]) == (3, 4)
    for block in document.blocks:
        assert_exact_map(document, block)


def test_extent_is_the_element_and_removing_it_removes_the_block() -> None:
    source = ("<div>\n<p>Keep this.</p>\n<p class=x>Loading...</p>\n"
              "<section>Lead <b>text</b> here<p>Para</p></section>\n</div>")
    document = read(source)
    _, loading, lead, _ = document.blocks
    assert source[slice(*loading.extent)] == "<p class=x>Loading...</p>"
    assert source[slice(*lead.extent)] == "Lead <b>text</b> here"
    fix = remove_block_fix(loading, "remove")
    edit = fix.edits[0]
    fixed = source[:edit.start] + source[edit.end:]
    assert texts(fixed) == ["Keep this.", "Lead text here", "Para"]


def test_implied_end_tags() -> None:
    assert texts("<p>one<p>two<div>three</div>four") == ["one", "two", "three", "four"]
    assert kinds("<ul><li>a<li>b<ul><li>c</ul>d</ul>") == [
        ("list-item", "a"), ("list-item", "b"), ("list-item", "c"), ("list-item", "d")]
    assert texts("<h2>Title<h3>Sub</h3>") == ["Title", "Sub"]
    assert texts("<dl><dt>term<dd>definition</dl>") == ["term", "definition"]


@pytest.mark.parametrize("source, expected", [
    ("<p>unclosed <b>bold <i>italic", ["unclosed bold italic"]),
    ("</div></p></li>stray end tags</span>", ["stray end tags"]),
    ('<p>truncated <a href="http://exa', ["truncated"]),
    ("<p>truncated in a name <spa", ["truncated in a name"]),
    ("<p>open comment <!-- never closed", ["open comment"]),
    ("<p>bad <![ marked ]]> section</p>", ["bad section"]),
    ("<p>a<![ ]]>b &amp; c</p><![ x]><p>Loading&hellip;</p>", ["ab & c", "Loading\u2026"]),
    ("<p>a < b & c &#xZZ; &#99999999;</p>", ["a < b & c &#xZZ; \ufffd"]),
    ('<img alt="unterminated', []),
    ("<p>x</p></body></html><p>after html</p>", ["x", "after html"]),
    ("<table><p>in table<td>cell</table>", ["in table", "cell"]),
    ("<<<>>><p>>>text<<</p>", ["<<<>>>", ">>text<<"]),
    ("<p/>self-closed p<div/>and div", ["self-closed p", "and div"]),
    ("<head><title/>text after a self-closed title", ["text after a self-closed title"]),
    ("<html><head><meta charset=utf-8>Text in the head<p>para", ["Text in the head", "para"]),
    ("", []),
    ("\ufeff  \r\n \u200b", []),
])
def test_broken_html_never_raises(source: str, expected: list[str]) -> None:
    document = read(source)
    assert [block.text for block in document.blocks] == expected
    for block in document.blocks:
        assert_exact_map(document, block)


def test_parser_failure_becomes_reader_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: object, i: int) -> int:
        raise AssertionError("unexpected state")

    monkeypatch.setattr("html.parser.HTMLParser.parse_starttag", broken)
    with pytest.raises(ReaderError, match="line 1, column 1: unexpected state"):
        read("<p>a<b>c</b></p>")


@pytest.mark.parametrize("opening, closing", [
    ("<div>", "</div>"), ("<b>", ""), ("<ul><li>", ""), ("<blockquote>", "</blockquote>"),
    ("<table><tr><td>", ""), ("<span class=credit><figure>", ""),
])
def test_deep_nesting_100000(opening: str, closing: str) -> None:
    depth = 100_000
    source = opening * depth + "deep text" + closing * depth + "<p>after</p>"
    document = read(source)
    texts_found = [block.text for block in document.blocks]
    assert "deep text" in texts_found[0] and texts_found[-1] == "after"
    deep = document.blocks[0]
    assert source_of(document, deep, 0, len("deep text")) == "deep text" or "deep" in source_of(document, deep)


@pytest.mark.parametrize("junk", ["<!--", "<a", "</", "<?", "<!", "<![CDATA[x", "<!-- -- >"])
def test_junk_that_made_the_standard_parser_quadratic(junk: str) -> None:
    source = "<p>start</p>" + junk * 50_000 + ">" + "<p>end</p>"
    began = time.perf_counter()
    read(source)
    read(junk * 50_000)
    assert time.perf_counter() - began < 5.0  # quadratic takes minutes at this size


# -- property: random markup maps exactly -------------------------------------------

WORDS = st.sampled_from(["Kabul", "caf\u00e9", "\u00c9lodie", "na\u00efve", "\U0001F600", "\u4e2d\u6587", "2.5m",
                         "x", "\u05e9\u05dc\u05d5\u05dd", "O'Neil", "\u201cquoted\u201d"])
ENTITIES = st.sampled_from(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&eacute;", "&#233;", "&#xE9;", "&nbsp;",
                            "&mdash;", "&#x1F600;", "&#128512;", "&amp", "&copy", "&NotEqualTilde;", "&#10;",
                            "&#32;", "&unknown;"])
SPACES = st.sampled_from([" ", "  ", "\n", "\r\n", "\t", " \r\n\t ", "\u00a0"])
TAGS = st.sampled_from(["<p>", "</p>", "<b>", "</b>", "<br>", "<br/>", "<div>", "</div>", "<li>", "</li>",
                        "<ul>", "</ul>", "<h1>", "</h1>", "<h2>", "</h2>", "<figure>", "</figure>",
                        "<figcaption>", "</figcaption>", '<span class="credit">', "</span>",
                        "<blockquote>", "</blockquote>", "<td>", "<table>", "</table>", "<!-- note -->",
                        "<script>if (a < b) x();</script>", "</stray>", "<a href='x'>", "</a>",
                        '<p class="byline">', "<hr>", "<title>t</title>", "<![ ]]>", "<![if x]>",
                        "<![CDATA[c]]>", "<!DOCTYPE html>", "<?pi?>", "<!bogus>", "<P>", "</P>", "</br>"])


@st.composite
def image_tags(draw: st.DrawFn) -> str:
    alt = draw(st.lists(st.one_of(WORDS, ENTITIES, SPACES), max_size=6))
    quote = draw(st.sampled_from(['"', "'"]))
    value = "".join(alt).replace(quote, "")
    return f"<img src=a.jpg alt={quote}{value}{quote} width=3>"


HTML_DOCUMENTS = st.lists(st.one_of(WORDS, WORDS, ENTITIES, SPACES, SPACES, TAGS, image_tags()),
                          max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(HTML_DOCUMENTS)
def test_every_block_maps_exactly_onto_random_markup(source: str) -> None:
    document = read(source)
    for block in document.blocks:
        assert block.text and block.text == block.text.strip(WHITESPACE)
        assert_exact_map(document, block)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["p", "div", "li", "h2", "blockquote", "b", "figcaption"]),
                          st.lists(WORDS, min_size=1, max_size=4)), max_size=12))
def test_visible_words_all_arrive_in_order(parts: list[tuple[str, list[str]]]) -> None:
    source = "".join(f"<{tag}>{' '.join(words)} <script>hidden()</script>" for tag, words in parts)
    expected = [word for _, words in parts for word in words]
    assert " ".join(texts(source)).split() == expected


# -- the real corpus ------------------------------------------------------------------

def _corpus_pages() -> list[Path]:
    readability = sorted(CORPUS.glob("readability/*/*.html"))
    gzipped = sorted(CORPUS.glob("newspaper/html/*.html.gz")) + sorted(
        CORPUS.glob("article-extraction-benchmark/html/*.html.gz"))
    return readability + gzipped


@needs_shared()
def test_reads_every_corpus_page() -> None:
    pages = _corpus_pages()
    assert len(pages) >= 598
    empty_expected = []
    for page in pages:
        opener = gzip.open if page.suffix == ".gz" else open
        with opener(page, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
            source = handle.read()
        blocks, _ = read_html(source)
        for block in blocks:
            assert 0 <= block.extent[0] <= block.extent[1] <= len(source)
            start, end = block.to_source(0, len(block.text))
            assert block.extent[0] <= start <= end <= block.extent[1]
        if page.name == "expected.html" and not blocks:
            empty_expected.append(page.parent.name)
    assert not empty_expected


@needs_shared()
def test_a_real_figure_keeps_caption_and_credit_apart() -> None:
    source = (CORPUS / "readability" / "engadget" / "expected.html").read_text(encoding="utf-8")
    document = read(source)
    captions = [block for block in document.blocks if block.kind is BlockKind.CAPTION]
    assert captions
    for block in document.blocks:
        assert_exact_map(document, block)
