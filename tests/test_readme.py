"""The README's first two commands stay true: the example article shows every rule family,
and the test command is exactly what CI runs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from conftest import REPO, SEED, check_json, needs_shared

from newslint.suppression import with_unused_reporting

README = REPO / "README.md"
CI_RUN = REPO / ".ci" / "run"


def readme_commands() -> list[str]:
    """The lines of the README's first fenced block, which must open the README."""
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^```[^\n]*\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    assert match is not None, "README.md has no fenced block"
    before = [line for line in text[:match.start()].splitlines() if line.strip()]
    assert all(line.startswith("#") for line in before), f"the commands must come first, after the title: {before}"
    return [line for line in match.group(1).splitlines() if line.strip()]


def ci_commands() -> list[str]:
    return [line.strip() for line in CI_RUN.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def example_article() -> Path:
    install_and_run = readme_commands()[0]
    words = shlex.split(install_and_run.replace("&&", " && "))
    assert "newslint" in Path(words[words.index("check") - 1]).name, install_and_run
    return REPO / words[words.index("check") + 1]


def rule_families(codes: set[str]) -> set[str]:
    """NL1 artifacts, NL2 duplication, NL3 consistency, NL4 attribution (NL0 is the engine)."""
    return {code[:3] for code in codes if code.startswith("NL") and not code.startswith("NL0")}


def test_readme_opens_with_two_commands_for_a_fresh_machine() -> None:
    install_and_run, install_and_test = readme_commands()
    for command in (install_and_run, install_and_test):
        assert command.startswith("python3 -m venv .venv && .venv/bin/pip install "), command
    assert " install . " in install_and_run  # a real install, not editable
    assert "'.[test]'" in install_and_test
    assert "mypy --strict newslint" in install_and_test and "ruff check newslint tests" in install_and_test


def test_readme_test_command_is_exactly_what_ci_runs() -> None:
    *setup, last = ci_commands()
    assert "rm -rf .venv" in setup, "CI must start from a fresh virtualenv"
    assert last == readme_commands()[1]


def test_example_article_shows_every_rule_family(registry, monkeypatch: pytest.MonkeyPatch) -> None:
    article = example_article()
    assert article.is_file(), article
    monkeypatch.chdir(REPO)  # the README command runs from the checkout
    exit_code, findings = check_json(str(article.relative_to(REPO)))
    assert exit_code == 1
    found = rule_families({finding["code"] for finding in findings})
    assert found >= rule_families({rule.code for rule in registry.rules}), found
    assert "NL000" not in {finding["code"] for finding in findings}


def test_the_example_files_trigger_every_default_rule(registry, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's claim: every rule on by default fires on some file in examples/ (or
    examples/cms/); the rules that are off by default are the ones it names."""
    examples = example_article().parent
    files = sorted(path for folder in (examples, examples / "cms") for path in folder.iterdir()
                   if path.is_file() and registry.reader_for(str(path)) is not None)
    monkeypatch.chdir(REPO)
    _, findings = check_json("--no-cache", *(str(path.relative_to(REPO)) for path in files))
    default = {rule.code for rule in with_unused_reporting(registry.select(), registry.rules, False)}
    fired = {finding["code"] for finding in findings}
    assert "NL000" not in fired
    assert default - fired == set(), "add an example that triggers these, or say in the README that none does"
    intro = README.read_text(encoding="utf-8").split("\n\n")[1:3]
    off_by_default = {rule.code for rule in registry.rules} - default
    assert all(code in " ".join(intro) for code in off_by_default), off_by_default


@pytest.mark.parametrize("variant", ["article.html", "article.md"])
def test_example_article_variants_give_the_same_findings(variant: str) -> None:
    """The same article as HTML and Markdown (for trying the other readers): the same findings."""
    _, text_findings = check_json(str(example_article()))
    exit_code, findings = check_json(str(example_article().with_name(variant)))
    assert exit_code == 1
    assert sorted(f["code"] for f in findings) == sorted(f["code"] for f in text_findings)


@needs_shared()
def test_example_article_is_our_own_writing() -> None:
    """No run of six words is shared with the seed article it imitates."""
    def six_grams(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i:i + 6]) for i in range(len(words) - 5)}

    seed = six_grams(SEED.read_text(encoding="utf-8"))
    examples = example_article().parent
    for variant in sorted([*examples.glob("*.*"), *(examples / "cms").glob("*.*")]):
        shared = six_grams(variant.read_text(encoding="utf-8")) & seed
        assert not shared, (variant.name, sorted(shared)[:3])


def test_the_module_map_lists_every_module_and_only_real_ones() -> None:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("### Module map"):]
    listed = set(re.findall(r"^\| `([^`]+)` \|", table, re.MULTILINE))
    modules = {str(path.relative_to(REPO)) for path in (REPO / "newslint").rglob("*.py")}
    assert modules - listed == set()
    assert {path for path in listed if not (REPO / path).exists()} == set()
