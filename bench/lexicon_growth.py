"""Does start-up grow with the word lists? Time newslint with every lexicon doubled.

    python bench/lexicon_growth.py                        # the installed newslint
    python bench/lexicon_growth.py --package /some/checkout/newslint --rounds 9

Copies the newslint package three times into a scratch directory: once as it is, and twice
with every list in every built-in lexicon (`rules/*/lexicons/*.toml`) doubled. Each added
entry is an existing one that can never match: in the "plain" copy a plain word or phrase
gets one more word (``entry qqzx``, still a plain phrase, so the kinds that look plain
entries up in sets keep doing so) and any other entry becomes ``(?:entry)qqzx``; in the
"regex" copy every added entry is ``(?:entry)qqzx`` (so no list stays plain and every kind
falls back to its regular expression). All copies must print the same findings; the
script checks that. Then, alternating the two copies in fresh processes, it
reports the median time to build the registry (loading every rule and its lexicons) and
the median wall and CPU (user + system) time of ``newslint check`` on one short article,
and their ratios. On a shared machine the CPU times are the ones to compare.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "examples" / "article.txt"
NEVER = "qqzx"  # appended to each copied entry: no article has it
# A plain word or phrase, as `newslint.text.phrases.plain` reads one (without its ASCII
# condition, which only decides case folding).
PLAIN = re.compile(r"\w(?:[\w'\u2019.&-]|(?<! ) (?! ))*(?<=\w)|\w")

BUILD = r"""
import time
t0 = time.perf_counter()
from newslint.plugins import plugin_manager
from newslint.registry import build_registry
manager = plugin_manager()
t1 = time.perf_counter()
build_registry(manager)
print(time.perf_counter() - t1)
"""


def toml_value(value: Any) -> str:
    """`value` written as TOML (inline tables and arrays: enough for lexicon files)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(key)} = {toml_value(item)}" for key, item in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def never_matching(entry: str, plain: bool) -> str:
    """A copy of `entry` that no article matches: a plain phrase one word longer when
    `plain` and `entry` is a plain phrase, else ``(?:entry)qqzx``."""
    if plain and PLAIN.fullmatch(entry):
        return f"{entry} {NEVER}"
    return f"(?:{entry}){NEVER}"


def doubled(value: Any, plain: bool = False) -> tuple[Any, int]:
    """`value` with every list of strings doubled, and how many entries were added."""
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return [*value, *(never_matching(item, plain) for item in value)], len(value)
    if isinstance(value, list):
        parts = [doubled(item, plain) for item in value]
        return [part for part, _ in parts], sum(added for _, added in parts)
    if isinstance(value, dict):
        parts = {key: doubled(item, plain) for key, item in value.items()}
        return {key: part for key, (part, _) in parts.items()}, sum(added for _, added in parts.values())
    return value, 0


def double_lexicons(package: Path, plain: bool = False) -> tuple[int, int]:
    """Doubles every lexicon of the package copy at `package`: (entries before, added)."""
    before = added = 0
    for path in sorted(package.glob("rules/*/lexicons/*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        grown, count = doubled(data, plain)
        before, added = before + count, added + count
        path.write_text("".join(f"{json.dumps(key)} = {toml_value(value)}\n" for key, value in grown.items()),
                        encoding="utf-8")
    return before, added


def installed_package() -> Path:
    spec = importlib.util.find_spec("newslint")
    if spec is None or spec.origin is None:
        raise SystemExit("newslint is not installed in this Python")
    return Path(spec.origin).parent


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def fresh(root: Path, argv: list[str], store: str) -> tuple[float, str, float]:
    """Wall time, standard output and CPU time of one process."""
    env = dict(os.environ, PYTHONPATH=str(root), NEWSLINT_PATTERN_STORE=store)
    cpu, started = children_cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, *argv], env=env, capture_output=True, text=True, cwd=root, check=False)
    return time.perf_counter() - started, done.stdout, children_cpu() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--package", type=Path, default=None, help="the newslint package directory to copy")
    parser.add_argument("--rounds", type=int, default=7, help="fresh processes per copy and measure")
    parser.add_argument("--store", choices=("warm", "off"), default="warm",
                        help="compiled-pattern store: warm (a scratch store, filled by a first run of each "
                             "copy) or off (every pattern compiled in every process)")
    args = parser.parse_args(argv)
    source = args.package or installed_package()
    with tempfile.TemporaryDirectory(prefix="newslint-lexicon-growth-") as scratch:
        roots = {"as shipped": Path(scratch) / "shipped", "doubled, plain": Path(scratch) / "plain",
                 "doubled, regex": Path(scratch) / "regex"}
        for root in roots.values():
            shutil.copytree(source, root / "newslint", ignore=shutil.ignore_patterns("__pycache__"))
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "newslint")], check=True)
        entries, added = double_lexicons(roots["doubled, plain"] / "newslint", plain=True)
        double_lexicons(roots["doubled, regex"] / "newslint")
        check = ["-m", "newslint", "check", "--no-cache", "--format", "json", "--exit-zero", str(ARTICLE)]
        store = str(Path(scratch) / "pattern-store") if args.store == "warm" else "off"
        outputs = {name: fresh(root, check, store)[1] for name, root in roots.items()}
        if len(set(outputs.values())) != 1:
            print("the doubled lexicons changed the findings: the benchmark is not measuring what it says")
            return 1
        build: dict[str, list[float]] = {name: [] for name in roots}
        wall: dict[str, list[float]] = {name: [] for name in roots}
        cpu: dict[str, list[float]] = {name: [] for name in roots}
        for round_number in range(args.rounds):
            order = list(roots)[round_number % len(roots):] + list(roots)[:round_number % len(roots)]
            for name in order:
                build[name].append(float(fresh(roots[name], ["-c", BUILD], store)[1]))
                seconds, _, used = fresh(roots[name], check, store)
                wall[name].append(seconds)
                cpu[name].append(used)
        print(f"newslint from {source}; lexicon entries {entries} -> {entries + added}; "
              f"{args.rounds} alternating rounds, median; pattern store {args.store}; "
              f"load average {os.getloadavg()[0]:.1f}")
        print("| copy | build registry ms | one-article check, process wall ms | the same, process CPU ms |")
        print("| --- | --- | --- | --- |")
        for name in roots:
            print(f"| {name} | " + " | ".join(f"{statistics.median(m[name]) * 1000:.0f}" for m in (build, wall, cpu)) + " |")
        for name in list(roots)[1:]:
            growth = [statistics.median(m[name]) / statistics.median(m["as shipped"]) for m in (build, wall, cpu)]
            print(f"| {name} / shipped | " + " | ".join(f"{ratio:.2f}" for ratio in growth) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
