"""Accuracy of the rule families on the hand-labelled evaluation sets (bench/labels/).

    python bench/corpus_sets.py build                  # once: the texts the labels refer to
    python bench/evaluate.py --half test               # the figures the README reports
    python bench/evaluate.py --half dev --family furniture --show fn,fp

Families and what is measured (each on one half, dev or test; tune on dev only):
- ``furniture`` (NL1xx, NL2xx) on the ``scraped`` set: recall over labels and as the mean over
  the articles that have any, and findings that overlap no label (false positives) per article.
- ``attribution`` (NL4xx) on the ``bodies`` set: precision (findings overlapping a label) and
  recall (labels some finding overlaps).
- ``agreement`` (NL3xx): recall on the planted breaks (each applied alone to its article; caught
  when a finding overlaps the replaced word) and findings per article on the unchanged ``bodies``
  articles, each judged in ``verdicts-agreement.tsv``.

A finding that overlaps no label but that a reviewer judged a true defect the labeller missed
is listed in ``verdicts-<family>.tsv`` (id, start, code, verdict, reason) and counts as correct;
one judged ``fp`` there, or not listed, counts as a false positive.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from corpus_sets import Article, articles  # noqa: E402

from newslint.engine import check_document  # noqa: E402
from newslint.model import Finding, Rule  # noqa: E402
from newslint.plugins import plugin_manager  # noqa: E402
from newslint.registry import Registry, build_registry  # noqa: E402

LABELS = BENCH / "labels"
# set by --opt-in, or by NEWSLINT_BENCH_OPT_IN=1 (what `accuracy.py --opt-in` passes every script):
# measure the opt-in rules too (NL118, NL304, NL402)
OPT_IN = os.environ.get("NEWSLINT_BENCH_OPT_IN") == "1"
PREFIXES = {"furniture": ("NL1", "NL2"), "attribution": ("NL4",), "agreement": ("NL3",)}
SETS = {"furniture": "scraped", "attribution": "bodies", "agreement": "bodies"}


@dataclass(frozen=True)
class Label:
    id: str
    start: int
    end: int
    category: str


def _rows(pattern: str) -> Iterable[list[str]]:
    for path in sorted(LABELS.glob(pattern)):
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row and not row[0].startswith("#"):
                    yield row


def read_labels(family: str, pattern: str | None = None) -> tuple[dict[str, list[Label]], set[str]]:
    """Labels by article id, and the ids a labeller reviewed (from the files matching PATTERN,
    by default every ``<family>-*.tsv``)."""
    by_id: dict[str, list[Label]] = defaultdict(list)
    reviewed: set[str] = set()
    for row in _rows(pattern or f"{family}-*.tsv"):
        if row[3] == "reviewed":
            reviewed.add(row[0])
        else:
            by_id[row[0]].append(Label(row[0], int(row[1]), int(row[2]), row[3]))
    return by_id, reviewed


def read_verdicts(family: str) -> dict[tuple[str, int, str], str]:
    return {(row[0], int(row[1]), row[2]): row[3] for row in _rows(f"verdicts-{family}.tsv")}


def _overlaps(finding: Finding, start: int, end: int) -> bool:
    if start == end:
        return finding.start <= start <= finding.end
    return finding.start < end and start < finding.end


def _removes_unlabelled_text(finding: Finding, labels: Sequence[Label], text: str) -> bool:
    """Whether the finding's fix would delete a non-space character that no label covers:
    story text, as far as the labellers could tell."""
    if finding.fix is None:
        return False
    for edit in finding.fix.edits:
        for offset in range(edit.start, edit.end):
            if not text[offset].isspace() and not any(l.start <= offset < l.end for l in labels):
                return True
    return False


def _findings(registry: Registry, rules: Sequence[Rule], path: Path, source: str | None = None) -> list[Finding]:
    text = source if source is not None else path.read_text(encoding="utf-8")
    reader = registry.readers[".txt"]
    document = reader.read(str(path), text)
    return [finding for finding in check_document(document, rules, budget=None)]


def _rules(registry: Registry, family: str) -> list[Rule]:
    """The family's rules as a default run selects them (opt-in rules only with --opt-in)."""
    chosen = registry.rules if OPT_IN else registry.select()
    return [rule for rule in chosen if rule.code.startswith(PREFIXES[family])]


def _ratio(numerator: float, denominator: float) -> float | None:
    return round(numerator / denominator, 3) if denominator else None


def evaluate_spans(family: str, half: str, show: set[str]) -> dict[str, object]:
    """Furniture or attribution: findings against span labels."""
    labels, reviewed = read_labels(family)
    chosen = [a for a in articles(SETS[family]) if a.half == half and a.id in reviewed]
    return score_spans(family, half, chosen, labels, read_verdicts(family), show)


def score_label_file(family: str, label_file: str, candidates: Sequence[Article], set_name: str,
                     show: set[str]) -> dict[str, object]:
    """A held-out set's score: the CANDIDATES reviewed in LABEL_FILE against its labels, with the
    verdicts of ``verdicts-<set_name>.tsv``."""
    labels, reviewed = read_labels(family, label_file)
    chosen = [article for article in candidates if article.id in reviewed]
    return score_spans(family, set_name, chosen, labels, read_verdicts(set_name), show)


def score_spans(family: str, half: str, chosen: Sequence[Article], labels: dict[str, list[Label]],
                verdicts: dict[tuple[str, int, str], str], show: set[str]) -> dict[str, object]:
    """The family's findings on the chosen articles against their span labels; a finding that
    overlaps no label counts as correct only when its verdict is ``tp``."""
    registry = build_registry(plugin_manager(load_entry_points=False))
    rules = _rules(registry, family)
    found_labels = total_labels = 0
    correct = wrong = 0
    unsafe_fixes = 0
    per_article_recall: list[float] = []
    by_code: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for article in chosen:
        findings = _findings(registry, rules, article.text_path)
        own = labels.get(article.id, [])
        hit = [any(_overlaps(f, label.start, label.end) for f in findings) for label in own]
        found_labels += sum(hit)
        total_labels += len(own)
        for label, was_hit in zip(own, hit):
            by_category[label.category][0] += was_hit
            by_category[label.category][1] += 1
            if not was_hit and "fn" in show:
                text = article.text_path.read_text(encoding="utf-8")
                print(f"FN {article.id} {label.start} {label.category}: {text[label.start:label.end][:100]!r}")
        if own:
            per_article_recall.append(sum(hit) / len(own))
        text = article.text_path.read_text(encoding="utf-8")
        unsafe_fixes += sum(_removes_unlabelled_text(finding, own, text) for finding in findings)
        for finding in findings:
            good = any(_overlaps(finding, label.start, label.end) for label in own)
            verdict = verdicts.get((article.id, finding.start, finding.code))
            if verdict is not None:
                good = verdict == "tp"
            by_code[finding.code][0 if good else 1] += 1
            correct += good
            wrong += not good
            if not good and "fp" in show:
                text = article.text_path.read_text(encoding="utf-8")
                print(f"FP {article.id} {finding.start} {finding.code}: {text[finding.start:finding.end][:100]!r}"
                      f" | {finding.message[:100]}")
    return {
        "family": family, "half": half, "articles": len(chosen), "labels": total_labels,
        "recall": _ratio(found_labels, total_labels),
        "recall_mean_over_articles": _ratio(sum(per_article_recall), len(per_article_recall)),
        "findings": correct + wrong, "precision": _ratio(correct, correct + wrong),
        "false_positives": wrong, "false_positives_per_article": _ratio(wrong, len(chosen)),
        "fixes_removing_unlabelled_text": unsafe_fixes,
        "by_code": {code: {"correct": c, "wrong": w} for code, (c, w) in sorted(by_code.items())},
        "recall_by_category": {cat: f"{h}/{n}" for cat, (h, n) in sorted(by_category.items())},
    }


def break_caught(registry: Registry, rules: Sequence[Rule], path: Path, text: str, start: int, end: int,
                 replacement: str) -> bool:
    """Whether a finding overlaps the planted word once TEXT[start:end] is replaced (one break alone)."""
    changed = text[:start] + replacement + text[end:]
    findings = _findings(registry, rules, path, changed)
    return any(_overlaps(f, start, start + len(replacement)) for f in findings)


def judged_findings(registry: Registry, rules: Sequence[Rule], article_id: str, path: Path,
                    verdicts: dict[tuple[str, int, str], str]) -> list[tuple[Finding, bool]]:
    """The findings on the unchanged text, each with whether a reviewer judged it ``tp``."""
    return [(finding, verdicts.get((article_id, finding.start, finding.code)) == "tp")
            for finding in _findings(registry, rules, path)]


def evaluate_agreement(half: str, show: set[str]) -> dict[str, object]:
    registry = build_registry(plugin_manager(load_entry_points=False))
    rules = _rules(registry, "agreement")
    chosen = {a.id: a for a in articles("bodies") if a.half == half}
    caught = planted = 0
    for row in _rows("planted.tsv"):
        article = chosen.get(row[0])
        if article is None:
            continue
        start, end, replacement = int(row[1]), int(row[2]), row[3]
        text = article.text_path.read_text(encoding="utf-8")
        hit = break_caught(registry, rules, article.text_path, text, start, end, replacement)
        caught += hit
        planted += 1
        if not hit and "fn" in show:
            print(f"FN {article.id} {start} {text[start:end]}->{replacement} ({row[6]})")
    verdicts = read_verdicts("agreement")
    correct = wrong = 0
    for article in chosen.values():
        for finding, good in judged_findings(registry, rules, article.id, article.text_path, verdicts):
            correct += good
            wrong += not good
            if "fp" in show:
                text = article.text_path.read_text(encoding="utf-8")
                print(f"{'TP' if good else 'FP'} {article.id} {finding.start} {finding.code}: "
                      f"{text[finding.start:finding.end]!r} | {finding.message[:120]}")
    return {
        "family": "agreement", "half": half, "planted": planted, "recall": _ratio(caught, planted),
        "clean_articles": len(chosen), "findings_on_clean": correct + wrong,
        "precision_on_clean": _ratio(correct, correct + wrong),
        "false_positives_per_20_articles": _ratio(20 * wrong, len(chosen)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=("dev", "test"), required=True)
    parser.add_argument("--family", choices=sorted(PREFIXES), action="append")
    parser.add_argument("--show", default="", help="comma-separated: fn (missed labels), fp (wrong findings)")
    parser.add_argument("--opt-in", action="store_true", help="also run the opt-in rules (NL118, NL304, NL402)")
    args = parser.parse_args(argv)
    global OPT_IN
    OPT_IN = args.opt_in or OPT_IN
    show = set(filter(None, args.show.split(",")))
    missing = [a for a in articles("scraped") + articles("bodies") if not a.text_path.exists()]
    if missing:
        print(f"{len(missing)} texts are not built: run python bench/corpus_sets.py build", file=sys.stderr)
        return 2
    for family in args.family or sorted(PREFIXES):
        result = evaluate_agreement(args.half, show) if family == "agreement" \
            else evaluate_spans(family, args.half, show)
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
