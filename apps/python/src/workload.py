"""
The lesson's work and how every result is checked, as packages/workloads defines them for the JavaScript
runtimes, so a Python cell verifies against the very same numbers.

Written in the subset of Python that Python 3 (CPython, PyPy) and Jython 2.7 (Python 2) both run.
"""
from __future__ import absolute_import, division

import sys

from runtime_info import now_ms

if sys.version_info[0] < 3:  # Jython 2.7: range() would build a list of n items
    _range = xrange  # noqa: F821 (Python 2 only)  # pylint: disable=undefined-variable
else:
    _range = range

TWO_POW_32 = 2 ** 32

#: As CHUNK_ITERATIONS in sum-of-squares.ts: every task runs in chunks of this many iterations, so the
#: sequential, threaded, process and interleaved (asyncio) runs call the same function the same number of
#: times; only the asyncio run yields in between.
CHUNK_ITERATIONS = 2 ** 20

#: As MAX_TASK_SIZE in sum-of-squares.ts.
MAX_TASK_SIZE = 2 ** 30

#: The warm-up every executor runs before it takes work (the main thread, each thread, each process), as
#: warmUp() in warm-up.ts does for the JavaScript runtimes, but smaller: CPython 3.11 has no JIT to warm (its
#: specialising interpreter quickens a loop within a few iterations) and PyPy's JIT traces a loop after ~1600
#: iterations. Here the first task of n = 10^7 after this warm-up ran as fast as the next ones on both, while
#: the JavaScript warm-up (2 x 2^22) costs ~0.4 s per executor on CPython: charged to every fresh thread or
#: process as start-up, that would be a cost of the harness, not of the model.
WARM_UP_ROUNDS = 2
WARM_UP_N = 2 ** 16


def sum_of_squares_range(start, end):
    """The lesson's loop itself, on Python's exact integers: sum(i * i for i in range(number))."""
    return sum(i * i for i in _range(start, end))


def chunk_starts(n):
    return _range(0, n, CHUNK_ITERATIONS)


def chunk_end(start, n):
    return min(start + CHUNK_ITERATIONS, n)


def sum_of_squares(n):
    """
    The lesson's task: sum of i*i for i < n. The JavaScript workload returns it modulo 2^32 (its numbers lose
    precision past 2^53), so this does too: it sums exactly and keeps the remainder after every chunk, which is the
    same number as the exact sum modulo 2^32.
    """
    assert_task_size(n)
    total = 0
    for start in chunk_starts(n):
        total = (total + sum_of_squares_range(start, chunk_end(start, n))) % TWO_POW_32
    return total


def expected_sum_of_squares(n):
    """The closed form (n-1)n(2n-1)/6, exact on Python's integers, modulo 2^32 (expectedSumOfSquares)."""
    assert_task_size(n)
    return ((n - 1) * n * (2 * n - 1) // 6) % TWO_POW_32


def is_integer(value):
    """A JSON integer: int (or Python 2's long), not bool (Number.isInteger(true) is false)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return sys.version_info[0] < 3 and isinstance(value, long)  # noqa: F821 (Python 2 only)  # pylint: disable=undefined-variable


def assert_task_size(n):
    if not is_integer(n) or n < 0 or n > MAX_TASK_SIZE:
        raise ValueError("task size must be a whole number from 0 to 2^30, got %r" % (n,))


def warm_up():
    for _ in _range(WARM_UP_ROUNDS):
        sum_of_squares(WARM_UP_N)


def assert_post(value, expected_id):
    """Checks that value is the post with id expected_id, with the messages of assertPost in posts.ts."""
    if not isinstance(value, dict):
        raise TypeError("post %d: expected a JSON object, got %s" % (expected_id, "null" if value is None else type(value).__name__))
    for field in ("userId", "id"):
        if not is_integer(value.get(field)):
            raise TypeError('post %d: field "%s" is not an integer' % (expected_id, field))
    for field in ("title", "body"):
        if not isinstance(value.get(field), text_types()):
            raise TypeError('post %d: field "%s" is not a string' % (expected_id, field))
    if value["id"] != expected_id:
        raise TypeError("post %d: the server answered post %s" % (expected_id, value["id"]))


def text_types():
    if sys.version_info[0] < 3:
        return (str, unicode)  # noqa: F821 (Python 2 only)  # pylint: disable=undefined-variable
    return (str,)


def describe_task(task):
    """As describeTask in task.ts."""
    if task["kind"] == "fetch-posts":
        return "fetch-posts(%d posts)" % len(task["ids"])
    return "%s(n=%s)" % (task["kind"], task["n"])


def expected_value(task):
    if task["kind"] == "sum-of-squares":
        return expected_sum_of_squares(task["n"])
    if task["kind"] == "fetch-posts":
        return sum(task["ids"])  # postIdChecksum
    raise ValueError("no expected value for %s" % describe_task(task))


def run_cpu_task(task):
    if task["kind"] != "sum-of-squares":
        raise ValueError("the Python reference runs sum-of-squares only, not %s" % task["kind"])
    return sum_of_squares(task["n"])


def to_message(error):
    """The message of an exception (toMessage): its text, or its class name when it has none."""
    text = str(error)
    return text if text else type(error).__name__


def settle(work):
    """
    Runs work() and turns the outcome into a reply (TaskReply in protocol.ts): its value and how long it took
    where it ran, or the error. Never raises.
    """
    start = now_ms()
    try:
        value = work()
        return {"ok": True, "value": value, "ms": now_ms() - start}
    except Exception as error:  # noqa: BLE001 (every failure of a task is a reply, not a crash)
        return {"ok": False, "error": "%s: %s" % (type(error).__name__, to_message(error))}


def settle_cpu_task(task):
    """A CPU task as a reply: what a thread, a pool's process or a fresh process runs."""
    return settle(lambda: run_cpu_task(task))
