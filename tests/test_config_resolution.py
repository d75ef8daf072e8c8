"""Which config governs a file, which rules it selects, and --show-settings.

Each file is checked with the nearest config above it, as ruff resolves its settings,
so the result for a file never depends on what else is named or in which order; the
command line's --select replaces the configured selection, --extend-select adds to it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli
from test_cli import XY_ARTICLE, assert_usage_error, codes_of, write_rule_pack


def findings_by_file(*args: str) -> dict[str, list[str]]:
    result = run_cli("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    by_file: dict[str, list[str]] = {}
    for finding in json.loads(result.stdout)["findings"]:
        by_file.setdefault(Path(finding["path"]).as_posix().removeprefix("./"), []).append(finding["code"])
    return {path: sorted(codes) for path, codes in by_file.items()}


@pytest.fixture
def desks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A root config selecting the XY rules, and a sport desk whose own config ignores XY1."""
    write_rule_pack(tmp_path / "house-rules")
    (tmp_path / "newslint.toml").write_text('rule-packs = ["house-rules"]\nselect = ["XY"]\n', encoding="utf-8")
    (tmp_path / "sport").mkdir()
    (tmp_path / "sport" / "newslint.toml").write_text(
        'rule-packs = ["../house-rules"]\nselect = ["XY"]\nignore = ["XY1"]\n', encoding="utf-8")
    (tmp_path / "news.txt").write_text(XY_ARTICLE, encoding="utf-8")
    (tmp_path / "sport" / "match.txt").write_text(XY_ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


EXPECTED = {"news.txt": ["XY101", "XY102", "XY201"], "sport/match.txt": ["XY201"]}


def test_each_file_is_checked_with_its_nearest_config_whatever_the_order(desks: Path) -> None:
    assert findings_by_file("news.txt", "sport/match.txt") == EXPECTED
    assert findings_by_file("sport/match.txt", "news.txt") == EXPECTED


def test_a_walk_honours_the_config_of_a_subdirectory(desks: Path) -> None:
    assert findings_by_file(".") == EXPECTED


def test_a_run_from_inside_the_subdirectory_finds_both_configs(desks: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(desks / "sport")
    assert findings_by_file("match.txt", "../news.txt") == {"match.txt": ["XY201"],
                                                            "../news.txt": ["XY101", "XY102", "XY201"]}


def test_explicit_config_governs_every_file(desks: Path) -> None:
    both = ["XY101", "XY102", "XY201"]
    assert findings_by_file("--config", "newslint.toml", "sport/match.txt", "news.txt") == \
        {"news.txt": both, "sport/match.txt": both}


def test_stdin_is_governed_by_the_config_its_filename_would_have(desks: Path) -> None:
    result = run_cli("check", "--format", "json", "--stdin-filename", "sport/live.txt", input=XY_ARTICLE)
    assert codes_of(result) == ["XY201"]


def test_the_cache_keeps_each_configs_results_apart(desks: Path, tmp_path_factory: pytest.TempPathFactory,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path_factory.mktemp("one-cache-for-both")))
    assert findings_by_file(".") == EXPECTED
    assert findings_by_file(".") == EXPECTED  # answered from the cache, still per config
    (desks / "sport" / "newslint.toml").write_text(
        'rule-packs = ["../house-rules"]\nselect = ["XY"]\nignore = ["XY2"]\n', encoding="utf-8")
    assert findings_by_file(".") == {"news.txt": ["XY101", "XY102", "XY201"], "sport/match.txt": ["XY101", "XY102"]}


def test_an_invalid_config_in_a_subdirectory_is_a_usage_error(desks: Path) -> None:
    (desks / "sport" / "newslint.toml").write_text("selec = []\n", encoding="utf-8")
    assert_usage_error(run_cli("check", "news.txt", "sport/match.txt"), "sport/newslint.toml", "selec")


def _desk_configs(desks: Path, root: str, sport: str) -> None:
    (desks / "newslint.toml").write_text('rule-packs = ["house-rules"]\n' + root, encoding="utf-8")
    (desks / "sport" / "newslint.toml").write_text('rule-packs = ["../house-rules"]\n' + sport, encoding="utf-8")


@pytest.mark.parametrize("order", [("news.txt", "sport/match.txt"), ("sport/match.txt", "news.txt"), (".",)])
def test_each_file_reports_at_its_own_configs_min_severity(desks: Path, order: tuple[str, ...]) -> None:
    _desk_configs(desks, 'select = ["XY"]\n', 'select = ["XY"]\nmin-severity = "error"\n')
    assert findings_by_file(*order) == {"news.txt": ["XY101", "XY102", "XY201"], "sport/match.txt": ["XY101", "XY201"]}
    assert findings_by_file("--min-severity", "warning", *order)["sport/match.txt"] == ["XY101", "XY102", "XY201"]


@pytest.mark.parametrize("order", [("news.txt", "sport/match.txt"), ("sport/match.txt", "news.txt"), (".",)])
def test_each_file_fails_the_run_by_its_own_configs_fail_on(desks: Path, order: tuple[str, ...]) -> None:
    # Both desks report only the warning XY102; only the sport desk fails on warnings.
    _desk_configs(desks, 'select = ["XY102"]\n', 'select = ["XY102"]\nfail-on = "warning"\n')
    assert run_cli("check", "news.txt").exit_code == 0
    assert run_cli("check", *order).exit_code == 1
    assert run_cli("check", "--fail-on", "error", *order).exit_code == 0
    _desk_configs(desks, 'select = ["XY102"]\nfail-on = "warning"\n', 'select = ["XY102"]\n')
    assert run_cli("check", "sport/match.txt", "news.txt").exit_code == 1
    assert run_cli("check", "sport/match.txt").exit_code == 0


# --- selection: --select replaces, --extend-select adds ------------------------------------

@pytest.mark.parametrize(("config", "args", "expected"), [
    pytest.param('select = ["XY1"]\nextend-select = ["XY2"]\n', ("--select", "XY101"), ["XY101"],
                 id="select-drops-configured-extend-select"),
    pytest.param('ignore = ["XY102"]\n', ("--select", "XY102"), ["XY102"], id="select-drops-configured-ignore"),
    pytest.param('select = ["XY1"]\n', ("--extend-select", "XY201"), ["XY101", "XY102", "XY201"],
                 id="extend-select-adds"),
    pytest.param('select = ["XY"]\nignore = ["XY201"]\n', ("--extend-select", "XY201"), ["XY101", "XY102", "XY201"],
                 id="extend-select-overrides-a-configured-ignore"),
    pytest.param('select = ["XY"]\n', ("--ignore", "XY1"), ["XY201"], id="ignore-removes"),
    pytest.param('select = ["XY"]\n', ("--select", "XY", "--ignore", "XY1", "--extend-select", "XY102"),
                 ["XY201"], id="command-line-ignore-beats-its-extend-select"),
    pytest.param('select = ["XY2"]\n', (), ["XY201"], id="config-alone"),
])
def test_command_line_selection_layers_on_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str,
                                                     args: tuple[str, ...], expected: list[str]) -> None:
    write_rule_pack(tmp_path / "house-rules")
    (tmp_path / "newslint.toml").write_text('rule-packs = ["house-rules"]\n' + config, encoding="utf-8")
    (tmp_path / "crew.txt").write_text(XY_ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert codes_of(run_cli("check", "--format", "json", *args, "crew.txt")) == expected


# --- --show-settings ---------------------------------------------------------------------------

def settings_lines(*args: str) -> dict[str, str]:
    """`key = value  # origin` lines of --show-settings, by key, plus its header lines."""
    result = run_cli("check", "--show-settings", *args)
    assert result.exit_code == 0, result.output
    lines: dict[str, str] = {}
    for line in result.stdout.splitlines():
        key = line.split(" = ", 1)[0] if " = " in line else line.split(":", 1)[0]
        lines[key] = line
    return lines


def test_show_settings_names_the_file_each_value_comes_from(desks: Path) -> None:
    lines = settings_lines("sport/match.txt")
    sport_config = str((desks / "sport" / "newslint.toml").resolve())
    assert lines["Config file"] == f"Config file: {sport_config}"
    assert lines["ignore"].startswith('ignore = ["XY1"]') and lines["ignore"].endswith(f"# {sport_config}")
    assert lines["extend-select"].endswith("# default")
    assert lines["exclude"].endswith("# default") and '"README*"' in lines["exclude"]
    rules = lines[next(key for key in lines if key.startswith("Rules that run"))]
    assert rules.endswith(": XY201"), rules


def test_show_settings_says_when_the_command_line_replaces_the_selection(desks: Path) -> None:
    lines = settings_lines("--select", "XY102", "sport/match.txt")
    assert lines["select"].startswith('select = ["XY102"]') and "command line" in lines["select"]
    assert lines["ignore"].startswith("ignore = []") and "command line" in lines["ignore"]
    assert lines[next(key for key in lines if key.startswith("Rules that run"))].endswith(": XY102")


def test_show_settings_with_an_explicit_config_and_with_none(desks: Path, tmp_path_factory) -> None:
    lines = settings_lines("--config", "newslint.toml", "sport/match.txt")
    assert lines["Config file"].endswith("newslint.toml (--config)")
    assert "sport" not in lines["Config file"]
    elsewhere = tmp_path_factory.mktemp("no-config") / "story.txt"
    elsewhere.write_text(XY_ARTICLE, encoding="utf-8")
    lines = settings_lines(str(elsewhere))
    assert "none found" in lines["Config file"]
    assert all("# default" in line for key, line in lines.items() if " = " in line)


def test_show_settings_applies_per_file_ignores_to_the_rules_it_lists(desks: Path) -> None:
    (desks / "newslint.toml").write_text(
        'rule-packs = ["house-rules"]\nselect = ["XY"]\n[per-file-ignores]\n"wire/" = ["XY2"]\n', encoding="utf-8")
    lines = settings_lines("wire/story.txt")
    assert lines[next(key for key in lines if key.startswith("Rules that run"))].endswith(": XY101, XY102")


# --- stdin and paths ---------------------------------------------------------------------------

def test_stdin_filename_with_a_path_is_a_usage_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(XY_ARTICLE, encoding="utf-8")
    assert_usage_error(run_cli("check", "--stdin-filename", "x.txt", str(article), input="Loading...\n"),
                       "--stdin-filename", "a.txt")
    assert_usage_error(run_cli("check", "--stdin-filename", "x.txt", "-", str(article), input="Loading...\n"),
                       "--stdin-filename", "a.txt")


def test_show_settings_names_what_the_command_line_adds(desks: Path) -> None:
    lines = settings_lines("--ignore", "XY2", "--extend-select", "XY102", "sport/match.txt")
    sport_config = str((desks / "sport" / "newslint.toml").resolve())
    assert lines["ignore"].startswith('ignore = ["XY1", "XY2"]')
    assert lines["ignore"].endswith(f"# {sport_config} + command line")
    assert lines["extend-select"].startswith('extend-select = ["XY102"]') and lines["extend-select"].endswith(
        "# command line")
    assert lines[next(key for key in lines if key.startswith("Rules that run"))].endswith(": XY102")


def test_a_shared_cache_directory_keeps_every_configs_file_of_a_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    tmp_path_factory: pytest.TempPathFactory) -> None:
    from newslint.cache import KEEP_OTHER_FILES

    cache_dir = tmp_path_factory.mktemp("shared-cache")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(cache_dir))
    desks = KEEP_OTHER_FILES + 3  # more configs than pruning keeps of other runs
    for number in range(desks):
        (tmp_path / f"desk{number}").mkdir()
        config = f'# desk {number}: its own fingerprint\nignore = ["NL2"]\n'
        (tmp_path / f"desk{number}" / "newslint.toml").write_text(config, encoding="utf-8")
        (tmp_path / f"desk{number}" / "story.txt").write_text(XY_ARTICLE, encoding="utf-8")
    assert run_cli("check", str(tmp_path)).exit_code == 0
    assert len(list(cache_dir.glob("v*-*.json"))) == desks
