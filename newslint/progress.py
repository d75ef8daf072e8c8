"""A progress bar on stderr for long runs, and the decision whether to show one.

Shown only when a person is watching: stderr is a terminal, the run is long enough
to wonder about, and it is not a CI job (``CI`` set, as every CI service does) or
a dumb terminal. Piped or redirected output never gets control characters.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, TextIO

import click

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

PROGRESS_MIN_FILES = 300
_FALSE_VALUES = {"", "0", "false", "no"}


def wants_progress(file_count: int, stderr_is_tty: bool, environ: Mapping[str, str]) -> bool:
    if file_count <= PROGRESS_MIN_FILES or not stderr_is_tty:
        return False
    if environ.get("CI", "").strip().lower() not in _FALSE_VALUES:
        return False
    return environ.get("TERM", "") != "dumb"


@contextlib.contextmanager
def progress(file_count: int, stream: TextIO | None = None,
             environ: Mapping[str, str] | None = None) -> Iterator[Callable[[int], None]]:
    """Yields ``advance(n)``; draws a bar on `stream` (stderr) only if `wants_progress`."""
    import os

    stream = stream if stream is not None else sys.stderr
    shown = wants_progress(file_count, _isatty(stream), os.environ if environ is None else environ)
    if not shown:
        yield lambda _count: None
        return
    bar: ProgressBar[int]
    with click.progressbar(length=file_count, label="Checking", file=stream,
                           show_pos=True, show_eta=True, item_show_func=None) as bar:
        yield bar.update


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
