"""Files that hold many articles are checked article by article; the reader is chosen by
extension and shape, or forced with --input-format."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import run_cli

from newslint.document import Block, BlockKind, Document, SourceMap
from newslint.engine import check_bytes
from newslint.hookspecs import hookimpl
from newslint.plugins import plugin_manager
from newslint.readers import ReaderError
from newslint.readers.json import JsonLinesReader, JsonReader
from newslint.registry import SelectionError, build_registry

CAPTIONED = ('<p>Engineers finished the harbour wall on Thursday, a month early.</p><figure><img src="a.jpg" alt="">'
             "<figcaption>The new harbour wall at high tide on Thursday.</figcaption></figure>")
REPEATS_IT = "<p>The new harbour wall at high tide on Thursday.</p><p>Loading...</p>"


def _post(number: int, title: str, html: str) -> dict[str, object]:
    return {"id": number, "title": {"rendered": title}, "content": {"rendered": html}}


def _codes_and_pointers(path: Path) -> list[tuple[str, str | None]]:
    findings = json.loads(run_cli("check", "--no-cache", "--format", "json", str(path)).stdout)["findings"]
    return [(finding["code"], finding["pointer"]) for finding in findings]


@pytest.mark.parametrize("wrap", [lambda posts: posts, lambda posts: {"posts": posts, "meta": {"total": 2}}])
def test_a_collection_is_checked_post_by_post(tmp_path: Path, wrap) -> None:
    path = tmp_path / "posts.json"
    posts = [_post(1, "Harbour wall repaired", CAPTIONED), _post(2, "Tide tables for May", REPEATS_IT)]
    path.write_text(json.dumps(wrap(posts)), encoding="utf-8")
    prefix = "" if isinstance(wrap(posts), list) else "/posts"
    # Post 2 repeats post 1's caption: across two articles that is no duplicate (NL201).
    assert _codes_and_pointers(path) == [("NL101", f"{prefix}/1/content/rendered")]


def test_one_article_still_compares_its_caption_with_its_body(tmp_path: Path) -> None:
    path = tmp_path / "post.json"
    path.write_text(json.dumps(_post(1, "Harbour wall repaired", CAPTIONED + REPEATS_IT)), encoding="utf-8")
    assert ("NL201", "/content/rendered") in _codes_and_pointers(path)


def test_json_lines_are_one_article_a_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [_post(1, "Harbour wall repaired", CAPTIONED), _post(2, "Tide tables for May", REPEATS_IT)]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    assert _codes_and_pointers(path) == [("NL101", "/1/content/rendered")]
    run_cli("check", "--no-cache", "--fix", str(path))
    fixed = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert fixed[1]["content"]["rendered"] == "<p>The new harbour wall at high tide on Thursday.</p>"
    assert fixed[0] == lines[0]


def test_json_lines_name_the_bad_line() -> None:
    with pytest.raises(ReaderError, match="line 2: invalid JSON"):
        JsonLinesReader().read("a.jsonl", '{"body": "Fine."}\n{"body": \n')


@dataclass(frozen=True)
class PressReleaseReader:
    """A plugin's reader for one JSON shape: it takes only files with a "release" key."""

    name: str = "press-release"
    extensions: tuple[str, ...] = (".json",)
    charset_in_markup: bool = False

    def matches(self, source: str) -> bool:
        return '"release"' in source

    def read(self, path: str, source: str) -> Document:
        start = source.index("Loading")
        block = Block(BlockKind.PARAGRAPH, "Loading...", SourceMap.linear(start, 10), (start, start + 10))
        return Document(path, source, self.name, (block,))


class PressReleasePlugin:
    @hookimpl
    def newslint_readers(self) -> list[PressReleaseReader]:
        return [PressReleaseReader()]


def test_the_reader_is_chosen_by_the_files_shape() -> None:
    registry = build_registry(plugin_manager(load_entry_points=False, extra=(PressReleasePlugin(),)))
    asked = [reader.name for reader in registry.readers_for("a.json")]
    assert asked[0] == "press-release" and asked[-1] == "json"  # the plugin's first, the generic one last
    rules = registry.with_codes(["NL101"])
    release = check_bytes("a.json", b'{"release": "Loading..."}', registry, rules)
    story = check_bytes("b.json", b'{"headline": "Pier opens", "body": "Loading..."}', registry, rules)
    assert release.document is not None and release.document.format == "press-release"
    assert story.document is not None and story.document.format == "json"
    forced = check_bytes("c.json", b'{"headline": "Pier opens", "body": "Loading..."}', registry, rules,
                         input_format="press-release")
    assert forced.error is None and forced.document is not None and forced.document.format == "press-release"


def test_a_reader_without_matches_is_one_clear_error() -> None:
    @dataclass(frozen=True)
    class Old:
        name: str = "old"
        extensions: tuple[str, ...] = (".old",)
        charset_in_markup: bool = False

        def read(self, path: str, source: str) -> Document:
            return Document(path, source, self.name)

    class OldPlugin:
        @hookimpl
        def newslint_readers(self) -> list[Old]:
            return [Old()]

    with pytest.raises(SelectionError, match="returned a reader Old without matches"):
        build_registry(plugin_manager(load_entry_points=False, extra=(OldPlugin(),)))


def test_input_format_reads_any_file_with_the_named_reader(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_text('{"headline": "Pier opens", "body": "Loading..."}', encoding="utf-8")
    assert run_cli("check", "--no-cache", str(path)).exit_code == 2  # no reader for .dat
    result = run_cli("check", "--no-cache", "--input-format", "json", "--format", "json", str(path))
    assert [f["code"] for f in json.loads(result.stdout)["findings"]] == ["NL101"]
    unknown = run_cli("check", "--input-format", "xml-ish", str(path))
    assert unknown.exit_code == 2 and "unknown input format 'xml-ish'" in unknown.stderr


def test_readers_lists_every_reader_with_its_module() -> None:
    lines = run_cli("readers").stdout.splitlines()
    assert lines[0].split() == ["NAME", "EXTENSIONS", "MODULE"]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert set(rows) >= {"text", "html", "markdown", "json", "jsonl"}
    assert rows["jsonl"].endswith("newslint.readers.json") and ".ndjson" in rows["jsonl"]
    assert JsonReader().matches("anything")
