"""HTML articles and pages: the text a browser would show, split into blocks.

Built on the standard library's `html.parser.HTMLParser` with ``convert_charrefs=False``,
so each character reference arrives on its own with its position and maps onto its
source characters as one unit. The parser is iterative and so is everything here:
pathological nesting costs memory, never the recursion limit.

What becomes a block:
- ``p``, ``h1``-``h6``, ``li``, ``blockquote``, ``figcaption``, table cells and any
  other block-level element; text sitting directly in ``div``/``section``/``td``...
  between block-level tags is a paragraph of its own. ``<br><br>`` splits a block, a
  single ``<br>`` is a line break (``\\n``) inside it.
- The first ``h1`` with text is the headline, later ones are headings. ``<title>``
  is page chrome (usually "Headline | Site"): it goes to `Document.metadata` as
  ``("title", ...)``, not into the blocks.
- ``img alt`` is an ALT_TEXT block mapped onto the attribute value characters.
- Inside a figure (``figure``, ``figcaption`` or an element whose class names a
  caption, e.g. ``wp-caption-text``) an element whose class or itemprop names a credit
  (credit, copyright, byline, attribution, source, photographer, courtesy) is a CREDIT
  block and not part of the caption text. Outside figures a ``byline`` class makes a
  BYLINE block.
- Nothing inside script, style, noscript, template, svg, math, iframe, textarea, the
  head, or an element with the ``hidden`` attribute or inline ``display: none``.

Whitespace collapses the way a browser collapses it (a run of ASCII white space is
one space; none at block edges); each collapsed run maps onto its whole source run.
`extent` is the innermost element that holds nothing but the block (from ``<`` of its
start tag to ``>`` of its end tag), else the block's own text span; for alt text it is
the ``<img>`` tag.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

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
from newslint.readers import ReaderError

WHITESPACE = " \t\n\r\f"
_ASCII_SPACE = re.compile(r"[ \t\n\r\f]+")
_IRREGULAR_SPACE = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")
_ATTRIBUTE_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
# The same tokenisation HTMLParser applies to a start tag, so attribute spans agree with it.
_TAG_NAME = re.compile(r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*")
_ATTRIBUTE = re.compile(
    r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*"""
)
# Supersets of every closing pattern the standard parser uses for comments and
# marked sections, in any Python version.
_COMMENT_CLOSE_ANY = re.compile(r"--[\s!]*>")
_SECTION_CLOSE_ANY = re.compile(r"\][\s]*>")
_UNCLOSED_TAG = re.compile(r"<[a-zA-Z/!?]")
_CLASS_WORD = re.compile(r"[-_\s]+|(?<=[a-z])(?=[A-Z])")
_CAPTION_CLASS = re.compile(r"(?:^|[-_])caption(?:[-_]?text)?$", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)

CREDIT_WORDS = frozenset({"credit", "credits", "copyright", "byline", "attribution", "source",
                          "photographer", "courtesy"})
CREDIT_ITEMPROPS = frozenset({"copyrightholder", "copyrightnotice", "credittext", "author", "creator",
                              "contributor"})
CONTAINER_WORDS = frozenset({"container", "wrapper", "wrap", "group"})

SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "textarea"})
HEAD_CONTENT = frozenset({"title", "meta", "link", "style", "script", "base", "noscript", "template"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                  "track", "wbr", "param", "keygen", "basefont", "bgsound", "frame"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCK_LEVEL = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup",
    "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp", "optgroup",
    "option", "select", "button", *HEADINGS,
})
# Elements whose start tag ends an open <p> (HTML's "close a p element").
CLOSES_P = BLOCK_LEVEL - {"body", "html", "caption", "td", "th", "tr", "tbody", "thead", "tfoot",
                          "optgroup", "option", "select", "button"}
P_SCOPE_LIMITS = frozenset({"applet", "caption", "html", "table", "td", "th", "marquee", "object",
                            "template", "button"})
LIST_SCOPE_LIMITS = (BLOCK_LEVEL - {"address", "div", "p"}) | P_SCOPE_LIMITS
IMPLIED_END = frozenset({"p", "li", "dd", "dt", "td", "th", "tr", "option", "optgroup", "tbody", "thead",
                         "tfoot", "caption"})
ELEMENT_KINDS = {
    "li": BlockKind.LIST_ITEM,
    "blockquote": BlockKind.QUOTE,
    "figcaption": BlockKind.CAPTION,
    "caption": BlockKind.CAPTION,
    "td": BlockKind.OTHER,
    "th": BlockKind.OTHER,
    **{tag: BlockKind.HEADING for tag in HEADINGS},
}
FIGURE_CONTEXT = frozenset({"figure", "figcaption"})
_FIRST_H1 = "h1"  # an h1's kind is settled when its text is flushed: the first one is the headline

# Scope slots every open element carries: where the <p>, <li>, <dd>/<dt>, cell and row
# that a new start tag would implicitly close sit on the stack.
_P, _LI, _DD, _CELL, _ROW = range(5)


class _Open:
    """An open element on the parser's stack."""

    __slots__ = ("blocks_before", "boundary", "figure", "kind", "marked", "role", "run_id", "scope", "start", "tag")

    def __init__(self, tag: str, start: int, kind: BlockKind | str, boundary: bool, figure: bool,
                 marked: bool, blocks_before: int, run_id: int, scope: tuple[int, ...], role: str | None):
        self.tag = tag
        self.start = start
        self.kind = kind
        self.boundary = boundary  # a block boundary: its text is a block of its own
        self.figure = figure  # inside a figure or caption
        self.marked = marked  # inside a credit or byline element
        self.blocks_before = blocks_before
        self.run_id = run_id
        self.scope = scope
        self.role = role  # the page role the element or an ancestor declares (see `page_role`)


class _Draft:
    """A block under construction; its extent may still widen to its element."""

    __slots__ = ("extent", "kind", "role", "segments", "settled", "text")

    def __init__(self, kind: BlockKind, text: str, segments: list[list[int]], extent: tuple[int, int],
                 settled: bool, role: str | None):
        self.kind = kind
        self.text = text
        self.segments = segments
        self.extent = extent
        self.settled = settled
        self.role = role

    def freeze(self) -> Block:
        segments = tuple(Segment(*seg) for seg in self.segments)
        return Block(self.kind, self.text, SourceMap(segments), self.extent, page_role=self.role)


class TextRun:
    """The visible text of one block, collapsing white space the way a browser does.

    Leading and trailing white space is dropped, and every inner run of ASCII white
    space becomes one space mapped onto the run (onto its first part when tags split
    it). Character references arrive decoded, with their source span.
    """

    __slots__ = ("after_break", "end", "lead", "pieces", "space", "start")

    def __init__(self) -> None:
        self.pieces = SourceMapBuilder()
        self.space: tuple[int, int] | None = None
        self.start = -1
        self.lead = -1  # an inline start tag opened before any text
        self.end = -1
        self.after_break = False

    @property
    def length(self) -> int:
        return self.pieces.length

    def add_text(self, data: str, at: int) -> None:
        """Literal source text `data` found at source offset `at`."""
        end = len(data.rstrip(WHITESPACE))
        if end == 0:
            if data:
                self.add_space(at, at + len(data))
            return
        begin = len(data) - len(data.lstrip(WHITESPACE))
        if begin:
            self.add_space(at, at + begin)
        position = begin
        for match in _IRREGULAR_SPACE.finditer(data, begin, end):
            self.add_word(data[position:match.start()], at + position, at + match.start())
            self.add_space(at + match.start(), at + match.end())
            position = match.end()
        self.add_word(data[position:end], at + position, at + end)
        if end < len(data):
            self.add_space(at + end, at + len(data))

    def add_decoded(self, text: str, start: int, end: int) -> None:
        """`text` decoded from source ``[start, end)`` (a character reference), as one unit."""
        if not text.strip(WHITESPACE):
            self.add_space(start, end)
        else:
            self.add_word(text, start, end)

    def add_space(self, start: int, end: int) -> None:
        if self.space is None:
            self.space = (start, end)
        elif self.space[1] == start:
            self.space = (self.space[0], end)

    def add_word(self, text: str, start: int, end: int) -> None:
        pieces = self.pieces
        if self.space is not None:
            if pieces.length and not self.after_break:
                pieces.add(" ", *self.space)
            self.space = None
        if not pieces.length:
            self.start = self.lead if self.lead >= 0 else start
        pieces.add(text, start, end)
        self.end = end
        self.after_break = False

    def add_break(self, start: int, end: int) -> bool:
        """A ``<br>``; returns True when it is the second in a row and so ends the block."""
        self.space = None
        if not self.pieces.length:
            return False
        if self.after_break:
            return True
        self.pieces.add("\n", start, end)
        self.after_break = True
        return False

    def drop_trailing_break(self) -> None:
        if self.after_break:
            self.pieces.drop_last()
            self.after_break = False

    def text(self) -> str:
        return self.pieces.text()


def _class_words(value: str) -> list[str]:
    return [word.lower() for word in _CLASS_WORD.split(value) if word]


def _is_credit(attrs: dict[str, str | None]) -> bool:
    for token in (attrs.get("class") or "").split():
        words = _class_words(token)
        if words and words[-1] not in CONTAINER_WORDS and any(word in CREDIT_WORDS for word in words):
            return True
    itemprop = (attrs.get("itemprop") or "").lower().split()
    return any(prop in CREDIT_ITEMPROPS for prop in itemprop)


def _is_byline(attrs: dict[str, str | None]) -> bool:
    return any("byline" in _class_words(token) for token in (attrs.get("class") or "").split())


def _is_caption(attrs: dict[str, str | None]) -> bool:
    return any(_CAPTION_CLASS.search(token) for token in (attrs.get("class") or "").split())


# What a page's markup calls its furniture: elements, ARIA landmark roles, and the words of
# class and id names (split at anything but letters and digits), each with what it is.
PAGE_ROLE_TAGS = {"nav": "navigation", "button": "a button"}
PAGE_ROLE_ARIA = {"navigation": "navigation", "banner": "a page banner", "contentinfo": "a page footer",
                  "search": "a search box"}
PAGE_ROLE_WORDS = {
    "sharing": "a share bar", "social": "social media links",
    "related": "a related-stories list", "recommended": "a recommendations list",
    "outbrain": "a recommendation widget", "taboola": "a recommendation widget",
    "newsletter": "a newsletter sign-up", "subscribe": "a subscription prompt", "signup": "a sign-up prompt",
    "paywall": "a paywall notice", "cookie": "a cookie notice", "cookies": "a cookie notice",
    "comments": "a comment thread", "promo": "a promo", "sponsored": "sponsored content",
    "ad": "an advertisement", "ads": "an advertisement", "advert": "an advertisement",
    "advertisement": "an advertisement", "breadcrumb": "breadcrumbs", "breadcrumbs": "breadcrumbs",
}
# "share" alone is as likely a share price as a share bar: it needs a widget's noun beside it.
SHARE_WIDGET_WORDS = frozenset({"bar", "buttons", "button", "btns", "tools", "links", "icons", "widget", "box",
                                "menu", "panel", "this"})
_NAME_WORD = re.compile(r"[a-z0-9]+")
MAX_ROLE_NAME_WORDS = 3


def page_role(tag: str, attributes: dict[str, str | None]) -> str | None:
    """What the element's markup says it is, if it says it is page furniture."""
    if tag in PAGE_ROLE_TAGS:
        return PAGE_ROLE_TAGS[tag]
    aria = (attributes.get("role") or "").strip().lower()
    if aria in PAGE_ROLE_ARIA:
        return PAGE_ROLE_ARIA[aria]
    for attribute in ("class", "id"):
        for name in (attributes.get(attribute) or "").lower().split():
            words = _NAME_WORD.findall(name)
            # A long name is a slug of the content ("sharing-with-a-single-developer"), not a widget's.
            if len(words) <= MAX_ROLE_NAME_WORDS:
                role = next((PAGE_ROLE_WORDS[word] for word in words if word in PAGE_ROLE_WORDS), None)
                if role is None and "share" in words and SHARE_WIDGET_WORDS.intersection(words):
                    role = "a share bar"
                if role is not None:
                    return role
    return None


def _is_hidden(attrs: dict[str, str | None]) -> bool:
    return "hidden" in attrs or bool(_HIDDEN_STYLE.search(attrs.get("style") or ""))


def _first_attributes(attrs: list[tuple[str, str | None]]) -> dict[str, str | None]:
    """Attributes by name; like a browser, the first of a repeated name wins."""
    found: dict[str, str | None] = {}
    for name, value in attrs:
        found.setdefault(name, value)
    return found


def attribute_value_span(tag_text: str, name: str) -> tuple[int, int] | None:
    """Offsets in `tag_text` of the (first) value of attribute `name`, quotes excluded."""
    match = _TAG_NAME.match(tag_text, 1)
    if match is None:
        return None
    position = match.end()
    while position < len(tag_text):
        attribute = _ATTRIBUTE.match(tag_text, position)
        if attribute is None:
            return None
        if attribute.group(1).lower() == name:
            if attribute.group(3) is None:
                return None
            start, end = attribute.span(3)
            if end - start >= 2 and tag_text[start] == tag_text[end - 1] and tag_text[start] in "'\"":
                start, end = start + 1, end - 1
            return start, end
        position = attribute.end()
    return None


def add_reference(run: TextRun, raw: str, start: int) -> None:
    """Add the character reference `raw` found at `start`, decoded like a browser does.

    A named reference without ``;`` may be a legacy entity followed by literal text
    (``&ampfoo`` is ``&`` then ``foo``): that text maps character for character.
    """
    decoded = html.unescape(raw)
    literal = 0
    if decoded != raw and not raw.endswith(";") and not raw.startswith("&#"):
        while (literal < len(decoded) - 1 and raw[len(raw) - 1 - literal] == decoded[len(decoded) - 1 - literal]):
            literal += 1
    entity_end = start + len(raw) - literal
    run.add_decoded(decoded[:len(decoded) - literal], start, entity_end)
    if literal:
        run.add_text(raw[len(raw) - literal:], entity_end)


def _attribute_run(raw: str, at: int) -> TextRun:
    """The collapsed, entity-decoded text of an attribute value found at source offset `at`."""
    run = TextRun()
    position = 0
    for match in _ATTRIBUTE_REFERENCE.finditer(raw):
        if match.start() > position:
            run.add_text(raw[position:match.start()], at + position)
        add_reference(run, match.group(), at + match.start())
        position = match.end()
    if position < len(raw):
        run.add_text(raw[position:], at + position)
    return run


class _ArticleParser(HTMLParser):
    """Turns parser events into block drafts. One instance reads one source."""

    def __init__(self, source: str, headline_taken: bool):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.last_comment_close = _last_start(_COMMENT_CLOSE_ANY, source)
        self.last_section_close = _last_start(_SECTION_CLOSE_ANY, source)
        self.line_starts = [0]
        self.line_starts.extend(match.end() for match in re.finditer("\n", source))
        self.drafts: list[_Draft] = []
        self.stack: list[_Open] = []
        self.open_counts: dict[str, int] = {}
        self.run = TextRun()
        self.run_id = 0
        self.headline_taken = headline_taken
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.in_head = False
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.cursor = 0  # where the last text event ended; a fallback anchor

    # The standard parser looks for a comment's or marked section's end from every
    # unclosed opener to the end of the input, which is quadratic on junk such as
    # thousands of "<!--". Where no possible end follows, answer "unclosed" at once;
    # otherwise the standard method decides, so results are unchanged.
    def parse_comment(self, i: int, report: bool = True) -> int:
        if i + 2 > self.last_comment_close:
            return -1
        return super().parse_comment(i, report)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        if i + 3 > self.last_section_close:
            return -1
        position = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:  # "<![" without a keyword it knows: a bogus comment, as browsers read it
            self.lineno, self.offset = position  # the failed scan moved the parser's position
            close = self.rawdata.find(">", i)
            return close + 1 if close >= 0 else -1

    # -- positions -------------------------------------------------------------
    def _locate(self, expected: str) -> int:
        """Source offset of the construct being reported, which starts with `expected`.

        That is where the parser's position says; should the two ever disagree, the
        next occurrence after the previous construct is taken instead.
        """
        line, column = self.getpos()
        at = self.line_starts[line - 1] + column
        if self.source.startswith(expected, at):
            return at
        found = self.source.find(expected, self.cursor)
        return found if found >= 0 else self.cursor

    def _context(self) -> _Open | None:
        return self.stack[-1] if self.stack else None

    # -- text events -----------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
            return
        if self.in_head and data.strip(WHITESPACE):  # text ends the head, as in a browser
            self.in_head = False
        if self.skip_tag is not None or self.in_head:
            return
        at = self._locate(data)
        self.cursor = at + len(data)
        self.run.add_text(data, at)

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, opening: str) -> None:
        start = self._locate(opening)
        end = start + len(opening)
        if end < len(self.source) and self.source[end] == ";":
            end += 1
        if self.title_parts is not None:
            self.title_parts.append(html.unescape(self.source[start:end]))
            return
        if self.skip_tag is not None or self.in_head:
            return
        self.cursor = end
        add_reference(self.run, self.source[start:end], start)

    # -- tags ------------------------------------------------------------------
    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # `<div/>` opens a div in HTML; only a self-closed skipped element stays empty.
        if self.skip_tag is not None or tag in SKIPPED or tag in ("title", "head"):
            return
        self.handle_starttag(tag, attrs)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag is not None:
            if self.skip_tag == "p" and tag in CLOSES_P:  # a hidden <p> ends where any <p> would
                self._end_skip()
            else:
                if tag == self.skip_tag:
                    self.skip_depth += 1
                return
        if self.in_head:
            if tag in HEAD_CONTENT:
                if tag == "title":
                    self._skip(tag, collect=self.title is None)
                elif tag in SKIPPED:
                    self._skip(tag)
                return
            self.in_head = False
        tag_text = self.get_starttag_text() or "<"
        start = self._locate(tag_text)
        tag_end = start + len(tag_text)
        self.cursor = tag_end
        if tag == "head":
            self.in_head = True
            return
        if tag == "title":
            self._skip(tag, collect=self.title is None)
            return
        attributes = _first_attributes(attrs)
        hidden = tag not in VOID and (tag == "p" or tag not in IMPLIED_END) and _is_hidden(attributes)
        if tag in SKIPPED or hidden:
            if hidden:
                self._close_implied(tag, start)
            self._skip(tag)
            return
        self._close_implied(tag, start)
        if tag in VOID:
            self._void(tag, attributes, start, tag_end)
            return
        self._push(tag, attributes, start)

    def handle_endtag(self, tag: str) -> None:
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self._end_skip()
                return
            if self.skip_tag != "p" or tag not in BLOCK_LEVEL:
                return
            self._end_skip()
        if self.in_head:
            if tag == "head":
                self.in_head = False
            return
        start = self._locate("</")
        close = self.source.find(">", start)
        end = close + 1 if close >= 0 else len(self.source)
        self.cursor = end
        if tag == "br":
            self._break(start, end)
            return
        if not self.open_counts.get(tag):
            return
        index = len(self.stack) - 1
        while self.stack[index].tag != tag:
            index -= 1
        self._pop_to(index + 1, self._trimmed(start))
        self._close(self.stack.pop(), end, explicit=True)

    def _skip(self, tag: str, collect: bool = False) -> None:
        self.skip_tag = tag
        self.skip_depth = 1
        self.title_parts = [] if collect else None

    def _end_skip(self) -> None:
        if self.title_parts is not None:
            self.title = _collapse("".join(self.title_parts))
        self.skip_tag = None
        self.title_parts = None

    def _void(self, tag: str, attributes: dict[str, str | None], start: int, end: int) -> None:
        if tag == "br":
            self._break(start, end)
        elif tag == "hr":
            self._flush()
        elif tag == "img" and "hidden" not in attributes:
            self._alt_text(attributes, start, end)

    def _break(self, start: int, end: int) -> None:
        if self.run.add_break(start, end):
            self._flush()

    def _alt_text(self, attributes: dict[str, str | None], start: int, end: int) -> None:
        alt = attributes.get("alt")
        if not alt or _INVISIBLE.fullmatch(alt):
            return
        tag_text = self.source[start:end]
        span = attribute_value_span(tag_text, "alt")
        run: TextRun | None = None
        if span is not None:
            run = _attribute_run(tag_text[span[0]:span[1]], start + span[0])
            if run.text() != _collapse(alt):
                run = None
        if run is None:  # the tag did not tokenise as the parser's did: map onto the whole tag
            run = TextRun()
            run.add_decoded(_collapse(alt), start, end)
        context = self._context()
        self.drafts.append(_Draft(BlockKind.ALT_TEXT, run.text(), run.pieces.segments, (start, end), settled=True,
                                  role=context.role if context else None))

    # -- the element stack -----------------------------------------------------
    def _push(self, tag: str, attributes: dict[str, str | None], start: int) -> None:
        parent = self._context()
        figure = parent.figure if parent else False
        marked = parent.marked if parent else False
        kind: BlockKind | str = parent.kind if parent else BlockKind.PARAGRAPH
        boundary = tag in BLOCK_LEVEL
        if tag in ELEMENT_KINDS:
            kind = _FIRST_H1 if tag == "h1" else ELEMENT_KINDS[tag]
        if tag in FIGURE_CONTEXT or (attributes and _is_caption(attributes)):
            figure = True
            if tag != "figure":
                kind, boundary = BlockKind.CAPTION, True
        if attributes and not marked:
            if figure and _is_credit(attributes):
                kind, boundary, marked = BlockKind.CREDIT, True, True
            elif not figure and _is_byline(attributes):
                kind, boundary, marked = BlockKind.BYLINE, True, True
        if boundary:
            self._flush()
        elif not self.run.length and self.run.lead < 0:
            self.run.lead = start
        scope = self._scope(tag, parent.scope if parent else (-1, -1, -1, -1, -1))
        role = page_role(tag, attributes) or (parent.role if parent else None)
        self.stack.append(_Open(tag, start, kind, boundary, figure, marked, len(self.drafts), self.run_id, scope,
                                role))
        self.open_counts[tag] = self.open_counts.get(tag, 0) + 1

    def _scope(self, tag: str, inherited: tuple[int, ...]) -> tuple[int, ...]:
        index = len(self.stack)
        p, li, dd, cell, row = inherited
        if tag in P_SCOPE_LIMITS:
            p = -1
        if tag in LIST_SCOPE_LIMITS:
            li = dd = -1
        if tag == "table":
            cell = row = -1
        if tag == "p":
            p = index
        elif tag == "li":
            li = index
        elif tag in ("dd", "dt"):
            dd = index
        elif tag in ("td", "th"):
            cell = index
        elif tag == "tr":
            row = index
        if (p, li, dd, cell, row) == inherited:
            return inherited
        return (p, li, dd, cell, row)

    def _close_implied(self, tag: str, start: int) -> None:
        """Close what a browser closes before `tag` opens (an open <p>, a sibling <li>...)."""
        if not self.stack:
            return
        top = self.stack[-1]
        target = top.scope[_P] if tag in CLOSES_P else -1
        sibling = -1
        if tag == "li":
            sibling = top.scope[_LI]
        elif tag == "dd" or tag == "dt":
            sibling = top.scope[_DD]
        elif tag == "td" or tag == "th":
            sibling = top.scope[_CELL]
        elif tag == "tr":
            sibling = top.scope[_ROW]
        elif (tag in HEADINGS and top.tag in HEADINGS) or (tag == "option" and top.tag == "option"):
            sibling = len(self.stack) - 1
        if sibling >= 0 and (target < 0 or sibling < target):
            target = sibling
        if target >= 0:
            self._pop_to(target, self._trimmed(start))

    def _pop_to(self, depth: int, end: int) -> None:
        while len(self.stack) > depth:
            self._close(self.stack.pop(), end, explicit=False)

    def _close(self, element: _Open, end: int, explicit: bool) -> None:
        self.open_counts[element.tag] -= 1
        if element.boundary:
            self._flush(element)
            if len(self.drafts) - element.blocks_before == 1 and not self.drafts[-1].settled:
                self.drafts[-1].extent = (element.start, end)
                self.drafts[-1].settled = True
        elif explicit and element.run_id == self.run_id and self.run.length:
            self.run.end = max(self.run.end, end)

    def _trimmed(self, end: int) -> int:
        while end > 0 and self.source[end - 1] in WHITESPACE:
            end -= 1
        return end

    def _flush(self, closing: _Open | None = None) -> None:
        run = self.run
        self.run_id += 1
        if not run.pieces.length:  # nothing to emit: reuse the empty run
            run.space = None
            run.lead = -1
            return
        run.drop_trailing_break()
        text = run.text()
        if not _INVISIBLE.fullmatch(text):
            context = closing or self._context()
            kind = context.kind if context else BlockKind.PARAGRAPH
            if kind == _FIRST_H1:
                kind = BlockKind.HEADING if self.headline_taken else BlockKind.HEADLINE
                self.headline_taken = True
            self.drafts.append(_Draft(BlockKind(kind), text, run.pieces.segments, (run.start, run.end),
                                      settled=False, role=context.role if context else None))
        self.run = TextRun()

    def finish(self) -> None:
        if self.title_parts is not None:
            self._end_skip()
        self._pop_to(0, self._trimmed(len(self.source)))
        self._flush()


def _last_start(pattern: re.Pattern[str], source: str) -> int:
    last = -1
    for match in pattern.finditer(source):
        last = match.start()
    return last


def _without_unclosed_tail(source: str) -> str:
    """`source` up to a tag, comment or declaration that the input ends inside.

    A browser drops such a construct at the end of the input; the standard parser
    would instead rescan the rest of the input from every ``<`` in it.
    """
    tail_start = source.rfind(">") + 1
    unclosed = _UNCLOSED_TAG.search(source, tail_start)
    return source if unclosed is None else source[:unclosed.start()]


def _collapse(text: str) -> str:
    """`text` with browser white-space collapsing (non-breaking spaces are kept)."""
    return " ".join(part for part in _ASCII_SPACE.split(text) if part)


def read_html(source: str, *, headline_taken: bool = False) -> tuple[tuple[Block, ...], tuple[tuple[str, str], ...]]:
    """The blocks of an HTML source and its metadata (the page title, if any)."""
    parser = _ArticleParser(source, headline_taken)
    try:
        parser.feed(_without_unclosed_tail(source))
        parser.close()
    except Exception as error:  # noqa: BLE001 - any parser failure is unreadable input
        line, column = parser.getpos()
        raise ReaderError(f"HTML parser failed at line {line}, column {column + 1}: {error}") from None
    parser.finish()
    drafts = sorted(parser.drafts, key=lambda draft: draft.segments[0][2])
    metadata = (("title", parser.title),) if parser.title else ()
    return tuple(draft.freeze() for draft in drafts), metadata


@dataclass(frozen=True)
class HtmlReader:
    name: str = "html"
    extensions: tuple[str, ...] = (".html", ".htm", ".xhtml")
    charset_in_markup: bool = True

    def matches(self, source: str) -> bool:
        return True  # every file of its extensions

    def read(self, path: str, source: str) -> Document:
        blocks, metadata = read_html(source)
        return Document(path=path, source=source, format=self.name, blocks=blocks, metadata=metadata,
                        comment_syntax=HTML_COMMENTS)


@hookimpl
def newslint_readers() -> list[HtmlReader]:
    return [HtmlReader()]
