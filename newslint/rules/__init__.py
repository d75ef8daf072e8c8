"""The built-in rules, one package a family, each an ordinary plugin (see `newslint.plugins`).

Each family package holds its rule files (``NLnxx-*.toml``, its rule pack), the Python of
its kinds, its word lists (``lexicons/``) and registers them through the same hooks a
third-party plugin implements: `engine` (NL0xx), `artifacts` (NL1xx), `duplication`
(NL2xx), `agreement` (NL3xx), `attribution` (NL4xx). The repository's top-level ``rules``
is a link to this folder, where editors find the built-in rule pack.
"""

from pathlib import Path

BUILTIN_RULES = Path(__file__).parent
