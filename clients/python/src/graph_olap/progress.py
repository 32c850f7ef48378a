"""Progress callbacks: ``on_progress(phase, completed, total)`` and a text progress bar."""

from __future__ import annotations

import sys
import time
from typing import Callable, TextIO

from graph_olap.exceptions import TimeoutError

ProgressCallback = Callable[[str, int, int], None]


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython  # type: ignore

        shell = get_ipython()
    except Exception:
        return False
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


class ProgressBar:
    """A one-line text bar: ``[#########-----------] 3/8 exporting (4.2 s)``.

    In a terminal the line is rewritten in place; in a notebook, or when the stream is not a
    terminal (logs, CI), a line is printed each time the phase or the count changes. ``close()``
    ends the line.
    """

    def __init__(self, description: str = "", *, width: int = 24, stream: TextIO | None = None):
        self.description = description
        self.width = width
        self.stream = stream or sys.stderr
        self._inline = not _in_notebook() and getattr(self.stream, "isatty", lambda: False)()
        self._last: tuple[str, int, int] | None = None
        self._started = time.monotonic()
        self.updates = 0

    def __call__(self, phase: str, completed: int, total: int) -> None:
        state = (phase, completed, total)
        if state == self._last:
            return
        self._last = state
        self.updates += 1
        filled = int(self.width * completed / total) if total else 0
        bar = "#" * filled + "-" * (self.width - filled)
        prefix = f"{self.description}: " if self.description else ""
        line = f"{prefix}[{bar}] {completed}/{total} {phase} ({time.monotonic() - self._started:.1f} s)"
        if self._inline:
            self.stream.write("\r" + line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self._inline and self._last is not None:
            self.stream.write("\n")
            self.stream.flush()


def resolve(on_progress: "ProgressCallback | bool | None", description: str) -> ProgressCallback | None:
    """``True`` means a ProgressBar; a callable is used as is; None or False means none."""
    if on_progress is True:
        return ProgressBar(description)
    if on_progress is False or on_progress is None:
        return None
    return on_progress


def poll_until(description: str, read: Callable, read_progress: Callable, done: str, failure: Callable,
               on_progress: "ProgressCallback | bool | None", timeout: float, poll_interval: float, details: dict):
    """Polls ``read()`` until its ``status`` is ``done`` and returns it. ``failure(obj)`` gives the error to
    raise for a status that can no longer become ``done`` (or None); past ``timeout`` seconds a
    TimeoutError. Progress goes to ``on_progress`` (a callback, True for a progress bar)."""
    callback = resolve(on_progress, description)
    deadline = time.monotonic() + timeout
    try:
        while True:
            obj = read()
            if callback is not None:
                # Read after the status, so the last report of a finished one is its last phase.
                progress = read_progress()
                callback(progress.phase or progress.status or "", progress.completed_steps, progress.total_steps)
            if obj.status == done:
                return obj
            error = failure(obj)
            if error is not None:
                raise error
            if time.monotonic() >= deadline:
                raise TimeoutError(f"{description} did not become {done} within {timeout}s (status {obj.status})", details)
            time.sleep(min(poll_interval, max(0.0, deadline - time.monotonic())))
    finally:
        if hasattr(callback, "close"):
            callback.close()
