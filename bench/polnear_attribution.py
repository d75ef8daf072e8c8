"""Measure the NL4xx attribution rules on PolNeAR, real news annotated with every attribution.

    python bench/polnear_attribution.py                 # ../shared/corpus/polnear-dev
    python bench/polnear_attribution.py --show-fp       # list the false positives
    python bench/polnear_attribution.py --review ../shared/corpus/bbc-news --sample 50
    python bench/polnear_attribution.py --rescore        # bench/labels/review-nl4-extra.tsv

PolNeAR (Newell, Margolin, Ruths, LREC 2018) marks each attribution's Source, Cue and
Content as character spans of the article text (brat standoff). Where an article has
several annotators' files, the spans of all of them are pooled (the union): a finding
counts against us if any annotator saw an attribution there.

(a) Precision. A finding that overlaps a Content or Source span has its source right
    there, so it is a false positive: precision = 1 - (such findings / findings).
    "strict" counts the Content of every relation; "sourced" only relations that name a
    Source (PolNeAR also marks sourceless cues such as "presumably", "has faced ridicule").
(b) Recall-ish. Of the figure expressions and agentless constructions the rules detect
    outside every annotated attribution, how many were flagged (the rest were judged
    attributed by a cue, a quotation or carry-over that PolNeAR did not annotate).
(c) Re-scoring a review sample (``--rescore``): findings judged by hand once (source, corpus
    path, start, code, verdict, reason) are checked against what the rules report now. A
    judged finding still made keeps its verdict; precision is over those; findings the rules
    make now that nobody judged are counted apart.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newslint.engine import check_document  # noqa: E402
from newslint.rules.attribution.rules import UnattributedFigureRule  # noqa: E402
from newslint.rules.attribution.scan import document_sources  # noqa: E402
from newslint.plugins import plugin_manager  # noqa: E402
from newslint.registry import build_registry  # noqa: E402
from newslint.text.sentences import sentence_spans  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_CORPUS = CORPUS / "polnear-dev"
REVIEW_VERDICTS = REPO / "bench" / "labels" / "review-nl4-extra.tsv"
Span = tuple[int, int]


@dataclass
class Annotations:
    sourced: list[Span] = field(default_factory=list)  # Content and Source of relations with a Source
    strict: list[Span] = field(default_factory=list)  # Content and Source of every relation
    mismatches: int = 0  # spans whose text differs from the article slice
    spans: int = 0


def read_annotations(corpus: Path) -> dict[str, Annotations]:
    """Pooled spans per article name, checked against the article text."""
    pooled: dict[str, Annotations] = defaultdict(Annotations)
    for ann in sorted((corpus / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        text = (corpus / "text" / f"{name}.txt").read_text(encoding="utf-8")
        spans: dict[str, tuple[str, list[Span]]] = {}
        relations: list[dict[str, str]] = []
        for line in _annotation_lines(ann.read_text(encoding="utf-8")):
            if line.startswith("T"):
                ident, info, quoted = line.split("\t")
                kind, ranges = info.split(" ", 1)
                pieces = [tuple(map(int, piece.split())) for piece in ranges.split(";")]
                spans[ident] = (kind, pieces)  # type: ignore[assignment]
                pooled[name].spans += 1
                if " ".join(text[a:b] for a, b in pieces) != quoted:
                    pooled[name].mismatches += 1
            elif line.startswith("E"):
                relations.append(dict(part.split(":", 1) for part in line.split("\t")[1].split()))
        for relation in relations:
            has_source = "Source" in relation
            for role in ("Content", "Source"):
                if role in relation and relation[role] in spans:
                    pieces = spans[relation[role]][1]
                    pooled[name].strict.extend(pieces)
                    if has_source:
                        pooled[name].sourced.extend(pieces)
    return dict(pooled)


def _annotation_lines(content: str) -> list[str]:
    """The standoff lines, with a span text that runs over several lines (the train
    split has a few) joined back to its line."""
    lines: list[str] = []
    for line in content.splitlines():
        if lines and not re.match(r"[TEARMN#]\d*\t", line):
            lines[-1] += "\n" + line
        else:
            lines.append(line)
    return [line for line in lines if line]


def overlaps(span: Span, spans: list[Span]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in spans)


def nl4_rules():
    registry = build_registry(plugin_manager(load_entry_points=False))
    rules = [rule for rule in registry.rules if rule.code.startswith("NL4")]
    return registry, rules


def detected(document, rules) -> list[tuple[str, Span, bool]]:
    """Every figure and agentless construction the rules consider, and whether the rules
    judged it unsourced (NL402 reports one finding per sentence, naming the others)."""
    figure_rule = next(r for r in rules if isinstance(r, UnattributedFigureRule))
    found = []
    for sources in document_sources(document, figure_rule.lexicon, figure_rule.blocks, figure_rule._figures_in):
        block = sources.block
        for claim in sources.claims:
            found.append(("NL401", block.to_source(claim.start, claim.end), not claim.attributed))
        with_claims = {sources.sentence_index(claim.start) for claim in sources.claims}
        open_claims = {sources.sentence_index(claim.start) for claim in sources.unattributed_claims()}
        for figure in sources.figures:
            sentence = sources.sentence_index(figure.start)
            if sentence in with_claims:
                continue  # counted as its sentence's construction
            unsourced = not sources.attributed(figure.start, figure.end) and sentence not in open_claims
            code = next((rule.code for rule in rules if isinstance(rule, UnattributedFigureRule)
                         and figure.kind in rule.kinds), "NL402")
            found.append((code, block.to_source(figure.start, figure.end), unsourced))
    return found


def measure(corpus: Path, show_fp: bool) -> dict:
    registry, rules = nl4_rules()
    annotations = read_annotations(corpus)
    reader = registry.readers[".txt"]
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    timings: list[float] = []
    false_positives = []
    for name, notes in sorted(annotations.items()):
        source = (corpus / "text" / f"{name}.txt").read_text(encoding="utf-8")
        document = reader.read(f"{name}.txt", source)
        started = time.process_time()
        findings = check_document(document, rules)
        timings.append(time.process_time() - started)
        for finding in findings:
            span = (finding.start, finding.end)
            for code in (finding.code, "NL4xx"):
                counts[code]["flagged"] += 1
                counts[code]["in_strict"] += overlaps(span, notes.strict)
                counts[code]["in_sourced"] += overlaps(span, notes.sourced)
            if overlaps(span, notes.strict):
                false_positives.append((name, finding.code, source[finding.start:finding.end], finding.message))
        for code, span, unsourced in detected(document, rules):
            if overlaps(span, notes.strict):
                continue
            for key in (code, "NL4xx"):
                counts[key]["outside"] += 1
                counts[key]["outside_flagged"] += unsourced
    report = {"articles": len(annotations),
              "annotation_spans": sum(n.spans for n in annotations.values()),
              "annotation_text_mismatches": sum(n.mismatches for n in annotations.values()),
              "cpu_ms_per_article_median": round(statistics.median(timings) * 1000, 2),
              "cpu_ms_per_article_max": round(max(timings) * 1000, 2)}
    for code in sorted(counts):
        c = counts[code]
        report[code] = {
            "flagged": c["flagged"],
            "inside_attribution_strict": c["in_strict"],
            "inside_attribution_sourced": c["in_sourced"],
            "precision_strict": round(1 - c["in_strict"] / c["flagged"], 3) if c["flagged"] else None,
            "precision_sourced": round(1 - c["in_sourced"] / c["flagged"], 3) if c["flagged"] else None,
            "detected_outside_attributions": c["outside"],
            "flagged_outside_attributions": c["outside_flagged"],
        }
    if show_fp:
        report["false_positives"] = false_positives
    return report


def review(directory: Path, sample: int, seed: int) -> None:
    """Print a random sample of findings with their sentence and the one before it,
    for review by hand."""
    registry, rules = nl4_rules()
    reader = registry.readers[".txt"]
    rows = []
    paths = sorted(p for p in directory.rglob("*.txt") if p.name.upper() != "README.TXT")
    for path in paths:
        document = reader.read(path.name, path.read_text(encoding="utf-8"))
        for finding in check_document(document, rules):
            rows.append((str(path.relative_to(directory)), finding.code, finding.message,
                         _context(document, finding.start)))
    print(f"{len(rows)} findings in {len(paths)} files")
    for index, (path, code, message, context) in enumerate(random.Random(seed).sample(rows, min(sample, len(rows))), 1):
        print(f"\n[{index}] {path} {code} {message}\n    {context}")


# The verdicts were given when NL402 reported every kind of figure; NL403 (casualty figures)
# and NL404 (shares of a population) have been split from it since, so a verdict on an NL402
# finding judges any of them.
JUDGED_AS = {"NL403": "NL402", "NL404": "NL402"}


def _judged_as(code: str) -> str:
    return JUDGED_AS.get(code, code)


def corpus_text(path: str, truth: dict | None = None) -> str:
    """The text a review row's offsets refer to: a corpus file, or a Zyte ground-truth
    body ("article-extraction-benchmark/ground-truth.json#<key>") as bench/corpus_sets.py
    writes it (the body and a final newline)."""
    if "#" in path:
        name, key = path.split("#", 1)
        if truth is None:
            truth = json.loads((CORPUS / name).read_text(encoding="utf-8"))
        return truth[key]["articleBody"] + "\n"
    return (CORPUS / path).read_text(encoding="utf-8")


def rescore(verdicts: Path, show: bool = False) -> dict:
    """Precision of today's rules on a sample of findings judged by hand once."""
    registry, rules = nl4_rules()
    reader = registry.readers[".txt"]
    rows = [line.split("\t") for line in verdicts.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    by_path: dict[str, list[list[str]]] = defaultdict(list)
    for row in rows:
        by_path[row[1]].append(row)
    truth: dict | None = None
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    unjudged = []
    for path, judged in sorted(by_path.items()):
        if "#" in path and truth is None:
            truth = json.loads((CORPUS / path.split("#", 1)[0]).read_text(encoding="utf-8"))
        source = corpus_text(path, truth)
        findings = check_document(reader.read(path, source), rules, budget=None)
        verdict_of = {(row[3], int(row[2])): row[4] for row in judged}
        # a verdict names the code it was given under (NL402 before a split) or today's code
        current = {(code, finding.start): finding.code for finding in findings
                   for code in {finding.code, _judged_as(finding.code)}}
        for (code, start), verdict in verdict_of.items():
            counts[code][f"judged_{verdict}"] += 1
            counts["NL4xx"][f"judged_{verdict}"] += 1
            now = current.get((code, start))
            if now is not None:
                counts[now][f"still_{verdict}"] += 1
                counts["NL4xx"][f"still_{verdict}"] += 1
                counts[code][f"kept_{verdict}"] += 1
                counts["NL4xx"][f"kept_{verdict}"] += 1
        for finding in findings:
            if (_judged_as(finding.code), finding.start) not in verdict_of and (finding.code, finding.start) not in verdict_of:
                for key in (finding.code, "NL4xx"):
                    counts[key]["unjudged"] += 1
                unjudged.append((path, finding.start, finding.code, source[finding.start:finding.end]))
    report: dict = {"files": len(by_path), "judged": len(rows)}
    for code in sorted(counts):
        c = counts[code]
        still = c["still_tp"] + c["still_fp"]
        judged_count = c["judged_tp"] + c["judged_fp"]
        report[code] = {
            "judged_tp": c["judged_tp"], "judged_fp": c["judged_fp"],
            "precision_judged_then": round(c["judged_tp"] / judged_count, 3) if judged_count else None,
            "judged_tp_still_made": round(c["kept_tp"] / c["judged_tp"], 3) if c["judged_tp"] else None,
            "flagged_now_tp": c["still_tp"], "flagged_now_fp": c["still_fp"],
            "precision_now": round(c["still_tp"] / still, 3) if still else None,
            "unjudged_findings_now": c["unjudged"],
        }
    if show:
        report["unjudged"] = unjudged
    return report


def _context(document, offset: int) -> str:
    """The sentence at `offset` and the one before it in the same block."""
    for block in document.blocks:
        if block.extent[0] <= offset < block.extent[1]:
            local = offset - block.extent[0]
            spans = sentence_spans(block.text)
            index = next((i for i, (start, end) in enumerate(spans) if start <= local < end), 0)
            first = max(0, index - 1)
            return block.text[spans[first][0]:spans[index][1]] if spans else block.text
    return ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show-fp", action="store_true", help="list findings inside an annotated attribution")
    parser.add_argument("--review", type=Path, help="sample findings from the .txt files under this directory")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rescore", type=Path, nargs="?", const=REVIEW_VERDICTS,
                        help="re-score judged findings (default bench/labels/review-nl4-extra.tsv)")
    args = parser.parse_args()
    if args.rescore:
        print(json.dumps(rescore(args.rescore, args.show_fp), indent=2, ensure_ascii=False))
        return 0
    if args.review:
        review(args.review, args.sample, args.seed)
        return 0
    if not (args.corpus / "attributions").is_dir():
        print(f"error: no PolNeAR corpus at {args.corpus}", file=sys.stderr)
        return 2
    print(json.dumps(measure(args.corpus, args.show_fp), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
