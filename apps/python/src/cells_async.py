"""
The asyncio cells (Python 3 only): the CPU tasks as coroutines gathered on one event loop, yielding between
chunks (cpu.async-main: concurrency without parallelism, like the lesson's threads under the GIL), and the API
calls as coroutines, C in flight, through the minimal HTTP/1.1 client (io.async-fetch: the lesson's asyncio).
The whole cell runs inside one event loop; its lag is sampled by a task on that loop, as the JavaScript timer.
"""
import asyncio
import json

from cell_process import PreparedCell, cell_output, lag_note
from cells_cpu import cpu_tasks
from cells_io import io_tasks, post_url, throw_if_warm_up_failed, warm_up_tasks
from http_client import Client, HttpError
from lag import LAG_INTERVAL_MS, summarize
from runtime_info import now_ms
from workload import CHUNK_ITERATIONS, assert_post, chunk_end, chunk_starts, sum_of_squares_range, to_message, warm_up


class AsyncLagSampler:
    """lag-sampler.ts on an asyncio loop: a task asks to wake every 10 ms and records how late it woke."""

    kind = "an asyncio task on the cell's event loop asking to wake every %d ms" % LAG_INTERVAL_MS

    def __init__(self):
        self._lags = []
        self._due = None
        self._task = None

    def start(self):
        self._due = now_ms() + LAG_INTERVAL_MS
        self._task = asyncio.ensure_future(self._sample())
        return self

    async def _sample(self):
        while True:
            await asyncio.sleep(max(0.0, self._due - now_ms()) / 1000)
            now = now_ms()
            self._lags.append(max(0.0, now - self._due))
            self._due = now + LAG_INTERVAL_MS

    def stop(self):
        self._task.cancel()
        # A loop blocked up to the end never ran the last wake-up: its delay so far is a reading too.
        self._lags.append(max(0.0, now_ms() - self._due))
        return summarize(self._lags)


async def settle_async(work):
    """settle() for a coroutine: the reply, with how long it took from its start; never raises."""
    start = now_ms()
    try:
        value = await work
        return {"ok": True, "value": value, "ms": now_ms() - start}
    except Exception as error:  # noqa: BLE001 (every failure of a task is a reply)
        return {"ok": False, "error": "%s: %s" % (type(error).__name__, to_message(error))}


async def run_concurrently(tasks, limit, work):
    """All tasks as coroutines on this loop, at most `limit` in flight (runConcurrentlyOnMainThread): lanes."""
    replies = [None] * len(tasks)
    next_index = 0

    async def lane(number):
        nonlocal next_index
        while next_index < len(tasks):
            index = next_index
            next_index += 1
            replies[index] = await settle_async(work(tasks[index], number))

    await asyncio.gather(*(lane(number) for number in range(min(limit, len(tasks)))))
    return replies


async def sum_of_squares_interleaved(n):
    """The task as a coroutine that hands the loop back after every chunk (sumOfSquaresInterleaved)."""
    total = 0
    for start in chunk_starts(n):
        total = (total + sum_of_squares_range(start, chunk_end(start, n))) % 2**32
        await asyncio.sleep(0)  # one turn of the loop: the other tasks' next chunks (and the lag sampler) run
    return total


async def prepare_cpu_async(params):
    tasks = cpu_tasks(params)

    async def run():
        return await run_concurrently(tasks, len(tasks), lambda task, _lane: sum_of_squares_interleaved(task["n"]))

    return PreparedCell(tasks, "asyncio.gather on one event loop, yielding every %d iterations" % CHUNK_ITERATIONS, run)


async def prepare_io_async(params):
    client = Client()

    async def fetch_posts(task, lane):
        for post_id in task["ids"]:
            status, body = await client.get(post_url(task, post_id), task["timeoutMs"] / 1000, lane)
            if status != 200:
                raise HttpError("HTTP %d from %s" % (status, post_url(task, post_id)))
            assert_post(json.loads(body), post_id)
        return sum(task["ids"])

    concurrency = params["concurrency"]
    try:
        throw_if_warm_up_failed(await run_concurrently(warm_up_tasks(params), concurrency, fetch_posts), "requests")
    except Exception:
        await client.close()
        raise
    tasks = io_tasks(params)

    async def run():
        return await run_concurrently(tasks, concurrency, fetch_posts)

    in_flight = min(concurrency, len(tasks))
    return PreparedCell(
        tasks,
        "asyncio, a minimal HTTP/1.1 client on asyncio streams, %d in flight (a keep-alive connection each)" % in_flight,
        run,
        dispose=client.close,
    )


def measure(gates, cell_id, prepare, params, notes):
    return asyncio.run(_measure(gates, cell_id, prepare, params, notes))


async def _measure(gates, cell_id, prepare, params, notes):
    """measure_prepared (cell_process.py) inside one event loop."""
    prepared = await prepare(params)
    try:
        warm_up()
        gates.start()
        lag = AsyncLagSampler().start()
        start = now_ms()
        replies = await prepared.run()
        wall_ms = now_ms() - start
        event_loop_lag = lag.stop()
        window_ms = now_ms() - start
        gates.end()  # blocks the loop, off the clock: nothing else runs on it now
        return cell_output(cell_id, prepared, replies, wall_ms, window_ms, [], event_loop_lag, notes + [lag_note(AsyncLagSampler)])
    finally:
        disposed = prepared.dispose()
        if asyncio.iscoroutine(disposed):
            await disposed
