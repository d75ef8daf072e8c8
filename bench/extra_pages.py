"""Extra tuning pages for the page-furniture rules (NL109-NL115): 60 real English pages that are
not in the labelled ``scraped`` set, turned into text exactly as bench/corpus_sets.py does
(``trafilatura.extract(html)``), labelled blind in ``bench/labels/furniture-extra.tsv``. The
first 30 were the second tuning round; the second 30, added when the pick grew from ten to
twenty a source, are a third round, labelled blind under their own comment line in that file.

    python bench/extra_pages.py build                 # write the texts under bench/.sets/extra/
    python bench/extra_pages.py ids                   # one line per page: id, text path
    python bench/extra_pages.py show ID               # the text, each line prefixed 'offset|'
    python bench/extra_pages.py find ID SNIPPET       # start and end (end exclusive) of SNIPPET
    python bench/extra_pages.py measure [--on dev,extra] [--show fn,fp] [--codes NL1]

``measure`` runs the rules whose codes start with ``--codes`` (default NL1 and NL2, as
bench/evaluate.py does for the furniture family) on the dev half of ``scraped`` and/or on the
extra pages, and prints per set: recall over labels and per category, and findings that overlap
no label (false positives, also per code). It never reads the test half.

The extra pages are tuning data like the dev half: the honest figures stay bench/evaluate.py's
``--half test``, which only the lead runs. Pick: the first twenty pages per source, ranked by a
hash of the id (so the choice is reproducible, independent of the labelled sets' own pick, and a
larger pick keeps every page of a smaller one).
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from corpus_sets import SETS_DIR, _english_pages, articles, page_text
from label_tool import set_commands

EXTRA_DIR = SETS_DIR / "extra"
EXTRA_LABELS = BENCH / "labels" / "furniture-extra.tsv"
PER_SOURCE = 20
SOURCES = ("readability", "article-extraction-benchmark", "newspaper")


def extra_ids(per_source: int = PER_SOURCE) -> list[str]:
    taken = {article.id for article in articles("scraped")}
    ids: list[str] = []
    for source in SOURCES:
        free = [path for path in _english_pages(source) if path not in taken]
        ids += sorted(sorted(free, key=lambda p: hashlib.sha1(("extra:" + p).encode()).hexdigest())[:per_source])
    return ids


def text_path(article_id: str) -> Path:
    return EXTRA_DIR / (article_id.replace("/", "__") + ".txt")


def build() -> Iterable[str]:
    EXTRA_DIR.mkdir(parents=True, exist_ok=True)
    for article_id in extra_ids():
        text_path(article_id).write_text(page_text(article_id) + "\n", encoding="utf-8")
        yield article_id


def _labels(path: Path) -> tuple[dict[str, list[tuple[int, int, str]]], set[str]]:
    by_id: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    reviewed: set[str] = set()
    if not path.exists():
        return by_id, reviewed
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#"):
                continue
            if row[3] == "reviewed":
                reviewed.add(row[0])
            else:
                by_id[row[0]].append((int(row[1]), int(row[2]), row[3]))
    return by_id, reviewed


def _dev_pages() -> list[tuple[str, Path, list[tuple[int, int, str]]]]:
    labels: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    reviewed: set[str] = set()
    for path in sorted((BENCH / "labels").glob("furniture-*.tsv")):
        if path == EXTRA_LABELS:
            continue
        found, seen = _labels(path)
        for key, rows in found.items():
            labels[key] += rows
        reviewed |= seen
    return [(a.id, a.text_path, labels.get(a.id, [])) for a in articles("scraped")
            if a.half == "dev" and a.id in reviewed]


def _extra_pages() -> list[tuple[str, Path, list[tuple[int, int, str]]]]:
    labels, reviewed = _labels(EXTRA_LABELS)
    return [(i, text_path(i), labels.get(i, [])) for i in extra_ids() if i in reviewed]


def _overlaps(start: int, end: int, f_start: int, f_end: int) -> bool:
    if start == end:
        return f_start <= start <= f_end
    return f_start < end and start < f_end


def measure(on: list[str], show: set[str], codes: tuple[str, ...]) -> None:
    import json

    from newslint.engine import check_document
    from newslint.plugins import plugin_manager
    from newslint.registry import build_registry

    registry = build_registry(plugin_manager(load_entry_points=False))
    rules = [rule for rule in registry.rules if rule.code.startswith(codes)]
    reader = registry.readers[".txt"]
    sets = {"dev": _dev_pages, "extra": _extra_pages}
    for name in on:
        pages = sets[name]()
        hit_total = label_total = wrong = 0
        by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        wrong_by_code: dict[str, int] = defaultdict(int)
        for article_id, path, own in pages:
            text = path.read_text(encoding="utf-8")
            findings = list(check_document(reader.read(str(path), text), rules, budget=None))
            for start, end, category in own:
                hit = any(_overlaps(start, end, f.start, f.end) for f in findings)
                hit_total += hit
                label_total += 1
                by_category[category][0] += hit
                by_category[category][1] += 1
                if not hit and "fn" in show:
                    print(f"FN {name} {article_id} {start} {category}: {text[start:end][:100]!r}")
            for f in findings:
                if not any(_overlaps(start, end, f.start, f.end) for start, end, _ in own):
                    wrong += 1
                    wrong_by_code[f.code] += 1
                    if "fp" in show:
                        print(f"FP {name} {article_id} {f.start} {f.code}: {text[f.start:f.end][:100]!r}")
        print(json.dumps({
            "set": name, "pages": len(pages), "labels": label_total,
            "recall": round(hit_total / label_total, 3) if label_total else None,
            "false_positives": wrong, "false_positives_by_code": dict(sorted(wrong_by_code.items())),
            "recall_by_category": {c: f"{h}/{n}" for c, (h, n) in sorted(by_category.items())},
        }))


def main(argv: list[str] | None = None) -> int:
    parser, sub = set_commands(__doc__.split("\n\n")[0])
    run = sub.add_parser("measure")
    run.add_argument("--on", default="dev,extra")
    run.add_argument("--show", default="")
    run.add_argument("--codes", default="NL1,NL2")
    args = parser.parse_args(argv)
    if args.command == "build":
        for article_id in build():
            print(article_id, text_path(article_id).relative_to(BENCH.parent))
    elif args.command == "ids":
        for article_id in extra_ids():
            print(article_id, text_path(article_id).relative_to(BENCH.parent))
    elif args.command == "show":
        offset = 0
        for line in text_path(args.article_id).read_text(encoding="utf-8").split("\n"):
            print(f"{offset}|{line}")
            offset += len(line) + 1
    elif args.command == "find":
        text = text_path(args.article_id).read_text(encoding="utf-8")
        starts = [i for i in range(len(text)) if text.startswith(args.snippet, i)]
        if not starts or (len(starts) > 1 and not args.nth):
            raise SystemExit(f"snippet occurs {len(starts)} times")
        start = starts[(args.nth or 1) - 1]
        print(start, start + len(args.snippet))
    else:
        measure([s for s in args.on.split(",") if s], {s for s in args.show.split(",") if s},
                tuple(c for c in args.codes.split(",") if c))
    return 0


if __name__ == "__main__":
    sys.exit(main())
