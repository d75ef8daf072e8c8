"""The hand-labelled evaluation sets: which corpus articles they hold, how each is turned
into the text newslint checks, and which half (dev or test) each falls in.

    python bench/corpus_sets.py build          # write every set's texts under bench/.sets/
    python bench/corpus_sets.py list SET       # one line per article: half, id, text path

No article text is kept in the repository: `build` makes the texts from ../shared/corpus/
(the scraped sets with trafilatura, pinned in the `bench` extra), and labels in
bench/labels/ refer to them by id and character offset.

Sets:
- ``scraped``: real English news pages (Readability source pages, Zyte benchmark pages,
  newspaper pages) turned into text by trafilatura with its default settings, the way an
  aggregator ingests syndicated copy. Page furniture survives in them: NL1xx/NL2xx labels.
- ``bodies``: the article bodies that come with the Zyte benchmark (``articleBody``) and the
  newspaper test texts: clean copy for NL3xx/NL4xx labels.

The half is a hash of the id, so adding an article never moves another between halves.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", REPO.parent / "shared" / "corpus"))
SETS_DIR = REPO / "bench" / ".sets"
PER_SOURCE = {"scraped": 40, "bodies": 60}


@dataclass(frozen=True)
class Article:
    set_name: str
    id: str  # corpus path of the source file, plus '#key' for a ground-truth entry
    half: str  # "dev" or "test"

    @property
    def text_path(self) -> Path:
        safe = self.id.replace("/", "__").replace("#", "__")
        return SETS_DIR / self.set_name / f"{safe}.txt"


def half_of(article_id: str) -> str:
    return "dev" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _manifest() -> list[dict]:
    with open(CORPUS / "manifest.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _rank(article_id: str, salt: str = "pick:") -> str:
    return hashlib.sha1((salt + article_id).encode()).hexdigest()


def _english_pages(source: str) -> list[str]:
    return sorted(
        entry["path"]
        for entry in _manifest()
        if entry.get("source") == source
        and entry["kind"] == "page-html"
        and entry.get("lang") == "en"
        and not entry.get("synthetic")
    )


def _pick(ids: list[str], count: int, salt: str = "pick:") -> list[str]:
    return sorted(sorted(ids, key=lambda article_id: _rank(article_id, salt))[:count])


def pick_pages(sources: tuple[str, ...], taken: set[str], per_source: int, salt: str) -> list[str]:
    """PER_SOURCE English, non-synthetic pages of each source, ranked by SALT, none of them TAKEN."""
    ids: list[str] = []
    for source in sources:
        ids += _pick([page for page in _english_pages(source) if page not in taken], per_source, salt)
    return ids


def pick_later_pages(sources: tuple[str, ...], per_source: int, salt: str,
                     *earlier_sets: Callable[[], list[str]]) -> list[str]:
    """`pick_pages` from the pages that none of EARLIER_SETS (their ids functions) holds."""
    taken: set[str] = set()
    for ids in earlier_sets:
        taken.update(ids())
    return pick_pages(sources, taken, per_source, salt)


def scraped_ids() -> list[str]:
    ids: list[str] = []
    for source in ("readability", "article-extraction-benchmark", "newspaper"):
        ids += _pick(_english_pages(source), PER_SOURCE["scraped"])
    return ids


def _newspaper_texts() -> list[str]:
    texts = []
    for entry in _manifest():
        path = entry["path"]
        if (
            path.startswith("newspaper/text/")
            and entry.get("lang") == "en"
            and not entry.get("empty_or_stub")
            and entry.get("bytes", 0) >= 1500
        ):
            texts.append(path)
    return sorted(texts)


@functools.lru_cache(maxsize=1)
def _zyte_truth() -> dict[str, dict]:
    """The Zyte benchmark's ground truth, read once (callers never change it)."""
    with open(CORPUS / "article-extraction-benchmark" / "ground-truth.json", encoding="utf-8") as handle:
        return json.load(handle)


def _zyte_english_keys() -> list[str]:
    english = {Path(p).name.removesuffix(".html.gz") for p in _english_pages("article-extraction-benchmark")}
    truth = _zyte_truth()
    return sorted(k for k in truth if k in english and len(truth[k]["articleBody"]) >= 1500)


def bodies_ids() -> list[str]:
    zyte = ["article-extraction-benchmark/ground-truth.json#" + k for k in _zyte_english_keys()]
    return _pick(zyte, PER_SOURCE["bodies"]) + _pick(_newspaper_texts(), PER_SOURCE["bodies"])


def articles(set_name: str) -> list[Article]:
    ids = {"scraped": scraped_ids, "bodies": bodies_ids}[set_name]()
    return [Article(set_name, article_id, half_of(article_id)) for article_id in ids]


def _read_html(path: Path) -> str:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return handle.read()
    return path.read_text(encoding="utf-8")


def page_text(page_id: str) -> str:
    """The text trafilatura (default settings) extracts from the corpus page PAGE_ID."""
    import trafilatura

    return trafilatura.extract(_read_html(CORPUS / page_id)) or ""


def _text_of(article: Article, truth: dict[str, dict]) -> str:
    if article.set_name == "scraped":
        return page_text(article.id)
    if "#" in article.id:
        return truth[article.id.split("#", 1)[1]]["articleBody"]
    return (CORPUS / article.id).read_text(encoding="utf-8")


def body_text(article: Article) -> str:
    """The text of ARTICLE, a Zyte ground-truth body or a newspaper text (`_text_of`)."""
    return _text_of(article, _zyte_truth())


def write_texts(chosen: list[Article], text_of: Callable[[Article], str]) -> list[Article]:
    """Write each chosen article's text (TEXT_OF it, plus a final newline) to its text path."""
    for article in chosen:
        article.text_path.parent.mkdir(parents=True, exist_ok=True)
        article.text_path.write_text(text_of(article) + "\n", encoding="utf-8")
    return chosen


def build() -> Iterator[Article]:
    truth = _zyte_truth()
    for set_name in PER_SOURCE:
        for article in articles(set_name):
            article.text_path.parent.mkdir(parents=True, exist_ok=True)
            article.text_path.write_text(_text_of(article, truth) + "\n", encoding="utf-8")
            yield article


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("build")
    listing = sub.add_parser("list")
    listing.add_argument("set_name", choices=sorted(PER_SOURCE))
    args = parser.parse_args(argv)
    if args.command == "build":
        for article in build():
            print(article.half, article.id, article.text_path.relative_to(REPO))
    else:
        for article in articles(args.set_name):
            print(article.half, article.id, article.text_path.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
