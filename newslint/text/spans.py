"""Character spans of a text: merging overlapping ones."""

from __future__ import annotations

from collections.abc import Iterable

Span = tuple[int, int]


def merged_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """`spans` sorted, with overlapping and touching ones joined into one."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)
