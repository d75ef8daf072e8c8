"""``--statistics``: how many findings each rule produced, like ruff's."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newslint.engine import Located


@dataclass(frozen=True, slots=True)
class RuleCount:
    code: str
    name: str
    count: int
    fixable: int  # how many of them --fix would fix


def count_by_rule(findings: Sequence[Located]) -> list[RuleCount]:
    """One row per code, most frequent first (ties by code)."""
    counts = Counter(item.code for item in findings)
    fixable = Counter(item.code for item in findings if item.finding.fix is not None)
    names = {item.code: item.finding.rule for item in findings}
    return [RuleCount(code, names[code], counts[code], fixable[code])
            for code in sorted(counts, key=lambda code: (-counts[code], code))]


def render_statistics(rows: Sequence[RuleCount], as_json: bool = False) -> str:
    if as_json:
        return json.dumps([{"code": r.code, "name": r.name, "count": r.count, "fixable": r.fixable}
                           for r in rows], indent=2) + "\n"
    if not rows:
        return ""
    width = max(len(str(row.count)) for row in rows)
    code_width = max(len(row.code) for row in rows)
    any_fixable = any(row.fixable for row in rows)
    lines = []
    for row in rows:
        marker = ("[*] " if row.fixable else "[ ] ") if any_fixable else ""
        lines.append(f"{row.count:>{width}}\t{row.code:<{code_width}}\t{marker}{row.name}")
    return "\n".join(lines) + "\n"
