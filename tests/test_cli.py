"""The command line: bad input gets one clear line and exit 2; options do what they say.

Selection, per-file ignores and severity overrides are tested with a small rule pack
written here (codes XY101, XY102, XY201), so the tests do not depend on which built-in
rules exist; the built-in NL101 (`Loading...`, an error) stands in for "an error finding".
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import Result
from conftest import run_cli

from newslint.cli import ExitCode
from newslint.decode import MAX_BYTES

HOUSE_RULE = """\
code = "{code}"
name = "{name}"
kind = "pattern"
severity = "{severity}"
message = "found '{{match}}'"
summary = "Flags the word {word}."

[options]
patterns = ['\\b{word}\\b']

[[examples]]
bad = "The {word} crew sailed."

[[examples]]
good = "The crew sailed."
"""

XY_RULES = (("XY101", "alpha-word", "error", "alpha"), ("XY102", "beta-word", "warning", "beta"),
            ("XY201", "gamma-word", "error", "gamma"))
XY_ARTICLE = "Crew news\n\nThe alpha crew met the beta crew before the gamma crew arrived.\n"
LOADING_ARTICLE = "Harbour reopens\n\nThe harbour reopened on Friday.\n\nLoading...\n"


def assert_usage_error(result: Result, *fragments: str) -> str:
    """Exit 2 with exactly one line on stderr, starting `newslint: error:` and naming `fragments`."""
    assert result.exit_code == ExitCode.USAGE, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("newslint: error: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def codes_of(result: Result) -> list[str]:
    return sorted(finding["code"] for finding in json.loads(result.stdout)["findings"])


def write_rule_pack(directory: Path) -> Path:
    directory.mkdir(parents=True)
    for code, name, severity, word in XY_RULES:
        (directory / f"{code}.toml").write_text(
            HOUSE_RULE.format(code=code, name=name, severity=severity, word=word), encoding="utf-8")
    return directory


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose newslint.toml adds the XY rule pack, with one article using all three words."""
    write_rule_pack(tmp_path / "house-rules")
    (tmp_path / "newslint.toml").write_text('rule-packs = ["house-rules"]\n', encoding="utf-8")
    (tmp_path / "crew.txt").write_text(XY_ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- bad input -------------------------------------------------------------------------

def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-article.txt"
    assert_usage_error(run_cli("check", str(missing)), str(missing), "no such file or directory")


def test_missing_path_beside_a_good_one_still_checks_the_good_one(tmp_path: Path) -> None:
    good = tmp_path / "harbour.txt"
    good.write_text(LOADING_ARTICLE, encoding="utf-8")
    result = run_cli("check", str(good), str(tmp_path / "gone.txt"))
    assert_usage_error(result, "gone.txt", "no such file or directory")
    assert f"{good}:5:1: NL101" in result.stdout


def test_no_paths() -> None:
    assert_usage_error(run_cli("check"), "no paths given")


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "dump.bin").write_bytes(bytes(range(256)) * 4)
    assert_usage_error(run_cli("check", str(tmp_path)), str(tmp_path), "no article files found")


def test_directory_is_walked_for_articles_only(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    nested = tmp_path / "desk" / "monday"
    nested.mkdir(parents=True)
    (nested / "harbour.txt").write_text(LOADING_ARTICLE, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "stale.txt").write_text(LOADING_ARTICLE, encoding="utf-8")
    result = run_cli("check", "--format", "json", str(tmp_path))
    assert result.exit_code == ExitCode.FINDINGS, result.output
    assert {f["path"] for f in json.loads(result.stdout)["findings"]} == {str(nested / "harbour.txt")}


def test_binary_file_named_txt(tmp_path: Path) -> None:
    fake = tmp_path / "scan.txt"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_usage_error(run_cli("check", str(fake)), str(fake), "binary")


def test_invalid_utf8(tmp_path: Path) -> None:
    latin1 = tmp_path / "cafe.txt"
    latin1.write_bytes("Caf\u00e9 reopens\n\nThe caf\u00e9 reopened on Friday.\n".encode("latin-1"))
    assert_usage_error(run_cli("check", str(latin1)), str(latin1), "not valid utf-8 at byte 3")


def test_unknown_file_type(tmp_path: Path) -> None:
    notes = tmp_path / "notes.docx"
    notes.write_bytes(b"PK\x03\x04")
    assert_usage_error(run_cli("check", str(notes)), str(notes), "no reader for this file type")


def test_fifty_megabyte_single_line_article_is_checked(tmp_path: Path) -> None:
    """Big but within MAX_BYTES: read, decoded and checked, positions intact after it.

    One cheap rule, because this is about input handling; how every rule scales on
    large inputs is measured by the benchmarks, not here."""
    sentence = "The harbour board reviewed the quay repair budget on Tuesday and approved it. "
    repeats = 50 * 1024 * 1024 // len(sentence)
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("Harbour works update\n\n")
        handle.write(sentence * repeats)
        handle.write("\n\nLoading...\n")
    assert big.stat().st_size >= 50 * 1024 * 1024
    result = run_cli("check", "--format", "json", "--select", "NL101", str(big))
    assert result.stderr == ""
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["line"], f["column"]) for f in findings] == [("NL101", 5, 1)]
    assert result.exit_code == ExitCode.FINDINGS


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(16 * MAX_BYTES)  # sparse: costs no disk, but reading it would cost 1 GiB
    assert_usage_error(run_cli("check", str(huge)), str(huge), f"larger than {MAX_BYTES // (1024 * 1024)} MiB")


# --- configuration errors ------------------------------------------------------------------

@pytest.mark.parametrize(("config", "fragments"), [
    pytest.param('select = ["NL1"\n', ["newslint.toml", "not valid TOML"], id="malformed-toml"),
    pytest.param('selct = ["NL1"]\n', ["newslint.toml", "selct", "unknown key", "select"], id="unknown-key"),
    pytest.param('select = "NL1"\n', ["newslint.toml", "select", "expected an array"], id="select-not-array"),
    pytest.param('ignore = [101]\n', ["newslint.toml", "ignore", "expected an array"], id="ignore-not-strings"),
    pytest.param('[severity]\nNL101 = "fatal"\n', ["newslint.toml", "severity.NL101", "error, warning, info"],
                 id="bad-severity"),
    pytest.param('rule-packs = ["missing-dir"]\n', ["newslint.toml", "rule-packs", "missing-dir"],
                 id="missing-rule-pack"),
    pytest.param('select = ["NL9"]\n', ["newslint.toml", "select", "'NL9'"], id="unknown-code-in-select"),
    pytest.param('[severity]\nNL999 = "warning"\n', ["newslint.toml", "severity.NL999", "unknown rule code"],
                 id="unknown-code-in-severity"),
    pytest.param('[per-file-ignores]\n"wire/*" = ["NX1"]\n', ["newslint.toml", "per-file-ignores", "'NX1'"],
                 id="unknown-code-in-per-file-ignores"),
])
def test_config_errors(tmp_path: Path, config: str, fragments: list[str]) -> None:
    (tmp_path / "newslint.toml").write_text(config, encoding="utf-8")
    article = tmp_path / "harbour.txt"
    article.write_text(LOADING_ARTICLE, encoding="utf-8")
    assert_usage_error(run_cli("check", str(article)), *fragments)


def test_pyproject_config_errors_name_the_full_key(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.newslint]\nexclude = "drafts"\n', encoding="utf-8")
    article = tmp_path / "harbour.txt"
    article.write_text(LOADING_ARTICLE, encoding="utf-8")
    assert_usage_error(run_cli("check", str(article)), "pyproject.toml", "tool.newslint.exclude", "glob patterns")


def test_explicit_config_that_does_not_exist(tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(LOADING_ARTICLE, encoding="utf-8")
    result = run_cli("check", "--config", str(tmp_path / "nope.toml"), str(article))
    assert_usage_error(result, "nope.toml", "cannot read")


def test_broken_rule_file_in_a_rule_pack(project: Path) -> None:
    (project / "house-rules" / "XY301.toml").write_text(
        'code = "XY301"\nname = "broken"\nkind = "pattern"\nseverity = "error"\nmessage = "m"\nsummary = "s"\n'
        "[options]\npatterns = ['(unclosed']\n", encoding="utf-8")
    assert_usage_error(run_cli("check", "crew.txt"), "XY301.toml", "options", "invalid regular expression")


# --- usage errors ------------------------------------------------------------------------------

def test_unknown_rule_code_in_select(tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(LOADING_ARTICLE, encoding="utf-8")
    assert_usage_error(run_cli("check", "--select", "NL1,NL999", str(article)), "'NL999'", "newslint rules")
    assert_usage_error(run_cli("check", "--ignore", "QQ", str(article)), "'QQ'")


def test_unknown_format(tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(LOADING_ARTICLE, encoding="utf-8")
    assert_usage_error(run_cli("check", "--format", "xml", str(article)), "'xml'", "json", "text", "github")


# --- stdin ---------------------------------------------------------------------------------------

def test_stdin_text_reports_the_given_name() -> None:
    for args in (("--stdin-filename", "desk/harbour.txt"), ("--stdin-filename", "desk/harbour.txt", "-")):
        result = run_cli("check", *args, input=LOADING_ARTICLE.encode())
        assert result.exit_code == ExitCode.FINDINGS, result.output
        assert re.search(r"^desk/harbour\.txt:5:1: NL101 ", result.stdout, re.MULTILINE), result.stdout


def test_stdin_html_is_read_as_html() -> None:
    page = "<h1>Harbour reopens</h1>\n<p>The harbour reopened on Friday.</p>\n<div>Loading&hellip;</div>\n"
    result = run_cli("check", "--format", "json", "--stdin-filename", "harbour.html", input=page.encode())
    assert result.exit_code == ExitCode.FINDINGS, result.output
    (finding,) = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "NL101"]
    assert finding["path"] == "harbour.html"
    assert page[finding["start"]:finding["end"]] == "Loading&hellip;"
    assert (finding["line"], finding["column"]) == (3, 6)


def test_stdin_needs_a_filename_to_pick_the_reader() -> None:
    assert_usage_error(run_cli("check", "-", input=LOADING_ARTICLE.encode()), "--stdin-filename")


def test_stdin_with_an_unknown_extension_or_bad_bytes() -> None:
    result = run_cli("check", "--stdin-filename", "harbour.rtf", input=b"{\\rtf1 Loading...}")
    assert_usage_error(result, "harbour.rtf", "no reader")
    result = run_cli("check", "--stdin-filename", "harbour.txt", input=b"Caf\xe9\n")
    assert_usage_error(result, "harbour.txt", "not valid utf-8")


# --- exit codes and selection --------------------------------------------------------------------

def test_exit_zero_keeps_findings_but_exits_clean(tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(LOADING_ARTICLE, encoding="utf-8")
    assert run_cli("check", str(article)).exit_code == ExitCode.FINDINGS
    result = run_cli("check", "--exit-zero", str(article))
    assert result.exit_code == ExitCode.CLEAN
    assert f"{article}:5:1: NL101" in result.stdout


def test_exit_zero_does_not_hide_input_errors(tmp_path: Path) -> None:
    assert run_cli("check", "--exit-zero", str(tmp_path / "gone.txt")).exit_code == ExitCode.USAGE


def test_clean_article_exits_zero(tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text("Harbour reopens\n\nThe harbour reopened on Friday, the port authority said.\n",
                       encoding="utf-8")
    result = run_cli("check", "--select", "NL1", str(article))
    assert (result.exit_code, result.stdout) == (ExitCode.CLEAN, "All checks passed!\n")


@pytest.mark.parametrize(("args", "expected"), [
    pytest.param(("--select", "XY"), ["XY101", "XY102", "XY201"], id="select-prefix"),
    pytest.param(("--select", "xy1"), ["XY101", "XY102"], id="select-lowercase-prefix"),
    pytest.param(("--select", "XY101,XY201"), ["XY101", "XY201"], id="select-comma-list"),
    pytest.param(("--select", "XY101", "--select", "XY201"), ["XY101", "XY201"], id="select-repeated"),
    pytest.param(("--select", "XY1", "--ignore", "XY102"), ["XY101"], id="ignore-code"),
    pytest.param(("--select", "XY", "--ignore", "XY1"), ["XY201"], id="ignore-prefix"),
    pytest.param(("--select", "XY2", "--extend-select", "XY102"), ["XY102", "XY201"], id="extend-select"),
])
def test_select_and_ignore(project: Path, args: tuple[str, ...], expected: list[str]) -> None:
    assert codes_of(run_cli("check", "--format", "json", *args, "crew.txt")) == expected


def test_plain_run_includes_rule_pack_and_builtin_rules(project: Path) -> None:
    (project / "crew.txt").write_text(XY_ARTICLE + "\nLoading...\n", encoding="utf-8")
    codes = codes_of(run_cli("check", "--format", "json", "crew.txt"))
    assert codes == ["NL101", "XY101", "XY102", "XY201"]


def test_config_select_and_ignore_and_cli_override(project: Path) -> None:
    (project / "newslint.toml").write_text('rule-packs = ["house-rules"]\nselect = ["XY"]\nignore = ["XY102"]\n',
                                           encoding="utf-8")
    assert codes_of(run_cli("check", "--format", "json", "crew.txt")) == ["XY101", "XY201"]
    # --select replaces the config's selection and its ignores (as ruff's does); --ignore adds to them.
    assert codes_of(run_cli("check", "--format", "json", "--select", "XY1", "crew.txt")) == ["XY101", "XY102"]
    assert codes_of(run_cli("check", "--format", "json", "--ignore", "XY2", "crew.txt")) == ["XY101"]


def test_per_file_ignores(project: Path) -> None:
    (project / "newslint.toml").write_text(
        'rule-packs = ["house-rules"]\nselect = ["XY"]\n[per-file-ignores]\n"wire/*" = ["XY1"]\n"legacy.txt" = ["XY201"]\n',
        encoding="utf-8")
    (project / "wire").mkdir()
    (project / "wire" / "crew.txt").write_text(XY_ARTICLE, encoding="utf-8")
    (project / "legacy.txt").write_text(XY_ARTICLE, encoding="utf-8")
    findings = json.loads(run_cli("check", "--format", "json", ".").stdout)["findings"]
    by_file: dict[str, list[str]] = {}
    for finding in findings:
        by_file.setdefault(Path(finding["path"]).as_posix(), []).append(finding["code"])
    assert by_file == {"crew.txt": ["XY101", "XY102", "XY201"], "wire/crew.txt": ["XY201"],
                       "legacy.txt": ["XY101", "XY102"]}


def test_severity_override_turns_an_error_into_a_warning(tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(LOADING_ARTICLE, encoding="utf-8")
    config = tmp_path / "newslint.toml"
    config.write_text('[severity]\nNL101 = "warning"\n', encoding="utf-8")
    result = run_cli("check", "--format", "json", str(article))
    assert result.exit_code == ExitCode.CLEAN
    assert [(f["code"], f["severity"]) for f in json.loads(result.stdout)["findings"]] == [("NL101", "warning")]

    config.write_text("", encoding="utf-8")
    result = run_cli("check", "--format", "json", str(article))
    assert result.exit_code == ExitCode.FINDINGS
    assert [(f["code"], f["severity"]) for f in json.loads(result.stdout)["findings"]] == [("NL101", "error")]


def test_warning_rules_alone_exit_zero(project: Path) -> None:
    result = run_cli("check", "--select", "XY102", "crew.txt")
    assert result.exit_code == ExitCode.CLEAN
    column = XY_ARTICLE.splitlines()[2].index("beta") + 1
    assert f"crew.txt:3:{column}: XY102 found 'beta'" in result.stdout


def test_config_is_found_upward_from_the_checked_path(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    (project / "desk" / "monday").mkdir(parents=True)
    (project / "desk" / "monday" / "crew.txt").write_text(XY_ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    codes = codes_of(run_cli("check", "--format", "json", str(project / "desk" / "monday" / "crew.txt")))
    assert codes == ["XY101", "XY102", "XY201"]


# --- rules and explain -----------------------------------------------------------------------------

def test_rules_lists_every_rule_with_its_plugin(project: Path, registry) -> None:
    rows = json.loads(run_cli("rules", "--format", "json").stdout)
    by_code = {row["code"]: row for row in rows}
    assert set(by_code) == {rule.code for rule in registry.rules} | {"XY101", "XY102", "XY201"}
    for rule in registry.rules:
        row = by_code[rule.code]
        assert (row["name"], row["severity"], row["fixable"], row["plugin"]) == \
            (rule.name, rule.severity.value, rule.fixable, "newslint")
    assert by_code["XY102"]["plugin"].startswith("rule pack ") and by_code["XY102"]["severity"] == "warning"

    table = run_cli("rules").stdout.splitlines()
    assert table[0].split() == ["CODE", "NAME", "SEVERITY", "FIX", "PLUGIN"]
    assert any(line.split()[:4] == ["XY101", "alpha-word", "error", "-"] for line in table[1:])


def test_explain_shows_the_rules_documentation(registry) -> None:
    for rule in registry.rules:
        result = run_cli("explain", rule.code.lower())
        assert result.exit_code == 0
        assert result.stdout.startswith(f"{rule.code} ({rule.name})")
        assert rule.doc.summary in result.stdout
        for example in rule.doc.examples:
            first_line = next(line for line in example.text.splitlines() if line.strip())
            assert first_line in result.stdout


def test_explain_names_the_module_and_files_behind_a_rule() -> None:
    import importlib

    text = run_cli("explain", "NL401").stdout
    module = next(line for line in text.splitlines() if line.startswith("Implemented by:")).rsplit(" ", 1)[1]
    assert module == "newslint.rules.attribution.rules"
    assert hasattr(importlib.import_module(module), "UnattributedClaimRule")
    declared = [Path(line.split(": ", 1)[1]) for line in text.splitlines() if line.startswith("Declared in:")]
    assert [path.name for path in declared] == ["NL401-unattributed-estimate.toml", "attribution.toml"]
    assert all(path.is_file() and path.parent.name in ("attribution", "lexicons") for path in declared)
    assert "a Python rule, in module newslint.rules.engine" in run_cli("explain", "NL001").stdout


def test_rules_verbose_adds_kind_module_and_files(registry) -> None:
    rows = {row["code"]: row for row in json.loads(run_cli("rules", "--format", "json", "--verbose").stdout)}
    for rule in registry.rules:
        family = rows[rule.code]["module"].split(".")[2]
        assert rows[rule.code]["module"].startswith(f"newslint.rules.{family}")
        assert all(f"/rules/{family}/" in path for path in rows[rule.code]["files"])
    assert rows["NL101"]["kind"] == "pattern" and rows["NL001"]["kind"] is None
    assert "module" not in json.loads(run_cli("rules", "--format", "json").stdout)[0]
    table = run_cli("rules", "-v").stdout
    assert "Implemented by: kind 'near-duplicate', in module newslint.rules.duplication.near" in table


def test_explain_unknown_code() -> None:
    assert_usage_error(run_cli("explain", "NL999"), "'NL999'", "newslint rules")


def test_an_opt_in_rule_runs_only_when_its_code_is_named(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Pension vote\n\nNearly 40% back the new pension plan.\n",
                       encoding="utf-8")

    def codes(*args: str) -> list[str]:
        result = run_cli("check", "--no-cache", "--format", "json", *args, str(article))
        return [finding["code"] for finding in json.loads(result.stdout)["findings"]]

    assert "NL402" not in codes() and "NL402" not in codes("--select", "NL4") and "NL402" not in codes("--select", "ALL")
    assert codes("--select", "NL402") == ["NL402"]
    assert "NL402" in codes("--extend-select", "NL402")
    assert "Opt-in: it runs only when selected by its code" in run_cli("explain", "NL402").stdout
    assert any(line.startswith("NL402") and line.endswith("(opt-in)") for line in run_cli("rules").stdout.splitlines())
