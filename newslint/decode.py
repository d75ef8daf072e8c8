"""Bytes to text, with a clear refusal for what is not a text article."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

MAX_BYTES = 64 * 1024 * 1024
_DECLARED_CHARSET = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", regex.IGNORECASE
)
_LATIN1_NAMES = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "windows-1252", "cp1252", "l1"}


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
    """Decode an article: UTF-8 (BOM optional), UTF-16 with a BOM, or the charset an
    HTML page declares. Binary data and undecodable bytes are refused, never guessed."""
    if len(data) > MAX_BYTES:
        raise InputError(f"file is {len(data) // (1024 * 1024)} MiB; newslint reads at most {MAX_BYTES // (1024 * 1024)} MiB")
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8", codecs.BOM_UTF8)
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _decode(data[2:], encoding, bom)
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not an article")
    if html:
        declared = _DECLARED_CHARSET.search(data[:4096])
        if declared is not None:
            name = declared.group(1).decode("ascii").lower()
            if name in _LATIN1_NAMES:
                return _decode(data, "cp1252" if "1252" in name else "latin-1")
            try:
                codecs.lookup(name)
            except LookupError:
                raise InputError(f"page declares unknown charset {name!r}") from None
            return _decode(data, name)
    return _decode(data, "utf-8")


def _decode(data: bytes, encoding: str, bom: bytes = b"") -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding, bom)
    except UnicodeDecodeError as error:
        raise InputError(
            f"not valid {encoding} at byte {error.start} (newslint does not guess encodings; "
            f"declare the charset or convert the file to UTF-8)"
        ) from None
