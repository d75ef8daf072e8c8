"""What the duplication kinds share: how text is compared, what counts as a credit,
and how a finding names the earlier copy.

Not a plugin itself; `duplicate_caption`, `duplicate_paragraph` and `near_duplicate`
are.
"""

from __future__ import annotations

import unicodedata

import regex

from newslint.document import Block, BlockKind
from newslint.text.credits import TYPOGRAPHY
from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import regex_timeout

_EDGE_PUNCTUATION = " \t.,;:!?\"'()[]-*\u2022"
_WORD = compile_regex(r"[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*")



def _unify(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHY)
    return text


def normalise(text: str) -> str:
    """Text as a reader sees it: case, spacing, curly quotes, dashes and edge punctuation ignored."""
    return " ".join(_unify(text).split()).strip(_EDGE_PUNCTUATION).casefold()


def words(text: str) -> list[str]:
    """Lower-cased words (letters and digits, with inner apostrophes)."""
    text = _unify(text).casefold()
    return _WORD.findall(text, timeout=regex_timeout(text))


_SENTENCE_END = compile_regex(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\]\u00bb]*\s*$")


_SENTENCE_BREAK = compile_regex(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+[\"'\u201c\u2018(\[]?\p{Lu}")


def has_sentence(text: str) -> bool:
    """Ends like a sentence (``. ! ? …``, perhaps inside closing quotes) or holds one
    complete sentence: prose, not a list entry, a product name or a spec line."""
    timeout = regex_timeout(text)
    return _SENTENCE_END.search(text, timeout=timeout) is not None \
        or _SENTENCE_BREAK.search(text, timeout=timeout) is not None


_TABLE_CELL_BREAK = compile_regex(r"\s\|\s")


def is_table_row(text: str) -> bool:
    """A row of a table flattened to text (``| Pos | Player | Plays |``): rows are built
    from one template, so their likeness says nothing about copying."""
    stripped = text.strip()
    if stripped.startswith("|") or stripped.endswith("|"):
        return True
    return len(_TABLE_CELL_BREAK.findall(stripped, timeout=regex_timeout(stripped))) >= 2


# A bibliographic reference: a jump-back mark or note number first (after a list bullet or
# not), or a year in parentheses, a retrieval date, a DOI or an ISBN.
_REFERENCE = compile_regex(
    r"^\s*(?:[-*•]\s+)?(?:\^|\[\d{1,3}\]|\d{1,3}\.\s)|\(\d{4}[a-z]?\)|\bretrieved\b|\bdoi:|\bisbn\b",
    regex.IGNORECASE)


def is_reference(text: str) -> bool:
    """An entry of a reference list: citing one source twice is no copying accident."""
    return _REFERENCE.search(text, timeout=regex_timeout(text)) is not None


KIND_NAMES = {
    BlockKind.CAPTION: "caption",
    BlockKind.ALT_TEXT: "image alt text",
    BlockKind.PARAGRAPH: "paragraph",
    BlockKind.QUOTE: "quote",
    BlockKind.LIST_ITEM: "list item",
    BlockKind.HEADING: "heading",
    BlockKind.HEADLINE: "headline",
    BlockKind.SUMMARY: "summary",
}


def kind_name(block: Block) -> str:
    return KIND_NAMES.get(block.kind, block.kind.value)
