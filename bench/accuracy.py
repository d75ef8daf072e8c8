"""Every accuracy measure of the README in one run, as one table: each labelled set, whether the
rules were tuned on it, and what the rule families score there.

    python bench/accuracy.py --build      # build every set's texts first (once), then measure
    python bench/accuracy.py              # every set
    python bench/accuracy.py --unseen     # only the sets no rule was tuned on
    python bench/accuracy.py --json       # one JSON object a set, for comparing two commits

Each row comes from the set's own script, run as the README gives it, so a figure here is the
figure that script prints. "unseen" sets are the test half and the sets labelled blind by
people who tune no rule; "tuning" sets are those the rules were tuned on (their figures say
how well the rules fit, not how well they generalise).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PLANTED_FRESH = str(BENCH / "labels" / "planted-fresh.tsv")
PLANTED_LINE = re.compile(r"^(?P<label>.+): (?P<caught>\d+)/(?P<planted>\d+) caught \(recall (?P<recall>[\d.]+)\)$")


@dataclass(frozen=True)
class Measure:
    name: str
    unseen: bool
    script: str
    args: tuple[str, ...]
    repeats: str | None = None  # a set the script prints as well, whose row another measure gives


MEASURES = (
    Measure("test half", True, "evaluate.py", ("--half", "test")),
    Measure("held-out furniture", True, "heldout_furniture.py", ("measure",)),
    Measure("fresh furniture", True, "fresh_pages.py", ("measure",)),
    Measure("fresh2 furniture", True, "fresh2_pages.py", ("measure",)),
    Measure("held-out attribution", True, "heldout.py", ("measure",)),
    Measure("BBC attribution (first measured 1 of 14; its misses were read)", False, "bbc_attribution.py", ("measure",)),
    Measure("held-out planted", True, "heldout_agreement.py", ("measure",)),
    Measure("fresh planted, half B", True, "review_nl3.py", ("--planted-extra2", PLANTED_FRESH, "--rows", "B")),
    Measure("fresh2 planted (BBC)", True, "heldout_agreement.py",
            ("measure", "--plants", "planted-fresh2.tsv", "--verdicts", "fresh2-agreement")),
    Measure("PolNeAR-dev planted", True, "heldout_agreement.py",
            ("measure", "--plants", "planted-polnear-dev.tsv", "--verdicts", "polnear-dev-agreement")),
    Measure("development half", False, "evaluate.py", ("--half", "dev")),
    Measure("extra furniture", False, "extra_pages.py", ("measure",), repeats="dev"),
    Measure("validation furniture", False, "validation_pages.py", ("measure",)),
    Measure("extra2 furniture", False, "extra2_pages.py", ("measure",)),
    Measure("extra3 furniture", False, "extra3_pages.py", ("measure",)),
    Measure("extra4 furniture", False, "extra4_pages.py", ("measure",)),
    Measure("extra attribution", False, "attribution_extra.py", ("measure",)),
    Measure("BBC attribution 2 (first measured blind: 0.06, precision 1 of 2)", False, "bbc_attribution2.py", ("measure",)),
    Measure("planted-extra", False, "review_nl3.py", ("--planted-extra",)),
    Measure("planted-extra2", False, "review_nl3.py", ("--planted-extra2",)),
    Measure("fresh planted, half A", False, "review_nl3.py", ("--planted-extra2", PLANTED_FRESH, "--rows", "A")),
    Measure("planted-extra3 (first measured blind: 0.283)", False, "heldout_agreement.py",
            ("measure", "--plants", "planted-extra3.tsv", "--verdicts", "extra3-agreement")),
    Measure("planted-extra4 (first measured blind: 0.350)", False, "heldout_agreement.py",
            ("measure", "--plants", "planted-extra4.tsv", "--verdicts", "extra4-agreement")),
)


# The scripts that build the texts the measures read (the planted sets read the corpus itself).
BUILDERS = ("corpus_sets.py", "heldout_furniture.py", "fresh_pages.py", "fresh2_pages.py", "heldout.py",
            "extra_pages.py", "validation_pages.py", "extra2_pages.py", "extra3_pages.py", "extra4_pages.py",
            "attribution_extra.py", "bbc_attribution.py", "bbc_attribution2.py")


@dataclass(frozen=True)
class Row:
    set: str
    unseen: bool
    family: str
    labels: int | None
    recall: float | None
    recall_mean: float | None
    precision: float | None
    false_findings: int | None
    articles: int | None


def rows_of(measure: Measure, output: str) -> list[Row]:
    """The table rows in a script's output: its JSON lines, or the line a planted-break count ends with."""
    rows: list[Row] = []
    for line in output.splitlines():
        line = line.strip()
        planted = PLANTED_LINE.match(line)
        if planted is not None:
            rows.append(Row(measure.name, measure.unseen, "agreement", int(planted["planted"]),
                            float(planted["recall"]), None, None, None, None))
            continue
        if not line.startswith("{"):
            continue
        data = json.loads(line)
        if measure.repeats is not None and data.get("set") == measure.repeats:
            continue
        family = data.get("family", "furniture")
        labels = data.get("labels", data.get("planted"))
        false = data.get("false_positives", data.get("findings_on_clean"))
        rows.append(Row(measure.name, measure.unseen, family, labels, data.get("recall"),
                        data.get("recall_mean_over_articles"), data.get("precision", data.get("precision_on_clean")),
                        false, data.get("articles", data.get("pages", data.get("clean_articles")))))
    return rows


def run(measure: Measure, environment: dict[str, str] | None = None) -> tuple[list[Row], str | None]:
    done = subprocess.run([sys.executable, str(BENCH / measure.script), *measure.args],
                          capture_output=True, text=True, check=False, env=environment)
    rows = rows_of(measure, done.stdout)
    if done.returncode != 0 or not rows:
        last = (done.stderr.strip() or done.stdout.strip()).splitlines()[-1:] or ["no output"]
        return rows, f"{measure.script} {' '.join(measure.args)}: exit {done.returncode}: {last[0]}"
    return rows, None


def _cell(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--unseen", action="store_true", help="only the sets no rule was tuned on")
    parser.add_argument("--json", action="store_true", help="one JSON object a row")
    parser.add_argument("--build", action="store_true", help="build every set's texts before measuring")
    parser.add_argument("--opt-in", action="store_true", help="run the opt-in rules too where a script selects rules as a default run does: the development and test halves (NL118, NL304, NL402) and the NL3xx planted sets (NL304)")
    args = parser.parse_args(argv)
    environment = {**os.environ, "NEWSLINT_BENCH_OPT_IN": "1"} if args.opt_in else None
    problems: list[str] = []
    if args.build:
        for script in BUILDERS:
            built = subprocess.run([sys.executable, str(BENCH / script), "build"], capture_output=True, text=True,
                                   check=False)
            if built.returncode != 0:
                problems.append(f"{script} build: exit {built.returncode}")
    if not args.json:
        print("| set | kind | family | labels | recall | mean over articles | precision | false findings | articles |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for measure in MEASURES:
        if args.unseen and not measure.unseen:
            continue
        rows, problem = run(measure, environment)
        if problem is not None:
            problems.append(problem)
        for row in rows:
            if args.json:
                print(json.dumps(asdict(row)))
                continue
            kind = "unseen" if row.unseen else "tuning"
            print(f"| {row.set} | {kind} | {row.family} | {_cell(row.labels)} | {_cell(row.recall)} | "
                  f"{_cell(row.recall_mean)} | {_cell(row.precision)} | {_cell(row.false_findings)} | {_cell(row.articles)} |")
    for problem in problems:
        print(f"not measured: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
