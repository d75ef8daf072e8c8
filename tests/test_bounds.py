"""Bounded work: regex timeouts, linear time and memory, no recursion limit.

- Every regular expression a kind runs carries a timeout (checked in the source),
  and a catastrophic pattern in an editor's rule pack is that rule's NL000, not a hang.
- Time grows linearly: a 10 MB article costs at most ``RATIO_BOUND`` times a 1 MB one
  (CPU time, so a busy machine does not skew the ratio); hostile shapes (one huge line,
  thousands of unclosed tags, a run of delimiters) cost about what ordinary text of the
  same size costs.
- A 50 MB single-line file finishes in a subprocess whose peak RSS is measured.
- 100,000 levels of nested HTML read without touching the recursion limit.

The 1 MB/10 MB comparison and the 50 MB file take minutes with every rule on, so they
are marked ``slow`` (run with ``NEWSLINT_LONG_FUZZ=1`` or ``-m slow``); CI runs the same
comparison at 0.05 MB/0.5 MB.
"""

from __future__ import annotations

import ast
import json
import os
import random
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, run_cli

from newslint.budget import TimeBudget
from newslint.engine import ENGINE_CODE, check_bytes, check_document
from newslint.model import RuleDoc, RuleSpec, Severity
from newslint.plugins import plugin_manager
from newslint.registry import build_registry
from newslint.rules.artifacts.pattern import pattern_rule
from newslint.text.patterns import regex_timeout

REGISTRY = build_registry(plugin_manager(load_entry_points=False))
LONG = os.environ.get("NEWSLINT_LONG_FUZZ") == "1"
slow = pytest.mark.skipif(not LONG, reason="slow; set NEWSLINT_LONG_FUZZ=1")
RATIO_BOUND = 25  # for 10x the input: linear is ~10, quadratic would be ~100
HANG = TimeBudget(seconds=60, per_megabyte=10)  # a super-linear rule fails the test instead of hanging it

# --- every regex call in a kind has a timeout ---------------------------------------------

PATTERN_METHODS = {"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


def _compiled_names(tree: ast.Module) -> set[str]:
    """Module-level names bound to ``regex.compile(...)``/``re.compile(...)``."""
    names = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) \
                and isinstance(node.value.func, ast.Attribute) and node.value.func.attr == "compile":
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
    return names


def regex_calls_without_timeout(path: Path) -> list[str]:
    """Calls of a pattern method with no ``timeout=``: on a module-level compiled
    pattern, on the `regex` module, or (for all but `split`, which str has too) on
    any attribute such as ``self.pattern`` or ``lexicon.cue``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    compiled = _compiled_names(tree)
    missing = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in PATTERN_METHODS):
            continue
        receiver = node.func.value
        is_pattern = (isinstance(receiver, ast.Name) and receiver.id in compiled | {"regex"}) or (
            isinstance(receiver, ast.Attribute) and node.func.attr != "split")
        if is_pattern and not any(keyword.arg == "timeout" for keyword in node.keywords):
            missing.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:80]}")
    return missing


KIND_MODULES = sorted((REPO / "newslint" / "kinds").glob("*.py"))


@pytest.mark.parametrize("path", KIND_MODULES, ids=[p.name for p in KIND_MODULES])
def test_every_regex_call_in_a_kind_has_a_timeout(path: Path) -> None:
    assert regex_calls_without_timeout(path) == []


@pytest.mark.parametrize("path", KIND_MODULES, ids=[p.name for p in KIND_MODULES])
def test_kinds_use_the_regex_module_not_re(path: Path) -> None:
    """The standard library's `re` has no timeout, and SIGALRM cannot interrupt it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert "re" not in imported


def test_the_checker_finds_a_missing_timeout(tmp_path: Path) -> None:
    module = tmp_path / "kind.py"
    module.write_text(textwrap.dedent("""
        import regex
        _WORD = regex.compile(r"\\w+")
        def check(self, text):
            self.pattern.search(text, timeout=2)
            text.split()
            return _WORD.findall(text), regex.search("a", text), self.unless.finditer(text)
    """), encoding="utf-8")
    found = regex_calls_without_timeout(module)
    assert [line.split(": ", 1)[1] for line in found] == [
        "_WORD.findall(text)", "regex.search('a', text)", "self.unless.finditer(text)"]


def test_regex_timeout_grows_with_the_text() -> None:
    assert regex_timeout("short") == pytest.approx(2.0, abs=0.01)
    assert regex_timeout("x" * 5_000_000) > 10 * regex_timeout("short")


# --- a catastrophic pattern in an editor's rule pack ---------------------------------------

CATASTROPHIC_RULE = '''
code = "ED901"
name = "runaway"
kind = "pattern"
severity = "warning"
message = "matched"
summary = "A pattern an editor wrote with nested quantifiers."
[options]
patterns = ['(a+)+$']
'''


def catastrophic_project(tmp_path: Path) -> tuple[Path, Path]:
    pack = tmp_path / "house-rules"
    pack.mkdir()
    (pack / "ED901-runaway.toml").write_text(CATASTROPHIC_RULE, encoding="utf-8")
    config = tmp_path / "newslint.toml"
    config.write_text('rule-packs = ["house-rules"]\n', encoding="utf-8")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a-hostile.txt").write_text("Loading...\n\n" + "a" * 20_000 + "!\n", encoding="utf-8")
    (articles / "b-ordinary.txt").write_text("Loading...\n\nThe pier reopened on Monday.\n", encoding="utf-8")
    return config, articles


def test_catastrophic_user_pattern_is_that_rules_nl000_not_a_hang(tmp_path: Path) -> None:
    config, articles = catastrophic_project(tmp_path)
    started = time.monotonic()
    result = run_cli("check", "--config", str(config), "--format", "json", str(articles))
    elapsed = time.monotonic() - started
    assert result.exit_code == 3, result.output
    assert elapsed < 60, f"took {elapsed:.1f} s"
    findings = json.loads(result.stdout)["findings"]
    engine = [f for f in findings if f["code"] == ENGINE_CODE]
    assert len(engine) == 1 and engine[0]["path"].endswith("a-hostile.txt")
    assert "ED901" in engine[0]["message"] and "timed out" in engine[0]["message"]
    placeholders = sorted(Path(f["path"]).name for f in findings if f["code"] == "NL101")
    assert placeholders == ["a-hostile.txt", "b-ordinary.txt"], "the other rules still ran on both files"


# --- linear time ---------------------------------------------------------------------------

SUBJECTS = ["The council", "A spokeswoman for the port", "Officials", "The harbour authority", "Residents",
            "The mayor", "Police", "The operator", "Union leaders", "The ministry"]
VERBS = ["said on Monday that", "confirmed that", "warned that", "told reporters that", "announced that"]
CLAUSES = ["the ferry service would resume in {n} days", "about {n} per cent of the budget had been spent",
           "{n} people had been moved from the flood zone", "the new bridge would cost {n} million euros",
           "repairs were {n} weeks behind schedule", "it had received {n} complaints since May",
           "the team has won {n} of its last matches", "a further {n} homes were without power"]


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAUSES).format(n=rng.randint(2, 900))}."


def article_parts(size: int, seed: int = 7) -> list[tuple[str, str]]:
    """(kind, text) parts of a synthetic article of about `size` characters: paragraphs,
    some captions with credits, some placeholders and some repeated paragraphs."""
    rng = random.Random(seed)
    parts, total = [("headline", "Harbour works delayed again")], 0
    while total < size:
        roll = rng.random()
        if roll < 0.03:
            part = ("placeholder", "Loading...")
        elif roll < 0.08:
            part = ("caption", f"A crane lifts a section of the new pier on day {rng.randint(1, 99)}.")
        elif roll < 0.1 and len(parts) > 3:
            part = rng.choice(parts[1:])
        else:
            part = ("paragraph", " ".join(_sentence(rng) for _ in range(rng.randint(1, 4))))
        parts.append(part)
        total += len(part[1]) + 8
    return parts


def as_text(parts: list[tuple[str, str]]) -> str:
    return "\n\n".join(text + ("\nReuters" if kind == "caption" else "") for kind, text in parts) + "\n"


def as_html(parts: list[tuple[str, str]]) -> str:
    def element(kind: str, text: str) -> str:
        if kind == "headline":
            return f"<h1>{text}</h1>"
        if kind == "caption":
            return (f'<figure><img src="p.jpg" alt="Pier"><figcaption>{text} '
                    '<span class="credit">Reuters</span></figcaption></figure>')
        return f"<p>{text}</p>"
    return "<html><body><article>\n" + "\n".join(element(*part) for part in parts) + "\n</article></body></html>\n"


def as_markdown(parts: list[tuple[str, str]]) -> str:
    def block(kind: str, text: str) -> str:
        if kind == "headline":
            return f"# {text}"
        if kind == "caption":
            return f'![Pier](p.jpg "{text}")\n\n*{text}* Reuters'
        return text
    return "\n\n".join(block(*part) for part in parts) + "\n"


def as_json(parts: list[tuple[str, str]]) -> str:
    return json.dumps({"headline": parts[0][1], "body": as_html(parts[1:])}, ensure_ascii=False)


FORMATS: dict[str, tuple[str, Callable[[list[tuple[str, str]]], str]]] = {
    "text": (".txt", as_text), "html": (".html", as_html), "markdown": (".md", as_markdown), "json": (".json", as_json),
}


def cpu_seconds(run: Callable[[], object]) -> float:
    started = time.process_time()
    run()
    return time.process_time() - started


def _check(extension: str, source: str) -> None:
    result = check_bytes(f"a{extension}", source.encode("utf-8"), REGISTRY, REGISTRY.rules, budget=HANG)
    assert result.error is None and not result.crashed, (result.error, result.findings[:3])


def _ratio(extension: str, render: Callable[[list[tuple[str, str]]], str], small: int, large: int) -> float:
    small_source, large_source = render(article_parts(small)), render(article_parts(large))
    _check(extension, small_source)  # warm up lazy imports and caches
    small_time = min(cpu_seconds(lambda: _check(extension, small_source)) for _ in range(2))
    large_time = cpu_seconds(lambda: _check(extension, large_source))
    print(f"{extension}: {small:,} chars {small_time:.2f} s, {large:,} chars {large_time:.2f} s, "
          f"ratio {large_time / small_time:.1f}")
    return large_time / small_time


def _require_reader(extension: str) -> None:
    if extension not in REGISTRY.readers:
        pytest.skip(f"no reader for {extension} registered yet")


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_time_is_linear_short(name: str) -> None:
    extension, render = FORMATS[name]
    _require_reader(extension)
    assert _ratio(extension, render, 50_000, 500_000) < RATIO_BOUND


@slow
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FORMATS))
def test_time_is_linear_1mb_to_10mb(name: str) -> None:
    extension, render = FORMATS[name]
    _require_reader(extension)
    assert _ratio(extension, render, 1_000_000, 10_000_000) < RATIO_BOUND


# Shapes that make naive parsers and rules quadratic. Each is checked at n and 4n
# characters: linear work grows ~4x; the bound allows 10x (quadratic would be 16x),
# and anything under half a second passes regardless of the ratio (timer noise).
HOSTILE: dict[str, tuple[str, Callable[[int], str]]] = {
    "text-one-line": (".txt", lambda n: " ".join(_sentence(random.Random(i)) for i in range(n // 60))),
    "text-blank-lines": (".txt", lambda n: "\n" * n),
    "text-cr-only": (".txt", lambda n: "Loading...\r" * (n // 11)),
    "text-one-word-lines": (".txt", lambda n: "Word\n" * (n // 5)),
    "text-one-char-paragraphs": (".txt", lambda n: "a\n\n" * (n // 3)),
    "text-a-run": (".txt", lambda n: "a" * n + "!"),
    "text-dots": (".txt", lambda n: "." * n),
    "text-spaces": (".txt", lambda n: "Word" + " " * n + "x."),
    "text-quotes": (".txt", lambda n: '"' * n),
    "text-same-paragraph": (".txt", lambda n: "The pier reopened on Monday, the council said.\n\n" * (n // 48)),
    "text-credit-lines": (".txt", lambda n: "A crane on the pier.\nReuters\n\n" * (n // 30)),
    "text-numbers": (".txt", lambda n: "12 per cent of 3,400 homes, or 1.5 million euros, " * (n // 50)),
    "text-ellipses": (".txt", lambda n: "\u2026" * n),
    "text-mixed-punctuation": (".txt", lambda n: ".!?\u2026\"')]" * (n // 8)),
    "text-digits": (".txt", lambda n: "1" * n),
    "text-digit-groups": (".txt", lambda n: "1," * (n // 2)),
    "text-decimals": (".txt", lambda n: "1." * (n // 2)),
    "text-capitalised-words": (".txt", lambda n: "Ab " * (n // 3)),
    "text-capitals": (".txt", lambda n: "A" * n),
    "text-slashes": (".txt", lambda n: "Ab/" * (n // 3)),
    "text-hyphens": (".txt", lambda n: "a-" * (n // 2)),
    "text-apostrophes": (".txt", lambda n: "a'" * (n // 2)),
    "text-quoted-words": (".txt", lambda n: '"a" ' * (n // 4)),
    "text-said": (".txt", lambda n: "said " * (n // 5)),
    "text-the": (".txt", lambda n: "the " * (n // 4)),
    "text-percent": (".txt", lambda n: "% " * (n // 2)),
    "text-currency": (".txt", lambda n: "$1 " * (n // 3)),
    "text-at-signs": (".txt", lambda n: "@a " * (n // 3)),
    "text-urls": (".txt", lambda n: "http://a.b/" * (n // 11)),
    "text-short-lines": (".txt", lambda n: "The council\n" * (n // 12)),
    "text-alternating-case": (".txt", lambda n: "aB" * (n // 2)),
    "text-tabs": (".txt", lambda n: "a\t" * (n // 2)),
    "text-zero-width": (".txt", lambda n: "a\u200b" * (n // 2)),
    "text-combining": (".txt", lambda n: "e\u0301" * (n // 2)),
    "html-unclosed-tags": (".html", lambda n: "<p>x</p>" + "<a " * (n // 3)),
    "html-stray-end-tags": (".html", lambda n: "<p>text" + "</div>" * (n // 6)),
    "html-open-tags": (".html", lambda n: "<span>a" * (n // 7)),
    "html-comments": (".html", lambda n: "<!--x-->a" * (n // 9)),
    "html-unclosed-comment": (".html", lambda n: "<p>x</p><!--" + "a" * n),
    "html-processing": (".html", lambda n: "<?" * (n // 2)),
    "html-markup-decl": (".html", lambda n: "<!" * (n // 2)),
    "html-cdata": (".html", lambda n: "<![CDATA[" * (n // 9)),
    "html-entities": (".html", lambda n: "<p>" + "&amp;&#233;&bogus;" * (n // 18) + "</p>"),
    "html-brs": (".html", lambda n: "<p>" + "a<br>" * (n // 5) + "</p>"),
    "html-figures": (".html", lambda n: "<figure><figcaption>A pier. <span class=credit>AFP</span>"
                                         "</figcaption></figure>" * (n // 80)),
    "html-attributes": (".html", lambda n: "<p " + 'a="1" ' * (n // 6) + ">x</p>"),
    "html-nesting": (".html", lambda n: "<div>" * (n // 5) + "deep"),
    "html-unclosed-paragraphs": (".html", lambda n: "<p>Loading..." * (n // 13)),
    "html-table": (".html", lambda n: "<table><tr>" + "<td>cell</td>" * (n // 13) + "</tr></table>"),
    "markdown-emphasis": (".md", lambda n: "*a" * (n // 2)),
    "markdown-underscores": (".md", lambda n: "_a" * (n // 2)),
    "markdown-brackets": (".md", lambda n: "[" * n),
    "markdown-links": (".md", lambda n: "[a](" * (n // 4)),
    "markdown-backticks": (".md", lambda n: "`a``" * (n // 4)),
    "markdown-quotes": (".md", lambda n: "> " * (n // 2) + "deep"),
    "markdown-lists": (".md", lambda n: "".join("  " * (i % 50) + "- item\n" for i in range(n // 60))),
    "markdown-html": (".md", lambda n: "<div>\n" * (n // 6)),
    "markdown-references": (".md", lambda n: "".join(f"[r{i}]: /u{i}\n" for i in range(n // 14))),
    "markdown-entities": (".md", lambda n: "&amp;" * (n // 5)),
    "json-long-string": (".json", lambda n: json.dumps({"body": "Loading... " * (n // 11)})),
    "json-escapes": (".json", lambda n: json.dumps({"body": "\u00e9\n\"" * (n // 12)}, ensure_ascii=True)),
    "json-many-keys": (".json", lambda n: json.dumps({f"caption{i}": "A pier." for i in range(n // 20)})),
    "json-many-items": (".json",
                        lambda n: json.dumps({"items": [{"caption": "A pier.", "credit": "AFP"}] * (n // 40)})),
    "json-nested-objects": (".json", lambda n: '{"a":' * (n // 5) + '"x"' + "}" * (n // 5)),
}
HOSTILE_SIZE = 25_000


def _run_hostile(extension: str, source: str) -> None:
    result = check_bytes(f"a{extension}", source.encode("utf-8"), REGISTRY, REGISTRY.rules, budget=HANG)
    assert not result.crashed, [item.finding.message for item in result.findings if item.code == ENGINE_CODE]


@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_hostile_shapes_cost_linear_time(shape: str) -> None:
    extension, make = HOSTILE[shape]
    _require_reader(extension)
    _run_hostile(extension, "Warm up.\n")
    large = make(4 * HOSTILE_SIZE)
    large_time = cpu_seconds(lambda: _run_hostile(extension, large))
    if large_time < 0.5:
        return
    small = make(HOSTILE_SIZE)
    small_time = cpu_seconds(lambda: _run_hostile(extension, small))
    assert large_time < 10 * small_time, f"{shape}: {small_time:.2f} s -> {large_time:.2f} s"


# --- 50 MB on one line, in a subprocess -----------------------------------------------------

# Peak RSS of the child itself: VmHWM where Linux has it. (The child's getrusage
# ru_maxrss also counts the parent's pages at fork time, i.e. the whole pytest process.)
MEASURE = """
import json, resource, sys, time
from newslint.cli import main

def peak_rss_mb():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

started = time.monotonic()
try:
    main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
print(json.dumps({"exit": code, "seconds": time.monotonic() - started, "peak_rss_mb": peak_rss_mb()}),
      file=sys.stderr)
"""


def run_measured(*args: str, cwd: Path) -> tuple[dict, str]:
    completed = subprocess.run([sys.executable, "-c", MEASURE, *args], cwd=cwd, capture_output=True,
                               text=True, timeout=3600, check=False)
    *messages, last = completed.stderr.strip().splitlines()
    return json.loads(last), completed.stdout + "\n".join(messages)


def one_line_article(size: int) -> str:
    rng = random.Random(3)
    pieces, total = [], 0
    while total < size:
        piece = _sentence(rng)
        pieces.append(piece)
        total += len(piece) + 1
    return " ".join(pieces)


@pytest.mark.skipif(sys.platform == "win32", reason="resource.getrusage is POSIX")
@pytest.mark.parametrize(("megabytes", "rss_bound_mb"), [
    pytest.param(5, 400, id="5MB"),
    pytest.param(50, 2000, id="50MB", marks=[slow, pytest.mark.slow]),
])
def test_one_line_file_finishes_within_memory(tmp_path: Path, megabytes: int, rss_bound_mb: int) -> None:
    article = tmp_path / "one-line.txt"
    article.write_text(one_line_article(megabytes * 1_000_000), encoding="utf-8")
    baseline, _ = run_measured("rules", cwd=tmp_path)
    measured, output = run_measured("check", "--format", "json", str(article), cwd=tmp_path)
    print(f"{megabytes} MB one line: {measured['seconds']:.1f} s, peak RSS {measured['peak_rss_mb']:.0f} MB "
          f"(a run that checks nothing: {baseline['peak_rss_mb']:.0f} MB)")
    assert measured["exit"] in (0, 1), output[-2000:]
    assert ENGINE_CODE not in output, "no rule may time out or crash on a big ordinary file"
    assert measured["peak_rss_mb"] < rss_bound_mb


# --- deep nesting ---------------------------------------------------------------------------

NESTED = """
import sys
from newslint.plugins import plugin_manager
from newslint.registry import build_registry
from newslint.engine import check_bytes
registry = build_registry(plugin_manager(load_entry_points=False))
depth = 100_000
cases = {
    "closed": "<div>" * depth + "<p>Loading...</p>" + "</div>" * depth,
    "unclosed": "<div><span>" * depth + "<p>Loading...</p>",
    "inline": "<p>" + "<b><i>" * depth + "Loading..." + "</i></b>" * depth + "</p>",
    "lists": "<ul><li>" * depth + "Loading...",
    "tables": "<table><tr><td>" * depth + "Loading...",
}
for name, page in cases.items():
    result = check_bytes(f"{name}.html", page.encode(), registry, registry.rules)
    codes = sorted({item.code for item in result.findings})
    print(name, result.error, codes)
"""


def test_100000_levels_of_html_nesting_do_not_hit_the_recursion_limit(tmp_path: Path) -> None:
    _require_reader(".html")
    completed = subprocess.run([sys.executable, "-c", NESTED], capture_output=True, text=True, timeout=600, check=False)
    assert completed.returncode == 0, completed.stderr[-3000:]
    lines = completed.stdout.strip().splitlines()
    assert len(lines) == 5
    for line in lines:
        _name, error, codes = line.split(" ", 2)
        assert error == "None", line
        assert ENGINE_CODE not in codes and "NL101" in codes, line


def test_deeply_nested_json_and_markdown_are_read_or_refused_cleanly() -> None:
    cases = {
        ".json": ["[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000,
                  '{"body": ' * 5_000 + '"Loading..."' + "}" * 5_000],
        ".md": ["> " * 100_000 + "Loading...", "".join("  " * i + "- a\n" for i in range(3_000)),
                "[" * 100_000 + "a" + "]" * 100_000, "*" * 100_000 + "a" + "*" * 100_000],
    }
    for extension, sources in cases.items():
        _require_reader(extension)
        for source in sources:
            result = check_bytes(f"a{extension}", source.encode(), REGISTRY, REGISTRY.rules)
            assert not result.crashed, [item.finding.message for item in result.findings]
            assert result.error is None or result.error.startswith("cannot read as"), result.error


def test_a_deep_block_is_still_checked(tmp_path: Path) -> None:
    """Not merely "no crash": the rule finds the placeholder at the bottom."""
    _require_reader(".html")
    rule = pattern_rule(RuleSpec(code="XB001", name="x", kind="pattern", severity=Severity.ERROR,
                                 message="m", doc=RuleDoc("t"), options={"patterns": ["TK"]}))
    page = "<div>" * 20_000 + "<p>Deep TK here</p>" + "</div>" * 20_000
    document = REGISTRY.readers[".html"].read("a.html", page)
    [finding] = check_document(document, [rule])
    assert page[finding.start:finding.end] == "TK"


# --- files that never end ----------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_among_the_articles_is_refused_not_read(tmp_path: Path) -> None:
    """A FIFO named like an article would block the read forever (no writer)."""
    articles = tmp_path / "articles"
    articles.mkdir()
    os.mkfifo(articles / "pipe.txt")
    (articles / "story.txt").write_text("Loading...\n\nThe pier reopened.\n", encoding="utf-8")
    completed = subprocess.run([sys.executable, "-m", "newslint", "check", "--no-cache", str(articles)],
                               capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 2, completed.stderr
    assert "pipe.txt: not a regular file" in completed.stderr
    assert "story.txt:1:1: NL101" in completed.stdout


def test_oversized_stdin_is_refused_after_reading_only_the_limit() -> None:
    from newslint.decode import MAX_BYTES

    result = run_cli("check", "--no-cache", "--stdin-filename", "live-blog.txt", input=b"a" * (MAX_BYTES + 4096))
    assert result.exit_code == 2
    assert "live-blog.txt: file is larger than 64 MiB, the most newslint reads" in result.stderr


# --- fixing many findings is linear too --------------------------------------------------------

MANY_FIXES: dict[str, tuple[str, Callable[[int], str]]] = {
    "text": (".txt", lambda n: "The pier reopened.\n\n" + "Loading...\n\nFerries ran on time.\n\n" * n),
    "html": (".html", lambda n: "<p>The pier reopened.</p>" + "<p>Loading...</p><p>Ferries ran on time.</p>" * n),
    "markdown": (".md", lambda n: "The pier reopened.\n\n" + "Loading...\n\nFerries ran on time.\n\n" * n),
    "json-one-string": (".json", lambda n: json.dumps(
        {"body": "The pier reopened.\n\n" + "Loading...\n\nFerries ran on time.\n\n" * n})),
    "json-many-strings": (".json", lambda n: json.dumps(
        {"items": [{"caption": "A pier.", "text": "Loading..."}] * n})),
}


@pytest.mark.parametrize("shape", sorted(MANY_FIXES))
def test_fixing_many_findings_is_linear(shape: str) -> None:
    from newslint.pipeline import Mode, RunSpec, build_context, process_bytes

    extension, make = MANY_FIXES[shape]
    _require_reader(extension)
    context = build_context(RunSpec(config_path=None, rule_codes=("NL101",), mode=Mode.FIX,
                                    load_entry_points=False, budget=HANG))

    def fix(count: int) -> None:
        outcome = process_bytes(context, f"a{extension}", make(count).encode(), write=False)
        assert outcome.fix_error is None and outcome.fixed == count, (outcome.fix_error, outcome.fixed)

    fix(10)
    small_time = min(cpu_seconds(lambda: fix(1_000)) for _ in range(2))
    large_time = min(cpu_seconds(lambda: fix(8_000)) for _ in range(2))  # best of two, as for the small run
    assert large_time < max(1.0, 20 * small_time), f"{shape}: {small_time:.2f} s -> {large_time:.2f} s for 8x the fixes"
