"""Kinds `collective-number` and `organisation-who`: one subject, one number (NL3xx).

`collective-number` finds each collective subject's number-marked uses (see
`agreement_analysis`), takes the article's majority as its choice (on a tie, the
first use decides) and flags every use of the other number, naming the choice with
one example of it.

`organisation-who` flags "who" for an organisation the article treats as singular:
as one body it is a thing ("which", "that"). Where the article treats it as plural,
as its members ("the club, who are top"), "who" is left alone.

`likely-number-slip` flags an "it", "its", "they" or "their" the analysis could not give to a
body, where a body the article treats as singular comes shortly before it and a learned model
of clean copy (`possessive_model`) says a writer would have put the singular there ("The
association completed their review of the judge and gave him its highest rating"). Its option
``threshold`` is the model's probability a finding needs (default 0.85).

`singular-body` flags a plural verb or pronoun for a body that news copy in British and
American style alike writes as one thing ("the company have", "the agency said they"), the
nouns in the lexicon's `singular_bodies`, even where the article uses it only once. Its option
``defer_to`` (code prefixes) drops a finding that a surer rule (NL301) makes on the same word.

Options (every kind):
- ``lexicons``: lexicon files, relative to the rule file, or ``newslint:NAME`` in the
  built-in rule pack (default ``["newslint:lexicons/agreement.toml"]``).
- ``lexicon``: an inline table with the same keys, merged after the files.
- ``blocks``: block kinds to read (default: all but credits, bylines, alt text and
  block quotes).

Message placeholders: ``{form}`` (the flagged word), ``{subject}``, ``{number}``,
``{dominant}``, ``{example}`` and ``{line}`` (where the example is).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from newslint.document import BlockKind, Document
from newslint.lexicons import lexicon_tables
from newslint.model import DeclaredRule, Finding, RuleSpec, finding_at, rule_identity
from newslint.options import Options
from newslint.rules.agreement import possessive_model
from newslint.rules.agreement.analysis import (
    Analysis,
    Number,
    RelativeUse,
    SubjectKind,
    Use,
    analyse,
)
from newslint.rules.agreement.lexicon import Lexicon, merge_lexicons, validate_lexicon
from newslint.text.messages import fill, require_placeholders
from newslint.text.patterns import regex_timeout

# What a message may name: the word, the subject, its number here and in the article, an example.
PLACEHOLDERS = frozenset({"form", "subject", "number", "dominant", "example", "line"})
OPTIONS = frozenset({"lexicons", "lexicon", "blocks"})
SINGULAR_BODY_OPTIONS = OPTIONS | {"defer_to"}
SLIP_OPTIONS = OPTIONS | {"threshold"}
DEFAULT_LEXICONS = ("newslint:lexicons/agreement.toml",)
DEFAULT_BLOCKS = frozenset(BlockKind) - {BlockKind.CREDIT, BlockKind.BYLINE, BlockKind.ALT_TEXT, BlockKind.QUOTE}


@dataclass(frozen=True)
class _AgreementRule(DeclaredRule):
    lexicon: Lexicon
    blocks: frozenset[BlockKind]

    def _analyse(self, document: Document) -> Analysis:
        return document.shared(analyse, self.lexicon, self.blocks)

    def _finding(self, document: Document, item: Use | RelativeUse, **fields: str) -> Finding:
        return finding_at(self, document, item.block, item.start, item.end, fill(self.message, fields))


@dataclass(frozen=True)
class CollectiveNumberRule(_AgreementRule):
    def check(self, document: Document) -> Iterator[Finding]:
        for uses in _by_subject(self._analyse(document).uses).values():
            dominant = _dominant(uses)
            if dominant is None:
                continue
            tied = _is_tie(uses)
            for use in uses:
                if use.number is not dominant or tied:
                    other = _other(use.number)
                    example = _example_of(uses, other)
                    yield self._finding(
                        document, use, form=use.form, subject=_subject(use, uses), number=use.number.value,
                        dominant=other.value, example=example.example, line=str(_line(document, example)),
                    )


@dataclass(frozen=True)
class OrganisationWhoRule(_AgreementRule):
    def check(self, document: Document) -> Iterator[Finding]:
        if not any(_may_hold_organisation_who(block.text, self.lexicon) for block in document.blocks
                   if block.kind in self.blocks):
            return  # no "the company, who" anywhere: nothing to analyse
        analysis = self._analyse(document)
        uses_by_subject = _by_subject(analysis.uses)
        for use in analysis.person_relatives:
            if not (use.subject.is_known_organisation or use.thing_pronoun):
                continue  # "the Game, who": a capitalised name may be a person's
            if use.subject.key in self.lexicon.people_collectives:
                continue  # "the electorate who voted": a group of people may be "who"
            uses = uses_by_subject.get(use.subject.key, [])
            singular = use.verb_number is Number.SINGULAR or (
                use.verb_number is None and (use.thing_pronoun or _dominant(uses, allow_single=True) is Number.SINGULAR))
            if not singular:
                continue
            shown: Use | RelativeUse = use  # "Acme Inc., who owns": the clause shows the number itself
            if any(other.number is Number.SINGULAR for other in uses):
                shown = _example_of(uses, Number.SINGULAR)
            yield self._finding(document, use, form=use.form, subject=_subject(use, uses),
                                number=Number.SINGULAR.value, dominant=Number.SINGULAR.value,
                                example=shown.example, line=str(_line(document, shown)))


@dataclass(frozen=True)
class SingularBodyRule(_AgreementRule):
    defers_to: tuple[str, ...] = ()  # what makes it a `newslint.model.Deferring` rule

    def check(self, document: Document) -> Iterator[Finding]:
        uses = self._analyse(document).uses
        for use in uses:
            if use.number is Number.PLURAL and use.noun in self.lexicon.singular_bodies:
                yield self._finding(document, use, form=use.form, subject=_subject(use, uses),
                                    number=use.number.value, dominant=Number.SINGULAR.value,
                                    example=use.example, line=str(_line(document, use)))


@dataclass(frozen=True)
class LikelyNumberSlipRule(_AgreementRule):
    threshold: float = 0.85

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = self._analyse(document)
        weights = possessive_model.model_weights()
        for candidate in possessive_model.candidates(document, analysis, self.lexicon, self.blocks):
            if candidate.form.lower() not in {"their", "they"}:
                continue
            if possessive_model.probability(candidate.features, weights) < self.threshold:
                continue
            example = candidate.example
            yield finding_at(self, document, candidate.block, candidate.start, candidate.end, fill(self.message, {
                "form": candidate.form, "subject": _subject(example, [example]), "number": Number.PLURAL.value,
                "dominant": Number.SINGULAR.value, "example": example.example, "line": str(_line(document, example))}))


def _may_hold_organisation_who(text: str, lexicon: Lexicon) -> bool:
    lowered = text.lower()
    timeout = regex_timeout(text)
    return any(word in lowered for word in lexicon.person_relatives) and (
        lexicon.organisation_person_relatives.search(text, timeout=timeout) is not None
        or lexicon.organisation_introductions.search(text, timeout=timeout) is not None)


def _by_subject(uses: Sequence[Use]) -> dict[str, list[Use]]:
    grouped: dict[str, list[Use]] = {}
    for use in uses:
        grouped.setdefault(use.subject.key, []).append(use)
    return grouped


def _dominant(uses: Sequence[Use], allow_single: bool = False) -> Number | None:
    """The article's choice: the majority number; on a tie, the first one used (NL301 then
    reports every use, see `_is_tie`; NL302 takes it as the article's number).

    None when the subject is used with only one number (nothing to flag), unless
    `allow_single`.
    """
    if not uses:
        return None
    singular = sum(1 for use in uses if use.number is Number.SINGULAR)
    plural = len(uses) - singular
    if not allow_single and (singular == 0 or plural == 0):
        return None
    if singular != plural:
        return Number.SINGULAR if singular > plural else Number.PLURAL
    return uses[0].number


def _is_tie(uses: Sequence[Use]) -> bool:
    """As many singular uses as plural: the article has made no choice, so each use is
    reported, naming one of the other number (one of them is the slip, the editor knows which)."""
    singular = sum(1 for use in uses if use.number is Number.SINGULAR)
    return 2 * singular == len(uses)


def _other(number: Number) -> Number:
    return Number.PLURAL if number is Number.SINGULAR else Number.SINGULAR


def _example_of(uses: Sequence[Use], number: Number) -> Use:
    """The first use with `number`, preferring a verb ("has captured") to a pronoun."""
    chosen = [use for use in uses if use.number is number]
    return next((use for use in chosen if use.is_verb), chosen[0])


def _subject(item: Use | RelativeUse, uses: Sequence[Use]) -> str:
    """How to name the subject: "the government", "the Taliban", "Hamas"."""
    subject = item.subject
    if subject.kind is SubjectKind.NOUN:
        return f"the {subject.name}"
    with_the = subject.with_the or any(use.subject.with_the for use in uses)
    return f"the {subject.name}" if with_the else subject.name


def _line(document: Document, item: Use | RelativeUse) -> int:
    return document.position(item.block.to_source(item.start, item.end)[0])[0]


def _probability_option(value: float) -> float:
    if not 0 < value < 1:
        raise ValueError(f"threshold must lie between 0 and 1, not {value}")
    return value


def _lexicon(spec: RuleSpec, options: Options) -> Lexicon:
    return merge_lexicons(lexicon_tables(options, spec.path, DEFAULT_LEXICONS, validate_lexicon))


def _factory(rule_class: type[_AgreementRule], known_options: frozenset[str] = OPTIONS) -> Any:
    def build(spec: RuleSpec) -> _AgreementRule:
        options = Options(spec.options, set(known_options))
        require_placeholders(spec.message, PLACEHOLDERS)
        extra: dict[str, Any] = {"defers_to": options.strings("defer_to")} if "defer_to" in known_options else {}
        if "threshold" in known_options:
            extra["threshold"] = _probability_option(options.number("threshold", 0.85))
        return rule_class(
            **(rule_identity(spec) | {"fixable": False}),  # an agreement finding has no fix
            lexicon=_lexicon(spec, options),
            blocks=options.block_kinds() or DEFAULT_BLOCKS,
            **extra,
        )

    return build


KINDS: dict[str, Any] = {
    "collective-number": _factory(CollectiveNumberRule),
    "organisation-who": _factory(OrganisationWhoRule),
    "singular-body": _factory(SingularBodyRule, SINGULAR_BODY_OPTIONS),
    "likely-number-slip": _factory(LikelyNumberSlipRule, SLIP_OPTIONS),
}
