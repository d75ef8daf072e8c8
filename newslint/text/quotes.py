"""Where a block quotes someone: one detector for every rule that leaves quoted speech alone.

Curly quotes and guillemets say which way they face. A straight double quote opens when it
starts a word (after white space, an opening bracket, a dash, a colon or the start of the
block, and before a non-space) and closes when it ends one; an ambiguous one closes an open
quotation or opens a new one. Two straight single quotes (``''``) count as a double one. A
quotation still open at the end of the block runs to its end (a quote continued in the next
paragraph), and a closing mark before any opening one closes a quotation that began before
the block. Single quotes mark a quotation only at word edges (``'recreational' drugs``), never
as an apostrophe (``the club's``, ``don't``).
"""

from __future__ import annotations

from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import regex_timeout
from newslint.text.spans import Span, merged_spans

_DOUBLE_MARK = compile_regex(r"''|[\"\u201c\u201d\u00ab\u00bb]")
_FACING = {"\u201c": True, "\u00ab": True, "\u201d": False, "\u00bb": False}
_OPENS_AFTER = "([{\u2014\u2013-/:"
_SINGLE_QUOTED = compile_regex(
    r"(?<![\p{L}\p{N}])['\u2018](?=\p{L})(?:[^'\u2018\u2019\n\"\u201c\u201d]|(?<=\p{L})['\u2019](?=\p{L}))*"
    r"['\u2019](?![\p{L}\p{N}])"
)


def quote_spans(text: str) -> tuple[Span, ...]:
    """The spans of quoted speech in `text`, quote marks included, sorted and merged."""
    timeout = regex_timeout(text)
    spans: list[Span] = []
    opened: int | None = None
    seen_double = False
    for mark in _DOUBLE_MARK.finditer(text, timeout=timeout):
        at, end = mark.span()
        opens = _FACING.get(mark.group())
        if opens is None:
            opens = _straight_opens(text, at, end, opened is not None)
        if opens:
            if opened is None:
                opened = at
        elif opened is not None:
            spans.append((opened, end))
            opened = None
        elif not seen_double:
            spans.append((0, end))  # the block opens inside a quotation
        seen_double = True
    if opened is not None:
        spans.append((opened, len(text)))
    if "'" in text or "\u2018" in text:
        spans.extend(match.span() for match in _SINGLE_QUOTED.finditer(text, timeout=timeout))
    return merged_spans(spans)


def _straight_opens(text: str, at: int, end: int, inside: bool) -> bool:
    before = text[at - 1] if at else " "
    after = text[end] if end < len(text) else " "
    if (before.isspace() or before in _OPENS_AFTER) and not after.isspace():
        return True
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return False
    return not inside
