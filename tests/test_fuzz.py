"""Property-based fuzzing of the whole pipeline, for every input format.

Generators build hostile articles: HTML with random nesting, unclosed and stray tags,
entities, comments and CDATA; Markdown with every block type; text with every line
end, tabs, BOMs, zero-width and right-to-left characters and NUL bytes; JSON with deep
nesting and odd types; then raw bytes and random mutations of all of these. Every
input goes through `check_bytes` with every built-in rule, and:

- nothing escapes: the result is a `FileResult`; unreadable input is a one-line
  error; no built-in rule crashes or times out (no NL000);
- every finding's ``start:end`` lies inside the source and its line and column agree
  with `start`, recomputed here from the definition (CRLF, CR and LF each end a line;
  columns count characters); so do every block's extent and source map;
- the decoded source re-encodes to the exact input bytes;
- checking twice gives the same findings;
- every output format stays well-formed (JSON/SARIF parse, JUnit is XML, text and
  GitHub keep one finding per line), whatever the article put into a message;
- no case costs more than two seconds of CPU time (a super-linear path would);
- ``--fix`` output reads again, and fixing it a second time changes nothing.

CI runs a short, derandomized profile. ``NEWSLINT_LONG_FUZZ=1`` runs the long one
(over 100,000 cases in all, with fresh random seeds):

    NEWSLINT_LONG_FUZZ=1 pytest tests/test_fuzz.py -q -p no:cacheprovider
"""

from __future__ import annotations

import bisect
import codecs
import gc
import json
import os
import time
from collections.abc import Callable
from xml.etree import ElementTree

import regex
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from newslint.decode import decode
from newslint.document import Document
from newslint.engine import ENGINE_CODE, FileResult, check_bytes
from newslint.formats import Report
from newslint.plugins import plugin_manager
from newslint.registry import build_registry

LONG = os.environ.get("NEWSLINT_LONG_FUZZ") == "1"
REGISTRY = build_registry(plugin_manager(load_entry_points=False))


def fuzz_settings(ci: int, long: int) -> settings:
    return settings(
        max_examples=long if LONG else ci,
        deadline=None,
        derandomize=not LONG,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# --- the properties ------------------------------------------------------------------------


def line_end_offsets(source: str) -> list[int]:
    """Where each line end (CRLF, CR or LF) finishes, by a plain scan of the characters."""
    ends, index = [], 0
    while index < len(source):
        if source[index] == "\r" and source[index + 1:index + 2] == "\n":
            index += 2
            ends.append(index)
            continue
        if source[index] in "\r\n":
            ends.append(index + 1)
        index += 1
    return ends


def reference_position(line_ends: list[int], offset: int) -> tuple[int, int]:
    """1-based (line, column) of `offset`, from the offsets where each line end finishes."""
    index = bisect.bisect_right(line_ends, offset)
    line_start = line_ends[index - 1] if index else 0
    return index + 1, offset - line_start + 1


# A generated article is at most a few kilobytes: two seconds of CPU time on one means a
# super-linear path. Measured in CPU time, so a busy machine does not trip it, and with
# the garbage collector paused, so a full collection of the long run's heap does not.
SLOW_CASE_CPU_SECONDS = 2.0


def timed_check(path: str, data: bytes) -> tuple[FileResult, float]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        started = time.process_time()
        result = check_bytes(path, data, REGISTRY, REGISTRY.rules)
        return result, time.process_time() - started
    finally:
        if collecting:
            gc.enable()


def check_invariants(path: str, data: bytes) -> FileResult:
    result, elapsed = timed_check(path, data)
    assert elapsed < SLOW_CASE_CPU_SECONDS, f"{len(data)} bytes took {elapsed:.1f} s of CPU time"
    assert isinstance(result, FileResult)
    if result.error is not None:
        assert isinstance(result.error, str) and result.error and "\n" not in result.error
        assert result.findings == () and result.document is None
        check_formatters(result)
        return result
    crashes = [item.finding.message for item in result.findings if item.code == ENGINE_CODE]
    assert not crashes, crashes
    document, decoded = result.document, result.decoded
    assert document is not None and decoded is not None
    source = document.source
    assert decoded.encode(source) == data, "decoding must be exact both ways"
    check_blocks(document)
    line_ends = line_end_offsets(source)
    for item in result.findings:
        finding = item.finding
        assert 0 <= finding.start <= finding.end <= len(source), finding
        assert (item.line, item.column) == reference_position(line_ends, finding.start), (finding, source)
        assert (item.end_line, item.end_column) == reference_position(line_ends, finding.end), finding
        if finding.fix is not None:
            for edit in finding.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(source), finding
    again = check_bytes(path, data, REGISTRY, REGISTRY.rules)
    assert again.findings == result.findings, "checking twice must give the same findings"
    check_formatters(result)
    return result


_UNPRINTABLE = regex.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def check_formatters(result: FileResult) -> None:
    """Every output format stays well-formed whatever the article put in a message:
    JSON, SARIF, GitLab and rdjson parse, JUnit is XML, text and GitHub give one line per
    finding (text: three with the source shown), plus text's summary line."""
    plain = Report(results=(result,), rules=REGISTRY.rules)
    with_text = Report(results=(result,), rules=REGISTRY.rules, source=lambda path: result.document, show_source=True)
    summary = 1 if result.findings or result.error is None else 0  # "Found ..." or "All checks passed!"
    for report in (plain, with_text):
        for name, formatter in REGISTRY.formatters.items():
            output = formatter.format(report)
            assert isinstance(output, str), name
            if name in ("json", "sarif", "gitlab", "rdjson"):
                json.loads(output)
            elif name == "junit":
                ElementTree.fromstring(output)
            elif name == "text":
                lines = output.split("\n")[:-1] if output else []
                per_finding = 3 if report.show_source and result.document is not None else 1
                assert len(lines) == per_finding * len(result.findings) + summary, output
                assert not any(_UNPRINTABLE.search(line) for line in lines), output
            elif name == "github":
                assert len(output.split("\n")[:-1] if output else []) == len(result.findings), output


def check_blocks(document: Document) -> None:
    length = len(document.source)
    for block in document.blocks:
        assert 0 <= block.extent[0] <= block.extent[1] <= length, block
        for segment in block.source_map.segments:
            assert 0 <= segment.text_start <= segment.text_end <= len(block.text), block
            assert 0 <= segment.source_start <= segment.source_end <= length, block
        start, end = block.to_source(0, len(block.text))
        assert 0 <= start <= end <= length, block


# --- fix -------------------------------------------------------------------------------------

try:  # the --fix pipeline; absent in checkouts that predate it
    from newslint.pipeline import Mode, RunSpec, build_context, process_bytes
except ImportError:  # pragma: no cover
    FIX_CONTEXT = None
else:
    FIX_CONTEXT = build_context(RunSpec(config_path=None, rule_codes=tuple(r.code for r in REGISTRY.rules),
                                        mode=Mode.FIX, load_entry_points=False))


def check_fix(path: str, data: bytes) -> None:
    if FIX_CONTEXT is None:
        return
    first = process_bytes(FIX_CONTEXT, path, data, write=False)
    if first.fix_error is not None:
        assert "\n" not in first.fix_error
        note(f"fix refused: {first.fix_error}")
        return
    if first.fixed_bytes is None:
        return
    fixed = first.fixed_bytes
    assert fixed != data
    note(f"fixed: {fixed!r}")
    result = check_invariants(path, fixed)
    assert result.error is None, f"the fixed file no longer reads: {result.error}"
    if path.endswith(".json"):
        try:
            json.loads(data.decode(result.decoded.encoding if result.decoded else "utf-8"))
        except ValueError:
            pass
        else:
            json.loads(fixed.decode(result.decoded.encoding))  # valid JSON stays valid JSON
    second = process_bytes(FIX_CONTEXT, path, fixed, write=False)
    assert second.fix_error is None, second.fix_error
    assert second.fixed_bytes is None and second.fixed == 0, f"a second --fix changed {fixed!r}"


# --- building blocks of hostile text ----------------------------------------------------------

# Our own phrases that look like what the rules look for, so rules actually fire.
PHRASES = [
    "Loading...", "Loading…", "Please wait", "Advertisement", "ADVERTISEMENT", "Read more", "Read more:",
    "Share this article", "Share on Facebook", "Photo: Reuters", "Reuters", "AFP/Getty Images", "Jane Roe/AP",
    "Credit: Jane Roe", "said", "said on Monday", "according to officials", "the council said", "he told reporters",
    "The government are", "the council has", "the team have", "the company, who", "The ministry, which",
    "about 30 per cent", "12%", "$5 million", "1,200 people", "three times", "nearly half", "{{headline}}",
    "[caption]", "TK", "lorem ipsum", "undefined", "NaN", "null", "[object Object]", "Click here",
    "Subscribe now", "Sign up for our newsletter", "A crane lifts the pier.", "The pier reopened on Monday.",
    "Officials said 40 homes were damaged.", "Residents estimate 500 people left.",
]
SPECIALS = [
    "\t", "\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u202e", "\u202c", "\u200f", "\u200e", "\u061c",
    "\u00a0", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\u0301", "\U0001F600",
    "\U0001F469\u200d\U0001F469\u200d\U0001F467", "\u05e2\u05d1\u05e8\u05d9\u05ea",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
    "\u2026", "\u201c", "\u201d", "\u2018", "\u2019", "\u2014", "\u2013", "&", "<", ">", "\\", '"', "'",
    "*", "_", "`", "#", "[", "]", "(", ")", "!", "|", "~", "-", "+", "=", ":", ".", "  ", " ", "\r", "\n", "\r\n",
]
_CHARS = st.characters(blacklist_categories=("Cs",))
TOKEN = st.one_of(
    st.sampled_from(PHRASES), st.sampled_from(SPECIALS), st.text(_CHARS, min_size=1, max_size=8),
    st.from_regex(r"[A-Za-z]{1,10}", fullmatch=True), st.integers(-10**6, 10**12).map(str),
)
WORDS = st.lists(TOKEN, max_size=12).map(" ".join)
LINE_END = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def encoded(draw: st.DrawFn, text: str, *, html: bool = False) -> bytes:
    """`text` as bytes, in UTF-8 (most often), UTF-8 with a BOM, UTF-16/32 with a BOM, or
    (HTML) windows-1252 declared in a ``<meta>`` tag."""
    choices = ["utf-8"] * 6 + ["utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le"] + (["cp1252"] * 2 if html else [])
    choice = draw(st.sampled_from(choices))
    if choice == "cp1252":
        page = '<meta charset="windows-1252">' + text
        try:
            return page.encode("cp1252")
        except UnicodeEncodeError:
            return page.encode("cp1252", "replace")
    if choice == "utf-8":
        return text.encode("utf-8")
    if choice == "utf-8-bom":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE}
    return bom[choice] + text.encode(choice)


def with_line_ends(text: str, line_end: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", line_end) if line_end != "\n" else text


# --- text ----------------------------------------------------------------------------------------


@st.composite
def text_articles(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.one_of(WORDS, st.just(""), st.sampled_from(PHRASES)), max_size=25))
    ends = draw(st.lists(LINE_END, min_size=len(lines), max_size=len(lines)))
    text = "".join(line + end for line, end in zip(lines, ends)) + draw(st.sampled_from(["", "\n", "\r\n"]))
    if draw(st.integers(0, 19)) == 13:  # a NUL byte: refused as binary within the first 8 KB
        position = draw(st.integers(0, len(text)))
        text = text[:position] + "\x00" + text[position:]
    return text


# --- HTML -----------------------------------------------------------------------------------------

TAGS = [
    "p", "div", "span", "b", "i", "em", "strong", "a", "h1", "h2", "h3", "h6", "figure", "figcaption", "img", "br",
    "ul", "ol", "li", "blockquote", "table", "tr", "td", "th", "script", "style", "noscript", "template", "svg",
    "math", "textarea", "title", "head", "body", "html", "article", "section", "header", "footer", "aside", "nav",
    "pre", "code", "iframe", "picture", "source", "cite", "q", "small", "sup", "hr", "wbr", "meta", "button",
    "form", "input", "select", "option", "details", "summary", "dl", "dt", "dd", "main", "time", "plaintext",
    "xmp", "listing", "caption", "thead", "tbody", "P", "DIV", "Br", "x-widget", "font", "center",
]
ENTITIES = [
    "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&eacute;", "&#233;", "&#xE9;", "&#x1F600;", "&#0;", "&#xD800;",
    "&#99999999;", "&#x110000;", "&bogus;", "&amp", "&", "&#;", "&#x;", "&NotIn;", "&notin", "&hellip;", "&mdash;",
    "&#128512;", "&#13;", "&#10;", "&#x85;", "&ampamp;", "&AMP;", "&#65", "&#x41",
]
MARKUP = [
    "<!--x-->", "<!-->", "<!--->", "<!-- -- -->", "<!--x--!>", "<!--", "-->", "<![CDATA[Loading...]]>",
    "<![CDATA[", "]]>", "<!DOCTYPE html>", "<!doctype>", "<?xml version='1.0'?>", "<?php echo 1; ?>", "<?",
    "</p>", "</ div>", "</>", "</div foo>", "<", "< p>", "<p/>", "<3", "<br/>", "</br>", "<img>", "<a <b>",
    "<!", "<!x>", "<![if !IE]>", "<![endif]>", "</script>", "<script>", "<style>", "<meta charset=utf-8>",
    "<meta charset='rot13'>", '<div hidden>', '<p style="display:none">', "<title>Site | Home</title>",
]
ATTRIBUTES = [
    'class="credit"', 'class="caption"', "class=wp-caption-text", 'class="byline"', 'itemprop="author"', "hidden",
    'style="display: none"', 'alt="A crane on the pier"', 'alt="Loading..."', "alt", 'alt=""', "alt='x\"y'",
    'href="/x"', "data-x=1", 'a="1" a="2"', "x=", '"quoted"', "=", 'title="a\nb"', "class", 'id="x&amp;y"',
    'alt="&eacute;&#0;&bogus;"', "/", "ALT=Upper",
]


@st.composite
def html_text(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.one_of(WORDS, st.sampled_from(ENTITIES)), max_size=5))
    return "".join(pieces).replace("<", "&lt;") if draw(st.booleans()) else "".join(pieces)


@st.composite
def html_element(draw: st.DrawFn, children: st.SearchStrategy[str]) -> str:
    tag = draw(st.sampled_from(TAGS))
    attributes = draw(st.lists(st.sampled_from(ATTRIBUTES), max_size=3))
    opening = f"<{tag}{''.join(' ' + a for a in attributes)}{draw(st.sampled_from(['', ' ', '/', ' /']))}>"
    inner = "".join(draw(st.lists(children, max_size=4)))
    closing = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", f"</{tag.upper()}>", "", f"</{tag} >"]))
    return opening + inner + closing


HTML_NODE = st.recursive(
    st.one_of(html_text(), st.sampled_from(ENTITIES), st.sampled_from(MARKUP)),
    lambda children: html_element(children),
    max_leaves=30,
)


@st.composite
def html_articles(draw: st.DrawFn) -> str:
    body = "".join(draw(st.lists(HTML_NODE, max_size=8)))
    wrap = draw(st.sampled_from(["bare", "document", "deep"]))
    if wrap == "document":
        body = f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>T</title></head><body>{body}</body></html>"
    elif wrap == "deep":
        depth = draw(st.integers(1, 300))
        tag = draw(st.sampled_from(["div", "span", "b", "li", "blockquote", "figure"]))
        body = f"<{tag}>" * depth + body + f"</{tag}>" * draw(st.integers(0, depth))
    return with_line_ends(body, draw(LINE_END))


# --- Markdown ------------------------------------------------------------------------------------

INLINE = st.lists(st.one_of(
    WORDS,
    WORDS.map(lambda w: f"*{w}*"), WORDS.map(lambda w: f"**{w}**"), WORDS.map(lambda w: f"_{w}_"),
    WORDS.map(lambda w: f"`{w}`"), WORDS.map(lambda w: f"[{w}](https://example.org/{len(w)})"),
    WORDS.map(lambda w: f'![{w}](p.jpg "{w}")'), st.just("<https://example.org>"), st.just("  \n"),
    st.just("\\\n"), st.sampled_from(ENTITIES), st.just("<span class=credit>AFP</span>"), st.just("[ref]"),
    st.just("[^1]"), st.sampled_from(["\\*", "\\_", "\\[", "\\\\", "~~x~~", "***", "`", "``", "[", "](", "!["]),
), max_size=5).map("".join)


def _prefix_lines(prefix: str, text: str) -> str:
    return "\n".join(prefix + line for line in text.split("\n"))


@st.composite
def md_leaf(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from([
        "atx", "setext", "paragraph", "fence", "unclosed-fence", "indented", "html", "break", "table",
        "reference", "image", "footnote", "blank",
    ]))
    inline = draw(INLINE)
    if kind == "atx":
        return "#" * draw(st.integers(1, 7)) + draw(st.sampled_from([" ", "", "  "])) + inline + draw(
            st.sampled_from(["", " #", " ##"]))
    if kind == "setext":
        return inline + "\n" + draw(st.sampled_from(["===", "---", "=", "-"]))
    if kind == "fence":
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        return f"{fence}{draw(st.sampled_from(['', 'python', 'html']))}\n{inline}\n{fence}"
    if kind == "unclosed-fence":
        return f"```\n{inline}"
    if kind == "indented":
        return "    " + inline
    if kind == "html":
        return draw(st.sampled_from(["<div>\n", "<!-- ", "<script>\n", "<figure>\n<figcaption>"])) + inline + draw(
            st.sampled_from(["\n</div>", " -->", "\n</script>", "</figcaption>\n</figure>", ""]))
    if kind == "break":
        return draw(st.sampled_from(["***", "---", "___", "* * *", "- - -"]))
    if kind == "table":
        return f"| {inline} | b |\n|---|:-:|\n| c | {inline} |"
    if kind == "reference":
        return f"[ref]: https://example.org/x '{inline[:10]}'"
    if kind == "image":
        return f'![{inline}](photo.jpg "{inline}")'
    if kind == "footnote":
        return f"[^1]: {inline}"
    if kind == "blank":
        return ""
    return inline


MD_BLOCK = st.recursive(
    md_leaf(),
    lambda inner: st.one_of(
        inner.map(lambda b: _prefix_lines(">", b)),
        inner.map(lambda b: _prefix_lines("> ", b)),
        st.tuples(st.sampled_from(["- ", "* ", "+ ", "1. ", "2) ", "10. "]), inner).map(
            lambda t: t[0] + t[1].replace("\n", "\n" + " " * len(t[0]))),
        st.lists(inner, min_size=1, max_size=3).map("\n".join),
    ),
    max_leaves=12,
)


@st.composite
def markdown_articles(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(MD_BLOCK, max_size=8))
    separator = draw(st.sampled_from(["\n\n", "\n", "\n\n\n"]))
    text = separator.join(blocks)
    if draw(st.booleans()):
        text = "---\ntitle: " + draw(WORDS).replace("\n", " ") + "\n---\n" + text
    return with_line_ends(text, draw(LINE_END))


# --- JSON -----------------------------------------------------------------------------------------

JSON_KEYS = [
    "headline", "hed", "title", "subtitle", "standfirst", "dek", "summary", "body", "content", "html", "text",
    "bodyHtml", "article_body", "ArticleBody", "paragraphs", "caption", "captions", "cutline", "credit",
    "photographer", "byline", "author", "authors", "alt", "altText", "type", "items", "blocks", "article",
    "id", "url", "date", "", "\u00e9", "a/b", "m~n", "0",
]
JSON_STRING = st.one_of(WORDS, HTML_NODE, st.sampled_from(PHRASES), st.text(_CHARS, max_size=20))
JSON_SCALAR = st.one_of(
    JSON_STRING, JSON_STRING, st.integers(), st.integers(-(10**30), 10**30),
    st.floats(allow_nan=False, allow_infinity=False), st.booleans(), st.none(),
    st.sampled_from(["heading", "quote", "caption", "list", "paragraph"]),
)
JSON_VALUE = st.recursive(
    JSON_SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(JSON_KEYS), inner, max_size=5)),
    max_leaves=25,
)


@st.composite
def json_articles(draw: st.DrawFn) -> str:
    value = draw(st.one_of(JSON_VALUE, st.dictionaries(st.sampled_from(JSON_KEYS), JSON_VALUE, min_size=1)))
    depth = draw(st.integers(0, 60))
    for _ in range(depth):
        value = draw(st.sampled_from([[value], {"article": value}, {"items": [value]}]))
    text = json.dumps(value, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 0, 2, "\t"])))
    first_object = regex.search(r"\{(?!\s*\})", text)
    if first_object is not None and draw(st.integers(0, 9)) == 7:  # a key twice, which json.dumps never writes
        text = text[:first_object.end()] + '"body": "Loading...", ' + text[first_object.end():]
    if draw(st.integers(0, 29)) == 13:  # NaN and Infinity: Python writes them, strict JSON has neither
        text = text.replace("null", draw(st.sampled_from(["NaN", "Infinity", "-Infinity"])), 1)
    if draw(st.integers(0, 19)) == 13:  # truncated or corrupted
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(st.sampled_from(["", "\\", '"', "\\u12", "}", ",", "\x00"]))
    return with_line_ends(text, draw(st.sampled_from(["\n", "\n", "\r\n"])))


# --- mutations: any article, then random edits at the byte level ---------------------------------

@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    buffer = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(buffer)))
        operation = draw(st.sampled_from(["insert", "delete", "replace", "duplicate"]))
        chunk = draw(st.one_of(st.binary(min_size=1, max_size=4), st.sampled_from(
            [b"<", b">", b"&", b'"', b"\\", b"\r", b"\n", b"\xef\xbb\xbf", b"\xff", b"\xc3", b"\x00", b"*", b"`"])))
        if operation == "insert":
            buffer[position:position] = chunk
        elif operation == "delete":
            del buffer[position:position + len(chunk)]
        elif operation == "replace":
            buffer[position:position + len(chunk)] = chunk
        else:
            buffer[position:position] = buffer[max(0, position - 20):position]
    return bytes(buffer)


FORMATS: dict[str, tuple[str, Callable[[], st.SearchStrategy[str]]]] = {
    "text": (".txt", text_articles), "html": (".html", html_articles),
    "markdown": (".md", markdown_articles), "json": (".json", json_articles),
}


def article_bytes(name: str) -> st.SearchStrategy[tuple[str, bytes]]:
    extension, strategy = FORMATS[name]
    return strategy().flatmap(lambda text: encoded(text, html=name == "html")).map(lambda data: (f"a{extension}", data))


ANY_ARTICLE = st.one_of(*(article_bytes(name) for name in FORMATS))


# --- the tests ------------------------------------------------------------------------------------
# Case counts: CI ~400 in all (well under a minute); long run 104,000.


@fuzz_settings(ci=80, long=25_000)
@given(case=article_bytes("text"))
def test_fuzz_text(case: tuple[str, bytes]) -> None:
    check_invariants(*case)


@fuzz_settings(ci=80, long=25_000)
@given(case=article_bytes("html"))
def test_fuzz_html(case: tuple[str, bytes]) -> None:
    check_invariants(*case)


@fuzz_settings(ci=60, long=15_000)
@given(case=article_bytes("markdown"))
def test_fuzz_markdown(case: tuple[str, bytes]) -> None:
    check_invariants(*case)


@fuzz_settings(ci=60, long=15_000)
@given(case=article_bytes("json"))
def test_fuzz_json(case: tuple[str, bytes]) -> None:
    check_invariants(*case)


@fuzz_settings(ci=50, long=10_000)
@given(case=ANY_ARTICLE.flatmap(lambda case: mutated(case[1]).map(lambda data: (case[0], data))))
def test_fuzz_mutated_bytes(case: tuple[str, bytes]) -> None:
    check_invariants(*case)


@fuzz_settings(ci=20, long=4_000)
@given(extension=st.sampled_from([".txt", ".html", ".md", ".json", ".htm", ".markdown"]), data=st.binary(max_size=300))
def test_fuzz_raw_bytes(extension: str, data: bytes) -> None:
    check_invariants(f"a{extension}", data)


@fuzz_settings(ci=60, long=10_000)
@given(case=ANY_ARTICLE)
def test_fuzz_fix_reparses_and_is_idempotent(case: tuple[str, bytes]) -> None:
    check_fix(*case)


def test_nul_bytes_beyond_the_binary_sniff_reach_every_reader() -> None:
    """NULs in the first 8 KB mark a binary file; later ones are text like any other."""
    padding = "The pier reopened on Monday, the council said.\n\n" * 200
    for extension, tail in ((".txt", "Loading...\x00\n"), (".html", "<p>Loading...\x00</p>"),
                            (".md", "Loading...\x00\n"), (".json", None)):
        if tail is None:
            data = json.dumps({"body": padding + "Loading...\x00"}, ensure_ascii=False).encode()
        else:
            data = (padding + tail).encode()
        result = check_invariants(f"a{extension}", data)
        assert result.error is None


def test_reference_position_agrees_with_the_definition() -> None:
    source = "ab\r\ncd\ref\ngh"
    ends = line_end_offsets(source)
    assert ends == [4, 7, 10]
    assert [reference_position(ends, offset) for offset in (0, 2, 3, 4, 6, 7, 9, 10, 12)] == [
        (1, 1), (1, 3), (1, 4), (2, 1), (2, 3), (3, 1), (3, 3), (4, 1), (4, 3)]


def test_decode_of_generated_text_is_exact() -> None:
    """The strategies' encodings are all ones `decode` reads back exactly."""
    text = "Caf\u00e9 \U0001F600\r\nLoading...\n"
    for name, bom in (("utf-8", b""), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-32-le", codecs.BOM_UTF32_LE)):
        assert decode(bom + text.encode(name)).text == text
