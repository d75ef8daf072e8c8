"""Plain-text articles: blank lines separate paragraphs.

Scraped text often keeps one element per line inside a paragraph (a caption and
its credit, a widget label and the line after it), while wire copy is hard-wrapped.
A paragraph whose lines all but the last have line-like lengths is treated as
wrapped prose and kept whole; otherwise each line is its own block.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from newslint.document import Block, BlockKind, Document, SourceMap
from newslint.hookspecs import hookimpl
from newslint.text.credits import is_credit
from newslint.text.pattern_store import compile_regex

WRAP_MIN, WRAP_MAX = 40, 100
HEADING_MAX_WORDS = 12
HEADLINE_MAX_WORDS = 20  # headlines run longer than section headings

SENTENCE_END = compile_regex(r"[.!?:;\u2026\"'\u201d\u2019)]\s*$")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # end of content, trailing white space excluded


def _lines(source: str) -> Iterator[_Line | None]:
    """Content lines with their offsets; None for a blank line."""
    for match in regex.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", source):
        if match.start() == len(source) and not match.group():
            return
        raw = match.group().rstrip("\r\n")
        content = raw.rstrip()
        if not content.strip():
            yield None
            continue
        leading = len(raw) - len(raw.lstrip())
        yield _Line(match.start() + leading, match.start() + len(content))


def _paragraphs(source: str) -> Iterator[list[_Line]]:
    paragraph: list[_Line] = []
    for line in _lines(source):
        if line is None:
            if paragraph:
                yield paragraph
            paragraph = []
        else:
            paragraph.append(line)
    if paragraph:
        yield paragraph


def _is_wrapped(source: str, paragraph: list[_Line]) -> bool:
    """Wrapped prose: line-like lengths, and most breaks fall inside a sentence."""
    if len(paragraph) < 2 or is_credit(source[paragraph[-1].start:paragraph[-1].end]):
        return False
    inner = paragraph[:-1]
    if not all(WRAP_MIN <= line.end - line.start <= WRAP_MAX for line in inner):
        return False
    mid_sentence = sum(not SENTENCE_END.search(source[line.start:line.end]) for line in inner)
    return mid_sentence * 2 >= len(inner)


def _looks_like_headline(text: str) -> bool:
    """A headline is short and has no closing stop; a first line that reads like a
    sentence is the lede of copy with no title (wire copy, CMS bodies) and is checked."""
    return len(text.split()) <= HEADLINE_MAX_WORDS and not regex.search(r"[.;:]\s*$", text)


def _looks_like_heading(text: str) -> bool:
    return len(text.split()) <= HEADING_MAX_WORDS and not SENTENCE_END.search(text)


def _block(source: str, kind: BlockKind, start: int, end: int) -> Block:
    return Block(kind, source[start:end], SourceMap.linear(start, end - start), (start, end))


def _line_blocks(source: str, paragraph: list[_Line], first: bool) -> Iterator[Block]:
    texts = [source[line.start:line.end] for line in paragraph]
    for index, line in enumerate(paragraph):
        text = texts[index]
        followed_by_credit = index + 1 < len(paragraph) and is_credit(texts[index + 1])
        if index > 0 and is_credit(text):
            kind = BlockKind.CREDIT
        elif followed_by_credit:
            kind = BlockKind.CAPTION
        elif first and index == 0 and len(paragraph) == 1 and _looks_like_headline(text):
            kind = BlockKind.HEADLINE
        elif _looks_like_heading(text):
            kind = BlockKind.HEADING
        else:
            kind = BlockKind.PARAGRAPH
        yield _block(source, kind, line.start, line.end)


@dataclass(frozen=True)
class TextReader:
    name: str = "text"
    extensions: tuple[str, ...] = (".txt", ".text")
    charset_in_markup: bool = False

    def matches(self, source: str) -> bool:
        return True  # every file of its extensions

    def read(self, path: str, source: str) -> Document:
        blocks: list[Block] = []
        for number, paragraph in enumerate(_paragraphs(source)):
            if _is_wrapped(source, paragraph):
                kind = BlockKind.PARAGRAPH
                blocks.append(_block(source, kind, paragraph[0].start, paragraph[-1].end))
            else:
                blocks.extend(_line_blocks(source, paragraph, first=number == 0))
        return Document(path=path, source=source, format=self.name, blocks=tuple(blocks))


@hookimpl
def newslint_readers() -> list[TextReader]:
    return [TextReader()]
