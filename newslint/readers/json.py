"""JSON articles as CMSs export them: ``{"headline": "...", "body": "<p>...</p>"}`` and kin.

The reader walks the whole JSON value and reads every string held under a key it
knows, at any depth and inside arrays (``{"items": [{"caption": "..."}]}``); all other
values (ids, URLs, dates) are ignored. Keys compare case-insensitively with ``-``/``_``
ignored, so ``articleBody``, ``article_body`` and ``ArticleBody`` are one key:

- headline, hed -> HEADLINE; title -> HEADLINE at the top (or one level down, e.g.
  ``{"article": {...}}``) when no headline sits beside it, else HEADING; "the top" is
  each post's own object in a collection. A title for search engines (seotitle,
  metatitle, ogtitle, twittertitle, a title in ``yoast_head_json``, ``seo`` or
  ``opengraph``) -> SUMMARY
- subtitle, subheadline, subhead, standfirst, dek, deck, strapline, summary, teaser,
  lede, excerpt, description, abstract and the SEO and social descriptions
  (customexcerpt, metadescription, seodescription, ogdescription, twitterdescription)
  -> SUMMARY: copy about the story, not in its body. CMSs fill these from the lede
  (WordPress and Ghost do by default), so a summary repeating the body is no duplicate.
- body, content, html, text, bodyhtml, bodytext, articlebody, contenthtml,
  paragraphs -> the article body: HTML when it contains a tag, else plain text read
  like a ``.txt`` file (blank lines separate paragraphs). A ``type`` beside it
  (``{"type": "heading", "text": ...}``, as block-based editors store content)
  gives the kind: heading, quote, list item or caption.
- caption, captions, cutline, imagecaption, figcaption -> CAPTION; credit, credits,
  copyright, photographer, photocredit, imagecredit -> CREDIT; byline, author,
  authors -> BYLINE; alt, alttext -> ALT_TEXT. These take HTML too.
- a ``rendered`` (or, with no ``rendered`` beside it, ``raw``) string stands for the key
  that holds it, as the WordPress REST API writes fields:
  ``{"title": {"rendered": ...}, "content": {"rendered": ...}, "excerpt": {"rendered": ...}}``.

Every block's `pointer` is the RFC 6901 JSON Pointer of its string (``/body``,
``/items/0/caption``). Its map runs from the text through the reader of the string's
content (for HTML) to the decoded string and on to the JSON source, where each escape
(``\\n``, ``\\"``, ``\\u00e9``, a surrogate pair) is one unit; `extent` lies inside
the string's quotes, so removing it leaves valid JSON.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from newslint.document import Block, BlockKind, Document, SourceMap, SourceMapBuilder
from newslint.hookspecs import hookimpl
from newslint.readers import ReaderError, with_article_text
from newslint.readers.html import read_html
from newslint.readers.text import TextReader

HEADLINE_KEYS = frozenset({"headline", "hed", "headlinetext"})
# Keys under which an API response lists many articles (WordPress, Ghost, Contentful, search APIs).
COLLECTION_KEYS = frozenset({"posts", "pages", "articles", "stories", "items", "entries", "results", "hits", "data"})
TITLE_KEYS = frozenset({"title"})
# Titles written for search engines and social cards (Yoast's ``yoast_head_json``, ``seo``
# objects, Open Graph): SUMMARY, like the descriptions beside them.
SEO_TITLE_KEYS = frozenset({"seotitle", "metatitle", "ogtitle", "twittertitle"})
SEO_CONTAINER_KEYS = frozenset({"yoastheadjson", "seo", "opengraph"})
STANDFIRST_KEYS = frozenset({"subtitle", "subheadline", "subhead", "standfirst", "dek", "deck", "strapline",
                             "summary", "teaser", "lede", "excerpt", "description", "abstract",
                             "customexcerpt", "metadescription", "seodescription", "ogdescription",
                             "twitterdescription"})
BODY_KEYS = frozenset({"body", "content", "html", "text", "bodyhtml", "bodytext", "articlebody", "contenthtml",
                       "paragraphs"})
FIELD_KINDS = {
    **{key: BlockKind.CAPTION for key in ("caption", "captions", "cutline", "imagecaption", "figcaption")},
    **{key: BlockKind.CREDIT for key in ("credit", "credits", "copyright", "photographer", "photocredit",
                                         "imagecredit")},
    **{key: BlockKind.BYLINE for key in ("byline", "author", "authors")},
    **{key: BlockKind.ALT_TEXT for key in ("alt", "alttext")},
    **{key: BlockKind.SUMMARY for key in STANDFIRST_KEYS},
}
# A value under one of these keys belongs to the key above it (WordPress REST).
RENDERED_KEY, RAW_KEY = "rendered", "raw"
BLOCK_TYPES = {
    **{name: BlockKind.HEADING for name in ("heading", "header", "subheading", "subhead", "h2", "h3", "h4")},
    **{name: BlockKind.QUOTE for name in ("quote", "blockquote", "pullquote")},
    **{name: BlockKind.LIST_ITEM for name in ("list", "listitem", "bullet")},
    **{name: BlockKind.CAPTION for name in ("caption",)},
}
TYPE_KEYS = ("type", "kind", "blocktype")
KEEPS_OWN_KIND = frozenset({BlockKind.ALT_TEXT, BlockKind.CREDIT})

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+|\s+', re.DOTALL)
_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.",
                     re.DOTALL)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", '"': '"', "\\": "\\", "/": "/"}
_LOOKS_LIKE_HTML = re.compile(r"<[a-zA-Z][^>]*>|</[a-zA-Z]|<!--")
_KEY_NOISE = re.compile(r"[-_\s]")
_SENTENCE_END = re.compile(r"[.!?:;\u2026\"'\u201d\u2019)]\s*$")

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class _String:
    """A JSON string value: where it sits and where its characters are (quotes excluded)."""

    path: Path
    start: int
    end: int


def _normal_key(key: str) -> str:
    return _KEY_NOISE.sub("", key).lower()


@dataclass(frozen=True, slots=True)
class JsonValue:
    """A value of a JSON source: its path, what it is, and its span (a string's quotes and a
    container's brackets included)."""

    path: Path
    kind: str  # "string", "object", "array" or "scalar" (a number, true, false, null)
    start: int
    end: int


def json_values(source: str) -> Iterator[JsonValue]:
    """Every value of valid JSON `source`, keys excluded: a string or scalar where it stands,
    a container when it closes (after its members)."""
    # Each open container: [is_object, current key or index, a key comes next, start].
    stack: list[list[Any]] = []
    for match in _TOKEN.finditer(source):
        token = match.group()
        first = token[0]
        if first in " \t\r\n":
            continue
        top = stack[-1] if stack else None
        if first == '"' and top is not None and top[0] and top[2]:
            top[1] = json.loads(token)
        elif first in "{[":
            stack.append([first == "{", None if first == "{" else 0, first == "{", match.start()])
        elif first in "}]":
            opened = stack.pop()
            yield JsonValue(tuple(entry[1] for entry in stack), "object" if opened[0] else "array", opened[3],
                            match.end())
        elif first == ":" and top is not None:
            top[2] = False
        elif first == "," and top is not None:
            if top[0]:
                top[2] = True
            else:
                top[1] += 1
        else:
            yield JsonValue(tuple(entry[1] for entry in stack), "string" if first == '"' else "scalar",
                            match.start(), match.end())


def _strings(source: str) -> Iterator[_String]:
    """Every string value of valid JSON `source`, keys excluded, in source order."""
    for value in json_values(source):
        if value.kind == "string":
            yield _String(value.path, value.start + 1, value.end - 1)


def _unescape(escape: str) -> str:
    if escape[1] != "u":
        return _SIMPLE_ESCAPES.get(escape[1], escape[1])
    if len(escape) == 12:  # a surrogate pair
        high, low = int(escape[2:6], 16), int(escape[8:12], 16)
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    return chr(int(escape[2:6], 16))


def decode_string(source: str, start: int, end: int) -> SourceMapBuilder:
    """The decoded characters of the JSON string at ``source[start:end]``, mapped onto it."""
    pieces = SourceMapBuilder()
    position = start
    for escape in _ESCAPE.finditer(source, start, end):
        if escape.start() > position:
            pieces.add(source[position:escape.start()], position, escape.start())
        pieces.add(_unescape(escape.group()), escape.start(), escape.end())
        position = escape.end()
    if position < end:
        pieces.add(source[position:end], position, end)
    return pieces


def json_pointer(path: Path) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def _owner(path: Path) -> tuple[Path, str] | None:
    """The path of the object holding the string's key, and that key."""
    for index in range(len(path) - 1, -1, -1):
        if isinstance(path[index], str):
            return path[:index], str(path[index])
    return None


def _unwrapped(parsed: Any, owner_path: Path, key: str) -> tuple[Path, str] | None:
    """The key a string stands for: its own, or for a ``rendered``/``raw`` wrapper the key
    holding the wrapper. None for a ``raw`` beside a ``rendered``: one copy is read, not two."""
    name = _normal_key(key)
    if name not in (RENDERED_KEY, RAW_KEY):
        return owner_path, key
    if name == RAW_KEY and RENDERED_KEY in _keys(_resolve(parsed, owner_path)):
        return None
    return _owner(owner_path)


def _resolve(value: Any, path: Path) -> Any:
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def _keys(obj: Any) -> set[str]:
    return {_normal_key(key) for key in obj} if isinstance(obj, dict) else set()


def _block_type(obj: Any) -> BlockKind | None:
    if not isinstance(obj, dict):
        return None
    for key, value in obj.items():
        if _normal_key(key) in TYPE_KEYS and isinstance(value, str):
            return BLOCK_TYPES.get(_normal_key(value))
    return None


@dataclass(frozen=True, slots=True)
class _Field:
    """How to read one string: as body content, or as a field of one kind."""

    kind: BlockKind | None  # None: body content
    block_type: BlockKind | None = None


def _field(parsed: Any, path: Path, article_root: int = 0) -> _Field | None:
    """How to read the string at `path`; `article_root` is the depth of the object holding
    its article (1 inside a top-level array of posts, 2 under ``{"posts": [...]}``)."""
    owner = _owner(path)
    if owner is not None:
        owner = _unwrapped(parsed, *owner)
    if owner is None:
        return None
    owner_path, key = owner
    name = _normal_key(key)
    obj = _resolve(parsed, owner_path)
    top_level = len(owner_path) - article_root <= 1
    if name in SEO_TITLE_KEYS or (name in TITLE_KEYS and any(
            isinstance(part, str) and _normal_key(part) in SEO_CONTAINER_KEYS for part in owner_path)):
        return _Field(BlockKind.SUMMARY)  # a title for search engines and social cards, not the story's
    if name in HEADLINE_KEYS:
        return _Field(BlockKind.HEADLINE if top_level else BlockKind.HEADING)
    if name in TITLE_KEYS:
        headline = top_level and not (_keys(obj) & HEADLINE_KEYS)
        return _Field(BlockKind.HEADLINE if headline else BlockKind.HEADING)
    if name in BODY_KEYS:
        return _Field(None, _block_type(obj))
    if name in FIELD_KINDS:
        return _Field(FIELD_KINDS[name])
    return None


def _inner_blocks(text: str, headline_taken: bool) -> tuple[Block, ...]:
    if _LOOKS_LIKE_HTML.search(text):
        return read_html(text, headline_taken=headline_taken)[0]
    blocks = TextReader().read("", text).blocks
    # The text reader takes a lone first line for the headline; here the headline
    # has its own field, so that line is a heading or a one-line paragraph.
    return tuple(
        replace(block, kind=BlockKind.PARAGRAPH if _SENTENCE_END.search(block.text) else BlockKind.HEADING)
        if block.kind is BlockKind.HEADLINE and headline_taken else block
        for block in blocks
    )


def _blocks_of(source: str, value: _String, field: _Field, headline_taken: bool) -> Iterator[Block]:
    decoded = decode_string(source, value.start, value.end)
    pointer = json_pointer(value.path)
    text = decoded.text()
    is_field = field.kind is not None
    if field.kind is not None and not _LOOKS_LIKE_HTML.search(text):
        stripped = decoded.stripped()
        if stripped is not None:
            yield Block(field.kind, stripped[0], stripped[1], (value.start, value.end), pointer)
        return
    outer = decoded.source_map()
    forced = field.kind if is_field else field.block_type
    for block in _inner_blocks(text, headline_taken or is_field):
        kind = forced if forced is not None and block.kind not in KEEPS_OWN_KIND else block.kind
        yield Block(kind, block.text, block.source_map.compose(outer), outer.to_source(*block.extent), pointer)


def read_json(source: str) -> tuple[Block, ...]:
    try:
        parsed = json.loads(source)
    except json.JSONDecodeError as error:
        raise ReaderError(f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise ReaderError("JSON nested too deeply to read") from None
    article_of = _article_numbering(parsed)
    root_depth = _collection_depth(parsed)
    fields = [(value, field) for value in _strings(source)
              if (field := _field(parsed, value.path, root_depth if article_of(value.path) else 0)) is not None]
    with_headline = {article_of(value.path) for value, field in fields if field.kind is BlockKind.HEADLINE}
    blocks: list[Block] = []
    for value, field in fields:
        article = article_of(value.path)
        blocks.extend(replace(block, article=article) if article else block
                      for block in _blocks_of(source, value, field, article in with_headline))
    return tuple(blocks)


def _article_numbering(parsed: Any) -> Callable[[Path], int]:
    """Which article of a collection a value at a path belongs to: a top-level array of
    objects holds one article each, and so does an array under a collection key
    (``{"posts": [...], "meta": {...}}``); anything else is one article, 0."""
    if isinstance(parsed, list) and sum(isinstance(item, dict) for item in parsed) > 1:
        return functools.partial(_item_number, ())
    if isinstance(parsed, dict):
        for key, value in parsed.items():
            if _normal_key(key) in COLLECTION_KEYS and isinstance(value, list) \
                    and sum(isinstance(item, dict) for item in value) > 1:
                return functools.partial(_item_number, (key,))
    return lambda path: 0


def _collection_depth(parsed: Any) -> int:
    """The depth of a collection's article objects: 1 in a top-level array, 2 under a key."""
    if isinstance(parsed, list):
        return 1
    return 2 if isinstance(parsed, dict) else 0


def _item_number(collection: Path, path: Path) -> int:
    """1 + the index of the collection item that `path` lies in, or 0 outside the items."""
    if len(path) <= len(collection) or path[:len(collection)] != collection:
        return 0
    index = path[len(collection)]
    return index + 1 if isinstance(index, int) else 0


@dataclass(frozen=True)
class JsonReader:
    name: str = "json"
    extensions: tuple[str, ...] = (".json",)
    charset_in_markup: bool = False

    def matches(self, source: str) -> bool:
        return True  # every file of its extensions

    def read(self, path: str, source: str) -> Document:
        blocks = with_article_text(read_json(source), "no non-empty string under a field the reader knows "
                                   "(headline or title, body, content, text or articleBody, caption, dek, excerpt, "
                                   "byline, alt)")
        return Document(path=path, source=source, format=self.name, blocks=blocks)


@dataclass(frozen=True)
class JsonLinesReader:
    """JSON Lines (``.jsonl``, ``.ndjson``): one article a line, each read as JSON is. A
    finding's pointer starts with the line's index (``/3/body``: line 4's ``body``)."""

    name: str = "jsonl"
    extensions: tuple[str, ...] = (".jsonl", ".ndjson")
    charset_in_markup: bool = False

    def matches(self, source: str) -> bool:
        return True  # every file of its extensions

    def read(self, path: str, source: str) -> Document:
        blocks: list[Block] = []
        for index, (start, line) in enumerate(_lines(source)):
            try:
                found = read_json(line)
            except ReaderError as error:
                raise ReaderError(f"line {source.count(chr(10), 0, start) + 1}: {error}") from None
            shift = SourceMap.linear(start, len(line))
            blocks += [replace(block, source_map=block.source_map.compose(shift),
                               extent=shift.to_source(*block.extent), pointer=f"/{index}{block.pointer or ''}",
                               article=index + 1) for block in found]
        # The blocks sit inside JSON strings, as in a .json file: fixes edit them as JSON.
        return Document(path=path, source=source, format=JsonReader.name,
                        blocks=with_article_text(blocks, "no line holds a field the JSON reader knows"))


def _lines(source: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each line with something on it, line break excluded."""
    offset = 0
    for line in source.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        if content.strip():
            yield offset, content
        offset += len(line)


@hookimpl
def newslint_readers() -> list[JsonReader | JsonLinesReader]:
    return [JsonReader(), JsonLinesReader()]
