"""Rich-text JSON exports: Ghost (Lexical), Sanity Portable Text and Contentful Rich Text.

All three store an article as a tree of nodes in which one paragraph's text is cut into
runs by its inline formatting (a bold word, a link). Each reader joins the runs of one
element into ONE block, so a bold word never splits a sentence, with a source map that
runs from every character of the block's text to its exact place in the file, through
each JSON escape (and, for Ghost, through two layers of JSON).

- *Ghost* (``ghost``; a file with a ``"lexical"`` string in it): every object with a ``lexical``
  string (a post, a ``{"posts": [...]}`` response, a site export) is one article. Post
  ``title`` -> HEADLINE; ``custom_excerpt``, ``excerpt``, ``meta_description`` and the
  social descriptions -> SUMMARY; ``feature_image_caption`` -> CAPTION,
  ``feature_image_alt`` -> ALT_TEXT. The ``lexical`` string is itself a JSON document:
  it is decoded with an exact map and parsed, and its strings' positions are composed
  with that map. Lexical nodes: ``paragraph`` -> PARAGRAPH, ``heading`` -> HEADING,
  ``quote``/``aside`` -> QUOTE, ``listitem`` -> LIST_ITEM (``extended-*`` nodes alike);
  ``text`` runs join whatever their ``format``, ``linebreak`` is a newline and ``tab`` a
  tab; cards: ``image`` (and each of a ``gallery``'s images) ``caption`` (HTML) ->
  CAPTION, ``alt`` -> ALT_TEXT; an ``embed``/``video``/``audio``/``bookmark`` caption
  -> CAPTION; ``html`` and ``markdown`` cards through the HTML and Markdown readers;
  ``callout`` text -> PARAGRAPH; ``toggle`` and ``header`` cards -> HEADING and
  PARAGRAPH. A block's pointer is the ``lexical`` string's followed by the node's path
  inside the Lexical document (``/posts/0/lexical/root/children/3``): resolve the
  prefix, parse the string, resolve the rest. Its extent is the whole node (with one
  comma) inside the ``lexical`` string, so a fix removes the node and both layers of
  JSON stay valid.
- *Sanity* (``sanity``; ``"_type"`` and ``"children"`` in it): a document, an array of
  documents or a ``{"result": ...}`` query response. ``title``/``headline`` ->
  HEADLINE; ``excerpt``, ``description``, ``summary``, ``subtitle``, ``standfirst``,
  ``dek`` and SEO descriptions -> SUMMARY (a string or Portable Text); every other
  array of Portable Text blocks is body: ``{"_type": "block"}`` with style ``normal``
  -> PARAGRAPH, ``h1``-``h6`` -> HEADING, ``blockquote`` -> QUOTE, any ``listItem`` ->
  LIST_ITEM, its ``span`` children joined whatever their ``marks``; images (``_type``
  ``image`` or an ``asset`` reference, in the body or as a field like ``mainImage``):
  ``caption`` -> CAPTION, ``alt`` -> ALT_TEXT, ``credit``/``attribution`` -> CREDIT.
- *Contentful* (``contentful``; ``"nodeType"`` in it): an entry (``{"sys", "fields"}``),
  a collection (``{"items": [...], "includes": {...}}``), with localised fields
  (``{"en-US": ...}``) or not. ``fields.title`` -> HEADLINE; summary fields as above
  -> SUMMARY; every Rich Text document (``{"nodeType": "document"}``) in the fields is
  body: ``paragraph`` -> PARAGRAPH, ``heading-1``..``heading-6`` -> HEADING, a
  paragraph in a ``blockquote`` -> QUOTE, in a ``list-item`` -> LIST_ITEM, in a table
  cell -> PARAGRAPH; ``text`` values join whatever their ``marks``, through hyperlinks;
  an ``embedded-asset-block`` is resolved through ``includes.Asset`` by
  ``data.target.sys.id``: its ``fields.description`` (else ``fields.title``) ->
  CAPTION, pointing into ``includes``.

For Sanity and Contentful a block whose text is one JSON string has that string's
content as extent (a fix empties it); a block joined from several strings has the whole
node (with one comma) as extent, which a fix of the file's JSON leaves alone. Every
block's pointer is the RFC 6901 JSON Pointer of its node or field. A file holding
several articles numbers them (`Block.article`). A file whose shape matches but that
holds no article text, or is not valid JSON, is a `ReaderError`, never a silent pass.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from newslint.document import Block, BlockKind, Document, SourceMap, SourceMapBuilder
from newslint.hookspecs import hookimpl
from newslint.readers import ReaderError, with_article_text
from newslint.readers.html import read_html
from newslint.readers.json import decode_string, json_pointer, json_values
from newslint.readers.markdown import read_markdown

Path = tuple[str | int, ...]
Span = tuple[int, int]

_LOOKS_LIKE_HTML = re.compile(r"<[a-zA-Z][^>]*>|</[a-zA-Z]|<!--|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_LEXICAL_STRING = re.compile(r'"lexical"\s*:\s*"')
_KEY_NOISE = re.compile(r"[-_\s]")
_LOCALE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")

TITLE_KEYS = frozenset({"title", "headline"})
SUMMARY_KEYS = frozenset({"excerpt", "customexcerpt", "description", "summary", "subtitle", "standfirst", "dek",
                          "deck", "teaser", "lede", "abstract", "metadescription", "seodescription",
                          "ogdescription", "twitterdescription"})
KEEPS_OWN_KIND = frozenset({BlockKind.ALT_TEXT, BlockKind.CREDIT})


def _normal_key(key: str) -> str:
    return _KEY_NOISE.sub("", key).lower()


# --- JSON text with the span of every value ---------------------------------------------


def value_spans(text: str) -> dict[Path, Span]:
    """The span of every value of valid JSON `text` by its path (strings with their quotes)."""
    return {value.path: (value.start, value.end) for value in json_values(text)}


@dataclass(frozen=True)
class _Layer:
    """A JSON text being read (the file, or a JSON document held in one of its strings),
    the span of each of its values, and the way from its offsets to the file's."""

    text: str
    spans: Mapping[Path, Span]
    to_file: SourceMap | None = None  # None: the text is the file
    pointer: str = ""  # where the text sits in the file, as a pointer prefix

    def string(self, path: Path) -> SourceMapBuilder:
        start, end = self.spans[path]
        return decode_string(self.text, start + 1, end - 1)

    def content(self, path: Path) -> Span:
        start, end = self.spans[path]
        return start + 1, end - 1

    def element(self, path: Path) -> Span:
        """The span of the array element or object member at `path` with one comma beside it,
        so that removing it leaves valid JSON."""
        start, end = self.spans[path]
        parent, last = path[:-1], path[-1]
        if isinstance(last, int):
            following, preceding = parent + (last + 1,), parent + (last - 1,)
            if following in self.spans:
                return start, self.spans[following][0]
            if last > 0 and preceding in self.spans:
                return self.spans[preceding][1], end
        return start, end

    def to_file_map(self, source_map: SourceMap) -> SourceMap:
        return source_map if self.to_file is None else source_map.compose(self.to_file)

    def to_file_span(self, span: Span) -> Span:
        return span if self.to_file is None else self.to_file.to_source(*span)

    def pointer_of(self, path: Path) -> str:
        return self.pointer + json_pointer(path)

    def inner(self, path: Path, what: str) -> tuple[Any, _Layer]:
        """The JSON document held in the string at `path`, parsed, and its layer."""
        decoded = self.string(path)
        text = decoded.text()
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as error:
            raise ReaderError(f"{what} at {self.pointer_of(path)} is not valid JSON: line {error.lineno}, "
                              f"column {error.colno}: {error.msg}") from None
        except RecursionError:
            raise ReaderError(f"{what} at {self.pointer_of(path)} is nested too deeply to read") from None
        return parsed, _Layer(text, value_spans(text), self.to_file_map(decoded.source_map()), self.pointer_of(path))


def _parse(source: str) -> tuple[Any, _Layer]:
    try:
        parsed = json.loads(source)
    except json.JSONDecodeError as error:
        raise ReaderError(f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise ReaderError("JSON nested too deeply to read") from None
    return parsed, _Layer(source, value_spans(source))


# --- assembling blocks -----------------------------------------------------------------


class _Runs:
    """The text runs of one element, joined, each mapped onto its layer's text."""

    def __init__(self) -> None:
        self.builder = SourceMapBuilder()
        self.strings: list[Path] = []

    def add_string(self, layer: _Layer, path: Path) -> None:
        piece = layer.string(path)
        text = piece.text()
        for text_start, text_end, source_start, source_end in piece.segments:
            self.builder.add(text[text_start:text_end], source_start, source_end)
        self.strings.append(path)

    def add_literal(self, text: str, span: Span) -> None:
        self.builder.add(text, *span)


def _block(layer: _Layer, kind: BlockKind, runs: _Runs, extent: Span, path: Path, article: int) -> Block | None:
    stripped = runs.builder.stripped()
    if stripped is None:
        return None
    text, source_map = stripped
    return Block(kind, text, layer.to_file_map(source_map), layer.to_file_span(extent), layer.pointer_of(path),
                 article=article)


def _node_block(layer: _Layer, kind: BlockKind, runs: _Runs, path: Path, article: int,
                element: Path | None = None) -> Block | None:
    """The block of a node's joined runs, with the whole node (or the `element` holding
    nothing but it) as its extent. In the file itself that is the node's object, which a
    fix removes from its array with one comma; inside a JSON string (Ghost's ``lexical``)
    the comma is part of the extent already."""
    element = path if element is None else element
    extent = layer.spans[element] if layer.to_file is None else layer.element(element)
    return _block(layer, kind, runs, extent, path, article)


def _field_blocks(layer: _Layer, path: Path, kind: BlockKind | None, article: int,
                  markup: str = "text") -> Iterator[Block]:
    """The blocks of one string field, if it is there. `markup` is how its value is written:
    "text" (one block of `kind`), "html" (read as HTML, its blocks forced to `kind` unless
    that is None), "markdown", or "auto" (HTML if it holds a tag or a reference, else text)."""
    if path not in layer.spans or not layer.text.startswith('"', layer.spans[path][0]):
        return
    decoded = layer.string(path)
    text = decoded.text()
    if markup == "auto":
        markup = "html" if _LOOKS_LIKE_HTML.search(text) else "text"
    if markup == "text" and kind is not None:
        runs = _Runs()
        runs.add_string(layer, path)
        block = _block(layer, kind, runs, layer.content(path), path, article)
        if block is not None:
            yield block
        return
    inner_map = decoded.source_map()
    inner = read_markdown(text)[0] if markup == "markdown" else read_html(text, headline_taken=True)[0]
    for found in inner:
        own = found.kind if kind is None or found.kind in KEEPS_OWN_KIND else kind
        if own is BlockKind.HEADLINE:
            own = BlockKind.HEADING
        yield Block(own, found.text, layer.to_file_map(found.source_map.compose(inner_map)),
                    layer.to_file_span(inner_map.to_source(*found.extent)), layer.pointer_of(path),
                    article=article)


def _child(node: Any, key: str) -> Any:
    return node.get(key) if isinstance(node, dict) else None


def _items(node: Any, key: str, path: Path) -> Iterator[tuple[Any, Path]]:
    value = _child(node, key)
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield item, path + (key, index)


def _articles(found: list[tuple[Path, Any]]) -> Iterator[tuple[int, Path, Any]]:
    """Each found article with its number: 0 when the file holds one, else 1, 2, ..."""
    for index, (path, value) in enumerate(found):
        yield (index + 1 if len(found) > 1 else 0), path, value


def _find(value: Any, path: Path, is_article: Callable[[Any], bool]) -> Iterator[tuple[Path, Any]]:
    """The outermost objects at any depth for which `is_article` holds, in document order."""
    stack: list[tuple[Path, Any]] = [(path, value)]
    while stack:
        here, item = stack.pop()
        if isinstance(item, dict):
            if is_article(item):
                yield here, item
                continue
            stack.extend(reversed([(here + (key,), child) for key, child in item.items()]))
        elif isinstance(item, list):
            stack.extend(reversed([(here + (index,), child) for index, child in enumerate(item)]))


def _document(path: str, source: str, name: str, blocks: Iterable[Block], looked_for: str) -> Document:
    found = with_article_text(blocks, f"read as {name}, it holds no {looked_for}")
    # The blocks sit inside JSON strings: fixes edit the file as JSON and check that it still parses.
    return Document(path=path, source=source, format="json", blocks=found)


# --- Ghost: Lexical inside a JSON string ------------------------------------------------

GHOST_SUMMARY_KEYS = ("custom_excerpt", "excerpt", "meta_description", "og_description", "twitter_description")
LEXICAL_BLOCKS = {
    "paragraph": BlockKind.PARAGRAPH, "heading": BlockKind.HEADING, "quote": BlockKind.QUOTE,
    "aside": BlockKind.QUOTE, "listitem": BlockKind.LIST_ITEM,
}
LEXICAL_CONTAINERS = frozenset({"root", "list"})
LEXICAL_CAPTIONED = frozenset({"image", "embed", "video", "audio", "bookmark", "file"})
# Card fields read as HTML, with the kind of their blocks.
LEXICAL_HTML_FIELDS = {
    "callout": (("calloutText", BlockKind.PARAGRAPH),),
    "toggle": (("heading", BlockKind.HEADING), ("content", BlockKind.PARAGRAPH)),
    "header": (("header", BlockKind.HEADING), ("subheader", BlockKind.PARAGRAPH)),
}


def _lexical_type(node: Any) -> str:
    kind = _child(node, "type")
    if not isinstance(kind, str):
        return ""
    return kind.removeprefix("extended-")


def read_ghost(source: str) -> tuple[Block, ...]:
    parsed, layer = _parse(source)
    posts = list(_find(parsed, (), lambda item: isinstance(item.get("lexical"), str)))
    if not posts:
        raise ReaderError('no Ghost post in it: no object with a "lexical" string')
    blocks: list[Block] = []
    for article, path, post in _articles(posts):
        blocks += _ghost_post(layer, path, post, article)
    return tuple(blocks)


def _ghost_post(layer: _Layer, path: Path, post: dict[str, Any], article: int) -> Iterator[Block]:
    yield from _field_blocks(layer, path + ("title",), BlockKind.HEADLINE, article)
    for key in GHOST_SUMMARY_KEYS:
        yield from _field_blocks(layer, path + (key,), BlockKind.SUMMARY, article)
    yield from _field_blocks(layer, path + ("feature_image_caption",), BlockKind.CAPTION, article, "auto")
    yield from _field_blocks(layer, path + ("feature_image_alt",), BlockKind.ALT_TEXT, article)
    lexical, inner = layer.inner(path + ("lexical",), "the lexical document")
    yield from _lexical_nodes(inner, _child(lexical, "root"), ("root",), article)


def _lexical_nodes(layer: _Layer, node: Any, path: Path, article: int) -> Iterator[Block]:
    kind = _lexical_type(node)
    if kind in LEXICAL_BLOCKS:
        yield from _lexical_block(layer, node, path, LEXICAL_BLOCKS[kind], article)
    elif kind in LEXICAL_CAPTIONED:
        yield from _lexical_image(layer, path, article)
    elif kind == "gallery":
        for _, image_path in _items(node, "images", path):
            yield from _lexical_image(layer, image_path, article)
    elif kind in ("html", "markdown"):
        blocks = list(_field_blocks(layer, path + (kind,), None, article, kind))
        if len(blocks) == 1:  # the card is that block: a fix removes the card, not just its markup
            blocks = [replace(blocks[0], extent=layer.to_file_span(layer.element(path)))]
        yield from blocks
    elif kind in LEXICAL_HTML_FIELDS:
        for key, field_kind in LEXICAL_HTML_FIELDS[kind]:
            yield from _field_blocks(layer, path + (key,), field_kind, article, "auto")
    elif kind in LEXICAL_CONTAINERS or isinstance(_child(node, "children"), list):
        for child, child_path in _items(node, "children", path):
            yield from _lexical_nodes(layer, child, child_path, article)


def _lexical_image(layer: _Layer, path: Path, article: int) -> Iterator[Block]:
    yield from _field_blocks(layer, path + ("caption",), BlockKind.CAPTION, article, "auto")
    yield from _field_blocks(layer, path + ("alt",), BlockKind.ALT_TEXT, article)


def _lexical_block(layer: _Layer, node: Any, path: Path, kind: BlockKind, article: int) -> Iterator[Block]:
    runs, nested = _Runs(), list[Path]()
    _lexical_inline(layer, node, path, runs, nested)
    if nested and len(runs.strings) == 1:
        # A list item holding a nested list: removing the whole item would remove the
        # nested items too, so its extent is its own text.
        block = _block(layer, kind, runs, layer.content(runs.strings[0]), path, article)
    else:
        block = _node_block(layer, kind, runs, path, article)
    if block is not None:
        yield block
    for nested_path in nested:
        yield from _lexical_nodes(layer, _resolve(node, nested_path[len(path):]), nested_path, article)


def _lexical_inline(layer: _Layer, node: Any, path: Path, runs: _Runs, nested: list[Path]) -> None:
    for child, child_path in _items(node, "children", path):
        kind = _lexical_type(child)
        if isinstance(_child(child, "text"), str):
            runs.add_string(layer, child_path + ("text",))
        elif kind == "linebreak":
            runs.add_literal("\n", layer.spans[child_path])
        elif kind == "tab":
            runs.add_literal("\t", layer.spans[child_path])
        elif kind in LEXICAL_BLOCKS or kind in LEXICAL_CONTAINERS:
            nested.append(child_path)
        elif isinstance(_child(child, "children"), list):  # a link and other inline elements
            _lexical_inline(layer, child, child_path, runs, nested)


def _resolve(value: Any, path: Path) -> Any:
    for part in path:
        value = value[part]
    return value


# --- Sanity: Portable Text --------------------------------------------------------------

SANITY_IMAGE_FIELDS = (("caption", BlockKind.CAPTION), ("alt", BlockKind.ALT_TEXT),
                       ("credit", BlockKind.CREDIT), ("attribution", BlockKind.CREDIT))
SANITY_STYLES = {
    **{f"h{level}": BlockKind.HEADING for level in range(1, 7)},
    "blockquote": BlockKind.QUOTE,
}
SANITY_COLLECTION_KEYS = ("result", "documents", "articles", "posts", "items")


def _is_portable_text(value: Any) -> bool:
    """An array of typed objects: Portable Text blocks, images and custom objects."""
    return isinstance(value, list) and any(isinstance(_child(item, "_type"), str) for item in value)


def _is_other_document(value: dict[str, Any]) -> bool:
    """A reference, or a referenced document expanded in place (an author with a bio)."""
    return "_id" in value or "_ref" in value


def _is_image(value: Any) -> bool:
    return isinstance(value, dict) and (value.get("_type") == "image" or isinstance(value.get("asset"), dict))


def read_sanity(source: str) -> tuple[Block, ...]:
    parsed, layer = _parse(source)
    top: Path = ()
    if isinstance(parsed, dict):
        for key in SANITY_COLLECTION_KEYS:
            if isinstance(parsed.get(key), (dict, list)):
                top = (key,)
                break
    value = _resolve(parsed, top)
    documents = [(top + (index,), item) for index, item in enumerate(value) if isinstance(item, dict)] \
        if isinstance(value, list) else [(top, value)]
    blocks: list[Block] = []
    for article, path, document in _articles(documents):
        blocks += _sanity_object(layer, document, path, article, top_level=True)
    return tuple(blocks)


def _sanity_object(layer: _Layer, obj: Any, path: Path, article: int, top_level: bool) -> Iterator[Block]:
    """A document's fields in order: its title, summaries, images and Portable Text."""
    if not isinstance(obj, dict):
        return
    for key, value in obj.items():
        name, here = _normal_key(key), path + (key,)
        if name in TITLE_KEYS and top_level and isinstance(value, str):
            yield from _field_blocks(layer, here, BlockKind.HEADLINE, article)
        elif name in SUMMARY_KEYS and isinstance(value, str):
            yield from _field_blocks(layer, here, BlockKind.SUMMARY, article)
        elif _is_portable_text(value):
            summary = name in SUMMARY_KEYS
            for index, item in enumerate(value):
                yield from _sanity_body_item(layer, item, here + (index,), article, summary)
        elif _is_image(value):
            yield from _sanity_image(layer, here, article)
        elif isinstance(value, dict) and not key.startswith("_") and not _is_other_document(value):
            yield from _sanity_object(layer, value, here, article, top_level=False)


def _sanity_body_item(layer: _Layer, item: Any, path: Path, article: int, summary: bool) -> Iterator[Block]:
    if not isinstance(item, dict):
        return
    if item.get("_type") == "block":
        runs = _Runs()
        for child, child_path in _items(item, "children", path):
            if isinstance(_child(child, "text"), str) and _child(child, "_type") in ("span", None):
                runs.add_string(layer, child_path + ("text",))
        block = _node_block(layer, _sanity_kind(item, summary), runs, path, article)
        if block is not None:
            yield block
    elif _is_image(item):
        yield from _sanity_image(layer, path, article)
    elif not _is_other_document(item):  # a custom object (a callout, a pull quote): its own fields
        yield from _sanity_object(layer, item, path, article, top_level=False)


def _sanity_kind(block: dict[str, Any], summary: bool) -> BlockKind:
    if summary:
        return BlockKind.SUMMARY
    if block.get("listItem"):
        return BlockKind.LIST_ITEM
    style = block.get("style")
    return SANITY_STYLES.get(style, BlockKind.PARAGRAPH) if isinstance(style, str) else BlockKind.PARAGRAPH


def _sanity_image(layer: _Layer, path: Path, article: int) -> Iterator[Block]:
    for key, kind in SANITY_IMAGE_FIELDS:
        yield from _field_blocks(layer, path + (key,), kind, article)


# --- Contentful: Rich Text --------------------------------------------------------------

CONTENTFUL_BLOCKS = {
    "paragraph": BlockKind.PARAGRAPH,
    **{f"heading-{level}": BlockKind.HEADING for level in range(1, 7)},
}
# Nodes whose paragraphs take the node's kind.
CONTENTFUL_WRAPPERS = {
    "blockquote": BlockKind.QUOTE, "list-item": BlockKind.LIST_ITEM,
    "table-cell": BlockKind.PARAGRAPH, "table-header-cell": BlockKind.HEADING,
}


def _is_rich_text(value: Any) -> bool:
    return isinstance(value, dict) and value.get("nodeType") == "document"


def _is_entry(value: Any) -> bool:
    return isinstance(value.get("fields"), dict) and any(
        _is_rich_text(field) or (isinstance(field, dict) and any(_is_rich_text(v) for v in field.values()))
        for field in value["fields"].values())


def read_contentful(source: str) -> tuple[Block, ...]:
    parsed, layer = _parse(source)
    entries: list[tuple[Path, Any]]
    if isinstance(parsed, dict) and isinstance(parsed.get("items"), list):  # a collection: its items only
        entries = [(("items", index), item) for index, item in enumerate(parsed["items"])
                   if isinstance(item, dict) and _is_entry(item)]
    else:
        outside_includes = {key: value for key, value in parsed.items() if key != "includes"} \
            if isinstance(parsed, dict) else parsed
        entries = list(_find(outside_includes, (), _is_entry)) or list(_find(outside_includes, (), _is_rich_text))
    if not entries:
        raise ReaderError('no Contentful entry in it: no Rich Text document ({"nodeType": "document"})')
    assets = _assets(parsed)
    blocks: list[Block] = []
    for article, path, entry in _articles(entries):
        if _is_rich_text(entry):
            blocks += _contentful_nodes(layer, entry, path, None, article, assets)
        else:
            blocks += _contentful_fields(layer, entry["fields"], path + ("fields",), article, assets)
    return tuple(blocks)


def _assets(parsed: Any) -> dict[str, tuple[Path, Any]]:
    """Each included asset by id: its path in the file and its fields."""
    found: dict[str, tuple[Path, Any]] = {}
    for asset, path in _items(_child(parsed, "includes"), "Asset", ("includes",)):
        asset_id = _child(_child(asset, "sys"), "id")
        if isinstance(asset_id, str):
            found[asset_id] = (path, _child(asset, "fields"))
    return found


def _localised(value: Any, path: Path) -> tuple[Any, Path]:
    """A field's value, or for a localised field (``{"en-US": ...}``) its first locale's."""
    if isinstance(value, dict) and value and "nodeType" not in value and all(
            isinstance(key, str) and _LOCALE.fullmatch(key) for key in value):
        key = next(iter(value))
        return value[key], path + (key,)
    return value, path


def _contentful_fields(layer: _Layer, fields: dict[str, Any], path: Path, article: int,
                       assets: dict[str, tuple[Path, Any]]) -> Iterator[Block]:
    headline_taken = False
    for key, raw in fields.items():
        value, here = _localised(raw, path + (key,))
        name = _normal_key(key)
        if name in TITLE_KEYS and isinstance(value, str) and not headline_taken:
            headline_taken = True
            yield from _field_blocks(layer, here, BlockKind.HEADLINE, article)
        elif name in SUMMARY_KEYS and isinstance(value, str):
            yield from _field_blocks(layer, here, BlockKind.SUMMARY, article)
        elif _is_rich_text(value):
            kind = BlockKind.SUMMARY if name in SUMMARY_KEYS else None
            yield from _contentful_nodes(layer, value, here, kind, article, assets)


def _contentful_nodes(layer: _Layer, node: Any, path: Path, kind: BlockKind | None, article: int,
                      assets: dict[str, tuple[Path, Any]], element: Path | None = None) -> Iterator[Block]:
    """The blocks of a Rich Text node. `element` is the outermost node above it that holds
    nothing else (a list item of one paragraph), which a fix removes with it, so that no
    empty list item or quote is left behind."""
    node_type = _child(node, "nodeType")
    if not isinstance(node_type, str):
        return
    if node_type in CONTENTFUL_BLOCKS:
        own = CONTENTFUL_BLOCKS[node_type]
        runs = _Runs()
        _contentful_inline(layer, node, path, runs)
        chosen = kind if kind is not None and own is not BlockKind.HEADING else own
        block = _node_block(layer, chosen, runs, path, article, element)
        if block is not None:
            yield block
    elif node_type == "embedded-asset-block":
        yield from _contentful_asset(layer, node, article, assets)
    else:
        inner_kind = CONTENTFUL_WRAPPERS.get(node_type, kind)
        children = list(_items(node, "content", path))
        if len(children) != 1 or node_type == "document":
            element = None
        elif element is None:
            element = path
        for child, child_path in children:
            yield from _contentful_nodes(layer, child, child_path, inner_kind, article, assets, element)


def _contentful_inline(layer: _Layer, node: Any, path: Path, runs: _Runs) -> None:
    for child, child_path in _items(node, "content", path):
        if _child(child, "nodeType") == "text" and isinstance(_child(child, "value"), str):
            runs.add_string(layer, child_path + ("value",))
        elif isinstance(_child(child, "content"), list):  # hyperlinks
            _contentful_inline(layer, child, child_path, runs)


def _contentful_asset(layer: _Layer, node: Any, article: int,
                      assets: dict[str, tuple[Path, Any]]) -> Iterator[Block]:
    asset_id = _child(_child(_child(_child(node, "data"), "target"), "sys"), "id")
    if not isinstance(asset_id, str) or asset_id not in assets:
        return
    path, fields = assets[asset_id]
    for key in ("description", "title"):
        value, here = _localised(_child(fields, key), path + ("fields", key))
        if isinstance(value, str) and value.strip():
            yield from _field_blocks(layer, here, BlockKind.CAPTION, article)
            return


# --- the readers ------------------------------------------------------------------------


@dataclass(frozen=True)
class GhostReader:
    name: str = "ghost"
    extensions: tuple[str, ...] = (".json",)
    charset_in_markup: bool = False

    def matches(self, source: str) -> bool:
        return _LEXICAL_STRING.search(source) is not None

    def read(self, path: str, source: str) -> Document:
        return _document(path, source, self.name, read_ghost(source),
                         "title, excerpt or text in a lexical document")


@dataclass(frozen=True)
class SanityReader:
    name: str = "sanity"
    extensions: tuple[str, ...] = (".json",)
    charset_in_markup: bool = False

    def matches(self, source: str) -> bool:
        return '"_type"' in source and '"children"' in source

    def read(self, path: str, source: str) -> Document:
        return _document(path, source, self.name, read_sanity(source),
                         "title, excerpt, Portable Text block or image caption")


@dataclass(frozen=True)
class ContentfulReader:
    name: str = "contentful"
    extensions: tuple[str, ...] = (".json",)
    charset_in_markup: bool = False

    def matches(self, source: str) -> bool:
        return '"nodeType"' in source

    def read(self, path: str, source: str) -> Document:
        return _document(path, source, self.name, read_contentful(source),
                         "title, summary, Rich Text paragraph or asset description")


@hookimpl
def newslint_readers() -> list[GhostReader | SanityReader | ContentfulReader]:
    return [GhostReader(), SanityReader(), ContentfulReader()]


__all__ = ["ContentfulReader", "GhostReader", "SanityReader", "read_contentful", "read_ghost", "read_sanity",
           "value_spans"]
