"""The README's configuration, pre-commit and CI examples work as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import REPO

from newslint.config import load
from newslint.model import Severity

README = (REPO / "README.md").read_text(encoding="utf-8")


def fenced_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, re.MULTILINE | re.DOTALL)


def block_named(language: str, first_line: str) -> str:
    (block,) = [block for block in fenced_blocks(language) if block.splitlines()[0] == first_line]
    return block


@pytest.mark.parametrize("name", ["newslint.toml", "pyproject.toml"])
def test_each_config_example_loads_as_the_file_it_is_named_for(tmp_path: Path, name: str) -> None:
    (tmp_path / "house-rules").mkdir()
    config_file = tmp_path / name
    config_file.write_text(block_named("toml", f"# {name}"), encoding="utf-8")
    config = load(config_file)
    assert config.select == ("NL1", "NL2", "NL3")
    assert "drafts/" in config.extend_exclude and "README*" in config.exclude  # the defaults are kept
    # "wire/*" from a config at the root: the wire desk beside it, not one deeper down.
    assert config.ignored_for(str(tmp_path / "wire" / "agency.txt")) == ("NL4",)
    assert config.ignored_for(str(tmp_path / "content" / "wire" / "agency.txt")) == ()
    assert config.excludes(str(tmp_path / "content" / "drafts" / "idea.md"))


def test_the_newslint_toml_example_uses_top_level_keys(tmp_path: Path) -> None:
    (tmp_path / "house-rules").mkdir()
    block = block_named("toml", "# newslint.toml")
    assert "[tool.newslint" not in block
    config_file = tmp_path / "newslint.toml"
    config_file.write_text(block, encoding="utf-8")
    assert load(config_file).severity == {"NL402": Severity.WARNING}


def test_pre_commit_example_pins_a_commit_and_ci_installs_from_the_repository() -> None:
    pre_commit = block_named("yaml", "# .pre-commit-config.yaml")
    rev = re.search(r"^\s*rev: ([^#\n]*)", pre_commit, re.MULTILINE)
    assert rev is not None and "commit" in rev.group(1) and "tag" not in rev.group(1), rev  # no tags exist
    workflow = block_named("yaml", "# .github/workflows/newslint.yml")
    installs = re.findall(r"pip install (.*)", workflow)
    assert installs and all("git+" in command for command in installs), installs
    assert not re.search(r"pip install newslint\b", README)
