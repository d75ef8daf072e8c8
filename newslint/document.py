"""The immutable document model every reader produces and every rule reads.

A `Document` is the decoded source plus an ordered tuple of `Block`s. Each block
carries its plain text and a `SourceMap` that turns offsets in that text back into
offsets in the source, so a finding is reported at the exact characters it is about
rather than wherever a re-search of the text happens to land.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cached_property
from typing import Any, TypeVar

HTML_COMMENTS = ("<!--", "-->")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class BlockKind(str, Enum):
    HEADLINE = "headline"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CAPTION = "caption"
    CREDIT = "credit"
    ALT_TEXT = "alt"
    LIST_ITEM = "list-item"
    QUOTE = "quote"
    BYLINE = "byline"
    OTHER = "other"
    # A field that sums the story up outside its body: excerpt, dek, standfirst, SEO
    # description. CMSs fill it from the lede, so repeating the body is normal for it.
    SUMMARY = "summary"


@dataclass(frozen=True, slots=True)
class Segment:
    """One run of block text mapped onto one run of source.

    Where both runs have the same length the map is character for character;
    otherwise (an entity such as ``&amp;``, a JSON escape) the text run maps onto
    the whole source run as one unit.
    """

    text_start: int
    text_end: int
    source_start: int
    source_end: int

    @property
    def is_linear(self) -> bool:
        return self.text_end - self.text_start == self.source_end - self.source_start


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Maps offsets in a block's text to offsets in the document source."""

    segments: tuple[Segment, ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(seg.text_start for seg in self.segments))

    @classmethod
    def linear(cls, source_start: int, length: int) -> SourceMap:
        return cls((Segment(0, length, source_start, source_start + length),))

    @classmethod
    def from_segments(cls, segments: Sequence[Segment]) -> SourceMap:
        return cls(tuple(_merge_linear(segments)))

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source span covering the text span ``[start, end)``."""
        if not self.segments:
            return (0, 0)
        if end <= start:
            point = self._start_of(start)
            return (point, point)
        return (self._start_of(start), self._end_of(end))

    def compose(self, outer: SourceMap) -> SourceMap:
        """This map followed by `outer`: text -> this source -> outer source.

        Used when a source is itself text inside another source, e.g. HTML held in
        a JSON string.
        """
        composed: list[Segment] = []
        for seg in self.segments:
            if seg.is_linear:
                for piece in outer._slice(seg.source_start, seg.source_end):
                    shift = seg.text_start - seg.source_start
                    composed.append(
                        Segment(
                            piece.text_start + shift,
                            piece.text_end + shift,
                            piece.source_start,
                            piece.source_end,
                        )
                    )
            else:
                start, end = outer.to_source(seg.source_start, seg.source_end)
                composed.append(Segment(seg.text_start, seg.text_end, start, end))
        return SourceMap.from_segments(composed)

    def _slice(self, start: int, end: int) -> Iterator[Segment]:
        """Segments of this map restricted to text ``[start, end)``."""
        index = max(0, self._index(start))
        while index < len(self.segments):
            seg = self.segments[index]
            if seg.text_start >= end:
                break
            lo, hi = max(start, seg.text_start), min(end, seg.text_end)
            if lo < hi or (lo == hi and start == end):
                if seg.is_linear:
                    delta = seg.source_start - seg.text_start
                    yield Segment(lo, hi, lo + delta, hi + delta)
                else:
                    yield Segment(lo, hi, seg.source_start, seg.source_end)
            index += 1

    def _index(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset) - 1

    def _start_of(self, offset: int) -> int:
        seg = self.segments[max(0, self._index(offset))]
        if offset >= seg.text_end:
            return seg.source_end
        if seg.is_linear:
            return seg.source_start + max(0, offset - seg.text_start)
        return seg.source_start

    def _end_of(self, offset: int) -> int:
        index = max(0, bisect.bisect_left(self._starts, offset) - 1)
        seg = self.segments[index]
        if offset <= seg.text_start:
            return seg.source_start
        if seg.is_linear:
            return seg.source_start + min(offset, seg.text_end) - seg.text_start
        return seg.source_end


def _merge_linear(segments: Sequence[Segment]) -> Iterator[Segment]:
    pending: Segment | None = None
    for seg in segments:
        if (
            pending is not None
            and pending.is_linear
            and seg.is_linear
            and pending.text_end == seg.text_start
            and pending.source_end == seg.source_start
        ):
            pending = Segment(pending.text_start, seg.text_end, pending.source_start, seg.source_end)
            continue
        if pending is not None:
            yield pending
        pending = seg
    if pending is not None:
        yield pending


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of article content: its kind, plain text and where it came from.

    `extent` is the source span of the whole element (tags and markers included),
    which is what a fix removes; `pointer` is the JSON Pointer of the field the
    block came from, for JSON inputs; `article` numbers the article it belongs to in
    a file that holds several (a JSON array of posts, JSON Lines), 0 otherwise.
    """

    kind: BlockKind
    text: str
    source_map: SourceMap
    extent: tuple[int, int]
    pointer: str | None = None
    # What the markup says the block's container is for, when it says it is page furniture
    # ("navigation", "a share bar", ...): HTML readers set it from tags, ARIA roles and
    # class or id names; None where the markup says nothing (and for plain text).
    page_role: str | None = None
    article: int = 0

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.source_map.to_source(start, end)


@dataclass(frozen=True)
class Document:
    """A decoded source and the blocks a reader found in it."""

    path: str
    source: str
    format: str
    blocks: tuple[Block, ...] = ()
    metadata: tuple[tuple[str, str], ...] = field(default=())
    # The delimiters of the source's comments, where suppression comments are written
    # (`HTML_COMMENTS` for HTML and Markdown); None for a format without comments.
    comment_syntax: tuple[str, str] | None = None

    @cached_property
    def line_starts(self) -> tuple[int, ...]:
        return tuple(_line_starts(self.source))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset; columns count characters.

        CRLF, CR and LF all end a line.
        """
        line_index = bisect.bisect_right(self.line_starts, offset) - 1
        return line_index + 1, offset - self.line_starts[line_index] + 1

    @cached_property
    def _astral_offsets(self) -> tuple[int, ...]:
        """Offsets of the characters outside the Basic Multilingual Plane (two UTF-16 units)."""
        if self.source.isascii():
            return ()
        return tuple(match.start() for match in _ASTRAL.finditer(self.source))

    def utf16_offset(self, offset: int) -> int:
        """`offset` (in characters) counted in UTF-16 code units, as browser editors count."""
        return offset + bisect.bisect_left(self._astral_offsets, offset)

    def line_of_block(self, block: Block) -> int:
        return self.position(block.to_source(0, 0)[0])[0]

    @cached_property
    def _shared(self) -> dict[Callable[..., Any], list[tuple[tuple[object, ...], Any]]]:
        return {}

    def shared(self, analysis: Callable[..., T], *inputs: object) -> T:
        """``analysis(self, *inputs)``, worked out once for this document and equal inputs:
        rules that read a document the same way (NL301 and NL302 run one agreement
        analysis) share the result instead of each redoing it. `analysis` must be a pure
        function of the document and `inputs`."""
        done = self._shared.setdefault(analysis, [])
        for seen, result in done:
            if all(a is b or a == b for a, b in zip(seen, inputs, strict=True)):
                return result  # type: ignore[no-any-return]
        result = analysis(self, *inputs)
        done.append((inputs, result))
        return result

    def articles(self) -> tuple[Document, ...]:
        """One document per article of a collection, each with that article's blocks and
        the whole source (so offsets stay the file's); the document itself if it holds one."""
        by_article: dict[int, list[Block]] = {}
        for block in self.blocks:
            by_article.setdefault(block.article, []).append(block)
        if len(by_article) <= 1:
            return (self,)
        return tuple(replace(self, blocks=tuple(by_article[number])) for number in sorted(by_article))


def _line_starts(source: str) -> Iterator[int]:
    # The next LF and the next CR are each searched for again only once passed: searching
    # afresh on every line costs a scan to the end per line when the file has no CR.
    yield 0
    nl, cr = source.find("\n"), source.find("\r")
    while nl >= 0 or cr >= 0:
        if cr >= 0 and (nl < 0 or cr < nl):
            index = cr + 2 if nl == cr + 1 else cr + 1
        else:
            index = nl + 1
        yield index
        if 0 <= nl < index:
            nl = source.find("\n", index)
        if 0 <= cr < index:
            cr = source.find("\r", index)


class SourceMapBuilder:
    """Text assembled piece by piece, each piece with the source span it stands for.

    A piece as long as its span maps character for character and merges with an
    adjacent such piece; any other piece maps onto its whole span as one unit.
    """

    __slots__ = ("length", "parts", "segments")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[list[int]] = []  # [text_start, text_end, source_start, source_end]
        self.length = 0

    def add(self, text: str, start: int, end: int) -> None:
        size = len(text)
        if not size:
            return
        segments = self.segments
        if segments and size == end - start:
            last = segments[-1]
            if last[1] == self.length and last[3] == start and last[1] - last[0] == last[3] - last[2]:
                last[1] += size
                last[3] = end
                self.parts.append(text)
                self.length += size
                return
        segments.append([self.length, self.length + size, start, end])
        self.parts.append(text)
        self.length += size

    def drop_last(self) -> None:
        """Remove the last piece, which must be a one-unit piece added on its own."""
        self.parts.pop()
        self.segments.pop()
        self.length = self.segments[-1][1] if self.segments else 0

    def text(self) -> str:
        return "".join(self.parts)

    def source_map(self) -> SourceMap:
        return SourceMap(tuple(Segment(*segment) for segment in self.segments))

    def stripped(self) -> tuple[str, SourceMap] | None:
        """The text without surrounding white space, with its map; None if nothing is left."""
        text = self.text()
        stripped = text.strip()
        if not stripped:
            return None
        lead = len(text) - len(text.lstrip())
        stop = lead + len(stripped)
        segments = []
        for text_start, text_end, source_start, source_end in self.segments:
            low, high = max(text_start, lead), min(text_end, stop)
            if low >= high:
                continue
            if text_end - text_start == source_end - source_start:
                shift = source_start - text_start
                segments.append(Segment(low - lead, high - lead, low + shift, high + shift))
            else:
                segments.append(Segment(low - lead, high - lead, source_start, source_end))
        return stripped, SourceMap(tuple(segments))
