"""
What one Python measurement process does, speaking the protocol of packages/harness/src/cell-process.ts: it
describes the interpreter (`--describe`), or measures one cell once (`--cell <CellRequest json>`) between the
two timing gates, and reports on stdout lines tagged OUTPUT_TAG, which the launcher reads
(launcher/measurement-process.ts) and validates (cellOutputSchema in schema.ts).

The cells are the JavaScript runtimes' cells, by the same ids, run with the constructs of the Python lesson
itself; `implementation` says which. Written in the subset of Python that Python 3 (CPython, PyPy) and
Jython 2.7 (Python 2) both run: Jython runs the CPU cells on threads (it has no GIL), and says n/a to the rest.
"""
from __future__ import absolute_import, division

import importlib
import json
import platform
import sys
import traceback

from lag import ThreadLagSampler, quantile
from runtime_info import IS_JYTHON, cpu_us, measure_clock, now_ms, runtime_description
from workload import assert_task_size, describe_task, expected_value, is_integer, text_types, to_message, warm_up

#: Marks the stdout lines the launcher reads (OUTPUT_TAG in cell-process.ts).
OUTPUT_TAG = "@@runtime-bench "

USAGE = "usage: main.py --describe | --cell <json>"


class NotApplicable(Exception):
    """This interpreter cannot run the cell (NotApplicableError): the launcher shows n/a with the message."""


class UsageError(Exception):
    pass


def emit(message):
    sys.stdout.write(OUTPUT_TAG + json.dumps(message, separators=(",", ":")) + "\n")
    sys.stdout.flush()


class Gates(object):
    """
    The two gates around the timed part, each with this process's CPU time (all its threads), as createGates in
    cell-process.ts: the start gate does not wait (a pause there would change what is timed); the end gate waits,
    off the clock, for the launcher's answer on stdin, so it can read the process tree before it exits.
    """

    def start(self):
        emit({"gate": "timing-start", "cpuUs": cpu_us(), "waits": False})

    def end(self):
        emit({"gate": "timing-end", "cpuUs": cpu_us(), "waits": True})
        if not sys.stdin.readline():
            raise RuntimeError("the launcher went away at the end of the timed part")


class PreparedCell(object):
    """
    A cell ready to time (PreparedCell in scenarios/types.ts): everything that is not the model under test
    (pools, warm-up requests) is set up. `run()` is the timed part and returns one reply per task, in task order;
    `executors()`, for models that start an executor per task, returns their start-up and teardown records once
    every teardown is over; `dispose()` releases what set-up started, after the timed part.
    """

    def __init__(self, tasks, implementation, run, notes=None, executors=None, dispose=None):
        self.tasks = tasks
        self.implementation = implementation
        self.run = run
        self.notes = list(notes or [])
        self.executors = executors or (lambda: [])
        self.dispose = dispose or (lambda: None)


# -- the cells -----------------------------------------------------------------------------------------------

#: Scenario id -> (kind, module, prepare function, the module the model needs). The modules cells_process,
#: cells_io and cells_async are Python 3 only, imported when a cell needs them.
SCENARIOS = {
    "cpu.sequential": ("cpu", "cells_cpu", "prepare_sequential", None),
    "cpu.async-main": ("cpu", "cells_async", "prepare_cpu_async", "asyncio"),
    "cpu.worker-per-task": ("cpu", "cells_cpu", "prepare_thread_per_task", None),
    "cpu.worker-pool": ("cpu", "cells_cpu", "prepare_thread_pool", None),
    "cpu.process-pool": ("cpu", "cells_process", "prepare_process_pool", "multiprocessing"),
    "cpu.process-per-task": ("cpu", "cells_process", "prepare_process_per_task", "multiprocessing"),
    "io.sequential": ("io", "cells_io", "prepare_sequential", "urllib.request"),
    "io.async-fetch": ("io", "cells_async", "prepare_io_async", "asyncio"),
    "io.worker-threads": ("io", "cells_io", "prepare_worker_threads", "urllib.request"),
}

LESSON_ONLY = "the Python reference runs the lesson's experiments only"
NOT_RUN = {
    "io.async-client": LESSON_ONLY + " (one HTTP client per model: no other client to compare with)",
    "primitive": LESSON_ONLY + " (no primitive costs)",
    "files": LESSON_ONLY + " (no file scenarios)",
}
def interpreter_name():
    return "%s %s" % (platform.python_implementation(), platform.python_version())


def has_module(name):
    try:
        importlib.import_module(name)
        return True
    except ImportError:
        return False


def _positive_int(params, name):
    value = params.get(name)
    if not is_integer(value) or value < 1:
        raise ValueError("cell parameter %s must be a whole number >= 1, got %r" % (name, value))
    return value


def _cpu_params(params):
    workload = params.get("workload", "sum-of-squares")
    if workload != "sum-of-squares":
        raise NotApplicable("%s (the sum of squares), not the %s workload" % (LESSON_ONLY, workload))
    assert_task_size(params.get("n"))
    return {"tasks": _positive_int(params, "tasks"), "n": params["n"], "workers": _positive_int(params, "workers")}


def _io_params(params):
    client = params.get("client", "default")
    if client != "default":
        # The words quick-profile.ts expects of a client a runtime does not have.
        raise NotApplicable(
            "no %s client is set up for this runtime (the Python reference has urllib.request for blocking calls "
            "and its own asyncio client)" % client
        )
    checked = dict(params)
    for name in ("requests", "concurrency", "workers", "requestTimeoutMs"):
        checked[name] = _positive_int(params, name)
    latency = params.get("latencyMs")
    if isinstance(latency, bool) or not isinstance(latency, (int, float)) or latency < 0:
        raise ValueError("cell parameter latencyMs must be a number >= 0, got %r" % (latency,))
    if not isinstance(params.get("baseUrl"), text_types()):
        raise ValueError("cell parameter baseUrl must be a string")
    warm = params.get("warmUpRequests")
    if warm is not None and (not is_integer(warm) or warm < 0):
        raise ValueError("cell parameter warmUpRequests must be a whole number >= 0, got %r" % (warm,))
    checked.setdefault("target", "mock-api")
    return checked


def measure_cell(request):
    cell = request["cell"]
    cell_id = cell["cellId"]
    params = cell["params"]
    try:
        kind, module_name, prepare_name, needs = _scenario(cell["scenarioId"], params)
        params = _cpu_params(params) if kind == "cpu" else _io_params(params)
        if needs is not None and not has_module(needs):
            raise NotApplicable("%s has no %s" % (interpreter_name(), needs))
    except NotApplicable as error:
        return {"cellId": cell_id, "notApplicable": to_message(error)}
    notes = []
    if request.get("measureInProcess"):
        notes.append("no in-process repetition: the launcher's in-process measure (mitata) is JavaScript's")
    module = importlib.import_module(module_name)
    prepare = getattr(module, prepare_name)
    if module_name == "cells_async":
        return module.measure(Gates(), cell_id, prepare, params, notes)
    try:
        prepared = prepare(params)
    except NotApplicable as error:
        return {"cellId": cell_id, "notApplicable": to_message(error)}
    return measure_prepared(Gates(), cell_id, prepared, notes)


def _scenario(scenario_id, params):
    """The cell's scenario as (kind, module, prepare, needed module); n/a for what the reference does not run."""
    kind = params.get("kind")
    if kind in ("primitive", "files"):
        raise NotApplicable(NOT_RUN[kind])
    if scenario_id in NOT_RUN:
        raise NotApplicable(NOT_RUN[scenario_id])
    if scenario_id not in SCENARIOS:
        raise NotApplicable("%s (no scenario %s here)" % (LESSON_ONLY, scenario_id))
    scenario = SCENARIOS[scenario_id]
    if scenario[0] != kind:
        raise ValueError("scenario %s takes %s parameters, the cell has %s ones" % (scenario_id, scenario[0], kind))
    return scenario


def measure_prepared(gates, cell_id, prepared, notes):
    """The timed part of a cell with no event loop, as measureCell in cell-process.ts."""
    # The warm-up right before the timed part, with nothing in between that waits.
    warm_up()
    gates.start()
    lag = ThreadLagSampler().start()
    start = now_ms()
    replies = prepared.run()
    wall_ms = now_ms() - start
    event_loop_lag = lag.stop()
    # Off the clock: the executors' teardowns, so their CPU time still falls inside the metered window.
    executors = prepared.executors()
    window_ms = now_ms() - start
    gates.end()
    try:
        return cell_output(cell_id, prepared, replies, wall_ms, window_ms, executors, event_loop_lag, notes + [lag_note(ThreadLagSampler)])
    finally:
        prepared.dispose()


def lag_note(sampler):
    return "event-loop lag: sampled by %s" % sampler.kind


def cell_output(cell_id, prepared, replies, wall_ms, window_ms, executors, event_loop_lag, notes):
    return {
        "cellId": cell_id,
        "wallMs": wall_ms,
        "windowMs": window_ms,
        "errors": verify_replies(prepared.tasks, replies),
        "tasks": len(replies),
        "implementation": prepared.implementation,
        "notes": prepared.notes + notes,
        "inProcess": None,
        "executors": executors,
        "eventLoopLag": event_loop_lag,
        "requestLatency": request_latency_of(prepared.tasks, replies),
    }


def verify_replies(tasks, replies):
    """Every reply checked against its task (verifyReplies): a failed or wrong task is an error, never a timing."""
    errors = []
    for index, task in enumerate(tasks):
        reply = replies[index] if index < len(replies) else None
        if reply is None:
            errors.append("no reply for %s" % describe_task(task))
        elif not reply["ok"]:
            errors.append("%s failed: %s" % (describe_task(task), reply["error"]))
        else:
            expected = expected_value(task)
            if reply["value"] != expected:
                errors.append("verification failed for %s: expected %s, got %s" % (describe_task(task), expected, reply["value"]))
    return errors


def request_latency_of(tasks, replies):
    """Percentiles of the answered requests' latencies for a cell of requests; None for other work."""
    if not tasks or any(task["kind"] != "fetch-posts" for task in tasks):
        return None
    latencies = [reply["ms"] for reply in replies if reply is not None and reply["ok"] and "ms" in reply]
    if not latencies:
        return None
    return {"p50Ms": quantile(latencies, 0.5), "p99Ms": quantile(latencies, 0.99), "requests": len(latencies)}


# -- describe ------------------------------------------------------------------------------------------------


def http_clients():
    """The clients behind the I/O cells, by id: `default` is the asyncio client (io.async-fetch)."""
    if IS_JYTHON:
        none = "none: Jython 2.7 has no asyncio and no urllib.request; its I/O cells are n/a"
        return {"default": {"name": none, "configuration": "default", "settings": {}}}
    return {
        "default": {
            "name": "asyncio streams: a minimal HTTP/1.1 GET client (this app's own, stdlib only)",
            "configuration": "default",
            "settings": {
                "usedBy": "io.async-fetch",
                "keepAlive": True,
                "connections": "one per in-flight slot, opened in the warm-up and kept for the timed part",
                "bodies": "Content-Length or chunked",
                "timeout": "asyncio.wait_for around each request",
            },
        },
        "urllib-request": {
            "name": "urllib.request.urlopen",
            "configuration": "default",
            "settings": {
                "usedBy": "io.sequential, io.worker-threads",
                # urllib.request sends "Connection: close": every request opens a TCP connection of its own.
                "keepAlive": False,
                "timeout": "urlopen(timeout=...), per socket operation",
            },
        },
    }


def describe():
    return {"runtime": runtime_description(), "httpClients": http_clients(), "clock": measure_clock()}


# -- the process ---------------------------------------------------------------------------------------------


def run_cell_process(argv):
    """As runCellProcess: one tagged result line and exit 0, or a tagged error line and exit 1."""
    try:
        if argv[:1] == ["--describe"]:
            emit(describe())
        elif argv[:1] == ["--cell"] and len(argv) == 2:
            try:
                request = json.loads(argv[1])
            except ValueError as error:
                raise UsageError("--cell takes a CellRequest as JSON: %s" % to_message(error))
            if not isinstance(request, dict) or not isinstance(request.get("cell"), dict):
                raise UsageError('--cell takes a CellRequest as JSON, {"cell": {...}, ...}')
            emit(measure_cell(request))
        else:
            raise UsageError("%s; got: %s" % (USAGE, " ".join(argv)))
    except Exception as error:  # noqa: BLE001 (every failure ends in the tagged error line)
        if isinstance(error, UsageError):
            sys.stderr.write(to_message(error) + "\n")
        else:
            traceback.print_exc()
        # The message itself, tagged, so the launcher reports it rather than the tail of a stack trace.
        emit({"error": to_message(error)})
        sys.stdout.flush()
        sys.exit(1)
    sys.stdout.flush()
    sys.exit(0)
