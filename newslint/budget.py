"""A time budget for plugin code: how long one rule (or reader) may spend on one file.

A plugin that loops forever or sleeps would otherwise hang a CI job with no output.
The budget is enforced with ``SIGALRM`` (``signal.setitimer``), which interrupts pure
Python loops, ``time.sleep`` and matching in both `regex` and the standard ``re``
(both check for signals). Signals reach only the main thread, so elsewhere (a thread
pool, a platform without ``setitimer``) the budget is not enforced and work runs
unbounded; process-pool workers run rules in their own main thread and are covered.

Not interruptible: C code that neither returns to the interpreter nor checks for
signals, and a plugin that catches `BaseException` every time and carries on.
"""

from __future__ import annotations

import signal
import threading
import time
from dataclasses import dataclass
from types import FrameType, TracebackType
from typing import Self

_MEGABYTE = 1_000_000
REPEAT_SECONDS = 0.1  # how often the alarm repeats once the time is up


class BudgetExceeded(BaseException):
    """Raised inside plugin code when its time is up.

    A `BaseException`, like `KeyboardInterrupt`, so that a plugin's own
    ``except Exception`` cannot swallow it.
    """

    def __init__(self, seconds: float):
        super().__init__(f"time budget of {seconds:g} s exceeded")
        self.seconds = seconds


@dataclass(frozen=True, slots=True)
class TimeBudget:
    """`seconds` for one rule on one file, plus `per_megabyte` for each million characters.

    Scaling with size keeps a legitimate rule on a 40 MB live blog from being cut off,
    while a hang on a normal article is stopped after a few seconds.
    """

    seconds: float = 10.0
    per_megabyte: float = 10.0

    def __post_init__(self) -> None:
        if not self.seconds > 0 or self.per_megabyte < 0:
            raise ValueError("a time budget needs seconds > 0 and per_megabyte >= 0")

    def seconds_for(self, characters: int) -> float:
        return self.seconds + self.per_megabyte * characters / _MEGABYTE


DEFAULT_BUDGET = TimeBudget()


def can_enforce() -> bool:
    """Whether a budget can interrupt code here (main thread, ``setitimer`` available)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class time_budget:
    """Raise `BudgetExceeded` in the body if it runs longer than `seconds`.

    ``None`` means no budget. Once the time is up the alarm repeats every
    `REPEAT_SECONDS` until the body is left, so an exception swallowed where Python
    cannot propagate it (a ``__del__``, a garbage-collector callback) is raised again.
    A timer or handler that was already installed (by a test runner, say) is restored
    on exit; a timer that would have fired meanwhile fires right after.
    """

    def __init__(self, seconds: float | None):
        self._seconds = seconds
        self._installed = False
        self._armed = False
        self._previous_handler: object = signal.SIG_DFL
        self._previous_timer = (0.0, 0.0)
        self._started = 0.0

    def __enter__(self) -> Self:
        if self._seconds is None or not can_enforce():
            return self
        self._previous_handler = signal.signal(signal.SIGALRM, self._on_alarm)
        self._installed = self._armed = True
        self._started = time.monotonic()
        self._previous_timer = signal.setitimer(signal.ITIMER_REAL, self._seconds, REPEAT_SECONDS)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if not self._installed:
            return
        self._armed = False
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, self._previous_handler)  # type: ignore[arg-type]
            self._installed = False
        self._restore_outer_timer(time.monotonic() - self._started)

    def _restore_outer_timer(self, elapsed: float) -> None:
        outer_delay, outer_interval = self._previous_timer
        if outer_delay > 0:
            signal.setitimer(signal.ITIMER_REAL, max(outer_delay - elapsed, 1e-6), outer_interval)

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        # Never inside our own clean-up: an alarm that lands while __exit__ runs is
        # ignored, since the body is over anyway.
        if self._armed and (frame is None or frame.f_code is not _EXIT_CODE):
            raise BudgetExceeded(self._seconds or 0.0)


_EXIT_CODE = time_budget.__exit__.__code__
