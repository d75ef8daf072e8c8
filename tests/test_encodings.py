"""Encodings and line ends: what is accepted, what is refused, and exact positions either way.

Columns count characters (code points), never bytes; CRLF, CR and LF each end one
line; a byte-order mark is not a character of the article. Decoding is exact both
ways, so a fixed file is written back in the encoding it came in, byte for byte
outside the edits.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.decode import InputError, decode
from newslint.engine import check_bytes
from newslint.model import RuleDoc, RuleSpec, Severity
from newslint.plugins import plugin_manager
from newslint.registry import build_registry
from newslint.rules.artifacts.pattern import pattern_rule

REGISTRY = build_registry(plugin_manager(load_entry_points=False))
MARKER = pattern_rule(RuleSpec(
    code="XE001", name="marker", kind="pattern", severity=Severity.ERROR, message="marker",
    doc=RuleDoc("test"), options={"patterns": ["TK"]},
))

# Line 5 has "TK" after two-byte, three-byte and four-byte UTF-8 characters and a tab.
LINES = [
    "Ferry fares rise in the valley",
    "",
    "Operators said fares would rise by 4 per cent from March.",
    "",
    "Café\t😀 naïve — TK here, and TK again",
]
TK_COLUMNS = [16, 29]  # 1-based, in characters: "Café\t😀 naïve — " is 15 characters


def _positions(data: bytes, path: str = "a.txt") -> list[tuple[int, int, int, int]]:
    result = check_bytes(path, data, REGISTRY, [MARKER])
    assert result.error is None, result.error
    return [(item.line, item.column, item.end_line, item.end_column) for item in result.findings]


EXPECTED = [(5, column, 5, column + 2) for column in TK_COLUMNS]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_columns_count_characters_and_line_ends_do_not_shift_them(newline: str) -> None:
    text = newline.join(LINES) + newline
    assert _positions(text.encode("utf-8")) == EXPECTED


def test_mixed_line_ends_each_end_one_line() -> None:
    text = "Ferry fares rise\r\n\rOperators said so.\n\r\nCafé TK"
    # lines: 1 "Ferry fares rise", 2 "", 3 "Operators said so.", 4 "", 5 "Café TK"
    assert _positions(text.encode()) == [(5, 6, 5, 8)]


def test_offsets_point_at_the_characters_found() -> None:
    text = "\r\n".join(LINES)
    result = check_bytes("a.txt", text.encode(), REGISTRY, [MARKER])
    assert [text[item.finding.start:item.finding.end] for item in result.findings] == ["TK", "TK"]


@pytest.mark.parametrize(("encoding", "bom"), [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE),
    ("utf-32-be", codecs.BOM_UTF32_BE),
])
def test_same_positions_in_every_unicode_encoding(encoding: str, bom: bytes) -> None:
    """The BOM is not a column: line 1 column 1 is the first character after it."""
    for newline in ("\n", "\r\n"):
        text = newline.join(["TK at the start", *LINES[1:]])
        assert _positions(bom + text.encode(encoding)) == [(1, 1, 1, 3), *EXPECTED]


def test_utf16_without_a_bom_is_refused_not_misread() -> None:
    with pytest.raises(InputError, match="NUL"):
        decode("Ferry fares rise".encode("utf-16-le"))


def test_undeclared_latin1_is_refused_with_the_byte_offset() -> None:
    data = "Ferry fares rise in Malmö".encode("latin-1")
    result = check_bytes("a.txt", data, REGISTRY, REGISTRY.rules)
    assert result.error is not None and result.error.startswith(f"not valid utf-8 at byte {len(data) - 1}")
    assert not result.crashed


def test_invalid_utf8_after_a_bom_counts_the_bom_in_the_byte_offset() -> None:
    with pytest.raises(InputError, match="at byte 5"):
        decode(codecs.BOM_UTF8 + b"ab\xff")


# --- HTML: the page's declared charset ------------------------------------------------

LATIN1_PAGE = "<p>Malmö’s ferry \u201cfares\u201d rise</p>"


@pytest.mark.parametrize("declaration", [
    '<meta charset="iso-8859-1">',
    "<meta charset=latin1>",
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    "<META CHARSET='Windows-1252'>",
])
def test_declared_latin1_is_decoded_as_browsers_do(declaration: str) -> None:
    """Browsers read every Latin-1 label as windows-1252, so curly quotes survive."""
    page = f"<html><head>{declaration}</head><body>{LATIN1_PAGE}</body></html>"
    decoded = decode(page.encode("cp1252"), html=True)
    assert decoded.text == page
    assert decoded.encode(decoded.text) == page.encode("cp1252")


def test_latin1_bytes_cp1252_leaves_undefined_fall_back_to_latin1() -> None:
    data = b'<meta charset="iso-8859-1"><p>a\x81b</p>'
    decoded = decode(data, html=True)
    assert decoded.text.endswith("a\x81b</p>") and decoded.encode(decoded.text) == data


def test_other_declared_charsets() -> None:
    page = '<meta charset="koi8-r"><p>Привет</p>'
    assert decode(page.encode("koi8-r"), html=True).text == page
    page = '<meta charset="shift_jis"><p>東京</p>'
    assert decode(page.encode("shift_jis"), html=True).text == page


def test_latin1_is_a_fallback_only_when_declared() -> None:
    with pytest.raises(InputError, match="not valid utf-8"):
        decode(LATIN1_PAGE.encode("cp1252"), html=True)
    with pytest.raises(InputError, match="not valid utf-8"):  # a declaration only counts in HTML
        decode(b'<meta charset="iso-8859-1">Malm\xf6', html=False)


def test_a_declaration_that_contradicts_the_bom_loses() -> None:
    page = '<meta charset="iso-8859-1"><p>Malmö</p>'
    assert decode(codecs.BOM_UTF8 + page.encode("utf-8"), html=True).text == page


def test_a_page_declaring_utf16_in_ascii_is_utf8() -> None:
    page = '<meta charset="utf-16"><p>Malmö</p>'
    assert decode(page.encode("utf-8"), html=True).encoding == "utf-8"


@pytest.mark.parametrize(("charset", "message"), [
    ("klingon-8", "unknown charset 'klingon-8'"),
    ("rot13", "not a web page encoding"),  # a codec, but bytes-to-text it is not
    ("zlib", "not a web page encoding"),
    ("undefined", "not a web page encoding"),
    ("unicode-escape", "not a web page encoding"),
    ("utf-7", "not a web page encoding"),
])
def test_bad_declared_charsets_are_input_errors(charset: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(f'<meta charset="{charset}"><p>text</p>'.encode(), html=True)


def test_declared_charset_and_undecodable_bytes() -> None:
    with pytest.raises(InputError, match="not valid shift_jis"):
        decode(b'<meta charset="shift_jis"><p>\x81\xff</p>', html=True)


@pytest.mark.skipif(".html" not in REGISTRY.readers, reason="the HTML reader is not registered yet")
def test_html_positions_with_a_declared_charset_and_crlf() -> None:
    page = ('<html>\r\n<head><meta charset="windows-1252"></head>\r\n<body>\r\n'
            '<p>Malmö’s café TK now</p>\r\n</body></html>')
    result = check_bytes("a.html", page.encode("cp1252"), REGISTRY, [MARKER])
    assert result.error is None and result.decoded is not None and result.decoded.encoding == "cp1252"
    assert [(item.line, item.column) for item in result.findings] == [(4, 17)]  # "<p>Malmö’s café " is 16


# --- exact both ways ---------------------------------------------------------------------

_ENCODINGS = st.sampled_from([
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-32-le", codecs.BOM_UTF32_LE),
])


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")), encoding=_ENCODINGS)
def test_decoding_round_trips_byte_for_byte(text: str, encoding: tuple[str, bytes]) -> None:
    name, bom = encoding
    if not bom and text.startswith("\ufeff"):
        text = text[1:]  # a leading U+FEFF in BOM-less UTF-8 *is* a BOM
    data = bom + text.encode(name)
    decoded = decode(data)
    assert decoded.text == text
    assert decoded.encode(decoded.text) == data


# --- file names are input too -------------------------------------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes in a name")
def test_file_names_that_are_not_utf8_or_hold_line_breaks(tmp_path: Path) -> None:
    """Every output format stays well-formed: JSON and SARIF parse as UTF-8 (the name's
    bytes as ``\\udcXX`` escapes or percent-encoded in the URI), JUnit is XML, and a
    line break in a name does not split a text finding over two lines."""
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in (b"caf\xe9.txt", b"line\nbreak.txt", b"tab\there.txt"):
        with open(os.fsencode(articles) + b"/" + name, "wb") as handle:
            handle.write(b"Loading...\n")
    outputs = {}
    for output_format in ("text", "json", "github", "sarif", "junit"):
        completed = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-cache", "--format",
                                    output_format, str(articles)], capture_output=True, timeout=120, check=False)
        assert completed.returncode == 1, completed.stderr
        assert b"Traceback" not in completed.stderr
        outputs[output_format] = completed.stdout
    paths = {finding["path"] for finding in json.loads(outputs["json"].decode("utf-8"))["findings"]}
    assert paths == {os.path.join(str(articles), name) for name in (os.fsdecode(b"caf\xe9.txt"), "line\nbreak.txt",
                                                                    "tab\there.txt")}
    sarif = json.loads(outputs["sarif"].decode("utf-8"))
    uris = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for result in sarif["runs"][0]["results"]}
    assert any(uri.endswith("caf%E9.txt") for uri in uris) and any(uri.endswith("line%0Abreak.txt") for uri in uris)
    ElementTree.fromstring(outputs["junit"])
    assert len(outputs["text"].splitlines()) == 3 + 1  # three findings and the summary
