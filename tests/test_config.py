"""Configuration: where it is found, what it means, and errors that name file, key and expectation."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from newslint.config import Config, ConfigError, discover, load
from newslint.model import Severity

FULL_CONFIG = """\
select = ["NL1", "NL2"]
ignore = ["NL105"]
extend-select = ["NL4"]
rule-packs = ["house-rules"]
exclude = ["drafts/*", "*.generated.html"]

[severity]
NL101 = "warning"
nl201 = "info"

[per-file-ignores]
"wire/*" = ["NL4"]
"live-blog.html" = ["NL2", "NL108"]
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- discovery ---------------------------------------------------------------------------------

def test_nearest_config_upward_wins(tmp_path: Path) -> None:
    outer = write(tmp_path / "newslint.toml", "")
    inner = write(tmp_path / "desk" / "newslint.toml", "")
    (tmp_path / "desk" / "monday").mkdir()
    assert discover(tmp_path / "desk" / "monday") == inner.resolve()
    assert discover(tmp_path / "desk" / "monday" / "story.txt") == inner.resolve()  # a file: start beside it
    assert discover(tmp_path) == outer.resolve()


def test_pyproject_counts_only_with_a_newslint_table(tmp_path: Path) -> None:
    outer = write(tmp_path / "pyproject.toml", "[tool.newslint]\nselect = [\"NL1\"]\n")
    write(tmp_path / "site" / "pyproject.toml", "[project]\nname = \"site\"\n")
    assert discover(tmp_path / "site") == outer.resolve()


def test_newslint_toml_is_preferred_to_pyproject_in_one_directory(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.newslint]\n")
    preferred = write(tmp_path / "newslint.toml", "")
    assert discover(tmp_path) == preferred.resolve()


# --- meaning -----------------------------------------------------------------------------------

def test_full_newslint_toml(tmp_path: Path) -> None:
    (tmp_path / "house-rules").mkdir()
    config = load(write(tmp_path / "newslint.toml", FULL_CONFIG))
    assert config.select == ("NL1", "NL2")
    assert config.ignore == ("NL105",)
    assert config.extend_select == ("NL4",)
    assert config.severity == {"NL101": Severity.WARNING, "NL201": Severity.INFO}  # codes upper-cased
    assert config.rule_packs == ((tmp_path / "house-rules").resolve(),)
    assert config.root == tmp_path


def test_pyproject_table(tmp_path: Path) -> None:
    config = load(write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.newslint]\nignore = ["NL4"]\n'))
    assert config.ignore == ("NL4",)
    assert load(write(tmp_path / "other" / "pyproject.toml", '[project]\nname = "x"\n')) == \
        Config(path=tmp_path / "other" / "pyproject.toml")


def test_rule_packs_are_relative_to_the_config_file_not_the_working_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "project" / "house-rules").mkdir(parents=True)
    config_path = write(tmp_path / "project" / "newslint.toml", 'rule-packs = ["house-rules"]\n')
    monkeypatch.chdir(tmp_path)
    assert load(config_path).rule_packs == ((tmp_path / "project" / "house-rules").resolve(),)


def test_per_file_ignores_match_paths_relative_to_the_config(tmp_path: Path) -> None:
    (tmp_path / "house-rules").mkdir()
    config = load(write(tmp_path / "newslint.toml", FULL_CONFIG))
    assert config.ignored_for(str(tmp_path / "wire" / "story.txt")) == ("NL4",)
    assert config.ignored_for(str(tmp_path / "desk" / "live-blog.html")) == ("NL2", "NL108")  # by file name
    assert config.ignored_for(str(tmp_path / "desk" / "wire-story.txt")) == ()
    assert config.ignored_for(str(tmp_path / "desk" / "wire" / "story.txt")) == ()  # "wire/*" is anchored


def test_exclude(tmp_path: Path) -> None:
    (tmp_path / "house-rules").mkdir()
    config = load(write(tmp_path / "newslint.toml", FULL_CONFIG))
    assert config.excludes(str(tmp_path / "drafts" / "story.txt"))
    assert config.excludes(str(tmp_path / "desk" / "index.generated.html"))
    assert not config.excludes(str(tmp_path / "desk" / "story.txt"))


def test_excluded_files_are_skipped_when_walking(tmp_path: Path) -> None:
    write(tmp_path / "newslint.toml", 'exclude = ["drafts/*"]\n')
    write(tmp_path / "drafts" / "unfinished.txt", "Draft\n\nLoading...\n")
    published = write(tmp_path / "published" / "story.txt", "Story\n\nLoading...\n")
    result = run_cli("check", str(tmp_path))
    assert result.exit_code == 1
    assert f"{published}:3:1: NL101" in result.stdout
    assert "unfinished" not in result.stdout


# --- errors ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "key", "expected"), [
    pytest.param("select = [\n", "(file)", "not valid TOML", id="malformed"),
    pytest.param("[severity\n", "(file)", "not valid TOML", id="malformed-table"),
    pytest.param('exlude = ["a"]\n', "exlude", "unknown key; expected one of", id="unknown-key"),
    pytest.param('select = "NL1"\n', "select", "expected an array of rule codes", id="select-string"),
    pytest.param('ignore = [""]\n', "ignore", "expected an array of rule codes", id="ignore-empty-code"),
    pytest.param('extend-select = [4]\n', "extend-select", "expected an array of rule codes", id="extend-number"),
    pytest.param('severity = "warning"\n', "severity", "expected a table", id="severity-not-table"),
    pytest.param('[severity]\nNL101 = "low"\n', "severity.NL101", "expected one of error, warning, info",
                 id="severity-unknown-level"),
    pytest.param('[severity]\nNL101 = 2\n', "severity.NL101", "expected one of error, warning, info",
                 id="severity-number"),
    pytest.param('per-file-ignores = ["wire/*"]\n', "per-file-ignores", "expected a table", id="ignores-not-table"),
    pytest.param('[per-file-ignores]\n"wire/*" = "NL4"\n', 'per-file-ignores."wire/*"', "expected an array",
                 id="ignores-string"),
    pytest.param('rule-packs = "house"\n', "rule-packs", "expected an array of directory paths", id="packs-string"),
    pytest.param('rule-packs = ["nowhere"]\n', "rule-packs", "'nowhere' is not one", id="packs-missing"),
    pytest.param("exclude = [1]\n", "exclude", "expected an array of glob patterns", id="exclude-number"),
])
def test_errors_name_file_key_and_expectation(tmp_path: Path, text: str, key: str, expected: str) -> None:
    path = write(tmp_path / "newslint.toml", text)
    with pytest.raises(ConfigError) as raised:
        load(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: {key}: "), message
    assert expected in message
    assert "\n" not in message


def test_pyproject_errors_carry_the_table_prefix(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.newslint]\nselect = 1\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml: tool\.newslint\.select: expected an array"):
        load(path)
    path = write(tmp_path / "pyproject.toml", '[tool]\nnewslint = "NL1"\n')
    with pytest.raises(ConfigError, match=r"pyproject\.toml: tool\.newslint: expected a table"):
        load(path)


def test_config_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "newslint.toml"
    path.write_bytes(b'# r\xe9daction\nselect = ["NL1"]\n')
    with pytest.raises(ConfigError, match="not UTF-8"):
        load(path)


def test_lowercase_severity_code_takes_effect(tmp_path: Path) -> None:
    write(tmp_path / "newslint.toml", '[severity]\nnl101 = "warning"\n')
    article = write(tmp_path / "story.txt", "Story\n\nLoading...\n")
    result = run_cli("check", str(article))
    assert result.exit_code == 0, result.output
    assert f"{article}:3:1: NL101" in result.stdout
