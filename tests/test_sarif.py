"""SARIF 2.1.0 output, validated against the official schema in ../shared/schemas."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import SHARED, needs_shared, run_cli

from newslint.engine import ENGINE_CODE, FileResult, Located
from newslint.formats import FINGERPRINT_KEY, Report
from newslint.formats.sarif import SOURCE_ROOT, artifact_uri, sarif_log
from newslint.model import Edit, Finding, Fix, Severity

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
    assert not any("helpUri" in rule for rule in rules)  # newslint publishes no rule pages to point at
    assert "informationUri" not in run["tool"]["driver"]
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
    fingerprints = [result["partialFingerprints"][FINGERPRINT_KEY] for result in run["results"]]
    assert len(set(fingerprints)) == 3 and all(len(value) == 32 for value in fingerprints)


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


def _crash_free(report: Report) -> Report:
    return Report(results=tuple(FileResult(r.path, tuple(item for item in r.findings if item.code != ENGINE_CODE))
                                for r in report.results if r.error is None), rules=report.rules)


def test_execution_is_unsuccessful_when_a_rule_crashed(registry) -> None:
    report = _report(registry)
    clean = _crash_free(report)
    assert sarif_log(clean)["runs"][0]["invocations"][0]["executionSuccessful"] is True
    crashed = Report(results=(*clean.results, report.results[1]), rules=report.rules)  # NL000, no input error
    assert not crashed.errors
    assert sarif_log(crashed)["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_level_follows_the_severity(registry) -> None:
    items = [Located("a.txt", Finding("NL101", "loading-placeholder", severity, "m", 0, 1), 1, 1, 1, 2)
             for severity in Severity]
    log = sarif_log(Report(results=(FileResult("a.txt", tuple(items)),), rules=registry.select(select=("NL101",))))
    assert [result["level"] for result in log["runs"][0]["results"]] == ["error", "warning", "note"]


ARTICLE = "Harbour reopens\n\nThe harbour reopened on Friday.\n\nLoading...\n\nCranes moved again.\n\nLoading...\n"


def _sarif_results(*args: str) -> list[dict]:
    result = run_cli("check", "--no-cache", "--select", "NL101", "--format", "sarif", *args)
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)["runs"][0]["results"]


def _fingerprints(results: list[dict]) -> list[str]:
    return [item["partialFingerprints"][FINGERPRINT_KEY] for item in results]


def test_fingerprints_are_stable_across_runs_and_moved_lines(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    first = _sarif_results(str(article))
    assert len(first) == 2 and len(set(_fingerprints(first))) == 2  # the same text twice: told apart by order
    assert _fingerprints(_sarif_results(str(article))) == _fingerprints(first)
    article.write_text("Harbour reopens\n\nA new paragraph pushes everything down.\n\n" + ARTICLE.split("\n\n", 1)[1],
                       encoding="utf-8")
    moved = _sarif_results(str(article))
    lines = [item["locations"][0]["physicalLocation"]["region"]["startLine"] for item in (first[0], moved[0])]
    assert lines[1] == lines[0] + 2
    assert _fingerprints(moved) == _fingerprints(first)
    article.write_text(ARTICLE.replace("Loading...", "LOADING…", 1), encoding="utf-8")
    assert _fingerprints(_sarif_results(str(article))) == _fingerprints(first)  # case and NFKC forms are one text
    article.write_text(ARTICLE.replace("Loading...", "Please wait...", 1), encoding="utf-8")
    changed = _fingerprints(_sarif_results(str(article)))
    assert changed[0] not in _fingerprints(first)  # other flagged text: another finding
    assert changed[1] == _fingerprints(first)[0]  # the remaining "Loading..." is now the first of its text


def _tree(root: Path) -> Path:
    (root / "content" / "sport").mkdir(parents=True)
    article = root / "content" / "sport" / "match report.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return article


def test_uris_are_relative_to_the_repository_root_whatever_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, validator) -> None:
    repository = tmp_path / "repo"
    article = _tree(repository)
    (repository / ".git").mkdir()
    runs = []
    for cwd, path in ((repository, "content/sport/match report.txt"), (repository / "content", "sport"),
                      (tmp_path, str(article))):
        monkeypatch.chdir(cwd)
        result = run_cli("check", "--no-cache", "--select", "NL101", "--format", "sarif", path)
        log = json.loads(result.stdout)
        _validate(validator, log)
        runs.append(log["runs"][0])
    for run in runs:
        assert run["originalUriBaseIds"] == {SOURCE_ROOT: {"uri": repository.resolve().as_uri() + "/"}}
        for item in run["results"]:
            location = item["locations"][0]["physicalLocation"]["artifactLocation"]
            assert location == {"uri": "content/sport/match%20report.txt", "uriBaseId": SOURCE_ROOT}
            assert item["fixes"][0]["artifactChanges"][0]["artifactLocation"] == location


def test_without_git_the_config_directory_is_the_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    (tmp_path / "newslint.toml").write_text('select = ["NL1"]\n', encoding="utf-8")
    if any((parent / ".git").exists() for parent in tmp_path.resolve().parents):
        pytest.skip("the temporary directory lies inside a git repository")
    monkeypatch.chdir(tmp_path / "content")
    (item, _) = _sarif_results("sport")
    assert item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "content/sport/match%20report.txt"
