"""
What a child process of the process cells runs (cells_process.py), kept apart so that a spawned child imports
only this and the workload, not the parent's harness: its start-up is the interpreter's and the task's code.
"""
import os

from workload import settle_cpu_task, warm_up


def pool_worker_ready(ready):
    """Each pool process, once: warm up, then say so (its pid), so set-up knows all of them are started and warm."""
    warm_up()
    ready.put(os.getpid())


def run_one_task(connection):
    """A fresh process for one task: warm up, say ready, run the task it is sent, answer, leave when told to."""
    warm_up()
    connection.send(("ready", None))
    task = connection.recv()
    connection.send(("reply", settle_cpu_task(task)))
    try:
        connection.recv()  # "stop", or the parent's end of the pipe closing
    except EOFError:
        pass
    connection.close()
