"""A labeller's tool for the evaluation sets (bench/corpus_sets.py): show an article with the
character offset of every line, and turn an exact snippet into offsets.

    python bench/label_tool.py ids SET             # half and id of every article in SET
    python bench/label_tool.py show SET ID         # the text, each line prefixed 'offset|'
    python bench/label_tool.py find SET ID SNIPPET # start and end (end exclusive) of SNIPPET

Offsets count characters (Python string indices) of the text as built by
`python bench/corpus_sets.py build`. `find` refuses a snippet that occurs twice; pass a longer
one, or `--nth N` (1-based) to pick an occurrence.
"""

from __future__ import annotations

import argparse
import sys

from corpus_sets import articles


def _article(set_name: str, article_id: str):
    for article in articles(set_name):
        if article.id == article_id:
            return article
    raise SystemExit(f"no article {article_id!r} in set {set_name!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("ids").add_argument("set_name")
    show = sub.add_parser("show")
    show.add_argument("set_name")
    show.add_argument("article_id")
    find = sub.add_parser("find")
    find.add_argument("set_name")
    find.add_argument("article_id")
    find.add_argument("snippet")
    find.add_argument("--nth", type=int, default=0)
    args = parser.parse_args(argv)
    if args.command == "ids":
        for article in articles(args.set_name):
            print(article.half, article.id)
        return 0
    text = _article(args.set_name, args.article_id).text_path.read_text(encoding="utf-8")
    if args.command == "show":
        offset = 0
        for line in text.splitlines(keepends=True):
            print(f"{offset:6d}|{line}", end="")
            offset += len(line)
        return 0
    hits = []
    start = text.find(args.snippet)
    while start != -1:
        hits.append(start)
        start = text.find(args.snippet, start + 1)
    if not hits:
        raise SystemExit("not found")
    if len(hits) > 1 and not args.nth:
        raise SystemExit(f"found {len(hits)} times at {hits}: pass a longer snippet or --nth")
    start = hits[(args.nth or 1) - 1]
    print(start, start + len(args.snippet))
    return 0


if __name__ == "__main__":
    sys.exit(main())
