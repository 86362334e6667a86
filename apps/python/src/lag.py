"""
How late the process could answer during the timed part (lag-sampler.ts): something asks to wake every
LAG_INTERVAL_MS, and each time it wakes later than it asked, the delay is how long it could not run.

Python has two analogues of the JavaScript timer on the main thread, and a cell uses the one that fits its model:
- an asyncio task on the cell's event loop (cells_async.py), in the asyncio cells: exactly the JavaScript measure,
  how long the loop was blocked;
- a daemon thread (here), in every other cell, where no event loop runs: the main thread is busy with the work
  or blocked waiting on threads, processes or sockets, and a thread is how a Python program stays responsive
  then. Its lateness is how long a ready thread of this process had to wait to run: under the GIL, for the
  lock (about sys.getswitchinterval() while another thread computes); with no GIL (Jython, free-threaded
  builds), for a core.

Written in the subset of Python that Python 3 (CPython, PyPy) and Jython 2.7 (Python 2) both run.
"""
from __future__ import absolute_import, division

import threading

from runtime_info import now_ms

LAG_INTERVAL_MS = 10


def quantile(values, q):
    """Linear-interpolation quantile (type 7), as stats.ts computes it."""
    if not values:
        raise ValueError("quantile of an empty list")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    below = int(position)
    above = min(below + 1, len(ordered) - 1) if position > below else below
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def summarize(lags):
    return {"maxMs": max(lags), "p99Ms": quantile(lags, 0.99), "samples": len(lags)}


class ThreadLagSampler(object):
    """The daemon-thread sampler; `stop()` returns the eventLoopLag record (one reading at least)."""

    kind = "a daemon thread asking to wake every %d ms" % LAG_INTERVAL_MS

    def __init__(self):
        self._lags = []
        self._stopped = threading.Event()
        self._lock = threading.Lock()
        self._due = None
        self._thread = threading.Thread(target=self._sample, name="lag-sampler")
        self._thread.daemon = True

    def start(self):
        self._due = now_ms() + LAG_INTERVAL_MS
        self._thread.start()
        return self

    def _sample(self):
        while True:
            with self._lock:
                wait_ms = self._due - now_ms()
            if self._stopped.wait(max(0.0, wait_ms) / 1000.0):
                return
            with self._lock:
                if self._stopped.is_set():
                    return
                now = now_ms()
                self._lags.append(max(0.0, now - self._due))
                self._due = now + LAG_INTERVAL_MS

    def stop(self):
        with self._lock:
            self._stopped.set()
            # A thread kept from running up to the end never took its last reading: its delay so far is one too.
            self._lags.append(max(0.0, now_ms() - self._due))
            lags = list(self._lags)
        # Not joined: the thread leaves at once on its own, and nothing after the timed part waits for it.
        return summarize(lags)
