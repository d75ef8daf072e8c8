"""newslint: a plugin-based linter for news articles.

What a plugin needs, importable from here: the hook marker, the document model a rule
reads, the result types it returns and the helpers that build them. Everything else is
internal and may change between releases.
"""

from newslint.document import Block, BlockKind, Document, SourceMap
from newslint.hookspecs import hookimpl
from newslint.model import (
    DeclaredRule,
    Edit,
    Example,
    Finding,
    Fix,
    Rule,
    RuleDoc,
    RuleSpec,
    Severity,
    finding_at,
    remove_block_fix,
    rule_identity,
    whole_block_finding,
)
from newslint.options import OptionError, Options
from newslint.version import __version__

__all__ = [
    "Block",
    "BlockKind",
    "DeclaredRule",
    "Document",
    "Edit",
    "Example",
    "Finding",
    "Fix",
    "OptionError",
    "Options",
    "Rule",
    "RuleDoc",
    "RuleSpec",
    "Severity",
    "SourceMap",
    "__version__",
    "finding_at",
    "hookimpl",
    "remove_block_fix",
    "rule_identity",
    "whole_block_finding",
]
