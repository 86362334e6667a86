"""
The lesson's CPU-bound experiments on the main thread and on threads (scenarios/cpu.ts): the tasks one after
another; a thread pool started and warmed before the timed part; a fresh thread per task, its start-up timed.
Under CPython's (and PyPy's) GIL the threads take turns, so they gain nothing: the lesson's point. Jython has no
GIL, so there they run in parallel.

Written in the subset of Python that Python 3 (CPython, PyPy) and Jython 2.7 (Python 2) both run.
"""
from __future__ import absolute_import, division

import threading

from cell_process import PreparedCell
from runtime_info import gil_note, now_ms
from workload import settle_cpu_task, warm_up

try:
    import queue
except ImportError:  # Python 2 (Jython)
    import Queue as queue  # pylint: disable=import-error

try:
    from concurrent.futures import ThreadPoolExecutor
except ImportError:  # Jython 2.7 has no concurrent.futures
    ThreadPoolExecutor = None

#: How long set-up waits for its threads to be started and warmed before it gives up.
READY_TIMEOUT_S = 60


def cpu_tasks(params):
    return [{"kind": "sum-of-squares", "n": params["n"]} for _ in range(params["tasks"])]


def prepare_sequential(params):
    tasks = cpu_tasks(params)
    return PreparedCell(tasks, "a for loop on the main thread", lambda: [settle_cpu_task(task) for task in tasks])


# -- a warmed thread pool --------------------------------------------------------------------------------------


def prepare_thread_pool(params):
    """The lesson's threads: a pool of `workers` threads, every one started and warmed before the timed part."""
    tasks = cpu_tasks(params)
    pool = create_thread_pool(params["workers"])
    return PreparedCell(
        tasks,
        "%s, one task each" % pool.label,
        lambda: pool.run_all(settle_cpu_task, tasks),
        notes=[gil_note()] + pool.notes,
        dispose=pool.close,
    )


def create_thread_pool(workers, in_flight=None):
    """A started and warmed pool of `workers` threads; `in_flight` caps the tasks handed to it at once."""
    if ThreadPoolExecutor is not None:
        return ExecutorThreadPool(workers, in_flight)
    return MinimalThreadPool(workers)


def _warm_thread(barrier):
    warm_up()
    # Every warm-up task waits for the others, so each one is on a thread of its own: all `workers` threads exist.
    barrier.wait(READY_TIMEOUT_S)


class ExecutorThreadPool(object):
    """concurrent.futures.ThreadPoolExecutor, which starts its threads lazily: set-up starts and warms them all."""

    def __init__(self, workers, in_flight=None):
        self.label = "concurrent.futures.ThreadPoolExecutor(%d)" % workers
        self.notes = []
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="runtime-bench")
        barrier = threading.Barrier(workers)
        for future in [self._executor.submit(_warm_thread, barrier) for _ in range(workers)]:
            future.result(READY_TIMEOUT_S)
        # With fewer in flight than threads, a semaphore holds the rest back (runConcurrentlyOnMainThread's limit).
        self._limit = in_flight if in_flight is not None and in_flight < workers else None

    def run_all(self, work, items):
        """Every item handed to the pool at once (runOnPool), replies in item order."""
        limiter = threading.BoundedSemaphore(self._limit) if self._limit else None
        futures = []
        for item in items:
            if limiter is not None:
                limiter.acquire()
            future = self._executor.submit(work, item)
            if limiter is not None:
                future.add_done_callback(lambda _done: limiter.release())
            futures.append(future)
        return [future.result() for future in futures]

    def close(self):
        self._executor.shutdown(wait=True)


class MinimalThreadPool(object):
    """Where there is no concurrent.futures (Jython 2.7): `workers` threads taking work from one queue."""

    def __init__(self, workers):
        self.label = "a pool of %d threading.Thread (Jython 2.7 has no concurrent.futures)" % workers
        self.notes = []
        self._work = queue.Queue()
        ready = queue.Queue()
        self._threads = []
        for index in range(workers):
            thread = threading.Thread(target=self._serve, args=(ready,), name="runtime-bench-%d" % index)
            thread.daemon = True
            thread.start()
            self._threads.append(thread)
        for _ in range(workers):
            ready.get(True, READY_TIMEOUT_S)

    def _serve(self, ready):
        warm_up()
        ready.put(True)
        while True:
            job = self._work.get()
            if job is None:
                return
            work, item, index, replies = job
            replies.put((index, work(item)))

    def run_all(self, work, items):
        replies = queue.Queue()
        for index, item in enumerate(items):
            self._work.put((work, item, index, replies))
        ordered = [None] * len(items)
        for _ in range(len(items)):
            index, reply = replies.get()
            ordered[index] = reply
        return ordered

    def close(self):
        for _ in self._threads:
            self._work.put(None)
        for thread in self._threads:
            thread.join()


# -- a fresh thread per task -----------------------------------------------------------------------------------


def prepare_thread_per_task(params):
    tasks = cpu_tasks(params)
    run = ThreadPerTask(tasks)
    return PreparedCell(tasks, "a fresh threading.Thread per task", run.run, notes=[gil_note()], executors=run.executors)


class ThreadPerTask(object):
    """
    One threading.Thread per task, all started at once (runEachOnFreshExecutor): each warms up, signals that it is
    ready (readyMs: from asking for it to that signal, as the thread itself reads the clock), runs its task and
    returns. Its teardown, timed off the clock by a reaper thread that joins it, runs from the moment the main
    thread has its reply (there is nothing to ask a thread to stop: it leaves after its task) until it is gone.
    """

    def __init__(self, tasks):
        self._tasks = tasks
        self._records = [None] * len(tasks)
        self._ready_ms = [None] * len(tasks)
        self._to_reap = queue.Queue()
        self._reaper = None

    def _executor(self, index, asked_at, out):
        warm_up()
        self._ready_ms[index] = now_ms() - asked_at
        out.put((index, settle_cpu_task(self._tasks[index])))

    def _reap(self):
        while True:
            job = self._to_reap.get()
            if job is None:
                return
            index, thread, stopping_at = job
            thread.join()
            self._records[index] = {"kind": "worker", "readyMs": self._ready_ms[index], "teardownMs": now_ms() - stopping_at}

    def run(self):
        self._reaper = threading.Thread(target=self._reap, name="reaper")
        self._reaper.daemon = True
        self._reaper.start()
        out = queue.Queue()
        threads = []
        for index in range(len(self._tasks)):
            thread = threading.Thread(target=self._executor, args=(index, now_ms(), out), name="task-%d" % index)
            thread.daemon = True
            thread.start()
            threads.append(thread)
        replies = [None] * len(self._tasks)
        for _ in range(len(self._tasks)):
            index, reply = out.get()
            replies[index] = reply
            self._to_reap.put((index, threads[index], now_ms()))
        return replies

    def executors(self):
        self._to_reap.put(None)
        self._reaper.join()
        return self._records
