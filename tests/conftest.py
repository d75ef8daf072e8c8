"""Shared fixtures. The real-article corpus is read from ../shared, never copied here."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType

# The compiled-pattern store goes to a directory of this session's (set before newslint is
# imported, since patterns compile at import): nothing is written to the user's cache, and
# the tests that start processes read the programs the earlier ones saved.
PATTERN_STORE_DIR = tempfile.mkdtemp(prefix="newslint-patterns-")
os.environ["NEWSLINT_PATTERN_STORE"] = PATTERN_STORE_DIR

import pytest
from click.testing import CliRunner, Result

from newslint.cli import main
from newslint.engine import check_document
from newslint.model import Finding
from newslint.plugins import plugin_manager
from newslint.registry import Registry, build_registry
from newslint.rulepack import load_rule_file

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed-article.txt"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def registry() -> Registry:
    return build_registry(plugin_manager(load_entry_points=False))


LINT_EXTENSIONS = {"text": ".txt", "html": ".html"}


@pytest.fixture(scope="module")
def lint(registry: Registry):
    """Run rule `code` alone over `text` read as `fmt` (plain text unless told): the source and
    the rule's findings. Modules that run several rules or need the document define their own."""
    def run(code: str, text: str, fmt: str = "text") -> tuple[str, list[Finding]]:
        rule = registry.rule(code)
        assert rule is not None, code
        document = registry.reader_named(fmt).read("a" + LINT_EXTENSIONS[fmt], text)
        return document.source, [f for f in check_document(document, [rule]) if f.code == code]
    return run


def pack_rule(tmp_path: Path, kinds: dict, file_name: str, kind: str, message: str, options: str,
              lexicon: str | None = None):
    """A newsroom's own rule of KIND, loaded from TMP_PATH/FILE_NAME (its code is the name's
    prefix, "XY301-ours.toml"), with OPTIONS as its [options] and, if given, LEXICON written
    beside it as extra.toml."""
    if lexicon is not None:
        (tmp_path / "extra.toml").write_text(lexicon, encoding="utf-8")
    rule_file = tmp_path / file_name
    code = file_name.split("-", 1)[0]
    rule_file.write_text(
        f'code = "{code}"\nname = "ours"\nkind = "{kind}"\nseverity = "warning"\n'
        f'message = {json.dumps(message)}\nsummary = "ours"\n[options]\n{options}\n',
        encoding="utf-8",
    )
    return load_rule_file(rule_file, kinds, "pack")


def load_bench_script(file_name: str) -> ModuleType:
    """A script of bench/ imported as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{Path(file_name).stem}", REPO / "bench" / file_name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


def spans(source: str, findings: list[Finding]) -> list[str]:
    """The source text each finding covers."""
    return [source[f.start:f.end] for f in findings]


def apply_fix(source: str, finding: Finding) -> str:
    """`source` with `finding`'s fix applied."""
    assert finding.fix is not None
    for edit in sorted(finding.fix.edits, key=lambda e: e.start, reverse=True):
        source = source[:edit.start] + edit.replacement + source[edit.end:]
    return source


def run_cli(*args: str, input: bytes | str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def check_json(*args: str, input: bytes | str | None = None) -> tuple[int, list[dict]]:
    result = run_cli("check", "--format", "json", *args, input=input)
    return result.exit_code, json.loads(result.stdout)["findings"]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(PATTERN_STORE_DIR, ignore_errors=True)


def needs_shared() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not beside the checkout")


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own cache directory: no stale hits, nothing written into the repo."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path_factory.mktemp("newslint-cache")))
