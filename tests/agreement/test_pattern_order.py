"""Patterns built from the agreement word lists are the same in every process: the pattern
store finds a compiled pattern by its text, so one whose text followed set order (which
changes with the string hash seed) would be compiled afresh by every run."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# A collective noun outside ASCII sends the organisation-"who" search down its regular
# expression path, which spells every noun, name and suffix into one pattern.
PRINT_PATTERNS = """
from newslint.lexicons import builtin_lexicon_path, read_lexicon_file
from newslint.rules.agreement.lexicon import merge_lexicons, validate_lexicon
shipped = read_lexicon_file(builtin_lexicon_path("lexicons/agreement.toml"), validate_lexicon)
extra = {"collective_nouns": ["comit\\u00e9"], "organisation_suffixes": ["s.\\u00e0 r.l"]}
lexicon = merge_lexicons([shipped, extra] if %(extended)s else [shipped])
who = lexicon.organisation_person_relatives
print(getattr(who, "pattern", None) or who.its.pattern)
print(lexicon.bare_name_candidates.pattern)
"""


def patterns_under(seed: int, *, extended: bool) -> str:
    env = dict(os.environ, PYTHONHASHSEED=str(seed), NEWSLINT_PATTERN_STORE="off")
    done = subprocess.run([sys.executable, "-c", PRINT_PATTERNS % {"extended": extended}], env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout


@pytest.mark.parametrize("extended", [False, True])
def test_the_agreement_patterns_do_not_depend_on_the_hash_seed(extended: bool) -> None:
    first = patterns_under(1, extended=extended)
    assert first.count("\n") == 2
    assert all(patterns_under(seed, extended=extended) == first for seed in (2, 3, 4))


def test_the_extended_lexicon_takes_the_pattern_path() -> None:
    assert "comit" in patterns_under(1, extended=True).splitlines()[0]
