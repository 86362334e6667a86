"""
Entry point of one Python measurement process (started by the launcher, a fresh process per measurement):

    python3 apps/python/src/main.py --describe
    python3 apps/python/src/main.py --cell '<CellRequest json>'

The Python reference of the lesson, measured with the JavaScript runtimes' protocol (cell_process.py). Stdlib
only. It runs on CPython 3 and PyPy 3 (Python 3.9 syntax at most), and on Jython 2.7, whose Python 2 runs the
CPU cells on threads and the sequential loop (every other cell says n/a). Another Python 2 is refused.

This file is written so that Python 2 can parse it, so that the refusal below is a clear message.
"""
import sys


def _refuse(message):
    sys.stderr.write(message + "\n")
    sys.stdout.write('@@runtime-bench {"type": "error", "message": "%s"}\n' % message)
    sys.stdout.flush()
    sys.exit(1)


if __name__ == "__main__":
    if sys.version_info[0] < 3 and not sys.platform.startswith("java"):
        _refuse(
            "the Python reference needs Python 3 (CPython or PyPy) or Jython 2.7; this is Python %d.%d"
            % sys.version_info[:2]
        )
    from cell_process import run_cell_process

    run_cell_process(sys.argv[1:])
