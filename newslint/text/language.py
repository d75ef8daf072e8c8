"""Whether a document reads as English, for rules whose lexicons are English.

The consistency and attribution rules read English grammar and English word lists; on a
Spanish or French article they can only misfire ("50 %" is a statistic in any language,
but "dijo el ministerio" is not a source they know). A rule declares ``language = "en"``
and the engine skips it on a document that is clearly in another language.

The test is deliberately blunt: the share of words that are common English function
words. Running English prose has about a third (the lowest among 2,500 English articles
in our test corpus, a sports results page, has 6%); articles in French, Spanish, German
and Czech have 0 to 2%. A document is taken for English unless it is long enough to
judge and its share is under `MIN_ENGLISH_SHARE`, so a short or mixed text (a Spanish
page with English captions has 5%) keeps every rule.
"""

from __future__ import annotations

from newslint.document import Document
from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import regex_timeout

ENGLISH = "en"
# Frequent English words that are rare as words of other languages (no "a", "in", "die").
ENGLISH_FUNCTION_WORDS = frozenset(["the", "of", "and", "to", "is", "was", "that", "with", "for", "this", "have", "has", "had", "be", "been", "were", "are", "which", "would", "will", "their", "they", "from", "by", "said", "but", "not", "it", "its", "he", "she", "his", "her", "who", "an", "or", "than", "there", "when", "more", "after", "about", "also", "into", "could", "them", "these", "those", "what"])
MIN_WORDS = 40  # fewer words than this tell too little: the rules run
MIN_ENGLISH_SHARE = 0.03
_WORD = compile_regex(r"[^\W\d_]+")


def reads_as_english(document: Document) -> bool:
    """False only for a document of at least `MIN_WORDS` words of which under
    `MIN_ENGLISH_SHARE` are English function words."""
    words = 0
    english = 0
    for block in document.blocks:
        for word in _WORD.findall(block.text, timeout=regex_timeout(block.text)):
            words += 1
            english += word.lower() in ENGLISH_FUNCTION_WORDS
    return words < MIN_WORDS or english >= MIN_ENGLISH_SHARE * words
