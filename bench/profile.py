"""Where newslint spends its time: start-up, input 1 (84 PolNeAR articles), per rule.

    python bench/profile.py              # readable report on stdout
    python bench/profile.py --markdown   # the section bench/compare.py puts in RESULTS.md

Run it with the Python newslint is installed in. It measures:
- start-up: `python -c pass` and `newslint check` on one short article (median of
  fresh processes), the phases of that run, and the slowest imports (`-X importtime`);
- input 1 under cProfile: the functions with the most own time;
- per-rule time on input 1 (documents parsed once, each rule timed alone, best of N),
  and whether any single rule takes more than a third of the check time;
- input 1 under py-spy (sampling, no tracing overhead) when py-spy is on PATH or in the
  benchmark's peer directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named like the stdlib `profile` module, which cProfile imports: take the
# script's own directory off the import path first.
HERE = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]

import argparse  # noqa: E402
import cProfile  # noqa: E402
import importlib.util  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import pstats  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from typing import Callable, Sequence  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", REPO.parent / "shared" / "corpus"))
PEERS = Path(os.environ.get("NEWSLINT_BENCH_DIR", "/tmp/newslint-bench-peers"))


def _load_compare():  # bench/ is not a package
    spec = importlib.util.spec_from_file_location("newslint_bench_compare", HERE / "compare.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # type: ignore[union-attr]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


_compare = _load_compare()
# One process doing all the work (workers would hide it from the profilers), and no cache.
RUN_FLAGS = tuple(flag for flag, option in (("--jobs=1", "--jobs"), ("--no-cache", "--no-cache"))
                  if option in _compare.newslint_options(_compare.newslint_executable()))
SHORT_ARTICLE: str = _compare.SHORT_ARTICLE
newslint_executable = _compare.newslint_executable

# Runs in a fresh interpreter: the phases of a one-file `newslint check`, in ms.
PHASES = r"""
import json, sys, time
t0 = time.perf_counter()
import newslint.cli
t1 = time.perf_counter()
from newslint.plugins import plugin_manager
from newslint.registry import build_registry
manager = plugin_manager()
t2 = time.perf_counter()
registry = build_registry(manager)
t3 = time.perf_counter()
rules = registry.select()
t4 = time.perf_counter()
from newslint.engine import check_bytes
from newslint.formats import Report
path = sys.argv[1]
result = check_bytes(path, open(path, "rb").read(), registry, rules)
t5 = time.perf_counter()
registry.formatters["text"].format(Report(results=(result,), rules=rules))
t6 = time.perf_counter()
print(json.dumps({"import newslint.cli": t1 - t0, "plugin manager (built-ins + entry points)": t2 - t1,
                  f"build registry ({len(registry.rules)} rules)": t3 - t2, "select": t4 - t3,
                  "read + check the file": t5 - t4, "format": t6 - t5}))
"""


# Runs in a fresh interpreter: builds the registry with `regex` compilation timed per call
# site, then checks one article (argv[1]) and notes which compiled patterns the check used.
REGEX_PROBE = r"""
import json, sys, time
import regex, regex._main as main_module
original = main_module._compile
calls = []  # [seconds, where, pattern, used]

class Watched:
    # A compiled pattern that records its first use; attribute access goes to the pattern.
    __slots__ = ("_pattern", "_index")
    def __init__(self, pattern, index):
        self._pattern, self._index = pattern, index
    def __getattr__(self, name):
        calls[self._index][3] = True
        return getattr(self._pattern, name)

def timed(pattern, flags, *rest):
    frame = sys._getframe(1)
    while frame is not None and "/regex/" in frame.f_code.co_filename.replace("\\", "/"):
        frame = frame.f_back
    start = time.perf_counter()
    compiled = original(pattern, flags, *rest)
    seconds = time.perf_counter() - start
    where = "?" if frame is None else f"{frame.f_code.co_filename.rsplit('newslint', 1)[-1].lstrip('/')}:{frame.f_lineno} {frame.f_code.co_name}"
    calls.append([seconds, where, pattern if isinstance(pattern, str) else repr(pattern), False])
    return Watched(compiled, len(calls) - 1) if watching else compiled

watching = False
t0 = time.perf_counter()
from newslint.plugins import plugin_manager
from newslint.registry import build_registry
from newslint.engine import check_bytes
manager = plugin_manager()
t1 = time.perf_counter()
watching = True
main_module._compile = timed
registry = build_registry(manager)
t2 = time.perf_counter()
check_bytes(sys.argv[1], open(sys.argv[1], "rb").read(), registry, registry.rules)
print(json.dumps({"imports_and_manager": t1 - t0, "build": t2 - t1, "rules": len(registry.rules),
                  "calls": [[seconds, where, pattern[:90], used] for seconds, where, pattern, used in calls]}))
"""


def regex_compile(article: Path, runs: int, work: Path) -> list[str]:
    """What compiling the rules' regular expressions costs at start-up, and what compiling
    only the patterns a one-article check uses would save."""
    best = None
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", REGEX_PROBE, str(article)], capture_output=True, text=True,
                              cwd=work, check=False)
        if done.returncode != 0:
            return ["### Regular-expression compilation at start-up", "",
                    f"probe failed: {done.stderr.strip().splitlines()[-1:]}"]
        data = json.loads(done.stdout)
        data["compile"] = sum(call[0] for call in data["calls"])
        if best is None or data["build"] < best["build"]:
            best = data
    assert best is not None
    by_site: Counter[str] = Counter()
    count: Counter[str] = Counter()
    for seconds, where, _, _ in best["calls"]:
        by_site[where] += seconds
        count[where] += 1
    used = [call for call in best["calls"] if call[3]]
    unused_seconds = best["compile"] - sum(call[0] for call in used)
    lines = ["### Regular-expression compilation at start-up (fresh process, best of "
             f"{runs})", "",
             f"Building the registry ({best['rules']} rules): {best['build'] * 1000:.0f} ms, of which "
             f"`regex` compilation is **{best['compile'] * 1000:.0f} ms** in {len(best['calls'])} calls "
             f"(imports and plugin registration before it: {best['imports_and_manager'] * 1000:.0f} ms).", "",
             "| call site | calls | ms |", "| --- | --- | --- |"]
    lines += [f"| `{where}` | {count[where]} | {seconds * 1000:.0f} |" for where, seconds in by_site.most_common(8)]
    lines += ["", "Costliest single patterns:", "", "| ms | pattern (first 90 characters) |", "| --- | --- |"]
    lines += [f"| {seconds * 1000:.1f} | `{pattern.replace('|', '&#124;')}` |"
              for seconds, _, pattern, _ in sorted(best["calls"], reverse=True)[:5]]
    lines += ["", f"Compiling lazily (what-if, measured): checking `{article.name}` uses {len(used)} of the "
                  f"{len(best['calls'])} compiled patterns; the unused ones cost {unused_seconds * 1000:.0f} ms "
                  f"to compile, the most a compile-on-first-use scheme could save on this one-file run."]
    return lines


def median_wall(argv: Sequence[str], runs: int, cwd: Path) -> float:
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, check=False)
        walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def startup(article: Path, runs: int, work: Path) -> list[str]:
    exe = newslint_executable()
    python_floor = median_wall([sys.executable, "-c", "pass"], runs, work)
    deps_floor = median_wall([sys.executable, "-c", "import click, pluggy, regex"], runs, work)
    one_file = median_wall([*exe, "check", str(article)], runs, work)
    phases: dict[str, list[float]] = {}
    for _ in range(max(3, runs // 2)):
        out = subprocess.run([sys.executable, "-c", PHASES, str(article)], capture_output=True, text=True,
                             cwd=work, check=True).stdout
        for name, seconds in json.loads(out).items():
            phases.setdefault(name, []).append(seconds)
    lines = ["### Start-up (one short article, process start to exit)", "",
             f"Median of {runs} fresh processes: `python -c pass` {python_floor * 1000:.0f} ms; "
             f"`python -c 'import click, pluggy, regex'` {deps_floor * 1000:.0f} ms; "
             f"`newslint check article.txt` **{one_file * 1000:.0f} ms**.", "",
             "| phase (in-process, median) | ms |", "| --- | --- |"]
    lines += [f"| {name} | {statistics.median(values) * 1000:.1f} |" for name, values in phases.items()]
    lines += ["", "Slowest imports of `newslint check` (`python -X importtime`, self time, one run):", "",
              "| module | self ms | cumulative ms |", "| --- | --- | --- |"]
    lines += [f"| {name} | {own / 1000:.1f} | {cumulative / 1000:.1f} |"
              for name, own, cumulative in slowest_imports(exe, article, work)]
    return lines


def slowest_imports(exe: Sequence[str], article: Path, work: Path, top: int = 12) -> list[tuple[str, int, int]]:
    argv = [sys.executable, "-X", "importtime", "-c", "import sys; from newslint.cli import main; "
            "sys.argv = ['newslint', 'check', sys.argv[1]]; main()", str(article)]
    err = subprocess.run(argv, capture_output=True, text=True, cwd=work, check=False).stderr
    rows = []
    for line in err.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
        rows.append((name.strip(), int(own), int(cumulative)))
    total = next((c for n, _, c in rows if n == "newslint.cli"), 0)
    ranked = sorted(rows, key=lambda row: row[1], reverse=True)[:top]
    return [("(all of `import newslint.cli`)", 0, total), *ranked]


def polnear() -> list[Path]:
    files = sorted((CORPUS / "polnear-dev" / "text").glob("*.txt"))
    if not files:
        raise SystemExit(f"profile.py: no PolNeAR texts under {CORPUS}")
    return files


def cprofile_cli(files: Sequence[Path], top: int = 15) -> list[str]:
    from newslint.cli import main

    args = ["check", *RUN_FLAGS, *map(str, files)]
    profiler = cProfile.Profile()
    stdout, sys.stdout = sys.stdout, io.StringIO()
    try:
        profiler.enable()
        try:
            main(args, standalone_mode=False)
        except SystemExit:
            pass
        profiler.disable()
    finally:
        sys.stdout = stdout
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    entries = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:top]  # type: ignore[attr-defined]
    lines = [f"### Input 1 under cProfile (`newslint check {' '.join(RUN_FLAGS)}` in-process, functions by own time)", "",
             f"Total {total:.2f} s under the profiler (tracing roughly doubles the real time).", "",
             "| function | calls | own s | own % | cumulative s |", "| --- | --- | --- | --- | --- |"]
    for (filename, line, name), (_, calls, own, cumulative, _) in entries:
        where = _short(filename)
        lines.append(f"| `{name}` {where}:{line} | {calls:,} | {own:.3f} | {100 * own / total:.1f} | {cumulative:.3f} |")
    return lines


def _short(filename: str) -> str:
    for marker in ("site-packages/", "/newslint/", "lib/python3"):
        if marker in filename:
            return filename.split(marker, 1)[1] if marker != "/newslint/" else "newslint/" + filename.split(marker, 1)[1]
    return filename


def per_rule(files: Sequence[Path], rounds: int) -> list[str]:
    from newslint.engine import check_document, read_document
    from newslint.plugins import plugin_manager
    from newslint.registry import build_registry

    registry = build_registry(plugin_manager())
    rules = registry.select()
    payloads = [(str(path), path.read_bytes()) for path in files]
    read_times, documents = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        documents = [read_document(path, data, registry)[0] for path, data in payloads]
        read_times.append(time.perf_counter() - start)
    times: dict[str, float] = {}
    counts: dict[str, int] = {}
    for rule in rules:
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            found = sum(len(list(rule.check(document))) for document in documents)
            best = min(best, time.perf_counter() - start)
        times[rule.code], counts[rule.code] = best, found
    engine_times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for document in documents:
            check_document(document, rules)
        engine_times.append(time.perf_counter() - start)
    rule_total = sum(times.values()) or 1e-9
    names = {rule.code: rule.name for rule in rules}
    lines = ["### Per-rule time on input 1 (documents parsed once; each rule alone, best of "
             f"{rounds})", "",
             f"Reading and parsing the 84 files: {min(read_times) * 1000:.0f} ms. All {len(rules)} selected rules "
             f"through the engine (time budget, suppressions, sorting included): {min(engine_times) * 1000:.0f} ms; "
             f"the rules alone: {rule_total * 1000:.0f} ms.", "",
             "| rule | ms | share of rule time | findings |", "| --- | --- | --- | --- |"]
    for code, seconds in sorted(times.items(), key=lambda item: item[1], reverse=True):
        flag = " **> 1/3**" if seconds / rule_total > 1 / 3 else ""
        lines.append(f"| {code} {names[code]} | {seconds * 1000:.1f} | {100 * seconds / rule_total:.1f}%{flag} | "
                     f"{counts[code]} |")
    heaviest = max(times.values(), default=0.0) / rule_total
    lines += ["", f"Largest single-rule share: {100 * heaviest:.0f}% "
              f"({'over' if heaviest > 1 / 3 else 'within'} the one-third target)."]
    return lines


def py_spy_binary() -> str | None:
    found = shutil.which("py-spy")
    if found:
        return found
    candidate = PEERS / "py" / "bin" / "py-spy"
    return str(candidate) if candidate.exists() else None


def py_spy(files: Sequence[Path], work: Path, top: int = 12) -> list[str]:
    spy = py_spy_binary()
    if spy is None:
        return ["### Input 1 under py-spy", "", "py-spy not found (`pip install py-spy` into the peers venv); skipped."]
    raw = work / "py-spy.txt"
    exe = newslint_executable()
    argv = [spy, "record", "--format", "raw", "--rate", "1000", "--output", str(raw), "--", *exe, "check",
            *RUN_FLAGS, *map(str, files)]
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=work, check=False)
    if not raw.exists():
        return ["### Input 1 under py-spy", "", f"py-spy failed: {done.stderr.strip().splitlines()[-1:]}"]
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    samples = 0
    for line in raw.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = [frame.strip() for frame in stack.split(";")]
        samples += int(count)
        own[_frame(frames[-1])] += int(count)
        for frame in {_frame(frame) for frame in frames}:
            inclusive[frame] += int(count)
    lines = [f"### Input 1 under py-spy (`newslint check {' '.join(RUN_FLAGS)}`, sampling at 1 kHz)", "",
             f"{samples} samples. Own time = the sample's innermost frame; inclusive = anywhere on the stack.", "",
             "| function (own) | own % | | function (inclusive, newslint) | inclusive % |",
             "| --- | --- | --- | --- | --- |"]
    ours = [item for item in inclusive.most_common() if "newslint/" in item[0]][:top]
    for index, (name, count) in enumerate(own.most_common(top)):
        right = f"`{ours[index][0]}` | {100 * ours[index][1] / samples:.0f}" if index < len(ours) else " | "
        lines.append(f"| `{name}` | {100 * count / samples:.0f} | | {right} |")
    return lines


def _frame(frame: str) -> str:
    """`name (path:line)` -> `name (short path)`, dropping the line so calls aggregate."""
    name, _, where = frame.partition(" (")
    return f"{name} ({where.rsplit(':', 1)[0]})" if where else name


def guarded(title: str, section: Callable[..., list[str]], *args: object) -> list[str]:
    """A section, or one line saying why it failed (newslint's internals move; the report must not)."""
    try:
        return section(*args)
    except Exception as error:  # noqa: BLE001
        detail = getattr(error, "stderr", "") or ""
        last = detail.strip().splitlines()[-1:] if isinstance(detail, str) else []
        return [f"### {title}", "", f"failed: {type(error).__name__}: {error} {' '.join(last)}".rstrip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--markdown", action="store_true", help="print only the RESULTS.md section")
    parser.add_argument("--runs", type=int, default=10, help="fresh processes per start-up measurement")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per rule (best is kept)")
    args = parser.parse_args(argv)
    # As pip does at install (and bench/compare.py before timing): without it, a checkout
    # run with PYTHONDONTWRITEBYTECODE compiles every module from source on every start.
    installed = importlib.util.find_spec("newslint")
    if installed is not None and installed.origin:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(installed.origin).parent)], check=False)
    files = polnear()
    with tempfile.TemporaryDirectory(prefix="newslint-profile-") as scratch:
        work = Path(scratch)
        ours = REPO / "examples" / "article.txt"
        article = ours if ours.is_file() else work / "article.txt"
        if not ours.is_file():
            article.write_text(SHORT_ARTICLE, encoding="utf-8")
        sections = [guarded("Start-up", startup, article, args.runs, work),
                    guarded("Regular-expression compilation", regex_compile, article, max(3, args.runs // 2), work),
                    guarded("Per-rule time", per_rule, files, args.rounds),
                    guarded("cProfile", cprofile_cli, files), guarded("py-spy", py_spy, files, work)]
    title = ["## Profile (bench/profile.py)", ""] if args.markdown else []
    print("\n".join(title + [line for section in sections for line in (*section, "")]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
