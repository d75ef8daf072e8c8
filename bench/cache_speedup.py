"""How much faster a second run over an unchanged tree is, thanks to the content cache.

    python bench/cache_speedup.py                      # the 2,225 BBC News texts
    python bench/cache_speedup.py --tree ../shared/corpus/readability --repeat 5

Each measured command is a fresh ``newslint check`` process (start-up included) on the
same tree, with a scratch cache directory:

  cold   the cache directory is emptied first: every file is read, parsed and checked;
  warm   the cache from the previous cold run is in place and no file changed: every
         file is read and hashed, and its findings come from the cache.

Both use the same ``--jobs`` (default 1, so the numbers measure the cache, not the pool).
Reports the median of ``--repeat`` pairs, and checks that both runs print the same
findings. The corpus is read from ../shared/corpus, never copied into the project.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", REPO.parent / "shared" / "corpus"))
REQUIRED_SPEEDUP = 5.0


def _newslint() -> list[str]:
    found = shutil.which("newslint", path=str(Path(sys.executable).parent)) or shutil.which("newslint")
    return [found] if found else [sys.executable, "-m", "newslint"]


def _run(command: list[str], env: dict[str, str]) -> tuple[float, bytes]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1, 2) or not done.stdout:  # 2: some files unreadable, the rest checked
        raise SystemExit(f"newslint failed ({done.returncode}): {done.stderr.decode(errors='replace')[:500]}")
    return elapsed, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", type=Path, default=CORPUS / "bbc-news", help="directory of articles to check")
    parser.add_argument("--repeat", type=int, default=3, help="cold/warm pairs to run (median reported)")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    if not args.tree.is_dir():
        print(f"no such directory: {args.tree}", file=sys.stderr)
        return 2
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSLINT_")}
    files = sum(1 for path in args.tree.rglob("*") if path.suffix in {".txt", ".html", ".htm", ".md", ".json"})
    cold_times, warm_times = [], []
    with tempfile.TemporaryDirectory(prefix="newslint-cache-bench-") as scratch:
        cache = Path(scratch) / "cache"
        command = [*_newslint(), "check", "--format", "json", "--jobs", str(args.jobs),
                   "--cache-dir", str(cache), str(args.tree)]
        for _ in range(args.repeat):
            shutil.rmtree(cache, ignore_errors=True)
            cold, cold_output = _run(command, env)
            warm, warm_output = _run(command, env)
            if cold_output != warm_output:
                print("the cached run printed different findings", file=sys.stderr)
                return 1
            cold_times.append(cold)
            warm_times.append(warm)
    cold, warm = statistics.median(cold_times), statistics.median(warm_times)
    speedup = cold / warm
    print(f"tree: {args.tree} ({files} article files), --jobs {args.jobs}, median of {args.repeat}")
    print(f"cold (empty cache):     {cold:6.2f} s   runs: {', '.join(f'{t:.2f}' for t in cold_times)}")
    print(f"warm (unchanged tree):  {warm:6.2f} s   runs: {', '.join(f'{t:.2f}' for t in warm_times)}")
    print(f"speed-up: {speedup:.1f}x (required: {REQUIRED_SPEEDUP:.0f}x) -> {'ok' if speedup >= REQUIRED_SPEEDUP else 'TOO SLOW'}")
    return 0 if speedup >= REQUIRED_SPEEDUP else 1


if __name__ == "__main__":
    sys.exit(main())
