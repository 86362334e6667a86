"""
What the interpreter is and the clocks everything is timed with: the runtime description of `--describe`,
the one clock every duration is read from, and this process's CPU time for the timing gates.

Written in the subset of Python that Python 3 (CPython, PyPy) and Jython 2.7 (Python 2) both run.
"""
from __future__ import absolute_import, division

import os
import platform
import sys
import time

IMPLEMENTATION = platform.python_implementation()  # "CPython", "PyPy", "Jython", ...
IS_JYTHON = IMPLEMENTATION == "Jython"
PY3 = sys.version_info[0] >= 3

#: The runtime names the result schema knows, by implementation.
RUNTIME_NAMES = {"CPython": "cpython", "PyPy": "pypy", "Jython": "jython"}

# The one clock every duration is read from, in milliseconds: time.perf_counter (CLOCK_MONOTONIC on Linux),
# or on Jython 2.7, which has no perf_counter, the JVM's System.nanoTime.
if hasattr(time, "perf_counter"):
    clock = time.perf_counter
    CLOCK_NAME = "time.perf_counter"
    CLOCK_UNIT_MS = 1000.0
elif IS_JYTHON:
    from java.lang import System  # pylint: disable=import-error

    clock = System.nanoTime
    CLOCK_NAME = "java.lang.System.nanoTime"
    CLOCK_UNIT_MS = 1e-6
else:  # pragma: no cover (no such interpreter is run here)
    clock = time.time
    CLOCK_NAME = "time.time"
    CLOCK_UNIT_MS = 1000.0


def now_ms():
    return clock() * CLOCK_UNIT_MS


try:
    import resource

    def cpu_us():
        """This process's CPU time (every thread of it) in microseconds, as process.cpuUsage() gives it."""
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return {"user": int(usage.ru_utime * 1e6 + 0.5), "system": int(usage.ru_stime * 1e6 + 0.5)}

    CPU_TIME_SOURCE = "resource.getrusage(RUSAGE_SELF)"
except ImportError:  # Jython 2.7 has no resource module (and its os.times() did not match /proc here)

    def cpu_us():
        """From /proc/self/stat: utime and stime in clock ticks, which Linux counts at USER_HZ = 100 a second."""
        with open("/proc/self/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        # After the command name: field 3 (state) is fields[0], so utime (14) and stime (15) are fields[11:13].
        return {"user": int(fields[11]) * 10000, "system": int(fields[12]) * 10000}

    CPU_TIME_SOURCE = "/proc/self/stat (10 ms ticks)"


def cpu_count():
    if hasattr(os, "cpu_count"):
        return os.cpu_count() or 1
    if IS_JYTHON:
        from java.lang import Runtime  # pylint: disable=import-error

        return Runtime.getRuntime().availableProcessors()
    import multiprocessing  # pragma: no cover

    return multiprocessing.cpu_count()


def gil_note():
    """Whether the threads of this interpreter run Python code one at a time, for the notes of a cell."""
    if IS_JYTHON:
        return "no GIL: Jython's threads are JVM threads and run Python code in parallel"
    is_enabled = getattr(sys, "_is_gil_enabled", None)  # 3.13+, where a free-threaded build may run without it
    if is_enabled is not None and not is_enabled():
        return "GIL disabled (a free-threaded build): threads run Python code in parallel"
    return "GIL: one thread runs Python code at a time; a waiting thread asks for it every %g ms (sys.getswitchinterval())" % (
        sys.getswitchinterval() * 1000
    )


def _engine():
    if IMPLEMENTATION == "PyPy":
        info = sys.pypy_version_info  # pylint: disable=no-member
        version = "%d.%d.%d" % (info.major, info.minor, info.micro)
        if info.releaselevel != "final":
            version += "-%s%d" % (info.releaselevel, info.serial)
        return "PyPy", version
    if IS_JYTHON:
        java_version, _vendor, (vm_name, vm_version, _vm_vendor), _os = platform.java_ver()
        return "Jython", "%s on %s %s" % (platform.python_version(), vm_name, vm_version or java_version)
    return IMPLEMENTATION, "%s (%s)" % (platform.python_version(), platform.python_compiler())


def _exec_argv():
    """The interpreter's own options, as process.execArgv lists Node's (the JVM's options on Jython)."""
    if IS_JYTHON:
        from java.lang.management import ManagementFactory  # pylint: disable=import-error

        return [str(argument) for argument in ManagementFactory.getRuntimeMXBean().getInputArguments()]
    # The command line as the interpreter got it: sys.orig_argv (3.10+), or on Linux /proc/self/cmdline (PyPy 3.9).
    original = getattr(sys, "orig_argv", None)
    if not original:
        try:
            with open("/proc/self/cmdline", "rb") as cmdline:
                original = [part.decode("utf-8", "replace") for part in cmdline.read().split(b"\0")[:-1]]
        except (IOError, OSError):
            original = None
    if original and sys.argv and sys.argv[0] in original[1:]:
        return list(original[1 : original.index(sys.argv[0], 1)])
    import subprocess

    # Elsewhere: the options that differ from the defaults, rebuilt from sys.flags (a variable such as
    # PYTHONDONTWRITEBYTECODE shows up there as its option, -B).
    return list(subprocess._args_from_interpreter_flags())  # pylint: disable=protected-access


#: Variables that change how the interpreter runs (PYTHONHASHSEED, PYTHONMALLOC, PYTHON_GIL, PYPY_GC_*, ...).
RELEVANT_ENV_PREFIXES = ("PYTHON", "PYPY", "JYTHON")
RELEVANT_ENV_NAMES = ("JAVA_OPTS", "JAVA_TOOL_OPTIONS")


def runtime_description():
    engine, engine_version = _engine()
    return {
        "runtime": RUNTIME_NAMES.get(IMPLEMENTATION, IMPLEMENTATION.lower()),
        "version": platform.python_version(),
        "engine": engine,
        "engineVersion": engine_version,
        "reportedParallelism": cpu_count(),
        "execArgv": _exec_argv(),
        "relevantEnv": dict(
            (name, value)
            for name, value in sorted(os.environ.items())
            if name.startswith(RELEVANT_ENV_PREFIXES) or name in RELEVANT_ENV_NAMES
        ),
    }


def measure_clock():
    """Resolution and call cost of the clock every duration is read from, as measureClock in cell-process.ts."""
    calls = 100000
    smallest_step = None
    start = clock()
    previous = start
    for _ in range(calls):
        now = clock()
        if now > previous and (smallest_step is None or now - previous < smallest_step):
            smallest_step = now - previous
        previous = now
    elapsed_ms = (previous - start) * CLOCK_UNIT_MS
    # A clock that never moved in 100000 calls (it does not happen here) is at least as coarse as the whole loop.
    resolution_ms = smallest_step * CLOCK_UNIT_MS if smallest_step is not None else elapsed_ms
    return {"resolutionMs": resolution_ms, "callOverheadNs": elapsed_ms / calls * 1e6}
