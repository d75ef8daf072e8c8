"""Every documented example of every rule runs: `bad` ones are flagged, `good` ones are not."""

from __future__ import annotations

import pytest

from newslint.engine import check_document
from newslint.plugins import plugin_manager
from newslint.registry import build_registry

_registry = build_registry(plugin_manager(load_entry_points=False))
CASES = [
    pytest.param(rule, example, id=f"{rule.code}-{'bad' if example.flagged else 'good'}-{index}")
    for rule in _registry.rules
    for index, example in enumerate(rule.doc.examples)
]


def test_every_rule_documents_both_sides() -> None:
    for rule in _registry.rules:
        assert rule.doc.summary, rule.code
        assert any(e.flagged for e in rule.doc.examples), f"{rule.code} has no bad example"
        assert any(not e.flagged for e in rule.doc.examples), f"{rule.code} has no good example"


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_example(rule, example) -> None:
    reader = _registry.reader_named(example.format)
    assert reader is not None, example.format
    document = reader.read(f"example{reader.extensions[0]}", example.text)
    findings = [f for f in check_document(document, [rule]) if f.code == rule.code]
    if example.flagged:
        assert findings, f"{rule.code} should flag:\n{example.text}"
    else:
        assert not findings, f"{rule.code} should leave alone:\n{example.text}\nbut said {findings}"
