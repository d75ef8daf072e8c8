"""Safe autofix: turning the fixes rules propose into edits that cannot lose text.

A rule proposes a `Fix` (span edits in source offsets). Before anything is applied,
`safe_fix` checks it against the finding it belongs to: every edit must stay inside
the extent of the innermost block holding the finding, and one edit must cover the
finding itself. A finding over several blocks (a section pasted twice) may only remove
exactly the blocks it covers, each whole: never a block it does not cover, never part
of one, never text of another field. A whole-block removal is then widened, over white space only, to
swallow the block's line and the blank line after it, so no double blank line or
empty indented line is left behind. In JSON the widening happens inside the string
literal, in decoded characters, so an escape is never cut and the JSON stays valid.

`apply_fixes` applies a set of safe fixes, skipping any that overlap one already
chosen (two rules removing the same block fix it once). `fix_source` repeats
check-and-apply until nothing changes, so a second ``--fix`` run changes nothing.
`write_atomic` replaces a file through a temporary file in the same directory.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import json
import os
import stat
import tempfile
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import regex

from newslint.document import HTML_COMMENTS, Block, Document
from newslint.model import Edit, Finding, Fix
from newslint.text.pattern_store import compile_regex

MAX_FIX_PASSES = 10
_HORIZONTAL_SPACE = " \t"
_LINE_BREAK = "\r\n"
# A JSON string literal; outside string literals JSON text has no quote or backslash.
_JSON_STRING = compile_regex(r'"(?:[^"\\]|\\.)*"', regex.DOTALL)
_JSON_ESCAPE = compile_regex(r'\\(?:u[0-9a-fA-F]{4}|.)|[^\\]', regex.DOTALL)
_JSON_SPACE = " \t\r\n"
# A Gutenberg block's opening comment, attributes optional, then only white space.
_BLOCK_OPENER = compile_regex(r"<!--\s*wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)(?:\s+\{.*?\})?\s*-->\s*",
                              regex.DOTALL)
_JSON_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class FixError(Exception):
    """A fix could not be applied or written; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class FixOutcome:
    """What fixing one document did: the final source, its findings, how many were fixed."""

    original: str
    source: str
    fixed: int

    @property
    def changed(self) -> bool:
        return self.source != self.original


# --- checking and widening one fix -------------------------------------------------


def safe_fix(document: Document, finding: Finding, fixable_codes: Collection[str],
             index: SpanIndex | None = None) -> Fix | None:
    """The fix ``--fix`` would apply for `finding`, or None when it has none or it is unsafe.

    Only rules that declare themselves fixable get fixes applied. A fix is unsafe
    when an edit leaves the extent of the innermost block holding the finding, when
    no edit covers the finding, or when its edits overlap one another.
    """
    fix = finding.fix
    if fix is None or not fix.edits or finding.code not in fixable_codes:
        return None
    index = index or SpanIndex(document)
    home = index.innermost(finding.start, finding.end)
    edits = sorted(fix.edits, key=lambda edit: (edit.start, edit.end))
    if home is None:
        return _safe_run_removal(document, finding, fix, edits, index)
    low, high = home.extent
    if any(not low <= edit.start <= edit.end <= high for edit in edits):
        return None
    if any(first.end > second.start for first, second in itertools.pairwise(edits)):
        return None
    if not any(edit.start <= finding.start and finding.end <= edit.end for edit in edits):
        return None
    widened = tuple(_widen(document, edit, index) if _removes_block(edit, home) else edit for edit in edits)
    if any(edit is None for edit in widened):
        return None
    return Fix(fix.description, widened)  # type: ignore[arg-type]


def _safe_run_removal(document: Document, finding: Finding, fix: Fix, edits: list[Edit],
                      index: SpanIndex) -> Fix | None:
    """The fix of a finding spanning several blocks, when it removes exactly those blocks."""
    covered = index.overlapping(finding.start, finding.end)
    wanted = sorted({block.extent for block in covered})
    if len(covered) < 2 or len(wanted) != len(covered) or [(edit.start, edit.end) for edit in edits] != wanted:
        return None
    if any(edit.replacement for edit in edits) or any(a[1] > b[0] for a, b in itertools.pairwise(wanted)):
        return None
    widened = tuple(_widen(document, edit, index) for edit in edits)
    if any(edit is None for edit in widened):
        return None
    return Fix(fix.description, widened)  # type: ignore[arg-type]


def innermost_block(document: Document, start: int, end: int) -> Block | None:
    """The smallest block whose extent holds source ``[start, end)`` (the first such in
    document order on a tie)."""
    return SpanIndex(document).innermost(start, end)


class SpanIndex:
    """Lookups that all the fixes of one document share, built once so that fixing
    many findings stays linear: the innermost block holding a span, and in JSON the
    string literal holding it, decoded once however many fixes fall inside it."""

    def __init__(self, document: Document):
        self.document = document
        blocks = document.blocks
        self._order = sorted(range(len(blocks)), key=lambda i: blocks[i].extent[0])
        self._starts = [blocks[i].extent[0] for i in self._order]
        self._literals: tuple[list[int], list[int]] | None = None
        self._decoded: dict[int, tuple[list[int], str]] = {}

    def innermost(self, start: int, end: int) -> Block | None:
        blocks = self.document.blocks
        best: tuple[int, int] | None = None  # (length, index in document order)
        for position in range(bisect.bisect_right(self._starts, start) - 1, -1, -1):
            block_start = self._starts[position]
            if best is not None and start - block_start > best[0]:
                break  # every block starting further back is longer than the best
            index = self._order[position]
            block_end = blocks[index].extent[1]
            if end <= block_end and (best is None or (block_end - block_start, index) < best):
                best = (block_end - block_start, index)
        return None if best is None else blocks[best[1]]

    def overlapping(self, start: int, end: int) -> list[Block]:
        """Every block whose extent overlaps source ``[start, end)``, in source order."""
        blocks = self.document.blocks
        reach = bisect.bisect_left(self._starts, end)
        return [blocks[i] for i in self._order[:reach] if blocks[i].extent[1] > start]

    def json_literal(self, start: int, end: int) -> tuple[int, int] | None:
        """The content span (quotes excluded) of the string literal holding ``[start, end)``."""
        if self._literals is None:
            spans = [match.span() for match in _JSON_STRING.finditer(self.document.source)]
            self._literals = ([span[0] for span in spans], [span[1] for span in spans])
        starts, ends = self._literals
        first_reaching = bisect.bisect_left(ends, end)  # the first literal ending at or after `end`
        if first_reaching == len(ends) or bisect.bisect_right(starts, start) <= first_reaching:
            return None
        literal_start, literal_end = starts[first_reaching], ends[first_reaching]
        if (start, end) == (literal_start, literal_end) or (literal_start < start and end < literal_end):
            return literal_start + 1, literal_end - 1
        return None

    def decoded_literal(self, content_start: int, content_end: int) -> tuple[list[int], str]:
        """Source offsets of each decoded character of a literal's content (plus its
        end), and the decoded content."""
        if content_start not in self._decoded:
            source = self.document.source
            units = [(match.start(), _json_unit(match.group()))
                     for match in _JSON_ESCAPE.finditer(source, content_start, content_end)]
            self._decoded[content_start] = ([offset for offset, _ in units] + [content_end],
                                            "".join(unit for _, unit in units))
        return self._decoded[content_start]


def with_safe_fixes(document: Document, findings: Iterable[Finding],
                    fixable_codes: Collection[str]) -> tuple[Finding, ...]:
    """`findings` with each fix replaced by its safe, widened form (or removed)."""
    index = SpanIndex(document)
    return tuple(
        finding if finding.fix is None else replace(finding, fix=safe_fix(document, finding, fixable_codes, index))
        for finding in findings
    )


def _removes_block(edit: Edit, block: Block) -> bool:
    return edit.replacement == "" and (edit.start, edit.end) == block.extent


def _widen(document: Document, edit: Edit, index: SpanIndex | None = None) -> Edit | None:
    if document.format == "json":
        element = json_array_element_removal(document.source, edit.start, edit.end)
        if element is not None:
            return Edit(element[0], element[1], "")
        return _widen_in_json_string(edit, index or SpanIndex(document))
    start, end = edit.start, edit.end
    if document.comment_syntax == HTML_COMMENTS:
        start, end = with_block_comment_pair(document.source, start, end)
    start, end = widen_removal(document.source, start, end)
    return Edit(start, end, "")


def widen_removal(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow the removal of ``text[start:end]`` over white space so it leaves no gap.

    When the removed span is alone on its line(s), the whole lines go, and when
    that would leave two blank lines (or a blank line at either end of the text)
    in a row, one of them goes too. Only white space is ever added to the span.
    """
    core_start, core_end = _strip_span(text, start, end)
    if core_start == core_end:
        return start, end
    line_start = _skip_back(text, core_start, _HORIZONTAL_SPACE)
    line_end = _skip_forward(text, core_end, _HORIZONTAL_SPACE)
    if (line_start > 0 and text[line_start - 1] not in _LINE_BREAK) or (
        line_end < len(text) and text[line_end] not in _LINE_BREAK
    ):
        return min(start, core_start), max(end, core_end)  # shares its line with other content
    after_break = _after_line_break(text, line_end)
    if _only_space(text, after_break, len(text)):
        previous_content_end = _skip_back(text, line_start, _HORIZONTAL_SPACE + _LINE_BREAK)
        if previous_content_end > 0:  # the last block: drop the blank lines before it instead
            return previous_content_end, line_end
        return line_start, after_break
    after_blanks = _skip_blank_lines(text, after_break)
    blank_before = line_start == 0 or _is_blank_line_before(text, line_start)
    if blank_before and after_blanks > after_break:
        return line_start, after_blanks
    return line_start, after_break


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _skip_back(text: str, index: int, chars: str) -> int:
    while index > 0 and text[index - 1] in chars:
        index -= 1
    return index


def _skip_forward(text: str, index: int, chars: str) -> int:
    while index < len(text) and text[index] in chars:
        index += 1
    return index


def _after_line_break(text: str, index: int) -> int:
    if text.startswith("\r\n", index):
        return index + 2
    if index < len(text) and text[index] in _LINE_BREAK:
        return index + 1
    return index


def _skip_blank_lines(text: str, index: int) -> int:
    """The start of the first line at or after `index` that has content (or the end)."""
    while index < len(text):
        line_end = _skip_forward(text, index, _HORIZONTAL_SPACE)
        if line_end < len(text) and text[line_end] not in _LINE_BREAK:
            return index
        if line_end == len(text):
            return line_end
        index = _after_line_break(text, line_end)
    return index


def _is_blank_line_before(text: str, line_start: int) -> bool:
    """Whether the line before the one starting at `line_start` is blank."""
    previous_end = line_start - 1
    if previous_end > 0 and text[previous_end] == "\n" and text[previous_end - 1] == "\r":
        previous_end -= 1
    previous_start = _skip_back(text, previous_end, _HORIZONTAL_SPACE)
    return previous_start == 0 or text[previous_start - 1] in _LINE_BREAK


def _only_space(text: str, start: int, end: int) -> bool:
    return all(text[index].isspace() for index in range(start, end))  # stops at the first non-space


# --- JSON: widening inside a string literal ----------------------------------------


def _widen_in_json_string(edit: Edit, index: SpanIndex) -> Edit | None:
    content = index.json_literal(edit.start, edit.end)
    if content is None:
        return None
    content_start, content_end = content
    offsets, decoded = index.decoded_literal(content_start, content_end)
    start, end = max(edit.start, content_start), min(edit.end, content_end)
    start_index, end_index = bisect.bisect_left(offsets, start), bisect.bisect_left(offsets, end)
    if offsets[start_index] != start or offsets[end_index] != end:
        return None  # the edit would cut an escape sequence
    wide_start, wide_end = widen_removal(decoded, start_index, end_index)
    return Edit(offsets[wide_start], offsets[wide_end], "")


def json_array_element_removal(source: str, start: int, end: int) -> tuple[int, int] | None:
    """The span that removes the object ``source[start:end]`` from the JSON array holding it,
    with one adjoining comma, or None when the span is not a whole object in an array.

    A reader gives a block such an *element extent* when removing the block means removing
    its element (an ANS content element); the JSON stays valid and its layout tidy."""
    if not (start < end and source[start] == "{" and source[end - 1] == "}"):
        return None
    before = _skip_back(source, start, _JSON_SPACE)
    after = _skip_forward(source, end, _JSON_SPACE)
    if before == 0 or after == len(source) or source[before - 1] not in "[," or source[after] not in "],":
        return None
    try:
        json.loads(source[start:end])
    except ValueError:
        return None
    if source[before - 1] == ",":
        return before - 1, end
    if source[after] == ",":
        return start, _skip_forward(source, after + 1, _JSON_SPACE)
    return before, after


def _json_unit(token: str) -> str:
    if not token.startswith("\\"):
        return token
    if token[1] == "u":
        return chr(int(token[2:], 16))  # noqa: FURB166 - the four hex digits of a JSON \\u escape, not a 0x literal
    return _JSON_SIMPLE_ESCAPES.get(token[1], token[1])


# --- Gutenberg: a block's comment pair -------------------------------------------


def with_block_comment_pair(source: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` grown over the Gutenberg comment pair wrapping nothing but it
    (``<!-- wp:paragraph -->`` ... ``<!-- /wp:paragraph -->``), so removing a block leaves
    no empty pair behind; unchanged when no such pair wraps it."""
    opener_start = source.rfind("<!--", 0, start)
    if opener_start < 0:
        return start, end
    opener = _BLOCK_OPENER.fullmatch(source, opener_start, start)
    if opener is None:
        return start, end
    after = _skip_forward(source, end, _JSON_SPACE)
    closer = compile_regex(rf"<!--\s*/wp:{regex.escape(opener['name'])}\s*-->").match(source, after)
    if closer is None:
        return start, end
    return opener_start, closer.end()


# --- applying fixes ---------------------------------------------------------------


def apply_fixes(source: str, findings: Sequence[Finding], document: Document | None = None) -> tuple[str, int]:
    """`source` with the fixes of `findings` applied, and how many findings were fixed.

    Fixes are taken in source order; one that overlaps an edit already chosen is
    left for the next pass, except when all its edits were already chosen (two
    findings asking to remove the same block), which fixes it too. Given the
    `document` of `source`, removals separated only by white space are merged and
    widened as one, so removing neighbouring blocks leaves one gap, not two.
    """
    chosen: list[Edit] = []
    chosen_set: set[Edit] = set()
    fixed = 0
    candidates = sorted((f for f in findings if f.fix is not None), key=_fix_order)
    for finding in candidates:
        edits = sorted(set(finding.fix.edits), key=lambda e: (e.start, e.end))  # type: ignore[union-attr]
        if all(edit in chosen_set for edit in edits):
            fixed += 1
            continue
        if any(_overlaps_any(chosen, edit) for edit in edits):
            continue
        for edit in edits:
            bisect.insort(chosen, edit, key=lambda e: (e.start, e.end))
            chosen_set.add(edit)
        fixed += 1
    if document is not None:
        chosen = _merge_neighbouring_removals(document, chosen)
    pieces, cursor = [], 0
    for edit in chosen:
        pieces += [source[cursor:edit.start], edit.replacement]
        cursor = edit.end
    pieces.append(source[cursor:])
    return "".join(pieces), fixed


def _merge_neighbouring_removals(document: Document, edits: list[Edit]) -> list[Edit]:
    runs: list[list[Edit]] = []
    for edit in edits:
        previous = runs[-1][-1] if runs else None
        if previous is not None and previous.replacement == edit.replacement == "" \
                and _only_white_space_between(document, previous.end, edit.start):
            runs[-1].append(edit)
        else:
            runs.append([edit])
    merged: list[Edit] = []
    index = SpanIndex(document) if any(len(run) > 1 for run in runs) else None
    for run in runs:
        wide = _widen(document, Edit(run[0].start, run[-1].end, ""), index) if len(run) > 1 else None
        merged.extend([wide] if wide is not None else run)
    return merged


def _only_white_space_between(document: Document, start: int, end: int) -> bool:
    gap = document.source[start:end]
    if document.format == "json":  # edits sit on escape boundaries, so the gap decodes on its own
        return all(_json_unit(m.group()).isspace() for m in _JSON_ESCAPE.finditer(gap))
    return not gap.strip()


def _fix_order(finding: Finding) -> tuple[int, int, str]:
    first = min(finding.fix.edits, key=lambda e: (e.start, e.end))  # type: ignore[union-attr]
    return first.start, first.end, finding.code


def _overlaps_any(chosen: list[Edit], edit: Edit) -> bool:
    index = bisect.bisect_left(chosen, (edit.start, edit.end), key=lambda e: (e.start, e.end))
    neighbours = chosen[max(0, index - 1):index + 1]
    return any(_overlap(edit, other) for other in neighbours)


def _overlap(first: Edit, second: Edit) -> bool:
    if first.start < second.end and second.start < first.end:
        return True
    return first.start == first.end == second.start == second.end  # two insertions at one point


def fix_source(document: Document, findings: Sequence[Finding],
               recheck: Callable[[str], tuple[Document, Sequence[Finding]]]) -> tuple[FixOutcome, Document, tuple[Finding, ...]]:
    """Apply safe fixes until none is left (at most `MAX_FIX_PASSES` passes).

    `findings` must already carry safe fixes (see `with_safe_fixes`); `recheck`
    reads and checks a new source the same way. Returns the outcome with the
    final document and its findings. Raises `FixError` when a fixed source no
    longer reads as its format (for JSON: no longer parses).
    """
    original, current, remaining, fixed = document.source, document, tuple(findings), 0
    for _ in range(MAX_FIX_PASSES):
        source, count = apply_fixes(current.source, [f for f in remaining if f.fix is not None], current)
        if source == current.source:
            break
        _verify_still_valid(current, source)
        current, new_findings = recheck(source)
        remaining, fixed = tuple(new_findings), fixed + count
    return FixOutcome(original, current.source, fixed), current, remaining


def _verify_still_valid(document: Document, source: str) -> None:
    if document.format != "json":
        return
    try:
        json.loads(document.source)
    except ValueError:
        return  # it was not strict JSON before; the reader decides what it accepts
    try:
        json.loads(source)
    except ValueError:
        raise FixError("fixing would make the JSON invalid; nothing written") from None


# --- showing and writing ----------------------------------------------------------


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file, marking a missing final newline as git does."""
    lines = []
    for line in difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                     fromfile=path, tofile=path):
        if line.endswith(("\n", "\r")):
            lines.append(line)
        else:
            lines.append(line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def write_atomic(path: str, data: bytes, expected: bytes) -> None:
    """Replace the file at `path` with `data` if it still holds `expected`.

    Written to a temporary file in the same directory, flushed, given the
    original's permissions, then renamed over it: a reader sees the old file or
    the new one, never half of either. Raises `FixError` (file untouched) for a
    vanished, read-only or concurrently changed file.
    """
    target = Path(os.path.realpath(path))
    try:
        status = target.stat()
        current = target.read_bytes()
    except FileNotFoundError:
        raise FixError("file vanished before the fix could be written; nothing written") from None
    except OSError as error:
        raise FixError(f"cannot read it back: {error.strerror or error}; nothing written") from None
    if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise FixError("file is read-only; not fixed")
    if current != expected:
        raise FixError("file changed while it was being checked; not fixed")
    try:
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".newslint-tmp")
    except OSError as error:
        raise FixError(f"cannot write beside it: {error.strerror or error}; original left intact") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        _keep_owner(temporary, status)
        os.replace(temporary, target)
    except OSError as error:
        _remove_quietly(temporary)
        raise FixError(f"cannot write: {error.strerror or error}; original left intact") from None


def _keep_owner(path: str, status: os.stat_result) -> None:
    if hasattr(os, "chown") and (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(path, status.st_uid, status.st_gid)
        except OSError:
            pass  # only the owner's group or root may keep ownership; permissions are kept regardless


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
