"""Readers turn a decoded source into a `Document`. Built-in ones are plugins too."""

from __future__ import annotations

from typing import Protocol

from newslint.document import Document


class Reader(Protocol):
    name: str
    extensions: tuple[str, ...]

    def read(self, path: str, source: str) -> Document: ...


class ReaderError(ValueError):
    """The input cannot be read as the format its name claims."""
