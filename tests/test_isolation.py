"""A plugin that raises, hangs or returns garbage costs its own findings on that file, nothing else.

Every faulty behaviour is checked the same way: the findings of the other rules are
exactly those of a run without the faulty plugin, and the faulty rule is replaced by
one NL000 finding that names it. Then the same through the CLI, with the faulty rules
in a real distribution pip-installed into a temporary directory and found through its
``newslint`` entry point.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from newslint.budget import BudgetExceeded, TimeBudget, can_enforce, time_budget
from newslint.document import Document
from newslint.engine import ENGINE_CODE, check_bytes, check_document
from newslint.hookspecs import hookimpl
from newslint.model import Edit, Finding, Fix, RuleDoc, Severity
from newslint.plugins import plugin_manager
from newslint.readers import ReaderError
from newslint.registry import build_registry

needs_alarm = pytest.mark.skipif(not can_enforce(), reason="time budgets need SIGALRM in the main thread")

ARTICLE = (
    "Harbour works delayed again\n"
    "\n"
    "The council said on Tuesday that repairs to the north pier would finish in May.\n"
    "\n"
    "Loading...\n"
    "\n"
    "Fishing crews have used the south quay since the storm in January.\n"
)
TRIGGER = "Harbour"  # the faulty rules misbehave only on documents containing it
QUICK = TimeBudget(seconds=0.5, per_megabyte=0.0)


def _finding(start: int, end: int, **changes: object) -> Finding:
    values: dict[str, object] = {"code": "XT999", "rule": "faulty", "severity": Severity.ERROR, "message": "m",
                                     "start": start, "end": end}
    values.update(changes)
    return Finding(**values)  # type: ignore[arg-type]


def _raise(document: Document) -> Iterable[object]:
    raise ValueError("plugin bug")


def _raise_midway(document: Document) -> Iterable[object]:
    yield _finding(0, 1)
    raise KeyError("half way")


def _exit(document: Document) -> Iterable[object]:
    raise SystemExit(4)


def _return_none(document: Document) -> Iterable[object]:
    return None  # type: ignore[return-value]


def _spin(document: Document) -> Iterable[object]:
    while True:
        pass


def _sleep(document: Document) -> Iterable[object]:
    time.sleep(60)
    return ()


def _sleep_swallowing_exceptions(document: Document) -> Iterable[object]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            time.sleep(60)
        except Exception:  # noqa: BLE001, S110 - the point: a plugin that swallows everything it can
            pass
    return ()


def _loses_the_first_alarm(document: Document) -> Iterable[object]:
    """As when the alarm lands in a ``__del__`` or a garbage-collector callback, where
    Python prints the exception and carries on: the alarm repeats until it sticks."""
    try:
        while True:
            pass
    except BaseException:  # noqa: BLE001, S110 - the alarm lost, as Python loses it there
        pass
    while True:
        pass


def _catastrophic_stdlib_re(document: Document) -> Iterable[object]:
    import re  # the standard library's, which has no timeout: only the budget stops it

    return [_finding(0, 1)] if re.match(r"(a+)+$", "a" * 40 + "!") else []


def _garbage(*items: Callable[[Document], object]) -> Callable[[Document], Iterable[object]]:
    return lambda document: [make(document) for make in items]


GARBAGE = {
    "past-the-end": _garbage(lambda d: _finding(0, len(d.source) + 1)),
    "negative": _garbage(lambda d: _finding(-1, 3)),
    "reversed": _garbage(lambda d: _finding(5, 2)),
    "float-offset": _garbage(lambda d: _finding(1.0, 2)),
    "bool-offset": _garbage(lambda d: _finding(True, 2)),
    "none-offset": _garbage(lambda d: _finding(None, 2)),
    "not-a-finding": _garbage(lambda d: "NL999 something is wrong"),
    "none": _garbage(lambda d: None),
    "dict": _garbage(lambda d: {"start": 0, "end": 1}),
    "string-severity": _garbage(lambda d: _finding(0, 1, severity="error")),
    "bytes-message": _garbage(lambda d: _finding(0, 1, message=b"m")),
    "fix-past-the-end": _garbage(lambda d: _finding(0, 1, fix=Fix("x", (Edit(0, len(d.source) + 5, ""),)))),
    "fix-overlapping": _garbage(lambda d: _finding(0, 4, fix=Fix("x", (Edit(0, 4, "a"), Edit(2, 6, "b"))))),
    "fix-not-edits": _garbage(lambda d: _finding(0, 1, fix=Fix("x", ((0, 1, ""),)))),  # type: ignore[arg-type]
    "fix-list": _garbage(lambda d: _finding(0, 1, fix=Fix("x", [Edit(0, 1, "")]))),  # type: ignore[arg-type]
    # The first finding is fine; the second is not: none of them may get through.
    "good-then-bad": _garbage(lambda d: _finding(0, 1), lambda d: _finding(0, 10**9)),
}
RAISING = {"raises": _raise, "raises-midway": _raise_midway, "system-exit": _exit, "returns-none": _return_none}
HANGING = {"spins": _spin, "sleeps": _sleep, "swallows-exceptions": _sleep_swallowing_exceptions,
           "catastrophic-stdlib-re": _catastrophic_stdlib_re, "loses-the-first-alarm": _loses_the_first_alarm}


FAULTY_DOC = RuleDoc("A deliberately faulty rule for the isolation tests.")


@dataclass(frozen=True)
class FaultyRule:
    code: str
    name: str
    behaviour: Callable[[Document], Iterable[object]]
    severity: Severity = Severity.ERROR
    fixable: bool = False
    doc: RuleDoc = FAULTY_DOC
    origin: str = "faulty-test-plugin"
    language: str | None = None

    def check(self, document: Document) -> Iterable[object]:
        return self.behaviour(document) if TRIGGER in document.source else ()


class FaultyPlugin:
    def __init__(self, *rules: FaultyRule):
        self.rules = rules

    @hookimpl
    def newslint_rules(self) -> list[FaultyRule]:
        return list(self.rules)


@pytest.fixture(scope="module")
def builtin_registry():
    return build_registry(plugin_manager(load_entry_points=False))


def _baseline(registry, data: bytes = ARTICLE.encode(), path: str = "a.txt") -> tuple:
    result = check_bytes(path, data, registry, registry.rules)
    assert result.error is None and not result.crashed
    return result.findings


def _assert_isolated(registry, faulty: FaultyRule, budget: TimeBudget | None = QUICK) -> str:
    """Run the built-in rules plus `faulty` through a registry built with it as a plugin;
    return the NL000 message after checking everything else is untouched."""
    with_plugin = build_registry(plugin_manager(load_entry_points=False, extra=(FaultyPlugin(faulty),)))
    result = check_bytes("a.txt", ARTICLE.encode(), with_plugin, with_plugin.rules, budget=budget)
    engine = [item for item in result.findings if item.code == ENGINE_CODE]
    others = tuple(item for item in result.findings if item.code != ENGINE_CODE)
    assert len(engine) == 1, result.findings
    assert result.crashed and result.error is None
    assert others == _baseline(registry), "the other rules' findings must be exactly as without the plugin"
    assert any(item.code == "NL101" for item in others), "the control finding is there"
    message = engine[0].finding.message
    assert faulty.code in message and faulty.name in message and faulty.origin in message
    assert (engine[0].line, engine[0].column) == (1, 1)
    return message


@pytest.mark.parametrize("behaviour", sorted(RAISING))
def test_a_raising_rule_becomes_nl000(builtin_registry, behaviour: str) -> None:
    message = _assert_isolated(builtin_registry, FaultyRule("XT101", behaviour, RAISING[behaviour]))
    assert "crashed" in message


@pytest.mark.parametrize("behaviour", sorted(GARBAGE))
def test_garbage_findings_become_nl000(builtin_registry, behaviour: str) -> None:
    message = _assert_isolated(builtin_registry, FaultyRule("XT201", behaviour, GARBAGE[behaviour]))
    assert "returned" in message


@needs_alarm
@pytest.mark.parametrize("behaviour", sorted(HANGING))
def test_a_hanging_rule_is_stopped_after_its_budget(builtin_registry, behaviour: str) -> None:
    started = time.monotonic()
    message = _assert_isolated(builtin_registry, FaultyRule("XT301", behaviour, HANGING[behaviour]))
    elapsed = time.monotonic() - started
    assert "time budget" in message
    assert elapsed < QUICK.seconds + 5, f"stopped after {elapsed:.1f} s"


def test_the_faulty_rules_are_harmless_without_their_trigger(builtin_registry) -> None:
    """The same plugin on an article without the trigger: no NL000 (it is the
    behaviour, not the plugin's presence, that is reported)."""
    every = [FaultyRule(f"XT{400 + i}", name, behaviour)
             for i, (name, behaviour) in enumerate({**RAISING, **GARBAGE, **HANGING}.items())]
    registry = build_registry(plugin_manager(load_entry_points=False, extra=(FaultyPlugin(*every),)))
    text = ARTICLE.replace(TRIGGER, "Quay")
    result = check_bytes("a.txt", text.encode(), registry, registry.rules, budget=QUICK)
    assert not result.crashed
    assert result.findings == _baseline(builtin_registry, text.encode())


@needs_alarm
def test_one_hanging_rule_does_not_cost_the_next_rule_its_time(builtin_registry) -> None:
    """The budget is per rule and file: after a rule is stopped, the next one gets a
    fresh budget (here: a slow but legitimate rule that needs most of it)."""

    def slow_but_fine(document: Document) -> Iterable[object]:
        time.sleep(QUICK.seconds * 0.6)
        return [_finding(0, 1, code="XT502")]

    rules = [FaultyRule("XT501", "spins", _spin), FaultyRule("XT502", "slow", slow_but_fine)]
    document = builtin_registry.readers[".txt"].read("a.txt", ARTICLE)
    findings = check_document(document, rules, budget=QUICK)
    assert [f.code for f in findings] == [ENGINE_CODE, "XT502"]


def test_without_a_budget_a_slow_rule_finishes(builtin_registry) -> None:
    def slow(document: Document) -> Iterable[object]:
        time.sleep(0.3)
        return [_finding(0, 1)]

    document = builtin_registry.readers[".txt"].read("a.txt", ARTICLE)
    assert [f.code for f in check_document(document, [FaultyRule("XT601", "slow", slow)], budget=None)] == ["XT999"]
    assert [f.code for f in check_document(document, [FaultyRule("XT601", "slow", slow)],
                                           budget=TimeBudget(0.1, 0.0))] == [ENGINE_CODE]


def test_the_budget_grows_with_the_input() -> None:
    budget = TimeBudget(seconds=10, per_megabyte=2)
    assert budget.seconds_for(0) == 10
    assert budget.seconds_for(5_000_000) == 20
    with pytest.raises(ValueError):
        TimeBudget(seconds=0)


# --- the budget itself ------------------------------------------------------------


@needs_alarm
def test_budget_is_not_swallowed_by_except_exception() -> None:
    with pytest.raises(BudgetExceeded), time_budget(0.2):
        try:
            time.sleep(5)
        except Exception:  # noqa: BLE001, S110 - what a careless plugin writes
            pass


@needs_alarm
def test_budget_restores_an_outer_timer_and_handler() -> None:
    fired: list[float] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(time.monotonic()))
    try:
        started = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, 0.6)
        with time_budget(5):
            time.sleep(0.1)
        assert signal.getsignal(signal.SIGALRM) is not None and not fired
        remaining = signal.getitimer(signal.ITIMER_REAL)[0]
        assert 0.2 < remaining <= 0.5, remaining  # the outer timer kept running meanwhile
        time.sleep(1.0)
        assert len(fired) == 1 and fired[0] - started == pytest.approx(0.6, abs=0.3)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@needs_alarm
def test_a_finished_body_leaves_no_alarm_behind() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with time_budget(0.2):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before
    time.sleep(0.3)  # nothing fires


def test_outside_the_main_thread_the_budget_is_off_not_broken(builtin_registry) -> None:
    """Signals reach only the main thread: elsewhere the rule runs to completion."""

    def slow(document: Document) -> Iterable[object]:
        time.sleep(0.3)
        return [_finding(0, 1)]

    document = builtin_registry.readers[".txt"].read("a.txt", ARTICLE)
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(
        check_document(document, [FaultyRule("XT701", "slow", slow)], budget=TimeBudget(0.05, 0.0))))
    worker.start()
    worker.join(10)
    assert [f.code for f in outcome[0]] == ["XT999"]  # type: ignore[union-attr]


# --- readers are plugins too ----------------------------------------------------------


@dataclass(frozen=True)
class FaultyReader:
    name: str
    extensions: tuple[str, ...]
    behaviour: Callable[[str], Document]
    charset_in_markup: bool = False

    def matches(self, source: str) -> bool:
        return True

    def read(self, path: str, source: str) -> Document:
        return self.behaviour(source)


class ReaderPlugin:
    @hookimpl
    def newslint_readers(self) -> list[FaultyReader]:
        def crash(source: str) -> Document:
            raise IndexError("reader bug")

        def hang(source: str) -> Document:
            while True:
                pass

        def refuse(source: str) -> Document:
            raise ReaderError("not a crash article")

        return [FaultyReader("crashy", (".crash",), crash), FaultyReader("hangy", (".hang",), hang),
                FaultyReader("picky", (".picky",), refuse)]


@pytest.mark.parametrize(("path", "expected"), [
    ("a.crash", "reader crashy crashed: IndexError"),
    pytest.param("a.hang", "reader hangy was stopped", marks=needs_alarm),
])
def test_a_faulty_reader_is_nl000_for_that_file(path: str, expected: str) -> None:
    registry = build_registry(plugin_manager(load_entry_points=False, extra=(ReaderPlugin(),)))
    result = check_bytes(path, b"text", registry, registry.rules, budget=QUICK)
    assert result.error is None and result.crashed
    assert len(result.findings) == 1 and result.findings[0].finding.message.startswith(expected)
    assert _baseline(registry) == _baseline(build_registry(plugin_manager(load_entry_points=False)))


def test_a_reader_refusing_input_is_an_input_error_not_a_crash() -> None:
    registry = build_registry(plugin_manager(load_entry_points=False, extra=(ReaderPlugin(),)))
    result = check_bytes("a.picky", b"text", registry, registry.rules)
    assert not result.crashed and result.error == "cannot read as picky: not a crash article"


# --- the CLI, with the faulty rules installed as a real distribution --------------------

PLUGIN_SOURCE = '''
"""Faulty rules for newslint's isolation tests, one per kind of fault."""
import time
from dataclasses import dataclass
from newslint.model import Finding, RuleDoc, Severity
from newslint.hookspecs import hookimpl


@dataclass(frozen=True)
class Faulty:
    code: str
    name: str
    trigger: str
    severity: Severity = Severity.WARNING
    fixable: bool = False
    doc: RuleDoc = RuleDoc("faulty on purpose")
    origin: str = "newslint-faulty-plugin"
    language: str | None = None

    def check(self, document):
        if self.trigger not in document.source:
            return []
        if self.name == "crash":
            raise RuntimeError("boom")
        if self.name == "hang":
            while True:
                time.sleep(1)
        return [Finding(self.code, self.name, self.severity, "garbage", 0, len(document.source) + 100)]


@hookimpl
def newslint_rules():
    return [Faulty("XF001", "crash", "CRASH-ME"), Faulty("XF002", "hang", "HANG-ME"),
            Faulty("XF003", "garbage", "GARBAGE-ME")]
'''

PLUGIN_PYPROJECT = '''
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "newslint-faulty-plugin"
version = "0.0.1"

[project.entry-points.newslint]
faulty = "newslint_faulty_plugin"

[tool.hatch.build.targets.wheel]
only-include = ["newslint_faulty_plugin.py"]
'''


@pytest.fixture(scope="module")
def installed_faulty_plugin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("faulty-plugin-src")
    (source / "pyproject.toml").write_text(PLUGIN_PYPROJECT, encoding="utf-8")
    (source / "newslint_faulty_plugin.py").write_text(PLUGIN_SOURCE, encoding="utf-8")
    target = tmp_path_factory.mktemp("faulty-plugin-site")
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    completed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check",
         *isolation, "--target", str(target), str(source)],
        capture_output=True, text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stderr
    return target


def _newslint(*args: str, plugins: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(plugins)}
    return subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


@needs_alarm
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_reports_each_faulty_file_and_completes_the_rest(installed_faulty_plugin: Path, tmp_path: Path,
                                                            jobs: str) -> None:
    """With ``--jobs 2`` (and more files than the parallel threshold) the rules run in
    pool workers, whose main thread enforces the budget just the same."""
    articles = tmp_path / "articles"
    articles.mkdir()
    texts = {}
    for copy in ("1", "2"):
        texts.update({
            f"a{copy}-clean.txt": ARTICLE,
            f"b{copy}-crash.txt": ARTICLE + "\nCRASH-ME\n",
            f"c{copy}-hang.txt": ARTICLE + "\nHANG-ME\n",
            f"d{copy}-garbage.txt": ARTICLE + "\nGARBAGE-ME\n",
            f"e{copy}-clean.txt": "Loading...\n\n" + ARTICLE,
        })
    for name, text in texts.items():
        (articles / name).write_text(text, encoding="utf-8")

    listed = _newslint("rules", plugins=installed_faulty_plugin, cwd=tmp_path)
    assert "XF002" in listed.stdout and "newslint-faulty-plugin" in listed.stdout, listed.stdout + listed.stderr

    started = time.monotonic()
    completed = _newslint("check", "--format", "json", "--time-budget", "1", "--jobs", jobs, "--no-cache",
                          str(articles), plugins=installed_faulty_plugin, cwd=tmp_path)
    elapsed = time.monotonic() - started
    assert completed.returncode == 3, completed.stderr
    assert "Traceback" not in completed.stderr
    assert elapsed < 60
    findings = json.loads(completed.stdout)["findings"]
    by_file: dict[str, list[dict]] = {}
    for finding in findings:
        by_file.setdefault(Path(finding["path"]).name, []).append(finding)

    expected_crash = {"b": "XF001", "c": "XF002", "d": "XF003"}
    for name, text_of_file in texts.items():
        engine = [f for f in by_file[name] if f["code"] == ENGINE_CODE]
        if name[0] in expected_crash:
            assert len(engine) == 1 and expected_crash[name[0]] in engine[0]["message"], by_file[name]
        else:
            assert engine == [], by_file[name]
        # Every file still gets the built-in rule's finding, at the right line.
        placeholder = [f for f in by_file[name] if f["code"] == "NL101"]
        lines = [number for number, text in enumerate(text_of_file.splitlines(), 1) if text == "Loading..."]
        assert [f["line"] for f in placeholder] == lines, by_file[name]
    assert not any(f["code"].startswith("XF") for f in findings), "no faulty finding leaks through"

    with_budget_off = _newslint("check", "--format", "json", "--time-budget", "0", str(articles / "b1-crash.txt"),
                                plugins=installed_faulty_plugin, cwd=tmp_path)
    assert with_budget_off.returncode == 3, with_budget_off.stderr


def test_a_regex_timeout_is_tried_once_more_before_it_is_reported(builtin_registry) -> None:
    """Regex timeouts count CPU time, which a stalled virtual machine can charge to a quick
    pattern: the rule runs again, and only a second timeout becomes NL000."""
    calls: list[int] = []

    def times_out_once(document: Document) -> Iterable[object]:
        calls.append(1)
        if len(calls) == 1:
            raise TimeoutError("regex timed out")
        return [_finding(0, 7, code="XT401")]

    def always_times_out(document: Document) -> Iterable[object]:
        calls.append(1)
        raise TimeoutError("regex timed out")

    stalled = FaultyRule("XT401", "stalled-once", times_out_once)
    registry = build_registry(plugin_manager(load_entry_points=False, extra=(FaultyPlugin(stalled),)))
    result = check_bytes("a.txt", ARTICLE.encode(), registry, registry.rules, budget=QUICK)
    assert not result.crashed and len(calls) == 2
    assert [item.finding.start for item in result.findings if item.code == "XT401"] == [0]

    calls.clear()
    message = _assert_isolated(builtin_registry, FaultyRule("XT402", "backtracks", always_times_out))
    assert "timed out twice" in message and len(calls) == 2
