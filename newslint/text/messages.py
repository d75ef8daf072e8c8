"""A rule's message template: ``{name}`` placeholders filled in one pass.

A kind says which placeholders it fills (`require_placeholders`, called when it builds a
rule), so a rule file whose message names another one (a typo such as ``{matched}``)
fails to load with the file, the key and the reason, instead of printing the braces.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from newslint.text.pattern_store import compile_regex

_PLACEHOLDER = compile_regex(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


class MessageError(ValueError):
    """A message template names a placeholder its kind does not fill."""


def placeholders(template: str) -> tuple[str, ...]:
    """The placeholder names in `template`, in order of first use."""
    return tuple(dict.fromkeys(match.group(1) for match in _PLACEHOLDER.finditer(template)))


def require_placeholders(template: str, known: Collection[str]) -> None:
    """Raise `MessageError` if `template` names a placeholder outside `known`."""
    unknown = [name for name in placeholders(template) if name not in known]
    if unknown:
        offered = ", ".join("{" + name + "}" for name in sorted(known)) or "none"
        raise MessageError(f"unknown placeholder {{{unknown[0]}}}; this kind fills {offered}")


def fill(template: str, values: Mapping[str, str]) -> str:
    """`template` with each ``{name}`` in `values` replaced; a value's own braces are kept
    as they are (one pass), and other braces are left alone."""
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), template)
