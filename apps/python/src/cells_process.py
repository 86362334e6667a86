"""
The lesson's multiprocessing (Python 3 only): a multiprocessing.Pool of `workers` processes, started and warmed
before the timed part (cpu.process-pool), and a fresh multiprocessing.Process per task, its start-up timed
(cpu.process-per-task). Processes have a GIL each, so they compute in parallel: the lesson's ~1.9x on 2 cores.

The start method is "spawn", chosen deliberately and the same on every platform:
- it is what the JavaScript runtimes' child processes are: a fresh interpreter that loads the code and warms up
  (child_process.fork in Node starts a new node, not a POSIX fork), so its start-up is compared like for like,
  and PyPy's children JIT-compile their own loop, as each JavaScript child does;
- "fork" (the Linux default up to 3.13) copies a process that, during the timed part, has threads (the lag
  sampler; the pool's handler threads), which is unsafe and warned about from 3.12 on; "forkserver" (the Linux
  default from 3.14) would make a task's start-up a fork of a server started before the timed part, not a start;
- "spawn" is the default on macOS and Windows: the one method every platform has.
"""
import multiprocessing
import multiprocessing.connection

from cell_process import PreparedCell
from cells_cpu import READY_TIMEOUT_S, cpu_tasks
from executor import pool_worker_ready, run_one_task
from runtime_info import now_ms
from workload import settle_cpu_task

START_METHOD = "spawn"


def _context():
    return multiprocessing.get_context(START_METHOD)


def _start_resource_tracker():
    """
    A spawned child is handed the resource tracker's pipe (the process that cleans up named semaphores), which is
    started on first use: set-up starts it, so that a task's start-up is not charged for starting it.
    """
    try:
        from multiprocessing import resource_tracker
    except ImportError:  # pragma: no cover (3.8+ and PyPy 3.9 have it)
        return
    resource_tracker.ensure_running()


# -- a warmed pool -----------------------------------------------------------------------------------------------


def prepare_process_pool(params):
    tasks = cpu_tasks(params)
    workers = params["workers"]
    context = _context()
    ready = context.Queue()
    pool = context.Pool(processes=workers, initializer=pool_worker_ready, initargs=(ready,))
    try:
        pids = set(ready.get(True, READY_TIMEOUT_S) for _ in range(workers))
    except Exception:
        pool.terminate()
        raise
    if len(pids) != workers:
        raise RuntimeError("process pool: %d of %d processes said they were ready" % (len(pids), workers))
    ready.close()

    def run():
        # Every task handed to the pool at once (runOnPool), one task per message (apply_async: chunks of 1).
        pending = [pool.apply_async(settle_cpu_task, (task,)) for task in tasks]
        return [result.get() for result in pending]

    def dispose():
        pool.close()
        pool.join()

    return PreparedCell(
        tasks,
        "multiprocessing.Pool(%d), start method %s, warmed; one task per apply_async" % (workers, START_METHOD),
        run,
        notes=["each process has its own interpreter and GIL; tasks and replies are pickled over pipes"],
        dispose=dispose,
    )


# -- a fresh process per task ------------------------------------------------------------------------------------


def prepare_process_per_task(params):
    tasks = cpu_tasks(params)
    _start_resource_tracker()
    run = ProcessPerTask(tasks, _context())
    return PreparedCell(
        tasks,
        "a fresh multiprocessing.Process per task, start method %s" % START_METHOD,
        run.run,
        notes=["each process has its own interpreter and GIL; the task and its reply are pickled over a pipe"],
        executors=run.executors,
    )


class ProcessPerTask(object):
    """
    Every task on a process of its own, all started at once (runEachOnFreshExecutor). The main thread waits on
    every pipe and every process's sentinel at once: readyMs runs from asking for the process to its ready message,
    and teardownMs from telling it to stop (once its reply is in) to the sentinel saying it is gone, which the
    second phase, after the timed part, waits for.
    """

    def __init__(self, tasks, context):
        self._tasks = tasks
        self._context = context
        self._records = [None] * len(tasks)
        self._replies = [None] * len(tasks)
        self._asked_at = [None] * len(tasks)
        self._ready_ms = [None] * len(tasks)
        self._stopping_at = {}
        self._processes = []
        self._waiting = {}  # connection or sentinel -> (what, index)

    def run(self):
        for index in range(len(self._tasks)):
            self._asked_at[index] = now_ms()
            parent_end, child_end = self._context.Pipe()
            process = self._context.Process(target=run_one_task, args=(child_end,), name="task-%d" % index)
            process.daemon = True
            process.start()
            child_end.close()
            self._processes.append(process)
            self._waiting[parent_end] = ("connection", index)
        self._dispatch(lambda: any(reply is None for reply in self._replies))
        return self._replies

    def executors(self):
        self._dispatch(lambda: bool(self._waiting))
        return [record for record in self._records if record is not None]

    def _dispatch(self, until):
        while until():
            for ready in multiprocessing.connection.wait(list(self._waiting)):
                what, index = self._waiting[ready]
                if what == "connection":
                    self._on_message(ready, index)
                else:
                    del self._waiting[ready]
                    self._processes[index].join()
                    teardown_ms = now_ms() - self._stopping_at[index]
                    self._records[index] = {"kind": "process", "readyMs": self._ready_ms[index], "teardownMs": teardown_ms}

    def _on_message(self, connection, index):
        try:
            kind, payload = connection.recv()
        except (EOFError, OSError):
            del self._waiting[connection]
            process = self._processes[index]
            process.join()
            if self._replies[index] is None:
                self._replies[index] = {"ok": False, "error": "child process exited (%s)" % process.exitcode}
            return
        if kind == "ready":
            self._ready_ms[index] = now_ms() - self._asked_at[index]
            connection.send(self._tasks[index])
        else:
            self._replies[index] = payload
            self._stopping_at[index] = now_ms()
            connection.send("stop")
            del self._waiting[connection]
            connection.close()
            self._waiting[self._processes[index].sentinel] = ("sentinel", index)
