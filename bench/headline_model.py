"""Train the headline-likeness model NL112 scores runs with (newslint/rules/artifacts/headline_model.py).

    python bench/headline_model.py train     # fit, report held-back accuracy, write the weights
    python bench/headline_model.py report    # fit and report only

Positives are real headlines: the first line of every BBC text, the PolNeAR-train titles
(each text's first line), and the <title>/<h1>/og:title of corpus pages. Negatives are the lines of the
same articles that are not headlines: body sentences (also without their full stop, and
their clauses between commas, as list items and fragments look), and where the page markup tells them,
crossheads (<h2>-<h4> inside the article), captions (<figcaption>) and list items (<li> inside
the article body). No page of any labelled furniture set (the scraped dev/test pages, extra,
extra2, extra3, validation, held-out furniture; and, to be safe, every other set under bench/.sets) is
read: the excluded ids come from the set scripts. Held-back accuracy is measured on a split by
file (no article gives lines to both sides). Needs the bench extra (scikit-learn, lxml).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))

from corpus_sets import CORPUS, SETS_DIR, bodies_ids, scraped_ids
from extra2_pages import extra2_ids
from extra3_pages import extra3_ids
from extra_pages import extra_ids
from heldout import heldout_ids
from heldout_furniture import heldout_furniture_ids
from validation_pages import validation_ids

from newslint.rules.artifacts.headline_model import headline_features
from newslint.text.sentences import sentence_spans

WEIGHTS = REPO / "newslint" / "rules" / "artifacts" / "lexicons" / "headline-model.json"
ZYTE = "article-extraction-benchmark"


def page_key(corpus_path: str) -> str:
    """One key for every file of one page: its HTML, its ground truth, its extracted text."""
    path = corpus_path.split("#")
    if path[0].startswith(ZYTE):
        stem = path[-1] if len(path) > 1 else Path(path[0]).name
        return "zyte/" + stem.removesuffix(".gz").removesuffix(".html")
    if path[0].startswith("newspaper/"):
        return "newspaper/" + Path(path[0]).name.split(".")[0]
    if path[0].startswith("readability/"):
        return "/".join(path[0].split("/")[:2])
    return path[0]


def excluded_keys() -> set[str]:
    """Every page of every labelled set, from the set scripts and the built set folders."""
    ids = scraped_ids() + bodies_ids() + extra_ids() + validation_ids() + extra2_ids() + extra3_ids() + \
        heldout_furniture_ids() + heldout_ids()
    keys = {page_key(i) for i in ids}
    built = {p.name for p in SETS_DIR.glob("*/*.txt")} if SETS_DIR.exists() else set()
    for name in built:  # anything in a built set that the scripts above missed
        for part in name.removesuffix(".txt").split("__"):
            if len(part) == 64 + len(".html.gz") or len(part) == 64:
                keys.add("zyte/" + part.removesuffix(".html.gz"))
        if name.startswith("newspaper__"):
            keys.add("newspaper/" + name.split("__")[2].split(".")[0])
        if name.startswith("readability__"):
            keys.add("readability/" + name.split("__")[1])
    return keys


Example = tuple[str, int, str]  # line, 1 for a headline, the file it came from


def _clean(line: str) -> str:
    return " ".join(line.split())


def _body_lines(text: str, source: str) -> Iterator[Example]:
    for paragraph in text.split("\n"):
        paragraph = _clean(paragraph)
        if not paragraph:
            continue
        for start, end in sentence_spans(paragraph):
            sentence = paragraph[start:end].strip()
            if 2 <= len(sentence.split()) <= 40:
                yield sentence, 0, source
                yield from _unstopped(sentence, source)


def _unstopped(sentence: str, source: str) -> Iterator[Example]:
    """Body text shaped like a short line without its full stop, as list items, wrapped lines
    and fragments are: the sentence without its closing mark, and its clauses between commas
    with a capital first, so that the model learns more than 'no full stop'."""
    bare = sentence.rstrip(".!?\"'”’ ")
    if 4 <= len(bare.split()) <= 20:
        yield bare, 0, source
    for clause in bare.split(", ")[1:]:
        if 4 <= len(clause.split()) <= 12 and clause[:1].isalpha():
            yield clause[0].upper() + clause[1:], 0, source


def bbc_examples() -> Iterator[Example]:
    for path in sorted((CORPUS / "bbc-news").glob("*/*.txt")):
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        source = str(path.relative_to(CORPUS))
        if lines and lines[0].strip():
            yield _clean(lines[0]), 1, source
        yield from _body_lines("\n".join(lines[1:]), source)


def polnear_examples(excluded: set[str]) -> Iterator[Example]:
    """PolNeAR-train texts: the title is the file's first line."""
    for path in sorted((CORPUS / "polnear-train" / "text").glob("*.txt")):
        source = str(path.relative_to(CORPUS))
        if source in excluded:
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        if lines and _clean(lines[0]):
            yield _clean(lines[0]), 1, source
        yield from _body_lines("\n".join(lines[1:]), source)


def _site_suffix_removed(title: str) -> str:
    """'Ferry firm cuts jobs | Portvale Post' -> 'Ferry firm cuts jobs'."""
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        if separator in title:
            head, _, tail = title.rpartition(separator)
            if len(tail.split()) <= 4 and len(head.split()) >= 3:
                return head.strip()
    return title


def _html_of(path: Path) -> str:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return handle.read()
    return path.read_text(encoding="utf-8")


def html_examples(excluded: set[str]) -> Iterator[Example]:
    import lxml.html

    with open(CORPUS / "manifest.jsonl", encoding="utf-8") as handle:
        manifest = [json.loads(line) for line in handle]
    pages = [e["path"] for e in manifest if e["kind"] in {"page-html", "article-body-html"}
             and e.get("lang") in {"en", None} and not e.get("synthetic")]
    for corpus_path in sorted(pages):
        if page_key(corpus_path) in excluded:
            continue
        try:
            tree = lxml.html.fromstring(_html_of(CORPUS / corpus_path))
        except (ValueError, lxml.etree.ParserError):
            continue
        source = page_key(corpus_path)
        titles = {_clean(t) for t in tree.xpath("//title/text() | //meta[@property='og:title']/@content")}
        titles |= {_clean(h.text_content()) for h in tree.xpath("//h1")}
        for title in titles:
            title = _site_suffix_removed(title)
            if 3 <= len(title.split()) <= 25:
                yield title, 1, source
        article = tree.xpath("//article") or ([tree] if corpus_path.endswith("expected.html") else [])
        for root in article[:1]:
            for node in root.xpath(".//h2 | .//h3 | .//h4 | .//figcaption | .//li"):
                line = _clean(node.text_content())
                if 2 <= len(line.split()) <= 30 and line not in titles:
                    yield line, 0, source
            for node in root.xpath(".//p"):
                yield from _body_lines(node.text_content(), source)


def examples() -> list[Example]:
    excluded = excluded_keys()
    found = list(bbc_examples()) + list(polnear_examples(excluded)) + list(html_examples(excluded))
    return [e for e in found if page_key(e[2]) not in excluded]


def _held_back(source: str) -> bool:
    return int(hashlib.sha1(source.encode()).hexdigest(), 16) % 5 == 0


def fit(data: list[Example], *, seed: int = 13) -> tuple[object, object, dict[str, object]]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rng = random.Random(seed)
    # body lines outnumber headlines by far; keep at most four for each headline of a file split
    train = [e for e in data if not _held_back(e[2])]
    test = [e for e in data if _held_back(e[2])]
    positives = [e for e in train if e[1]]
    negatives = [e for e in train if not e[1]]
    rng.shuffle(negatives)
    train = positives + negatives[:4 * len(positives)]
    vectorizer = DictVectorizer()
    x_train = vectorizer.fit_transform([headline_features(e[0]) for e in train])
    model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced")
    model.fit(x_train, [e[1] for e in train])
    x_test = vectorizer.transform([headline_features(e[0]) for e in test])
    predicted = model.predict_proba(x_test)[:, 1]
    report: dict[str, object] = {"train_lines": len(train), "held_back_lines": len(test),
                                 "held_back_headlines": sum(e[1] for e in test)}
    for threshold in (0.5, 0.7, 0.8, 0.85, 0.9):
        heads = [p >= threshold for p, e in zip(predicted, test) if e[1]]
        body = [p < threshold for p, e in zip(predicted, test) if not e[1]]
        short_body = [p < threshold for p, e in zip(predicted, test) if not e[1] and "." not in e[0][-1:]]
        report[f"at_{threshold}"] = {"headlines_recognised": round(sum(heads) / len(heads), 3),
                                     "body_lines_rejected": round(sum(body) / len(body), 3),
                                     "unstopped_non_headlines_rejected": round(sum(short_body) / max(1, len(short_body)), 3)}
    return model, vectorizer, report


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in {"train", "report"}:
        print(__doc__)
        return 2
    data = examples()
    counts = {"lines": len(data), "headlines": sum(e[1] for e in data),
              "files": len({e[2] for e in data})}
    model, vectorizer, report = fit(data)
    print(json.dumps({**counts, **report}, indent=1))
    if args[0] == "train":
        names = vectorizer.get_feature_names_out()  # type: ignore[attr-defined]
        weights = {str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0]) if abs(w) >= 1e-4}  # type: ignore[attr-defined]
        WEIGHTS.write_text(json.dumps({"trained_by": "bench/headline_model.py", "counts": counts,
                                       "intercept": round(float(model.intercept_[0]), 4),  # type: ignore[attr-defined]
                                       "weights": dict(sorted(weights.items()))}, indent=1) + "\n",
                           encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
