"""Arc XP ANS stories (Arc Native Specification, the Story API's JSON).

A story is recognised by its ``content_elements`` and ``type`` keys. It maps as follows:

- ``headlines.basic`` -> HEADLINE; ``subheadlines.basic`` and ``description.basic`` ->
  SUMMARY; the story's ``credits.by[].name`` -> BYLINE.
- ``content_elements[]`` by ``type``: ``text`` -> PARAGRAPH, ``header`` -> HEADING,
  ``list`` items (nested lists too) -> LIST_ITEM, ``quote`` (its own text elements) and
  ``blockquote`` -> QUOTE, ``image`` -> ``caption`` CAPTION, ``credits.by[].name`` CREDIT,
  ``alt_text`` ALT_TEXT; ``correction`` -> OTHER; ``raw_html`` -> its HTML's blocks;
  ``interstitial_link`` -> PARAGRAPH (a promo: its text is what the furniture rules judge).
  Any other element (``oembed_response``, ``video``, ``gallery``, ...) is skipped.

A ``content`` string is inline HTML (entities included): it is read as HTML into one
block with an exact map through the HTML and the JSON string. Every block's pointer is
the JSON Pointer of its string (``/content_elements/3/content``). A body element read
as one block has the whole element object for its `extent`, so a fix removing the
block removes the element from its array (``newslint.fix`` takes the adjoining comma
too); the story's fields keep an extent inside their string.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from newslint.document import Block, BlockKind, Document
from newslint.hookspecs import hookimpl
from newslint.readers import ReaderError, with_article_text
from newslint.readers.html import read_html
from newslint.readers.json import (
    JsonReader,
    Path,
    _String,
    _strings,
    decode_string,
    json_pointer,
    json_values,
)

STORY_FIELDS: tuple[tuple[str, BlockKind], ...] = (
    ("headlines", BlockKind.HEADLINE), ("subheadlines", BlockKind.SUMMARY), ("description", BlockKind.SUMMARY))
CONTENT_KINDS = {
    "text": BlockKind.PARAGRAPH,
    "header": BlockKind.HEADING,
    "blockquote": BlockKind.QUOTE,
    "interstitial_link": BlockKind.PARAGRAPH,
}
KEEPS_OWN_KIND = frozenset({BlockKind.ALT_TEXT, BlockKind.CREDIT})
_SHAPE_KEYS = (re.compile(r'"content_elements"\s*:'), re.compile(r'"type"\s*:'))


@dataclass(frozen=True, slots=True)
class _Wanted:
    """One string to read: its path, its kind (None: the HTML's own kinds), whether it is
    HTML, and the path of the array element a fix may remove whole (None: the string only)."""

    path: Path
    kind: BlockKind | None
    html: bool = True
    element: Path | None = None


def _object_spans(source: str) -> dict[Path, tuple[int, int]]:
    """The source span of every object and array of valid JSON `source`, by path."""
    return {value.path: (value.start, value.end) for value in json_values(source)
            if value.kind in ("object", "array")}


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _names(credits: Any, path: Path, kind: BlockKind) -> Iterator[_Wanted]:
    for index, person in enumerate(_list(_dict(credits).get("by"))):
        if isinstance(_dict(person).get("name"), str):
            yield _Wanted((*path, "by", index, "name"), kind, html=False)


def _story_fields(story: dict[str, Any]) -> Iterator[_Wanted]:
    for key, kind in STORY_FIELDS:
        if isinstance(_dict(story.get(key)).get("basic"), str):
            yield _Wanted((key, "basic"), kind)
    yield from _names(story.get("credits"), ("credits",), BlockKind.BYLINE)


def _elements(elements: Any, path: Path, inside_quote: bool = False) -> Iterator[_Wanted]:
    for index, element in enumerate(_list(elements)):
        yield from _element(_dict(element), (*path, index), inside_quote)


def _element(element: dict[str, Any], path: Path, inside_quote: bool) -> Iterator[_Wanted]:
    kind = element.get("type")
    if kind in CONTENT_KINDS and isinstance(element.get("content"), str):
        block_kind = BlockKind.QUOTE if inside_quote and kind == "text" else CONTENT_KINDS[kind]
        yield _Wanted((*path, "content"), block_kind, element=path)
    elif kind == "raw_html" and isinstance(element.get("content"), str):
        yield _Wanted((*path, "content"), None, element=path)
    elif kind == "list":
        yield from _list_items(element.get("items"), (*path, "items"))
    elif kind == "quote":
        yield from _elements(element.get("content_elements"), (*path, "content_elements"), inside_quote=True)
        if isinstance(_dict(element.get("citation")).get("content"), str):
            yield _Wanted((*path, "citation", "content"), BlockKind.CREDIT)
    elif kind == "image":
        if isinstance(element.get("caption"), str):
            yield _Wanted((*path, "caption"), BlockKind.CAPTION)
        yield from _names(element.get("credits"), (*path, "credits"), BlockKind.CREDIT)
        if isinstance(element.get("alt_text"), str):
            yield _Wanted((*path, "alt_text"), BlockKind.ALT_TEXT, html=False)
    elif kind == "correction" and isinstance(element.get("text"), str):
        yield _Wanted((*path, "text"), BlockKind.OTHER, element=path)


def _list_items(items: Any, path: Path) -> Iterator[_Wanted]:
    for index, item in enumerate(_list(items)):
        item = _dict(item)
        if item.get("type") == "list":
            yield from _list_items(item.get("items"), (*path, index, "items"))
        elif isinstance(item.get("content"), str):
            yield _Wanted((*path, index, "content"), BlockKind.LIST_ITEM, element=(*path, index))


def _blocks_of(source: str, value: _String, wanted: _Wanted,
               elements: dict[Path, tuple[int, int]]) -> list[Block]:
    decoded = decode_string(source, value.start, value.end)
    pointer = json_pointer(value.path)
    if not wanted.html:
        stripped = decoded.stripped()
        kind = wanted.kind or BlockKind.PARAGRAPH
        return [] if stripped is None else [Block(kind, stripped[0], stripped[1], (value.start, value.end), pointer)]
    outer = decoded.source_map()
    inner = [block for block in read_html(decoded.text(), headline_taken=True)[0] if block.text.strip()]
    blocks = [
        Block(wanted.kind if wanted.kind is not None and block.kind not in KEEPS_OWN_KIND else block.kind,
              block.text, block.source_map.compose(outer), outer.to_source(*block.extent), pointer)
        for block in inner
    ]
    if len(blocks) == 1 and wanted.element is not None and wanted.element in elements:
        return [replace(blocks[0], extent=elements[wanted.element])]
    return blocks


def read_ans(source: str) -> tuple[Block, ...]:
    try:
        story = json.loads(source)
    except json.JSONDecodeError as error:
        raise ReaderError(f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise ReaderError("JSON nested too deeply to read") from None
    if not isinstance(story, dict) or not isinstance(story.get("content_elements"), list):
        raise ReaderError("not an ANS story: no 'content_elements' array at the top level")
    wanted = {item.path: item for item in (*_story_fields(story),
                                            *_elements(story["content_elements"], ("content_elements",)))}
    elements = _object_spans(source)
    blocks: list[Block] = []
    for value in _strings(source):
        item = wanted.get(value.path)
        if item is not None:
            blocks += _blocks_of(source, value, item, elements)
    return tuple(blocks)


@dataclass(frozen=True)
class AnsReader:
    name: str = "ans"
    extensions: tuple[str, ...] = (".json",)
    charset_in_markup: bool = False

    def matches(self, source: str) -> bool:
        return all(key.search(source) for key in _SHAPE_KEYS)

    def read(self, path: str, source: str) -> Document:
        blocks = with_article_text(read_ans(source), "no headline, text, header, list, quote, caption or "
                                                     "raw_html element with text in this ANS story")
        # The blocks sit inside JSON strings (or are whole elements): fixes edit them as JSON.
        return Document(path=path, source=source, format=JsonReader.name, blocks=blocks)


@hookimpl
def newslint_readers() -> list[AnsReader]:
    return [AnsReader()]
