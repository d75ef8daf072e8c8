"""JUnit XML output, for CI systems that show test reports (GitLab, Jenkins, Azure).

One ``testcase`` per checked file (named by its path), one ``failure`` per finding,
an ``error`` for a file that could not be checked or where a rule crashed (NL000).
A clean file is a passing test case.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree

from newslint.engine import ENGINE_CODE, FileResult, Located
from newslint.formats import Report
from newslint.plugins import hookimpl

SUITE_NAME = "newslint"


def _line(item: Located) -> str:
    finding = item.finding
    return f"{item.path}:{item.line}:{item.column}: {finding.code} {finding.message}"


def _testcase(result: FileResult) -> ElementTree.Element:
    case = ElementTree.Element("testcase", {"name": result.path, "classname": SUITE_NAME,
                                            "file": result.path, "time": "0"})
    if result.error is not None:
        ElementTree.SubElement(case, "error", {"type": "input-error", "message": result.error}).text = result.error
    for item in result.findings:
        finding = item.finding
        tag = "error" if finding.code == ENGINE_CODE else "failure"
        attributes = {"type": finding.code,
                      "message": f"{finding.code} {finding.message} (line {item.line}, column {item.column})"}
        ElementTree.SubElement(case, tag, attributes).text = _line(item)
    return case


def junit_xml(report: Report) -> str:
    cases = [_testcase(result) for result in report.results]
    counts = {
        "tests": str(len(cases)),
        "failures": str(sum(1 for case in cases if case.find("failure") is not None and case.find("error") is None)),
        "errors": str(sum(1 for case in cases if case.find("error") is not None)),
        "skipped": "0",
        "time": "0",
    }
    suites = ElementTree.Element("testsuites", {"name": SUITE_NAME, **counts})
    suite = ElementTree.SubElement(suites, "testsuite", {"name": SUITE_NAME, **counts})
    suite.extend(cases)
    ElementTree.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(suites, encoding="unicode") + "\n"


@dataclass(frozen=True)
class JunitFormatter:
    name: str = "junit"

    def format(self, report: Report) -> str:
        return junit_xml(report)


@hookimpl
def newslint_formatters() -> list[object]:
    return [JunitFormatter()]
