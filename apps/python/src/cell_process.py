"""
What one Python measurement process does, speaking the protocol of packages/in-runtime/src/cell-process.ts: it
describes the interpreter (`--describe`), or measures one cell once (`--cell <CellRequest json>`) between the
two timing gates, and reports on stdout lines tagged OUTPUT_TAG, one message each with its "type", which the
launcher reads (launcher/measurement-process.ts) and validates against the schemas of measurement-protocol.ts
(apps/python/test checks this app's lines against them too). The launcher has validated the request before
starting this process, so the fields are read here as they are, without checking them again.

The cells are the JavaScript runtimes' cells, by the same ids, run with the constructs of the Python lesson
itself; `implementation` says which. Written in the subset of Python that Python 3 (CPython, PyPy) and
Jython 2.7 (Python 2) both run: Jython runs the CPU cells on threads (it has no GIL), and says n/a to the rest.
"""
from __future__ import absolute_import, division

import importlib
import json
import os
import platform
import sys
import traceback

from lag import ThreadLagSampler, quantile
from runtime_info import IS_JYTHON, cpu_us, measure_clock, now_ms, runtime_description
from workload import describe_task, expected_value, to_message, warm_up

#: Marks the stdout lines the launcher reads (OUTPUT_TAG in cell-process.ts).
OUTPUT_TAG = "@@runtime-bench "

USAGE = "usage: main.py --describe | --cell <json>"


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
        emit({"type": "gate", "gate": "timing-start", "cpuUs": cpu_us(), "waits": False})

    def end(self):
        emit({"type": "gate", "gate": "timing-end", "cpuUs": cpu_us(), "waits": True})
        answer = sys.stdin.readline()
        if not answer:
            raise RuntimeError("the launcher went away at the end of the timed part")
        if json.loads(answer).get("type") != "gate-passed":
            raise RuntimeError("the launcher answered the end gate with %s" % answer.strip())


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

def _read_scenarios():
    """
    Scenario id -> {kind, module, prepare, needs (the module the model needs)}, from scenarios.json. The launcher
    reads the same file (launch.ts) to decide which cells this app is asked to run; this app only looks up where a
    cell's model is. The modules cells_process, cells_io and cells_async are Python 3 only, imported when a cell
    needs them.
    """
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "scenarios.json")) as source:
        return json.load(source)


SCENARIOS = _read_scenarios()


def interpreter_name():
    return "%s %s" % (platform.python_implementation(), platform.python_version())


def has_module(name):
    try:
        importlib.import_module(name)
        return True
    except ImportError:
        return False


def measure_cell(request):
    cell = request["cell"]
    cell_id = cell["cellId"]
    params = cell["params"]
    scenario = _scenario(cell["scenarioId"], params)
    needs = scenario["needs"]
    # What the launcher cannot know beforehand: whether this interpreter has the model's module (Jython: no asyncio).
    if needs is not None and not has_module(needs):
        return not_applicable(cell_id, "%s has no %s" % (interpreter_name(), needs))
    notes = []
    if request["measureInProcess"]:
        notes.append("no in-process repetition: the launcher's in-process measure (mitata) is JavaScript's")
    module = importlib.import_module(scenario["module"])
    prepare = getattr(module, scenario["prepare"])
    if scenario["module"] == "cells_async":
        return module.measure(Gates(), cell_id, prepare, params, notes)
    return measure_prepared(Gates(), cell_id, prepare(params), notes)


def not_applicable(cell_id, reason):
    """This interpreter cannot run the cell (NotApplicableError): the launcher shows n/a with the reason."""
    return {"type": "not-applicable", "cellId": cell_id, "reason": reason}


def _scenario(scenario_id, params):
    """
    The cell's scenario. Which cells this app runs is decided in one place, the launcher (launch.ts), from the same
    scenarios.json: a cell it passes that is not there, or of another kind, is a fault, not an n/a.
    """
    if scenario_id not in SCENARIOS:
        raise ValueError("no scenario %s in scenarios.json: launch.ts should have said n/a to this cell" % scenario_id)
    scenario = SCENARIOS[scenario_id]
    if scenario["kind"] != params["kind"]:
        raise ValueError("scenario %s takes %s parameters, the cell has %s ones" % (scenario_id, scenario["kind"], params["kind"]))
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
    """The "measured" message."""
    output = {
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
    return {"type": "measured", "output": output}


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
    description = {"runtime": runtime_description(), "httpClients": http_clients(), "clock": measure_clock()}
    return {"type": "described", "description": description}


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
            emit(measure_cell(request))
        else:
            raise UsageError("%s; got: %s" % (USAGE, " ".join(argv)))
    except Exception as error:  # noqa: BLE001 (every failure ends in the tagged error line)
        if isinstance(error, UsageError):
            sys.stderr.write(to_message(error) + "\n")
        else:
            traceback.print_exc()
        # The message itself, tagged, so the launcher reports it rather than the tail of a stack trace.
        emit({"type": "error", "message": to_message(error)})
        sys.stdout.flush()
        sys.exit(1)
    sys.stdout.flush()
    sys.exit(0)
