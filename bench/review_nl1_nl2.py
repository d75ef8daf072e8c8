#!/usr/bin/env python
"""Dump every NL1xx (artifact) and NL2xx (duplication) finding over the shared corpus,
for review by hand, and count findings and reviewed false positives per set and rule.

    python bench/review_nl1_nl2.py                      # every set, every finding
    python bench/review_nl1_nl2.py --sets newspaper,benchmark --codes NL108
    python bench/review_nl1_nl2.py --summary            # the counts table only
    python bench/review_nl1_nl2.py --unreviewed         # findings without a verdict yet

Sets (read from ../shared/corpus, never copied into the repository):
  bbc         bbc-news/*/*.txt (2,225 texts)
  polnear     polnear-dev/text/*.txt
  newspaper   newspaper/text/*.txt (the expected extraction of each page)
  benchmark   article-extraction-benchmark/ground-truth.json, each articleBody as a text
  readability readability/*/expected.html of the 93 real pages (needs the HTML reader)
  fixtures    readability/*/expected.html of the 37 synthetic markup fixtures (lorem
              ipsum that repeats paragraphs on purpose; reported apart)
  seed        seed-article.txt

Verdicts live in bench/review_nl1_nl2_verdicts.tsv, one reviewed finding a line:
``set  path  line  code  verdict  note`` with verdict ``tp`` (a copy editor would agree),
``fp`` (wrong) or ``unsure``. Findings are matched to verdicts by set, path, line and code.
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newslint.engine import check_document  # noqa: E402
from newslint.model import Rule  # noqa: E402
from newslint.plugins import plugin_manager  # noqa: E402
from newslint.readers import Reader  # noqa: E402
from newslint.registry import SelectionError, build_registry  # noqa: E402

SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
VERDICTS = Path(__file__).with_name("review_nl1_nl2_verdicts.tsv")
SETS = ("bbc", "polnear", "newspaper", "benchmark", "readability", "fixtures", "seed")


@dataclass(frozen=True)
class Article:
    set: str
    path: str  # relative to the corpus (or "seed-article.txt"); benchmark: "ground-truth.json#<key>"
    name: str  # file name handed to the reader (its extension picks the reader)
    text: str


def articles(chosen: tuple[str, ...]) -> Iterator[Article]:
    if "bbc" in chosen:
        for path in sorted(glob.glob(str(CORPUS / "bbc-news" / "*" / "*.txt"))):
            yield _file_article("bbc", Path(path))
    if "polnear" in chosen:
        for path in sorted(glob.glob(str(CORPUS / "polnear-dev" / "text" / "*.txt"))):
            yield _file_article("polnear", Path(path))
    if "newspaper" in chosen:
        for path in sorted(glob.glob(str(CORPUS / "newspaper" / "text" / "*.txt"))):
            yield _file_article("newspaper", Path(path))
    if "benchmark" in chosen:
        truth = CORPUS / "article-extraction-benchmark" / "ground-truth.json"
        if truth.is_file():
            for key, item in sorted(json.loads(truth.read_text(encoding="utf-8")).items()):
                yield Article("benchmark", f"article-extraction-benchmark/ground-truth.json#{key[:12]}",
                              f"{key[:12]}.txt", item["articleBody"])
    if "readability" in chosen or "fixtures" in chosen:
        synthetic = _synthetic_paths()
        for path in sorted(glob.glob(str(CORPUS / "readability" / "*" / "expected.html"))):
            set_name = "fixtures" if str(Path(path).relative_to(CORPUS)) in synthetic else "readability"
            if set_name in chosen:
                yield _file_article(set_name, Path(path))
    if "seed" in chosen and (SHARED / "seed-article.txt").is_file():
        yield Article("seed", "seed-article.txt", "seed-article.txt",
                      (SHARED / "seed-article.txt").read_text(encoding="utf-8"))


def _synthetic_paths() -> set[str]:
    """Corpus paths the manifest marks as synthetic fixtures."""
    manifest = CORPUS / "manifest.jsonl"
    if not manifest.is_file():
        return set()
    rows = (json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["path"] for row in rows if row.get("synthetic")}


def _file_article(set_name: str, path: Path) -> Article:
    return Article(set_name, str(path.relative_to(CORPUS)), path.name, path.read_text(encoding="utf-8"))


def load_verdicts(path: Path) -> dict[tuple[str, str, int, str], tuple[str, str]]:
    verdicts: dict[tuple[str, str, int, str], tuple[str, str]] = {}
    if not path.is_file():
        return verdicts
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if not row or row[0].startswith("#") or len(row) < 5:
                continue
            verdicts[(row[0], row[1], int(row[2]), row[3])] = (row[4], row[5] if len(row) > 5 else "")
    return verdicts


def load_plugins(prefixes: tuple[str, ...]) -> tuple[Mapping[str, Reader], tuple[Rule, ...]]:
    """The built-in readers, and the built-in rules whose code starts with a prefix
    (`SelectionError` if a prefix names none)."""
    registry = build_registry(plugin_manager(load_entry_points=False))
    return registry.readers, registry.select(select=prefixes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, from {', '.join(SETS)}")
    parser.add_argument("--codes", default="NL1,NL2", help="rule codes or prefixes (default NL1,NL2)")
    parser.add_argument("--summary", action="store_true", help="print only the counts table")
    parser.add_argument("--unreviewed", action="store_true", help="print only findings without a verdict")
    parser.add_argument("--verdicts", type=Path, default=VERDICTS)
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"review: no corpus at {CORPUS}", file=sys.stderr)
        return 2
    chosen = tuple(name.strip() for name in args.sets.split(",") if name.strip())
    unknown = [name for name in chosen if name not in SETS]
    if unknown:
        print(f"review: unknown set {unknown[0]!r}; expected one of {', '.join(SETS)}", file=sys.stderr)
        return 2

    try:
        readers, rules = load_plugins(tuple(code.strip() for code in args.codes.split(",") if code.strip()))
    except SelectionError as error:
        print(f"review: {error}", file=sys.stderr)
        return 2
    verdicts = load_verdicts(args.verdicts)
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    documents: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    started = time.perf_counter()
    for article in articles(chosen):
        reader = readers.get(Path(article.name).suffix.lower())
        if reader is None:
            skipped[article.set] += 1
            continue
        documents[article.set] += 1
        document = reader.read(article.name, article.text)
        for finding in check_document(document, rules):
            line, column = document.position(finding.start)
            verdict, note = verdicts.get((article.set, article.path, line, finding.code), ("unreviewed", ""))
            counts[(article.set, finding.code)][verdict] += 1
            if args.summary or (args.unreviewed and verdict != "unreviewed"):
                continue
            excerpt = " ".join(document.source[finding.start:finding.end].split())
            print(f"[{article.set}] {article.path}:{line}:{column} {finding.code} {verdict.upper()}"
                  f"{' (' + note + ')' if note else ''}\n    {finding.message}\n    | {excerpt[:240]}")
    elapsed = time.perf_counter() - started
    _print_summary(counts, documents, skipped, elapsed)
    return 0


def _print_summary(counts: dict[tuple[str, str], Counter[str]], documents: Counter[str],
                   skipped: Counter[str], elapsed: float) -> None:
    print("\nset          docs   rule   findings  tp  fp  unsure  unreviewed")
    for set_name in SETS:
        if set_name not in documents and set_name not in skipped:
            continue
        if skipped[set_name]:
            print(f"{set_name:<12} {0:>5}   (skipped {skipped[set_name]} files: no reader for them yet)")
            continue
        codes = sorted(code for (name, code) in counts if name == set_name)
        if not codes:
            print(f"{set_name:<12} {documents[set_name]:>5}   -      0")
        for code in codes:
            c = counts[(set_name, code)]
            total = sum(c.values())
            print(f"{set_name:<12} {documents[set_name]:>5}   {code}  {total:>8}  {c['tp']:>2}  {c['fp']:>2}"
                  f"  {c['unsure']:>6}  {c['unreviewed']:>10}")
    print(f"\n{sum(documents.values())} documents in {elapsed:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
