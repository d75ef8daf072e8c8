"""Tracking the grammatical number an article gives each collective subject.

A collective subject is a lexicon noun with a determiner ("the government"), a listed
organisation ("Hamas", "the Taliban") or any capitalised name written after "the"
("the Kremlin"). Evidence of its number comes only from places where the subject is
plainly the subject of a clause:

- a number-marked verb straight after it ("the Taliban has", "the club are"), or after
  a relative pronoun attached to it ("the Taliban, who has taken");
- a possessive or reflexive pronoun later in that clause ("... continues to press
  their offensive"), when no other noun between them could be the antecedent;
- "it"/"they" straight after a reporting verb of that clause ("the firm said it would").

Some uses are provisional: they count only for a body the whole article treats as singular
(`_singular_bodies`), such as an "It" opening the next sentence or the object of "prompted ... to".

Anything uncertain gives no evidence: precision first. Text inside quotation marks is
ignored. The analysis is pure: a document and a lexicon in, evidence out.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

import regex

from newslint.document import Block, BlockKind, Document
from newslint.rules.agreement.lexicon import Lexicon
from newslint.text.pattern_store import compile_regex
from newslint.text.patterns import regex_timeout
from newslint.text.quotes import quote_spans
from newslint.text.sentences import sentences_of

_TOKEN = compile_regex(
    r"(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\u2019\-][\p{L}\p{N}\p{M}]+)*"
    r"(?:(?<=s)['\u2019](?![\p{L}\p{N}]))?"  # "Sanders' campaign": the possessive is part of the word
    r"|[^\s\p{L}\p{N}]"
)
_WORD = compile_regex(r"[^\W\d_][\w'\u2019-]*")
_LETTER = compile_regex(r"[^\W\d_]")
# The run of `_WORD` characters that ends at the position matched at (a reverse pattern).
_WORD_RUN_BEFORE = compile_regex(r"[\w'\u2019-]*", regex.REVERSE)
# A name that cannot be a person's: "NASA", "F.B.I.", "SpaceX" (group 1: what comes before the
# inner capital, which must not be a surname prefix such as "Mc" or "De").
_ACRONYM = compile_regex(r"\p{Lu}[\p{Lu}\d&]{1,5}|(?:\p{Lu}\.){2,}")
_DOTTED = compile_regex(r"(?<!\w)(?:\p{Lu}\.){2,}")
_INNER_CAPITAL = compile_regex(r"(\p{Lu}\p{Ll}+)\p{Lu}[\p{L}\d]*")
_THE_CAPITAL = compile_regex(r"\b[Tt]he\s+[^\W\d_a-z]")
# Punctuation that ends the stretch of a clause a pronoun is looked for in.
_CLAUSE_PUNCTUATION = frozenset(";:()[]{}\u2014\u2013?!\"\u201c\u201d\u2018\u00ab\u00bb")
MAX_SCOPE_TOKENS = 30
_FAR = 1 << 62  # sorts after any span starting at the same offset
MAX_MODIFIERS = 2
MAX_ADVERBS = 2
MAX_ADVERBIAL_TOKENS = 4  # "said in a statement on Monday that": the phrase between a reporting verb and "that"
MAX_NAME_WORDS = 8  # keeps a run of capitalised words from costing quadratic time
MAX_INTERRUPTER_TOKENS = 7  # the longest aside between a subject and its verb ("the FBI, meanwhile, is")
MAX_REFERENCE_SENTENCES = 3  # how far back an organisation noun may restate a name ("the company")


class Number(str, Enum):
    SINGULAR = "singular"
    PLURAL = "plural"


class SubjectKind(str, Enum):
    NOUN = "noun"  # a lexicon collective noun: "the government"
    LISTED = "listed"  # a lexicon organisation: "Hamas", "the Taliban"
    NAME = "name"  # any capitalised name after "the": "the Kremlin", "the Bravery"
    BARE_NAME = "bare name"  # a capitalised name right before a verb: "Chelsea have"


class Token(NamedTuple):
    """A word or punctuation mark. A tuple, not a dataclass: one is built for every
    word of every sentence that may name a subject, and tuples are cheap to build."""

    text: str
    lower: str  # lower case, straight apostrophes
    start: int  # offsets into the block text
    end: int
    quoted: bool

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_lowercase_word(self) -> bool:
        return self.text[0].isalpha() and self.text[0].islower()


@dataclass(frozen=True, slots=True)
class Subject:
    key: str  # what uses are grouped by: "government", "taliban"
    name: str  # as written: "government", "Taliban"
    kind: SubjectKind
    with_the: bool  # written after "the" here
    organisation: bool = False  # named as an organisation's: "Acme Holdings Inc.", "the firm Acme Capital"
    acronym: bool = False  # one word shaped as an organisation's: "NASA", "F.B.I.", "SpaceX"

    @property
    def is_known_organisation(self) -> bool:
        """From the lexicon or named as an organisation's, so not a person's name such as "the Game"
        (an acronym may be a person's initials: "CJ, who")."""
        return self.kind is SubjectKind.NOUN or self.kind is SubjectKind.LISTED or self.organisation

    @property
    def may_be_a_person(self) -> bool:
        """A bare name may be a person's, who may be "they": its pronouns count only once the
        article shows it is not a person (see `_person_safe`)."""
        return self.kind is SubjectKind.BARE_NAME and not self.organisation and not self.acronym


@dataclass(frozen=True, slots=True)
class Mention:
    """A collective subject written at tokens ``[first, head]`` of a sentence."""

    subject: Subject
    first: int
    head: int


@dataclass(frozen=True, slots=True)
class Use:
    """One number-marked use of a subject, at block-text span ``[start, end)``."""

    subject: Subject
    number: Number
    is_verb: bool
    block: Block
    start: int
    end: int
    form: str
    example: str  # "The Taliban has captured", "their offensive"
    clause_number: Number | None = None  # of the verb of the clause a pronoun is in, if marked
    # Counts only if the article treats the subject as one body elsewhere (`_singular_bodies`), and
    # the capitalised plurals passed before it ("problems for Yukos have") are such bodies too.
    provisional: bool = False
    unless_singular: frozenset[str] = frozenset()
    # The subject's head word, for uses in its own clause, when written as a common noun: "company"
    # in "the company has", "" in "the Trump Company has" and for uses in later sentences.
    noun: str = ""


@dataclass(frozen=True, slots=True)
class RelativeUse:
    """A relative pronoun for people ("who") attached to a collective subject."""

    subject: Subject
    verb_number: Number | None  # of the verb after it, if that shows number
    thing_pronoun: bool  # its clause gives the subject "its": "Leeds, who lost its lead"
    block: Block
    start: int
    end: int
    form: str
    example: str


@dataclass(frozen=True, slots=True)
class Analysis:
    uses: tuple[Use, ...]
    person_relatives: tuple[RelativeUse, ...]


@dataclass(frozen=True, slots=True)
class _Sentence:
    block: Block
    tokens: Sequence[Token]
    mention_tokens: frozenset[int]  # tokens of any subject mention in the sentence
    previous: Callable[[], Sequence[Token]]  # the sentence before, tokenised on demand
    earlier: Callable[[], Sequence[Token]]  # the sentence before that


def _tokens_before(tokens_of: Callable[[Block, tuple[int, int]], list[Token]],
                   before: tuple[Block, tuple[int, int]] | None) -> list[Token]:
    """The tokens of the sentence `before`, or none for the first sentence."""
    return tokens_of(*before) if before is not None else []


def analyse(document: Document, lexicon: Lexicon, blocks: frozenset[BlockKind]) -> Analysis:
    """Every number-marked use of every collective subject in `document`, in order.

    Only sentences that may name a subject are tokenised: most sentences name none.
    """
    spans = [(block, span) for block in document.blocks if block.kind in blocks
             for span in sentences_of(document, block.text)]
    quoted: dict[int, tuple[tuple[int, int], ...]] = {}
    tokenised: dict[tuple[int, tuple[int, int]], list[Token]] = {}

    def tokens_of(block: Block, span: tuple[int, int]) -> list[Token]:
        if id(block) not in quoted:
            quoted[id(block)] = quote_spans(block.text)
        if (id(block), span) not in tokenised:
            tokenised[(id(block), span)] = _tokens(block.text, span[0], span[1], quoted[id(block)])
        return tokenised[(id(block), span)]

    def words_of(block: Block, span: tuple[int, int]) -> list[str]:
        # Not kept: on a 50 MB live blog the words of every sentence would outweigh the text.
        return _WORD.findall(block.text, span[0], span[1], timeout=regex_timeout(block.text))

    organisations = _introduced_organisations(document, lexicon, blocks)
    organisation_starts = frozenset(name.split(" ", 1)[0] for name in organisations)

    def may_name_subject(block: Block, span: tuple[int, int]) -> bool:
        if _may_name_subject(block.text, span, lexicon):
            return True
        words = words_of(block, span)
        return _has_subject_word(words, lexicon) or _has_organisation_word(words, organisation_starts, lexicon)

    sentences = [tokens_of(block, span) if may_name_subject(block, span) else None for block, span in spans]
    names_with_the = frozenset(
        mention.subject.key
        for tokens in sentences if tokens is not None
        for mention in _named_mentions(tokens, lexicon, frozenset(), frozenset())[0]
        if mention.subject.kind is SubjectKind.NAME and _is_head_use(tokens, mention.head, lexicon)
    )
    name_starts = frozenset(name.split(" ", 1)[0] for name in names_with_the)
    in_lower_case = _LowerCaseWords(document)

    if names_with_the:
        sentences = [
            tokens_of(block, span) if tokens is None and _has_name_start(words_of(block, span), name_starts)
            else tokens
            for (block, span), tokens in zip(spans, sentences)
        ]

    person_like = _PersonLikeNames(document, lexicon)

    def collect(known: frozenset[str], lone: frozenset[str] = frozenset()) -> list[Use | RelativeUse]:
        found: list[Use | RelativeUse] = []
        opened: tuple[_Sentence, Mention] | None = None  # the sentence before, if its subject opens it
        referents = _Referents()
        abbreviations = _Abbreviations()
        for position, ((block, span), tokens) in enumerate(zip(spans, sentences)):
            if tokens is None and opened is not None and _opens_with_pronoun(block.text, span, lexicon):
                tokens = tokens_of(block, span)
            if tokens is None:
                opened = None
                continue
            mentions = abbreviations.resolve(referents.resolve(
                tokens, _mentions(tokens, lexicon, names_with_the, name_starts, in_lower_case, known, lone),
                position, lexicon))
            before = spans[position - 1] if position > 0 else None
            sentence = _Sentence(
                block, tokens, frozenset(index for m in mentions for index in range(m.first, m.head + 1)),
                functools.partial(_tokens_before, tokens_of, before),
                functools.partial(_tokens_before, tokens_of, spans[position - 2] if position > 1 else None),
            )
            uses = [use for mention in mentions for use in _uses(sentence, mention, lexicon)]
            uses.extend(use for mention in mentions for use in _controlled_infinitive(sentence, mention, lexicon))
            if opened is not None and opened[0].block is block:
                uses.extend(_opening_pronoun(sentence, opened[0], opened[1], lexicon))
            elif opened is not None and block.kind is BlockKind.PARAGRAPH and opened[0].block.kind is BlockKind.PARAGRAPH:
                uses.extend(_opening_it(sentence, opened[0], opened[1], lexicon))  # the paragraph before
            opened = _opening_subject(sentence, mentions, uses, lexicon)
            referents.record(tokens, mentions, [use for use in uses if not _is_provisional(use)], position,
                             lexicon, person_like)
            abbreviations.record(tokens, mentions, lexicon)
            found.extend(uses)
        return found

    found = collect(organisations)
    # A bare name the article gives "its", or restates as "the company", is a thing, not a person:
    # read it again as an organisation's, before any finite verb ("Acme has cut its prices ...
    # Acme said it").
    settled = [item for item in found if not _is_provisional(item)]
    things = (_thing_names(settled, lexicon) | _restated_names(settled)) - organisations
    # A one-word name no person's name is written with is read again too, but not as an
    # organisation's ("Acme has closed two plants. Acme said they ..."; "Madonna, who" stays).
    lone = frozenset(item.subject.key for item in settled if isinstance(item, Use) and item.is_verb
                     and person_like.stands_alone(item.subject)) - organisations - things
    if things or lone:
        starts = frozenset(name.split(" ", 1)[0] for name in things | lone)
        sentences = [tokens_of(block, span) if tokens is None and _has_name_start(words_of(block, span), starts)
                     else tokens for (block, span), tokens in zip(spans, sentences)]
        found = collect(organisations | things, lone)
    uses = _confirmed([item for item in found if isinstance(item, Use)], organisations, lexicon)
    return Analysis(_person_safe(uses, lexicon, person_like.stands_alone), tuple(item for item in found if isinstance(item, RelativeUse)))


def _is_provisional(item: Use | RelativeUse) -> bool:
    return isinstance(item, Use) and item.provisional


def _singular_bodies(uses: Sequence[Use], lexicon: Lexicon) -> frozenset[str]:
    """The subjects the article treats as one body: used in the singular, never with a plural
    verb ("Labour have said" keeps Labour out), and not a group of people ("the electorate")."""
    singular = {use.subject.key for use in uses if not use.provisional and use.number is Number.SINGULAR}
    plural = {use.subject.key for use in uses if not use.provisional and use.is_verb and use.number is Number.PLURAL}
    return frozenset(key for key in singular - plural if key not in lexicon.people_collectives)


def _confirmed(uses: Sequence[Use], organisations: frozenset[str], lexicon: Lexicon) -> list[Use]:
    """The uses, with the provisional ones kept only where `_singular_bodies` says the subject is one
    body and every capitalised plural passed before the pronoun is one too, or a name the article
    introduces as an organisation's ("problems for oil giant Yukos have prompted the agency to revise
    their estimates")."""
    if not any(use.provisional for use in uses):
        return list(uses)
    bodies = _singular_bodies(uses, lexicon)
    words = frozenset(word for key in bodies | organisations for word in key.split())
    return [use for use in uses if not use.provisional
            or (use.subject.key in bodies and use.unless_singular <= words)]


class _Referents:
    """Names an organisation noun after "the" may restate, by the sentence they were written in.

    "The Census Bureau is sending its survey ... The bureau has long struggled": "the bureau"
    is the Census Bureau, so its uses count for that name. A noun restates the organisation
    named as a clause subject in one of the `MAX_REFERENCE_SENTENCES` sentences before, the
    latest one, unless the same noun was written there for a body of its own ("Acme met the
    union. The union has ...").
    """

    def __init__(self) -> None:
        self._names: list[tuple[int, Subject]] = []  # (sentence position, name), in order
        self._nouns: dict[str, int] = {}  # noun -> last sentence it was written in for its own body

    def resolve(self, tokens: Sequence[Token], mentions: Sequence[Mention], position: int,
                lexicon: Lexicon) -> list[Mention]:
        resolved: list[Mention] = []
        for mention in mentions:
            subject = mention.subject
            # "the company", "the software giant"; not "the Liverpool Echo newspaper", named by its
            # modifiers, nor "the other company".
            restates = subject.kind is SubjectKind.NOUN and subject.with_the and subject.key in lexicon.referring_nouns \
                and not any(token.is_capitalised or token.lower in lexicon.contrast_modifiers
                            for token in tokens[mention.first + 1:mention.head])
            target = self._latest(position) if restates else None
            if target is not None and self._nouns.get(subject.key, -1) < target[0]:
                resolved.append(Mention(dataclasses.replace(target[1], organisation=True), mention.first, mention.head))
                continue
            if subject.kind is SubjectKind.NOUN:
                self._nouns[subject.key] = position
            resolved.append(mention)
        return resolved

    def record(self, tokens: Sequence[Token], mentions: Sequence[Mention], uses: Sequence[Use | RelativeUse],
               position: int, lexicon: Lexicon, person_like: Callable[[Subject], bool]) -> None:
        """Keeps the sentence's names that are clause subjects (they have a use, or a verb follows)
        and cannot be a person's or a plural ("Analysts say", "the Tories")."""
        used = frozenset(use.subject.key for use in uses if isinstance(use, Use))
        plural = frozenset(use.subject.key for use in uses if isinstance(use, Use) and use.number is Number.PLURAL)
        for mention in mentions:
            subject = mention.subject
            # "Leeds have signed a striker. The club said it ...": a team named as its players
            # and "the club" as one body is a house style, not a slip.
            if subject.kind is SubjectKind.NOUN or person_like(subject) or subject.key in plural or (
                    _looks_plural(subject.key.rsplit(" ", 1)[-1], lexicon) and not subject.organisation):
                continue
            if subject.key in used or _has_predicate(tokens, mention, lexicon):
                self._names.append((position, subject))

    def _latest(self, position: int) -> tuple[int, Subject] | None:
        if self._names and self._names[-1][0] >= position - MAX_REFERENCE_SENTENCES:
            return self._names[-1]
        return None


class _Abbreviations:
    """Names written in full earlier in the article, by their initials.

    "The American Bar Association has ... the ABA said they": an abbreviation whose letters are
    the initials of a capitalised name written before it is that body, so its uses count for it.
    """

    def __init__(self) -> None:
        self._by_initials: dict[str, Subject] = {}
        self._by_last_word: dict[str, Subject | None] = {}  # None: the last word of two names
        self._alone: set[str] = set()  # one-word names written before any longer name ending in them

    def record(self, tokens: Sequence[Token], mentions: Sequence[Mention], lexicon: Lexicon) -> None:
        for mention in mentions:
            initials = _initials(tokens, mention, lexicon)
            if initials is not None:
                self._by_initials.setdefault(initials, mention.subject)
            subject = mention.subject
            if subject.kind is SubjectKind.NAME and " " in subject.key:
                last = subject.key.rsplit(" ", 1)[1]
                if last in lexicon.distinct_short_names:
                    continue  # "the White House ... the House": another body
                known = self._by_last_word.setdefault(last, subject)
                if known is not None and known.key != subject.key:
                    self._by_last_word[last] = None
            elif subject.kind is SubjectKind.NAME and subject.key not in self._by_last_word:
                self._alone.add(subject.key)

    def resolve(self, mentions: list[Mention]) -> list[Mention]:
        if not self._by_initials and not self._by_last_word:
            return mentions
        resolved = []
        for mention in mentions:
            full = self._by_initials.get(_abbreviation_letters(mention.subject)) if mention.subject.acronym else None
            if full is None:
                full = self._shortened(mention.subject)
            if full is not None:
                mention = Mention(dataclasses.replace(full, organisation=True), mention.first, mention.head)
            resolved.append(mention)
        return resolved


    def _shortened(self, subject: Subject) -> Subject | None:
        """ "The Washington Post has ... the Post said": a one-word name after "the" that is the
        last word of one longer name written before it (and never alone before that) is that name."""
        if subject.kind is not SubjectKind.NAME or not subject.with_the or " " in subject.key \
                or subject.key in self._alone:
            return None
        return self._by_last_word.get(subject.key)


def _abbreviation_letters(subject: Subject) -> str:
    """ "F.B.I." and "FBI" alike: the capital letters of a one-word name shaped as an acronym."""
    return "".join(letter for letter in subject.name if letter.isupper())


def _initials(tokens: Sequence[Token], mention: Mention, lexicon: Lexicon) -> str | None:
    """The initials of a name of two words or more ("the Federal Bureau of Investigation": "FBI"),
    if every word of the mention after its determiner is capitalised, but for connectors."""
    words = [token for token in tokens[mention.first:mention.head + 1] if token.is_word]
    if words and words[0].lower in lexicon.determiners:
        words = words[1:]
    end = mention.head + 1
    while end + 1 < len(tokens) and tokens[end].lower in lexicon.name_connectors and tokens[end + 1].is_capitalised \
            and tokens[end + 1].is_word:  # "Bureau of Investigation"
        words.extend(tokens[end:end + 2])
        end += 2
    letters = [word.text[0] for word in words if word.lower not in lexicon.name_connectors]
    if len(letters) < 2 or not all(word.is_capitalised or word.lower in lexicon.name_connectors for word in words):
        return None
    return "".join(letters)


def _has_predicate(tokens: Sequence[Token], mention: Mention, lexicon: Lexicon) -> bool:
    """Whether a verb follows the mention, which opens its clause: "the FT reports", "Acme cut"."""
    at = _skip_adverbs(tokens, mention.head + 1, lexicon)
    if at is None:
        return False
    verb = tokens[at]
    present = _is_present_verb(tokens, at, lexicon) or (  # "Facebook relies on"
        _is_singular_present(verb, lexicon) and at + 1 < len(tokens) and tokens[at + 1].lower in lexicon.prepositions)
    return (_is_number_marked(verb, lexicon) or _opens_predicate(verb, lexicon) or present) \
        and _is_clause_subject(tokens, mention, None, lexicon)


class _PersonLikeNames:
    """Whether a name may be a person's, so no organisation noun restates it: a bare name of
    several words not shaped like an organisation's ("Dana Reyes"), or one word the article
    also writes after a title or a capitalised word ("Mr Reyes", "Dana Reyes")."""

    def __init__(self, document: Document, lexicon: Lexicon):
        self._document = document
        self._lexicon = lexicon
        self._answers: dict[str, bool] = {}
        self._alone: dict[str, bool] = {}

    def __call__(self, subject: Subject) -> bool:
        if subject.kind is not SubjectKind.BARE_NAME or subject.organisation or subject.acronym:
            return False
        if " " in subject.name:
            return True
        if subject.name not in self._answers:
            self._answers[subject.name] = self._after_name_or_title(subject.name)
        return self._answers[subject.name]

    def stands_alone(self, subject: Subject) -> bool:
        """Whether a one-word bare name is never written beside another capitalised word or after
        a title ("Acme", not "Dana" of "Dana Reyes" nor "Reyes" of "Mr Reyes"): no person's name
        that the article introduces in full, so "they" for it is a number, not a person's pronoun."""
        if subject.kind is not SubjectKind.BARE_NAME or " " in subject.name or self(subject):
            return False
        if subject.name not in self._alone:
            self._alone[subject.name] = not any(_before_capitalised(block.text, subject.name)
                                                for block in self._document.blocks)
        return self._alone[subject.name]

    def _after_name_or_title(self, name: str) -> bool:
        lexicon = self._lexicon
        for block in self._document.blocks:
            for word in _words_before(block.text, name):
                bare = word.rstrip(".").lower()
                if bare in lexicon.person_titles:
                    return True
                if word[0].isupper() and word[-1].isalnum() and bare not in lexicon.determiners \
                        and bare not in lexicon.clause_openers and bare not in lexicon.prepositions \
                        and bare not in lexicon.coordinators and bare not in lexicon.not_names:
                    return True
        return False


def _words_before(text: str, name: str) -> Iterator[str]:
    """The word written before each whole-word occurrence of `name` in `text` (found with
    `str.find`, so a long text costs one pass per name)."""
    at = text.find(name)
    while at >= 0:
        after = at + len(name)
        if (after >= len(text) or not text[after].isalnum()) and (at == 0 or text[at - 1].isspace()):
            before = text[max(0, at - 40):at].split()
            if before:
                yield before[-1]
        at = text.find(name, after)


def _before_capitalised(text: str, name: str) -> bool:
    """Whether a whole-word occurrence of `name` in `text` has a capitalised word straight after
    it, past a space only ("Dana Reyes", "Acme Holdings")."""
    at = text.find(name)
    while at >= 0:
        after = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and text[after:after + 1] == " " \
                and text[after + 1:after + 2].isupper():
            return True
        at = text.find(name, after)
    return False


def _opens_with_pronoun(text: str, span: tuple[int, int], lexicon: Lexicon) -> bool:
    """Whether the sentence's first word is a pronoun `_opening_pronoun` reads: a cheap test."""
    first = text[span[0]:min(span[1], span[0] + 12)].split(maxsplit=1)
    word = first[0].lower() if first else ""
    return word in lexicon.singular_pronouns or word in lexicon.plural_pronouns \
        or word in lexicon.singular_subject_pronouns or word in lexicon.plural_subject_pronouns


def _opening_subject(sentence: _Sentence, mentions: Sequence[Mention], uses: Sequence[Use | RelativeUse],
                     lexicon: Lexicon) -> tuple[_Sentence, Mention] | None:
    """The sentence's only subject mention, if it opens the sentence (after at most a short
    opener ending in a comma: "Last month, the firm said") and has a verb of its own."""
    if not mentions:
        return None
    mention = mentions[0]
    tokens = sentence.tokens
    if not all(_is_complement(tokens, mention, other, lexicon) for other in mentions[1:]):
        return None
    if mention.first > 0 and not (mention.first <= 4 and tokens[mention.first - 1].text == ","):
        return None
    if not any(isinstance(use, Use) and use.is_verb and use.subject == mention.subject for use in uses) and not (
            mention.head + 1 < len(tokens) and _opens_predicate(tokens[mention.head + 1], lexicon)):
        return None
    return sentence, mention


def _is_complement(tokens: Sequence[Token], subject: Mention, other: Mention, lexicon: Lexicon) -> bool:
    """Whether `other` is the complement of the subject's linking verb, so names the subject again
    ("Ahold is the world's fourth-largest supermarket chain")."""
    verb_at = _skip_adverbs(tokens, subject.head + 1, lexicon)
    if verb_at is None or tokens[verb_at].lower not in lexicon.copulas or other.first <= verb_at:
        return False
    between = tokens[verb_at + 1:other.first]
    return len(between) <= MAX_MODIFIERS + 2 and all(
        token.is_word and token.lower not in lexicon.prepositions and token.lower not in lexicon.clause_breaks
        and token.lower not in lexicon.coordinators for token in between)


def _opening_pronoun(sentence: _Sentence, before: _Sentence, mention: Mention, lexicon: Lexicon) -> Iterator[Use]:
    """ "It"/"Its"/"They"/"Their" opening the sentence after one that the subject opens, when
    nothing else in that sentence could be meant ("Acme has cut jobs. Its shares fell.").
    "It"/"They" count only before a reporting verb ("It said"), where they name a speaker."""
    tokens = sentence.tokens
    if not tokens or tokens[0].quoted or not tokens[0].is_capitalised:
        return
    number = _pronoun_number(tokens, 0, lexicon)
    word = tokens[0].lower
    speaker = number is None  # "It said", "They said": only people or bodies can be meant
    verb_at: int | None = None
    if number is None:
        if word not in lexicon.singular_subject_pronouns and word not in lexicon.plural_subject_pronouns:
            return
        verb_at = _reporting_verb_after(tokens, 1, lexicon)
        if verb_at is None:
            if word in lexicon.singular_subject_pronouns:
                yield from _body_it_clause(sentence, before, mention, lexicon)
                return
            acts = _skip_adverbs(tokens, 1, lexicon)
            if acts is None or not (_opens_predicate(tokens[acts], lexicon) or _is_number_marked(tokens[acts], lexicon)):
                return
            # "Acme cut its prices. They invited ...": things may be "they" as well as people, so
            # any plural in the two sentences before rules the subject out.
            speaker = False
        number = Number.SINGULAR if word in lexicon.singular_subject_pronouns else Number.PLURAL
    others = [index for index in range(len(before.tokens)) if not mention.first <= index <= mention.head]
    if any(before.tokens[index].quoted for index in others):
        return
    if number is Number.PLURAL:
        # People or things written about in the two sentences before may be "they" too.
        earlier = before.previous()
        if speaker:
            # After "Acme said ...", a "They said" goes on with the same speaker: only people or
            # groups in that sentence may be meant instead.
            reported = _reporting_verb_after(before.tokens, mention.head + 1, lexicon) is not None
            if any(_may_be_plural_speaker(before.tokens, index, lexicon) for index in others) \
                    or (not reported and any(_may_be_plural_speaker(earlier, index, lexicon)
                                             for index in range(len(earlier)))):
                return
        elif any(_may_be_plural_antecedent(before.tokens, index, lexicon)
                 or (before.tokens[index].is_capitalised and before.tokens[index].is_word and index > mention.head)
                 for index in others) \
                or any(_may_be_plural_antecedent(earlier, index, lexicon) for index in range(len(earlier))):
            return
    yield _use(sentence, mention.subject, number, False, tokens[0], _example(sentence, 0, 0))
    if verb_at is not None:
        # "It said their budget was tight": the speaker is the subject, so its clause is read too; a
        # "their" there may be a plural's from the sentence before ("met the unions. It promised to
        # raise their pay").
        plural_before = any(_may_be_plural_antecedent(before.tokens, index, lexicon) for index in others)
        yield from (use for use in _pronouns(sentence, Mention(mention.subject, 0, 0), verb_at + 1, lexicon,
                                             main_clause=True)
                    if use.number is Number.SINGULAR or not plural_before)


def _opening_it(sentence: _Sentence, before: _Sentence, mention: Mention, lexicon: Lexicon) -> Iterator[Use]:
    """`_body_it_clause` for a paragraph whose first sentence opens with "It", after a paragraph whose
    last sentence the subject opens ("Acme is being broken up. // It was forced to sell their unit")."""
    tokens = sentence.tokens
    if tokens and tokens[0].is_capitalised and not tokens[0].quoted and tokens[0].lower in lexicon.singular_subject_pronouns \
            and _reporting_verb_after(tokens, 1, lexicon) is None:
        yield from _body_it_clause(sentence, before, mention, lexicon)


def _body_it_clause(sentence: _Sentence, before: _Sentence, mention: Mention, lexicon: Lexicon) -> Iterator[Use]:
    """ "Acme is being broken up. It was forced to sell their main unit": an "It" opening the sentence
    after one that the subject opens stands for the subject, unless it is an empty "it" ("It is
    likely that", "It emerged", "It was feared that"). The pronouns of its clause count,
    provisionally (see `Use.provisional`), when the sentence before names nothing else that they
    could stand for (no plural, person, quotation or other name after the subject) and the one
    before that names no people or groups."""
    tokens = sentence.tokens
    verb_at = _referring_it_verb(tokens, 0, lexicon)
    if verb_at is None:
        return
    previous = before.tokens
    for index in range(len(previous)):
        if mention.first <= index <= mention.head:
            continue
        token = previous[index]
        if token.quoted or _may_be_plural_antecedent(previous, index, lexicon) \
                or (token.is_capitalised and token.is_word and index > mention.head
                    and _is_head_use(previous, index, lexicon)):  # "Zenko", not "Russian" of "Russian banks"
            return
    earlier = before.previous()
    if any(_may_be_plural_speaker(earlier, index, lexicon) for index in range(len(earlier))):
        return  # "Two men were held. The force is busy. It has frozen their assets."
    for use in _pronouns(sentence, Mention(mention.subject, 0, 0), verb_at + 1, lexicon, main_clause=True):
        yield dataclasses.replace(use, provisional=True)


def _referring_it_verb(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> int | None:
    """The verb after a subject "it" at `index` that stands for something ("It has earmarked", "It was
    forced to"), or None for an empty "it" ("It is likely", "It emerged that", "It has been
    reported that", "It was feared that") and for "It said", which `_opening_pronoun` reads."""
    following = [token.lower for token in tokens[index + 1:index + 4]]
    if any(word in lexicon.reporting_verbs or word in lexicon.expletive_participles for word in following):
        return None
    if _subject_pronoun_opening(tokens, index, lexicon) is Number.SINGULAR:
        return index + 1
    if len(following) < 2 or following[0] not in lexicon.verb_numbers or not lexicon.verb_numbers[following[0]]:
        return None
    participle = tokens[index + 2]
    passive = participle.is_lowercase_word and not participle.quoted and (
        participle.lower.endswith("ed") or participle.lower in lexicon.finite_verbs)
    if not passive or (len(following) > 2 and following[2] in lexicon.thing_relatives):
        return None  # "It is important", "It was clear that"
    return index + 2


def _controlled_infinitive(sentence: _Sentence, mention: Mention, lexicon: Lexicon) -> Iterator[Use]:
    """ "Falling demand has prompted the agency to revise their estimates": the object of a verb such as
    "prompted" or "urged" is the subject of the infinitive after it, so the pronouns of that clause
    count for it, provisionally (see `Use.provisional`). People or groups written before it, in the
    sentence or the one before, may own them too ("workers urged the firm to raise their pay") and
    rule them out; a capitalised plural-shaped name ("problems for Yukos have") only when the
    article does not treat it as one body, nor writes it after a collective noun ("oil giant Yukos")."""
    tokens = sentence.tokens
    to = mention.head + 1
    if mention.first < 1 or to + 1 >= len(tokens) or tokens[mention.first - 1].lower not in lexicon.control_verbs \
            or tokens[mention.first - 1].quoted or tokens[to].lower not in lexicon.infinitive_markers \
            or not tokens[to + 1].is_lowercase_word or tokens[to + 1].quoted:
        return
    names: set[str] = set()
    for earlier, end in ((tokens, mention.first - 1), (sentence.previous(), None)):
        for index in range(len(earlier) if end is None else end):
            if not _may_be_plural_speaker(earlier, index, lexicon):
                continue
            token = earlier[index]
            if index > 0 and earlier[index - 1].lower in lexicon.collective_nouns and token.is_capitalised:
                continue  # "oil giant Yukos": a body's name, whatever its last letter
            if not (token.is_capitalised and token.is_word and _looks_plural(token.lower, lexicon)) \
                    or (index > 0 and earlier[index - 1].lower in lexicon.determiners) \
                    or any(earlier[i].lower in lexicon.coordinators for i in (index - 1, index + 1) if 0 <= i < len(earlier)):
                return  # "the Tories", "Acme and Zenko", "workers"
            names.add(token.lower)
    for use in _pronouns(sentence, mention, to + 2, lexicon, main_clause=False):
        yield dataclasses.replace(use, provisional=True, unless_singular=frozenset(names))


def _question_they(sentence: _Sentence, mention: Mention, start: int, index: int, lexicon: Lexicon) -> Use | None:
    """ "Acme has yet to reveal its prices or if they will charge a fee": a "they" opening a question
    that the subject's own reporting verb asks ("reveal", "confirm", "decide") is the subject, counted
    provisionally (see `Use.provisional`), unless one of the two sentences before names people or
    groups it may be."""
    tokens = sentence.tokens
    pronoun_at = index + 1
    if pronoun_at + 1 >= len(tokens) or tokens[pronoun_at].lower not in lexicon.plural_subject_pronouns \
            or tokens[pronoun_at].quoted or mention.subject.key in lexicon.people_collectives:
        return None
    verb = tokens[pronoun_at + 1]
    if not (verb.lower in lexicon.modals or _is_number_marked(verb, lexicon) or _opens_predicate(verb, lexicon)):
        return None
    if not any(token.lower in lexicon.question_verbs or token.lower in lexicon.reporting_verbs
               for token in tokens[max(0, start - 1):index]):
        return None
    earlier = sentence.earlier()
    if _refers_back_further(sentence, pronoun_at, Number.PLURAL, lexicon) \
            or any(_may_be_plural_speaker(earlier, position, lexicon) for position in range(len(earlier))):
        return None  # "Two men were held. The force is busy. It has not said whether they will be charged."
    use = _use(sentence, mention.subject, Number.PLURAL, False, tokens[pronoun_at], _example(sentence, pronoun_at, pronoun_at))
    return dataclasses.replace(use, provisional=True)


def _reporting_verb_after(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> int | None:
    """The reporting verb at `index`, after at most two adverbs and an auxiliary: "said",
    "also said", "has said"; not a passive ("was told")."""
    at = _skip_adverbs(tokens, index, lexicon)
    passive = at is not None and tokens[at].lower in lexicon.copulas
    if at is not None and tokens[at].lower in lexicon.verb_numbers and at + 1 < len(tokens):
        at = _skip_adverbs(tokens, at + 1, lexicon)
    if at is None or tokens[at].lower not in lexicon.reporting_verbs:
        return None
    # "It was feared", "They were told": a passive names no speaker ("It is arguing" does).
    return None if passive and not tokens[at].lower.endswith("ing") else at


def _thing_names(found: Sequence[Use | RelativeUse], lexicon: Lexicon) -> frozenset[str]:
    """Bare names given "its" in a clause whose verb is not plural: things, not people."""
    return frozenset(item.subject.key for item in found
                     if isinstance(item, Use) and item.subject.kind is SubjectKind.BARE_NAME and not item.is_verb
                     and item.form.lower() in lexicon.singular_pronouns and item.clause_number is not Number.PLURAL)


def _restated_names(found: Sequence[Use | RelativeUse]) -> frozenset[str]:
    """Bare names an organisation noun restates ("Verizon has ... The company said"): see `_Referents`."""
    return frozenset(item.subject.key for item in found
                     if isinstance(item, Use) and item.subject.kind is SubjectKind.BARE_NAME and item.subject.organisation
                     and not item.subject.acronym)


def _person_safe(uses: Sequence[Use], lexicon: Lexicon, stands_alone: Callable[[Subject], bool]) -> tuple[Use, ...]:
    """The uses without the pronouns of bare names that may be people's.

    "Dana Reyes has said they will run" is no mix: a person may be "they". A bare name
    that the article also gives "its" ("Brightwell has cut its prices") is a thing, so
    its pronouns count, and so do those of a one-word name the article never writes as part
    of a person's name ("Acme has closed two plants. Acme said they ...": see
    `_PersonLikeNames.stands_alone`).
    """
    def counted(use: Use) -> bool:
        # "Analysts expect ... its": with a plural verb, a bare name's "its" is another noun's.
        return use.is_verb or not use.subject.may_be_a_person or use.clause_number is not Number.PLURAL

    kept = [use for use in uses if counted(use)]
    things = frozenset(use.subject.key for use in kept
                       if not use.is_verb and use.form.lower() in lexicon.singular_pronouns)
    alone: dict[str, bool] = {}

    def thing(subject: Subject) -> bool:
        if subject.key not in alone:
            alone[subject.key] = subject.key in things or stands_alone(subject)
        return alone[subject.key]

    return tuple(use for use in kept if use.is_verb or not use.subject.may_be_a_person or thing(use.subject))


def _introduced_organisations(document: Document, lexicon: Lexicon, blocks: frozenset[BlockKind]) -> frozenset[str]:
    """Names an article writes straight after a collective noun ("the private equity firm
    Acme Capital", "keyboard maker Zenko"), as lower-case keys: organisations, not people."""
    names: set[str] = set()
    for block in document.blocks:
        if block.kind not in blocks:
            continue
        for match in lexicon.organisation_introductions.finditer(block.text, timeout=regex_timeout(block.text)):
            if not _opens_noun_phrase(block.text, match.start(), lexicon):
                continue
            words = match.group(1).split()
            first = words[0].lower()
            if first in lexicon.person_titles or first in lexicon.not_names or first in lexicon.clause_openers \
                    or first in lexicon.determiners or any(word.lower() in lexicon.person_titles for word in words):
                continue
            names.add(" ".join(word.lower() for word in words))
    return frozenset(names)


# --- Tokens -------------------------------------------------------------------------------

def _may_name_subject(text: str, span: tuple[int, int], lexicon: Lexicon) -> bool:
    """A cheap test: "the" before a capital, or a capital before a verb. The other half
    of the test, `_has_subject_word`, reads the sentence's words."""
    start, end = span
    timeout = regex_timeout(text)
    return _THE_CAPITAL.search(text, start, end, timeout=timeout) is not None \
        or lexicon.bare_name_candidates.search(text, start, end, timeout=timeout) is not None \
        or _DOTTED.search(text, start, end, timeout=timeout) is not None


def _has_organisation_word(words: Sequence[str], starts: frozenset[str], lexicon: Lexicon) -> bool:
    """Whether the sentence has a word shaped like an organisation's name ("NASA", "SpaceX")
    or starting a name the article introduces as an organisation's."""
    return any(word[0].isupper() and (word.lower() in starts or word.lower() in lexicon.organisation_suffixes
                                      or _is_organisation_shaped(word, lexicon))
               for word in words)


def _opens_noun_phrase(text: str, at: int, lexicon: Lexicon) -> bool:
    """Whether the noun at `at` heads a noun phrase: a determiner or the start of a sentence or
    clause comes before it, with at most three modifiers between ("the private equity firm",
    "Keyboard case maker"), not a subject and a verb ("voters cast")."""
    words = text[max(0, at - 80):at].split()
    for count, word in enumerate(reversed(words)):
        if word[-1] in ".,;:!?":
            return True  # the phrase opens the sentence or clause
        bare = word.strip("\"'\u201c\u201d\u2018\u2019([")
        lower = bare.lower()
        if lower in lexicon.clause_breaks or lower in lexicon.person_relatives:
            return False  # "a message that cast": a verb
        if lower in lexicon.determiners or lower.endswith(("'s", "\u2019s")):
            return True
        if count >= 3 or not bare or lower in lexicon.verb_numbers or lower in lexicon.prepositions \
                or lower.endswith("ed") or (lower.endswith("s") and lower not in lexicon.not_plurals and bare.islower()):
            return False
    return True


def _is_organisation_shaped(word: str, lexicon: Lexicon) -> bool:
    """An acronym ("NASA", "F.B.I.") or a word with an inner capital ("SpaceX", not "McKay")."""
    timeout = regex_timeout(word)
    if _ACRONYM.fullmatch(word, timeout=timeout) is not None:
        return True
    inner = _INNER_CAPITAL.fullmatch(word, timeout=timeout)
    return inner is not None and inner.group(1).lower() not in lexicon.surname_prefixes


def _is_head_use(tokens: Sequence[Token], head: int, lexicon: Lexicon) -> bool:
    """Whether the name ending at `head` heads its phrase ("the Kremlin said"), not a
    modifier of a lower-case noun after it ("the Vance campaign")."""
    if head + 1 >= len(tokens):
        return True
    following = tokens[head + 1]
    word = following.lower
    return not following.is_lowercase_word or word in lexicon.verb_numbers or word in lexicon.modals \
        or word in lexicon.reporting_verbs or word in lexicon.prepositions or word in lexicon.coordinators \
        or word in lexicon.clause_breaks or word in lexicon.adverbs or word in lexicon.finite_verbs \
        or word in lexicon.person_relatives or word.endswith("ed")


def _has_subject_word(words: Sequence[str], lexicon: Lexicon) -> bool:
    """Whether the sentence has a collective noun or a listed name's first word."""
    return any(word in lexicon.organisations or word.lower() in lexicon.collective_nouns for word in words)


class _LowerCaseWords:
    """Whether a word is written in lower case somewhere in a document: one of its
    `_WORD` matches, starting with a lower-case letter.

    Most articles ask about a word or two, so each is looked for where its string occurs
    (`_written_in_lower_case`). Once the lookups have cost `LOOKUPS_BEFORE_SET` readings
    of the document, the set of all its lower-case words is built to answer the rest, so
    the work stays linear in the document however many words are asked about.
    """

    LOOKUPS_BEFORE_SET = 8

    def __init__(self, document: Document):
        self._document = document
        self._answers: dict[str, bool] = {}
        self._alone: dict[str, bool] = {}
        self._lookups_left = self.LOOKUPS_BEFORE_SET
        self._words: frozenset[str] | None = None

    def __call__(self, word: str) -> bool:
        if word not in self._answers:
            if self._words is None and self._lookups_left == 0:
                self._words = frozenset(
                    found for block in self._document.blocks
                    for found in _WORD.findall(block.text, timeout=regex_timeout(block.text)) if found[0].islower())
            if self._words is not None:
                self._answers[word] = word in self._words
            else:
                self._lookups_left -= 1
                self._answers[word] = _written_in_lower_case(self._document, word)
        return self._answers[word]


def _written_in_lower_case(document: Document, word: str) -> bool:
    """`_LowerCaseWords` for one word, by checking each place its string occurs.

    A `_WORD` match starts at the first letter of a run of word characters and runs to
    the end of that run, so an occurrence is a match when it ends the run and no letter
    comes before it in the run. Each run is read at most twice: linear in the document.
    """
    timeout = regex_timeout(word)
    if not word[:1].islower() or _LETTER.match(word, timeout=timeout) is None:
        return False  # no `_WORD` match starts with this character
    for block in document.blocks:
        text = block.text
        timeout = regex_timeout(text)
        at = text.find(word)
        while at >= 0:
            run = _WORD.match(text, at, timeout=timeout)  # the word starts with a letter: never None
            before = _WORD_RUN_BEFORE.match(text, 0, at, timeout=timeout)  # may match empty: never None
            assert run is not None and before is not None
            run_end = run.end()
            if run_end == at + len(word) and _LETTER.search(before.group(), timeout=timeout) is None:
                return True
            at = text.find(word, run_end)  # later occurrences in this run follow a letter of it
    return False


def _has_name_start(words: Sequence[str], name_starts: frozenset[str]) -> bool:
    """Whether the sentence has a word that starts a name the article writes with "the"."""
    return any(word.lower() in name_starts for word in words)


def _tokens(text: str, start: int, end: int, quoted: Sequence[tuple[int, int]]) -> list[Token]:
    # Only white space separates tokens, so each word is found again with `str.find`
    # from the end of the one before: cheaper than a match object per token. `quoted`
    # is sorted and the tokens come in order, so one pass walks both.
    tokens: list[Token] = []
    append, find, new = tokens.append, text.find, tuple.__new__
    spans = iter(quoted)
    span_start, span_end = next(spans, (_FAR, _FAR))
    position = start
    for word in _TOKEN.findall(text, start, end, timeout=regex_timeout(text)):
        position = find(word, position)
        after = position + len(word)
        while span_end <= position:
            span_start, span_end = next(spans, (_FAR, _FAR))
        append(new(Token, (word, word.lower().replace("\u2019", "'"), position, after,
                           span_start <= position < span_end)))
        position = after
    return tokens


# --- Subjects -----------------------------------------------------------------------------

def _mentions(tokens: Sequence[Token], lexicon: Lexicon, known_names: frozenset[str],
              known_first_words: frozenset[str], in_lower_case: Callable[[str], bool],
              organisations: frozenset[str] = frozenset(), lone_names: frozenset[str] = frozenset()) -> list[Mention]:
    """The subjects named in a sentence. `known_names` are "the X" names of the article,
    which also count without "the" ("the BBC ... BBC has"); `in_lower_case` tells the
    article's words written in lower case, which are not names when capitalised;
    `organisations` are names the article introduces as organisations'; `lone_names` are names
    that, like those, count before any finite verb, without being taken for organisations'."""
    mentions, taken = _named_mentions(tokens, lexicon, known_names, known_first_words)
    for index, token in enumerate(tokens):
        if index in taken or token.quoted:
            continue
        if token.text[0].isupper() and token.lower not in lexicon.collective_nouns:
            mention = _bare_name_at(tokens, index, lexicon, in_lower_case, organisations, lone_names)
            if mention is not None:
                mentions.append(mention)
                taken.update(range(mention.first, mention.head + 1))
            continue
        if token.lower not in lexicon.collective_nouns:
            continue
        first = _determiner_before(tokens, index, lexicon)
        if first is None and not (index == 0 and token.is_capitalised):
            continue
        first = index if first is None else first
        subject = Subject(token.lower, token.lower, SubjectKind.NOUN, tokens[first].lower == "the")
        head = _name_tail_end(tokens, index, lexicon) if token.is_capitalised else index
        mentions.append(Mention(subject, first, head))
        taken.update(range(first, head + 1))
    return sorted(mentions, key=lambda m: m.head)


def _name_tail_end(tokens: Sequence[Token], head: int, lexicon: Lexicon) -> int:
    """The last token of a capitalised noun's name: "the Illinois Board of Elections", "the
    Department of Justice" (its verb follows the tail, not the noun)."""
    end = head
    while end + 2 < len(tokens) and tokens[end + 1].lower in lexicon.name_connectors and end - head < MAX_NAME_WORDS:
        after = end + 2
        if tokens[after].lower == "the" and after + 1 < len(tokens):
            after += 1
        if not (tokens[after].is_capitalised and tokens[after].is_word):
            break
        tail = after
        while tail + 1 < len(tokens) and tokens[tail + 1].is_capitalised and tokens[tail + 1].is_word \
                and tail - head < MAX_NAME_WORDS:
            tail += 1
        if _looks_plural(tokens[tail].lower, lexicon) and _is_person(tokens[tail].lower[:-1], lexicon, agent_endings=True):
            break  # "the Council of Economic Advisers who": "who" may be one of the advisers
        end = tail
    return end


def _named_mentions(tokens: Sequence[Token], lexicon: Lexicon, known_names: frozenset[str],
                    known_first_words: frozenset[str]) -> tuple[list[Mention], set[int]]:
    """The listed organisations and "the X" names of a sentence (the first step of
    `_mentions`, which alone decides the article's "the X" names), and their tokens."""
    mentions: list[Mention] = []
    taken: set[int] = set()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        mention = None
        if token.text in lexicon.organisations:
            mention = _organisation_at(tokens, index, lexicon)
        elif token.text[0].isupper() and (
                (index > 0 and tokens[index - 1].lower == "the") or token.lower in known_first_words):
            mention = _name_at(tokens, index, lexicon, known_names)
        if mention is not None and not tokens[mention.head].quoted:
            mentions.append(mention)
            taken.update(range(mention.first, mention.head + 1))
            index = mention.head + 1
            continue
        index += 1
    return mentions, taken


def _organisation_at(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> Mention | None:
    for name in lexicon.organisations.get(tokens[index].text, ()):
        end = index + len(name)
        if end <= len(tokens) and all(tokens[index + k].text == part for k, part in enumerate(name)):
            if end < len(tokens) and tokens[end].text in ("'", "\u2019"):
                return None  # a plural possessive: "the Taliban' fighters"
            first = _determiner_before(tokens, index, lexicon)
            with_the = first is not None and tokens[first].lower == "the"
            subject = Subject(" ".join(name).lower(), " ".join(name), SubjectKind.LISTED, with_the)
            return Mention(subject, index if first is None else first, end - 1)
    return None


def _name_at(tokens: Sequence[Token], index: int, lexicon: Lexicon,
             known_names: frozenset[str]) -> Mention | None:
    """A capitalised name after "the", or a bare one the article also writes with "the"."""
    with_the = index > 0 and tokens[index - 1].lower == "the"
    if not tokens[index].is_word:
        return None
    if not with_the and index > 0 and (tokens[index - 1].is_capitalised or _after_title(tokens, index, lexicon)):
        return None
    end = index
    core_end = index  # the last name word before a connector such as "of"
    while end + 1 < len(tokens) and end - index < MAX_NAME_WORDS:
        following = tokens[end + 1]
        if following.is_capitalised and following.is_word:
            end += 1
            if core_end == end - 1:
                core_end = end
            continue
        if following.lower in lexicon.name_connectors:
            after = end + 2
            if after < len(tokens) and tokens[after].lower == "the":
                after += 1
            if after < len(tokens) and tokens[after].is_capitalised and tokens[after].is_word:
                end = after
                continue
        break
    words = tokens[index:end + 1]
    if any(w.lower.endswith(("'s", "'")) for w in words):
        return None
    core = tokens[core_end].lower
    if core in lexicon.person_titles or core in lexicon.collective_nouns or core in lexicon.determiners:
        return None
    key = " ".join(w.lower for w in words)
    if not with_the and key not in known_names:
        return None
    subject = Subject(key, " ".join(w.text for w in words), SubjectKind.NAME, with_the,
                      _looks_like_organisation(words, lexicon, frozenset()), _is_acronym_name(tokens, words, lexicon))
    return Mention(subject, index - 1 if with_the else index, end)


def _after_title(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    """ "Mr. Vance", "Dr. Okafor": a name after an abbreviated title is a person's."""
    return index > 1 and tokens[index - 1].text == "." and tokens[index - 2].lower in lexicon.person_titles


def _looks_like_organisation(words: Sequence[Token], lexicon: Lexicon, organisations: frozenset[str]) -> bool:
    """Whether a name is an organisation's: ending in a suffix such as "Inc", or introduced
    by the article as an organisation's ("the firm Acme Capital")."""
    return words[-1].lower in lexicon.organisation_suffixes or " ".join(w.lower for w in words) in organisations


def _is_acronym_name(tokens: Sequence[Token], words: Sequence[Token], lexicon: Lexicon) -> bool:
    """A one-word name shaped like an organisation's ("NASA", "SpaceX"), in a sentence not all
    in capitals. Several words with initials in them are a person's ("AR Rahman", "Tom Lee III")."""
    return len(words) == 1 and words[0].lower not in lexicon.not_organisation_acronyms \
        and _is_organisation_shaped(words[0].text, lexicon) and any(t.is_lowercase_word for t in tokens)


def _bare_name_at(tokens: Sequence[Token], index: int, lexicon: Lexicon,
                  in_lower_case: Callable[[str], bool], organisations: frozenset[str] = frozenset(),
                  lone_names: frozenset[str] = frozenset()) -> Mention | None:
    """A capitalised name, not after "the", straight before a number-marked verb or ", who";
    or, when it cannot be a person's (`_looks_like_organisation`), before any finite verb
    ("NASA plans to", "Acme Capital said").

    A capitalised word that the article also writes in lower case is an ordinary word
    starting a sentence ("Sales are"), not a name.
    """
    if index > 0 and (tokens[index - 1].is_capitalised or tokens[index - 1].lower == "the"):
        return None
    if index > 1 and tokens[index - 1].text == "." and tokens[index - 2].is_capitalised:
        return None  # "Mr. Obama", "U.S. officials"
    if tokens[index].lower in lexicon.not_names:
        return None
    end = index
    while end + 1 < len(tokens) and tokens[end + 1].is_capitalised and tokens[end + 1].is_word:
        end += 1
        if end - index >= MAX_NAME_WORDS:
            return None
    words = tokens[index:end + 1]
    following = end + 1
    if following + 1 < len(tokens) and tokens[following].text == "." and tokens[end].lower in lexicon.organisation_suffixes:
        following += 1  # "Acme Holdings Inc., which"
    # The verb (or ", who") after the name first: it rules out most capitalised words.
    time_end = _time_phrase_end(tokens, following, lexicon)  # "Acme on Wednesday began"
    after = _skip_adverbs(tokens, following if time_end is None else time_end + 1, lexicon)
    if after is None:
        return None
    organisation = False
    if not _is_number_marked(tokens[after], lexicon) and not (
            tokens[following].text == "," and following + 1 < len(tokens)
            and tokens[following + 1].lower in lexicon.person_relatives | lexicon.thing_relatives):
        organisation = _looks_like_organisation(words, lexicon, organisations) \
            or _is_acronym_name(tokens, words, lexicon)
        lone = " ".join(w.lower for w in words) in lone_names
        if not (organisation or lone) or not (_opens_predicate(tokens[after], lexicon) or _is_present_verb(tokens, after, lexicon)):
            return None
    if not all(w.is_word for w in words) or any(w.lower.endswith(("'s", "'")) for w in words):
        return None
    if any(w.lower in lexicon.person_titles for w in words) or not _is_modifier(words[0], lexicon) \
            or words[0].lower in lexicon.determiners or words[-1].lower in lexicon.collective_nouns \
            or words[0].lower in lexicon.clause_openers or words[0].lower in lexicon.singular_subject_pronouns \
            or words[0].lower in lexicon.plural_subject_pronouns:
        return None
    if len(words) == 1 and in_lower_case(words[0].lower):
        return None
    key = " ".join(w.lower for w in words)
    subject = Subject(key, " ".join(w.text for w in words), SubjectKind.BARE_NAME, False,
                      _looks_like_organisation(words, lexicon, organisations), _is_acronym_name(tokens, words, lexicon))
    return Mention(subject, index, following - 1)


def _determiner_before(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> int | None:
    """Index of the determiner or possessive opening the noun phrase headed at `index`."""
    position = index - 1
    modifiers = 0
    while position >= 0 and modifiers <= MAX_MODIFIERS:
        token = tokens[position]
        if token.lower in lexicon.determiners:
            return position
        if token.is_word and token.lower.endswith(("'s", "s'")):
            return position
        if not token.is_word or not _is_modifier(token, lexicon):
            return None
        modifiers += 1
        position -= 1
    return None


def _is_modifier(token: Token, lexicon: Lexicon) -> bool:
    word = token.lower
    return not (
        word in lexicon.prepositions or word in lexicon.coordinators or word in lexicon.verb_numbers
        or word in lexicon.non_finite_triggers or word in lexicon.reporting_verbs
        or word in lexicon.clause_breaks or (word in lexicon.personal_pronouns and not (len(word) > 1 and token.text.isupper()))
        or word in lexicon.adverbs or (word.endswith("s") and not token.is_capitalised)
    )


# --- Uses ---------------------------------------------------------------------------------

def _uses(sentence: _Sentence, mention: Mention, lexicon: Lexicon) -> Iterator[Use | RelativeUse]:
    head = sentence.tokens[mention.head]
    noun = head.lower if head.is_lowercase_word else ""
    for use in _clause_uses(sentence, mention, lexicon):
        yield dataclasses.replace(use, noun=noun) if isinstance(use, Use) else use


def _clause_uses(sentence: _Sentence, mention: Mention, lexicon: Lexicon) -> Iterator[Use | RelativeUse]:
    inverted = _inverted_reporting_verb(sentence.tokens, mention, lexicon)
    if inverted is not None:
        verb = sentence.tokens[inverted]
        yield _use(sentence, mention.subject, _number(verb, lexicon), True, verb,
                   _example(sentence, inverted, mention.head))
        return
    relative = _relative_after(sentence.tokens, mention, lexicon)
    if relative is None:
        closing = _interrupter_end(sentence.tokens, mention.head + 1, lexicon)
        if closing is None:
            closing = _time_phrase_end(sentence.tokens, mention.head + 1, lexicon)
        yield from _predicate_uses(sentence, mention, mention.head + 1 if closing is None else closing + 1, lexicon)
        return
    yield from _relative_clause(sentence, mention, relative, lexicon)
    closing = _relative_clause_end(sentence.tokens, relative, lexicon)
    if closing is not None and not _is_appositive(sentence.tokens, mention.first, lexicon):
        # "The firm, which was founded in 1990, has said ...", not "Crews at Acme, the airline, which ..., face"
        yield from _predicate_uses(sentence, mention, closing + 1, lexicon)


def _inverted_reporting_verb(tokens: Sequence[Token], mention: Mention, lexicon: Lexicon) -> int | None:
    """The reporting verb that, after a comma, comes before the mention that ends the sentence:
    "..., says the Office for National Statistics (ONS)." The verb is the mention's."""
    at = mention.first - 1
    after = mention.head + 1
    if at < 1 or tokens[at - 1].text != "," or not _is_number_marked(tokens[at], lexicon) \
            or tokens[at].lower not in lexicon.reporting_verbs:
        return None
    if after < len(tokens) and tokens[after].text not in (".", "(", ","):
        return None  # "says the firm's chief", "says the union leader"
    return at


def _predicate_uses(sentence: _Sentence, mention: Mention, start: int, lexicon: Lexicon) -> Iterator[Use]:
    """The verb at `start` (after adverbs) if it is the mention's, and pronouns in its clause."""
    tokens = sentence.tokens
    at = _skip_adverbs(tokens, start, lexicon)
    if at is None:
        return
    verb = tokens[at]
    present = _is_present_verb(tokens, at, lexicon)
    if _is_number_marked(verb, lexicon) or present:
        number = _number(verb, lexicon) if _is_number_marked(verb, lexicon) else Number.SINGULAR
        if not _is_clause_subject(tokens, mention, number, lexicon):
            return
        example = _example(sentence, mention.first, at) if at == _skip_adverbs(tokens, mention.head + 1, lexicon) \
            else _example(sentence, mention.first, mention.head) + " ... " + _example(sentence, at, at)
        yield _use(sentence, mention.subject, number, True, verb, example)
    elif not (_opens_predicate(verb, lexicon) and _is_clause_subject(tokens, mention, None, lexicon)):
        return
    clause_number = _number(verb, lexicon) if _is_number_marked(verb, lexicon) else Number.SINGULAR if present else None
    for use in _pronouns(sentence, mention, at + 1, lexicon, main_clause=True):
        yield dataclasses.replace(use, clause_number=clause_number)


def _interrupter_end(tokens: Sequence[Token], comma: int, lexicon: Lexicon) -> int | None:
    """The comma closing a short aside between a subject and its verb, if one opens at `comma`:
    an adverb ("The FBI, meanwhile, is"), a prepositional phrase ("The firm, in a statement,
    says") or a participle phrase ("His charity, founded in 2007, has"). Not a list or an
    appositive ("Acme, Zenko and the council have"; "Acme, the airline, ..."), which may be
    a subject of their own."""
    if comma >= len(tokens) or tokens[comma].text != "," or comma + 1 >= len(tokens):
        return None
    appositive = _appositive_end(tokens, comma, lexicon)
    if appositive is not None:
        return appositive
    first = tokens[comma + 1]
    word = first.lower
    if not first.is_lowercase_word or not (
            word in lexicon.adverbs or word in lexicon.clause_openers or word in lexicon.prepositions
            or word.endswith("ed") or word in lexicon.finite_verbs) \
            or word in lexicon.coordinators or word in lexicon.thing_relatives or word in lexicon.person_relatives:
        return None
    for index in range(comma + 1, min(len(tokens), comma + 1 + MAX_INTERRUPTER_TOKENS)):
        token = tokens[index]
        if token.text == ",":
            return index if index > comma + 1 else None
        if token.quoted or token.text in _CLAUSE_PUNCTUATION or token.text == "." \
                or token.lower in lexicon.verb_numbers or token.lower in lexicon.coordinators:
            return None
    return None


def _appositive_end(tokens: Sequence[Token], comma: int, lexicon: Lexicon) -> int | None:
    """The comma closing a noun phrase that restates the subject, if one opens at `comma` with a
    determiner or a possessive and a verb follows the closing comma ("The LSE, Europe's biggest
    stock market, is"; "Acme, the airline, has"). Not a list ("Acme, the union and Zenko
    have") nor a phrase with a verb or a clause in it."""
    first = comma + 1
    if first >= len(tokens) or not (tokens[first].lower in lexicon.determiners
                                    or (tokens[first].is_word and tokens[first].lower.endswith(("'s", "s'")))):
        return None
    for index in range(first + 1, min(len(tokens), first + MAX_INTERRUPTER_TOKENS)):
        token = tokens[index]
        if token.text == ",":
            after = _skip_adverbs(tokens, index + 1, lexicon)
            return index if after is not None and _is_number_marked(tokens[after], lexicon) else None
        if token.quoted or not (token.is_word or token.text in "-'’&.") \
                or token.lower in lexicon.coordinators or token.lower in lexicon.clause_breaks \
                or _is_number_marked(token, lexicon) or _opens_predicate(token, lexicon):
            return None
    return None


def _time_phrase_end(tokens: Sequence[Token], at: int, lexicon: Lexicon) -> int | None:
    """The last token of a time phrase written between a subject and its verb with no commas, if
    one is there and a lower-case word follows it: a day or month named ("Acme on Wednesday
    began", "The campaign Tuesday said"), a time counted from now ("the firm last year raised",
    "the board earlier this month voted", "Acme two years ago began") a year ("the club in
    2019 signed") or a span up to now ("Acme in recent years bought")."""
    end = _named_time_end(tokens, at, lexicon)
    if end is None:
        end = _relative_time_end(tokens, at, lexicon)
    if end is None or end + 1 >= len(tokens) or not tokens[end + 1].is_lowercase_word:
        return None
    return end


def _named_time_end(tokens: Sequence[Token], at: int, lexicon: Lexicon) -> int | None:
    if at < len(tokens) and tokens[at].is_lowercase_word and tokens[at].lower in lexicon.prepositions:
        at += 1
    if at < len(tokens) and tokens[at].is_capitalised and tokens[at].lower in lexicon.clause_openers \
            and tokens[at].is_word and not tokens[at].quoted:
        return at
    return None


def _relative_time_end(tokens: Sequence[Token], at: int, lexicon: Lexicon) -> int | None:
    words = [token.lower if token.is_word and not token.quoted else "" for token in tokens[at:at + 4]]
    words += [""] * (4 - len(words))
    if words[0] == "in" and _is_year(words[1]):
        return at + 1
    first = 1 if words[0] in lexicon.time_phrase_edges and words[1] in lexicon.time_phrase_deictics else 0
    if words[first] in lexicon.time_phrase_deictics and words[first + 1] in lexicon.time_units:
        return at + first + 1
    counted = 1 if words[0].isdigit() or words[0] in lexicon.time_counts else 0
    unit = 1 if words[counted] in lexicon.time_units else 0
    if words[counted + unit] == "ago" and (counted or unit):
        return at + counted + unit
    return _time_span_end(tokens, at, lexicon)


def _time_span_end(tokens: Sequence[Token], at: int, lexicon: Lexicon) -> int | None:
    """ "in recent years", "over the past decade", "in the last two months": a preposition, an
    optional "the", a word that places the span and a unit, counted or not."""
    words = [token.lower if token.is_word and not token.quoted else "" for token in tokens[at:at + 6]]
    words += [""] * (6 - len(words))
    if words[0] not in lexicon.time_span_prepositions:
        return None
    index = 2 if words[1] == "the" else 1
    if words[index] not in lexicon.time_span_modifiers:
        return None
    index += 1
    if words[index].isdigit() or words[index] in lexicon.time_counts:
        index += 1
    return at + index if words[index] in lexicon.time_units else None


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def _relative_clause_end(tokens: Sequence[Token], relative: int, lexicon: Lexicon) -> int | None:
    """The comma closing a relative clause opened by ", which", if it closes in the sentence."""
    if relative < 1 or tokens[relative - 1].text != ",":
        return None
    for index in range(relative + 1, min(len(tokens), relative + MAX_SCOPE_TOKENS)):
        token = tokens[index]
        if token.text == ",":
            return index
        if token.quoted or token.text in _CLAUSE_PUNCTUATION:
            return None
    return None


def _relative_clause(sentence: _Sentence, mention: Mention, relative: int,
                     lexicon: Lexicon) -> Iterator[Use | RelativeUse]:
    tokens = sentence.tokens
    pronoun = tokens[relative]
    if pronoun.quoted or not _relative_attaches(tokens, mention, pronoun, lexicon):
        return
    verb_at = _skip_adverbs(tokens, relative + 1, lexicon)
    verb = tokens[verb_at] if verb_at is not None else None
    number = _number(verb, lexicon) if verb is not None and _is_number_marked(verb, lexicon) else None
    pronouns: list[Use] = []
    if verb is not None and verb_at is not None and (
            number is not None or _opens_predicate(verb, lexicon) or _is_present_verb(tokens, verb_at, lexicon)):
        pronouns = [dataclasses.replace(use, clause_number=number)
                    for use in _pronouns(sentence, mention, verb_at + 1, lexicon, main_clause=False)]
    if pronoun.lower in lexicon.person_relatives:
        last = relative if verb_at is None else verb_at
        verb_number = number
        if verb_number is None and verb is not None and _is_singular_present(verb, lexicon):
            verb_number = Number.SINGULAR  # "who owns": after "who" an -s word is the verb
        thing = any(use.form.lower() in lexicon.singular_pronouns for use in pronouns)
        yield RelativeUse(mention.subject, verb_number, thing, sentence.block, pronoun.start, pronoun.end,
                          pronoun.text, _example(sentence, mention.first, last))
    if verb is None or verb_at is None:
        return
    if number is not None:
        yield _use(sentence, mention.subject, number, True, verb, _example(sentence, mention.first, verb_at))
    yield from pronouns


def _is_clause_subject(tokens: Sequence[Token], mention: Mention, number: Number | None,
                       lexicon: Lexicon) -> bool:
    """Whether the verb after the mention is the mention's own, not part of a larger phrase.

    The mention must open its clause: it starts the sentence or follows punctuation, a
    conjunction, a reporting verb, an adverb or a number ("In 2004 the firm was").
    After any other word it is that word's object or part of a longer phrase: "members
    of the team are", "will the firm have", "to tip the band was".
    """
    opening = mention.first
    if tokens[opening].lower.endswith(("'s", "s'")):
        while opening > 0:  # "of Dana Reyes's team was": the possessor's name is part of the phrase
            if tokens[opening - 1].is_capitalised and tokens[opening - 1].is_word:
                opening -= 1
            elif opening > 1 and tokens[opening - 1].text == "." and tokens[opening - 2].is_capitalised \
                    and tokens[opening - 2].lower in lexicon.person_titles:
                opening -= 2  # "Mrs. Reyes's campaign has": the title and its stop too
            else:
                break
    if opening > 0 and mention.subject.organisation and tokens[opening - 1].lower in lexicon.collective_nouns:
        opening = _noun_phrase_start(tokens, opening - 1, lexicon)  # "Keyboard maker Acme had"
    if opening == 0:
        return True
    before = tokens[opening - 1]
    word = before.lower
    window = tokens[max(0, opening - 6):opening]
    if _verb_after(tokens, mention, lexicon) in lexicon.irrealis_forms \
            and any(t.lower in lexicon.irrealis_triggers for t in window[-4:]):
        return False  # "if the government were to": a subjunctive
    if number is Number.PLURAL and any(t.lower in lexicon.mandative_triggers for t in window):
        return False  # "demanded that the government have": a subjunctive
    if word in lexicon.coordinators:
        # "Labour and the Tories were" may be one phrase; ", and the firm has" is a new clause.
        # Without the comma, a singular verb still shows a new clause after a lower-case word
        # ("MSN launched a blog and Acme has", not "Smith and Acme has").
        return number is Number.SINGULAR and opening > 1 and (
            tokens[opening - 2].text == "," or tokens[opening - 2].is_lowercase_word)
    if not before.is_word:
        if before.text == "." and opening > 1 and tokens[opening - 2].lower in lexicon.person_titles:
            return False  # "aides to Mr. Vance have"
        return before.text not in "'\u2019"
    if word in lexicon.prepositions or word in lexicon.non_finite_triggers \
            or _after_phrase_preposition(tokens, opening, lexicon):
        return False
    if word in lexicon.clause_openers or word in lexicon.clause_breaks or word in lexicon.adverbs \
            or word in lexicon.reporting_verbs:
        return True
    if before.is_capitalised:  # "In London the council has", not "Noggin the Nog was"
        return opening > 1 and tokens[opening - 2].lower in lexicon.prepositions
    return before.text[0].isdigit()


def _noun_phrase_start(tokens: Sequence[Token], head: int, lexicon: Lexicon) -> int:
    """The first token of the noun phrase headed at `head`: its determiner, or its modifiers."""
    determiner = _determiner_before(tokens, head, lexicon)
    if determiner is not None:
        return determiner
    start = head
    while start > 0 and head - start < MAX_MODIFIERS and tokens[start - 1].is_word \
            and _is_modifier(tokens[start - 1], lexicon):
        start -= 1
    return start


def _after_phrase_preposition(tokens: Sequence[Token], first: int, lexicon: Lexicon) -> bool:
    """Whether the words before `first` end with a preposition such as "such as"."""
    for size in (2, 3):
        if first >= size and " ".join(t.lower for t in tokens[first - size:first]) in lexicon.phrase_prepositions:
            return True
    return False


def _possessive_opening(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> Number | None:
    """The number of a possessive ("its", "their") at `index` that opens a noun phrase."""
    if index + 1 >= len(tokens) or tokens[index].quoted or not tokens[index + 1].is_word:
        return None
    word = tokens[index].lower
    if word not in lexicon.possessive_pronouns:
        return None
    return Number.SINGULAR if word in lexicon.singular_pronouns else Number.PLURAL


def _opens_phrase_preposition(tokens: Sequence[Token], first: int, lexicon: Lexicon) -> bool:
    """Whether the words from `first` are a preposition such as "because of" or "as well as"."""
    return any(first + size <= len(tokens)
               and " ".join(t.lower for t in tokens[first:first + size]) in lexicon.phrase_prepositions
               for size in (2, 3))


def _verb_after(tokens: Sequence[Token], mention: Mention, lexicon: Lexicon) -> str:
    index = _skip_adverbs(tokens, mention.head + 1, lexicon)
    return tokens[index].lower if index is not None else ""


def _relative_attaches(tokens: Sequence[Token], mention: Mention, pronoun: Token, lexicon: Lexicon) -> bool:
    """Whether a relative pronoun after the mention refers to it, not to a noun before it.

    After "X of the Taliban," the pronoun may refer to X. "who" cannot refer to X when X
    is not a person ("the grip of the Taliban, who"); "which" and "that" can, so they
    are left alone there.
    """
    first = _possessor_start(tokens, mention.first, lexicon)  # "an adviser to Mrs. Reyes's campaign who"
    if first == 0:
        return True
    before = tokens[first - 1].lower
    if before in lexicon.coordinators:
        return False
    if pronoun.lower in lexicon.person_relatives and _is_appositive(tokens, first, lexicon):
        return False  # "the president of the sport's governing body, Fifa, who": the person may be meant
    if before not in lexicon.prepositions:
        return True
    if pronoun.lower not in lexicon.person_relatives:
        return False
    position = first - 2
    while position >= 0 and tokens[position].lower in lexicon.adverbs:
        position -= 1
    if position < 0:
        return False
    head = tokens[position]
    return head.is_lowercase_word and not _is_person(head.lower, lexicon, agent_endings=True) \
        and head.lower not in lexicon.plural_nouns and head.lower not in lexicon.personal_pronouns \
        and not _person_heads_phrase(tokens, position, lexicon)


def _possessor_start(tokens: Sequence[Token], first: int, lexicon: Lexicon) -> int:
    """Where a phrase led by a name's possessive starts: "Mrs. Dana Reyes's campaign" from "Mrs."."""
    if not tokens[first].lower.endswith(("'s", "s'")):
        return first
    while first > 0 and ((tokens[first - 1].is_capitalised and tokens[first - 1].is_word)
                         or (tokens[first - 1].text == "." and first > 1
                             and tokens[first - 2].lower in lexicon.person_titles)):
        first -= 1
    return first


def _person_heads_phrase(tokens: Sequence[Token], position: int, lexicon: Lexicon) -> bool:
    """Whether a person's noun or title opens the phrase ending at `position`: in "Ann Lee,
    director of rate strategy at Acme Inc., who", "who" is the director."""
    for index in range(position, max(-1, position - MAX_SCOPE_TOKENS), -1):
        token = tokens[index]
        word = token.lower
        if token.text == "," or word in lexicon.verb_numbers or _opens_predicate(token, lexicon):
            return False
        if word in lexicon.person_titles or _is_person(word, lexicon, agent_endings=False):
            return True
        if token.is_capitalised and token.is_word and _looks_plural(word, lexicon):
            return True  # "Democrats close to the campaign, who": a group of people may be meant
    return False


def _is_appositive(tokens: Sequence[Token], first: int, lexicon: Lexicon) -> bool:
    """Whether the phrase at `first` follows a noun and a comma ("the body, Fifa"; "crews at
    Acme, the airline"), so may restate it rather than open a clause."""
    if first < 2 or tokens[first - 1].text != ",":
        return False
    before = tokens[first - 2]
    if not before.is_word or before.text[0].isdigit() or before.lower in lexicon.adverbs \
            or before.lower in lexicon.clause_openers:
        return False
    position = first - 2
    while position >= 0 and tokens[position].is_capitalised and tokens[position].is_word \
            and tokens[position].lower not in lexicon.prepositions:
        position -= 1
    opens_sentence = position >= 0 and tokens[position].lower in lexicon.prepositions \
        and (position == 0 or not tokens[position - 1].is_word)
    return not opens_sentence  # "In New Jersey, Acme Inc., which" opens with a place


def _relative_after(tokens: Sequence[Token], mention: Mention, lexicon: Lexicon) -> int | None:
    """Index of a relative pronoun right after the mention: ", which", ", who", "that".

    Without a comma only after a common noun ("the team that has"): after a name, "that"
    belongs to an earlier noun ("the units that make up Yahoo that are").
    """
    relatives = lexicon.person_relatives | lexicon.thing_relatives
    index = mention.head + 1
    if index < len(tokens) and tokens[index].text == ",":
        index += 1
        if index < len(tokens) and tokens[index].lower in relatives:
            return index
        return None
    if mention.subject.kind is SubjectKind.NOUN and index < len(tokens) and tokens[index].lower in relatives:
        following = _skip_adverbs(tokens, index + 1, lexicon)
        if following is not None and tokens[following].lower in lexicon.verb_numbers:
            return index  # "the team that has", not "told the team that it"
    return None


def _opens_predicate(token: Token, lexicon: Lexicon) -> bool:
    """A verb that shows the word before it is a clause subject, though not its number."""
    word = token.lower
    return token.is_lowercase_word and (
        word in lexicon.modals or word in lexicon.reporting_verbs or word in lexicon.finite_verbs
        or (word.endswith("ed") and len(word) > 4)
    )


def _is_singular_present(token: Token, lexicon: Lexicon) -> bool:
    """A lower-case word ending in -s that is not a known non-plural: after a subject, a verb."""
    return token.is_lowercase_word and not token.quoted and _looks_plural(token.lower, lexicon) \
        and token.lower not in lexicon.quantity_words


def _is_present_verb(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    """An -s verb with its object or infinitive after it ("ends its", "plans to", "leads the",
    "makes most of"):
    it shows the word before it is a clause subject, in the singular. Without an object an -s
    word after a noun may be a plural noun ("the company accounts were")."""
    if index + 1 >= len(tokens) or not _is_singular_present(tokens[index], lexicon):
        return False
    word = tokens[index].lower
    if word in lexicon.plural_nouns or word[:-1].endswith(lexicon.agent_suffixes) or any(
            stem in lexicon.collective_nouns or _is_person(stem, lexicon, agent_endings=True)
            for stem in (word[:-1], word[:-2], word[:-3] + "y")):
        return False  # "warned PC users to": a plural noun for people or groups
    following = tokens[index + 1].lower
    return following in lexicon.determiners or following in lexicon.infinitive_markers \
        or following in lexicon.singular_pronouns or following in lexicon.plural_pronouns \
        or (following in lexicon.partitive_quantifiers and index + 2 < len(tokens)
            and tokens[index + 2].lower == "of")  # "makes most of its money"


def _pronouns(sentence: _Sentence, mention: Mention, start: int, lexicon: Lexicon,
              main_clause: bool) -> Iterator[Use]:
    """Pronouns later in the subject's clause that can only refer back to it.

    A pronoun is skipped once a noun that could be its antecedent has been passed. In a
    main clause, a plural noun anywhere earlier in the sentence also rules out "their"
    ("as the authorities investigate, the IMF has called for their findings"); a
    relative clause is about the noun it hangs on.
    """
    tokens = sentence.tokens
    owners = [index for index in range(max(0, mention.first - MAX_SCOPE_TOKENS), start - 1)  # not the verb at start - 1
              if not mention.first <= index <= mention.head and _may_be_plural_antecedent(tokens, index, lexicon)
              and (index > mention.head or _may_own_from_before(tokens, index, lexicon))] if main_clause else []
    if owners and all(_reports_on_subject(tokens, index, mention, lexicon) for index in owners):
        # "high prices meant the cartel was unlikely to stick to their plan": things whose reporting verb
        # takes the subject's clause own nothing in it, so "their" counts, provisionally (`Use.provisional`).
        for use in _clause_pronouns(sentence, mention, start, lexicon, main_clause, False):
            yield dataclasses.replace(use, provisional=True) if use.number is Number.PLURAL else use
        return
    yield from _clause_pronouns(sentence, mention, start, lexicon, main_clause, bool(owners))


def _reports_on_subject(tokens: Sequence[Token], index: int, mention: Mention, lexicon: Lexicon) -> bool:
    """Whether the plural at `index` is a thing (not people, a group or a name) whose reporting verb
    takes the subject's clause: "prices meant (that) the cartel was", "figures show the firm has"."""
    if tokens[index].is_capitalised or _may_be_plural_speaker(tokens, index, lexicon):
        return False
    verb_at = _skip_adverbs(tokens, index + 1, lexicon)
    if verb_at is None or tokens[verb_at].lower not in lexicon.reporting_verbs:
        return False
    opening = verb_at + 1
    if opening < mention.first and tokens[opening].lower in lexicon.thing_relatives:
        opening += 1
    return opening == mention.first


def _clause_pronouns(sentence: _Sentence, mention: Mention, start: int, lexicon: Lexicon, main_clause: bool,
                     plural_before: bool) -> Iterator[Use]:
    """`_pronouns` once the plurals before the subject are read: `plural_before` rules "their" out."""
    tokens = sentence.tokens
    blocked = {Number.SINGULAR: False, Number.PLURAL: plural_before}
    stop = min(len(tokens), start + MAX_SCOPE_TOKENS)
    own_subject = False  # a subject of another clause has been passed ("said sales fell and are")
    resume = start  # past the subject's own "it" and its verb ("as it nears")
    for index in range(start, stop):
        if index < resume:
            continue
        token = tokens[index]
        previous = tokens[index - 1]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.quoted:
            return
        if not token.is_word:
            if token.text == ":" and main_clause and not own_subject:
                opening = _possessive_opening(tokens, index + 1, lexicon)
                ruled_out = blocked[Number.SINGULAR] if opening is Number.SINGULAR \
                    else plural_before or _plural_owner_between(tokens, start, index, lexicon)
                if opening is not None and not ruled_out:
                    # "The party has taken steps: its board will vote": a colon that opens with a
                    # possessive goes on about the subject; only people or groups passed may own
                    # a "their" there, as after a participle ("steps: their board" is the party's).
                    pronoun = tokens[index + 1]
                    yield _use(sentence, mention.subject, opening, False, pronoun, _example(sentence, index + 1, index + 1))
                return
            if token.text in _CLAUSE_PUNCTUATION:
                return
            if main_clause and not own_subject and token.text == "," and _opens_participle_clause(tokens, index + 1, lexicon):
                # "McDonalds has taken steps to improve its image, revamping their menu": the
                # participle's subject is the subject, so only people or groups passed rule out "their".
                resume = index + 2
                blocked[Number.SINGULAR] = False
                blocked[Number.PLURAL] = plural_before or _plural_owner_between(tokens, start, index, lexicon)
            continue
        word = token.lower
        if word in lexicon.adverbs and (previous.lower in lexicon.verb_numbers or previous.lower in lexicon.modals):
            continue  # "has since reorganised": an adverb, not a conjunction
        if word in lexicon.question_openers and not own_subject and not blocked[Number.PLURAL]:
            question = _question_they(sentence, mention, start, index, lexicon)
            if question is not None:
                yield question
                return
        if word in lexicon.contrast_coordinators and main_clause and not own_subject and mention.first == 0:
            verb_at = _skip_adverbs(tokens, index + 1, lexicon)
            if verb_at is not None and _is_number_marked(tokens[verb_at], lexicon):
                # "is exploring the idea but have not committed": a second verb with no subject of
                # its own after "but" is the subject's, as after "and", when the subject opens the
                # sentence ("Rates rose - as the bank sought ... - but have" is the rates')
                verb = tokens[verb_at]
                example = _example(sentence, mention.first, mention.head) + " ... " + _example(sentence, index, verb_at)
                yield _use(sentence, mention.subject, _number(verb, lexicon), True, verb, example)
                return
        if word in lexicon.clause_breaks:
            if word in lexicon.thing_relatives and _reporting_verb_before(tokens, index, lexicon) >= 0:
                continue  # "said that", "said on Monday that": the reported clause keeps the subject
            if _opens_phrase_preposition(tokens, index, lexicon):
                continue  # "because of its record": a preposition, not a new clause
            if word in lexicon.number_prepositions and _is_figure(tokens, index + 1):
                continue  # "more than $21 million", "since 2010": a figure, not a new clause
            opener = _after_clause_breaks(tokens, index + 1, lexicon)  # "as if their role"
            opening = _possessive_opening(tokens, opener, lexicon)
            if opening is not None and not blocked[opening]:
                # "The club is selling its ground as their debts mount": the new clause opens with
                # the subject's own possessive when nothing else has been named since.
                pronoun = tokens[opener]
                yield _use(sentence, mention.subject, opening, False, pronoun, _example(sentence, opener, opener))
                return
            opening = _subject_pronoun_opening(tokens, opener, lexicon)
            if opening is None or blocked[opening] or own_subject:
                return
            # "The FBI is making arrangements as it nears the end of its inquiry": the new clause's
            # subject is the subject's own pronoun, so the clause stays the subject's.
            pronoun = tokens[opener]
            yield _use(sentence, mention.subject, opening, False, pronoun, _example(sentence, opener, opener))
            resume = opener + 2
            # The new clause is the subject's again: a plural passed in the clause before only rules
            # "their" out when it names people or groups ("as it nears the end of their inquiry").
            blocked[Number.SINGULAR] = False
            blocked[Number.PLURAL] = plural_before or _plural_owner_between(tokens, start, opener, lexicon)
            continue
        if word in lexicon.coordinators:
            verb_at = _skip_adverbs(tokens, index + 1, lexicon)
            if main_clause and not own_subject and verb_at is not None and _is_number_marked(tokens[verb_at], lexicon) \
                    and (previous.text == "," or (mention.first == 0 and index - 1 > mention.head
                                                  and previous.is_word and not previous.is_capitalised)):
                # "The car maker has diversified into services, and is extending ...", "Acme runs
                # a mill and says ...": a second verb with no subject of its own is the subject's
                # ("... and believe me" is not). Without the comma only after a subject that opens
                # the sentence ("I claim Acme is ... and believe", "fear that Acme has ... and warn"
                # go back to the first subject), and not after a name ("Acme and Zenko are").
                verb = tokens[verb_at]
                example = _example(sentence, mention.first, mention.head) + " ... " + _example(sentence, index, verb_at)
                yield _use(sentence, mention.subject, _number(verb, lexicon), True, verb, example)
                continue
            if following is None or _starts_new_phrase(following, lexicon):
                return
            continue
        number = _pronoun_number(tokens, index, lexicon)
        if number is not None:
            if not blocked[number] and not _refers_back_further(sentence, index, number, lexicon):
                yield _use(sentence, mention.subject, number, False, token, _example(sentence, index, index))
            continue
        if word in lexicon.personal_pronouns and word in lexicon.determiners and following is not None \
                and following.is_lowercase_word and previous.lower not in lexicon.reporting_verbs:
            continue  # "has touted his endorsement on their page": a person's possessive names no "it" or "they"
        name_end = None if previous.lower in lexicon.reporting_verbs \
            else _person_name_end(tokens, index, sentence.mention_tokens, lexicon)
        if name_end is not None:
            # "to interview Dana Lee as it nears the end of their inquiry": a person named as an
            # object is never "it", so the clause may resume with the subject's "it"; a person may
            # be "they" ("questioned Dana Lee about their role"), and a person who is a new clause's
            # subject ("Dana Lee said ...") starts a clause of their own.
            blocked[Number.PLURAL] = True
            after = tokens[name_end + 1] if name_end + 1 < len(tokens) else None
            if after is not None and (_is_number_marked(after, lexicon) or _opens_predicate(after, lexicon)):
                blocked[Number.SINGULAR] = own_subject = True
            resume = name_end + 1
            continue
        if index not in sentence.mention_tokens and _is_name_modifier(tokens, index, lexicon):
            # "an HIV prevalence", "a US market": a name modifying a noun names no one to own "their".
            if previous.lower in lexicon.singular_determiners:
                blocked[Number.SINGULAR] = True
            continue
        if word in lexicon.singular_subject_pronouns or word in lexicon.plural_subject_pronouns \
                or word in lexicon.personal_pronouns or index in sentence.mention_tokens \
                or (token.is_capitalised and word not in lexicon.clause_openers
                    and previous.lower not in lexicon.possessive_pronouns) \
                or _opens_reported_clause(tokens, index, lexicon):
            blocked[Number.SINGULAR] = blocked[Number.PLURAL] = own_subject = True
        elif _may_be_plural_antecedent(tokens, index, lexicon) and not _heads_their_of_phrase(tokens, index, lexicon):
            blocked[Number.PLURAL] = True
        elif previous.lower in lexicon.singular_determiners and token.is_lowercase_word:
            blocked[Number.SINGULAR] = True


MAX_PERSON_NAME_WORDS = 3


def _person_name_end(tokens: Sequence[Token], index: int, mention_tokens: frozenset[int], lexicon: Lexicon) -> int | None:
    """The last word of a person's name starting at `index` within a sentence: two or three
    capitalised words after a lower-case word or a comma ("interview Dana Lee"), none shaped
    like a plural, an organisation's name or a day ("the Lees", "Acme Holdings", "NASA")."""
    if index < 1 or index in mention_tokens or not tokens[index].is_capitalised or not tokens[index].is_word:
        return None
    before = tokens[index - 1]
    if not (before.is_lowercase_word or before.text == ",") or before.lower in lexicon.determiners:
        return None
    end = index
    while end + 1 < len(tokens) and tokens[end + 1].is_capitalised and tokens[end + 1].is_word \
            and end + 1 - index < MAX_PERSON_NAME_WORDS:
        end += 1
    if end == index or (end + 1 < len(tokens) and tokens[end + 1].is_capitalised and tokens[end + 1].is_word):
        return None
    for position in range(index, end + 1):
        token = tokens[position]
        word = token.lower
        if position in mention_tokens or token.quoted or _looks_plural(word, lexicon) \
                or word in lexicon.organisation_suffixes or word in lexicon.collective_nouns \
                or word in lexicon.clause_openers or word in lexicon.not_names or word in lexicon.prepositions \
                or _is_organisation_shaped(token.text, lexicon) or not token.text[1:].islower():
            return None
    return end


def _is_name_modifier(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    """A capitalised word between a determiner and a lower-case noun ("an HIV prevalence")."""
    token = tokens[index]
    if not token.is_capitalised or not token.is_word or index < 1 or index + 1 >= len(tokens) \
            or tokens[index - 1].lower not in lexicon.determiners or tokens[index - 1].lower in lexicon.thing_relatives:
        return False
    noun = tokens[index + 1]
    word = noun.lower
    return noun.is_lowercase_word and not noun.quoted and not _opens_predicate(noun, lexicon) \
        and word not in lexicon.verb_numbers and word not in lexicon.prepositions \
        and word not in lexicon.coordinators and word not in lexicon.clause_breaks and word not in lexicon.adverbs \
        and word not in lexicon.person_relatives and _pronoun_like(word, lexicon) is False


def _pronoun_like(word: str, lexicon: Lexicon) -> bool:
    return word in lexicon.singular_pronouns or word in lexicon.plural_pronouns \
        or word in lexicon.singular_subject_pronouns or word in lexicon.plural_subject_pronouns \
        or word in lexicon.personal_pronouns


def _opens_participle_clause(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    """An -ing verb after a comma, then a possessive or determiner ("..., revamping their menu")."""
    if index + 1 >= len(tokens):
        return False
    verb, following = tokens[index], tokens[index + 1]
    return verb.is_lowercase_word and verb.lower.endswith("ing") and len(verb.lower) > 5 and not verb.quoted \
        and verb.lower not in lexicon.prepositions and following.lower in lexicon.determiners


def _after_clause_breaks(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> int:
    """The first position from `index` past a run of clause-break words ("as if", "so that")."""
    while index < len(tokens) - 1 and tokens[index].lower in lexicon.clause_breaks and not tokens[index].quoted:
        index += 1
    return index


def _is_figure(tokens: Sequence[Token], index: int) -> bool:
    """A number or an amount at `index` ("2010", "$21", "40%")."""
    if index >= len(tokens) or not tokens[index].text:
        return False
    text = tokens[index].text
    if text[0] in "$\u00a3\u20ac" and index + 1 < len(tokens):
        text = tokens[index + 1].text
    return text[0].isdigit()


def _subject_pronoun_opening(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> Number | None:
    """Singular when an "it" at `index` opens a clause as its subject, followed by its verb
    ("as it nears", "because it has"); None for an empty "it" ("when it comes to") and for
    "they", which after a collective subject often means its members ("the delegation is
    courted because they are free agents"), not the body."""
    if index + 1 >= len(tokens) or tokens[index].quoted or tokens[index].lower not in lexicon.singular_subject_pronouns:
        return None
    following = tokens[index + 1]
    verb_like = following.is_lowercase_word and (
        following.lower in lexicon.verb_numbers or following.lower in lexicon.modals
        or following.lower in lexicon.finite_verbs or following.lower in lexicon.adverbs
        or _is_present_verb(tokens, index + 1, lexicon) or following.lower.endswith("ed"))
    if not verb_like or _is_empty_it(tokens, index, lexicon):
        return None
    return Number.SINGULAR


def _opens_reported_clause(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    """A word after "said" or "said that": the reported clause has a subject of its own
    ("the party argues the pair should give up their seats")."""
    word = tokens[index].lower
    if word in lexicon.infinitive_markers or word in lexicon.prepositions or word in lexicon.adverbs:
        return False  # "was said to be", "said on Monday"
    if _relative_time_end(tokens, index, lexicon) is not None:
        return False  # "said last year", "said two weeks ago"
    verb_at = index - 1
    if verb_at > 0 and tokens[verb_at].lower in lexicon.thing_relatives:
        verb_at -= 1
    return verb_at >= 0 and tokens[verb_at].lower in lexicon.reporting_verbs


def _refers_back_further(sentence: _Sentence, index: int, number: Number, lexicon: Lexicon) -> bool:
    """Whether a subject "they" may refer to a plural in the sentence before.

    "The ministry says they were freed": "they" is often the people just written about.
    "it" after a reporting verb almost always is the subject itself ("the firm said it").
    """
    if number is not Number.PLURAL or sentence.tokens[index].lower not in lexicon.plural_subject_pronouns:
        return False
    previous = sentence.previous()
    return any(_may_be_plural_speaker(previous, position, lexicon)
               for position in range(max(0, len(previous) - 2 * MAX_SCOPE_TOKENS), len(previous)))


def _may_be_plural_speaker(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    """A plural that could be the "they" of "they said" or "the firm said they would": people or
    groups ("workers", "the unions", "police"), a plural pronoun, or names that may be several
    ("the Democrats", "Acme and Zenko"); not things ("profits", "shares", "acts")."""
    token = tokens[index]
    word = token.lower
    if (word in lexicon.coordinators or word in lexicon.distributive_determiners) \
            and index + 1 < len(tokens) and tokens[index + 1].lower == "of":
        return False  # "both of the golf courses": the noun after "of" says who or what is meant
    if word in lexicon.plural_nouns or word in lexicon.plural_pronouns or word in lexicon.plural_subject_pronouns \
            or word in lexicon.person_nouns:
        return True
    if token.is_capitalised and token.is_word:
        if _singular_verb_after(tokens, index, lexicon):
            return False  # "WMC Resources has seen": the verb shows the name is one body
        beside = [tokens[i].lower for i in (index - 1, index + 1) if 0 <= i < len(tokens)]
        return _looks_plural(word, lexicon) or any(other in lexicon.coordinators for other in beside)
    if not _looks_plural(word, lexicon):
        return False
    return any(stem in lexicon.collective_nouns or stem in lexicon.person_nouns
               or _is_person(stem, lexicon, agent_endings=True) for stem in (word[:-1], word[:-2], word[:-3] + "y"))


def _pronoun_number(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> Number | None:
    word = tokens[index].lower
    if word in lexicon.singular_pronouns:
        return Number.SINGULAR
    if word in lexicon.plural_pronouns:
        return Number.PLURAL
    subject_singular = word in lexicon.singular_subject_pronouns
    if not subject_singular and word not in lexicon.plural_subject_pronouns:
        return None
    verb_at = _time_phrase_start(tokens, index, lexicon) - 1  # "said last year it", "said that in 2012 they"
    if verb_at > 0 and tokens[verb_at].lower in lexicon.thing_relatives:
        verb_at = _reporting_verb_before(tokens, verb_at, lexicon)  # "said that it", "said on Monday that it"
    if verb_at < 1 or tokens[verb_at].lower not in lexicon.reporting_verbs \
            or tokens[verb_at - 1].lower in lexicon.determiners:
        return None  # not after a reporting verb, or after a noun: "their fears it"
    if subject_singular and _is_empty_it(tokens, index, lexicon):
        return None
    return Number.SINGULAR if subject_singular else Number.PLURAL


def _time_phrase_start(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> int:
    """Where a time phrase that ends just before `index` starts ("in 2012", "last year", "on
    Monday"), or `index` when none does."""
    for start in range(max(0, index - 5), index):
        end = _named_time_end(tokens, start, lexicon)
        if end is None:
            end = _relative_time_end(tokens, start, lexicon)
        if end == index - 1:
            return start
    return index


def _reporting_verb_before(tokens: Sequence[Token], that: int, lexicon: Lexicon) -> int:
    """The reporting verb whose clause the "that" at `that` opens, straight before it or before a
    short phrase of time or place ("said that", "said on Monday that", "said in a statement
    that"); else -1."""
    for verb_at in range(that - 1, max(-1, that - 2 - MAX_ADVERBIAL_TOKENS), -1):
        if tokens[verb_at].lower in lexicon.reporting_verbs:
            if verb_at == that - 1:
                return verb_at
            opener = tokens[verb_at + 1].lower
            phrase = tokens[verb_at + 1:that]
            if (opener in lexicon.prepositions or opener in lexicon.clause_openers) and all(
                    token.is_word and not token.quoted and token.lower not in lexicon.verb_numbers
                    and token.lower not in lexicon.modals and token.lower not in lexicon.clause_breaks
                    for token in phrase):
                return verb_at
            break
    return -1


def _is_empty_it(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    """ "it was too early", "it would be wrong", "it emerged": an "it" that stands for no subject."""
    following = [t.lower for t in tokens[index + 1:index + 3]]
    if not following:
        return True
    if following[0] in lexicon.expletive_followers:
        return not _is_progressive(following, lexicon) and not _is_subject_state(following, lexicon)
    return (following[0] in lexicon.modals or following[0] in lexicon.non_finite_triggers) \
        and len(following) > 1 and following[1] in lexicon.expletive_followers


def _is_subject_state(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "is pleased", "was unable": a form of "be" and a state only someone is in."""
    return len(words) > 1 and words[0] in lexicon.verb_numbers and words[1] in lexicon.subject_states


def _is_progressive(words: Sequence[str], lexicon: Lexicon) -> bool:
    """ "is planning", "was considering": a form of "be" and an -ing verb, whose subject is someone."""
    return len(words) > 1 and words[0] in lexicon.verb_numbers and words[1].endswith("ing") and len(words[1]) > 5 \
        and words[1] not in lexicon.expletive_progressives


def _plural_owner_between(tokens: Sequence[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether a word in tokens[start:end] may be a plural that owns a later "their" (people
    or groups named), which rules "their" out as the subject's."""
    return any(_may_be_plural_antecedent(tokens, position, lexicon) and _may_own_from_before(tokens, position, lexicon)
               for position in range(start, end))


def _may_be_plural_antecedent(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    """A plural noun or pronoun, or a person a singular "their" may stand for ("each voter")."""
    token = tokens[index]
    word = token.lower
    if word in lexicon.plural_nouns or word in lexicon.plural_pronouns or word in lexicon.plural_subject_pronouns:
        return True
    previous = tokens[index - 1].lower if index > 0 else ""
    if word in lexicon.person_nouns or (previous in lexicon.determiners and _is_person(
            word, lexicon, agent_endings=previous in lexicon.distributive_determiners)):
        return not _names_a_person_after(tokens, index)
    if not _looks_plural(word, lexicon):
        return False
    if token.is_capitalised and _singular_verb_after(tokens, index, lexicon):
        return False  # "Continental Airlines has cut": one body, whatever its last word
    following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    verb_position = previous in lexicon.coordinators or previous in lexicon.adverbs \
        or previous in lexicon.person_relatives or previous in lexicon.thing_relatives
    verb_context = following in lexicon.infinitive_markers or following in lexicon.determiners
    return not (verb_position and verb_context)  # "and continues to press", "who takes the"


def _heads_their_of_phrase(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    """A plural noun straight before "of their" ("the designs of their website"): a noun does not
    own the phrase that modifies it, so the "their" is someone else's."""
    return index + 2 < len(tokens) and tokens[index + 1].lower == "of" \
        and tokens[index + 2].lower in lexicon.plural_pronouns


def _names_a_person_after(tokens: Sequence[Token], index: int) -> bool:
    """Whether a noun for a person at `index` is followed by that person's name ("candidate Dana
    Reyes", "spokesman Todd Lee"): a named person is "he" or "she", not the "they" of "each voter"."""
    return index + 1 < len(tokens) and tokens[index + 1].is_capitalised and tokens[index + 1].is_word \
        and not tokens[index + 1].quoted


def _singular_verb_after(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    """Whether a singular number-marked verb follows the word at `index` ("Airlines has")."""
    following = _skip_adverbs(tokens, index + 1, lexicon)
    return following is not None and _is_number_marked(tokens[following], lexicon) \
        and lexicon.verb_numbers[tokens[following].lower]


def _may_own_from_before(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> bool:
    """Whether a plural written before the subject may still be what a later "their" means.

    People and groups may ("as the authorities investigate, the fund has called for their
    findings"), and so may the subject of an earlier clause ("the cars were recalled, and
    the firm has replaced their brakes"). Other plurals in an earlier clause or phrase do
    not take the pronoun from the subject ("it needs 300 homes, and the council has
    invited their bids"; "seven years before the agency launches their probe").
    """
    token = tokens[index]
    word = token.lower
    if token.is_capitalised or not _looks_plural(word, lexicon) or word in lexicon.plural_nouns:
        return True
    for stem in (word[:-1], word[:-2], word[:-3] + "y"):
        if stem in lexicon.collective_nouns or _is_person(stem, lexicon, agent_endings=True):
            return True
    if index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    return following.lower in lexicon.verb_numbers or following.lower in lexicon.modals \
        or _opens_predicate(following, lexicon)


def _looks_plural(word: str, lexicon: Lexicon) -> bool:
    if len(word) < 3 or not word.endswith("s") or word.endswith(("ss", "us", "is", "'s")):
        return False
    if word in lexicon.not_plurals or word in lexicon.verb_numbers or word in lexicon.reporting_verbs \
            or word in lexicon.adverbs:  # "nowadays", "sometimes"
        return False
    return word.rsplit("-", 1)[-1] not in lexicon.quantity_words


def _is_person(word: str, lexicon: Lexicon, agent_endings: bool) -> bool:
    """A noun for a person, by the lexicon or by its ending ("novelist"); with
    `agent_endings`, also "-er", "-or" and the like ("buyer", but also "winter")."""
    if word in lexicon.person_nouns:
        return True
    if len(word) <= 4 or word.endswith(lexicon.not_person_suffixes) or word in lexicon.not_person_nouns:
        return False
    return word.endswith(lexicon.person_suffixes) or (agent_endings and word.endswith(lexicon.agent_suffixes))


def _starts_new_phrase(token: Token, lexicon: Lexicon) -> bool:
    """After "and": a new noun phrase or clause, not a second verb of the same subject."""
    word = token.lower
    if word in lexicon.singular_pronouns or word in lexicon.plural_pronouns:
        return False
    return (word in lexicon.determiners or word in lexicon.personal_pronouns
            or word in lexicon.singular_subject_pronouns or word in lexicon.plural_subject_pronouns
            or token.is_capitalised or not token.is_word or token.text[0].isdigit())


# --- Helpers ------------------------------------------------------------------------------

def _skip_adverbs(tokens: Sequence[Token], index: int, lexicon: Lexicon) -> int | None:
    skipped = 0
    while index < len(tokens) and _is_adverb(tokens[index], lexicon) and skipped < MAX_ADVERBS:
        index += 1
        skipped += 1
    return index if index < len(tokens) else None


def _is_adverb(token: Token, lexicon: Lexicon) -> bool:
    """A listed adverb, or a lower-case word in -ly that is not a listed noun or adjective in -ly
    ("belatedly", "unanimously"; not "family", "likely", nor a short word such as "early")."""
    word = token.lower
    return word in lexicon.adverbs or (
        len(word) > 5 and word.endswith("ly") and token.is_lowercase_word and not token.quoted
        and word not in lexicon.not_adverbs)


def _is_number_marked(token: Token, lexicon: Lexicon) -> bool:
    return token.lower in lexicon.verb_numbers and token.is_lowercase_word and not token.quoted


def _number(token: Token, lexicon: Lexicon) -> Number:
    return Number.SINGULAR if lexicon.verb_numbers[token.lower] else Number.PLURAL


def _use(sentence: _Sentence, subject: Subject, number: Number, is_verb: bool, token: Token,
         example: str) -> Use:
    return Use(subject, number, is_verb, sentence.block, token.start, token.end, token.text, example)


def _example(sentence: _Sentence, first: int, last: int) -> str:
    """Block text from token `first` through token `last` and the word after it."""
    tokens = sentence.tokens
    end = tokens[last].end
    if last + 1 < len(tokens) and tokens[last + 1].is_word:
        end = tokens[last + 1].end
    return sentence.block.text[tokens[first].start:end]
