"""The compiled-pattern store: a program read back matches exactly as a fresh compile does,
and a missing, damaged or foreign store only means compiling as usual."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import regex

from newslint.text import pattern_store
from newslint.text.pattern_store import PatternStore, default_store_path

REPO = Path(__file__).resolve().parents[2]

PATTERNS = [
    (r"(?-f)(?|(?:read more:?)|(?:loading\.{3})|(?:advertisement))", regex.VERSION1 | regex.IGNORECASE),
    (r"\b(?P<subject>[A-Z][a-z]+) (?P<verb>has|have)\b", regex.VERSION1 | regex.MULTILINE),
    (r"(?<=\bthe )\w+(?= (?:is|are)\b)", 0),
    (r"^\s*+(?>[-*•]\s+)?\p{Lu}[^.!?]{3,80}$", regex.MULTILINE),
    (r"(\w+) \1", 0),
]
TEXTS = [
    "READ MORE: the council has more", "Loading...", "Advertisement", "The council has met; the Board have",
    "the board is here and the clubs are there", "• Ten things we learned\nplain words. here", "very very good",
    "", "Ünïcode Straße ist da",
]


def _matches(compiled: regex.Pattern[str]) -> list[object]:
    return [[(m.span(), m.groups(), m.groupdict()) for m in compiled.finditer(text)] for text in TEXTS] + \
        [bool(compiled.fullmatch(text)) for text in TEXTS]


def test_a_stored_program_matches_exactly_as_a_fresh_compile(tmp_path: Path) -> None:
    path = tmp_path / "patterns.json"
    first = PatternStore(path)
    made = [first.compile(pattern, flags) for pattern, flags in PATTERNS]
    assert first.unsaved
    first.save()
    assert not first.unsaved

    second = PatternStore(path)
    assert all(second.knows(pattern, flags) for pattern, flags in PATTERNS)
    assert not second.knows(PATTERNS[0][0], 0)  # flags are part of the key
    for (pattern, flags), earlier in zip(PATTERNS, made):
        restored = second.compile(pattern, flags)
        assert restored.pattern == pattern
        assert _matches(restored) == _matches(regex.compile(pattern, flags)) == _matches(earlier)
    assert not second.unsaved  # every program came from the file


def test_a_damaged_store_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "patterns.json"
    store = PatternStore(path)
    store.compile(r"\bcouncil\b")
    store.save()
    data = bytearray(path.read_bytes())
    data[-10] ^= 0x01  # one flipped bit in a program: the checksum no longer matches
    path.write_bytes(bytes(data))
    reread = PatternStore(path)
    assert not reread.knows(r"\bcouncil\b")
    assert reread.compile(r"\bcouncil\b").search("the council met").span() == (4, 11)


@pytest.mark.parametrize("content", [b"", b"not json\n{}", b'{"format": 99}\n{}', b"\xff\xfe\x00"])
def test_an_unreadable_store_is_empty(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "patterns.json"
    path.write_bytes(content)
    store = PatternStore(path)
    assert not store.knows("x")
    assert store.compile("a+").fullmatch("aaa")


def test_an_entry_of_the_wrong_shape_is_compiled_afresh(tmp_path: Path) -> None:
    path = tmp_path / "patterns.json"
    pattern_store._write(path, {"0:b+": ["b+", 0, ["not", "ops"], {}, [], {}, [], 0, [], 0, 0]})
    store = PatternStore(path)
    assert store.compile("b+").fullmatch("bbb")
    assert store.unsaved  # the bad entry is replaced by a real program


def test_saving_merges_with_what_another_process_saved(tmp_path: Path) -> None:
    path = tmp_path / "patterns.json"
    one, other = PatternStore(path), PatternStore(path)
    one.compile("first")
    other.compile("second")
    one.save()
    other.save()
    assert PatternStore(path).knows("first") and PatternStore(path).knows("second")


def test_the_store_keeps_to_its_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "patterns.json"
    monkeypatch.setattr(pattern_store, "MAX_ENTRIES", 3)
    old = PatternStore(path)
    for word in ("a", "b", "c"):
        old.compile(word)
    old.save()
    new = PatternStore(path)
    new.compile("d")
    new.compile("e")
    new.save()
    kept = PatternStore(path)
    assert kept.knows("d") and kept.knows("e")
    assert sum(kept.knows(word) for word in "abc") == 1


def test_bytes_and_invalid_patterns_behave_as_with_regex(tmp_path: Path) -> None:
    store = PatternStore(tmp_path / "patterns.json")
    assert store.compile(rb"charset=(\w+)").search(b"charset=utf8").group(1) == b"utf8"
    with pytest.raises(regex.error):
        store.compile(r"(unclosed")
    assert not store.unsaved


def test_the_store_can_be_turned_off_or_moved(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSLINT_PATTERN_STORE", "off")
    assert default_store_path() is None
    monkeypatch.setenv("NEWSLINT_PATTERN_STORE", str(tmp_path))
    path = default_store_path()
    assert path is not None and path.parent == tmp_path and regex.__version__ in path.name
    monkeypatch.delenv("NEWSLINT_PATTERN_STORE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = default_store_path()
    assert path is not None and path.parent == tmp_path / "xdg" / "newslint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", "")
    monkeypatch.setattr(pattern_store.os.path, "expanduser", lambda path: path)  # as with no home directory
    assert default_store_path() is None


def _run(store: str, article: Path) -> subprocess.CompletedProcess[str]:
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(article.parent), "NEWSLINT_PATTERN_STORE": store}
    return subprocess.run([sys.executable, "-m", "newslint", "check", "--no-cache", "--format", "json", str(article)],
                          check=False, capture_output=True, text=True, env=environment, cwd=article.parent,
                          timeout=120)


def test_runs_with_a_cold_a_warm_and_no_store_find_the_same(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text((REPO / "examples" / "article.txt").read_text(encoding="utf-8"), encoding="utf-8")
    store = tmp_path / "store"
    cold, warm, off = _run(str(store), article), _run(str(store), article), _run("off", article)
    assert cold.returncode == warm.returncode == off.returncode == 1, cold.stderr
    findings = json.loads(cold.stdout)["findings"]
    assert findings and findings == json.loads(warm.stdout)["findings"] == json.loads(off.stdout)["findings"]
    saved = list(store.glob("patterns-*.json"))
    assert len(saved) == 1 and len(PatternStore(saved[0])._entries) > 50


RULE_FILE = '''code = "NL999"
name = "made-up"
patterns = ['\\bLoading\\.{3}', "READ MORE:"]
ratio = 0.5
[[examples]]
text = "Loading..."
flagged = true
'''


def test_a_parsed_rule_file_is_read_back_as_parsed(tmp_path: Path) -> None:
    path = tmp_path / "patterns.json"
    first = PatternStore(path)
    parsed = first.parsed_toml(RULE_FILE)
    assert parsed == tomllib.loads(RULE_FILE) and first.unsaved
    first.save()
    second = PatternStore(path)
    assert second.parsed_toml(RULE_FILE) == tomllib.loads(RULE_FILE)
    assert not second.unsaved  # it came from the file
    assert second.parsed_toml("ratio2 = 1\n" + RULE_FILE)["ratio2"] == 1  # another text, parsed


def test_a_table_json_cannot_hold_is_parsed_each_time(tmp_path: Path) -> None:
    store = PatternStore(tmp_path / "patterns.json")
    dated = 'added = 2026-12-02\nwhen = 10:30:00\n'
    assert store.parsed_toml(dated) == tomllib.loads(dated)
    assert not store.unsaved


def test_invalid_toml_still_raises_and_is_not_kept(tmp_path: Path) -> None:
    store = PatternStore(tmp_path / "patterns.json")
    with pytest.raises(tomllib.TOMLDecodeError):
        store.parsed_toml('code = "NL999\n')
    assert not store.unsaved


def test_a_vouched_check_is_read_back_for_the_same_pieces_only(tmp_path: Path) -> None:
    path = tmp_path / "patterns.json"
    first = PatternStore(path)
    assert not first.vouched("lazy", 0, (r"\bferry\b",))
    first.vouch("lazy", 0, (r"\bferry\b",))
    first.vouch("lazy", 0, (r"\bpier\b", 7))  # not all strings: nothing to keep
    first.save()
    second = PatternStore(path)
    assert second.vouched("lazy", 0, (r"\bferry\b",))
    assert not second.vouched("lazy", regex.IGNORECASE, (r"\bferry\b",))  # flags are part of the key
    assert not second.vouched("other check", 0, (r"\bferry\b",))
    assert not second.vouched("lazy", 0, (r"\bferr\b",))
    assert not second.vouched("lazy", 0, (r"\bpier\b", 7))
    assert not second.unsaved


def test_a_pattern_vouched_for_is_not_scanned_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.text import patterns

    pattern = r"\b(?:harbour|ferry) (?:board|trust)\b"
    scanned: list[str] = []

    def counted(text: str) -> bool:
        scanned.append(text)
        return True

    monkeypatch.setattr(patterns, "surely_compiles", counted)
    for _ in range(2):  # two processes, one after the other
        monkeypatch.setattr(pattern_store, "_stores", [PatternStore(tmp_path / "patterns.json")])
        lazy = patterns.lazy_compile(pattern)
        assert isinstance(lazy, patterns.LazyPattern)
        pattern_store.process_store().save()
    assert scanned == [pattern]
    assert lazy.search("the ferry board met").span() == (4, 15)


def test_a_pattern_that_may_not_compile_is_never_vouched_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newslint.text import patterns

    monkeypatch.setattr(pattern_store, "_stores", [PatternStore(tmp_path / "patterns.json")])
    with pytest.raises(regex.error):
        patterns.lazy_compile(r"(?<name>unclosed")
    assert not pattern_store.process_store().vouched("lazy", 0, (r"(?<name>unclosed",))
