"""NITF and NewsML-G2: block kinds, exact positions through entities and CDATA, element
pointers, collections of items, strict parsing, the XML declaration's encoding, and fixes
that keep the XML well-formed."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.decode import decode
from newslint.document import Block, BlockKind, Document
from newslint.readers import ReaderError
from newslint.readers.xml import NewsMLG2Reader, NitfReader

CMS = Path(__file__).resolve().parents[2] / "examples" / "cms"
SAMPLES = ("nitf.xml", "newsml-g2.xml")
G2 = "http://iptc.org/std/nar/2006-10-01/"
_XML_REFERENCE = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")


def xml_unescape(raw: str) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("#x"):
            return chr(int("0" + name[1:], 0))  # "#x2019": hexadecimal
        if name.startswith("#"):
            return chr(int(name[1:]))
        return {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}[name]
    return _XML_REFERENCE.sub(one, raw)


def assert_exact_map(document: Document, block: Block, *, html_inside: bool = False) -> None:
    """Every piece of the block's text is exactly the source it maps onto, decoded."""
    source = document.source
    for segment in block.source_map.segments:
        assert 0 <= segment.source_start <= segment.source_end <= len(source)
        text = block.text[segment.text_start:segment.text_end]
        raw = source[segment.source_start:segment.source_end]
        if segment.is_linear:
            for offset, character in enumerate(text):
                mapped = raw[offset]
                assert mapped == character or (character == " " and mapped in " \t\r\n"), (raw, text)
        else:
            meaning = xml_unescape(raw)
            if html_inside:
                meaning = html.unescape(meaning)
            if text in (" ", "\n"):  # collapsed white space, or a <br/>
                assert not meaning.strip() or re.fullmatch(r"<br\s*/>", meaning), repr(raw)
            else:
                assert meaning == text, (raw, text)
    start, end = block.to_source(0, len(block.text))
    assert block.extent[0] <= start <= end <= block.extent[1]
    # Removing the block's extent leaves well-formed XML.
    ElementTree.fromstring(source[:block.extent[0]] + source[block.extent[1]:])


def read(name: str) -> Document:
    source = (CMS / name).read_text(encoding="utf-8")
    reader = NitfReader() if name.startswith("nitf") else NewsMLG2Reader()
    assert reader.matches(source)
    return reader.read(name, source)


def findings(path: Path, *args: str) -> list[dict]:
    return json.loads(run_cli("check", "--no-cache", "--format", "json", *args, str(path)).stdout)["findings"]


def flagged(path: Path) -> list[tuple[str, str]]:
    source = path.read_text(encoding="utf-8")
    document = (NitfReader() if path.name.startswith("nitf") else NewsMLG2Reader()).read(str(path), source) \
        if path.suffix == ".xml" else None
    pairs = []
    for finding in findings(path):
        text = source[finding["start"]:finding["end"]]
        if document is not None:  # the flagged text as the reader decoded it
            block = next(b for b in document.blocks if b.extent[0] <= finding["start"] <= finding["end"] <= b.extent[1])
            text = xml_unescape(re.sub(r"<[^>]*>", "", text))  # inline markup inside the flagged span
            assert block.pointer is not None and finding["pointer"] == block.pointer
        pairs.append((finding["code"], " ".join(text.split())))
    return pairs


# --- the samples -------------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLES)
def test_each_sample_gives_the_plain_text_findings(name: str) -> None:
    assert flagged(CMS / name) == flagged(CMS / "article.txt")


@pytest.mark.parametrize("name", SAMPLES)
def test_every_block_of_the_samples_maps_exactly(name: str) -> None:
    document = read(name)
    assert document.blocks
    for block in document.blocks:
        assert_exact_map(document, block)
        assert block.pointer is not None and re.fullmatch(r"(/[0-9]+)+", block.pointer)


@pytest.mark.parametrize("name", SAMPLES)
def test_the_samples_read_the_article_text(name: str) -> None:
    document = read(name)
    text = [block for block in document.blocks if block.kind is not BlockKind.SUMMARY]
    plain = [line for line in (CMS / "article.txt").read_text(encoding="utf-8").splitlines() if line]
    assert [block.text for block in text] == plain
    headlines = [block.text for block in document.blocks if block.kind is BlockKind.HEADLINE]
    assert headlines == [plain[0]]


def _pointer_element(root: ElementTree.Element, pointer: str) -> ElementTree.Element:
    element = root
    for step in pointer.strip("/").split("/"):
        element = list(element)[int(step)]
    return element


@pytest.mark.parametrize("name", SAMPLES)
def test_a_pointer_names_its_element(name: str) -> None:
    document = read(name)
    root = ElementTree.fromstring(document.source)
    for block in document.blocks:
        element = _pointer_element(root, block.pointer or "")
        assert block.text.split()[0] in " ".join(element.itertext()) + " " + " ".join(element.attrib.values())


@pytest.mark.parametrize("name", SAMPLES)
def test_fix_removes_the_elements_and_keeps_the_xml_well_formed(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copy(CMS / name, path)
    original = path.read_text(encoding="utf-8")
    fixable = [finding for finding in findings(path) if finding["fixable"]]
    assert {finding["code"] for finding in fixable} == {"NL101", "NL102", "NL201"}
    run_cli("check", "--no-cache", "--fix", str(path))
    fixed = path.read_text(encoding="utf-8")
    ElementTree.fromstring(fixed)
    # Each fixed block was an element alone on its line: exactly those lines went.
    removed_lines = {original.count("\n", 0, finding["start"]) for finding in fixable}
    expected = "".join(line for number, line in enumerate(original.splitlines(keepends=True))
                       if number not in removed_lines)
    assert fixed == expected
    assert findings(path) and all(not finding["fixable"] for finding in findings(path))


# --- NITF mapping --------------------------------------------------------------------

NITF = """<?xml version="1.0"?>
<nitf>
  <head><title>Quay &amp; bridge shut</title>
    <docdata><correction info="An earlier version misspelt &quot;Ellsmere&quot;."/></docdata></head>
  <body>
    <body.head>
      <hedline><hl1>Quay &amp; bridge shut</hl1><hl2>Walkers face a long detour</hl2></hedline>
      <note><body.content><p>This story has been updated.</p></body.content></note>
      <byline>By <person>Ann Lee</person></byline>
      <abstract><p>The footbridge is shut.</p><hl2>Until August</hl2></abstract>
      <dateline><location>ELLSMERE</location></dateline>
    </body.head>
    <body.content>
      <p>The <org>Port Authority</org> has <em>closed</em> the bridge, said caf&#233; owner Ilse&#x20;Brandt.</p>
      <media><media-reference source="a.jpg" alternate-text="The bridge &amp; its supports"/>
        <media-caption>The bridge on Tuesday.</media-caption><media-producer>Photo: Mara</media-producer></media>
      <bq><block><p>We were not told.</p></block><credit>Ilse Brandt</credit></bq>
      <blockquote>Shut all summer.</blockquote>
      <block><p>Signs went up.</p><p>Maps are <![CDATA[handed <out>]]> too.</p></block>
      <ol><li>Quay road</li><li>Ferry <b>shuttle</b></li></ol>
      <hl2>What next</hl2>
      <p>Line one<br/>line two</p>
    </body.content>
  </body>
</nitf>"""


def test_nitf_fields_and_body_map_to_block_kinds() -> None:
    document = NitfReader().read("a.xml", NITF)
    assert [(block.kind, block.text) for block in document.blocks] == [
        (BlockKind.SUMMARY, "Quay & bridge shut"),  # head/title: an alternate headline beside hl1
        (BlockKind.OTHER, 'An earlier version misspelt "Ellsmere".'),
        (BlockKind.HEADLINE, "Quay & bridge shut"),
        (BlockKind.SUMMARY, "Walkers face a long detour"),
        (BlockKind.OTHER, "This story has been updated."),
        (BlockKind.BYLINE, "By Ann Lee"),
        (BlockKind.SUMMARY, "The footbridge is shut."),
        (BlockKind.SUMMARY, "Until August"),
        (BlockKind.PARAGRAPH, "The Port Authority has closed the bridge, said café owner Ilse Brandt."),
        (BlockKind.ALT_TEXT, "The bridge & its supports"),
        (BlockKind.CAPTION, "The bridge on Tuesday."),
        (BlockKind.CREDIT, "Photo: Mara"),
        (BlockKind.QUOTE, "We were not told."),
        (BlockKind.CREDIT, "Ilse Brandt"),
        (BlockKind.QUOTE, "Shut all summer."),
        (BlockKind.PARAGRAPH, "Signs went up."),
        (BlockKind.PARAGRAPH, "Maps are handed <out> too."),
        (BlockKind.LIST_ITEM, "Quay road"),
        (BlockKind.LIST_ITEM, "Ferry shuttle"),
        (BlockKind.HEADING, "What next"),
        (BlockKind.PARAGRAPH, "Line one\nline two"),
    ]
    for block in document.blocks:
        assert_exact_map(document, block)
    paragraph = document.blocks[8]
    assert NITF[slice(*paragraph.extent)].startswith("<p>The <org>") and paragraph.extent[1] == \
        NITF.index("Brandt.</p>") + len("Brandt.</p>")
    cafe = paragraph.text.index("café")
    assert NITF[slice(*paragraph.to_source(cafe + 3, cafe + 4))] == "&#233;"
    assert NITF[slice(*paragraph.to_source(cafe, cafe + 4))] == "caf&#233;"


def test_without_a_hedline_the_title_is_the_headline() -> None:
    source = "<nitf><head><title>Bridge shut</title></head><body><body.content><p>Text here.</p>" \
             "</body.content></body></nitf>"
    kinds = [block.kind for block in NitfReader().read("a.xml", source).blocks]
    assert kinds == [BlockKind.HEADLINE, BlockKind.PARAGRAPH]


def test_text_loose_in_a_container_is_a_paragraph_mapped_onto_its_text() -> None:
    source = "<nitf><body><body.content><block>Loose <em>text</em> here<p>Para.</p>tail</block>" \
             "</body.content></body></nitf>"
    document = NitfReader().read("a.xml", source)
    assert [block.text for block in document.blocks] == ["Loose text here", "Para.", "tail"]
    assert source[slice(*document.blocks[0].extent)] == "Loose <em>text</em> here"
    for block in document.blocks:
        assert_exact_map(document, block)


def test_the_root_element_is_never_a_blocks_extent() -> None:
    source = "<nitf>Only text.</nitf>"
    block, = NitfReader().read("a.xml", source).blocks
    assert block.extent == (6, 16) and block.pointer == ""


# --- NewsML-G2 ---------------------------------------------------------------------


def _item(headline: str, body: str) -> str:
    return (f'<newsItem guid="urn:x:{abs(hash(headline))}"><contentMeta><headline>{headline}</headline>'
            f'</contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml">'
            f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html></inlineXML></contentSet>'
            f'</newsItem>')


CAPTIONED = ("<p>Engineers finished the harbour wall on Thursday, a month early.</p><figure>"
             "<figcaption>The new harbour wall at high tide on Thursday.</figcaption></figure>")
REPEATS_IT = "<p>The new harbour wall at high tide on Thursday.</p><p>Loading...</p>"


def test_a_news_message_is_checked_item_by_item(tmp_path: Path) -> None:
    path = tmp_path / "message.xml"
    path.write_text(f'<newsMessage xmlns="{G2}"><header><sent>2026-05-12T07:00:00Z</sent></header><itemSet>'
                    + _item("Harbour wall repaired", CAPTIONED) + _item("Tide tables for May", REPEATS_IT)
                    + "</itemSet></newsMessage>", encoding="utf-8")
    document = NewsMLG2Reader().read(str(path), path.read_text(encoding="utf-8"))
    assert {block.article for block in document.blocks} == {1, 2}
    assert next(block.kind for block in document.blocks if block.article == 2) is BlockKind.HEADLINE
    # Item 2 repeats item 1's caption: across two items that is no duplicate (NL201).
    assert [(f["code"], f["pointer"]) for f in findings(path)] == [("NL101", "/1/1/1/0/0/0/1")]


def test_one_item_still_compares_its_caption_with_its_body(tmp_path: Path) -> None:
    path = tmp_path / "item.xml"
    path.write_text(_item("Harbour wall repaired", CAPTIONED + REPEATS_IT).replace(
        "<newsItem ", f'<newsItem xmlns="{G2}" '), encoding="utf-8")
    assert {f["code"] for f in findings(path)} == {"NL201", "NL101"}
    assert {block.article for block in NewsMLG2Reader().read("a", path.read_text(encoding="utf-8")).blocks} == {0}


def test_g2_reads_inline_nitf_and_only_the_first_rendition() -> None:
    source = (f'<newsItem xmlns="{G2}"><contentMeta><headline>Bridge shut</headline>'
              "<description>Walkers face a detour.</description><creditline>Ellsmere Gazette</creditline>"
              "<by>Ann Lee</by></contentMeta><contentSet>"
              '<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">'
              "<body><body.head><hedline><hl1>Bridge shut</hl1></hedline></body.head><body.content>"
              "<p>The bridge is shut.</p></body.content></body></nitf></inlineXML>"
              '<inlineXML contenttype="application/xhtml+xml"><html><body><p>The bridge is shut.</p></body></html>'
              "</inlineXML></contentSet></newsItem>")
    document = NewsMLG2Reader().read("a.xml", source)
    assert [(block.kind, block.text) for block in document.blocks] == [
        (BlockKind.HEADLINE, "Bridge shut"),
        (BlockKind.SUMMARY, "Walkers face a detour."),
        (BlockKind.BYLINE, "Ellsmere Gazette"),
        (BlockKind.BYLINE, "Ann Lee"),
        (BlockKind.SUMMARY, "Bridge shut"),  # hl1 of the inline NITF: an alternate headline
        (BlockKind.PARAGRAPH, "The bridge is shut."),
    ]


def test_g2_inline_data_holding_escaped_html_maps_through_both_escapes() -> None:
    source = (f'<newsItem xmlns="{G2}"><contentMeta><headline>Bridge shut</headline></contentMeta><contentSet>'
              '<inlineData contenttype="text/html">&lt;p&gt;Caf&amp;eacute; &amp;amp; quay&lt;/p&gt;'
              "&lt;p&gt;Loading...&lt;/p&gt;</inlineData></contentSet></newsItem>")
    document = NewsMLG2Reader().read("a.xml", source)
    assert [block.text for block in document.blocks] == ["Bridge shut", "Café & quay", "Loading..."]
    for block in document.blocks:
        assert_exact_map(document, block, html_inside=True)
    assert source[slice(*document.blocks[2].extent)] == "&lt;p&gt;Loading...&lt;/p&gt;"


# --- reader choice and input errors ---------------------------------------------------


def test_readers_are_chosen_by_root(tmp_path: Path) -> None:
    nitf, g2 = tmp_path / "a.xml", tmp_path / "b.xml"
    shutil.copy(CMS / "nitf.xml", nitf)
    shutil.copy(CMS / "newsml-g2.xml", g2)
    result = json.loads(run_cli("check", "--no-cache", "--format", "json", str(nitf), str(g2)).stdout)
    plain = json.loads(run_cli("check", "--no-cache", "--format", "json", str(CMS / "article.txt")).stdout)
    assert not result["errors"] and len(result["findings"]) == 2 * len(plain["findings"])
    listing = run_cli("readers").stdout
    assert "nitf" in listing and "newsml-g2" in listing


@pytest.mark.parametrize(("content", "message"), [
    ("<nitf><body><p>Unclosed</body></nitf>", "malformed XML at line 1, column 26: mismatched tag"),
    ("<nitf>\n<body>\n  <p>a &nbsp; b</p></body></nitf>", "malformed XML at line 3, column 8: undefined entity"),
    ('<?xml version="1.0"?>\n<!DOCTYPE nitf [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n<nitf>&b;</nitf>',
     "refused at line 2, column 1: a DOCTYPE with an internal subset"),
    ('<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">\n<nitf><body><p>&secret;</p></body></nitf>',
     "refused at line 2, column 16: entity '&secret;' is not defined"),
    ("<nitf><body><x:p>Text.</x:p></body></nitf>", "malformed XML at line 1, column 13: unbound prefix"),
    ('<?xml version="1.0" encoding="UT-8"?><nitf><p>Text.</p></nitf>', "page declares unknown charset 'ut-8'"),
    ("<nitf><head><title>  </title></head></nitf>", "no article text"),
    ("<rss><channel><title>Feed</title></channel></rss>", "no reader recognises this file's shape"),
    (f'<packageItem xmlns="{G2}"><groupSet><group><itemRef residref="x"/></group></groupSet></packageItem>',
     "no newsItem in it"),
])
def test_unreadable_xml_is_one_line_and_exit_2(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    result = run_cli("check", "--no-cache", str(path))
    assert result.exit_code == 2
    assert message in result.output and len(result.output.strip().splitlines()) == 1, result.output


def test_a_reader_error_is_raised_not_a_traceback() -> None:
    with pytest.raises(ReaderError, match="line 1, column 8: not well-formed"):
        NitfReader().read("a.xml", "<nitf><</nitf>")


def test_deep_nesting_is_no_recursion_error() -> None:
    depth = 20000
    source = "<nitf><body><body.content>" + "<block>" * depth + "<p>Deep.</p>" + "</block>" * depth + \
             "</body.content></body></nitf>"
    assert [block.text for block in NitfReader().read("a.xml", source).blocks] == ["Deep."]


# --- encodings -----------------------------------------------------------------------

LATIN1 = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<nitf><body><body.content><p>Malmö ferry</p>' \
         "</body.content></body></nitf>"


def test_decode_honours_the_xml_declaration() -> None:
    assert decode(LATIN1.encode("latin-1"), html=True).text == LATIN1
    koi8 = '<?xml version="1.0" encoding="koi8-r"?><nitf><p>Привет</p></nitf>'
    assert decode(koi8.encode("koi8-r"), html=True).text == koi8
    assert decode('<?xml version="1.0"?><nitf>é</nitf>'.encode(), html=True).encoding == "utf-8"


def test_a_latin1_nitf_file_is_read_and_fixed_in_its_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin1.xml"
    path.write_bytes(LATIN1.replace("</body.content>", "<p>Loading...</p></body.content>").encode("latin-1"))
    found = findings(path)
    line = LATIN1.splitlines()[1].replace("</body.content>", "<p>Loading...</p></body.content>")
    assert [f["code"] for f in found] == ["NL101"] and found[0]["column"] == line.index("Loading") + 1
    run_cli("check", "--no-cache", "--fix", str(path))
    assert path.read_bytes() == LATIN1.encode("latin-1")


# --- exact maps on generated input ------------------------------------------------------

_PIECES = st.one_of(
    st.text(alphabet="abcé ’\n\t", min_size=1, max_size=6).map(lambda text: (text, text)),
    st.sampled_from([("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'"),
                     ("&#233;", "é"), ("&#x2019;", "\u2019"), ("&#32;", " "), ("&#x1F600;", "\U0001F600")]),
    st.text(alphabet="ab <&>]", min_size=1, max_size=5).filter(lambda text: "]]>" not in text)
      .map(lambda text: (f"<![CDATA[{text}]]>", text)),
    st.text(alphabet="xyz ", min_size=1, max_size=4).map(lambda text: (f"<em>{text}</em>", text)),
    st.just(("<!-- note -->", "")),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=8), min_size=1, max_size=4))
def test_generated_paragraphs_map_exactly(paragraphs: list[list[tuple[str, str]]]) -> None:
    body = "".join("<p>" + "".join(raw for raw, _ in pieces) + "</p>\n" for pieces in paragraphs)
    source = f"<nitf><body><body.content>\n{body}</body.content></body></nitf>"
    document = NitfReader().read("a.xml", source) if any(
        "".join(text for _, text in pieces).strip(" \t\n\r") for pieces in paragraphs) else None
    if document is None:
        return
    expected = [" ".join(re.split(r"[ \t\n\r]+", "".join(text for _, text in pieces).strip(" \t\n\r")))
                for pieces in paragraphs]
    assert [block.text for block in document.blocks] == [text for text in expected if text]
    for block in document.blocks:
        assert_exact_map(document, block)
        assert source[slice(*block.extent)].startswith("<p>") and source[slice(*block.extent)].endswith("</p>")
