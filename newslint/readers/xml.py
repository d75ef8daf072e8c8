"""News XML: NITF documents and IPTC NewsML-G2 items, with exact positions.

Two readers claim ``.xml``. `NitfReader` (``nitf``) takes a document whose first 2,000
characters hold ``<nitf``; `NewsMLG2Reader` (``newsml-g2``, asked first) one whose root is
a ``newsItem``, ``packageItem`` or ``newsMessage`` and that names the IPTC namespace
(``http://iptc.org/std/nar/2006-10-01/``) near its top.

Reading is strict. The standard library's expat parser first checks the document is
well-formed (and namespace-well-formed: every prefix bound): a malformed one is a `ReaderError` naming the line and column. A DOCTYPE
with an internal subset, any entity declaration and any entity but the five predefined
ones (``&amp; &lt; &gt; &quot; &apos;``) are refused, and nothing external is loaded;
character references are read. The document is then tokenised again with offsets into
the decoded source, so each block's source map is exact: literal text and CDATA map
character for character, each entity or character reference onto its whole source as
one unit. White space collapses as in HTML (a run is one space mapped onto the run).

What becomes a block (element names compare by local name, case-insensitively):

- NITF: ``body.head/hedline/hl1`` -> HEADLINE, ``hedline/hl2`` (a subheadline) -> SUMMARY,
  ``byline`` -> BYLINE, ``abstract`` -> SUMMARY, ``note`` -> OTHER; ``head/title`` is an
  alternate headline (see below), ``head/docdata/correction`` -> OTHER (its text or its
  ``info`` attribute). In ``body.content``: ``p`` -> PARAGRAPH, ``hl2`` -> HEADING,
  ``bq``/``blockquote`` -> QUOTE (its ``credit`` -> CREDIT), ``li`` -> LIST_ITEM, ``media``:
  ``media-caption`` -> CAPTION, ``media-producer`` -> CREDIT, the ``alternate-text`` of
  ``media-reference`` -> ALT_TEXT; ``note``, ``correction``, ``tagline`` and table cells ->
  OTHER. ``block``, lists, tables and other containers hold blocks; a ``p`` or ``block``
  takes the kind of what holds it (a ``p`` inside ``bq`` is quote text). Every other
  element is inline: its text joins its block's text, so a ``<person>`` or ``<em>`` never
  splits a sentence. Metadata (``docdata``, ``pubdata``, ``dateline``, ``rights``...) is not read.
- NewsML-G2: in each ``newsItem``, ``contentMeta/headline`` -> HEADLINE,
  ``contentMeta/description`` -> SUMMARY, ``contentMeta/creditline`` and ``by`` -> BYLINE,
  and the first rendition in ``contentSet``: ``inlineXML`` holding XHTML (``h1`` is a
  headline candidate, ``h2``-``h6`` HEADING, ``p``, ``li``, ``blockquote``, ``figcaption``,
  ``img alt``; inside a figure an element whose class names a credit, as in HTML, is a
  CREDIT) or NITF, read with the same mapping; or ``inlineData`` holding escaped
  HTML or plain text, read as the HTML or text reader reads it through the XML text.
  A ``newsMessage`` or package holding several ``newsItem`` elements is a collection: each
  item's blocks carry its number in `Block.article` (1, 2, ...), so no rule looks across two.

One headline an article: the first of its candidates by rank (NITF ``hedline/hl1`` and
G2 ``contentMeta/headline`` first, then a body ``hl1``/``h1``, then NITF ``head/title``).
The other candidates are alternate headlines, SUMMARY (never compared as body copy), except
that a body ``h1`` after the first body ``h1`` is a HEADING, as in HTML.

`pointer` is the path of element indexes from the root element to the element a block
comes from: each step is the 0-based index among its parent's child elements (text,
comments and processing instructions are not counted); the root itself is ``""``. So
``/1/2/0`` is the first child element of the third child element of the root's second
child element. `extent` is the element that holds nothing but the block, from the ``<``
of its start tag to the ``>`` of its end tag (never the root element), else the block's
run of text and whole inline elements inside its element: removing it always leaves
well-formed XML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from xml.parsers import expat

from newslint.document import (
    HTML_COMMENTS,
    Block,
    BlockKind,
    Document,
    Segment,
    SourceMap,
    SourceMapBuilder,
)
from newslint.hookspecs import hookimpl
from newslint.readers import ReaderError, with_article_text
from newslint.readers.html import CONTAINER_WORDS, CREDIT_WORDS, TextRun, read_html
from newslint.readers.text import TextReader

IPTC_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
NITF_SNIFF_CHARS = 2000
G2_SNIFF_CHARS = 4000
_NITF_ROOT = re.compile(r"<(?:[\w.-]+:)?nitf[\s/>]")
_G2_ROOT = re.compile(r"<(?:[\w.-]+:)?(?:newsItem|packageItem|newsMessage)[\s/>]")

PREDEFINED_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_MARKUP = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<\?.*?\?>"
    r"|<!DOCTYPE(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"
    r"|</(?P<close>[^\s>]+)\s*>"
    r"|<(?P<open>[^\s/>!?]+)(?P<attributes>(?:\s+[^\s=]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/?)>",
    re.DOTALL,
)
_REFERENCE = re.compile(r"&(?:#x(?P<hex>[0-9a-fA-F]+)|#(?P<decimal>[0-9]+)|(?P<name>[^\s&;]+));")
_ATTRIBUTE = re.compile(r"([^\s=]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_INVISIBLE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*")
_LOOKS_LIKE_HTML = re.compile(r"<[a-zA-Z][^>]*>|</[a-zA-Z]")
_SENTENCE_END = re.compile(r"[.!?:;\u2026\"'\u201d\u2019)]\s*$")

# Headline candidates, strongest first.
RANK_FIELD, RANK_BODY, RANK_TITLE = 0, 1, 2
KEEPS_OWN_KIND = frozenset({BlockKind.ALT_TEXT, BlockKind.CREDIT})


# --- the element mapping --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Role:
    """How an element is read. A boundary's text is a block (or blocks) of its own; `kind`
    None takes the kind of what holds it; `forced` imposes a kind on everything inside;
    `rank` makes it a headline candidate; `attribute` is read as its text when it has none."""

    boundary: bool = True
    kind: BlockKind | None = None
    forced: BlockKind | None = None
    rank: int | None = None
    attribute: str | None = None


INLINE = _Role(boundary=False)
CONTAINER = _Role()
SKIP = _Role(boundary=False, kind=BlockKind.OTHER)  # identity-compared: never read
BREAK = _Role(boundary=False, kind=BlockKind.PARAGRAPH)  # identity-compared: a line break

_HEADINGS = {name: _Role(kind=BlockKind.HEADING) for name in ("hl2", "h2", "h3", "h4", "h5", "h6")}
ROLES: dict[str, _Role] = {
    **{name: CONTAINER for name in (
        "nitf", "body", "body.head", "body.content", "body.end", "block", "hedline", "ul", "ol", "dl", "media",
        "div", "section", "article", "main", "header", "footer", "aside", "figure", "table", "thead", "tbody",
        "tfoot", "tr", "nitf-table", "html", "inlinexml", "head", "docdata", "newsitem", "contentmeta",
        "contentset", "fn", "p", "dd", "dt", "pre", "address")},
    **_HEADINGS,
    "hl1": _Role(kind=BlockKind.HEADLINE, rank=RANK_BODY),
    "h1": _Role(kind=BlockKind.HEADLINE, rank=RANK_BODY),
    "bq": _Role(kind=BlockKind.QUOTE),
    "blockquote": _Role(kind=BlockKind.QUOTE),
    "li": _Role(kind=BlockKind.LIST_ITEM),
    "media-caption": _Role(kind=BlockKind.CAPTION),
    "figcaption": _Role(kind=BlockKind.CAPTION),
    "caption": _Role(kind=BlockKind.CAPTION),
    "media-producer": _Role(kind=BlockKind.CREDIT),
    "credit": _Role(kind=BlockKind.CREDIT),
    "byline": _Role(kind=BlockKind.BYLINE),
    "abstract": _Role(forced=BlockKind.SUMMARY),
    "note": _Role(forced=BlockKind.OTHER),
    "correction": _Role(forced=BlockKind.OTHER, attribute="info"),
    "tagline": _Role(kind=BlockKind.OTHER),
    "bibliography": _Role(kind=BlockKind.OTHER),
    "td": _Role(kind=BlockKind.OTHER),
    "th": _Role(kind=BlockKind.OTHER),
    "br": BREAK,
    "hr": CONTAINER,
    "img": _Role(kind=BlockKind.ALT_TEXT, attribute="alt"),
    "media-reference": _Role(kind=BlockKind.ALT_TEXT, attribute="alternate-text"),
    **{name: SKIP for name in ("script", "style", "noscript", "template", "svg", "math", "iframe", "textarea",
                               "media-metadata", "media-object", "meta", "link", "dateline", "distributor",
                               "series", "rights", "pubdata", "tobject", "iim", "identified-content")},
}
# Roles that hold for a child of one parent only.
IN_PARENT: dict[tuple[str, str], _Role] = {
    ("hedline", "hl1"): _Role(kind=BlockKind.HEADLINE, rank=RANK_FIELD),
    ("hedline", "hl2"): _Role(kind=BlockKind.SUMMARY),
    ("head", "title"): _Role(kind=BlockKind.HEADLINE, rank=RANK_TITLE),
    ("contentmeta", "headline"): _Role(kind=BlockKind.HEADLINE, rank=RANK_FIELD),
    ("contentmeta", "description"): _Role(forced=BlockKind.SUMMARY),
    ("contentmeta", "creditline"): _Role(kind=BlockKind.BYLINE),
    ("contentmeta", "by"): _Role(kind=BlockKind.BYLINE),
}
# Parents whose children are read only when named here (metadata holders).
SELECTIVE: dict[str, frozenset[str]] = {
    "head": frozenset({"title", "docdata"}),
    "docdata": frozenset({"correction"}),
    "body.head": frozenset({"hedline", "note", "byline", "abstract"}),
    "newsitem": frozenset({"contentmeta", "contentset"}),
    "contentmeta": frozenset({"headline", "description", "creditline", "by"}),
    "contentset": frozenset({"inlinexml", "inlinedata"}),
}
FIGURE_NAMES = frozenset({"figure", "figcaption", "media", "media-caption"})
CREDIT_BY_CLASS = _Role(kind=BlockKind.CREDIT)
_CLASS_WORD = re.compile(r"[-_\s]+|(?<=[a-z])(?=[A-Z])")
RENDITIONS = frozenset({"inlinexml", "inlinedata"})
INLINE_DATA = "inlinedata"
BOUNDARY_NAMES = frozenset(name for name, role in ROLES.items() if role.boundary and role.attribute is None) \
    | {child for _, child in IN_PARENT} | {INLINE_DATA}


# --- the tree ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Chars:
    """Decoded character data and its source span: literal text or CDATA content
    (character for character), or one reference (one unit)."""

    text: str
    start: int
    end: int
    reference: bool


@dataclass(eq=False, slots=True)
class _Element:
    name: str  # local name, lower case
    start: int  # the "<" of its start tag
    attributes: str  # the raw attribute text of its start tag
    attributes_at: int
    path: tuple[int, ...]
    children: list[_Element | _Chars] = field(default_factory=list)
    end: int = -1  # just after the ">" of its end tag (or of its empty-element tag)
    element_count: int = 0
    holds_boundary: bool = False

    def attribute(self, name: str) -> tuple[str, int] | None:
        """The raw value of attribute `name` (by local name) and its source offset."""
        for match in _ATTRIBUTE.finditer(self.attributes):
            if _local(match.group(1)) == name:
                group = 2 if match.group(2) is not None else 3
                return match.group(group), self.attributes_at + match.start(group)
        return None


def _local(name: str) -> str:
    return name.rpartition(":")[2].lower()


def _line_and_column(source: str, offset: int) -> tuple[int, int]:
    line_start = max(source.rfind("\n", 0, offset), source.rfind("\r", 0, offset)) + 1
    return source.count("\n", 0, offset) + source.count("\r", 0, offset) - source.count("\r\n", 0, offset) + 1, \
        offset - line_start + 1


class _Refused(Exception):
    """A construct the reader will not read (entity declarations and the like), and the
    text it starts with, to report where it starts."""

    def __init__(self, message: str, opening: str):
        super().__init__(message)
        self.opening = opening


def _check_well_formed(source: str) -> None:
    """Raise `ReaderError` with line and column unless `source` is well-formed XML that
    declares no entities and uses none but the predefined ones."""
    # The source is decoded already, whatever it declares; prefixes must be bound (namespace-well-formed).
    parser = expat.ParserCreate(encoding="UTF-8", namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def doctype(name: str, system_id: str | None, public_id: str | None, internal_subset: int) -> None:
        if internal_subset:
            raise _Refused("a DOCTYPE with an internal subset is not read (no entity declarations)", "<!DOCTYPE")

    def declared(name: str, *rest: object) -> None:
        raise _Refused(f"entity {name!r} is declared: no entity but the five predefined ones is read", "<!ENTITY")

    def skipped(name: str, is_parameter: int) -> None:
        raise _Refused(f"entity '&{name};' is not defined (only &amp; &lt; &gt; &quot; &apos; and character "
                       f"references are read)", f"&{name};")

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = declared
    parser.SkippedEntityHandler = skipped
    try:
        encoded = source.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ReaderError(f"not XML text: an unpaired surrogate at offset {error.start}") from None
    try:
        parser.Parse(encoded, True)
    except expat.ExpatError as error:
        at = len(encoded[:parser.ErrorByteIndex].decode("utf-8", "ignore"))
        line, column = _line_and_column(source, at)
        raise ReaderError(f"malformed XML at line {line}, column {column}: "
                          f"{expat.ErrorString(error.code)}") from None
    except _Refused as refused:
        at = len(encoded[:max(parser.CurrentByteIndex, 0)].decode("utf-8", "ignore"))
        opening = source.rfind(refused.opening, 0, at + len(refused.opening))
        line, column = _line_and_column(source, opening if opening >= 0 else at)
        raise ReaderError(f"refused at line {line}, column {column}: {refused}") from None


def _character_data(source: str, start: int, end: int, into: list[_Element | _Chars]) -> None:
    position = start
    for match in _REFERENCE.finditer(source, start, end):
        if match.start() > position:
            into.append(_Chars(source[position:match.start()], position, match.start(), False))
        into.append(_Chars(_dereference(match), match.start(), match.end(), True))
        position = match.end()
    if position < end:
        into.append(_Chars(source[position:end], position, end, False))


def _dereference(match: re.Match[str]) -> str:
    if match.group("hex") is not None:
        return chr(int(match.group("hex"), 16))
    if match.group("decimal") is not None:
        return chr(int(match.group("decimal")))
    name = match.group("name")
    if name not in PREDEFINED_ENTITIES:  # expat lets an undefined entity pass only behind a DTD
        raise ReaderError(f"entity '&{name};' is not defined (only the five predefined ones are read)")
    return PREDEFINED_ENTITIES[name]


def parse(source: str) -> _Element:
    """The root element of well-formed XML `source`, every node with its source offsets."""
    _check_well_formed(source)
    document = _Element("#document", 0, "", 0, ())
    stack = [document]
    position = 0
    while True:
        opening = source.find("<", position)
        if opening < 0:
            break
        if opening > position and len(stack) > 1:
            _character_data(source, position, opening, stack[-1].children)
        match = _MARKUP.match(source, opening)
        if match is None:  # expat accepted it, so this cannot happen; refuse rather than guess
            line, column = _line_and_column(source, opening)
            raise ReaderError(f"cannot tokenise the markup at line {line}, column {column}")
        position = match.end()
        if match.group("cdata") is not None:
            if len(stack) > 1:
                stack[-1].children.append(_Chars(match.group("cdata"), match.start("cdata"), match.end("cdata"),
                                                 False))
        elif match.group("open") is not None:
            parent = stack[-1]
            element = _Element(_local(match.group("open")), opening, match.group("attributes"),
                               match.start("attributes"), (*parent.path, parent.element_count))
            parent.element_count += 1
            parent.children.append(element)
            if match.group("empty"):
                _close(element, position, parent)
            else:
                stack.append(element)
        elif match.group("close") is not None:
            element = stack.pop()
            _close(element, position, stack[-1])
    roots = [child for child in document.children if isinstance(child, _Element)]
    if not roots:
        raise ReaderError("no root element")
    root = roots[0]
    root.path = ()
    _fix_paths(root)
    return root


def _close(element: _Element, end: int, parent: _Element) -> None:
    element.end = end
    if element.name in BOUNDARY_NAMES or element.holds_boundary:
        parent.holds_boundary = True


def _fix_paths(root: _Element) -> None:
    """Paths from the root element (the tokeniser counted the document node too)."""
    stack = [root]
    while stack:
        element = stack.pop()
        index = 0
        for child in element.children:
            if isinstance(child, _Element):
                child.path = (*element.path, index)
                index += 1
                stack.append(child)


def pointer(path: tuple[int, ...]) -> str:
    return "".join(f"/{index}" for index in path)


# --- blocks --------------------------------------------------------------------------


@dataclass(slots=True)
class _Draft:
    kind: BlockKind
    text: str
    segments: list[list[int]] | SourceMap
    extent: tuple[int, int]
    pointer: str
    rank: int | None = None

    @property
    def source_start(self) -> int:
        if isinstance(self.segments, SourceMap):
            return self.segments.segments[0].source_start
        return self.segments[0][2]

    def freeze(self, article: int) -> Block:
        source_map = self.segments if isinstance(self.segments, SourceMap) \
            else SourceMap(tuple(Segment(*segment) for segment in self.segments))
        return Block(self.kind, self.text, source_map, self.extent, self.pointer, article=article)


@dataclass(slots=True)
class _Frame:
    """A boundary element being read."""

    element: _Element
    role: _Role
    kind: BlockKind
    forced: BlockKind | None
    drafts_before: int
    run: TextRun = field(default_factory=TextRun)
    run_start: int = -1  # where the run's first word or inline element starts
    run_end: int = -1
    rank: int | None = None  # a headline candidate's rank, inherited with the kind
    own_drafts: int = 0
    index: int = 0
    figure: bool = False  # inside a figure, media element or caption


def _role(element: _Element, parent: _Element) -> _Role:
    allowed = SELECTIVE.get(parent.name)
    if allowed is not None:
        if element.name not in allowed:
            return SKIP
        if parent.name == "contentset" and element is not _first_rendition(parent):
            return SKIP  # the other renditions are the same content again
    return IN_PARENT.get((parent.name, element.name)) or ROLES.get(element.name, INLINE)


def _names_credit(element: _Element) -> bool:
    """Whether the element's class names a credit (``<span class="photo-credit">``), as in HTML."""
    found = element.attribute("class")
    if found is None:
        return False
    for token in found[0].split():
        words = [word.lower() for word in _CLASS_WORD.split(token) if word]
        if words and words[-1] not in CONTAINER_WORDS and any(word in CREDIT_WORDS for word in words):
            return True
    return False


def _first_rendition(content_set: _Element) -> _Element | None:
    return next((child for child in content_set.children
                 if isinstance(child, _Element) and child.name in RENDITIONS), None)


class _Reader:
    """Turns the elements under one root into block drafts."""

    def __init__(self, source: str, root: _Element):
        self.source = source
        self.root = root
        self.drafts: list[_Draft] = []

    def read(self, element: _Element, role: _Role, kind: BlockKind = BlockKind.PARAGRAPH) -> None:
        stack = [self._frame(element, role, kind, None)]
        while stack:
            frame = stack[-1]
            children = frame.element.children
            if frame.index == len(children):
                self._flush(frame)
                self._finish(stack.pop())
                continue
            child = children[frame.index]
            frame.index += 1
            if isinstance(child, _Chars):
                self._add_chars(frame, child)
                continue
            child_role = _role(child, frame.element)
            if child_role is SKIP:
                continue
            if frame.figure and child_role.attribute is None and _names_credit(child):
                child_role = CREDIT_BY_CLASS
            if child_role is BREAK:
                if frame.run.add_break(child.start, child.end):
                    self._flush(frame)
                continue
            if child_role.attribute is not None and not child.children:
                self._attribute_draft(child, child_role, frame)
                continue
            if child.name == INLINE_DATA:
                self._flush(frame)
                self._inline_data(child, frame)
                continue
            if not child_role.boundary and not child.holds_boundary:
                self._add_inline(frame, child)
                continue
            self._flush(frame)
            if child_role.kind is None:
                pushed = self._frame(child, child_role, frame.kind, frame.forced, frame.rank)
            else:
                pushed = self._frame(child, child_role, child_role.kind, frame.forced, child_role.rank)
            pushed.figure = frame.figure or child.name in FIGURE_NAMES
            stack.append(pushed)

    def _frame(self, element: _Element, role: _Role, kind: BlockKind, forced: BlockKind | None,
               rank: int | None = None) -> _Frame:
        return _Frame(element, role, kind, role.forced or forced, len(self.drafts), rank=rank)

    def _kind(self, frame: _Frame, kind: BlockKind) -> tuple[BlockKind, int | None]:
        if frame.forced is not None and kind not in KEEPS_OWN_KIND:
            return frame.forced, None
        return kind, frame.rank if kind is BlockKind.HEADLINE else None

    def _add_chars(self, frame: _Frame, chars: _Chars) -> None:
        run = frame.run
        before = run.length
        if chars.reference:
            run.add_decoded(chars.text, chars.start, chars.end)
        else:
            run.add_text(chars.text, chars.start)
        if run.length > before:
            if frame.run_start < 0:
                frame.run_start = run.start
            frame.run_end = run.end

    def _add_inline(self, frame: _Frame, element: _Element) -> None:
        run = frame.run
        before = run.length
        pending: list[tuple[_Element, int]] = [(element, 0)]
        while pending:
            current, index = pending.pop()
            if index == len(current.children):
                continue
            pending.append((current, index + 1))
            child = current.children[index]
            if isinstance(child, _Chars):
                if child.reference:
                    run.add_decoded(child.text, child.start, child.end)
                else:
                    run.add_text(child.text, child.start)
                continue
            child_role = _role(child, current)
            if child_role is BREAK:
                run.add_break(child.start, child.end)  # inside an inline element, only a line break
            elif child_role.attribute is not None and not child.children:
                self._attribute_draft(child, child_role, frame)
            elif child_role is not SKIP:
                pending.append((child, 0))
        if run.length > before:
            if frame.run_start < 0:
                frame.run_start = element.start
            frame.run_end = element.end

    def _flush(self, frame: _Frame) -> None:
        run = frame.run
        if run.length:
            run.drop_trailing_break()
            text = run.text()
            if text and not _INVISIBLE.fullmatch(text):
                kind, rank = self._kind(frame, frame.kind)
                self.drafts.append(_Draft(kind, text, run.pieces.segments, (frame.run_start, frame.run_end),
                                          pointer(frame.element.path), rank))
                frame.own_drafts += 1
        frame.run = TextRun()
        frame.run_start = frame.run_end = -1

    def _finish(self, frame: _Frame) -> None:
        made = len(self.drafts) - frame.drafts_before
        element = frame.element
        if made == 1 and frame.own_drafts == 1 and element is not self.root:
            self.drafts[-1].extent = (element.start, element.end)
        elif made == 0 and frame.role.attribute is not None:
            self._attribute_draft(element, frame.role, frame)

    def _attribute_draft(self, element: _Element, role: _Role, frame: _Frame) -> None:
        found = element.attribute(role.attribute or "")
        if found is None:
            return
        raw, at = found
        run = TextRun()
        chars: list[_Element | _Chars] = []
        _character_data(self.source, at, at + len(raw), chars)
        for piece in chars:
            assert isinstance(piece, _Chars)
            if piece.reference:
                run.add_decoded(piece.text, piece.start, piece.end)
            else:
                run.add_text(piece.text, piece.start)
        text = run.text()
        if text and not _INVISIBLE.fullmatch(text):
            kind = self._kind(frame, role.kind or role.forced or frame.kind)[0]
            self.drafts.append(_Draft(kind, text, run.pieces.segments, (element.start, element.end),
                                      pointer(element.path)))

    def _inline_data(self, element: _Element, frame: _Frame) -> None:
        """An ``inlineData`` rendition: escaped HTML or plain text inside the XML text."""
        decoded = SourceMapBuilder()
        for child in element.children:
            if isinstance(child, _Chars):
                decoded.add(child.text, child.start, child.end)
        text = decoded.text()
        if not text.strip():
            return
        outer = decoded.source_map()
        content_type = (element.attribute("contenttype") or ("", 0))[0].lower()
        if "html" in content_type or _LOOKS_LIKE_HTML.search(text):
            inner = read_html(text, headline_taken=True)[0]
        else:
            inner = tuple(replace(block, kind=BlockKind.PARAGRAPH if _SENTENCE_END.search(block.text)
                                  else BlockKind.HEADING) if block.kind is BlockKind.HEADLINE else block
                          for block in TextReader().read("", text).blocks)
        for block in inner:
            kind, _ = self._kind(frame, block.kind)
            self.drafts.append(_Draft(kind, block.text, block.source_map.compose(outer),
                                      outer.to_source(*block.extent), pointer(element.path)))


def _resolve_headlines(drafts: list[_Draft]) -> None:
    """One headline an article: the strongest candidate; the others are alternate headlines."""
    candidates = [draft for draft in drafts if draft.rank is not None]
    if not candidates:
        return
    chosen = min(candidates, key=lambda draft: draft.rank if draft.rank is not None else RANK_TITLE)
    body_headlines = 0
    for draft in candidates:
        if draft.rank == RANK_BODY:
            body_headlines += 1
        if draft is not chosen:
            later_body = draft.rank == RANK_BODY and body_headlines > 1
            draft.kind = BlockKind.HEADING if later_body else BlockKind.SUMMARY
        draft.rank = None


def _blocks(source: str, root: _Element, tops: list[_Element]) -> tuple[Block, ...]:
    """The blocks of each element of `tops` (one article each, numbered when several)."""
    blocks: list[Block] = []
    for number, top in enumerate(tops, start=1):
        reader = _Reader(source, root)
        reader.read(top, ROLES.get(top.name, CONTAINER))
        drafts = sorted(reader.drafts, key=lambda draft: draft.source_start)
        _resolve_headlines(drafts)
        article = number if len(tops) > 1 else 0
        blocks.extend(draft.freeze(article) for draft in drafts)
    return tuple(blocks)


def _news_items(root: _Element) -> list[_Element]:
    """Every ``newsItem`` in document order (items do not nest)."""
    found: list[_Element] = []
    stack = [root]
    while stack:
        element = stack.pop()
        if element.name == "newsitem":
            found.append(element)
            continue
        stack.extend(child for child in reversed(element.children) if isinstance(child, _Element))
    return found


def read_nitf(source: str) -> tuple[Block, ...]:
    root = parse(source)
    return _blocks(source, root, [root])


def read_newsml_g2(source: str) -> tuple[Block, ...]:
    root = parse(source)
    items = _news_items(root)
    if not items:
        raise ReaderError("no newsItem in it (a packageItem only refers to its items; nothing to read)")
    return _blocks(source, root, items)


@dataclass(frozen=True)
class NitfReader:
    name: str = "nitf"
    extensions: tuple[str, ...] = (".xml", ".nitf")
    charset_in_markup: bool = True  # the XML declaration's encoding

    def matches(self, source: str) -> bool:
        return _NITF_ROOT.search(source, 0, NITF_SNIFF_CHARS) is not None

    def read(self, path: str, source: str) -> Document:
        blocks = with_article_text(read_nitf(source), "no hedline, byline, abstract or body.content text")
        return Document(path=path, source=source, format=self.name, blocks=blocks, comment_syntax=HTML_COMMENTS)


@dataclass(frozen=True)
class NewsMLG2Reader:
    name: str = "newsml-g2"
    extensions: tuple[str, ...] = (".xml", ".newsml")
    charset_in_markup: bool = True

    def matches(self, source: str) -> bool:
        head = source[:G2_SNIFF_CHARS]
        return IPTC_NAMESPACE in head and _G2_ROOT.search(head) is not None

    def read(self, path: str, source: str) -> Document:
        blocks = with_article_text(read_newsml_g2(source), "no newsItem has a contentMeta headline or "
                                                               "description, or text in its contentSet")
        return Document(path=path, source=source, format=self.name, blocks=blocks, comment_syntax=HTML_COMMENTS)


@hookimpl
def newslint_readers() -> list[NitfReader | NewsMLG2Reader]:
    # The last registered is asked first: a G2 item holding inline NITF is read as G2.
    return [NitfReader(), NewsMLG2Reader()]
