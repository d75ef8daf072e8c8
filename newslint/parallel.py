"""Checking many files: the cache first, then the rest in worker processes.

The main process reads and hashes each file to consult the cache; files it cannot
answer from the cache go to `process_bytes`, in this process for a handful of
files or ``--jobs 1``, otherwise in a process pool. Where processes can fork,
workers inherit the run's built `Context` (its registry costs a tenth of a second
to build); elsewhere they receive the `RunSpec` and rebuild the run themselves.
Either way a task is a path: the worker reads the file again. Results come back in
input order, so output does not depend on scheduling.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from newslint.cache import Cache, content_digest, run_fingerprint
from newslint.decode import MAX_BYTES
from newslint.engine import FileResult
from newslint.pipeline import (
    Context,
    FileOutcome,
    Mode,
    RunSpec,
    build_context,
    process_bytes,
)
from newslint.text.pattern_store import process_store

PARALLEL_MIN_FILES = 8  # below this, starting processes costs more than it saves


class WorkerFailure(RuntimeError):
    """A worker process died (killed, out of memory); the message says what to do."""


def default_jobs() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def read_input(path: str) -> tuple[bytes | None, str | None]:
    """A file's bytes, or why it cannot be read (size and type checked before reading:
    a FIFO or device named like an article would block or never end)."""
    try:
        status = Path(path).stat()
        if not stat.S_ISREG(status.st_mode):
            return None, "not a regular file"
        if status.st_size > MAX_BYTES:
            return None, f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB, the most newslint reads"
        return Path(path).read_bytes(), None
    except OSError as error:
        return None, f"cannot read: {error.strerror or error}"


def check_path(context: Context, path: str) -> FileOutcome:
    """Read and process one file."""
    data, error = read_input(path)
    if data is None:
        return FileOutcome(result=FileResult(path=path, error=error))
    return process_bytes(context, path, data)


# A pool worker's context. Set once, by the pool's initializer, in a worker process that
# lives for one run; the main process never sets it.
_worker_context: list[Context] = []


def _inherit(context: Context) -> None:
    """Initializer under fork: the built context comes by inheritance, never pickled."""
    _worker_context.append(context)


def _rebuild(spec: RunSpec) -> None:
    """Initializer elsewhere (spawn): nothing is inherited, so the run is built again."""
    _worker_context.append(build_context(spec))


def _check_in_worker(path: str) -> FileOutcome:
    outcome = check_path(_worker_context[0], path)
    store = process_store()
    if store.unsaved:  # a worker lives for one run: it keeps what it compiled as it goes
        store.save()
    return outcome


def run_files(files: Sequence[tuple[str, str | None]], spec: RunSpec, context: Context, jobs: int,
              cache: Cache | None = None, advance: Callable[[int], None] = lambda _: None) -> list[FileOutcome]:
    """One outcome per `(path, error)` in `files`, in the same order.

    A file whose cached findings still apply (same bytes, same run fingerprint)
    is not checked again; in FIX and DIFF mode only when none of them has a fix.
    Fresh results are stored in `cache`; saving it is the caller's business.
    """
    outcomes: list[FileOutcome | None] = [None] * len(files)
    pending: list[tuple[int, str]] = []
    for index, (path, error) in enumerate(files):
        if error is not None:
            outcomes[index] = FileOutcome(result=FileResult(path=path, error=error))
            advance(1)
            continue
        hit = _from_cache(cache, spec.mode, path) if cache is not None else None
        if hit is not None:
            outcomes[index] = hit
            advance(1)
        else:
            pending.append((index, path))
    for (index, _), outcome in zip(pending, _process_all(spec, context, [path for _, path in pending], jobs)):
        outcomes[index] = outcome
        if cache is not None and outcome.digest is not None:
            cache.put(outcome.result.path, outcome.digest, outcome.result.findings)
        advance(1)
    return [outcome for outcome in outcomes if outcome is not None]


def _from_cache(cache: Cache, mode: Mode, path: str) -> FileOutcome | None:
    data, error = read_input(path)
    if data is None:
        return FileOutcome(result=FileResult(path=path, error=error))
    findings = cache.get(path, content_digest(data))
    if findings is None or (mode is not Mode.CHECK and any(item.finding.fix for item in findings)):
        return None
    return FileOutcome(result=FileResult(path=path, findings=findings))


def _process_all(spec: RunSpec, context: Context, paths: Sequence[str], jobs: int) -> Iterator[FileOutcome]:
    """Outcomes in `paths` order: here for a few files, else in a pool whose
    workers rebuild the run from `spec` (the `context` never leaves this process)."""
    workers = min(jobs, len(paths))
    if workers < 2 or len(paths) <= PARALLEL_MIN_FILES:
        yield from (check_path(context, path) for path in paths)
        return
    import multiprocessing
    from concurrent.futures import (
        ProcessPoolExecutor,  # imported here: one-file runs never pay for it
    )
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, min(32, len(paths) // (workers * 8)))
    try:
        if "fork" in multiprocessing.get_all_start_methods():
            # The first file is checked here: the patterns it compiles (rules compile theirs
            # on first use) are then inherited by every worker instead of compiled in each.
            yield check_path(context, paths[0])
            paths = paths[1:]
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                       initializer=_inherit, initargs=(context,))
        else:
            pool = ProcessPoolExecutor(max_workers=workers, initializer=_rebuild, initargs=(spec,))
        with pool:
            yield from pool.map(_check_in_worker, paths, chunksize=chunk)
    except BrokenProcessPool:
        raise WorkerFailure("a worker process died (out of memory or killed); rerun with --jobs 1") from None


def open_run_cache(context: Context, directory: Path) -> Cache:
    """The cache file for this run's fingerprint (empty if missing or corrupt)."""
    fingerprint = run_fingerprint(context.rules, context.rule_pack_dirs(), context.plugin_identities(),
                                  context.config.path, context.input_format)
    return Cache.open(directory, fingerprint)
