"""A plain `pip install .` ships every built-in rule and no top-level `rules` module."""

from __future__ import annotations

import importlib.util
import sysconfig
from pathlib import Path

import pytest
from conftest import REPO

import newslint
from newslint.rules import BUILTIN_RULES

REPO_RULES = REPO / "rules"  # the link editors open: newslint/rules

INSTALLED = Path(newslint.__file__).resolve().is_relative_to(Path(sysconfig.get_paths()["purelib"]).resolve())


@pytest.mark.skipif(not INSTALLED, reason="editable/dev install: the wheel layout is checked in CI")
def test_wheel_ships_every_rule_file() -> None:
    assert BUILTIN_RULES == Path(newslint.__file__).parent / "rules"
    shipped = sorted(str(p.relative_to(BUILTIN_RULES)) for p in BUILTIN_RULES.rglob("*.toml"))
    in_checkout = sorted(str(p.relative_to(REPO_RULES.resolve())) for p in REPO_RULES.resolve().rglob("*.toml"))
    assert shipped == in_checkout
    assert {"agreement/lexicons/agreement.toml", "attribution/lexicons/attribution.toml"} <= set(shipped)
    assert sum(1 for path in shipped if "/lexicons/" not in path) >= 20  # every family's rule files


def test_the_top_level_rules_folder_is_the_packages_rules() -> None:
    assert REPO_RULES.resolve() == (REPO / "newslint" / "rules").resolve()


def test_no_top_level_rules_module_installed() -> None:
    spec = importlib.util.find_spec("rules")
    purelib = Path(sysconfig.get_paths()["purelib"]).resolve()
    assert spec is None or not Path(spec.origin or "").resolve().is_relative_to(purelib)
