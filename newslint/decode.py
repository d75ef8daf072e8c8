"""Bytes to text, with a clear refusal for what is not a text article."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

from newslint.text.pattern_store import compile_regex

MAX_BYTES = 64 * 1024 * 1024
_DECLARED_CHARSET = compile_regex(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", regex.IGNORECASE
)
# An XML declaration, which can only open the document: ``<?xml version="1.0" encoding="..."?>``.
_XML_DECLARED_ENCODING = compile_regex(rb"""<\?xml\s[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})["']""")
# As in browsers (WHATWG Encoding): these labels all mean windows-1252.
_LATIN1_NAMES = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "iso_8859-1", "windows-1252", "cp1252",
                 "l1", "ascii", "us-ascii", "x-user-defined"}
# A page that can declare its charset in ASCII is not UTF-16 or UTF-32 (browsers agree).
_ASCII_INCOMPATIBLE = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
# Python codecs that are not web page encodings: escapes, IDNA, stateful oddities.
_NOT_PAGE_ENCODINGS = {"undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7",
                       "charmap"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16: FF FE 00 00 starts with the UTF-16-LE BOM
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class InputError(ValueError):
    """The file cannot be checked; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and how to write it back byte for byte: `bom` + text.encode(encoding)."""

    text: str
    encoding: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def decode(data: bytes, *, html: bool = False) -> Decoded:
    """Decode an article: UTF-8 (BOM optional), UTF-16 or UTF-32 with a BOM, or the
    charset an HTML page declares in a ``<meta>`` tag (or an XML document in its
    ``<?xml encoding=...?>`` declaration, which comes first and wins). Binary data and undecodable
    bytes are refused, never guessed."""
    if len(data) > MAX_BYTES:
        raise InputError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB, the most newslint reads")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom):], encoding, bom)
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not an article")
    if html:
        declared = _XML_DECLARED_ENCODING.match(data) or _DECLARED_CHARSET.search(data[:4096])
        if declared is not None:
            return _decode_declared(data, declared.group(1).decode("ascii").lower())
    return _decode(data, "utf-8")


def _decode_declared(data: bytes, name: str) -> Decoded:
    if name in _LATIN1_NAMES:
        try:
            return _decode(data, "cp1252")
        except InputError:  # one of the five bytes cp1252 leaves undefined
            return _decode(data, "latin-1")
    try:
        encoding = codecs.lookup(name)
    except LookupError:
        raise InputError(f"page declares unknown charset {name!r}") from None
    if encoding.name in _ASCII_INCOMPATIBLE:
        return _decode(data, "utf-8")
    if not encoding._is_text_encoding or encoding.name in _NOT_PAGE_ENCODINGS:
        raise InputError(f"page declares charset {name!r}, which is not a web page encoding")
    return _decode(data, encoding.name)


def _decode(data: bytes, encoding: str, bom: bytes = b"") -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding, bom)
    except UnicodeError as error:
        where = f" at byte {error.start + len(bom)}" if isinstance(error, UnicodeDecodeError) else ""
        raise InputError(
            f"not valid {encoding}{where} (newslint does not guess encodings; "
            f"declare the charset or convert the file to UTF-8)"
        ) from None
