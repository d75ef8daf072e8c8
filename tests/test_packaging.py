"""A plain `pip install .` ships every built-in rule and no top-level `rules` module."""

from __future__ import annotations

import importlib.util
import sysconfig
from pathlib import Path

import pytest

import newslint
from newslint.builtin_rules import builtin_rule_pack
from conftest import REPO

REPO_RULES = REPO / "rules"

INSTALLED = Path(newslint.__file__).resolve().is_relative_to(Path(sysconfig.get_paths()["purelib"]).resolve())


@pytest.mark.skipif(not INSTALLED, reason="editable/dev install: the wheel layout is checked in CI")
def test_wheel_ships_every_rule_file() -> None:
    packaged = builtin_rule_pack()
    assert packaged == Path(newslint.__file__).parent / "_rules"
    assert sorted(p.name for p in packaged.glob("*.toml")) == sorted(p.name for p in REPO_RULES.glob("*.toml"))


def test_no_top_level_rules_module_installed() -> None:
    spec = importlib.util.find_spec("rules")
    purelib = Path(sysconfig.get_paths()["purelib"]).resolve()
    assert spec is None or not Path(spec.origin or "").resolve().is_relative_to(purelib)
