"""bench/accuracy.py reads each set script's own output into one table row a family."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import load_bench_script, needs_shared


def _accuracy():
    return load_bench_script("accuracy.py")


def test_a_json_line_becomes_a_row_with_its_family_and_false_findings() -> None:
    accuracy = _accuracy()
    measure = accuracy.Measure("test half", True, "evaluate.py", ("--half", "test"))
    line = json.dumps({"family": "attribution", "half": "test", "articles": 53, "labels": 18, "recall": 0.167,
                       "recall_mean_over_articles": 0.117, "precision": 0.833, "false_positives": 1})
    (row,) = accuracy.rows_of(measure, f"FN some miss\n{line}\n")
    assert (row.family, row.labels, row.recall, row.precision, row.false_findings, row.articles, row.unseen) == \
        ("attribution", 18, 0.167, 0.833, 1, 53, True)


def test_a_planted_break_count_becomes_an_agreement_row() -> None:
    accuracy = _accuracy()
    measure = accuracy.Measure("planted-extra", False, "review_nl3.py", ("--planted-extra",))
    (row,) = accuracy.rows_of(measure, "  its->their: 14/30\nplanted-extra: 37/60 caught (recall 0.617)\n")
    assert (row.family, row.labels, row.recall, row.unseen) == ("agreement", 60, 0.617, False)


def test_the_development_half_that_extra_pages_repeats_is_left_out() -> None:
    accuracy = _accuracy()
    measure = next(measure for measure in accuracy.MEASURES if measure.script == "extra_pages.py")
    output = "\n".join(json.dumps({"set": name, "pages": pages, "labels": 9, "recall": 0.5, "false_positives": 0})
                       for name, pages in (("dev", 58), ("extra", 60)))
    (row,) = accuracy.rows_of(measure, output)
    assert (row.family, row.articles) == ("furniture", 60)


def test_a_script_that_fails_is_reported_not_skipped(tmp_path: Path) -> None:
    accuracy = _accuracy()
    broken = tmp_path / "broken.py"
    broken.write_text("import sys\nprint('texts are not built', file=sys.stderr)\nsys.exit(2)\n", encoding="utf-8")
    measure = accuracy.Measure("broken", True, str(broken), ())
    rows, problem = accuracy.run(measure)
    assert rows == [] and problem is not None and "exit 2" in problem and "texts are not built" in problem


@needs_shared()
def test_the_pronoun_model_never_trains_on_a_planted_or_unseen_text() -> None:
    model = load_bench_script("possessive_model.py")
    names = {str(path.relative_to(model.CORPUS)) for path in model.clean_texts()}
    planted = model.planted_files()
    assert planted and names and not names & planted
    assert all(name.startswith(("bbc-news/", "polnear-train/")) for name in names)  # never polnear-dev, Zyte, newspaper
    trained = sum(1 for name in names if model.in_training_quarters(name))
    assert 0.7 < trained / len(names) < 0.8  # a quarter is kept out for judging


@needs_shared()
def test_a_labelled_bbc_set_picks_the_texts_its_labels_name() -> None:
    # a verdict or a planted file added later must not shift a set's pick away from its labels
    for script, pattern in (("bbc_attribution.py", "bbc-attribution-*.tsv"), ("bbc_attribution2.py", "bbc2-attribution-*.tsv")):
        module = load_bench_script(script)
        ids = module.bbc_attribution_ids() if script == "bbc_attribution.py" else module.bbc_attribution2_ids()
        labels = Path(module.__file__).parent / "labels"
        named = {line.split("\t", 1)[0] for path in labels.glob(pattern)
                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
        assert set(ids) == named
