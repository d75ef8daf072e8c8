"""The attribution kinds' lexicons: rule-pack word lists compiled into patterns.

Every word list lives in the rule pack so a newsroom can extend it: the attribution
lexicon both kinds share in ``rules/attribution/lexicons/attribution.toml`` (read through the
``lexicons`` option, see `newslint.lexicons`), and the figure lexicon the figure rules
(NL402, NL403) share in ``lexicons/figures.toml`` (their ``figure_lexicons`` option, plus any
figure key in a rule's own options). This module only checks the lists and turns them into compiled
regular expressions, once per rule.
Patterns are compiled case-insensitively with simple case folding (`regex` VERSION0),
which is several times faster than full case folding on long alternations of words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from newslint.lexicons import (
    lexicon_error,
    longest_first,
    merge_tables,
    read_lexicon_file,
    resolve_lexicon_path,
)
from newslint.options import OptionError, Options
from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import (
    PATTERN_ERRORS,
    REGEX_TIMEOUT_SECONDS,
    lazy_compile,
    pattern_problem,
)

FLAGS = regex.VERSION0 | regex.IGNORECASE

# Options both attribution kinds read. The lexicons say what counts as a source, and
# give the agentless constructions (NL401 reports them; NL402 leaves the figures inside
# them to NL401).
ATTRIBUTION_OPTIONS = {"blocks", "lexicons", "lexicon"}
DEFAULT_LEXICONS = ("newslint:lexicons/attribution.toml",)
# The attribution lexicon's keys, by what they hold.
PATTERN_LISTS = frozenset({"cues", "active_cues", "source_nouns", "carry_over", "clause_breaks", "research_register",
                           "not_body", "comment_thread", "historical", "hypothetical"})
SINGLE_PATTERNS = frozenset({"agent", "passive_before"})
LEXICON_KEYS = PATTERN_LISTS | SINGLE_PATTERNS | {"constructions", "span_words"}
REQUIRED_KEYS = ("cues", "passive_before", "constructions", "agent", "clause_breaks")
FIGURE_OPTIONS = {
    "number_words", "scales", "magnitudes", "fractions", "percent", "rate_nouns", "currency_symbols",
    "currency_words", "currency_scales", "approximators", "claim_nouns", "whole_nouns", "non_claim_after",
    "non_claim_before", "referential", "wording", "min_count", "min_bare_count", "min_money",
    "harm_nouns", "event_verbs", "opinion_verbs", "indicators", "cost_words", "exempt_sentences",
    "max_number_density", "casualty_nouns", "casualty_verbs",
    "population_nouns", "share_openers", "result_verbs", "survey_nouns",
}
# Options of a figure rule that are not figure lexicon keys: where the lexicon is, and which
# kinds of figure this rule reports (NL403 casualties, NL402 the rest).
FIGURE_RULE_OPTIONS = {"figure_lexicons", "kinds"}
DEFAULT_FIGURE_LEXICONS = ("newslint:lexicons/figures.toml",)
# The figure options that hold regular expressions (the rest are literal words or numbers).
FIGURE_PATTERN_OPTIONS = frozenset({
    "percent", "rate_nouns", "currency_words", "approximators", "claim_nouns", "whole_nouns",
    "non_claim_after", "non_claim_before", "referential",
    "harm_nouns", "event_verbs", "opinion_verbs", "indicators", "cost_words", "exempt_sentences",
    "casualty_nouns", "casualty_verbs", "population_nouns", "share_openers", "result_verbs", "survey_nouns",
})
FIGURE_CLASSES = ("percentage", "fraction", "magnitude", "approximate", "count", "money", "ratio", "casualty", "share")


@dataclass(frozen=True)
class Construction:
    """Agentless claim constructions that share one wording of what is missing."""

    what: str  # "an estimate"
    who: str  # "say who estimated it"
    idiom_of_science: bool = False  # left alone in an article that reports research ("is thought to harbour an ocean")
    # A belief or a perception with no holder ("is thought to", "is widely seen as") is not held
    # by the source of the sentence before: only a source in its own sentence answers "who?".
    needs_own_source: bool = False


@dataclass(frozen=True)
class AttributionLexicon:
    cue: Any  # a cue wherever it appears
    active_cue: Any | None  # a cue only when not passive: "officials reported", not "was reported"
    passive_before: Any  # matches the text before an active cue that makes it passive
    source_noun: Any | None
    constructions: tuple[Construction, ...]
    construction: Any  # all constructions; the group ``c<index>`` names which one matched
    agent: Any
    carry_over: Any | None  # anchored at a sentence start
    clause_break: Any
    span_words: int
    research_register: Any | None = None  # words of an article that reports research: "researchers", "the study"
    not_body: Any | None = None  # a block that is not the article's own prose: a bio, a speaker's answer
    historical: Any | None = None  # a sentence about the distant past: its beliefs are history, not claims to source
    hypothetical: Any | None = None  # opens a construction's clause: "if it is seen as a failure" claims nothing
    comment_thread: Any | None = None  # a whole block that opens a reader-comment thread: "12 comments"


@dataclass(frozen=True)
class FigureLexicon:
    """Compiled figure patterns. "Anchored" ones are used with ``.match(text, pos)``
    right after a number; "trailing" ones with ``.search(before)`` on the text before it."""

    number: Any  # digits or number words; groups: scale (" million"), glued ("bn")
    values: Mapping[str, float]  # number words and scale words, lower case
    glued_values: Mapping[str, float]  # "bn", "m"
    range_tail: Any  # anchored: "-30", " to 3 million"; group value
    magnitude: Any  # "thousands" (followed by "of")
    fraction: Any  # "two-thirds" (followed by "of" or a determiner)
    noun_phrase: Any  # anchored: " of the country"; group head
    of_phrase: Any  # anchored, "of" required
    percent: Any  # anchored
    percent_range: Any  # anchored after a percentage: " to 25 percent"
    rate_noun: Any  # anchored after a percentage: "a 35 percent tariff" is a parameter
    currency_before: Any  # trailing
    currency_after: Any  # anchored: " dollars"
    approximator: Any  # trailing
    claim_noun: Any  # anchored, one modifier allowed
    whole_noun: Any  # full match of one word: what a plain fraction is a claim about
    ratio_tail: Any  # anchored: " in five"; group of
    non_claim_after: Any  # anchored, one modifier allowed
    non_claim_head: Any  # full match of one word: a unit
    non_claim_before: Any  # trailing
    referential: Any  # trailing
    wording: Mapping[str, str]
    min_count: float  # counts below this are left alone ("six men", "at least four officers")
    min_bare_count: float  # the same for an approximated number with no claim noun ("over 18")
    min_money: float  # sums below this are left alone ("tickets cost $20")
    # The narrowing to public-affairs claims; each is None when a pack leaves it out, and
    # then that kind of figure is reported as before.
    harm_noun: Any | None  # anchored after a number, one modifier allowed: "23 deaths", "9,000 cases"
    event_verb: Any | None  # anchored after a count: " have fled", " were killed", " displaced"
    opinion_verb: Any | None  # anchored after a percentage: " back the plan", " say"
    indicator: Any | None  # searched in the words before a percentage: "unemployment rose to"
    cost_word: Any | None  # searched in the words before a sum: "will cost", "damage of"
    exempt_sentence: Any | None  # searched in a sentence: hypothetical, historical
    max_number_density: float  # a sentence with more numbers per word than this is data
    # Casualty figures (kind "casualty"): the dead, the hurt, the sick, the displaced.
    casualty_noun: Any | None = None  # anchored after a number, like harm_noun: "23 deaths"
    casualty_verb: Any | None = None  # anchored after a count, like event_verb: " were killed"
    casualty_word: Any | None = None  # any casualty noun or verb anywhere: a text without one has no casualty figure
    # Shares of a population (kind "share"): a percentage, fraction or ratio of people, as its clause's subject.
    population_end: Any | None = None  # searched in a figure's text: it ends with a people noun ("of voters")
    population_word: Any | None = None  # any people noun anywhere: a text without one has no share
    # A percent sign or word, a fraction, a ratio's "in ten": a text without one of these has no share.
    share_markers: tuple[Any, ...] = ()
    share_opener: Any | None = None  # full match of the words between a clause's start and the share
    result_verb: Any | None = None  # anchored after a share: " of the electorate voted" is a result on record
    survey_noun: Any | None = None  # searched: a story that names its survey ("a poll") reports that survey's shares


def attribution_lexicon(tables: Sequence[Mapping[str, Any]]) -> AttributionLexicon:
    """The `AttributionLexicon` of `tables` (each checked by `validate_lexicon`), merged in order."""
    lexicon = merge_tables(tables)
    missing = [key for key in REQUIRED_KEYS if not lexicon.get(key)]
    if missing:
        raise OptionError("lexicons", f"no attribution lexicon gives {missing[0]!r} "
                                      f"(the built-in one is {DEFAULT_LEXICONS[0]!r})")

    def any_of(key: str) -> Any:
        return _compile(_alternation(tuple(lexicon[key]), key)) if lexicon.get(key) else None

    try:
        constructions, construction = _constructions(lexicon["constructions"])
        return AttributionLexicon(
            cue=any_of("cues"),
            active_cue=any_of("active_cues"),
            passive_before=_compile(_alternation((lexicon["passive_before"],), "passive_before") + "$"),
            source_noun=any_of("source_nouns"),
            constructions=constructions,
            construction=construction,
            agent=_compile(_alternation((lexicon["agent"],), "agent")),
            carry_over=any_of("carry_over"),
            clause_break=any_of("clause_breaks"),
            span_words=int(lexicon.get("span_words", 10)),
            research_register=any_of("research_register"),
            not_body=any_of("not_body"),
            historical=any_of("historical"),
            hypothetical=any_of("hypothetical"),
            comment_thread=any_of("comment_thread"),
        )
    except PATTERN_ERRORS as error:
        raise OptionError("lexicons", f"the attribution lexicon does not compile: {error}") from None


def validate_lexicon(table: Mapping[str, Any], option: str, where: str) -> None:
    """Checks the keys and types of one attribution lexicon table (a `lexicons.Validator`).
    Whether its patterns compile is learnt when `attribution_lexicon` compiles them all
    at once; if they do not, `validate_lexicon_patterns` names the bad entry. Only an
    entry whose parentheses do not pair up is compiled alone here (see `kinds.balanced`)."""
    _check_table(table, option, where, quick=True)


def validate_lexicon_patterns(table: Mapping[str, Any], option: str, where: str) -> None:
    """`validate_lexicon`, and each pattern compiled alone: the slow check that names an
    entry that does not compile."""
    _check_table(table, option, where, quick=False)


def _check_table(table: Mapping[str, Any], option: str, where: str, *, quick: bool) -> None:
    for key, patterns in _table_patterns(table, option, where).items():
        problem = pattern_problem(patterns, FLAGS, quick=quick)
        if problem is not None:
            raise lexicon_error(option, where, f"{key!r}: {problem}")


def _table_patterns(table: Mapping[str, Any], option: str, where: str) -> dict[str, list[str]]:
    """The patterns of one lexicon table by key, once its keys and types are checked."""
    found: dict[str, list[str]] = {}
    for key, value in table.items():
        if key not in LEXICON_KEYS:
            known = ", ".join(sorted(LEXICON_KEYS))
            raise lexicon_error(option, where, f"unknown key {key!r}; expected one of {known}")
        if key == "span_words":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise lexicon_error(option, where, "'span_words' must be a number of words, 0 or more")
            continue
        if key == "constructions":
            patterns = _construction_patterns(value, option, where)
        elif key in SINGLE_PATTERNS:
            if not isinstance(value, str):
                raise lexicon_error(option, where, f"{key!r} must be a regular expression")
            patterns = [value]
        elif not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise lexicon_error(option, where, f"{key!r} must be an array of regular expressions")
        else:
            patterns = value
        found[key] = patterns
    return found


def _construction_patterns(raw: Any, option: str, where: str) -> list[str]:
    """The patterns of a ``constructions`` array, once its entries are checked."""
    if not isinstance(raw, list):
        raise lexicon_error(option, where, "'constructions' must be an array of tables with what, who and patterns")
    patterns: list[str] = []
    for index, entry in enumerate(raw):
        entry_where = f"'constructions' entry {index + 1}"
        if not isinstance(entry, dict) or not {"what", "who", "patterns"} <= set(entry) \
                or not set(entry) <= {"what", "who", "patterns", "idiom_of_science", "needs_own_source"}:
            raise lexicon_error(option, where, f"{entry_where}: expected the keys what, who and patterns "
                                               "(and optionally idiom_of_science and needs_own_source)")
        for flag in ("idiom_of_science", "needs_own_source"):
            if not isinstance(entry.get(flag, False), bool):
                raise lexicon_error(option, where, f"{entry_where}: {flag} must be true or false")
        if not isinstance(entry["what"], str) or not isinstance(entry["who"], str):
            raise lexicon_error(option, where, f"{entry_where}: what and who must be strings")
        if not isinstance(entry["patterns"], list) or not entry["patterns"] \
                or not all(isinstance(p, str) for p in entry["patterns"]):
            raise lexicon_error(option, where,
                                f"{entry_where}: patterns must be a non-empty array of regular expressions")
        patterns += entry["patterns"]
    return patterns


def figure_options(raw: Mapping[str, Any], rule_path: str) -> Options:
    """The figure lexicon of a rule: its ``figure_lexicons`` files (default
    `DEFAULT_FIGURE_LEXICONS`) merged in order, then the figure keys of its own options
    (arrays join, tables update, single values replace)."""
    names = Options({key: raw[key] for key in raw if key == "figure_lexicons"}, {"figure_lexicons"}).strings(
        "figure_lexicons", DEFAULT_FIGURE_LEXICONS)
    try:
        tables = [read_lexicon_file(resolve_lexicon_path(name, rule_path), _validate_figure_table) for name in names]
    except OptionError as error:  # read_lexicon_file names the attribution lexicons' option
        raise OptionError("figure_lexicons", error.reason) from None
    inline = {key: value for key, value in raw.items() if key in FIGURE_OPTIONS}
    return Options(merge_tables([*tables, inline]), FIGURE_OPTIONS)


def _validate_figure_table(table: Mapping[str, Any], option: str, where: str) -> None:
    unknown = sorted(set(table) - FIGURE_OPTIONS)
    if unknown:
        raise lexicon_error("figure_lexicons", where, f"unknown key {unknown[0]!r}; expected one of "
                                                      f"{', '.join(sorted(FIGURE_OPTIONS))}")


def reported_kinds(options: Options) -> frozenset[str]:
    """The kinds of figure a rule reports (option ``kinds``, default all of them)."""
    kinds = options.strings("kinds", FIGURE_CLASSES)
    unknown = sorted(set(kinds) - set(FIGURE_CLASSES))
    if unknown or not kinds:
        raise OptionError("kinds", f"expected kinds of figure among {', '.join(FIGURE_CLASSES)}"
                                   + (f"; unknown {unknown[0]!r}" if unknown else ""))
    return frozenset(kinds)


def figure_lexicon(options: Options) -> FigureLexicon:
    """The compiled figure lexicon of `figure_options`; a pattern that does not compile
    is named by its option."""
    try:
        return _figure_lexicon(options)
    except OptionError:
        raise
    except PATTERN_ERRORS as error:
        for key in sorted(FIGURE_PATTERN_OPTIONS):
            problem = pattern_problem(options.strings(key), FLAGS)
            if problem is not None:
                raise OptionError(key, problem) from None
        raise OptionError("options", f"the figure patterns do not compile: {error}") from None


def _figure_lexicon(options: Options) -> FigureLexicon:
    word_values = _values(options, "number_words")
    scale_values = _values(options, "scales")
    glued_values = _values(options, "currency_scales")
    number_words = _literal_words({**word_values, **scale_values})
    scales = _literal_words(scale_values)
    glued = _literal_words(glued_values)
    digits_only = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    digits = rf"(?<![\w.,/:#-]){digits_only}"
    word_number = rf"(?<![\w-]){number_words}(?:(?:-|\s+|\s+and\s+){number_words}){{0,4}}"
    number_end = r"(?![\w/]|[.,:]\d)"
    scale_or_glued = rf"(?:(?P<scale>\s+{scales})|(?P<glued>{glued}))?"
    determiner = r"(?:the|a|an|all|its|their|his|her|our|these|those|this|that)"
    possessor = r"(?-i:(?:\p{Lu}[\w.-]*\s+){0,3}\p{Lu}[\w.-]*['’]s?\s+)"
    units = _alternation(_required(options, "non_claim_after"), "non_claim_after")
    claim_nouns = _alternation(_required(options, "claim_nouns"), "claim_nouns")
    whole_nouns = _alternation(_required(options, "whole_nouns"), "whole_nouns")
    # One word, or two when the second is a claim noun: "registered voters".
    head = rf"(?P<head>[\w’'-]+(?:\s+(?:{claim_nouns}|{whole_nouns})(?![\w-]))?)"
    auxiliaries = (r"(?:\s+(?:who|that|have|has|had|were|was|are|is|been|being|be|will|would|could|may|might|also|"
                   r"now|still|already|all|reportedly|so\s+far|\w+ly)\b){0,3}")
    wording = options.table("wording")
    if not all(isinstance(value, str) for value in wording.values()):
        raise OptionError("wording", "expected a table of strings")
    missing = sorted(set(FIGURE_CLASSES) - set(wording))
    if missing:
        raise OptionError("wording", f"missing {', '.join(missing)}")
    return FigureLexicon(
        number=_compile(rf"\b(?:{digits}|{word_number}){scale_or_glued}{number_end}"),
        values={**word_values, **scale_values},
        glued_values=glued_values,
        range_tail=_compile(rf"(?:\s*[-\u2013\u2014]\s*|\s+(?P<word>to|and|or)\s+)"
                            rf"(?P<value>(?:{digits_only}|{word_number}){scale_or_glued}){number_end}"),
        magnitude=_compile(rf"\b{_words(options, 'magnitudes')}(?=\s+of\b)"),
        fraction=_compile(rf"\b{_words(options, 'fractions')}(?=\s+(?:of|the|its|their|his|her|our|all)\b)"),
        noun_phrase=_compile(rf"\s+(?:of\s+)?(?:{determiner}\s+)?{possessor}?{head}"),
        of_phrase=_compile(rf"\s+of\s+(?:{determiner}\s+)?{possessor}?{head}"),
        percent=_compile(_alternation(_required(options, "percent"), "percent")),
        percent_range=_compile(rf"(?:\s*[-\u2013]\s*|\s+(?:to|and|or)\s+)(?:{digits_only}|{word_number}){number_end}"
                               rf"{_alternation(_required(options, 'percent'), 'percent')}"),
        rate_noun=_compile(rf"\s+(?:[\w-]+\s+)?{_alternation(_required(options, 'rate_nouns'), 'rate_nouns')}"
                           r"(?![\w-])"),
        currency_before=compile_regex(
            "(?:" + "|".join(regex.escape(sign) for sign in _required(options, "currency_symbols")) + r")\s?$"),
        currency_after=_compile(rf"\s+{_alternation(_required(options, 'currency_words'), 'currency_words')}"
                                r"(?![\w-])"),
        approximator=_trailing(_required(options, "approximators"), "approximators"),
        claim_noun=_compile(rf"\s+(?:[\w’'-]+\s+)?{claim_nouns}(?![\w-])"),
        whole_noun=_compile(rf"(?:[\w’'-]+\s+)?(?:{claim_nouns}|{whole_nouns})"),
        ratio_tail=_compile(rf"\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<of>{digits_only}|{word_number}){number_end}"
                            rf"(?:\s+(?:[\w’'-]+\s+)?{claim_nouns}(?![\w-]))?"),
        non_claim_after=_compile(rf"\s+(?:[\w-]+\s+)?{units}(?![\w-])"),
        non_claim_head=_compile(units),
        non_claim_before=_trailing(_required(options, "non_claim_before"), "non_claim_before"),
        referential=_trailing(_required(options, "referential"), "referential"),
        wording=dict(wording),
        min_count=options.number("min_count", 0),
        min_bare_count=options.number("min_bare_count", 0),
        min_money=options.number("min_money", 0),
        harm_noun=_optional(options, "harm_nouns", lambda any_of: rf"\s+(?:[\w’'-]+\s+)?{any_of}(?![\w-])"),
        event_verb=_optional(options, "event_verbs", lambda any_of: rf"{auxiliaries}\s+{any_of}(?![\w-])"),
        opinion_verb=_optional(options, "opinion_verbs", lambda any_of: (
            rf"(?:\s+(?:of\s+)?(?:[\w’'-]+\s+){{0,3}}?)?\s+(?:\w+ly\s+)?{any_of}(?![\w-])")),
        indicator=_optional(options, "indicators", lambda any_of: rf"(?<![\w-]){any_of}(?![\w-])"),
        cost_word=_optional(options, "cost_words", lambda any_of: rf"(?<![\w-]){any_of}(?![\w-])"),
        exempt_sentence=_optional(options, "exempt_sentences", lambda any_of: any_of),
        max_number_density=options.number("max_number_density", 1.0),
        casualty_noun=_optional(options, "casualty_nouns", lambda any_of: rf"\s+(?:[\w’'-]+\s+)?{any_of}(?![\w-])"),
        casualty_verb=_optional(options, "casualty_verbs", lambda any_of: rf"{auxiliaries}\s+{any_of}(?![\w-])"),
        casualty_word=_compile(rf"(?<![\w-]){_alternation((*options.strings('casualty_nouns'), *options.strings('casualty_verbs')), 'casualty_nouns')}(?![\w-])")
        if options.strings("casualty_nouns") or options.strings("casualty_verbs") else None,
        population_end=_optional(options, "population_nouns", lambda any_of: rf"(?<![\w-]){any_of}$"),
        population_word=_optional(options, "population_nouns", lambda any_of: rf"\b{any_of}\b"),
        # Three short searches rather than one alternation of them, which is several times slower.
        share_markers=(_compile(r"%|per\s*cent"), _compile(rf"\b{_words(options, 'fractions')}\b"),
                       _compile(rf"\s(?:in|out\s+of)\s+(?:every\s+)?(?:\d{{1,3}}(?![\d,])|{number_words}\b)")),
        share_opener=_optional(options, "share_openers", lambda any_of: rf"\s*(?:{any_of}\s+){{0,2}}"),
        result_verb=_optional(options, "result_verbs", lambda any_of: rf"(?:\s+[\w’'-]+){{0,3}}?\s+{any_of}(?![\w-])"),
        survey_noun=_optional(options, "survey_nouns", lambda any_of: rf"(?<![\w-]){any_of}(?![\w-])"),
    )


def _optional(options: Options, key: str, shape: Callable[[str], str]) -> Any | None:
    """`shape` (the alternation of `key`'s patterns -> the whole pattern) compiled, or None."""
    patterns = options.strings(key)
    return _compile(shape(_alternation(patterns, key))) if patterns else None


def _compile(pattern: str) -> Any:
    return lazy_compile(pattern, FLAGS)


def _alternation(patterns: tuple[str, ...], key: str) -> str:
    """One group matching any of `patterns`."""
    problem = pattern_problem(patterns, FLAGS, quick=True)
    if problem is not None:
        raise OptionError(key, problem)
    return "(?:" + "|".join(f"(?:{pattern})" for pattern in patterns) + ")"


def _trailing(patterns: tuple[str, ...], key: str) -> Any:
    """Matches when the text searched ends with one of `patterns` and white space."""
    return _compile(rf"(?<![\w-]){_alternation(patterns, key)}\s+$")


def _required(options: Options, key: str) -> tuple[str, ...]:
    values = options.strings(key)
    if not values:
        raise OptionError(key, "expected at least one entry")
    return values


def _values(options: Options, key: str) -> dict[str, float]:
    table = options.table(key)
    if not table or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in table.values()):
        raise OptionError(key, "expected a table of words and their numeric values")
    return {word.lower(): float(value) for word, value in table.items()}


def _literal_words(words: Mapping[str, float]) -> str:
    return "(?:" + "|".join(regex.escape(word) for word in sorted(words, key=longest_first)) + ")"


def _words(options: Options, key: str) -> str:
    """Literal words or phrases, longest first; a space or hyphen inside one matches
    white space or a hyphen in the text ("two-thirds", "two thirds")."""
    words = sorted(_required(options, key), key=longest_first)
    return "(?:" + "|".join(
        r"[\s-]+".join(regex.escape(part) for part in regex.split(r"[\s-]+", word, timeout=REGEX_TIMEOUT_SECONDS)) for word in words) + ")"


def _constructions(entries: Sequence[Mapping[str, Any]]) -> tuple[tuple[Construction, ...], Any]:
    """The construction families (checked by `validate_lexicon`) and one pattern for all
    of them (group ``c<index>``)."""
    constructions = tuple(Construction(entry["what"], entry["who"], bool(entry.get("idiom_of_science", False)),
                                       bool(entry.get("needs_own_source", False)))
                          for entry in entries)
    groups = [f"(?P<c{index}>{_alternation(tuple(entry['patterns']), 'constructions')})"
              for index, entry in enumerate(entries)]
    return constructions, _compile("|".join(groups))
