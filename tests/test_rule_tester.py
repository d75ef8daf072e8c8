"""`newslint test-rules`: a rule pack's [[examples]] are run; a bad example the rule does not
flag, or a good one it flags, fails the run (exit 1) naming the file and the example."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, run_cli

RULE = '''code = "HS020"
name = "house-placeholder"
kind = "pattern"
severity = "warning"
message = "Placeholder '{{match}}' left in the copy"
summary = "Flags the desk's placeholder for a fact still to come."
[options]
patterns = ['\\bTKTK\\b']

[[examples]]
bad = "{bad}"

[[examples]]
good = "{good}"
'''

FLAGGED = "The mayor said TKTK people attended."
QUIET = "The mayor said 300 people attended."


def _pack(tmp_path: Path, bad: str = FLAGGED, good: str = QUIET, name: str = "HS020-placeholder.toml") -> Path:
    pack = tmp_path / "house-rules"
    pack.mkdir(exist_ok=True)
    (pack / name).write_text(RULE.format(bad=bad, good=good), encoding="utf-8")
    return pack


def test_a_pack_whose_examples_hold_passes_with_a_count(tmp_path: Path) -> None:
    result = run_cli("test-rules", str(_pack(tmp_path)))
    assert result.exit_code == 0, result.output
    assert result.stdout == "All 2 examples of 1 rule passed.\n"


def test_a_bad_example_the_rule_misses_fails_naming_file_and_example(tmp_path: Path) -> None:
    pack = _pack(tmp_path, bad="The mayor said tktk people attended.")  # the pattern is case-sensitive
    result = run_cli("test-rules", str(pack))
    assert result.exit_code == 1
    rule_file = pack / "HS020-placeholder.toml"
    assert f"{rule_file}: HS020 example 1 (bad, text): not flagged, but it is a bad example\n" in result.stdout
    assert "    The mayor said tktk people attended.\n" in result.stdout
    assert result.stdout.endswith("1 failure in 1 rule (2 examples of 1 rule run).\n")


def test_a_good_example_the_rule_flags_fails_with_the_finding(tmp_path: Path) -> None:
    pack = _pack(tmp_path, good="Figures: TKTK.")
    result = run_cli("test-rules", str(pack))
    assert result.exit_code == 1
    assert ("HS020 example 2 (good, text): flagged at line 1, column 10, but it is a good example: "
            "Placeholder 'TKTK' left in the copy") in result.stdout


def test_a_rule_without_a_good_example_fails(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    rule_file = pack / "HS020-placeholder.toml"
    rule_file.write_text(rule_file.read_text().split("[[examples]]\ngood")[0], encoding="utf-8")
    result = run_cli("test-rules", str(pack))
    assert result.exit_code == 1
    assert f"{rule_file}: HS020: documents no good example" in result.stdout


def test_a_single_rule_file_tests_only_that_rule(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    _pack(tmp_path, bad="No placeholder here.", name="HS021-other.toml")
    other = pack / "HS021-other.toml"
    other.write_text(other.read_text().replace("HS020", "HS021"), encoding="utf-8")
    assert run_cli("test-rules", str(pack / "HS020-placeholder.toml")).exit_code == 0
    failing = run_cli("test-rules", str(other))
    assert failing.exit_code == 1 and "HS021 example 1" in failing.stdout and "HS020" not in failing.stdout


def test_a_pack_rule_reusing_a_builtin_code_fails_naming_both_files(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    rule_file = pack / "HS020-placeholder.toml"
    rule_file.write_text(rule_file.read_text().replace('"HS020"', '"NL101"'), encoding="utf-8")
    result = run_cli("test-rules", str(pack))
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    from newslint.rules import artifacts  # where the installed package's rule files are

    builtin = Path(artifacts.__file__).parent / "NL101-loading-placeholder.toml"
    assert "NL101 is defined twice" in line and str(builtin) in line and str(rule_file) in line


def test_a_lexicon_beside_the_rules_is_not_a_rule(tmp_path: Path) -> None:
    pack = tmp_path / "house-rules"
    pack.mkdir()
    (pack / "house-prompts.toml").write_text("cta_objects = ['the puzzle corner']\n", encoding="utf-8")
    (pack / "HS030-house-prompt.toml").write_text('''code = "HS030"
name = "house-prompt"
kind = "call-to-action"
severity = "warning"
message = "Prompt '{match}' left in the article"
summary = "Flags our own puzzle prompt as well as the built-in calls to action."
[options]
lexicons = ["newslint:lexicons/furniture.toml", "house-prompts.toml"]

[[examples]]
bad = "The ferry resumed sailing on Friday after the storm.\\n\\nVisit the puzzle corner for the daily crossword.\\n"

[[examples]]
good = "The ferry resumed sailing on Friday after the storm.\\n\\nThe crossword returns next week.\\n"
''', encoding="utf-8")
    result = run_cli("test-rules", str(pack))
    assert result.exit_code == 0, result.output
    assert result.stdout == "All 2 examples of 1 rule passed.\n"
    (pack / "house-prompts.toml").write_text("cta_objects = ['the games desk']\n", encoding="utf-8")
    assert run_cli("test-rules", str(pack)).exit_code == 1  # the bad example rests on the house lexicon


def test_a_file_that_is_neither_rule_nor_named_lexicon_is_one_clear_error(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    (pack / "stray-words.toml").write_text("cta_hooks = ['x']\n", encoding="utf-8")
    result = run_cli("test-rules", str(pack))
    assert result.exit_code == 2
    assert "stray-words.toml: (file): not a rule file" in result.stderr and len(result.stderr.splitlines()) == 1


def test_without_arguments_the_configured_packs_and_builtin_rules_run(tmp_path: Path) -> None:
    _pack(tmp_path)
    config = tmp_path / "newslint.toml"
    config.write_text('rule-packs = ["house-rules"]\n', encoding="utf-8")
    result = run_cli("test-rules", "--config", str(config))
    assert result.exit_code == 0, result.output
    examples, rules = map(int, re.fullmatch(r"All (\d+) examples of (\d+) rules passed\.\n", result.stdout).groups())
    assert rules > 20 and examples > rules * 2  # the built-in rules, and HS020
    (tmp_path / "house-rules" / "HS020-placeholder.toml").write_text(
        RULE.format(bad=QUIET, good=QUIET), encoding="utf-8")
    failing = run_cli("test-rules", "--config", str(config))
    assert failing.exit_code == 1 and "HS020 example 1 (bad, text): not flagged" in failing.stdout
    # naming the configured pack again does not load it twice
    assert run_cli("test-rules", "--config", str(config), str(tmp_path / "house-rules")).exit_code == 1


def test_a_missing_pack_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("test-rules", str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1 and "no such rule pack" in result.stderr


def test_the_readme_rule_passes_its_own_examples(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```toml\n# house-rules/(?P<name>[\w-]+\.toml)\n(?P<body>.*?)```", readme, re.DOTALL)
    assert match is not None, "the README's 'A declarative rule' example is gone"
    pack = tmp_path / "house-rules"
    pack.mkdir()
    (pack / match["name"]).write_text(match["body"], encoding="utf-8")
    result = run_cli("test-rules", str(pack))
    assert result.exit_code == 0, result.output
