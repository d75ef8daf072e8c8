"""The content cache: used when nothing that decides findings changed, never otherwise,
and never fatal. A cache hit is proven by planting a marker message in the cache file."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import run_cli

from newslint.cache import CACHE_DIR_NAME, Cache
from newslint.cli import main
from newslint.engine import ENGINE_CODE, Located
from newslint.model import Finding, Severity

ARTICLE = "Headline\n\nFirst paragraph here.\n\nLoading...\n"
MARKER = "served from the cache"
RULE_FILE = """code = "XX101"
name = "house-placeholder"
kind = "pattern"
severity = "error"
message = "{message}"
summary = "Flags TK placeholders."
[options]
patterns = ['\\bTK\\b']
[[examples]]
bad = "Quote TK here."
[[examples]]
good = "Quote here."
"""


def _check(cache: Path, *args: str) -> tuple[int, list[dict]]:
    result = run_cli("check", "--cache-dir", str(cache), "--format", "json", *args)
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)["findings"]


def _cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("v*.json"))


def _plant_marker(cache: Path) -> None:
    """Rewrite every cached finding's message, so a run that prints it read the cache."""
    for file in _cache_files(cache):
        data = json.loads(file.read_text(encoding="utf-8"))
        for entry in data["files"].values():
            for finding in entry["findings"]:
                finding[3] = MARKER
        file.write_text(json.dumps(data), encoding="utf-8")


def _messages(findings: list[dict]) -> list[str]:
    return [finding["message"] for finding in findings]


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE)
    return articles, tmp_path / "cache"


def test_unchanged_file_is_served_from_the_cache(tmp_path: Path) -> None:
    articles, cache = _tree(tmp_path)
    code, first = _check(cache, "--select", "NL101", str(articles))
    assert code == 1 and len(first) == 1 and MARKER not in _messages(first)
    assert len(_cache_files(cache)) == 1 and (cache / ".gitignore").read_text().strip().endswith("*")
    _plant_marker(cache)
    code, second = _check(cache, "--select", "NL101", str(articles))
    assert code == 1 and _messages(second) == [MARKER]
    assert {k: v for k, v in second[0].items() if k != "message"} == {k: v for k, v in first[0].items() if k != "message"}


def test_changed_content_is_checked_again(tmp_path: Path) -> None:
    articles, cache = _tree(tmp_path)
    _check(cache, "--select", "NL101", str(articles))
    _plant_marker(cache)
    (articles / "a.txt").write_text(ARTICLE + "\nLoading...\n")
    _, findings = _check(cache, "--select", "NL101", str(articles))
    assert len(findings) == 2 and MARKER not in _messages(findings)


def test_other_rule_selection_does_not_use_the_cache(tmp_path: Path) -> None:
    articles, cache = _tree(tmp_path)
    _check(cache, "--select", "NL101", str(articles))
    _plant_marker(cache)
    _, findings = _check(cache, "--select", "NL101,NL102", str(articles))
    assert findings and MARKER not in _messages(findings)
    _, unused = _check(cache, "--select", "NL101", "--report-unused-suppressions", str(articles))
    assert unused and MARKER not in _messages(unused)


def test_config_and_rule_pack_changes_do_not_use_the_cache(tmp_path: Path) -> None:
    articles, cache = _tree(tmp_path)
    (articles / "a.txt").write_text(ARTICLE + "\nThe quote is TK.\n")
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "XX101-house-placeholder.toml").write_text(RULE_FILE.format(message="first wording"))
    config = tmp_path / "newslint.toml"
    config.write_text('rule-packs = ["pack"]\nselect = ["NL101", "XX101"]\n')
    _, findings = _check(cache, str(articles))
    assert "first wording" in _messages(findings)
    _plant_marker(cache)
    assert set(_messages(_check(cache, str(articles))[1])) == {MARKER}

    (pack / "XX101-house-placeholder.toml").write_text(RULE_FILE.format(message="second wording"))
    assert "second wording" in _messages(_check(cache, str(articles))[1])
    _plant_marker(cache)
    config.write_text('rule-packs = ["pack"]\nselect = ["NL101", "XX101"]\nseverity = {XX101 = "warning"}\n')
    _, findings = _check(cache, str(articles))
    assert MARKER not in _messages(findings)
    assert {f["code"]: f["severity"] for f in findings}["XX101"] == "warning"


def test_corrupt_cache_file_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    articles, cache = _tree(tmp_path)
    _, expected = _check(cache, "--select", "NL101", str(articles))
    (cache_file,) = _cache_files(cache)
    cache_file.write_bytes(b"\x00{not json at all")
    code, findings = _check(cache, "--select", "NL101", str(articles))
    assert code == 1 and findings == expected
    assert json.loads(cache_file.read_text(encoding="utf-8"))["files"]


def test_corrupt_entry_is_a_miss(tmp_path: Path) -> None:
    articles, cache = _tree(tmp_path)
    _, expected = _check(cache, "--select", "NL101", str(articles))
    (cache_file,) = _cache_files(cache)
    data = json.loads(cache_file.read_text(encoding="utf-8"))
    for entry in data["files"].values():
        entry["findings"] = [["NL101", "x", "not-a-severity", 1, "two", 3]]
    cache_file.write_text(json.dumps(data), encoding="utf-8")
    assert _check(cache, "--select", "NL101", str(articles)) == (1, expected)


def test_unwritable_cache_is_a_warning_not_an_error(tmp_path: Path) -> None:
    articles, _ = _tree(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    result = run_cli("check", "--cache-dir", str(blocker / "cache"), "--select", "NL101", str(articles))
    assert result.exit_code == 1
    assert "newslint: warning: cannot write the cache" in result.stderr
    assert "NL101" in result.stdout


def test_no_cache_and_stdin_write_nothing(tmp_path: Path) -> None:
    articles, cache = _tree(tmp_path)
    run_cli("check", "--no-cache", "--cache-dir", str(cache), "--select", "NL101", str(articles))
    run_cli("check", "--cache-dir", str(cache), "--select", "NL101", "--stdin-filename", "a.txt", input=ARTICLE)
    assert not cache.exists()


def test_fix_is_not_skipped_because_findings_were_cached(tmp_path: Path) -> None:
    articles, cache = _tree(tmp_path)
    _check(cache, "--select", "NL101", str(articles))
    result = run_cli("check", "--cache-dir", str(cache), "--select", "NL101", "--fix", str(articles))
    assert result.exit_code == 0
    assert (articles / "a.txt").read_text() == "Headline\n\nFirst paragraph here.\n"
    assert _check(cache, "--select", "NL101", str(articles)) == (0, [])


def test_default_location_is_beside_the_config(tmp_path: Path) -> None:
    articles, _ = _tree(tmp_path)
    (tmp_path / "newslint.toml").write_text('select = ["NL101"]\n')
    runner = CliRunner(env={"NEWSLINT_CACHE_DIR": None, "NEWSLINT_NO_CACHE": None})
    result = runner.invoke(main, ["check", str(articles)], catch_exceptions=False)
    assert result.exit_code == 1
    assert _cache_files(tmp_path / CACHE_DIR_NAME)


def test_crashes_are_never_cached(tmp_path: Path) -> None:
    cache = Cache.open(tmp_path, "f" * 64)
    crash = Located("a.txt", Finding(ENGINE_CODE, "rule-crashed", Severity.ERROR, "boom", 0, 0), 1, 1, 1, 1)
    cache.put("a.txt", "digest", [crash])
    assert cache.get("a.txt", "digest") is None and not cache.changed
