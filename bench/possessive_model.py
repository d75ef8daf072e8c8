"""Learn and judge the possessive model NL304 scores "their" with
(newslint/rules/agreement/possessive_model.py).

    python bench/possessive_model.py report     # fit on the training texts, judge on the rest
    python bench/possessive_model.py train      # also write the weights

No labels are needed to learn it: in clean copy each "its" or "their" after a body the article
treats as singular is the writer's choice, so the model learns from the context alone which of
the two a writer puts there (an "its" is a positive). Training texts are the BBC and
PolNeAR-train texts whose name hashes into the first three quarters, minus every text any
planted-break set (`bench/labels/planted*.tsv`) uses; the last quarter is kept for judging.

``report`` prints, at each threshold: on the kept clean texts, the "their" candidates the model
would flag (each a finding on clean copy, so none is right unless the article mixes numbers
itself), per 20 texts; and, on the tuning planted sets (`planted-extra.tsv`,
`planted-extra2.tsv`), how many planted "it/its"→"they/their" breaks the other NL3xx rules
miss and how many of those it flags. Of the unseen planted sets only the file names are read
(to keep their texts out of training). ``--show T`` prints the kept clean texts' findings at
threshold T. ``train`` writes the weights of the model ``report`` judges. Needs the bench
extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from newslint.plugins import plugin_manager  # noqa: E402
from newslint.registry import build_registry  # noqa: E402
from newslint.rules.agreement import possessive_model as pm  # noqa: E402
from newslint.rules.agreement.analysis import analyse  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
LABELS = BENCH / "labels"
WEIGHTS = REPO / "newslint" / "rules" / "agreement" / pm.WEIGHTS_FILE
TUNING_PLANTED = ("planted-extra.tsv", "planted-extra2.tsv")
THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97)


def planted_files() -> set[str]:
    return {line.split("\t", 1)[0] for path in LABELS.glob("planted*.tsv")
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def in_training_quarters(name: str) -> bool:
    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % 4 != 3


def clean_texts() -> list[Path]:
    excluded = planted_files()
    files = sorted((CORPUS / "bbc-news").rglob("*.txt")) + sorted((CORPUS / "polnear-train" / "text").glob("*.txt"))
    return [path for path in files if str(path.relative_to(CORPUS)) not in excluded]


def nl301(registry):  # type: ignore[no-untyped-def]
    return next(rule for rule in registry.select(["NL3"]) if rule.code == "NL301")


def examples(registry, rule, path: Path, text: str | None = None):  # type: ignore[no-untyped-def]
    reader = registry.reader_for(str(path))
    document = reader.read(str(path), text if text is not None else path.read_text(encoding="utf-8"))
    analysis = document.shared(analyse, rule.lexicon, rule.blocks)
    return document, list(pm.candidates(document, analysis, rule.lexicon, rule.blocks))


def fit(rows: list[tuple[tuple[float, ...], int]]):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression
    import numpy as np

    x = np.array([features for features, _ in rows])
    y = np.array([label for _, label in rows])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays 1
    model = LogisticRegression(C=1.0, max_iter=2000, fit_intercept=False).fit((x - mean) / scale, y)
    return pm.Weights(tuple(float(c) for c in model.coef_[0]), tuple(float(m) for m in mean),
                      tuple(float(s) for s in scale))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("report", "train"))
    parser.add_argument("--show", type=float, default=None, help="print kept clean texts' flags at this threshold")
    args = parser.parse_args(argv)
    registry = build_registry(plugin_manager(load_entry_points=False))
    rule = nl301(registry)
    train_rows: list[tuple[tuple[float, ...], int]] = []
    kept: list[tuple[str, list[pm.Candidate], str]] = []
    files = clean_texts()
    for path in files:
        name = str(path.relative_to(CORPUS))
        _, found = examples(registry, rule, path)
        if in_training_quarters(name):
            train_rows.extend((c.features, int(c.form.lower() in ("its", "it"))) for c in found)
        else:
            kept.append((name, [c for c in found if c.form.lower() in ("their", "they")], path.read_text(encoding="utf-8")))
    weights = fit(train_rows)
    print(f"training candidates {len(train_rows)} ({sum(label for _, label in train_rows)} its) from "
          f"{sum(1 for p in files if in_training_quarters(str(p.relative_to(CORPUS))))} texts; kept {len(kept)} texts")
    print(json.dumps(dict(zip(pm.FEATURES, (round(c, 2) for c in weights.coefficients)))))
    planted: list[tuple[str, float | None]] = []  # (set, score of the planted candidate or None)
    nl3 = [r for r in registry.select(["NL3"]) if r.code != "NL304"]  # what the other rules already catch
    for set_name in TUNING_PLANTED:
        for line in (LABELS / set_name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            article, start_text, end_text, replacement = line.split("\t")[:4]
            if replacement.lower() not in ("their", "they"):
                continue
            start, end = int(start_text), int(end_text)
            path = CORPUS / article
            original = path.read_text(encoding="utf-8")
            text = original[:start] + replacement + original[end:]
            document, found = examples(registry, rule, path, text)
            if any(f.start < start + len(replacement) and start < f.end for r in nl3 for f in r.check(document)):
                planted.append((set_name, -1.0))  # already caught
                continue
            hit = [c for c in found if c.block.to_source(c.start, c.end)[0] == start]
            planted.append((set_name, pm.probability(hit[0].features, weights) if hit else None))
    caught = sum(1 for _, score in planted if score == -1.0)
    candidates = sum(1 for _, score in planted if score is not None and score >= 0)
    print(f"tuning planted its->their: {len(planted)}, caught by NL3xx {caught}, other candidates {candidates}")
    for threshold in THRESHOLDS:
        flags = sum(1 for _, found, _ in kept for c in found if pm.probability(c.features, weights) >= threshold)
        texts = sum(1 for _, found, _ in kept if any(pm.probability(c.features, weights) >= threshold for c in found))
        new = sum(1 for _, score in planted if score is not None and score >= threshold)
        print(f"  at {threshold}: clean flags {flags} in {texts} of {len(kept)} texts "
              f"({20 * texts / len(kept):.2f} per 20); planted newly caught {new}")
    if args.show is not None:
        for name, found, text in kept:
            for c in found:
                if pm.probability(c.features, weights) >= args.show:
                    s = c.block.to_source(c.start, c.end)[0]
                    print(f"FLAG {name} {s} {pm.probability(c.features, weights):.3f} {c.subject}: "
                          f"{' '.join(text[max(0, s - 150):s + 40].split())}")
    if args.command == "train":
        WEIGHTS.write_text(json.dumps({"features": list(pm.FEATURES), "coefficients": list(weights.coefficients),
                                       "mean": list(weights.mean), "scale": list(weights.scale)}, indent=1) + "\n",
                           encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
