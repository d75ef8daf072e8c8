"""Findings land on the exact source characters they are about, in every input format.

The seed article is read from ../shared at test time and rewritten here as HTML,
Markdown and JSON (its structure taken from the text reader: headline, headings,
paragraphs, and the caption + credit pair as a figure). Every rule in the registry
runs on every version: each finding's source span must decode to the block text it
was reported on, and the text, HTML and Markdown versions must flag the same things.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Sequence

import pytest
from conftest import SEED, needs_shared

from newslint.document import Block, BlockKind, Document
from newslint.engine import ENGINE_CODE, check_document
from newslint.model import Finding
from newslint.plugins import plugin_manager
from newslint.readers.text import TextReader
from newslint.registry import build_registry

EXTENSIONS = {"text": ".txt", "html": ".html", "markdown": ".md", "json": ".json"}
_registry = build_registry(plugin_manager(load_entry_points=False))
RULE_CODES = [rule.code for rule in _registry.rules]

pytestmark = needs_shared()

_TAG = re.compile(r"<[^>]*>")
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&#!|~])")


# -- the seed, rewritten in each format ------------------------------------------------

def _elements(blocks: Sequence[Block]) -> Iterator[tuple[str, str, str]]:
    """(element, text, credit): a caption followed by its credit becomes one figure."""
    index = 0
    while index < len(blocks):
        block = blocks[index]
        follower = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind is BlockKind.CAPTION and follower is not None and follower.kind is BlockKind.CREDIT:
            yield "figure", block.text, follower.text
            index += 2
            continue
        element = {BlockKind.HEADLINE: "h1", BlockKind.HEADING: "h2"}.get(block.kind, "p")
        yield element, block.text, ""
        index += 1


def _figure(caption: str, credit: str) -> str:
    return (f'<figure><img src="photo.jpg" alt="{html.escape(caption)}">'
            f'<figcaption>{html.escape(caption, quote=False)} '
            f'<span class="credit">{html.escape(credit, quote=False)}</span></figcaption></figure>')


def to_html(blocks: Sequence[Block], headline: bool = True) -> str:
    lines = []
    for element, text, credit in _elements(blocks):
        if element == "figure":
            lines.append(_figure(text, credit))
        elif element != "h1" or headline:
            lines.append(f"<{element}>{html.escape(text, quote=False)}</{element}>")
    return "\n".join(lines) + "\n"


def _markdown_text(text: str) -> str:
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", re.sub(r"^([-+=])", r"\\\1", escaped))


def to_markdown(blocks: Sequence[Block]) -> str:
    parts = []
    for element, text, credit in _elements(blocks):
        if element == "figure":
            parts.append(_figure(text, credit))
        else:
            prefix = {"h1": "# ", "h2": "## "}.get(element, "")
            parts.append(prefix + _markdown_text(text))
    return "\n\n".join(parts) + "\n"


def to_json(blocks: Sequence[Block]) -> str:
    headline = next(block.text for block in blocks if block.kind is BlockKind.HEADLINE)
    return json.dumps({"headline": headline, "body": to_html(blocks, headline=False)}, ensure_ascii=False, indent=2)


@pytest.fixture(scope="module")
def seed_sources() -> dict[str, str]:
    seed = SEED.read_text(encoding="utf-8")
    structure = TextReader().read("seed.txt", seed).blocks
    return {"text": seed, "html": to_html(structure), "markdown": to_markdown(structure), "json": to_json(structure)}


def read(fmt: str, source: str) -> Document:
    return _registry.reader_named(fmt).read(f"seed{EXTENSIONS[fmt]}", source)


# -- from a finding back to the text it is about -----------------------------------------

def normalise(text: str) -> str:
    return " ".join(text.split())


def meaning(fmt: str, raw: str) -> str:
    """The text a slice of source stands for, markup and escapes removed."""
    if fmt == "json":
        raw = json.loads(f'"{raw}"')
    if fmt == "markdown":
        raw = _MARKDOWN_ESCAPE.sub(r"\1", raw)
    if fmt in ("html", "markdown", "json"):
        raw = html.unescape(_TAG.sub(" ", raw))
    return raw


def text_span(block: Block, start: int, end: int) -> tuple[int, int] | None:
    """The block-text span that maps exactly onto source ``[start, end)``, if any."""
    size = len(block.text)
    starts = [a for a in range(size + 1) if block.to_source(a, min(a + 1, size))[0] == start]
    ends = [b for b in range(size + 1) if block.to_source(max(b - 1, 0), b)[1] == end]
    for a in starts:
        for b in reversed(ends):
            if a <= b and block.to_source(a, b) == (start, end):
                return a, b
    return None


def text_about(document: Document, finding: Finding) -> str | None:
    candidates = [block for block in document.blocks if block.pointer == finding.pointer]
    for block in candidates:
        span = text_span(block, finding.start, finding.end)
        if span is not None:
            return block.text[span[0]:span[1]]
    for block in candidates:
        if block.extent == (finding.start, finding.end):
            return block.text
    return _run_about(candidates, finding)


def _run_about(blocks: Sequence[Block], finding: Finding) -> str | None:
    """The texts of a run of adjacent blocks when the finding spans from inside the first block's
    text to inside the last one's (NL118 reports a run of blocks as one finding)."""
    size = len(blocks)
    firsts = [i for i, block in enumerate(blocks) if text_span(block, finding.start, block.to_source(0, len(block.text))[1])]
    lasts = [i for i, block in enumerate(blocks) if text_span(block, block.to_source(0, 1)[0], finding.end)]
    for first in firsts:
        for last in lasts:
            if first < last < size:
                head = text_span(blocks[first], finding.start, blocks[first].to_source(0, len(blocks[first].text))[1])
                tail = text_span(blocks[last], blocks[last].to_source(0, 1)[0], finding.end)
                assert head is not None and tail is not None
                middle = [block.text for block in blocks[first + 1:last]]
                return "\n".join([blocks[first].text[head[0]:], *middle, blocks[last].text[:tail[1]]])
    return None


def flagged(fmt: str, source: str, rules: Sequence[object]) -> list[tuple[Finding, str]]:
    document = read(fmt, source)
    results = []
    for finding in check_document(document, rules):  # type: ignore[arg-type]
        assert finding.code != ENGINE_CODE, f"{fmt}: {finding.message}"
        about = text_about(document, finding)
        assert about is not None, (
            f"{fmt}: {finding.code} at {finding.start}:{finding.end} "
            f"({source[finding.start:finding.end]!r}) is not the span of any block text")
        results.append((finding, about))
    return results


# -- the tests ---------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", list(EXTENSIONS))
@pytest.mark.parametrize("code", RULE_CODES)
def test_finding_spans_are_the_flagged_text(seed_sources: dict[str, str], fmt: str, code: str) -> None:
    source = seed_sources[fmt]
    rule = _registry.rule(code)
    for finding, about in flagged(fmt, source, [rule]):
        raw = source[finding.start:finding.end]
        assert normalise(meaning(fmt, raw)) == normalise(about), (fmt, code, raw, about)
        if fmt == "json":
            assert finding.pointer in ("/headline", "/body")


def test_text_html_and_markdown_flag_the_same_things(seed_sources: dict[str, str]) -> None:
    rules = list(_registry.rules)
    flagged_by_format = {
        fmt: {(finding.code, normalise(about)) for finding, about in flagged(fmt, seed_sources[fmt], rules)}
        for fmt in ("text", "html", "markdown")
    }
    assert ("NL101", "Loading...") in flagged_by_format["text"]
    assert flagged_by_format["html"] == flagged_by_format["text"]
    assert flagged_by_format["markdown"] == flagged_by_format["text"]


@pytest.mark.parametrize("fmt", ["html", "markdown", "json"])
def test_every_format_reads_the_same_blocks(seed_sources: dict[str, str], fmt: str) -> None:
    expected = [(block.kind, block.text) for block in read("text", seed_sources["text"]).blocks]
    document = read(fmt, seed_sources[fmt])
    found = [(block.kind, block.text) for block in document.blocks if block.kind is not BlockKind.ALT_TEXT]
    assert found == expected
    alts = [block.text for block in document.blocks if block.kind is BlockKind.ALT_TEXT]
    assert alts == [text for kind, text in expected if kind is BlockKind.CAPTION]
    for block in document.blocks:
        start, end = block.to_source(0, len(block.text))
        assert normalise(meaning(fmt, document.source[start:end])) == normalise(block.text)


def test_json_output_gives_utf16_offsets_too(tmp_path) -> None:
    """Characters outside the Basic Multilingual Plane count twice in UTF-16 (browser editors)."""
    from conftest import check_json

    path = tmp_path / "a.txt"
    path.write_text("Storm warning\n\nThe \U0001F30A\U0001F30A storm is estimated to have sunk 40 boats off the cape.\n",
                    encoding="utf-8")
    _, [finding] = check_json("--no-cache", str(path))
    assert (finding["utf16_start"], finding["utf16_end"]) == (finding["start"] + 2, finding["end"] + 2)
    source = path.read_text(encoding="utf-8")
    utf16 = source.encode("utf-16-le")
    assert utf16[2 * finding["utf16_start"]:2 * finding["utf16_end"]].decode("utf-16-le") == \
        source[finding["start"]:finding["end"]]
