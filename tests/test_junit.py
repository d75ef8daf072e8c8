"""JUnit XML output, read back with junitparser; and the GitHub annotation format."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from junitparser import Error, Failure, JUnitXml

from newslint.engine import ENGINE_CODE, FileResult, Located
from newslint.formats import Report
from newslint.formats.junit import junit_xml
from newslint.model import Finding, Severity


def _located(path: str, code: str, line: int, message: str = "msg") -> Located:
    return Located(path, Finding(code, "rule", Severity.ERROR, message, 0, 4), line, 1, line, 5)


def _cases(xml: str) -> dict[str, list]:
    parsed = JUnitXml.fromstring(xml.encode("utf-8"))  # bytes: lxml refuses a str with an encoding declaration
    return {case.name: list(case.result) for suite in parsed for case in suite}


def test_one_testcase_per_file_one_failure_per_finding() -> None:
    report = Report(results=(
        FileResult("a.txt", (_located("a.txt", "NL101", 3, "Widget <placeholder> & co"), _located("a.txt", "NL401", 7))),
        FileResult("clean.txt"),
        FileResult("b.html", (_located("b.html", ENGINE_CODE, 1),)),
        FileResult("gone.md", error="no such file or directory"),
    ))
    xml = junit_xml(report)
    cases = _cases(xml)
    assert list(cases) == ["a.txt", "clean.txt", "b.html", "gone.md"]
    failures = cases["a.txt"]
    assert [type(r) for r in failures] == [Failure, Failure]
    assert [r.type for r in failures] == ["NL101", "NL401"]
    assert "Widget <placeholder> & co" in failures[0].message and "line 3" in failures[0].message
    assert failures[0].text == "a.txt:3:1: NL101 Widget <placeholder> & co"
    assert cases["clean.txt"] == []
    assert [type(r) for r in cases["b.html"]] == [Error]
    assert [type(r) for r in cases["gone.md"]] == [Error]
    suite = next(iter(JUnitXml.fromstring(xml.encode("utf-8"))))
    assert (suite.tests, suite.failures, suite.errors) == (4, 1, 2)


def test_cli_junit(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nFirst paragraph here.\n\nLoading...\n")
    (tmp_path / "b.txt").write_text("Headline\n\nNothing wrong with this paragraph.\n")
    result = run_cli("check", "--no-cache", "--select", "NL101", "--format", "junit", str(tmp_path))
    assert result.exit_code == 1
    cases = _cases(result.stdout)
    assert sorted(Path(name).name for name in cases) == ["a.txt", "b.txt"]
    by_name = {Path(name).name: results for name, results in cases.items()}
    assert [r.type for r in by_name["a.txt"]] == ["NL101"] and by_name["b.txt"] == []


def test_github_annotations_carry_end_position_and_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nFirst paragraph here.\n\nLoading...\n")
    result = run_cli("check", "--no-cache", "--select", "NL101", "--format", "github", str(path))
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"::error file={path},line=5,col=1,endLine=5,endColumn=11,title=NL101::NL101 ")


def _mixed() -> FileResult:
    findings = tuple(Located("a.txt", Finding(code, "rule", severity, f"{severity.value} here", 0, 4), line, 1, line, 5)
                     for code, severity, line in (("NL101", Severity.ERROR, 3), ("NL401", Severity.WARNING, 5),
                                                  ("NL402", Severity.INFO, 7)))
    return FileResult("a.txt", findings)


def test_only_findings_at_or_above_the_failing_severity_are_failures() -> None:
    xml = junit_xml(Report(results=(_mixed(),)))
    (results,) = _cases(xml).values()
    assert [(type(r), r.type) for r in results] == [(Failure, "NL101")]
    case = next(iter(next(iter(JUnitXml.fromstring(xml.encode("utf-8"))))))
    assert case.system_out.splitlines() == ["a.txt:5:1: NL401 warning here [warning]",
                                            "a.txt:7:1: NL402 info here [info]"]
    warnings = junit_xml(Report(results=(_mixed(),), fail_on=Severity.WARNING))
    (results,) = _cases(warnings).values()
    assert [r.type for r in results] == ["NL101", "NL401"]
    assert "warning" in results[1].message


def test_cli_junit_warning_is_not_a_failure_unless_fail_on_says_so(tmp_path: Path) -> None:
    (tmp_path / "newslint.toml").write_text('[severity]\nNL101 = "warning"\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nFirst paragraph here.\n\nLoading...\n")
    plain = run_cli("check", "--no-cache", "--select", "NL101", "--format", "junit", str(article))
    assert plain.exit_code == 0 and list(_cases(plain.stdout).values()) == [[]]
    assert "NL101" in plain.stdout and "[warning]" in plain.stdout  # kept, in system-out
    strict = run_cli("check", "--no-cache", "--select", "NL101", "--format", "junit", "--fail-on", "warning",
                     str(article))
    assert strict.exit_code == 1
    assert [r.type for r in next(iter(_cases(strict.stdout).values()))] == ["NL101"]
