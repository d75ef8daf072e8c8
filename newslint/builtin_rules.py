"""The built-in rule pack, shipped as data inside the wheel (see pyproject.toml)."""

from __future__ import annotations

from pathlib import Path

from newslint.plugins import hookimpl

_PACKAGED = Path(__file__).parent / "_rules"
_CHECKOUT = Path(__file__).parent.parent / "rules"


def builtin_rule_pack() -> Path:
    """`newslint/_rules` in an installed wheel; the repository's `rules/` in a checkout."""
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


@hookimpl
def newslint_rule_packs() -> list[Path]:
    return [builtin_rule_pack()]
