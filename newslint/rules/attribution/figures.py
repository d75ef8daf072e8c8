"""Figure expressions that make a claim: shares, estimates, tallies, large sums.

A number is a claim when its shape says someone measured or estimated something:
a percentage, a fraction of a population or a territory ("two-thirds of the country";
any fraction with an approximator, "nearly half"), a magnitude ("thousands of people"),
an approximated number ("at least 20", "some 2,000 troops"), a count of a claim noun
("23 civilians"), a ratio ("one in five voters") or an approximated large sum of money
("nearly $916 million"). Dates, times, ages, years, durations, distances, scores, names
("Route 6") and numbers referring back to a known group ("the two men") are not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import regex

from newslint.rules.attribution.lexicon import FigureLexicon
from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import REGEX_TIMEOUT_SECONDS, regex_timeout

LOOKBEHIND = 48  # characters searched for an approximator, a currency sign or a name
_DIGITS = compile_regex(r"[\d,]*\d(?:\.\d+)?")
_LETTERS = compile_regex(r"[a-z]+")
_OF = compile_regex(r"\s+of\b", regex.IGNORECASE)
# "of its total budget" points back to the subject: its own figure, not a share to source.
_OF_A_TOTAL = compile_regex(r"\s+of\s+(?:the\s+)?(?:[\w’'-]+['’]s?\s+)?(?<!\b(?:its|their)\s+)total\b", regex.IGNORECASE)
DATA_RUN_MIN_NUMBERS = 4


@dataclass(frozen=True, slots=True)
class Figure:
    start: int
    end: int
    kind: str  # one of attribution_lexicon.FIGURE_CLASSES
    base_kind: str = ""  # for a share: the kind it is otherwise (percentage, fraction, ratio)

    def as_base_kind(self) -> Figure:
        """The figure as its base kind: a share in a story that reports its survey."""
        return replace(self, kind=self.base_kind) if self.base_kind else self


def find_figures(text: str, lexicon: FigureLexicon) -> Iterator[Figure]:
    """Claim-making figure expressions in `text`, in order, not overlapping."""
    taken_until = 0
    candidates = sorted(
        [*_phrases(text, lexicon.magnitude, "magnitude", lexicon),
         *_phrases(text, lexicon.fraction, "fraction", lexicon),
         *_numbers(text, lexicon)],
        key=lambda figure: (figure.start, -figure.end),
    )
    for figure in candidates:
        if figure.start >= taken_until:
            yield figure
            taken_until = figure.end


def _phrases(text: str, pattern: Any, kind: str, lexicon: FigureLexicon) -> Iterator[Figure]:
    """'thousands of people', 'nearly two-thirds of the country'."""
    for match in pattern.finditer(text, timeout=regex_timeout(text)):
        head = lexicon.noun_phrase.match(text, match.end(), timeout=REGEX_TIMEOUT_SECONDS)
        if head is None or lexicon.non_claim_head.fullmatch(head.group("head"), timeout=REGEX_TIMEOUT_SECONDS):
            continue
        before = text[max(0, match.start() - LOOKBEHIND):match.start()]
        if lexicon.referential.search(before, timeout=REGEX_TIMEOUT_SECONDS):
            continue  # "the thousands of people who": a group already counted
        start = _approximated_start(text, match.start(), lexicon)
        whole = lexicon.whole_noun.fullmatch(head.group("head"), timeout=REGEX_TIMEOUT_SECONDS)
        if kind == "fraction" and not whole and (start == match.start() or lexicon.harm_noun is not None):
            continue  # "sold half its finance arm", "nearly half the width": a share of a thing
        of = _OF.match(text, match.end(), timeout=REGEX_TIMEOUT_SECONDS)
        noun = None if of is None else lexicon.claim_noun.match(text, of.end(), timeout=REGEX_TIMEOUT_SECONDS)
        if kind == "magnitude" and (
                of is None or noun is None or not _about_people(text, of.end(), noun.end(), lexicon)):
            continue  # "thousands of sites", "millions of residents": vague, not a count anyone made
        casualty = of is not None and noun is not None and _casualty(text, of.end(), noun.end(), lexicon)
        # "thousands of refugees", "hundreds of people were killed"
        if kind == "fraction":
            yield _as_share(text, Figure(start, head.end(), kind), lexicon)
        else:
            yield Figure(start, head.end(), "casualty" if casualty else kind)


def _about_people(text: str, noun_start: int, noun_end: int, lexicon: FigureLexicon) -> bool:
    """A count a reporter must source: of casualties, cases or the displaced ("23 deaths"),
    or of people something happened to or who did something newsworthy ("2,000 people
    have fled"). "Delhi's 10 million residents" and "employed 500 people" are not."""
    if lexicon.harm_noun is None or lexicon.event_verb is None:
        return True
    return bool(lexicon.harm_noun.match(text, noun_start, timeout=REGEX_TIMEOUT_SECONDS)
                or lexicon.event_verb.match(text, noun_end, timeout=REGEX_TIMEOUT_SECONDS)
                or _casualty(text, noun_start, noun_end, lexicon))


def _casualty(text: str, noun_start: int, noun_end: int, lexicon: FigureLexicon) -> bool:
    """A figure of the dead, the hurt, the sick or the displaced: a casualty noun ("23
    deaths") or a casualty verb after it ("12 people died")."""
    if lexicon.casualty_noun is not None and lexicon.casualty_noun.match(text, noun_start, timeout=REGEX_TIMEOUT_SECONDS):
        return True
    return lexicon.casualty_verb is not None and lexicon.casualty_verb.match(
        text, noun_end, timeout=REGEX_TIMEOUT_SECONDS) is not None


def _numbers(text: str, lexicon: FigureLexicon) -> Iterator[Figure]:
    for match in lexicon.number.finditer(text, timeout=regex_timeout(text)):
        figure = _classify(text, match, lexicon)
        if figure is not None:
            yield figure


def _classify(text: str, number: Any, lexicon: FigureLexicon) -> Figure | None:
    start, end = number.span()
    before = text[max(0, start - LOOKBEHIND):start]
    money_sign = lexicon.currency_before.search(before, timeout=REGEX_TIMEOUT_SECONDS)
    approximated = lexicon.approximator.search(
        before[:money_sign.start()] if money_sign else before, timeout=REGEX_TIMEOUT_SECONDS)
    lead = approximated or money_sign
    first = start - len(before) + lead.start() if lead else start
    value, glued = number_value(number.group(), lexicon), bool(number.group("glued"))
    range_tail = _range_tail(text, end, approximated, lexicon)
    if range_tail is not None:
        end = range_tail.end()
        value = max(value, number_value(range_tail.group("value"), lexicon))
        glued = glued or bool(range_tail.group("glued"))

    percent = lexicon.percent.match(text, end, timeout=REGEX_TIMEOUT_SECONDS)
    if percent is not None:
        second = lexicon.percent_range.match(text, percent.end(), timeout=REGEX_TIMEOUT_SECONDS)
        end = second.end() if second is not None else percent.end()  # "from 5 percent to 25 percent"
        if lexicon.rate_noun.match(text, end, timeout=REGEX_TIMEOUT_SECONDS):
            return None  # a parameter, not a measurement: "a 35 percent tariff"
        if not _is_share(text, end, before, lexicon):
            return None  # "sales rose 12%", "a 100% battery": a change or a level, the subject's own
        return _as_share(text, Figure(first, _of_phrase_end(text, end, lexicon), "percentage"), lexicon)
    # An exact sum is a recorded fact (a price, a deal, a result); an approximated
    # one ("nearly $916 million") is someone's estimate.
    money_word = None if money_sign else lexicon.currency_after.match(text, end, timeout=REGEX_TIMEOUT_SECONDS)
    if money_sign is not None or money_word is not None:
        if approximated is None or value < lexicon.min_money:
            return None
        if lexicon.cost_word is not None and not lexicon.cost_word.search(before, timeout=REGEX_TIMEOUT_SECONDS):
            return None  # "about $44m a week": arithmetic or a deal, not a cost someone estimated
        return Figure(first, money_word.end() if money_word else end, "money")

    if _is_label(text, end, before, approximated is not None, lexicon):
        return None
    noun = lexicon.claim_noun.match(text, end, timeout=REGEX_TIMEOUT_SECONDS)
    ratio = lexicon.ratio_tail.match(text, end, timeout=REGEX_TIMEOUT_SECONDS)
    if ratio is not None and not glued and not _looks_like_year(ratio.group("of")):
        return _as_share(text, Figure(first, ratio.end(), "ratio"), lexicon)
    if noun is None and _looks_like_clock(number.group(), range_tail):
        return None  # "a curfew between 2200 and 0700"
    if _looks_like_year(number.group()) or (
            noun is None and (glued or (range_tail is not None and approximated is None))):
        return None  # a year, "5m" (metres? minutes?), or a bare "24-20": a score, a vote
    if approximated is not None:
        if value < (lexicon.min_count if noun else lexicon.min_bare_count):
            return None  # "at least four officers", "over 18": small enough to see, or an age
        noun_end = noun.end() if noun else end
        if not _about_people(text, end, noun_end, lexicon):
            return None  # "some 200 teams were deployed", "the more than 12,000 in attendance"
        return Figure(first, noun_end, "casualty" if _casualty(text, end, noun_end, lexicon) else "approximate")
    if noun is not None and value >= lexicon.min_count and _about_people(text, end, noun.end(), lexicon):
        return Figure(first, noun.end(), "casualty" if _casualty(text, end, noun.end(), lexicon) else "count")
    return None


# "17% of its staff", "half of their members": the subject's own people, not a population.
_OF_OWN = compile_regex(r"\bof\s+(?:its|their|his|her|our|my|your)\b", regex.IGNORECASE)
# Where a clause starts: punctuation, then the words `share_openers` allows before its subject.
_CLAUSE_PUNCTUATION = ",;:(["
_SENTENCE_END = compile_regex(r"[.!?][\"”’)]?\s")


def _as_share(text: str, figure: Figure, lexicon: FigureLexicon) -> Figure:
    """The figure as a share of a population (kind "share") when it is a percentage, a
    fraction or a ratio of people that opens its clause: "Nearly 40% of voters oppose it",
    "..., and two-thirds of residents rent". Else the figure as it is."""
    if lexicon.population_end is None or lexicon.share_opener is None or lexicon.result_verb is None:
        return figure
    written = text[figure.start:figure.end]
    if lexicon.population_end.search(written, timeout=REGEX_TIMEOUT_SECONDS) is None or _OF_OWN.search(
            written, timeout=REGEX_TIMEOUT_SECONDS):
        return figure
    if not _opens_clause(text, figure.start, lexicon.share_opener) or lexicon.result_verb.match(
            text, figure.end, timeout=REGEX_TIMEOUT_SECONDS):
        return figure  # an object ("won 31% of the voters"), or a vote's result on record
    return replace(figure, kind="share", base_kind=figure.kind)


def _opens_clause(text: str, start: int, share_opener: Any) -> bool:
    """Whether only `share_openers` words ("and", "but now") stand between the start of the
    clause (of the text, a sentence, or after a comma, colon, semicolon or bracket) and `start`."""
    window = max(0, start - LOOKBEHIND)
    before = text[window:start]
    cut = max(before.rfind(mark) for mark in _CLAUSE_PUNCTUATION)
    for end in _SENTENCE_END.finditer(before, timeout=REGEX_TIMEOUT_SECONDS):
        cut = max(cut, end.end() - 1)
    joined = _JOINED_CLAUSE.search(before, max(cut, 0), timeout=REGEX_TIMEOUT_SECONDS)
    if joined is not None and not any(character.isdigit() for character in before[max(cut, 0):joined.start()]):
        cut = joined.end() - 1  # "mobiles became common and now almost 90% of adults own one"
    if cut < 0 and window > 0:
        return False  # the clause started further back: the words before it are more than a few
    if cut >= 0 and before[cut] == "," and not before[cut + 1:].strip() and _LIST_ITEM_BEFORE.search(
            before, 0, cut, timeout=REGEX_TIMEOUT_SECONDS):
        return False  # "41% of voters in the north, 38% of voters in the south": an item of a list of figures
    return share_opener.fullmatch(before[cut + 1:], timeout=REGEX_TIMEOUT_SECONDS) is not None


_JOINED_CLAUSE = compile_regex(r"\s(?:and|but|while|whereas|yet)\s(?=(?:\w+\s+)?$)", regex.IGNORECASE)
# A percentage in the stretch before a comma, back to the previous mark: the comma then lists shares.
_LIST_ITEM_BEFORE = compile_regex(r"\d\s*(?:%|-?\s*per\s*cent\b)[^,;:!?]*$", regex.IGNORECASE)


def _is_share(text: str, end: int, before: str, lexicon: FigureLexicon) -> bool:
    """A percentage that is a share of a population ("41% of registered voters"), an
    opinion ("54% back the plan") or a public indicator ("unemployment rose to 7.2%")."""
    if lexicon.opinion_verb is None or lexicon.indicator is None:
        return True
    phrase = lexicon.of_phrase.match(text, end, timeout=REGEX_TIMEOUT_SECONDS)
    if phrase is not None and lexicon.whole_noun.fullmatch(phrase.group("head"), timeout=REGEX_TIMEOUT_SECONDS):
        return True
    if lexicon.claim_noun.match(text, end, timeout=REGEX_TIMEOUT_SECONDS) or _OF_A_TOTAL.match(
            text, end, timeout=REGEX_TIMEOUT_SECONDS):
        return True  # "40% of voters", "30% of the region's total pollution"; not "70% of its total"
    if lexicon.opinion_verb.match(text, end, timeout=REGEX_TIMEOUT_SECONDS):
        return True
    return lexicon.indicator.search(before, timeout=REGEX_TIMEOUT_SECONDS) is not None


def _range_tail(text: str, end: int, approximated: Any, lexicon: FigureLexicon) -> Any:
    """The rest of a range after its first number: "-30", " to 3 million", and " and
    3,000" only after "between" ("lost $180bn and 20,000 workers" is two figures)."""
    tail = lexicon.range_tail.match(text, end, timeout=REGEX_TIMEOUT_SECONDS)
    if tail is not None and (tail.group("word") or "").lower() == "and" and (
            approximated is None or not approximated.group().lower().startswith("between")):
        return None
    return tail


def _is_label(text: str, end: int, before: str, approximated: bool, lexicon: FigureLexicon) -> bool:
    """A number that names, ranks or measures rather than counts: "a 10-point plan",
    "20 years", "aged 45", "the two men", "Route 6"."""
    if text[end:end + 1] in "-\u2013" and text[end + 1:end + 2].isalpha():
        return True  # a compound modifier: "a 10-point plan", "a 24-hour strike"
    if lexicon.non_claim_after.match(text, end, timeout=REGEX_TIMEOUT_SECONDS):
        return True
    return not approximated and bool(
        lexicon.non_claim_before.search(before, timeout=REGEX_TIMEOUT_SECONDS)
        or lexicon.referential.search(before, timeout=REGEX_TIMEOUT_SECONDS)
        or _after_name(before))


def number_value(written: str, lexicon: FigureLexicon) -> float:
    """The value of "2,000", "1.2 million", "twenty-five", "£600m" (sign excluded)."""
    digits = _DIGITS.match(written, timeout=REGEX_TIMEOUT_SECONDS)
    current = float(digits.group().replace(",", "")) if digits else 0.0
    total = 0.0
    for word in _LETTERS.findall(written[digits.end() if digits else 0:].lower(), timeout=REGEX_TIMEOUT_SECONDS):
        if word in lexicon.glued_values:
            current = (current or 1) * lexicon.glued_values[word]
            continue
        value = lexicon.values.get(word)
        if value is None:
            continue  # "and"
        if value >= 100:
            current = (current or 1) * value
            if value >= 1000:
                total, current = total + current, 0.0
        else:
            current += value
    return total + current


def _approximated_start(text: str, start: int, lexicon: FigureLexicon) -> int:
    before = text[max(0, start - LOOKBEHIND):start]
    approximated = lexicon.approximator.search(before, timeout=REGEX_TIMEOUT_SECONDS)
    return start if approximated is None else start - len(before) + approximated.start()


def _of_phrase_end(text: str, end: int, lexicon: FigureLexicon) -> int:
    phrase = lexicon.of_phrase.match(text, end, timeout=REGEX_TIMEOUT_SECONDS)
    return end if phrase is None else phrase.end()


def _after_name(before: str) -> bool:
    """'Route 6', 'Apollo 11', 'August 12': a capitalised word right before the number,
    one that does not start its sentence."""
    words = before.rstrip().rsplit(None, 2)
    if not before.endswith((" ", "\u00a0")) or not words:
        return False
    last = words[-1].removesuffix(".")  # "Feb. 13"
    if not last[:1].isupper() or not last.isalpha():
        return False
    previous = words[-2] if len(words) > 1 else ""
    return bool(previous) and not previous.endswith((".", "!", "?", ":", '"', "\u201d"))


def _looks_like_clock(number: str, range_tail: Any) -> bool:
    """A 24-hour time: "0700", or a range of them ("between 2200 and 0700")."""
    times = [number] + ([range_tail.group("value")] if range_tail is not None else [])
    if not all(len(t) == 4 and t.isdigit() and int(t[:2]) < 24 and int(t[2:]) < 60 for t in times):
        return False
    return any(t.startswith("0") for t in times) or (range_tail is not None and not all(
        _looks_like_year(t) for t in times))


def _looks_like_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1000 <= int(number) <= 2100


def is_exempt_sentence(sentence: str, lexicon: FigureLexicon) -> bool:
    """A sentence whose figures are not claims of fact: hypothetical, historical or in the
    first person (`exempt_sentence`), or a run of data with more numbers per word than
    `max_number_density` (a table row, a fact box)."""
    if lexicon.exempt_sentence is not None and lexicon.exempt_sentence.search(
            sentence, timeout=regex_timeout(sentence)):
        return True
    numbers = sum(1 for _ in lexicon.number.finditer(sentence, timeout=regex_timeout(sentence)))
    words = len(sentence.split())
    return numbers >= DATA_RUN_MIN_NUMBERS and numbers > lexicon.max_number_density * words
