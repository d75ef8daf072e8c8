"""SARIF 2.1.0 output, validated against the official schema in ../shared/schemas."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newslint.engine import ENGINE_CODE, FileResult, Located
from newslint.formats import Report
from newslint.formats.sarif import RULE_DOCS_URL, artifact_uri, sarif_log
from newslint.model import Edit, Finding, Fix, Severity

from conftest import SHARED, needs_shared, run_cli

SCHEMA_PATH = SHARED / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    if not SCHEMA_PATH.is_file():
        pytest.skip("../shared/schemas is not beside the checkout")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def _validate(validator: jsonschema.Draft4Validator, log: dict) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def _report(registry) -> Report:
    fix = Fix("remove 'Loading...'", (Edit(20, 32, ""),))
    loading = Finding("NL101", "loading-placeholder", Severity.ERROR, "Widget placeholder", 20, 30, None, fix)
    pointer = Finding("NL401", "unattributed-estimate", Severity.WARNING, "no source", 5, 15, "/body/2", None)
    crash = Finding(ENGINE_CODE, "rule-crashed", Severity.ERROR, "rule NL999 crashed", 0, 0)
    results = (
        FileResult("news/a b.txt", (Located("news/a b.txt", loading, 3, 1, 3, 11),)),
        FileResult("b.json", (Located("b.json", pointer, 1, 6, 1, 16), Located("b.json", crash, 1, 1, 1, 1))),
        FileResult("gone.html", error="no such file or directory"),
    )
    return Report(results=results, rules=registry.select(select=("NL101", "NL401")))


def test_handmade_report_is_valid_and_complete(registry, validator) -> None:
    log = sarif_log(_report(registry))
    _validate(validator, log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["NL101", "NL401", ENGINE_CODE]
    nl101 = rules[0]
    assert nl101["name"] == "loading-placeholder"
    assert nl101["shortDescription"]["text"] and nl101["fullDescription"]["text"]
    assert nl101["helpUri"] == RULE_DOCS_URL.format(code="NL101")
    first, second, third = run["results"]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "NL101"
    assert rules[third["ruleIndex"]]["id"] == ENGINE_CODE
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 11, "charOffset": 20, "charLength": 10}
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/a%20b.txt"
    (change,) = first["fixes"][0]["artifactChanges"]
    assert change["replacements"] == [{"deletedRegion": {"charOffset": 20, "charLength": 12}}]
    assert second["properties"] == {"jsonPointer": "/body/2"} and "fixes" not in second
    assert second["level"] == "warning"
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "no such file or directory"


def test_artifact_uri() -> None:
    assert artifact_uri("dir/sub/a.txt") == "dir/sub/a.txt"
    assert artifact_uri("100% é.md") == "100%25%20%C3%A9.md"
    assert artifact_uri("/abs/a.txt") == "file:///abs/a.txt"


@needs_shared()
def test_cli_sarif_on_the_seed_validates(tmp_path: Path, validator) -> None:
    copy = tmp_path / "seed.txt"
    copy.write_bytes((SHARED / "seed-article.txt").read_bytes())
    result = run_cli("check", "--no-cache", "--format", "sarif", str(copy))
    assert result.exit_code == 1, result.stderr
    log = json.loads(result.stdout)
    _validate(validator, log)
    results = log["runs"][0]["results"]
    assert results and all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)
    text = copy.read_text(encoding="utf-8")
    for item in results:  # every region's offsets point at what its line/column say
        region = item["locations"][0]["physicalLocation"]["region"]
        line_start = sum(len(line) for line in text.splitlines(keepends=True)[:region["startLine"] - 1])
        assert line_start + region["startColumn"] - 1 == region["charOffset"]
    fixable = [r for r in results if "fixes" in r]
    assert fixable and all(r["ruleId"].startswith(("NL1", "NL2")) for r in fixable)
    for item in fixable:
        (replacement,) = item["fixes"][0]["artifactChanges"][0]["replacements"]
        deleted = replacement["deletedRegion"]
        removed = text[deleted["charOffset"]:deleted["charOffset"] + deleted["charLength"]]
        region = item["locations"][0]["physicalLocation"]["region"]
        flagged = text[region["charOffset"]:region["charOffset"] + region["charLength"]]
        assert flagged in removed and not removed.replace(flagged, "").strip()
