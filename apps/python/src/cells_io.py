"""
The lesson's blocking API calls (Python 3 only), with urllib.request: one after another on the main thread
(io.sequential), and spread over a thread pool (io.worker-threads), where each thread blocks on its request and
the GIL is let go while it waits. As in scenarios/io.ts, a cell first makes warm-up requests through its own
model, at no latency, so the code paths are warm before the timed part.
"""
import json
import urllib.error
import urllib.request

from cell_process import PreparedCell
from cells_cpu import create_thread_pool
from runtime_info import gil_note
from workload import assert_post, settle

#: Warm-up requests where a cell does not set them (DEFAULT_WARM_UP_REQUESTS in io.ts).
DEFAULT_WARM_UP_REQUESTS = 1000

#: What a reader of urllib's timings must know: its connections are not kept between requests.
URLLIB_NOTE = "urllib.request sends Connection: close: every request opens a TCP connection of its own"


def _format_number(value):
    """A number as JavaScript's String() writes it in a URL: 50, not 50.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def io_tasks(params, count=None, cycle=False):
    """One task per request, post ids 1..N (1..100 over and over for a warm-up), as ioTasks in io.ts."""
    count = params["requests"] if count is None else count
    tasks = []
    for index in range(count):
        task = {
            "kind": "fetch-posts",
            "baseUrl": params["baseUrl"],
            "ids": [(index % 100) + 1 if cycle else index + 1],
            "timeoutMs": params["requestTimeoutMs"],
            "client": params["client"],
        }
        # A real API is asked for nothing beyond the post: its own latency is what is measured.
        if params["target"] == "mock-api":
            task["latencyMs"] = params["latencyMs"]
        tasks.append(task)
    return tasks


def post_url(task, post_id):
    query = "" if "latencyMs" not in task else "?latency=" + _format_number(task["latencyMs"])
    return "%s/posts/%d%s" % (task["baseUrl"], post_id, query)


def warm_up_tasks(params):
    """
    The warm-up requests of warmConnections in io.ts: at least as many as requests in flight, at no latency; a
    real API gets no more than the cell itself makes.
    """
    wanted = max(params.get("warmUpRequests", DEFAULT_WARM_UP_REQUESTS), params["concurrency"])
    count = min(wanted, params["requests"]) if params["target"] == "real" else wanted
    return io_tasks(dict(params, latencyMs=0), count, cycle=True)


def throw_if_warm_up_failed(replies, what):
    """As throwIfWarmUpFailed: set-up fails, counting the failures, when any warm-up task failed."""
    failures = [reply["error"] for reply in replies if not reply["ok"]]
    if failures:
        raise RuntimeError("warm-up: %d of %d %s failed: %s" % (len(failures), len(replies), what, "; ".join(failures[:3])))


def fetch_json(url, timeout_ms):
    """GET a URL with urllib.request and parse its JSON body (a new connection each time: urllib closes it)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout_ms / 1000.0) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        raise RuntimeError("HTTP %d from %s" % (error.code, url))
    return json.loads(body.decode("utf-8"))


def fetch_posts(task):
    """The I/O task (fetchPosts in task.ts): each post fetched and checked; returns the id checksum."""
    for post_id in task["ids"]:
        assert_post(fetch_json(post_url(task, post_id), task["timeoutMs"]), post_id)
    return sum(task["ids"])


def settle_fetch(task):
    return settle(lambda: fetch_posts(task))


def prepare_sequential(params):
    run = lambda tasks: [settle_fetch(task) for task in tasks]  # noqa: E731
    throw_if_warm_up_failed(run(warm_up_tasks(params)), "requests")
    tasks = io_tasks(params)
    return PreparedCell(tasks, "urllib.request.urlopen, one request after another", lambda: run(tasks), notes=[URLLIB_NOTE])


def prepare_worker_threads(params):
    """
    A thread pool making blocking calls: ThreadPoolExecutor(workers). A thread blocked on urllib has one request
    in flight, so the cell has min(C, W) in flight: with C < W a semaphore holds the rest back, and with C > W
    (the JavaScript workers then run C / W async requests each) a note says it could not have C.
    """
    workers, concurrency = params["workers"], params["concurrency"]
    pool = create_thread_pool(workers, in_flight=concurrency)
    try:
        throw_if_warm_up_failed(pool.run_all(settle_fetch, warm_up_tasks(params)), "requests")
    except Exception:
        pool.close()
        raise
    in_flight = min(workers, concurrency)
    notes = [gil_note() + "; it is let go while a thread waits on its socket", URLLIB_NOTE]
    if concurrency > workers:
        notes.append("%d in flight, not %d: a thread blocked on urllib.request has one request at a time" % (workers, concurrency))
    tasks = io_tasks(params)
    return PreparedCell(
        tasks,
        "%s, urllib.request.urlopen in each, %d in flight" % (pool.label, in_flight),
        lambda: pool.run_all(settle_fetch, tasks),
        notes=notes,
        dispose=pool.close,
    )
