"""A held-out test set for the number-agreement rules (NL3xx) that nobody tunes on: one break
planted by hand in each of 40 BBC texts outside ``bench/labels/planted-extra.tsv``, listed in
``bench/labels/planted-heldout.tsv`` (ids are paths under ../shared/corpus).

    python bench/heldout_agreement.py ids                    # candidate texts, in pick order
    python bench/heldout_agreement.py show ID                # the text, each line prefixed 'offset|'
    python bench/heldout_agreement.py find ID SNIPPET [--nth N]  # start and end of SNIPPET
    python bench/heldout_agreement.py measure [--show fn,fp]
    python bench/heldout_agreement.py measure --plants planted-fresh2.tsv --verdicts fresh2-agreement
                                             # another planted file, scored the same way

Pick: every BBC text not in ``planted-extra.tsv``, ranked by a hash of its path with this set's
own salt; the planter took them in that order, skipping a text with no unambiguous site, until
40 had a break. ``measure`` applies each break alone and counts it caught when an NL3xx finding
overlaps the replaced word (``evaluate.break_caught``, as ``evaluate.py`` scores ``planted.tsv``),
and lists the NL3xx findings on the 40 unchanged texts with id, offset and code for a reviewer;
one counts as correct only when ``bench/labels/verdicts-heldout-agreement.tsv`` judges it ``tp``.
Read the figures, not the findings, or the set becomes tuning data.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import evaluate
from corpus_sets import _rank
from label_tool import set_commands, show_or_find
from review_nl3 import CORPUS, corpus_files

from newslint.plugins import plugin_manager
from newslint.registry import build_registry

SALT = "heldout-agreement:"
PLANTS = "planted-heldout.tsv"
PRONOUNS = {"its", "their", "it", "they"}
VERDICTS = "heldout-agreement"  # read as bench/labels/verdicts-heldout-agreement.tsv


def candidate_ids() -> list[str]:
    """BBC texts outside the tuning plants, in this set's hash order."""
    tuned = {row[0] for row in evaluate._rows("planted-extra.tsv")}
    paths = [str(path.relative_to(CORPUS)) for path in corpus_files("bbc-news")]
    return sorted((p for p in paths if p not in tuned), key=lambda p: _rank(p, SALT))


def measure(show: set[str], plants: str = PLANTS, verdicts_name: str = VERDICTS) -> dict[str, object]:
    """Recall on the breaks of PLANTS (a file in bench/labels), each applied alone, and the
    findings on the unchanged texts, judged by bench/labels/verdicts-VERDICTS_NAME.tsv."""
    registry = build_registry(plugin_manager(load_entry_points=False))
    rules = evaluate._rules(registry, "agreement")
    rows = list(evaluate._rows(plants))
    caught_by_kind: dict[str, list[int]] = {}
    for article, start, end, replacement, *_, note in rows:
        path = CORPUS / article
        text = path.read_text(encoding="utf-8")
        hit = evaluate.break_caught(registry, rules, path, text, int(start), int(end), replacement)
        counts = caught_by_kind.setdefault(note.split(" ", 1)[0].rstrip(",").lower(), [0, 0])
        counts[0] += hit
        counts[1] += 1
        if not hit and "fn" in show:
            print(f"FN {article} {start} {text[int(start):int(end)]}->{replacement} ({note})", file=sys.stderr)
    verdicts = evaluate.read_verdicts(verdicts_name)
    clean: list[dict[str, object]] = []
    for article in sorted({row[0] for row in rows}):
        for finding, good in evaluate.judged_findings(registry, rules, article, CORPUS / article, verdicts):
            clean.append({"id": article, "start": finding.start, "code": finding.code,
                          "verdict": verdicts.get((article, finding.start, finding.code), "unjudged")})
            if "fp" in show:
                print(f"{'TP' if good else 'FP'} {article} {finding.start} {finding.code}: {finding.message[:120]}",
                      file=sys.stderr)
    caught = sum(hit for hit, _ in caught_by_kind.values())
    by_site: dict[str, list[int]] = {}
    for kind, (hit, made) in caught_by_kind.items():
        site = by_site.setdefault("pronoun" if kind.split("->")[0] in PRONOUNS else "verb", [0, 0])
        site[0] += hit
        site[1] += made
    correct = sum(1 for finding in clean if finding["verdict"] == "tp")
    return {
        "family": "agreement", "set": "heldout" if plants == PLANTS else Path(plants).stem, "planted": len(rows), "caught": caught,
        "recall": evaluate._ratio(caught, len(rows)),
        "recall_by_site": {site: f"{hit}/{made}" for site, (hit, made) in sorted(by_site.items())},
        "recall_by_kind": {kind: f"{hit}/{made}" for kind, (hit, made) in sorted(caught_by_kind.items())},
        "clean_articles": len({row[0] for row in rows}), "findings_on_clean": len(clean),
        "precision_on_clean": evaluate._ratio(correct, len(clean)),
        "false_positives_per_20_articles": evaluate._ratio(20 * (len(clean) - correct), len({row[0] for row in rows})),
        "clean_findings": clean,
    }


def main(argv: list[str] | None = None) -> int:
    parser, sub = set_commands(__doc__.split("\n\n")[0], build=False)
    run = sub.add_parser("measure")
    run.add_argument("--show", default="", help="comma-separated: fn (missed breaks), fp (findings on clean copy)")
    run.add_argument("--plants", default=PLANTS, help=f"a planted file in bench/labels (default {PLANTS})")
    run.add_argument("--verdicts", default=VERDICTS,
                     help=f"the verdicts on its unchanged texts, bench/labels/verdicts-NAME.tsv (default {VERDICTS})")
    args = parser.parse_args(argv)
    if args.command == "ids":
        print("\n".join(candidate_ids()))
        return 0
    if args.command == "measure":
        print(json.dumps(measure(set(filter(None, args.show.split(","))), args.plants, args.verdicts)))
        return 0
    path = CORPUS / args.article_id
    if not path.is_file():
        print(f"no text {args.article_id!r} under {CORPUS}", file=sys.stderr)
        return 2
    text = path.read_text(encoding="utf-8")
    show_or_find(args, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
