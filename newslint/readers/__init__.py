"""Readers turn a decoded source into a `Document`. Built-in ones are plugins too."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from newslint.document import Block, Document


@runtime_checkable
class Reader(Protocol):
    """A format: its `name`, the file `extensions` it claims, whether its bytes are decoded
    by a charset the markup itself declares (HTML's ``<meta charset>``), whether a decoded
    source has its shape (`matches`), and ``read``. The `Document` it returns says which
    comment syntax suppressions use.

    Several readers may claim one extension (a CMS's JSON export beside generic JSON): the
    last registered whose `matches` accepts the source reads it, so `matches` should be a
    cheap look at the source (a key, a root element), and a generic reader's says yes."""

    @property
    def name(self) -> str: ...

    @property
    def extensions(self) -> tuple[str, ...]: ...

    @property
    def charset_in_markup(self) -> bool: ...

    def matches(self, source: str) -> bool: ...

    def read(self, path: str, source: str) -> Document: ...


class ReaderError(ValueError):
    """The input cannot be read as the format its name claims."""


def with_article_text(blocks: Iterable[Block], looked_for: str) -> tuple[Block, ...]:
    """`blocks`, if any holds text; else the `ReaderError` that says what the reader looked
    for. Never a silent pass: as a CI gate, a settings file or an unknown export must fail."""
    found = tuple(blocks)
    if not any(block.text.strip() for block in found):
        raise ReaderError(f"no article text in it: {looked_for}")
    return found
