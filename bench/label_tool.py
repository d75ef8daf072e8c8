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
import json
import sys
from collections.abc import Callable, Sequence

import evaluate
from corpus_sets import REPO, Article, articles, write_texts


def _article(set_name: str, article_id: str) -> Article:
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
    show_or_find(args, text)
    return 0


def set_commands(
    description: str, build: bool = True,
) -> tuple[argparse.ArgumentParser, argparse._SubParsersAction[argparse.ArgumentParser]]:
    """The parser of a set script with its labeller's commands: build (unless the set's texts are
    read from the corpus as they are), ids, show ID, find ID SNIPPET."""
    parser = argparse.ArgumentParser(description=description)
    sub = parser.add_subparsers(dest="command", required=True)
    if build:
        sub.add_parser("build")
    sub.add_parser("ids")
    sub.add_parser("show").add_argument("article_id")
    find = sub.add_parser("find")
    find.add_argument("article_id")
    find.add_argument("snippet")
    find.add_argument("--nth", type=int, default=0)
    return parser, sub


def run_set_command(args: argparse.Namespace, chosen: Sequence[Article],
                    build: Callable[[], Sequence[Article]], script: str) -> int | None:
    """Run a set script's build, ids, show or find command on its CHOSEN articles; None when the
    texts are built and the command (measure) is the script's own."""
    if args.command in ("build", "ids"):
        for article in build() if args.command == "build" else chosen:
            print(article.id, article.text_path.relative_to(REPO))
        return 0
    missing = [article for article in chosen if not article.text_path.exists()]
    if missing:
        print(f"{len(missing)} texts are not built: run python {script} build", file=sys.stderr)
        return 2
    if args.command not in ("show", "find"):
        return None
    found = [article for article in chosen if article.id == args.article_id]
    if not found:
        raise SystemExit(f"no article {args.article_id!r} in this set (see: python {script} ids)")
    text = found[0].text_path.read_text(encoding="utf-8")
    show_or_find(args, text)
    return 0


def label_set_main(argv: list[str] | None, description: str, script: str, family: str, label_file: str,
                   set_name: str, ids: Callable[[], Sequence[str]], text_of: Callable[[Article], str], *,
                   opt_in: bool = False) -> int:
    """The command line of a labelled set script whose articles are IDS: the labeller's
    commands (`set_commands`; build writes TEXT_OF each article), then ``measure [--opt-in]
    [--show fn,fp]``, which scores them against LABEL_FILE as bench/evaluate.py scores FAMILY
    and prints the figures as one JSON line."""
    parser, sub = set_commands(description)
    run = sub.add_parser("measure")
    if opt_in:
        run.add_argument("--opt-in", action="store_true", help="also run the opt-in rules (NL402)")
    run.add_argument("--show", default="", help="comma-separated: fn (missed labels), fp (wrong findings)")
    args = parser.parse_args(argv)
    chosen = [Article(set_name, article_id, set_name) for article_id in ids()]
    done = run_set_command(args, chosen, lambda: write_texts(chosen, text_of), script)
    if done is not None:
        return done
    evaluate.OPT_IN = bool(getattr(args, "opt_in", False))
    show = set(filter(None, args.show.split(",")))
    print(json.dumps(evaluate.score_label_file(family, label_file, chosen, set_name, show)))
    return 0


def show_or_find(args: argparse.Namespace, text: str) -> None:
    """Print the `show` command's numbered TEXT, or the `find` command's span of its snippet."""
    if args.command == "show":
        print(with_offsets(text), end="")
    else:
        print(*span_of(text, args.snippet, args.nth))


def with_offsets(text: str) -> str:
    """The text with every line prefixed by the offset of its first character and '|'."""
    numbered, offset = [], 0
    for line in text.splitlines(keepends=True):
        numbered.append(f"{offset:6d}|{line}")
        offset += len(line)
    return "".join(numbered)


def span_of(text: str, snippet: str, nth: int = 0) -> tuple[int, int]:
    """Start and end (exclusive) of SNIPPET in TEXT; its NTH occurrence (1-based) if it recurs."""
    hits = []
    start = text.find(snippet)
    while start != -1:
        hits.append(start)
        start = text.find(snippet, start + 1)
    if not hits:
        raise SystemExit("not found")
    if len(hits) > 1 and not nth:
        raise SystemExit(f"found {len(hits)} times at {hits}: pass a longer snippet or --nth")
    if not 1 <= (nth or 1) <= len(hits):
        raise SystemExit(f"found {len(hits)} times: --nth must be between 1 and {len(hits)}")
    start = hits[(nth or 1) - 1]
    return start, start + len(snippet)


if __name__ == "__main__":
    sys.exit(main())
