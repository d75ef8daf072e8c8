"""The attribution kinds: estimates, claims and figures that name no source.

- ``unattributed-claim``: an agentless construction ("is estimated to", "is believed
  to", "reportedly", "it is thought") in a sentence that names no source.
- ``unattributed-figure``: a claim-making figure (a percentage, "thousands of people",
  "at least 20", "23 civilians", "$1.2bn") in a sentence that names no source, of the
  ``kinds`` the rule reports (NL403 casualty figures, NL402 the rest). Figures in a
  sentence with an unattributed construction are left to ``unattributed-claim``, and a
  sentence with an unsourced casualty figure is the casualty rule's, so one problem gets
  one finding.

Both kinds read ``blocks`` and the same attribution lexicon (see `attribution_lexicon`):
``lexicons`` files (default ``["newslint:lexicons/attribution.toml"]``) and an inline
``lexicon`` table with ``cues``, ``source_nouns``, ``constructions``, ``agent``,
``carry_over``, ``clause_breaks``, ``span_words`` and the rest; the figure kind adds the
figure lexicon (``figure_lexicons``, default ``["newslint:lexicons/figures.toml"]``, and any
figure key among its options) and ``kinds``. The message
may use ``{match}``; the claim kind adds ``{what}`` and ``{who}``, the figure kind
``{wording}`` (from the ``wording`` table, one entry per kind of figure) and ``{others}``
(the sentence's other unsourced figures: one missing source, one finding).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newslint.document import BlockKind, Document
from newslint.lexicons import lexicon_tables
from newslint.model import DeclaredRule, Finding, RuleSpec, finding_at, rule_identity
from newslint.options import OptionError, Options
from newslint.rules.attribution.figures import Figure, find_figures, is_exempt_sentence
from newslint.rules.attribution.lexicon import (
    ATTRIBUTION_OPTIONS,
    DEFAULT_LEXICONS,
    FIGURE_OPTIONS,
    FIGURE_RULE_OPTIONS,
    AttributionLexicon,
    FigureLexicon,
    attribution_lexicon,
    figure_lexicon,
    figure_options,
    reported_kinds,
    validate_lexicon,
    validate_lexicon_patterns,
)
from newslint.rules.attribution.scan import (
    document_sources,
    has_construction,
    reports_research,
)
from newslint.text.messages import fill, require_placeholders
from newslint.text.patterns import regex_timeout

DEFAULT_BLOCKS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.CAPTION})


@dataclass(frozen=True)
class UnattributedClaimRule(DeclaredRule):
    lexicon: AttributionLexicon
    blocks: frozenset[BlockKind]

    def check(self, document: Document) -> Iterator[Finding]:
        if not has_construction(document, self.lexicon, self.blocks):
            return  # every finding is a construction: most articles have none
        science: bool | None = None  # worked out the first time it matters
        for sources in document_sources(document, self.lexicon, self.blocks):
            text = sources.block.text
            queried: set[int | None] = set()
            for claim in sources.unattributed_claims():
                if claim.construction.idiom_of_science:
                    if science is None:
                        science = reports_research(document, self.lexicon, self.blocks)
                    if science:
                        continue  # "Europa is thought to harbour an ocean": the field's consensus
                sentence = sources.sentence_index(claim.start)
                if sentence is not None and self._historical(text, *sources.sentences[sentence]):
                    continue  # "feta is believed to have been made for 6,000 years": history
                if sentence is not None and self._hypothetical(text, sources.sentences[sentence][0], claim.start):
                    continue  # "the mayor will resign if the plan is seen as a failure": no claim made
                if sentence is not None and (sentence - 1) in queried:
                    queried.add(sentence)
                    continue  # the same missing source, queried once in the sentence before
                queried.add(sentence)
                message = fill(self.message, {"match": text[claim.start:claim.end],
                                              "what": claim.construction.what, "who": claim.construction.who})
                yield finding_at(self, document, sources.block, claim.start, claim.end, message)

    def _hypothetical(self, text: str, sentence_start: int, claim_start: int) -> bool:
        """Whether the clause a construction stands in opens with a condition: the words from the
        last comma, colon, semicolon or dash before it (or the sentence's start) hold one."""
        pattern = self.lexicon.hypothetical
        if pattern is None:
            return False
        clause_start = max(sentence_start, *(text.rfind(mark, sentence_start, claim_start) + 1
                                             for mark in (",", ";", ":", "\u2014", "(")))
        return pattern.search(text, clause_start, claim_start, timeout=regex_timeout(text)) is not None

    def _historical(self, text: str, start: int, end: int) -> bool:
        pattern = self.lexicon.historical
        return pattern is not None and pattern.search(text, start, end, timeout=regex_timeout(text)) is not None



@dataclass(frozen=True)
class UnattributedFigureRule(DeclaredRule):
    lexicon: AttributionLexicon
    figures: FigureLexicon
    blocks: frozenset[BlockKind]
    kinds: frozenset[str] = frozenset()  # the kinds of figure reported; every figure still informs attribution

    def check(self, document: Document) -> Iterator[Finding]:
        checked = [block.text for block in document.blocks if block.kind in self.blocks]
        # Only a block with the words a figure of this rule's kinds needs (a word of the dead or
        # the hurt, a share word and a people noun) can hold one: most articles have none.
        known = {text: tuple(find_figures(text, self.figures)) for text in checked
                 if any(_may_hold(kind, text, self.figures) for kind in self.kinds)}
        if not any(kind in self.kinds for figures in known.values() for figure in figures
                   for kind in (figure.kind, figure.base_kind)):
            return  # no figure of this rule's kinds, even as a share's base kind: skip the rest
        found = _story_figures(checked, self.figures, known)
        if not any(figure.kind in self.kinds for figures in found.values() for figure in figures):
            return  # the story named its survey: its shares count as their base kind
        for sources in document_sources(document, self.lexicon, self.blocks, found.__getitem__):
            text = sources.block.text
            claimed = {sources.sentence_index(claim.start) for claim in sources.unattributed_claims()}
            by_sentence: dict[int | None, list[Figure]] = {}
            for figure in sources.figures:
                sentence = sources.sentence_index(figure.start)
                if sentence in claimed or sources.attributed(figure.start, figure.end) or (
                        sentence is not None and self._exempt(text, *sources.sentences[sentence])):
                    continue  # attributed, not a claim, or in a sentence the claim rule reports
                by_sentence.setdefault(sentence, []).append(figure)
            for unsourced in by_sentence.values():  # one missing source, one finding
                first, *rest = _leading_first(unsourced)
                if first.kind not in self.kinds:
                    continue  # the sentence is another figure rule's (NL403 casualties, NL402 the rest)
                others = _others(text, rest)
                message = fill(self.message, {"match": text[first.start:first.end],
                                              "wording": self.figures.wording[first.kind], "others": others})
                yield finding_at(self, document, sources.block, first.start, first.end, message)

    def _figures_in(self, text: str) -> Iterator[Figure]:
        return find_figures(text, self.figures)

    def _exempt(self, text: str, start: int, end: int) -> bool:
        """A hypothetical, historical or first-person sentence, or a run of data."""
        return is_exempt_sentence(text[start:end], self.figures)


def _story_figures(checked: list[str], figures: FigureLexicon,
                   known: dict[str, tuple[Figure, ...]]) -> dict[str, tuple[Figure, ...]]:
    """The figures of every checked block (those of `known` already found). Once the story has
    named a survey ("a poll", "the census"), its shares of a population are that survey's:
    they count as their base kind."""
    found: dict[str, tuple[Figure, ...]] = {}
    survey_named = False
    for text in checked:
        if text in found:
            continue
        survey = None if survey_named or figures.survey_noun is None else figures.survey_noun.search(
            text, timeout=regex_timeout(text))
        in_block = known[text] if text in known else tuple(find_figures(text, figures))
        found[text] = tuple(figure.as_base_kind() if survey_named or (survey is not None and survey.start() < figure.start)
                            else figure for figure in in_block)
        survey_named = survey_named or survey is not None
    return found


def _may_hold_share(text: str, figures: FigureLexicon) -> bool:
    """Whether `text` has a share word ("%", "percent", "half", "in ten") and names people:
    a text without both has no share of a population."""
    if figures.population_word is None:
        return False
    timeout = regex_timeout(text)
    return any(marker.search(text, timeout=timeout) is not None for marker in figures.share_markers) and \
        figures.population_word.search(text, timeout=timeout) is not None


def _mentions_casualties(text: str, figures: FigureLexicon) -> bool:
    return figures.casualty_word is None or figures.casualty_word.search(text, timeout=regex_timeout(text)) is not None


def _may_hold(kind: str, text: str, figures: FigureLexicon) -> bool:
    """Whether `text` has the words a figure of `kind` needs (every text may hold the kinds
    without such a test)."""
    if kind == "casualty":
        return _mentions_casualties(text, figures)
    if kind == "share":
        return _may_hold_share(text, figures)
    return True


LEADING_KINDS = ("casualty", "share")  # a sentence with a casualty figure is reported as one, then one with a share


def _leading_first(figures: list[Figure]) -> list[Figure]:
    """The sentence's unsourced figures with the one its finding names first: its first
    casualty figure if it has one (so NL403 reports it, once), else its first share of a
    population (NL404), else its first figure."""
    leading = next((figure for kind in LEADING_KINDS for figure in figures if figure.kind == kind), figures[0])
    return [leading, *(figure for figure in figures if figure is not leading)]


def _others(text: str, rest: list[Figure], shown: int = 3) -> str:
    """"; also '3,000 workers', '12%' and 4 more": the sentence's other unsourced figures."""
    if not rest:
        return ""
    quoted = ", ".join(f"'{text[figure.start:figure.end]}'" for figure in rest[:shown])
    more = f" and {len(rest) - shown} more" if len(rest) > shown else ""
    return f"; also {quoted}{more}"


def _attribution_lexicon(spec: RuleSpec, options: Options) -> AttributionLexicon:
    try:
        return attribution_lexicon(lexicon_tables(options, spec.path, DEFAULT_LEXICONS, validate_lexicon))
    except OptionError:  # an entry that does not compile is the more precise error: look for one
        lexicon_tables(options, spec.path, DEFAULT_LEXICONS, validate_lexicon_patterns)
        raise


# What a message may name: the matched words, then what is missing and who could say it (NL401),
# or how to word the figure and the other figures of its sentence (NL402).
CLAIM_PLACEHOLDERS = frozenset({"match", "what", "who"})
FIGURE_PLACEHOLDERS = frozenset({"match", "wording", "others"})


def unattributed_claim_rule(spec: RuleSpec) -> UnattributedClaimRule:
    options = Options(spec.options, ATTRIBUTION_OPTIONS)
    require_placeholders(spec.message, CLAIM_PLACEHOLDERS)
    return UnattributedClaimRule(
        **rule_identity(spec),
        lexicon=_attribution_lexicon(spec, options),
        blocks=options.block_kinds() or DEFAULT_BLOCKS,
    )


def unattributed_figure_rule(spec: RuleSpec) -> UnattributedFigureRule:
    options = Options(spec.options, ATTRIBUTION_OPTIONS | FIGURE_OPTIONS | FIGURE_RULE_OPTIONS)
    require_placeholders(spec.message, FIGURE_PLACEHOLDERS)
    return UnattributedFigureRule(
        **rule_identity(spec),
        lexicon=_attribution_lexicon(spec, options),
        figures=figure_lexicon(figure_options(spec.options, spec.path)),
        blocks=options.block_kinds() or DEFAULT_BLOCKS,
        kinds=reported_kinds(options),
    )


KINDS: dict[str, Any] = {"unattributed-claim": unattributed_claim_rule, "unattributed-figure": unattributed_figure_rule}
