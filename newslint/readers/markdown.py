"""Markdown articles (CommonMark, parsed by markdown-it-py).

- ATX and setext headings: the first level-1 heading is the headline, every other
  heading a heading. Paragraphs are paragraphs, or quotes inside a block quote, or
  list items inside a list item.
- ``![alt](src "title")`` is an ALT_TEXT block; the image itself adds no text to its
  paragraph. A paragraph that is wholly emphasised (``*A crowd outside the court.*``)
  and directly follows an image-only paragraph, or follows the image inside the same
  paragraph, is a CAPTION: the usual way to caption a picture in Markdown.
- Raw HTML blocks are read by the HTML reader, so ``<figure>`` with ``<figcaption>``
  and credits works in Markdown too; their maps are composed back onto the source.
- YAML front matter (``---`` ... ``---`` at the very top) is not article text; its
  ``title:`` goes to `Document.metadata`. Code blocks (fenced or indented) are code,
  not prose, and make no block.

markdown-it gives each block its source lines; each inline text token is then found
in those lines by a search that only moves forward. Entities and backslash escapes
map onto their source characters as one unit; text that cannot be found (rare) maps
onto the rest of its block as one unit. `extent` is the block's whole lines (for a
list item or quote the marker is included; for an image, its ``![...](...)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from newslint.document import (
    HTML_COMMENTS,
    Block,
    BlockKind,
    Document,
    SourceMap,
    SourceMapBuilder,
)
from newslint.hookspecs import hookimpl
from newslint.readers.html import read_html

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FRONT_MATTER = re.compile(r"\A---[ \t]*(?:\r\n|\r|\n)(?:.*?(?:\r\n|\r|\n))??(?:---|\.\.\.)[ \t]*(?=\r\n|\r|\n|\Z)",
                           re.DOTALL)
_FRONT_MATTER_TITLE = re.compile(r"^title[ \t]*:[ \t]*([^\r\n]+?)[ \t]*(?=\r|\n|\Z)", re.MULTILINE)
# What follows a link's or image's text: `](destination "title")`, `][label]` or `]`,
# possibly after closing emphasis markers.
_LINK_TAIL = re.compile(r"""[*_~\s]*\](?:\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)|\[(?:[^\]\\]|\\.)*\])?""")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_LINE_END = re.compile(r"\r\n|\r|\n")


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import (
        MarkdownIt,  # imported on first use: a run over text never pays for it
    )

    parser = MarkdownIt("commonmark")
    # Keep entities and backslash escapes as tokens of their own, so each maps onto
    # exactly its source characters instead of defeating the search for its text.
    parser.core.ruler.disable("text_join")
    return parser


@dataclass(frozen=True, slots=True)
class _Lines:
    """Where each source line starts and where its content (terminator excluded) ends."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, source: str) -> _Lines:
        starts: list[int] = []
        ends: list[int] = []
        for match in _LINE.finditer(source):
            if match.start() == len(source) and starts and ends[-1] == len(source):
                break
            starts.append(match.start())
            ends.append(match.start() + len(match.group().rstrip("\r\n")))
        return cls(tuple(starts), tuple(ends))

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Source span of lines ``[first, last)``, the last terminator excluded."""
        last = min(last, len(self.starts))
        return self.starts[first], self.ends[max(first, last - 1)]


@dataclass(frozen=True, slots=True)
class _Image:
    alt: SourceMapBuilder
    extent: tuple[int, int]


class _InlineMapper:
    """Maps the inline tokens of one block onto the block's source span."""

    def __init__(self, source: str, start: int, end: int):
        self.source = source
        self.cursor = start
        self.end = end

    def map(self, tokens: Sequence[Token]) -> tuple[SourceMapBuilder, list[_Image]]:
        text = SourceMapBuilder()
        images: list[_Image] = []
        for token in tokens:
            if token.type == "image":
                images.append(self._image(token))
            else:
                self._token(token, text)
        return text, images

    def _token(self, token: Token, text: SourceMapBuilder) -> None:
        kind = token.type
        if kind == "text":
            self._literal(text, token.content, token.content)
        elif kind == "text_special":  # an entity or a backslash escape
            self._literal(text, token.content, token.markup)
        elif kind == "code_inline":
            self._code(text, token)
        elif kind == "softbreak":
            self._line_break(text, " ", hard=False)
        elif kind == "hardbreak":
            self._line_break(text, "\n", hard=True)
        elif kind == "html_inline":
            found = self.source.find(token.content, self.cursor, self.end)
            if found >= 0:
                if _BREAK_TAG.fullmatch(token.content):
                    text.add("\n", found, found + len(token.content))
                self.cursor = found + len(token.content)
        elif kind == "link_close":
            self._skip_link_tail()

    def _literal(self, text: SourceMapBuilder, content: str, raw: str) -> None:
        found = self.source.find(raw, self.cursor, self.end)
        if found < 0:  # not literally in the source: the rest of the block, as one unit
            text.add(content, self.cursor, self.end)
            return
        text.add(content, found, found + len(raw))
        self.cursor = found + len(raw)

    def _code(self, text: SourceMapBuilder, token: Token) -> None:
        fence = token.markup or "`"
        opening = self.source.find(fence, self.cursor, self.end)
        closing = self.source.find(fence, opening + len(fence), self.end) if opening >= 0 else -1
        if closing < 0:
            self._literal(text, token.content, token.content)
            return
        inner = opening + len(fence)
        found = self.source.find(token.content, inner, closing)
        if found >= 0:
            text.add(token.content, found, found + len(token.content))
        else:  # the code span's newlines or padding were normalised
            text.add(token.content, inner, closing)
        self.cursor = closing + len(fence)

    def _line_break(self, text: SourceMapBuilder, value: str, hard: bool) -> None:
        line_end = _LINE_END.search(self.source, self.cursor, self.end)
        if line_end is None:
            text.add(value, self.cursor, self.cursor)
            return
        start = line_end.start()
        if hard:  # include the trailing spaces or backslash that make the break hard
            while start > self.cursor and self.source[start - 1] in " \t":
                start -= 1
            if start > self.cursor and self.source[start - 1] == "\\":
                start -= 1
        text.add(value, start, line_end.end())
        self.cursor = line_end.end()

    def _skip_link_tail(self) -> None:
        tail = _LINK_TAIL.match(self.source, self.cursor, self.end)
        if tail is not None:
            self.cursor = tail.end()

    def _image(self, image: Token) -> _Image:
        alt = SourceMapBuilder()
        bang = self.source.find("![", self.cursor, self.end)
        start = bang if bang >= 0 else self.cursor
        if bang >= 0:
            self.cursor = bang + 2
        for token in _alt_tokens(image.children or []):
            if token is None:  # the end of a nested image
                self._skip_link_tail()
            elif token.type == "image":
                nested = self.source.find("![", self.cursor, self.end)
                if nested >= 0:
                    self.cursor = nested + 2
            else:
                self._token(token, alt)
        self._skip_link_tail()
        return _Image(alt, (start, max(start, self.cursor)))


def _alt_tokens(children: Sequence[Token]) -> Iterator[Token | None]:
    """An image's description tokens, nested images' included, then None at each one's end."""
    stack: list[Iterator[Token]] = [iter(children)]
    while stack:
        token = next(stack[-1], None)
        if token is None:
            stack.pop()
            if stack:
                yield None
            continue
        yield token
        if token.type == "image":
            stack.append(iter(token.children or []))


def _is_emphasis_only(tokens: Sequence[Token]) -> bool:
    """The visible inline content, images aside, is one emphasised run."""
    content = [
        token for token in tokens
        if token.type not in ("image", "softbreak", "hardbreak")
        and not (token.type == "text" and not token.content.strip())
    ]
    if len(content) < 3 or content[0].type != "em_open" or content[-1].type != "em_close":
        return False
    depth = 0
    for index, token in enumerate(content):
        depth += (token.type == "em_open") - (token.type == "em_close")
        if depth == 0 and index < len(content) - 1:
            return False
    return True


def _content_map(content: str, source: str, lines: _Lines, first_line: int) -> SourceMap:
    """Map a block token's `content` (its lines, container markers removed) onto the source."""
    pieces = SourceMapBuilder()
    for index, line in enumerate(content.split("\n")):
        number = first_line + index
        if number >= len(lines.starts):
            break
        if index:
            pieces.add("\n", lines.ends[number - 1], lines.starts[number])
        line_start, line_end = lines.starts[number], lines.ends[number]
        if source[line_start:line_end].endswith(line):
            pieces.add(line, line_end - len(line), line_end)
        else:  # tabs in the indentation were expanded: the line as one unit
            pieces.add(line, line_start, line_end)
    return pieces.source_map()


def _front_matter(source: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The source with front matter blanked (line structure kept) and its title."""
    match = _FRONT_MATTER.match(source)
    if match is None:
        return source, ()
    blanked = re.sub(r"[^\r\n]", "", match.group())
    title = _FRONT_MATTER_TITLE.search(match.group())
    metadata = (("title", title.group(1).strip("\"'")),) if title else ()
    return blanked + source[match.end():], metadata


class _BlockBuilder:
    """Walks markdown-it's block tokens and collects the document's blocks."""

    def __init__(self, source: str):
        self.source = source
        self.lines = _Lines.of(source)
        self.blocks: list[Block] = []
        self.containers: list[BlockKind] = []
        self.headline_taken = False
        self.image_paragraph_closed_at = -2  # token index just after an image-only paragraph

    def build(self, tokens: Sequence[Token]) -> tuple[Block, ...]:
        for index, token in enumerate(tokens):
            kind = token.type
            if kind == "blockquote_open":
                self.containers.append(BlockKind.QUOTE)
            elif kind == "list_item_open":
                self.containers.append(BlockKind.LIST_ITEM)
            elif kind in ("blockquote_close", "list_item_close"):
                self.containers.pop()
            elif kind == "heading_open" and token.map:
                self._heading(token.tag, token.map, tokens[index + 1])
            elif kind == "paragraph_open" and token.map:
                self._paragraph(token.map, tokens[index + 1], index)
            elif kind == "html_block" and token.map:
                self._html(token.content, token.map)
        # An image's alt text was collected before the text of its paragraph.
        return tuple(sorted(self.blocks, key=lambda block: block.to_source(0, 0)[0]))

    def _inline(self, lines: list[int], inline: Token) -> tuple[SourceMapBuilder, list[_Image], tuple[int, int]]:
        extent = self.lines.span(lines[0], lines[1])
        mapper = _InlineMapper(self.source, extent[0], extent[1])
        text, images = mapper.map(inline.children or [])
        return text, images, extent

    def _heading(self, tag: str, lines: list[int], inline: Token) -> None:
        text, images, extent = self._inline(lines, inline)
        self._add_images(images)
        kind = BlockKind.HEADING
        if tag == "h1" and not self.headline_taken:
            kind = BlockKind.HEADLINE
        if self._add(kind, text, extent) and kind is BlockKind.HEADLINE:
            self.headline_taken = True

    def _paragraph(self, lines: list[int], inline: Token, index: int) -> None:
        children = inline.children or []
        text, images, extent = self._inline(lines, inline)
        self._add_images(images)
        kind = self.containers[-1] if self.containers else BlockKind.PARAGRAPH
        follows_image = self.image_paragraph_closed_at == index
        if (images or follows_image) and _is_emphasis_only(children):
            kind = BlockKind.CAPTION
        added = self._add(kind, text, extent)
        if images and not added:
            self.image_paragraph_closed_at = index + 3  # paragraph_open, inline, paragraph_close

    def _add_images(self, images: list[_Image]) -> None:
        for image in images:
            trimmed = image.alt.stripped()
            if trimmed is not None:
                self.blocks.append(Block(BlockKind.ALT_TEXT, trimmed[0], trimmed[1], image.extent))

    def _add(self, kind: BlockKind, pieces: SourceMapBuilder, extent: tuple[int, int]) -> bool:
        trimmed = pieces.stripped()
        if trimmed is None:
            return False
        self.blocks.append(Block(kind, trimmed[0], trimmed[1], extent))
        return True

    def _html(self, content: str, lines: list[int]) -> None:
        outer = _content_map(content, self.source, self.lines, lines[0])
        blocks, _ = read_html(content, headline_taken=self.headline_taken)
        for block in blocks:
            self.headline_taken = self.headline_taken or block.kind is BlockKind.HEADLINE
            extent = outer.to_source(*block.extent)
            self.blocks.append(Block(block.kind, block.text, block.source_map.compose(outer), extent))


def read_markdown(source: str) -> tuple[tuple[Block, ...], tuple[tuple[str, str], ...]]:
    """The blocks of a Markdown source and its metadata (the front matter's title)."""
    parsed, metadata = _front_matter(source)
    try:
        tokens = _markdown().parse(parsed)
    except IndexError:
        # markdown-it-py reads past the end of a last line such as ">  " that follows a
        # <script>, <pre> or comment block in a quoted list item. With a final line end
        # the text parses, and to the same blocks (line numbers are unchanged).
        tokens = _markdown().parse(parsed + "\n")
    return _BlockBuilder(source).build(tokens), metadata


@dataclass(frozen=True)
class MarkdownReader:
    name: str = "markdown"
    extensions: tuple[str, ...] = (".md", ".markdown", ".mdown", ".mkd")
    charset_in_markup: bool = False

    def matches(self, source: str) -> bool:
        return True  # every file of its extensions

    def read(self, path: str, source: str) -> Document:
        blocks, metadata = read_markdown(source)
        return Document(path=path, source=source, format=self.name, blocks=blocks, metadata=metadata,
                        comment_syntax=HTML_COMMENTS)


@hookimpl
def newslint_readers() -> list[MarkdownReader]:
    return [MarkdownReader()]
