"""Run the NL3xx agreement rules over the real-article corpora, for review by hand.

    python bench/review_nl3.py                      # counts and timings, all corpora
    python bench/review_nl3.py bbc-news --show      # every finding with its sentence
    python bench/review_nl3.py path/to/article.txt --show
    python bench/review_nl3.py bbc-news --inject    # recall on injected defects
    python bench/review_nl3.py --planted-extra      # recall on bench/labels/planted-extra.tsv
    python bench/review_nl3.py --planted-extra2     # recall on bench/labels/planted-extra2.tsv
    python bench/review_nl3.py --planted-extra --why  # and the misses counted by why no finding was made
    python bench/review_nl3.py --planted-extra2 bench/labels/planted-fresh.tsv --rows A
                                                    # the fresh set's tuning half (B: the measured half)

Corpora (in ../shared/corpus): bbc-news, polnear (polnear-dev/text), newspaper
(newspaper/text), polnear-train (polnear-train/text), readability (readability/*/expected.html).
Prints, per corpus, the
articles read, the findings per rule, findings per ten articles, and the CPU time the
NL3xx rules take per article (median, 95th percentile, max).

--inject measures recall where the clean corpora have nothing to find: in each article
where a plain search (not the rule) finds a collective noun used twice with the same
number ("the government has ... the government is"), it flips the number of the last
verb; where it finds "the <noun> has ... its" in one sentence, it flips "its" to
"their" (and "their" to "its" after a plural verb). It reports how many of the flipped
words NL301 flags at the flipped span.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

from newslint.document import Document
from newslint.model import Finding, Rule
from newslint.plugins import plugin_manager
from newslint.registry import Registry, build_registry
from newslint.rules.agreement.analysis import analyse

CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"))
CORPORA = {
    "bbc-news": ("bbc-news", "*/*.txt"),
    "polnear": ("polnear-dev/text", "*.txt"),
    "polnear-train": ("polnear-train/text", "*.txt"),
    "newspaper": ("newspaper/text", "*.txt"),
    "readability": ("readability", "*/expected.html"),
}


def corpus_files(name: str) -> list[Path]:
    if name in CORPORA:
        directory, pattern = CORPORA[name]
        return sorted((CORPUS / directory).glob(pattern))
    path = Path(name)
    return sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]


def read(registry: Registry, path: Path) -> Document | None:
    reader = registry.reader_for(str(path))
    if reader is None:
        return None
    return reader.read(str(path), path.read_text(encoding="utf-8"))


def run(registry: Registry, rules: tuple[Rule, ...], files: list[Path]) -> tuple[list, list[float], int]:
    """(path, document, finding) for every finding; per-article seconds; articles read."""
    found: list[tuple[Path, Document, Finding]] = []
    seconds: list[float] = []
    for path in files:
        document = read(registry, path)
        if document is None:
            continue
        started = time.process_time()
        findings = [finding for rule in rules for finding in rule.check(document)]
        seconds.append(time.process_time() - started)
        found.extend((path, document, finding) for finding in sorted(findings, key=lambda f: f.start))
    return found, seconds, len(seconds)


FLIP = {"has": "have", "is": "are", "was": "were", "have": "has", "are": "is", "were": "was"}
SINGULAR = {"has", "is", "was", "says"}


# Out of scope by the rule's definition, so not used for injection: a subject after a
# preposition ("members of the government are") and anything in quotation marks.
PREPOSITIONS = {"of", "for", "with", "by", "from", "to", "in", "on", "at", "about", "against", "between",
                "among", "over", "under", "into", "through", "within", "without", "as"}


def in_scope(text: str, match: re.Match) -> bool:
    line_start = text.rfind("\n", 0, match.start()) + 1
    before = text[line_start:match.start()]
    if before.count('"') % 2 or before.count("\u201c") > before.count("\u201d"):
        return False
    words = before.split()
    return not words or words[-1].lower() not in PREPOSITIONS


def injections(text: str, nouns: list[str]) -> list[tuple[str, int, int]]:
    """Texts with one flipped verb or possessive, and the flipped span; at most one of each."""
    alternation = "|".join(sorted(nouns, key=len, reverse=True))
    made: list[tuple[str, int, int]] = []
    verbs = [m for m in re.finditer(rf"\b[Tt]he ({alternation}) (has|is|was|have|are|were)\b", text)
             if in_scope(text, m)]
    for match in reversed(verbs):
        same = [m for m in verbs if m.group(1) == match.group(1)
                and (m.group(2) in SINGULAR) == (match.group(2) in SINGULAR)]
        if len(same) >= 2:
            start, end = match.span(2)
            made.append((text[:start] + FLIP[match.group(2)] + text[end:], start, start + len(FLIP[match.group(2)])))
            break
    for match in re.finditer(
            rf"\b[Tt]he ({alternation}) (has|is|was|says|have|are|were|say)\b[^.;:\"\n]{{0,80}}?\b(its|their)\b", text):
        if not in_scope(text, match):
            continue
        singular = match.group(2) in SINGULAR
        if (match.group(3) == "its") == singular:
            start, end = match.span(3)
            flipped = "their" if singular else "its"
            made.append((text[:start] + flipped + text[end:], start, start + len(flipped)))
            break
    return made


def inject(registry: Registry, rules: tuple[Rule, ...], files: list[Path], nouns: list[str]) -> None:
    kinds = {"verb": [0, 0], "possessive": [0, 0]}
    for path in files:
        reader = registry.reader_for(str(path))
        if reader is None or path.suffix != ".txt":
            continue
        for text, start, end in injections(path.read_text(encoding="utf-8"), nouns):
            kind = "possessive" if text[start:end] in ("its", "their") else "verb"
            document = reader.read(str(path), text)
            hit = any(f.start == start and f.end == end for rule in rules if rule.code == "NL301"
                      for f in rule.check(document))
            kinds[kind][0] += 1
            kinds[kind][1] += hit
    for kind, (made, hit) in kinds.items():
        print(f"  injected {kind} flips: {made}, flagged at the flipped word: {hit} ({hit / max(made, 1):.0%})")


PLANTED_EXTRA = Path(__file__).resolve().parent / "labels" / "planted-extra.tsv"
PLANTED_EXTRA2 = Path(__file__).resolve().parent / "labels" / "planted-extra2.tsv"


def planted_rows(rows_path: Path, half: str | None) -> list[str]:
    """The non-blank rows of a planted file; half "A" is the first half of them, "B" the rest."""
    lines = [line for line in rows_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    middle = (len(lines) + 1) // 2
    return {"A": lines[:middle], "B": lines[middle:]}.get(half or "", lines)


def miss_cause(rules: tuple[Rule, ...], document: Document, start: int, stop: int) -> str:
    """Why a planted break at source span [start, stop) drew no finding, from the analysis's uses
    (the one the rules just ran on `document`, read back through `Document.shared`)."""
    rule = next((rule for rule in rules if rule.code == "NL301"), None)
    if rule is None:
        return "not analysed (NL301 not selected)"
    uses = document.shared(analyse, rule.lexicon, rule.blocks).uses  # type: ignore[attr-defined]
    planted = [use for use in uses if (span := use.block.source_map.to_source(use.start, use.end))[0] < stop
               and start < span[1]]
    if not planted:
        return "read as no use of any body"
    others = [use for use in uses if use.subject.key == planted[0].subject.key and use is not planted[0]]
    if not others:
        return "the only use of its body"
    if all(use.number is planted[0].number for use in others):
        return "its body's other uses have the planted number"
    return "a mix the analysis sees, not reported"


def planted_extra(registry: Registry, rules: tuple[Rule, ...], rows_path: Path, show: bool,
                  half: str | None = None, why: bool = False) -> None:
    """Recall on hand-planted breaks: each row (an article under ../shared/corpus, the span of one
    word, its replacement) is applied alone, and counts as caught when an NL3xx finding overlaps
    the replaced word. With `why`, the misses are counted by `miss_cause`."""
    kinds: dict[str, list[int]] = {}
    causes: dict[str, int] = {}
    for line in planted_rows(rows_path, half):
        article, start_text, end_text, replacement, _, _, note = line.split("\t")[:7]
        start, end = int(start_text), int(end_text)
        path = CORPUS / article
        reader = registry.reader_for(str(path))
        if reader is None:
            continue
        original = path.read_text(encoding="utf-8")
        text = original[:start] + replacement + original[end:]
        document = reader.read(str(path), text)
        stop = start + len(replacement)
        caught = any(f.start < stop and start < f.end for rule in rules for f in rule.check(document))
        kind = note.split(" ", 1)[0].rstrip(",:")
        counts = kinds.setdefault(kind, [0, 0])
        counts[0] += 1
        counts[1] += caught
        if why and not caught:
            cause = miss_cause(rules, document, start, stop)
            causes[cause] = causes.get(cause, 0) + 1
        if show and not caught:
            print(f"MISS {article} {start} {original[start:end]}->{replacement} ({note})")
            print(f"    {' '.join(text[max(0, start - 160):stop + 60].split())}")
    total = sum(made for made, _ in kinds.values())
    hit = sum(caught for _, caught in kinds.values())
    for kind, (made, caught) in sorted(kinds.items()):
        print(f"  {kind}: {caught}/{made}")
    for cause, count in sorted(causes.items()):
        print(f"  missed, {cause}: {count}")
    label = f"{rows_path.stem}{f' half {half}' if half else ''}"
    print(f"{label}: {hit}/{total} caught (recall {hit / max(total, 1):.3f})")


def context(document: Document, finding: Finding, width: int = 160) -> str:
    source = document.source
    start = max(source.rfind("\n", 0, finding.start) + 1, finding.start - width)
    end = source.find("\n", finding.end)
    end = min(end if end >= 0 else len(source), finding.end + width)
    text = source[start:finding.start] + "[[" + source[finding.start:finding.end] + "]]" + source[finding.end:end]
    return " ".join(text.split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="*", default=list(CORPORA), help="corpus names or paths")
    parser.add_argument("--show", action="store_true", help="print every finding with its context")
    parser.add_argument("--select", default="NL3", help="rule codes or prefixes, comma-separated (default NL3)")
    parser.add_argument("--inject", action="store_true", help="measure recall on injected defects")
    parser.add_argument("--planted-extra", nargs="?", const=str(PLANTED_EXTRA), default=None, metavar="TSV",
                        help="recall on hand-planted breaks, one at a time (default bench/labels/planted-extra.tsv)")
    parser.add_argument("--planted-extra2", nargs="?", const=str(PLANTED_EXTRA2), default=None, metavar="TSV",
                        help="the same on the third round's breaks (default bench/labels/planted-extra2.tsv)")
    parser.add_argument("--why", action="store_true",
                        help="with a planted file: count the misses by why no finding was made")
    parser.add_argument("--rows", choices=("A", "B"), default=None,
                        help="with a planted file: only its first (A) or second (B) half of rows")
    args = parser.parse_args(argv)

    registry = build_registry(plugin_manager(load_entry_points=False))
    selectors = args.select.split(",")
    rules = registry.select(selectors)
    if os.environ.get("NEWSLINT_BENCH_OPT_IN") == "1":  # `accuracy.py --opt-in`: the opt-in rules too
        rules = tuple(rule for rule in registry.rules if rule.code.startswith(tuple(selectors)))
    planted = [Path(tsv) for tsv in (args.planted_extra, args.planted_extra2) if tsv is not None]
    for tsv in planted:
        planted_extra(registry, rules, tsv, args.show, args.rows, args.why)
    if planted:
        return 0
    for name in args.corpora:
        files = corpus_files(name)
        if not files:
            print(f"{name}: no files (is ../shared/corpus beside the checkout?)", file=sys.stderr)
            continue
        if args.inject:
            print(f"{name}:")
            inject(registry, rules, files, sorted(_collective_nouns(rules)))
            continue
        found, seconds, articles = run(registry, rules, files)
        if args.show:
            for path, document, finding in found:
                line, column = document.position(finding.start)
                try:
                    shown = path.relative_to(CORPUS)
                except ValueError:
                    shown = path
                print(f"{shown}:{line}:{column}: {finding.code} {finding.message}")
                print(f"    {context(document, finding)}")
        by_rule = {rule.code: sum(1 for _, _, f in found if f.code == rule.code) for rule in rules}
        flagged = len({path for path, _, _ in found})
        ms = sorted(s * 1000 for s in seconds)
        p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))] if ms else 0.0
        counts = ", ".join(f"{code} {count}" for code, count in by_rule.items())
        print(f"{name}: {articles} articles, {len(found)} findings ({counts}) in {flagged} articles; "
              f"{10 * len(found) / max(articles, 1):.2f} per 10 articles; "
              f"CPU time per article: median {statistics.median(ms) if ms else 0:.2f} ms, "
              f"p95 {p95:.2f} ms, max {ms[-1] if ms else 0:.2f} ms")
    return 0


def _collective_nouns(rules: tuple[Rule, ...]) -> frozenset[str]:
    return next((rule.lexicon.collective_nouns for rule in rules if hasattr(rule, "lexicon")), frozenset())


if __name__ == "__main__":
    sys.exit(main())
