"""Kinds for other stories' headlines and the page's labels, found by shape and position
(NL112, NL116, NL117), with the evidence they share.

The *story body* is the stretch from the first to the last story paragraph (long prose that
ends like a sentence, ``furniture.is_story_paragraph``). What lies before or after it, and is
shaped unlike it, is page furniture more often than not:

- ``related-list`` (NL112): a teaser heading (the lexicon's ``related_headings``, or, outside
  the story body, any short heading-like line) and the headlines after it, or, outside the
  body, a run of three or more headline-like lines. Dates, times ("3 hours ago"), bylines,
  section labels and one summary line after a headline do not break a run. One finding over
  the run.
- ``story-promo`` (NL116): a whole line that is another story's headline, introduced by a cue
  (``promo_cues``: "Also on <site>", "PLUS:", "ICYMI:") or, between two story paragraphs,
  shaped as a headline the paragraphs around it are not: no closing full stop, speech quoted
  in single quotes as headlines quote it.
- ``page-label`` (NL117): a short line at the very top or the very bottom of the text that is
  a breadcrumb ("World > Europe"), a date-and-category line ("Politics | 4 May 2021"), a
  section name in capitals or in lower case, a list of topics, or an end marker.

All are structural guesses: warnings without a fix; each message says what the block is
thought to be.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from newslint.document import Block, Document
from newslint.model import DeclaredRule, Finding, RuleSpec, rule_identity
from newslint.options import Options
from newslint.rules.artifacts.furniture import (
    BULLET,
    NOT_FURNITURE,
    FurnitureLexicon,
    core_text,
    furniture_options,
    is_headline,
    is_story_paragraph,
    require_no_fix,
    shortened,
    span_finding,
    story_bounds,
    trim_edges,
    words,
)
from newslint.rules.artifacts.headline_model import headline_probability
from newslint.text.credits import is_credit
from newslint.text.messages import fill
from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import regex_timeout
from newslint.text.sentences import sentences_of

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
_DATE = (rf"(?:{_DAY}\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?"
         r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4})")
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?"
_AGO = r"(?:about\s+|an?\s+)?(?:\d+|an?|one)\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago"
# a line that only dates or signs a teaser: "3 hours ago", "May 4, 2021 10:15", "By Jane Roe"
_META_LINE = compile_regex(
    rf"^(?:(?:published|updated|posted|last updated|first published)\s*:?\s*)?(?:{_AGO}|{_DATE}(?:\s*(?:at|,|-|\|)?\s*{_TIME})?|{_TIME}(?:\s*,?\s*{_DATE})?|yesterday|today|just now)$"
    r"|^by\s+[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3}$",
    regex.I | regex.V1)
_DATE_IN = compile_regex(rf"(?:{_AGO}|\b{_DATE}\b|\b{_TIME}\b)", regex.I | regex.V1)
# "Topic: what happened" (a colon after a short topic, a headline after it)
_COLON_HEADLINE = compile_regex(r"^(?P<topic>[^:]{2,60}?)\s*:\s+(?P<rest>\S.{8,})$")
# a series name before a spaced bar: "Harbour Week 2018 | Lamps that float on the water"
_SERIES_BAR = compile_regex(r"^[^|]{2,60}?\s\|\s(?=[^|]{8,}$)")
# a quoted fragment inside the line: 'thinks daddy is still at work', “a fresh start”
_QUOTED = compile_regex(r"(?:^|(?<=[\s:(]))(?:'[^'\n]{3,80}'|‘[^’\n]{3,80}’|\"[^\"\n]{3,80}\"|“[^”\n]{3,80}”)(?=$|[\s:,;?!)])")
# headlines quote speech in single quotes ("Mayor 'not told' of closure"); subheadings that
# quote use double ones
_SINGLE_QUOTED = compile_regex(r"(?:^|(?<=[\s:(]))(?:'[^'\n?]{3,80}'|‘[^’\n?]{3,80}’)(?=$|[\s:,;!)])")
# headline grammar: a capitalised subject and a present-tense or "to" verb, or a number first
_HEADLINESE = compile_regex(
    r"^(?:[\p{Lu}\d][\p{L}\d'’.&-]*\s+){1,4}(?:to\s+\p{Ll}{3,}|\p{Ll}{3,}(?<![su])s)\b"
    r"|^\d+\s+(?:\p{Lu}|\p{Ll}+\s+(?:ways|things|reasons|tips|signs|facts|places|ideas))", regex.V1)
# headline grammar in sentence case, as subeditors write it: a bare subject (no article: a
# caption says "The mayor cuts a ribbon") and then a participle with its preposition ("Man
# charged after crash", "School closed over boiler fault"), a "to" future ("Ferry firm to cut
# jobs") or a present-tense verb ("Portvale council approves plan"). A participle of seeing
# ("pictured in", "seen from") or after a plural ("Boats moored in the bay") is a caption's.
_PICTURE_VERBS = r"(?:pictured|seen|photographed|shown|taken|captured|filmed|depicted|framed|lit|reflected|silhouetted|painted|drawn)"
_SENTENCE_HEADLINESE = compile_regex(
    r"^(?!(?i:the|a|an|this|that|these|those|his|her|their|its|our|my|your|with|in|on|at|for|from|after|before|up|over"
    r"|by|and|but|or|as|if|when|while|of|to|how|why|what|where|who|here|there|it|we|you|they|i)\s)"
    r"(?:\p{Lu}[\p{L}'’-]*|\d[\d,.]*)(?:\s+[\p{Ll}\d][\p{L}\d'’-]*){0,3}?\s+"
    rf"(?:(?<!s\s)(?!{_PICTURE_VERBS}\s)\p{{Ll}}{{3,}}(?:ed|en)\s+(?:after|over|in|for|by|at|as|amid|with|on|from|into|to|despite)\s"
    r"|to\s+(?:be\s+)?\p{Ll}{3,}\b"
    r"|\p{Ll}{3,}(?<![su]|ou|ic)s\s+(?!(?:of|in|on|for|at|from|with|and|or|by|to|as|are|were|have|had)\b)(?:\p{Ll}|\d))",
    regex.V1)
# fixtures, "Label - value" lines, a name with its team or place, a reference ("Roe, Jane (4 May 2021)", "^ ...")
_NOT_A_TITLE = compile_regex(
    r"\s(?:v|vs)\.?\s|^(?:\S+\s+){0,4}\S+\s[-–—]\s|\b(?:written|directed|produced) by\b|\bcourtesy of\b|\bthanks to\b|</?\p{L}[^>]*>|\(\s*[\p{Lu}][^)]{0,30}\)\s*$|^\^|\bretrieved\b|\bisbn\b|\bdoi\b|\((?:\d{1,2}\s+)?(?:\p{L}+\s+)?\d{4}\)",
    regex.I | regex.V1)
# a quoted slogan or remark as a headline's topic: "'Not on my watch': mayor vows to ..."
_QUOTE_LABEL = compile_regex(r"^(?:'[^\n]{2,60}?'|‘[^\n]{2,60}?’|\"[^\"\n]{2,60}\"|“[^”\n]{2,60}”):\s+(\S.{12,})$")
_CODE = compile_regex(r"^\W*\$\s|[<>{}=]|&gt;")
_REPORTING = compile_regex(r"\b(?:said|says|told|asked|added|wrote|called|described|named|titled|entitled)\b", regex.I)
_SHORT_HEADING = compile_regex(r"^[\p{L}\d][\p{L}\d'’.&+-]*(?:\s+[\p{L}\d'’.&+-]+){0,5}\s*(?::|\.\.\.|…)?$", regex.V1)
# A section title: the text after a contents line, followed by a paragraph of at least this many words.
SECTION_PROSE_WORDS = 12
_TITLE_EDGES = compile_regex(r"^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$", regex.V1)
_BREADCRUMB = compile_regex(
    r"^[\p{L}\d][\p{L}\d'’&.,-]*(?:\s+[\p{L}\d'’&.,-]+){0,3}(?:\s*(?:>|»|›|→|/|\|)\s*[\p{L}\d][\p{L}\d'’&.,-]*(?:\s+[\p{L}\d'’&.,-]+){0,3}){1,6}$",
    regex.V1)
# a path's separators: an arrow, or a slash or bar with a space on each side ("Luton/Brentford"
# in a headline is no path)
_PATH_SEPARATOR = compile_regex(r"\s*(?:>|»|›|→)\s*|\s+(?:/|\|)\s+")
_END_MARKER = compile_regex(r"^(?:[■□◆◇●○▪►◼∎★*#~=_—–-]{1,5}|\(?ends?\)?|\[ends?\]|-?30-|xxx|end|the end)$", regex.I)
_SUBHEADING_OPENING = compile_regex(r"^(?:(?:how|what|why|where|when|who|which|whether)\b|\p{L}+ING\b)", regex.I | regex.V1)
_DATED_TAIL = compile_regex(r"^(?P<head>.+?)\s+[|·•–—-]\s+(?P<date>[^|·•–—]{3,40})$")
_LOCATION_LEAD = compile_regex(r"^(?:you are here|you're here|location|breadcrumbs?)\s*:\s*", regex.I)
_LINK_ARROW = compile_regex(r"^(?:>>|»|►|▶|→|➤|⇒)\s*")
_VERB_HINT = compile_regex(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|said|says|\p{Ll}+ed)\b", regex.V1)


# --- headline shape -----------------------------------------------------------------------

def is_meta_line(text: str) -> bool:
    """A line that only dates or signs something: a date, a time, "3 hours ago", "By Jane Roe"."""
    return len(text) <= 60 and _META_LINE.match(text.strip(" \t|·•-–—"), timeout=regex_timeout(text)) is not None


def headline_signals(text: str, lexicon: FurnitureLexicon) -> int:
    """How many marks of a headline `text` carries: title case, a "Topic: headline" colon, a
    quoted fragment, headline grammar ("Council votes to ...", "Man charged after ...", "10
    things ..."), a short question. After a series name and a bar, the headline after the bar
    must carry them ("Harbour Week | Lamps that float" does; "Jane Roe | Chief reporter" is a
    staff list's line)."""
    timeout = regex_timeout(text)
    text = _after_series_bar(text)
    colon = _COLON_HEADLINE.match(text, timeout=timeout)
    return sum((
        _title_cased(text, lexicon),
        colon is not None and len(colon.group("topic").split()) <= 6,
        _QUOTED.search(text, timeout=timeout) is not None,
        _HEADLINESE.match(text, timeout=timeout) is not None or
        _SENTENCE_HEADLINESE.match(text, timeout=timeout) is not None,
        text.endswith("?") and len(text.split()) <= 14,
    ))


def _after_series_bar(text: str) -> str:
    """The headline after a series name and a bar ("Harbour Week | Ferry firm cuts jobs"), or
    the whole text when it has none."""
    series = _SERIES_BAR.match(text, timeout=regex_timeout(text))
    return text if series is None else text[series.end():]


def _title_cased(text: str, lexicon: FurnitureLexicon) -> bool:
    """Whether at least three in four words after the first that are not small words start
    with a capital or a digit, two of them with a capital ("Up to 500cc: 6%" is data)."""
    major = [word for word in words(text)[1:] if word.lower() not in lexicon.minor_words]
    capitals = sum(word[0].isupper() for word in major)
    return capitals >= 2 and 4 * (capitals + sum(word[0].isdigit() for word in major)) >= 3 * len(major)


def is_teaser_headline(text: str, lexicon: FurnitureLexicon) -> bool:
    """A headline-like line: one sentence of 4-20 words, no closing full stop, not a credit or
    a date line, not a listing of names ("Jane Roe (Portvale)") or fixtures."""
    if not is_headline(text, lexicon, title_case=False) or len(words(text)) < 4 or is_meta_line(text):
        return False
    timeout = regex_timeout(text)
    return _NOT_A_TITLE.search(text, timeout=timeout) is None


def _split_date(line: str) -> tuple[str, bool]:
    """The line without a date after a bar or a dash ("Ferry firm cuts jobs | 3 May 2021",
    "Ferry firm cuts jobs - 2 hours ago"), and whether it had one."""
    dated = _DATED_TAIL.match(line, timeout=regex_timeout(line))
    if dated is not None and is_meta_line(dated.group("date")):
        return dated.group("head"), True
    return line, False


def _is_phrase(text: str, lexicon: FurnitureLexicon) -> bool:
    """Whether a line reads as a phrase, not a name or a table row: it has a small word
    ("of", "the") or a subject and a verb as subeditors write them ("Ferry operator reports
    record summer")."""
    timeout = regex_timeout(text)
    text = _after_series_bar(text)
    topic = _COLON_HEADLINE.match(text, timeout=timeout)
    headline = topic.group("rest") if topic is not None else text  # "Harbour: Ferry firm ..."
    return any(word.lower() in lexicon.minor_words for word in words(text)) or \
        _SENTENCE_HEADLINESE.match(headline, timeout=timeout) is not None


def _is_summary(document: Document, block: Block) -> bool:
    """A teaser's standfirst: one sentence of 6-30 words with a closing full stop."""
    text = block.text.strip()
    count = len(text.split())
    return 6 <= count <= 30 and "\n" not in text and text.endswith(".") and len(sentences_of(document, block.text)) == 1


def body_bounds(blocks: Sequence[Block]) -> tuple[int, int] | None:
    """Indexes of the first and last paragraph of the story body: story paragraphs of 25 words
    or more (an editor's note or a call to action after the story is shorter), or, without
    any, of every story paragraph."""
    long = [i for i, block in enumerate(blocks) if is_story_paragraph(block) and len(block.text.split()) >= 25]
    return (long[0], long[-1]) if long else story_bounds(blocks)


def _contents_list(blocks: Sequence[Block], first: int, last: int) -> bool:
    """Whether most lines of the run are the titles of the text's own sections: each comes
    back in another block of its own with prose after it (a permalink mark such as "¶" aside).
    A list of other stories scraped twice does not: its second copy has headlines after it."""
    sections: dict[str, set[int]] = {}
    for index in range(len(blocks) - 1):
        if len(words(blocks[index + 1].text)) >= SECTION_PROSE_WORDS:
            sections.setdefault(_title_key(blocks[index].text), set()).add(index)
    lines = [(index, line) for index in range(first, last + 1) for line in _line_texts(blocks[index])]
    titles = sum(bool(sections.get(_title_key(line), set()) - {index}) for index, line in lines)
    return 2 * titles > len(lines)


def _title_key(text: str) -> str:
    return _TITLE_EDGES.sub("", " ".join(text.split())).casefold()


def _line_texts(block: Block) -> list[str]:
    """The block's lines without list bullets and edge white space (a final full stop kept)."""
    return [BULLET.sub("", line, count=1).strip() for line in block.text.strip().split("\n") if line.strip()]


# --- NL112 related-list -----------------------------------------------------------------

@dataclass(frozen=True)
class RelatedListRule(DeclaredRule):
    lexicon: FurnitureLexicon
    min_run: int
    max_run: int
    headline_at: float
    label_below: float
    run_mean_at: float

    def check(self, document: Document) -> Iterator[Finding]:
        blocks = document.blocks
        bounds = body_bounds(blocks)
        taken = -1
        for index, block in enumerate(blocks):
            if index <= taken or block.kind in NOT_FURNITURE:
                continue
            outside = bounds is not None and (index < bounds[0] or index > bounds[1])
            found = self._run_at(document, index, bounds, outside)
            if found is None:
                continue
            (first, last), what = found
            taken = last
            yield span_finding(self, document, blocks[first], blocks[last],
                               fill(self.message, {"what": what, "match": shortened(blocks[first].text.strip()),
                                        "blocks": str(last - first + 1)}))

    def _run_at(self, document: Document, index: int, bounds: tuple[int, int] | None,
                outside: bool) -> tuple[tuple[int, int], str] | None:
        blocks = document.blocks
        if self._is_heading(blocks[index]):
            last = self._items(document, index + 1, needed=1)
            if last is not None:
                return (index, last), "a related-stories list"
            if bounds is not None and index > bounds[0] and self._only_furniture_after(blocks, index, bounds[1]):
                return (index, index), "a related-stories heading whose list did not survive"
            return None
        if bounds is None or bounds[0] <= index <= bounds[1]:
            return None
        after_story = index > bounds[1]
        core = core_text(blocks[index])
        text = blocks[index].text.strip()
        # any short heading-like line counts as a teaser heading after the story, never above it
        if after_story and _SHORT_HEADING.match(text, timeout=regex_timeout(text)) and not text.endswith(":") and \
                not is_meta_line(core) and \
                (not is_teaser_headline(core, self.lexicon) or headline_signals(core, self.lexicon) == 0):
            last = self._items(document, index + 1, needed=2, headless=True, every_marked=True, heading=True)
            if last is not None:
                return (index, last), "a teaser heading and the headlines under it"
        if index > 0 and blocks[index - 1].text.rstrip().endswith(":"):
            return None  # a lead-in introduces the story's own list
        last = self._items(document, index, needed=self.min_run, headless=True, every_marked=not after_story)
        if last is not None and self._outside(bounds, last) and self._model_agrees(blocks, index, last):
            return (index, last), "a run of headlines of other stories"
        return self._modelled_run(blocks, index, bounds, after_story)

    def _modelled_run(self, blocks: Sequence[Block], index: int, bounds: tuple[int, int],
                      after_story: bool) -> tuple[tuple[int, int], str] | None:
        """A run outside the story of `min_run` lines or more that the headline model scores
        as headlines, or, after the story, of two or more under a short label line that it
        does not ("Elsewhere", "More on this"): other stories' headlines."""
        text = core_text(blocks[index])
        if after_story and self._is_label_line(text):
            last = self._scored_run(blocks, index + 1, needed=2)
            if last is not None:
                return (index, last), "a related-stories list (a label over lines the headline model reads as headlines)"
        if index > 0 and is_meta_line(blocks[index - 1].text.strip()):
            return None  # a date before the first line: a timeline's entries
        if not after_story and index == 0:
            return None  # the story's own headline and standfirst open the text
        last = self._scored_run(blocks, index, needed=self.min_run)
        if last is not None and self._outside(bounds, last) and not _contents_list(blocks, index, last):
            return (index, last), "a run of lines the headline model reads as other stories' headlines"
        return None

    def _scored_headline(self, line: str, next_line: str) -> bool:
        """A headline by shape and by the model: a capital or a digit first, no closing comma or
        small word and no lower-case line after it (a sentence wrapped over lines)."""
        if not line[:1].isupper() and not line[:1].isdigit() or line.endswith((",", ";")):
            return False
        if not words(line) or words(line)[-1].lower() in self.lexicon.minor_words or next_line[:1].islower():
            return False
        return is_teaser_headline(line, self.lexicon) and headline_probability(line) >= self.headline_at

    def _model_agrees(self, blocks: Sequence[Block], first: int, last: int) -> bool:
        """Whether the headline model, on average, does not read a run found by shape as
        prose, code or data (`run_mean_at`)."""
        lines = [line for block in blocks[first:last + 1] for line in _line_texts(block)]
        return sum(headline_probability(line) for line in lines) >= self.run_mean_at * len(lines)

    def _is_label_line(self, text: str) -> bool:
        return 1 <= len(words(text)) <= 6 and _SHORT_HEADING.match(text, timeout=regex_timeout(text)) is not None \
            and not is_meta_line(text) and headline_probability(text) < self.label_below

    def _scored_run(self, blocks: Sequence[Block], start: int, *, needed: int) -> int | None:
        """The last block of a run from `start` of at least `needed` headlines, one a line, each
        a teaser headline by shape and scored `headline_at` or more by the model, reading as
        phrases (not names); a date or byline between two of them does not break it."""
        last, headlines, phrased, skipped = None, 0, 0, False
        for following in range(start, min(len(blocks), start + self.max_run)):
            block = blocks[following]
            lines = [_split_date(line)[0] for line in _line_texts(block)]
            if block.kind in NOT_FURNITURE or not lines:
                break
            after = blocks[following + 1].text.lstrip() if following + 1 < len(blocks) else ""
            if all(self._scored_headline(line, next_line)
                   for line, next_line in zip(lines, [*lines[1:], after])):
                headlines += len(lines)
                phrased += sum(_is_phrase(line, self.lexicon) for line in lines)
                last, skipped = following, False
                continue
            if last is None or skipped or len(lines) > 1 or not is_meta_line(lines[0]):
                break
            skipped = True
        if last is None or headlines < needed or 2 * phrased < headlines:
            return None
        return last

    @staticmethod
    def _outside(bounds: tuple[int, int] | None, last: int) -> bool:
        return bounds is None or last < bounds[0] or last > bounds[1]

    def _items(self, document: Document, start: int, *, needed: int, headless: bool = False,
               every_marked: bool = False, heading: bool = False) -> int | None:
        """The index of the last block of a run of teaser headlines from `start` with at least
        `needed` headlines, or None. A date, byline or section label between two headlines does
        not break it, nor (under a heading) one summary line after a headline. Without a
        heading most of the headlines must carry a headline's marks (with `every_marked`, all:
        under a heading of any shape, or above the story, where they must be in title case),
        unless a date or byline follows most of them (a timeline, where the date comes first,
        is not a teaser run), and the run must read as phrases, not as a list of names."""
        blocks = document.blocks
        last, headlines, marked, phrased, dated, dated_tail = None, 0, 0, 0, 0, -1
        titled = summaries = 0
        paired: bool | None = None  # whether the run's teasers have standfirsts (after its first two lines)
        skipped = summary_ok = False
        if headless and start > 0 and is_meta_line(blocks[start - 1].text.strip()):
            return None  # a date before the first line: a timeline's entries, not teasers
        for following in range(start, min(len(blocks), start + self.max_run)):
            block = blocks[following]
            if block.kind in NOT_FURNITURE or block.text.rstrip().endswith(":") and not self._is_heading(block):
                break
            split = [_split_date(line) for line in _line_texts(block)]
            lines = [line for line, _ in split]
            if lines and all(is_teaser_headline(line, self.lexicon) or
                             not headless and self._two_part_headline(document, line) for line in lines):
                if summaries and last == following - 1:
                    break  # teasers with standfirsts: a headline without one ends the run
                if paired is None and (len(lines) > 1 or last is not None):
                    paired = len(lines) == 1 and last is not None and last < following - 1
                headlines += len(lines)
                titled += sum(_title_cased(line, self.lexicon) and not line.endswith("?") for line in lines)
                marked += sum((_title_cased(line, self.lexicon) if every_marked and not heading
                               else headline_signals(line, self.lexicon) > 0) for line in lines)
                phrased += sum(_is_phrase(line, self.lexicon) for line in lines)
                dated += sum(with_date for _, with_date in split)
                last, skipped, summary_ok = following, False, True
                continue
            if last is None or skipped:
                break
            text = block.text.strip()
            skipped = True
            if is_meta_line(text):
                dated, dated_tail = dated + 1, following
                continue  # a date or byline under a teaser
            if len(text) <= 25 and _SHORT_HEADING.match(text) and not text.endswith(":"):
                continue  # a section label between teasers
            if summary_ok and not headless and len(text.split()) <= 60:
                summary_ok = False  # one summary line under a headline
                continue
            if summary_ok and headless and paired is not False and _is_summary(document, block):
                summaries, summary_ok, dated_tail = summaries + 1, False, following  # a teaser's standfirst
                continue
            break
        if last is None or headlines < needed:
            return None
        # without a heading, standfirsts only under every teaser, each teaser in title case and
        # not a question (questions with one-line answers are the story's FAQ)
        if summaries and (summaries < headlines - 1 or titled < headlines or headlines < self.min_run):
            return None
        # teasers each dated or signed need no other mark ("3 hours ago", "By Jane Roe")
        signed = dated >= 2 and 2 * dated >= headlines
        if headless and not signed and (marked < headlines if every_marked else 2 * marked < headlines + 1):
            return None
        if headless and 2 * phrased < headlines:
            return None
        return dated_tail if dated_tail == last + 1 else last  # with the last teaser's date or standfirst

    def _two_part_headline(self, document: Document, text: str) -> bool:
        """A headline in two sentences under a teaser heading, each word in title case, not
        ending with a full stop: "Council Shuts the Pier. But Who Pays?"."""
        return 4 <= len(words(text)) <= 20 and len(sentences_of(document, text)) == 2 and \
            not text.endswith(".") and _title_cased(text, self.lexicon) and not is_credit(text)

    def _only_furniture_after(self, blocks: Sequence[Block], index: int, last_story: int) -> bool:
        """Whether no story paragraph follows block `index`, interface text aside, or only
        one or two short blocks do (a sign-up line, a credit)."""
        after = [block for block in blocks[index + 1:] if block.text.strip()]
        if index > last_story or len(after) <= 2 and all(len(block.text.split()) < 40 for block in after):
            return True
        return all(
            not is_story_paragraph(block) or
            self.lexicon.interface_category(core_text(block), weak=False) is not None
            for block in blocks[index + 1:])

    def _is_heading(self, block: Block) -> bool:
        core = core_text(block)
        return bool(core) and len(core) <= 80 and \
            self.lexicon.related_heading.fullmatch(core, timeout=regex_timeout(core)) is not None


# --- NL116 story-promo -------------------------------------------------------------------

@dataclass(frozen=True)
class StoryPromoRule(DeclaredRule):
    lexicon: FurnitureLexicon

    def check(self, document: Document) -> Iterator[Finding]:
        blocks = document.blocks
        story = [is_story_paragraph(block) for block in blocks]
        first = next((i for i, block in enumerate(blocks) if block.text.strip()), 0)
        for index, block in enumerate(blocks):
            if block.kind in NOT_FURNITURE or story[index] or index == first:
                continue  # the first line is the article's own headline
            raw = block.text.strip()
            text = BULLET.sub("", raw, count=1, timeout=regex_timeout(block.text))
            if "\n" in text or len(text) > 220:
                continue
            what = self._promo(text, story, index)
            if what is None and _LINK_ARROW.match(raw, timeout=regex_timeout(raw)):
                what = self._arrowed(_LINK_ARROW.sub("", raw, count=1), story, index)
            if what is not None:
                yield span_finding(self, document, block, block, fill(self.message, {"what": what, "match": shortened(text)}))

    def _arrowed(self, text: str, story: Sequence[bool], index: int) -> str | None:
        """A headline after a link arrow (">> Ferry firm cuts jobs", "► ...") on a line
        between two story paragraphs: the link to another story (a list of points in the
        story has more than one line)."""
        between = 0 < index < len(story) - 1 and story[index - 1] and story[index + 1]
        headline = trim_edges(text)
        if between and len(words(headline)) >= 4 and not text.rstrip().endswith((".", ":", ";", ",")) and \
                is_teaser_headline(headline, self.lexicon):
            return "a link to another story between the paragraphs"
        return None

    def _promo(self, text: str, story: Sequence[bool], index: int) -> str | None:
        timeout = regex_timeout(text)
        cue = self.lexicon.promo_cue.match(text, timeout=timeout)
        if cue is not None:
            headline = trim_edges(text[cue.end():])
            if is_teaser_headline(headline, self.lexicon) and len(words(headline)) >= 5:
                return "a promo for another story"
            return None
        between = 0 < index < len(story) - 1 and story[index - 1] and story[index + 1]
        if not between or len(words(text)) < 6 or _CODE.search(text, timeout=timeout):
            return None  # a subheading, or a command in a how-to
        if _is_capitals_headline(text, self.lexicon):
            return "another story's headline in capitals between the paragraphs"
        slogan = _QUOTE_LABEL.match(text, timeout=timeout)
        if slogan is not None and is_teaser_headline(slogan.group(1), self.lexicon):
            return "another story's headline between the paragraphs"  # "'Slogan': what happened"
        if text.endswith(("...", "…")) and is_teaser_headline(text.rstrip(".… "), self.lexicon) and \
                _title_cased(text, self.lexicon):
            return "a cut-off teaser headline between the paragraphs"
        if text.rstrip().endswith((".", ":", ";", ",")) or not is_teaser_headline(trim_edges(text), self.lexicon):
            return None
        quoted = _SINGLE_QUOTED.search(text, timeout=timeout)
        if quoted is not None and quoted.start() == 0:
            return None  # a subheading that opens with a quoted word
        unquoted = text[:quoted.start()] + text[quoted.end():] if quoted is not None else ""
        if quoted is not None and len(unquoted) > 8 and not _REPORTING.search(unquoted, timeout=timeout):
            return "another story's headline between the paragraphs"
        return None


def _is_capitals_headline(text: str, lexicon: FurnitureLexicon) -> bool:
    """A headline set in capitals, as some sites set the links to other stories between the
    paragraphs: eight words or more, every letter a capital, no closing punctuation but a
    question mark ("PORTVALE MAYOR OPENS UP ABOUT HER PLANS FOR THE HARBOUR"). A subheading
    in capitals is shorter, or opens with a question word or an -ing form ("HOW TO BOOK A
    FERRY TICKET ONLINE THIS SUMMER", "GETTING TO THE ISLAND BY FERRY OR BY AIR")."""
    letters = [c for c in text if c.isalpha()]
    if len(words(text)) < 8 or not letters or not all(c.isupper() for c in letters) or \
            _SUBHEADING_OPENING.match(text, timeout=regex_timeout(text)):
        return False
    if text.rstrip().endswith((".", ":", ";", ",", "!")):
        return False
    sentence_case = text[0] + text[1:].lower()
    return is_teaser_headline(trim_edges(sentence_case), lexicon)


# --- NL117 page-label --------------------------------------------------------------------

@dataclass(frozen=True)
class PageLabelRule(DeclaredRule):
    lexicon: FurnitureLexicon
    edge_blocks: int

    def check(self, document: Document) -> Iterator[Finding]:
        blocks = document.blocks
        bounds = story_bounds(blocks)
        if bounds is None:
            return
        present = [i for i, block in enumerate(blocks) if block.text.strip() and block.kind not in NOT_FURNITURE]
        top = [i for i in present if i < bounds[0]][:self.edge_blocks]
        bottom = [i for i in present if i > bounds[1]][-self.edge_blocks:]
        tags = self._tag_list(blocks, [i for i in present if i > bounds[1]])
        if tags is not None:
            first, last = tags
            yield span_finding(self, document, blocks[first], blocks[last],
                               fill(self.message, {"what": "a list of topics or tags",
                                                   "match": shortened(blocks[first].text.strip())}))
            bottom = [i for i in bottom if i < first]
        for position, index in enumerate(top + bottom):
            following = (top + bottom)[position + 1] if position + 1 < len(top + bottom) else None
            if following is not None and blocks[following].text.lstrip()[:1].islower():
                continue  # a line broken mid-sentence: the next line carries on in lower case
            what = self._label(blocks[index], at_top=index < bounds[0], last=index == present[-1])
            if what is not None:
                text = blocks[index].text.strip()
                yield span_finding(self, document, blocks[index], blocks[index],
                                   fill(self.message, {"what": what, "match": shortened(text)}))

    def _tag_list(self, blocks: Sequence[Block], after: Sequence[int]) -> tuple[int, int] | None:
        """The first and last index of a tag heading after the story with its topics one a
        line to the end of the text ("Tags" / "Harbour" / "Ferries"): two topics or more,
        each one to four words without sentence punctuation."""
        for position, index in enumerate(after):
            core = core_text(blocks[index])
            if not self.lexicon.tag_heading.fullmatch(core, timeout=regex_timeout(core)):
                continue
            topics = after[position + 1:]
            texts = [line for i in topics for line in _line_texts(blocks[i])]
            if len(texts) >= 2 and all(_is_topic(text) for text in texts) and \
                    all(not block.text.strip() for block in blocks[(topics[-1] + 1):]):
                return index, topics[-1]
            return None
        return None

    def _label(self, block: Block, *, at_top: bool, last: bool) -> str | None:
        lines = [line.strip(" \t|") for line in block.text.strip().split("\n") if line.strip(" \t|")]
        if len(lines) > 1:  # a menu split over lines: every line a row of links
            rows = [self._label_line(line, at_top=at_top, last=False) for line in lines]
            return "a row of section links" if all(row == "a row of section links" for row in rows) else None
        return self._label_line(lines[0], at_top=at_top, last=last) if lines else None

    def _label_line(self, text: str, *, at_top: bool, last: bool) -> str | None:
        if len(text) > 160 or is_credit(text):
            return None
        timeout = regex_timeout(text)
        if _END_MARKER.match(text, timeout=timeout):
            return "an end-of-article marker" if last else None
        if self.lexicon.page_label.fullmatch(trim_edges(text), timeout=timeout):
            return "a section label"
        text = _LOCATION_LEAD.sub("", text, count=1, timeout=timeout)  # "You are here: Home / News"
        parts = [p for p in _PATH_SEPARATOR.split(text, timeout=timeout) if p]
        if len(parts) >= 2 and all(any(c.isalpha() for c in p) for p in parts) and \
                _BREADCRUMB.match(text, timeout=timeout) and not _VERB_HINT.search(text, timeout=timeout):
            if _DATE_IN.search(text, timeout=timeout):
                # the category is a section name or one word; "Jane Roe | Staff Writer | 4 May" is a byline
                labels = [p for p in parts if not _DATE_IN.search(p, timeout=timeout)]
                named = labels and all(len(p.split()) == 1 or self.lexicon.page_label.fullmatch(p) for p in labels)
                return "a date-and-category line" if named else None
            return "a breadcrumb or section path" if at_top or regex.search(r"[>»›→]", text) else "a row of section links"
        items = [p.strip() for p in regex.split(r"\s*[,|•·]\s*", text) if p.strip()]
        if not at_top and len(items) >= 4 and all(1 <= len(p.split()) <= 4 for p in items) and \
                not _VERB_HINT.search(text, timeout=timeout) and not text.endswith((".", "!", "?")) and \
                sum(p[0].isupper() for p in items) * 4 >= 3 * len(items):
            return "a list of topics or tags"
        found = words(text)
        # in capitals at the top it may be a dateline ("PORTVALE"), which belongs to the story
        if 1 <= len(found) <= 3 and len(text) <= 30 and regex.fullmatch(r"[\p{L}&' -]+", text, timeout=timeout) \
                and (text.islower() or (not at_top and text.isupper() and len(text) > 3)) \
                and not _VERB_HINT.search(text, timeout=timeout) and not any(w.lower() in self.lexicon.minor_words for w in found):
            return "a section label"
        return None


def _is_topic(text: str) -> bool:
    """One entry of a tag list: one to four words, no sentence punctuation, no verb."""
    timeout = regex_timeout(text)
    return 1 <= len(words(text)) <= 4 and len(text) <= 40 and not regex.search(r"[.!?:;]", text, timeout=timeout) \
        and not _VERB_HINT.search(text, timeout=timeout)


# --- rule constructors ------------------------------------------------------------------

def _options(spec: RuleSpec, extra: set[str]) -> tuple[Options, FurnitureLexicon]:
    require_no_fix(spec)  # every kind here is a guess
    return furniture_options(spec, extra)


def related_list_rule(spec: RuleSpec) -> RelatedListRule:
    options, lexicon = _options(spec, {"min_run", "max_run", "headline_at", "label_below", "run_mean_at"})
    return RelatedListRule(**rule_identity(spec), lexicon=lexicon, min_run=int(options.number("min_run", 3)),
                           max_run=int(options.number("max_run", 12)),
                           headline_at=float(options.number("headline_at", 0.85)),
                           label_below=float(options.number("label_below", 0.5)),
                           run_mean_at=float(options.number("run_mean_at", 0.3)))


def story_promo_rule(spec: RuleSpec) -> StoryPromoRule:
    _, lexicon = _options(spec, set())
    return StoryPromoRule(**rule_identity(spec), lexicon=lexicon)


def page_label_rule(spec: RuleSpec) -> PageLabelRule:
    options, lexicon = _options(spec, {"edge_blocks"})
    return PageLabelRule(**rule_identity(spec), lexicon=lexicon, edge_blocks=int(options.number("edge_blocks", 5)))


KINDS: dict[str, Any] = {
    "related-list": related_list_rule,
    "story-promo": story_promo_rule,
    "page-label": page_label_rule,
}
