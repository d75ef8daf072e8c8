"""Severities and output: --min-severity, fail-on, the text output (severities, summary,
colour, --quiet, --output-file, --show-source), --statistics with a machine format, the
GitLab and reviewdog formats, and one-line usage errors."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from click.testing import Result
from conftest import run_cli

from newslint.cli import ExitCode, use_colour
from newslint.document import Document
from newslint.engine import FileResult, Located
from newslint.formats import Report
from newslint.formats.builtin import TextFormatter
from newslint.model import Finding, Severity

# Three house rules, one for each severity; the gamma rule can replace its word.
RULE = """\
code = "{code}"
name = "{word}-word"
kind = "pattern"
severity = "{severity}"
message = "found '{{match}}'"
summary = "Flags the word {word}."
{extra}
[options]
patterns = ['\\b{word}\\b']
{options}
[[examples]]
bad = "The {word} crew sailed."

[[examples]]
good = "The crew sailed."
"""
RULES = (("ZZ101", "alpha", "error", "", ""), ("ZZ102", "beta", "warning", "", ""),
         ("ZZ103", "gamma", "info", "fixable = true\n", 'suggestion = "delta"\n'))
ARTICLE = "Crew news\n\nThe alpha crew met the beta crew.\n\nLater the gamma crew arrived.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    pack = tmp_path / "house"
    pack.mkdir()
    for code, word, severity, extra, options in RULES:
        (pack / f"{code}.toml").write_text(RULE.format(code=code, word=word, severity=severity, extra=extra,
                                                       options=options), encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('rule-packs = ["house"]\nselect = ["ZZ"]\n', encoding="utf-8")
    (tmp_path / "crew.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(*args: str) -> Result:
    return run_cli("check", "--no-cache", *args)


def _codes(result: Result) -> list[str]:
    return [finding["code"] for finding in json.loads(result.stdout)["findings"]]


def _one_line_error(result: Result, *fragments: str) -> str:
    assert result.exit_code == ExitCode.USAGE, result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("newslint: error: ") and all(fragment in line for fragment in fragments), line
    assert result.stdout == ""
    return line


# --- which findings are shown and which fail the run ----------------------------------

def test_min_severity_hides_the_findings_below_it(project: Path) -> None:
    assert _codes(_check("--format", "json", "crew.txt")) == ["ZZ101", "ZZ102", "ZZ103"]
    assert _codes(_check("--format", "json", "--min-severity", "warning", "crew.txt")) == ["ZZ101", "ZZ102"]
    assert _codes(_check("--format", "json", "--min-severity", "ERROR", "crew.txt")) == ["ZZ101"]


def test_fail_on_sets_the_severity_that_exits_1(project: Path) -> None:
    (project / "crew.txt").write_text("Crew news\n\nThe beta crew met the gamma crew.\n", encoding="utf-8")
    assert _check("crew.txt").exit_code == ExitCode.CLEAN  # default: only errors fail
    assert _check("--fail-on", "warning", "crew.txt").exit_code == ExitCode.FINDINGS
    (project / "crew.txt").write_text("Crew news\n\nThe gamma crew sailed.\n", encoding="utf-8")
    assert _check("--fail-on", "warning", "crew.txt").exit_code == ExitCode.CLEAN
    assert _check("--fail-on", "info", "crew.txt").exit_code == ExitCode.FINDINGS
    assert _check("--fail-on", "info", "--exit-zero", "crew.txt").exit_code == ExitCode.CLEAN
    # a finding hidden by --min-severity never fails the run
    assert _check("--fail-on", "info", "--min-severity", "warning", "crew.txt").exit_code == ExitCode.CLEAN


def test_fail_on_and_min_severity_in_the_config(project: Path) -> None:
    (project / "crew.txt").write_text("Crew news\n\nThe beta crew sailed.\n", encoding="utf-8")
    config = project / "newslint.toml"
    config.write_text('rule-packs = ["house"]\nselect = ["ZZ"]\nfail-on = "warning"\n', encoding="utf-8")
    assert _check("crew.txt").exit_code == ExitCode.FINDINGS
    assert _check("--fail-on", "error", "crew.txt").exit_code == ExitCode.CLEAN  # the command line wins
    config.write_text('rule-packs = ["house"]\nselect = ["ZZ"]\nmin-severity = "error"\n', encoding="utf-8")
    assert _codes(_check("--format", "json", "crew.txt")) == []
    assert _codes(_check("--format", "json", "--min-severity", "info", "crew.txt")) == ["ZZ102"]


@pytest.mark.parametrize("key", ["fail-on", "min-severity"])
def test_a_bad_level_in_the_config_is_one_line(project: Path, key: str) -> None:
    (project / "newslint.toml").write_text(f'rule-packs = ["house"]\n{key} = "fatal"\n', encoding="utf-8")
    _one_line_error(_check("crew.txt"), "newslint.toml", key, '"error", "warning", "info"')


def test_a_bad_level_on_the_command_line_is_one_line(project: Path) -> None:
    _one_line_error(_check("--fail-on", "fatal", "crew.txt"), "--fail-on", "fatal")


# --- text output ------------------------------------------------------------------------

def test_text_shows_each_severity_and_a_summary_by_severity(project: Path) -> None:
    result = _check("crew.txt")
    lines = result.stdout.splitlines()
    assert lines[:3] == ["crew.txt:3:5: ZZ101 found 'alpha' [error]",
                         "crew.txt:3:24: ZZ102 found 'beta' [warning]",
                         "crew.txt:5:11: ZZ103 [*] found 'gamma' [info]"]
    assert lines[3] == "Found 3 findings: 1 error, 1 warning, 1 info (1 fixable with --fix, marked [*])."
    assert len(lines) == 4
    one = _check("--min-severity", "warning", "--ignore", "ZZ101", "crew.txt").stdout.splitlines()
    assert one[-1] == "Found 1 finding: 1 warning."


def test_all_checks_passed_when_nothing_is_found(project: Path) -> None:
    (project / "crew.txt").write_text("Crew news\n\nThe crew sailed.\n", encoding="utf-8")
    assert _check("crew.txt").stdout == "All checks passed!\n"
    assert _check("--quiet", "crew.txt").stdout == ""


def test_nothing_passed_when_a_file_could_not_be_checked(project: Path) -> None:
    result = _check("gone.txt")
    assert result.exit_code == ExitCode.USAGE and "All checks passed" not in result.output


def test_quiet_prints_the_findings_and_nothing_else(project: Path) -> None:
    lines = _check("-q", "crew.txt").stdout.splitlines()
    assert len(lines) == 3 and all(re.match(r"crew\.txt:\d+:\d+: ZZ10\d ", line) for line in lines)
    fixed = run_cli("check", "--no-cache", "--fix", "--quiet", "crew.txt")
    assert fixed.stderr == "" and "delta crew" in (project / "crew.txt").read_text(encoding="utf-8")


def test_output_file_gets_what_stdout_would(project: Path) -> None:
    expected = _check("--format", "json", "crew.txt").stdout
    (project / "out").mkdir()
    result = _check("--format", "json", "--output-file", "out/report.json", "crew.txt")
    assert result.stdout == "" and result.exit_code == ExitCode.FINDINGS
    assert (project / "out" / "report.json").read_text(encoding="utf-8") == expected
    _one_line_error(_check("--output-file", "missing-dir/report.txt", "crew.txt"), "missing-dir/report.txt")


def test_colour_always_never_and_no_color(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    coloured = _check("--color", "always", "crew.txt").stdout
    assert "\x1b[" in coloured and "\x1b[31m" in coloured  # errors in red
    plain = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert plain == _check("--color", "never", "crew.txt").stdout == _check("crew.txt").stdout
    assert "\x1b[" not in _check("--color", "always", "-o", "report.txt", "crew.txt").stdout
    assert "\x1b[" in (project / "report.txt").read_text(encoding="utf-8")  # asked for: kept in the file

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour("auto", Terminal()) and not use_colour("auto", io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour("auto", Terminal()) and use_colour("always", Terminal())
    assert not use_colour("never", Terminal())


def test_show_source_puts_carets_under_the_span(project: Path) -> None:
    (project / "crew.txt").write_text("Crew news\r\n\r\nÉté: the\talpha crew met the beta crew.\r\n",
                                      encoding="utf-8")
    lines = _check("--show-source", "--select", "ZZ1", "crew.txt").stdout.splitlines()
    assert lines[0] == "crew.txt:3:10: ZZ101 found 'alpha' [error]"  # the tab shown as one space
    assert lines[1] == "  3 | Été: the alpha crew met the beta crew."
    assert lines[2] == "    | " + " " * 9 + "^^^^^"
    assert lines[4:6] == ["  3 | Été: the alpha crew met the beta crew.", "    | " + " " * 28 + "^^^^"]
    assert lines[-1].startswith("Found 2 findings")


def test_show_source_cuts_a_long_line_around_the_span(project: Path) -> None:
    (project / "crew.txt").write_text("Crew news\n\n" + "word " * 60 + "alpha " + "word " * 60 + "\n",
                                      encoding="utf-8")
    _, source, carets, _ = _check("--show-source", "--select", "ZZ101", "crew.txt").stdout.splitlines()
    assert source.startswith("  3 | …") and source.endswith("…") and len(source) < 140
    start = carets.index("^")
    assert source[start:start + 5] == "alpha" and carets[start:] == "^^^^^"


def test_show_source_reads_stdin_too(project: Path) -> None:
    result = run_cli("check", "--show-source", "--stdin-filename", "piped.txt", "-",
                     input="Crew news\n\nAn alpha crew.\n")
    assert result.stdout.splitlines()[1:3] == ["  3 | An alpha crew.", "    |    ^^^^^"]


# --- machine formats ----------------------------------------------------------------------

@pytest.mark.parametrize("output_format", ["sarif", "junit", "github", "gitlab", "rdjson"])
def test_statistics_with_a_machine_format_is_a_usage_error(project: Path, output_format: str) -> None:
    _one_line_error(_check("--statistics", "--format", output_format, "crew.txt"), "--statistics", output_format)


def test_statistics_still_prints_as_text_and_json(project: Path) -> None:
    assert _check("--statistics", "crew.txt").stdout.splitlines()[0].split("\t")[1].strip() == "ZZ101"
    assert [row["code"] for row in json.loads(_check("--statistics", "--format", "json", "crew.txt").stdout)] == \
        ["ZZ101", "ZZ102", "ZZ103"]


def test_gitlab_code_quality(project: Path) -> None:
    (project / ".git").mkdir()
    (project / "desk").mkdir()
    (project / "desk" / "crew.txt").write_text(ARTICLE + "\nThe alpha crew left.\n", encoding="utf-8")
    result = _check("--format", "gitlab", "desk")
    assert result.exit_code == ExitCode.FINDINGS
    issues = json.loads(result.stdout)
    assert [(i["check_name"], i["severity"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("ZZ101", "major", 3), ("ZZ102", "minor", 3), ("ZZ103", "info", 5), ("ZZ101", "major", 7)]
    assert all(i["location"]["path"] == "desk/crew.txt" for i in issues)
    assert issues[0]["description"] == "ZZ101 found 'alpha'"
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == 4  # the two alpha findings are two issues
    (project / "desk" / "crew.txt").write_text("Crew news\n\nA new first paragraph.\n\n" + ARTICLE.split("\n\n", 1)[1]
                                               + "\nThe alpha crew left.\n", encoding="utf-8")
    moved = json.loads(_check("--format", "gitlab", "desk").stdout)
    assert [i["fingerprint"] for i in moved] == fingerprints and moved[0]["location"]["lines"]["begin"] == 5
    (project / "other").mkdir()
    (project / "other" / "crew.txt").write_text(ARTICLE, encoding="utf-8")
    elsewhere = json.loads(_check("--format", "gitlab", "other").stdout)
    assert not {i["fingerprint"] for i in elsewhere} & set(fingerprints)  # another file: other issues


def test_rdjson_counts_columns_in_utf8_bytes_and_carries_simple_fixes(project: Path) -> None:
    (project / "crew.txt").write_text("Crew news\n\nÉté: the gamma crew.\n", encoding="utf-8")
    payload = json.loads(_check("--format", "rdjson", "crew.txt").stdout)
    assert payload["source"] == {"name": "newslint"}
    (diagnostic,) = payload["diagnostics"]
    assert diagnostic["message"] == "found 'gamma'" and diagnostic["severity"] == "INFO"
    assert diagnostic["code"] == {"value": "ZZ103"}
    assert diagnostic["location"]["path"] == "crew.txt"
    # 'Été: the ' is 9 characters but 11 UTF-8 bytes: the word starts at byte column 12
    span = {"start": {"line": 3, "column": 12}, "end": {"line": 3, "column": 17}}
    assert diagnostic["location"]["range"] == span
    assert diagnostic["suggestions"] == [{"range": span, "text": "delta"}]


def test_rdjson_severities_and_no_suggestion_without_a_fix(project: Path) -> None:
    diagnostics = json.loads(_check("--format", "rdjson", "crew.txt").stdout)["diagnostics"]
    assert [d["severity"] for d in diagnostics] == ["ERROR", "WARNING", "INFO"]
    assert ["suggestions" in d for d in diagnostics] == [False, False, True]


def test_the_new_formats_are_plugins_like_the_others(registry) -> None:
    assert {"gitlab", "rdjson"} <= set(registry.formatters)


# --- usage errors ----------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "fragment"), [
    pytest.param(("check", "--no-such-option", "a.txt"), "--no-such-option", id="unknown-option"),
    pytest.param(("check", "--color", "sometimes", "a.txt"), "sometimes", id="bad-choice"),
    pytest.param(("check", "--jobs", "0", "a.txt"), "--jobs", id="out-of-range"),
    pytest.param(("explain",), "CODE", id="missing-argument"),
    pytest.param(("no-such-command",), "no-such-command", id="unknown-command"),
])
def test_click_usage_errors_are_one_line(args: tuple[str, ...], fragment: str) -> None:
    line = _one_line_error(run_cli(*args), fragment)
    assert "--help" in line


def test_a_bare_newslint_still_prints_the_help() -> None:
    result = run_cli()
    assert "Commands:" in result.output and "check" in result.output and "newslint: error" not in result.output


def test_show_source_skips_a_line_the_file_no_longer_has() -> None:
    item = Located("a.txt", Finding("ZZ101", "alpha-word", Severity.ERROR, "found 'alpha'", 30, 35), 4, 1, 4, 6)
    shrunk = Document(path="a.txt", source="One line now.\n", format="")
    report = Report(results=(FileResult("a.txt", (item,)),), source=lambda path: shrunk, show_source=True)
    assert TextFormatter().format(report).splitlines() == ["a.txt:4:1: ZZ101 found 'alpha' [error]",
                                                           "Found 1 finding: 1 error."]


def test_fix_leaves_alone_what_min_severity_hides(project: Path) -> None:
    article = project / "crew.txt"
    diff = run_cli("check", "--no-cache", "--diff", "--min-severity", "warning", "crew.txt")
    assert diff.stdout == "" and diff.exit_code == ExitCode.CLEAN
    held = run_cli("check", "--fix", "--min-severity", "warning", "crew.txt")
    assert article.read_text(encoding="utf-8") == ARTICLE, held.output  # the hidden info finding's text stays
    assert "Fixed 0 findings" in held.stderr
    fixed = run_cli("check", "--fix", "crew.txt")  # the held-back run cached nothing stale
    assert "gamma" not in article.read_text(encoding="utf-8") and "Fixed 1 finding" in fixed.stderr
