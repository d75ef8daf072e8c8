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
from newslint.text.patterns import regex_timeout

_EDGE_PUNCTUATION = " \t.,;:!?\"'()[]-*\u2022"
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*")



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


_SENTENCE_END = regex.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\]\u00bb]*\s*$")


_SENTENCE_BREAK = regex.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+[\"'\u201c\u2018(\[]?\p{Lu}")


def has_sentence(text: str) -> bool:
    """Ends like a sentence (``. ! ? …``, perhaps inside closing quotes) or holds one
    complete sentence: prose, not a list entry, a product name or a spec line."""
    timeout = regex_timeout(text)
    return _SENTENCE_END.search(text, timeout=timeout) is not None \
        or _SENTENCE_BREAK.search(text, timeout=timeout) is not None


KIND_NAMES = {
    BlockKind.CAPTION: "caption",
    BlockKind.ALT_TEXT: "image alt text",
    BlockKind.PARAGRAPH: "paragraph",
    BlockKind.QUOTE: "quote",
    BlockKind.LIST_ITEM: "list item",
    BlockKind.HEADING: "heading",
    BlockKind.HEADLINE: "headline",
}


def kind_name(block: Block) -> str:
    return KIND_NAMES.get(block.kind, block.kind.value)
