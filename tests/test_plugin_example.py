"""Third-party plugins, installed for real and found through the `newslint` entry-point group.

The example package in examples/newslint-plugin-example is pip-installed into a temporary
directory; newslint then runs in a subprocess with that directory on PYTHONPATH, so
importlib.metadata sees the distribution and its entry point exactly as after a normal
`pip install`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from newslint.engine import check_document
from newslint.plugins import plugin_manager
from newslint.registry import build_registry
from newslint.rulepack import load_rule_pack

EXAMPLE = REPO / "examples" / "newslint-plugin-example"
EXAMPLE_RULES = EXAMPLE / "src" / "newslint_house_style" / "rules"
PLUGIN_DIST = "newslint-house-style"

PER_CENT_ARTICLE = (
    "Valley bus fares to rise\n"
    "\n"
    "Fares on the valley's bus network will rise by 4 per cent from March, the operator said on Monday.\n"
)


def run_newslint(*args: str, plugins: Path | None, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    if plugins is not None:
        env["PYTHONPATH"] = str(plugins)
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def install_source_plugin(target: Path, dist_name: str, module: str, source: str) -> Path:
    """An installed single-module distribution, as pip would leave it: the module plus a
    dist-info directory whose entry_points.txt registers it under the `newslint` group."""
    target.mkdir(parents=True, exist_ok=True)
    (target / f"{module}.py").write_text(source, encoding="utf-8")
    dist_info = target / f"{dist_name.replace('-', '_')}-0.1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist_name}\nVersion: 0.1.0\n", encoding="utf-8")
    (dist_info / "entry_points.txt").write_text(f"[newslint]\n{module} = {module}\n", encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def installed_example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pip install --no-deps --target` of the example package (newslint itself is already
    importable). Without build isolation when hatchling is at hand, so no network is needed."""
    target = tmp_path_factory.mktemp("house-style-site")
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    completed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check",
         *isolation, "--target", str(target), str(EXAMPLE)],
        capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stderr
    return target


def test_example_rule_pack_examples_hold() -> None:
    """HS001's documented examples: the bad one is flagged, the good ones are not."""
    manager = plugin_manager(load_entry_points=False)
    kinds = {name: factory for kind_map in manager.hook.newslint_rule_kinds() for name, factory in kind_map.items()}
    rules = load_rule_pack(EXAMPLE_RULES, kinds, PLUGIN_DIST)
    assert [rule.code for rule in rules] == ["HS001"]
    reader = build_registry(manager).readers[".txt"]
    for example in rules[0].doc.examples:
        document = reader.read("example.txt", example.text)
        findings = check_document(document, rules)
        assert bool(findings) is example.flagged, (example.text, findings)
        for finding in findings:
            assert document.source[finding.start:finding.end] == "per cent"


def test_installed_plugin_flags_per_cent(installed_example: Path, tmp_path: Path) -> None:
    article = tmp_path / "fares.txt"
    article.write_text(PER_CENT_ARTICLE, encoding="utf-8")

    completed = run_newslint("check", "--format", "json", "--select", "HS", str(article),
                             plugins=installed_example, cwd=tmp_path)
    findings = json.loads(completed.stdout)["findings"]
    assert [f["code"] for f in findings] == ["HS001"], completed.stderr
    (finding,) = findings
    assert PER_CENT_ARTICLE[finding["start"]:finding["end"]] == "per cent"
    assert (finding["line"], finding["severity"], finding["fixable"]) == (3, "warning", True)
    assert completed.returncode == 0  # a warning alone does not fail the run

    text = run_newslint("check", str(article), plugins=installed_example, cwd=tmp_path)
    assert re.search(r"fares\.txt:3:\d+: HS001 .*'percent'", text.stdout), text.stdout


def test_installed_plugin_rule_fixes_the_text(installed_example: Path, tmp_path: Path) -> None:
    article = tmp_path / "fares.txt"
    article.write_text(PER_CENT_ARTICLE, encoding="utf-8")
    completed = run_newslint("check", "--fix", "--select", "HS001", str(article), plugins=installed_example, cwd=tmp_path)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert article.read_text(encoding="utf-8") == PER_CENT_ARTICLE.replace("4 per cent", "4 percent")


def test_without_the_plugin_there_is_no_hs001(tmp_path: Path) -> None:
    article = tmp_path / "fares.txt"
    article.write_text(PER_CENT_ARTICLE, encoding="utf-8")
    completed = run_newslint("check", "--format", "json", str(article), plugins=None, cwd=tmp_path)
    assert "HS001" not in {f["code"] for f in json.loads(completed.stdout)["findings"]}
    assert run_newslint("explain", "HS001", plugins=None, cwd=tmp_path).returncode == 2


def test_installed_plugin_is_listed_with_its_name(installed_example: Path, tmp_path: Path) -> None:
    completed = run_newslint("rules", "--format", "json", plugins=installed_example, cwd=tmp_path)
    rows = {row["code"]: row for row in json.loads(completed.stdout)}
    assert rows["HS001"]["plugin"] == PLUGIN_DIST
    assert rows["HS001"]["fixable"] is True
    assert rows["NL101"]["plugin"] == "newslint"  # built-in rules are listed beside it

    table = run_newslint("rules", plugins=installed_example, cwd=tmp_path).stdout
    assert re.search(rf"^HS001\s+per-cent\s+warning\s+yes\s+{PLUGIN_DIST}$", table, re.MULTILINE), table


def test_installed_plugin_rule_is_explained(installed_example: Path, tmp_path: Path) -> None:
    completed = run_newslint("explain", "hs001", plugins=installed_example, cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("HS001 (per-cent)")
    assert f"Plugin: {PLUGIN_DIST}." in completed.stdout
    bad_example = re.search(r'^bad = "(.*)"$', (EXAMPLE_RULES / "HS001-per-cent.toml").read_text(), re.MULTILINE)
    assert bad_example is not None and bad_example.group(1) in completed.stdout


def _readme_python_rule() -> str:
    readme = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A rule in Python", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None, "the plugin README's Python rule example is missing"
    return match.group(1)


def test_python_rule_from_the_plugin_readme_runs(tmp_path: Path) -> None:
    """The README's `newslint_rules` example, installed as written, flags what it says."""
    site = install_source_plugin(tmp_path / "site", "newslint-readme-rule", "newslint_readme_rule",
                                 _readme_python_rule())
    article = tmp_path / "story.txt"
    source = "Council approves new bridge!\n\nThe council approved the bridge on Tuesday.\n"
    article.write_text(source, encoding="utf-8")

    completed = run_newslint("check", "--format", "json", str(article), plugins=site, cwd=tmp_path)
    findings = [f for f in json.loads(completed.stdout)["findings"] if f["code"] == "HS002"]
    assert len(findings) == 1, completed.stdout + completed.stderr
    assert source[findings[0]["start"]:findings[0]["end"]] == "!"
    assert findings[0]["line"] == 1


CRASHING_PLUGIN = '''
from dataclasses import dataclass

from newslint.model import RuleDoc, Severity
from newslint.hookspecs import hookimpl


@dataclass(frozen=True)
class Fragile:
    code: str = "ZZ999"
    name: str = "fragile-rule"
    severity: Severity = Severity.WARNING
    fixable: bool = False
    doc: RuleDoc = RuleDoc(summary="Always raises.")
    origin: str = "newslint-fragile"
    language: str | None = None

    def check(self, document):
        raise KeyError("no such block")


@hookimpl
def newslint_rules():
    return [Fragile()]
'''


def test_crashing_plugin_rule_is_reported_and_others_still_run(tmp_path: Path) -> None:
    site = install_source_plugin(tmp_path / "site", "newslint-fragile", "newslint_fragile", CRASHING_PLUGIN)
    article = tmp_path / "crash-me.txt"
    article.write_text("Ferry service resumes\n\nThe ferry sailed at dawn.\n\nLoading...\n\nIt docked at noon.\n",
                       encoding="utf-8")

    completed = run_newslint("check", str(article), plugins=site, cwd=tmp_path)
    assert completed.returncode == 3, completed.stdout + completed.stderr
    assert "Traceback" not in completed.stderr
    crash_lines = [line for line in completed.stdout.splitlines() if " NL000 " in line]
    assert len(crash_lines) == 1, completed.stdout
    assert crash_lines[0].startswith(f"{article}:")
    assert "ZZ999" in crash_lines[0] and "fragile-rule" in crash_lines[0] and "newslint-fragile" in crash_lines[0]
    assert "KeyError" in crash_lines[0]
    assert re.search(rf"^{re.escape(str(article))}:5:1: NL101 ", completed.stdout, re.MULTILINE), completed.stdout
