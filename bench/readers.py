"""How fast the HTML reader turns real pages into documents.

    python bench/readers.py

Reads every page of the Readability, newspaper and Zyte benchmark sets in ../shared/corpus
and prints, per set, the blocks found and the CPU time per page (best of three runs).
"""

from __future__ import annotations

import gzip
import statistics
import time
from pathlib import Path

from newslint.readers.html import read_html

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SETS = {
    "readability expected.html": "readability/*/expected.html",
    "readability source.html": "readability/*/source.html",
    "newspaper html.gz": "newspaper/html/*.html.gz",
    "benchmark html.gz": "article-extraction-benchmark/html/*.html.gz",
}


def read_page(path: Path) -> str:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return handle.read()
    return path.read_text(encoding="utf-8")


def best_cpu_seconds(page: str, runs: int = 3) -> tuple[float, int]:
    times, block_count = [], 0
    for _ in range(runs):
        start = time.process_time()
        blocks, _ = read_html(page)
        times.append(time.process_time() - start)
        block_count = len(blocks)
    return min(times), block_count


def main() -> None:
    for name, pattern in SETS.items():
        pages = [read_page(path) for path in sorted(CORPUS.glob(pattern))]
        measured = [best_cpu_seconds(page) for page in pages]
        cpu = [seconds for seconds, _ in measured]
        blocks = [count for _, count in measured]
        print(f"{name}: {len(pages)} pages; blocks/page median {statistics.median(blocks):.0f} "
              f"(total {sum(blocks)}); CPU ms/page mean {statistics.mean(cpu) * 1e3:.2f}, "
              f"median {statistics.median(cpu) * 1e3:.2f}, max {max(cpu) * 1e3:.1f}")


if __name__ == "__main__":
    main()
