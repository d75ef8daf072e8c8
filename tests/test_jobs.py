"""``--jobs N``: the same findings in the same order as ``--jobs 1``; workers rebuild
the run from its spec; and the progress-bar decision."""

from __future__ import annotations

import io
import multiprocessing
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from conftest import CORPUS, SEED, needs_shared, run_cli

from newslint.parallel import PARALLEL_MIN_FILES, _check_in_worker, _rebuild, check_path
from newslint.pipeline import Mode, RunSpec, build_context
from newslint.progress import PROGRESS_MIN_FILES, progress, wants_progress


def _tree(tmp_path: Path) -> Path:
    """Real articles of mixed size and format, more than enough to use the pool."""
    root = tmp_path / "tree"
    (root / "text").mkdir(parents=True)
    (root / "html").mkdir()
    for index in range(3):
        shutil.copyfile(SEED, root / "text" / f"seed-{index}.txt")
    for source in sorted((CORPUS / "bbc-news" / "business").glob("*.txt"))[:25]:
        shutil.copyfile(source, root / "text" / source.name)
    for source in sorted((CORPUS / "readability").glob("*/expected.html"))[:12]:
        shutil.copyfile(source, root / "html" / f"{source.parent.name}.html")
    for path in root.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert sum(1 for p in root.rglob("*") if p.is_file()) > PARALLEL_MIN_FILES
    return root


@needs_shared()
def test_jobs_output_is_identical_to_one_job(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    serial = run_cli("check", "--no-cache", "--jobs", "1", "--format", "json", str(root))
    parallel = run_cli("check", "--no-cache", "--jobs", "2", "--format", "json", str(root))
    assert serial.exit_code == parallel.exit_code
    assert '"findings": [\n' in serial.stdout  # there is something to compare
    assert parallel.stdout == serial.stdout
    assert parallel.stderr == serial.stderr


@needs_shared()
def test_jobs_fix_writes_the_same_files(tmp_path: Path) -> None:
    serial_root = _tree(tmp_path / "one")
    parallel_root = _tree(tmp_path / "two")
    one = run_cli("check", "--no-cache", "--jobs", "1", "--fix", str(serial_root))
    two = run_cli("check", "--no-cache", "--jobs", "2", "--fix", str(parallel_root))
    assert "Fixed 0 findings" not in one.stderr
    assert one.stderr.replace(str(serial_root), "ROOT") == two.stderr.replace(str(parallel_root), "ROOT")
    for path in serial_root.rglob("*.*"):
        assert (parallel_root / path.relative_to(serial_root)).read_bytes() == path.read_bytes(), path


@needs_shared()
def test_a_file_named_twice_is_checked_and_fixed_once(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    seed = root / "text" / "seed-0.txt"
    once = run_cli("check", "--no-cache", "--jobs", "2", "--format", "json", str(root))
    twice = run_cli("check", "--no-cache", "--jobs", "2", "--format", "json", str(root), str(seed),
                    str(root / "text" / ".." / "text" / "seed-0.txt"), str(root))
    assert twice.stdout == once.stdout
    fixed = run_cli("check", "--no-cache", "--jobs", "2", "--fix", str(root), str(seed), str(root))
    assert "changed while" not in fixed.stderr
    assert fixed.exit_code in (0, 1), fixed.stderr
    assert "Loading" not in seed.read_text(encoding="utf-8")  # its placeholders were removed, once


@needs_shared()
def test_spawned_workers_rebuild_the_run_from_the_spec(tmp_path: Path) -> None:
    """Under 'spawn' nothing is inherited: a worker has only the pickled spec and path."""
    root = _tree(tmp_path)
    paths = [str(root / "text" / "seed-0.txt"), *sorted(str(p) for p in root.rglob("*.html"))[:3]]
    spec = RunSpec(config_path=None, rule_codes=("NL101", "NL102", "NL201", "NL401"), mode=Mode.CHECK, budget=None)
    here = [check_path(build_context(spec), path) for path in paths]
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_rebuild, initargs=(spec,)) as pool:
        there = list(pool.map(_check_in_worker, paths))
    assert [o.result.findings for o in there] == [o.result.findings for o in here]
    assert any(o.result.findings for o in here)


# --- progress ------------------------------------------------------------------------

@pytest.mark.parametrize(("count", "tty", "environ", "shown"), [
    (PROGRESS_MIN_FILES + 1, True, {}, True),
    (PROGRESS_MIN_FILES, True, {}, False),  # a short run needs no bar
    (5000, False, {}, False),  # piped or redirected
    (5000, True, {"CI": "true"}, False),  # GitHub Actions, GitLab, ... all set CI
    (5000, True, {"CI": "1"}, False),
    (5000, True, {"CI": "false"}, True),
    (5000, True, {"TERM": "dumb"}, False),
])
def test_progress_decision(count: int, tty: bool, environ: dict[str, str], shown: bool) -> None:
    assert wants_progress(count, tty, environ) is shown


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_only_on_a_terminal() -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        with progress(PROGRESS_MIN_FILES + 1, stream, environ={}) as advance:
            for _ in range(PROGRESS_MIN_FILES + 1):
                advance(1)
    assert "Checking" in terminal.getvalue() and f"{PROGRESS_MIN_FILES + 1}/{PROGRESS_MIN_FILES + 1}" in terminal.getvalue()
    assert pipe.getvalue() == ""
