"""Train and judge the page-furniture model NL118 scores blocks with
(newslint/rules/artifacts/furniture_model.py).

    python bench/furniture_model.py report [--show fp,new] [--threshold T]   # leave-one-set-out
    python bench/furniture_model.py train [--threshold T]                     # also write the weights

Examples are the text reader's blocks of every reviewed page of the four furniture tuning sets
(the DEV half of ``scraped``, ``extra``, ``extra2``, ``validation``): a block is positive when
labels cover half of its characters or more, negative when no label touches it (a block a label
only grazes is left out); plus the blocks of a sample of clean texts (BBC, PolNeAR-train), all
negative. No page of the scraped TEST half, and no held-out set, is ever read: the set of each
id is asserted before its text is opened.

``report`` fits an L2 logistic regression on three sets (and the clean sample) and scores the
fourth, for each of the four: recall of the existing NL1xx/NL2xx rules before and after NL118's
findings are added, and the precision of NL118's *new* findings (those that overlap no
NL1xx/NL2xx finding; the engine drops the others). A new finding is correct when it overlaps a
label or ``bench/labels/verdicts-furniture-model.tsv`` judges it ``tp``. Then the findings on
every clean text (BBC and PolNeAR-train) of the model fitted on all four sets. ``train`` writes
that model's weights to newslint/rules/artifacts/lexicons/furniture-model.json. Needs the bench
extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))

from corpus_sets import CORPUS, SETS_DIR, half_of  # noqa: E402

from newslint.document import Block, Document  # noqa: E402
from newslint.engine import check_document  # noqa: E402
from newslint.plugins import plugin_manager  # noqa: E402
from newslint.readers.text import TextReader  # noqa: E402
from newslint.registry import build_registry  # noqa: E402
from newslint.rules.artifacts import furniture_model as fm  # noqa: E402

LABELS = BENCH / "labels"
WEIGHTS = REPO / "newslint" / "rules" / "artifacts" / fm.WEIGHTS_FILE
VERDICTS = LABELS / "verdicts-furniture-model.tsv"
CACHE = Path("/tmp/furniture-model-existing.json")
# tuning set -> (label files, folder of texts under bench/.sets)
SETS: dict[str, tuple[tuple[str, ...], str]] = {
    "dev": (("furniture-readability.tsv", "furniture-zyte.tsv", "furniture-newspaper.tsv"), "scraped"),
    "extra": (("furniture-extra.tsv",), "extra"),
    "extra2": (("furniture-extra2.tsv",), "extra2"),
    "validation": (("furniture-validation.tsv",), "validation"),
}
FORBIDDEN = ("heldout",)
CLEAN_SAMPLE_EVERY = 8  # one clean text in eight is a training negative
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99)
C = float(os.environ.get("FURNITURE_MODEL_C", "1.0"))
# train on the residual: blocks no NL1xx/NL2xx finding covers, which are the only ones NL118 can add
RESIDUAL = os.environ.get("FURNITURE_MODEL_RESIDUAL", "0") == "1"
BALANCED = os.environ.get("FURNITURE_MODEL_BALANCED", "0") == "1"


@dataclass
class Page:
    set_name: str
    id: str
    path: Path
    labels: list[tuple[int, int]]
    text: str = ""
    blocks: tuple[Block, ...] = ()
    existing: tuple[tuple[int, int], ...] = ()  # spans of NL1xx/NL2xx findings


def _rows(name: str) -> Iterable[list[str]]:
    assert not any(word in name for word in FORBIDDEN), name
    with open(LABELS / name, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                yield row


def _text_path(folder: str, page_id: str) -> Path:
    return SETS_DIR / folder / (page_id.replace("/", "__").replace("#", "__") + ".txt")


def tuning_pages(set_name: str) -> list[Page]:
    files, folder = SETS[set_name]
    labels: dict[str, list[tuple[int, int]]] = {}
    reviewed: list[str] = []
    for name in files:
        for row in _rows(name):
            if set_name == "dev" and half_of(row[0]) != "dev":
                continue  # the test half: never read
            if row[3] == "reviewed":
                reviewed.append(row[0])
            else:
                labels.setdefault(row[0], []).append((int(row[1]), int(row[2])))
    pages = []
    for page_id in sorted(set(reviewed)):
        assert set_name != "dev" or half_of(page_id) == "dev", page_id
        pages.append(Page(set_name, page_id, _text_path(folder, page_id), labels.get(page_id, [])))
    return pages


def clean_pages() -> list[Page]:
    paths = sorted((CORPUS / "bbc-news").glob("*/*.txt")) + sorted((CORPUS / "polnear-train" / "text").glob("*.txt"))
    return [Page("clean", str(p.relative_to(CORPUS)), p, []) for p in paths]


def _in_clean_sample(page: Page) -> bool:
    return int(hashlib.sha1(page.id.encode()).hexdigest(), 16) % CLEAN_SAMPLE_EVERY == 0


def load(pages: list[Page], registry: object, rules: Sequence[object], cache: dict[str, list[list[int]]]) -> None:
    reader = TextReader()
    for page in pages:
        page.text = page.path.read_text(encoding="utf-8", errors="replace")
        document = reader.read(str(page.path), page.text)
        page.blocks = document.blocks
        key = page.set_name + ":" + page.id
        if key not in cache:
            found = check_document(document, rules, budget=None)  # type: ignore[arg-type]
            cache[key] = [[f.start, f.end] for f in found]
        page.existing = tuple((s, e) for s, e in cache[key])


def _span(block: Block) -> tuple[int, int]:
    text = block.text
    start = len(text) - len(text.lstrip())
    return block.to_source(start, start + 1)[0], block.to_source(max(0, len(text.rstrip()) - 1), len(text.rstrip()))[1]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if b[0] == b[1]:
        return a[0] <= b[0] <= a[1]
    return a[0] < b[1] and b[0] < a[1]


def block_label(page: Page, block: Block) -> int | None:
    """1 when labels cover half the block's characters or more, 0 when none touches it, None between."""
    start, end = _span(block)
    covered = sum(max(0, min(end, e) - max(start, s)) for s, e in page.labels)
    if covered * 2 >= end - start:
        return 1
    return 0 if covered == 0 else None


def examples(pages: Sequence[Page]) -> tuple[list[dict[str, float]], list[int]]:
    features: list[dict[str, float]] = []
    targets: list[int] = []
    for page in pages:
        context = fm._context(page.blocks)
        for index, block in enumerate(page.blocks):
            if not fm.is_scored(page.blocks, index, context):
                continue
            label = block_label(page, block)
            if label is None or (RESIDUAL and any(_overlaps(_span(block), span) for span in page.existing)):
                continue
            features.append(fm.block_features(page.blocks, index, context))
            targets.append(label)
    return features, targets


def fit(pages: Sequence[Page]) -> fm.Weights:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    x, y = examples(pages)
    vectorizer = DictVectorizer()
    vectorizer.fit([{name: 1.0 for name in fm.FEATURES}])
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced" if BALANCED else None)
    model.fit(vectorizer.transform(x), y)
    names = vectorizer.get_feature_names_out()
    return float(model.intercept_[0]), {str(n): float(w) for n, w in zip(names, model.coef_[0])}


def new_findings(page: Page, weights: fm.Weights, threshold: float) -> list[tuple[int, int]]:
    spans = []
    for first, last in fm.flagged_runs(page.blocks, threshold, weights):
        span = (_span(page.blocks[first])[0], _span(page.blocks[last])[1])
        if not any(_overlaps(span, other) for other in page.existing):
            spans.append(span)
    return spans


def read_verdicts() -> dict[tuple[str, int], str]:
    if not VERDICTS.exists():
        return {}
    with open(VERDICTS, encoding="utf-8", newline="") as handle:
        return {(r[0], int(r[1])): r[3] for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r and not r[0].startswith("#")}


def score(pages: Sequence[Page], weights: fm.Weights, threshold: float, verdicts: dict[tuple[str, int], str],
          show: set[str]) -> dict[str, object]:
    labels = before = after = correct = wrong = unjudged = 0
    for page in pages:
        found = new_findings(page, weights, threshold)
        for label in page.labels:
            labels += 1
            old = any(_overlaps(span, label) for span in page.existing)
            before += old
            after += old or any(_overlaps(span, label) for span in found)
        for span in found:
            hit = any(_overlaps(span, label) for label in page.labels)
            verdict = verdicts.get((page.id, span[0]))
            good = hit if verdict is None else verdict == "tp"
            correct += good
            wrong += not good
            unjudged += not hit and verdict is None
            if ("fp" in show and not good) or "new" in show:
                mark = "TP" if good else ("FP?" if verdict is None else "FP")
                print(f"  {mark} {page.set_name} {page.id}\t{span[0]}\t{page.text[span[0]:span[1]][:160]!r}")
    return {"pages": len(pages), "labels": labels, "recall_before": _ratio(before, labels),
            "recall_after": _ratio(after, labels), "new_findings": correct + wrong,
            "new_correct": correct, "precision": _ratio(correct, correct + wrong), "unjudged": unjudged}


def clean_score(pages: Sequence[Page], weights: fm.Weights, threshold: float, show: set[str]) -> dict[str, object]:
    found = held = 0
    for page in pages:
        spans = new_findings(page, weights, threshold)
        found += len(spans)
        held += 0 if _in_clean_sample(page) else len(spans)
        for span in spans if "clean" in show else ():
            print(f"  CLEAN {page.id}\t{span[0]}\t{page.text[span[0]:span[1]][:160]!r}")
    outside = sum(not _in_clean_sample(p) for p in pages)
    return {"texts": len(pages), "findings": found, "per_100": _ratio(100 * found, len(pages)),
            "texts_not_trained_on": outside, "findings_on_those": held}


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def timing(pages: Sequence[Page], weights: fm.Weights, threshold: float) -> float:
    """Milliseconds per text to score and group its blocks (the rule's own work)."""
    started = time.perf_counter()
    for page in pages:
        fm.flagged_runs(page.blocks, threshold, weights)
    return round(1000 * (time.perf_counter() - started) / len(pages), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("report", "train"))
    parser.add_argument("--threshold", type=float, default=0.9)
    parser.add_argument("--show", default="", help="comma-separated: fp, new (every new finding), clean")
    args = parser.parse_args(argv)
    show = set(filter(None, args.show.split(",")))
    registry = build_registry(plugin_manager(load_entry_points=False))
    rules = [r for r in registry.select() if r.code.startswith(("NL1", "NL2")) and r.code != "NL118"]
    cache: dict[str, list[list[int]]] = json.loads(CACHE.read_text()) if CACHE.exists() else {}
    tuning = {name: tuning_pages(name) for name in SETS}
    clean = clean_pages()
    for pages in [*tuning.values(), clean]:
        load(pages, registry, rules, cache)
    CACHE.write_text(json.dumps(cache))
    sample = [p for p in clean if _in_clean_sample(p)]
    verdicts = read_verdicts()
    table: dict[str, object] = {}
    for left_out in SETS:
        train = [p for name, pages in tuning.items() if name != left_out for p in pages] + sample
        weights = fit(train)
        print(f"left out: {left_out}")
        rows = {}
        for threshold in THRESHOLDS:
            rows[threshold] = score(tuning[left_out], weights, threshold, verdicts,
                                    show if threshold == args.threshold else set())
        for threshold, row in rows.items():
            print(f"  at {threshold}: {json.dumps(row)}")
        table[left_out] = rows[args.threshold]
        table[left_out + "_in_sample"] = score(tuning[left_out], fit(train + tuning[left_out]), args.threshold,
                                               verdicts, set())
    everything = [p for pages in tuning.values() for p in pages] + sample
    weights = fit(everything)
    result = {"threshold": args.threshold, "left_one_set_out": table,
              "clean": {t: clean_score(clean, weights, t, show if t == args.threshold else set())
                        for t in THRESHOLDS if t >= 0.8},
              "ms_per_text": timing(clean[:500] + everything[:100], weights, args.threshold),
              "training_blocks": len(examples(everything)[1]),
              "positive_blocks": sum(examples(everything)[1])}
    print(json.dumps(result, indent=1))
    if args.command == "train":
        intercept, table_weights = weights
        WEIGHTS.write_text(json.dumps({
            "trained_by": "bench/furniture_model.py", "threshold_chosen": args.threshold,
            "features": list(fm.FEATURES), "intercept": round(intercept, 4),
            "weights": {name: round(table_weights.get(name, 0.0), 4) for name in fm.FEATURES}}, indent=1) + "\n",
            encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
