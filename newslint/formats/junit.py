"""JUnit XML output, for CI systems that show test reports (GitLab, Jenkins, Azure).

One ``testcase`` per checked file (named by its path), one ``failure`` per finding that
fails the run (at or above ``--fail-on``, error by default), an ``error`` for a file that
could not be checked or where a rule crashed (NL000). Findings below the failing severity
do not fail the test case: they are listed in its ``system-out``, each with its severity.
A clean file is a passing test case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

from newslint.engine import ENGINE_CODE, FileResult, Located
from newslint.formats import Report
from newslint.hookspecs import hookimpl

SUITE_NAME = "newslint"
# Characters XML 1.0 cannot hold at all, even escaped (most C0 controls, lone
# surrogates, U+FFFE/U+FFFF); an article can carry them into a message.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub(lambda match: ascii(match.group())[1:-1], text)


def _line(item: Located) -> str:
    finding = item.finding
    return _xml_safe(f"{item.path}:{item.line}:{item.column}: {finding.code} {finding.message}")


def _testcase(result: FileResult, report: Report) -> ElementTree.Element:
    path = _xml_safe(result.path)
    case = ElementTree.Element("testcase", {"name": path, "classname": SUITE_NAME, "file": path, "time": "0"})
    if result.error is not None:
        error = _xml_safe(result.error)
        ElementTree.SubElement(case, "error", {"type": "input-error", "message": error}).text = error
    passing = []
    for item in result.findings:
        finding = item.finding
        if finding.code != ENGINE_CODE and not report.fails(item):
            passing.append(f"{_line(item)} [{finding.severity.value}]")
            continue
        tag = "error" if finding.code == ENGINE_CODE else "failure"
        attributes = {"type": finding.code,
                      "message": _xml_safe(f"{finding.code} {finding.message} "
                                           f"(line {item.line}, column {item.column}; {finding.severity.value})")}
        ElementTree.SubElement(case, tag, attributes).text = _line(item)
    if passing:
        ElementTree.SubElement(case, "system-out").text = "\n".join(passing)
    return case


def junit_xml(report: Report) -> str:
    cases = [_testcase(result, report) for result in report.results]
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
