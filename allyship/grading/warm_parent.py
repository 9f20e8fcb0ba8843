"""The warm parent of the grading kernels: imports once, then forks one kernel per request.

Run as a script by :class:`allyship.grading.forkserver.ForkServer` (``python warm_parent.py``,
never ``-m``: nothing of ``allyship.grading`` may be in a kernel's ``sys.modules``), with the
kernels' own environment. It imports what every autograde kernel imports (ipykernel, IPython,
ipywidgets, the kit), then reads launch requests on stdin, one JSON object each, and answers
each with the forked kernel's pid. It never runs a cell and never creates a shell, a socket or
a thread, so every fork starts from a process that has only imported modules. See
:mod:`allyship.grading.forkserver` for why each kernel is still as fresh as a new process.

Only the standard library is imported at the top: the framing below is shared with the manager.
"""

import json
import os
import signal
import struct
import sys

#: What is imported before forking: what ipykernel imports while it starts (its debugger,
#: IPython's, the history's sqlite3, psutil ...), and what module 01's setup cell imports (the
#: kit, ipywidgets). Each is a module every fresh autograde kernel imports anyway, in the same
#: environment; tests/grading/test_kernels_ahead.py checks a forked kernel's ``sys.modules``.
PRELOAD = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.debugger",
    "IPython.core.completerlib",
    "IPython.core.debugger",
    "IPython.core.oinspect",
    "IPython.extensions.storemagic",
    "IPython.utils.wildcard",
    "sqlite3",
    "psutil",
    "tornado.gen",
    "tornado.locks",
    "tornado.queues",
    "tornado.platform.asyncio",
    "runpy",
    "ipywidgets",
    "allyship.kit.widgets",
    "allyship.kit.checks",
    "allyship.kit.session",
)

_HEADER = struct.Struct("!I")


def send(stream, payload: dict) -> None:
    data = json.dumps(payload).encode("utf-8")
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def receive(stream) -> "dict | None":
    head = stream.read(_HEADER.size)
    if len(head) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(head)
    return json.loads(stream.read(size).decode("utf-8"))


def serve() -> None:
    """Requests on stdin, a pid (or an error) on stdout, until stdin closes."""
    requests = os.fdopen(os.dup(0), "rb", buffering=0)
    replies = os.fdopen(os.dup(1), "wb", buffering=0)
    # This script's folder is sys.path[0]. ipykernel's launcher removes its own first entry (the
    # kernel's folder) before importing anything, and the shell puts the kernel's folder back
    # (InteractiveShellApp.init_path): so the kernels' sys.path is a fresh kernel's.
    del sys.path[0]
    # ipykernel reads JPY_PARENT_PID when it is imported: the kernels' parent is this process.
    os.environ["JPY_PARENT_PID"] = str(os.getpid())
    import importlib
    import importlib.util
    import itertools
    import threading

    unnamed = threading._counter.__self__.__reduce__()[1][0]  # the next "Thread-N" number
    for name in PRELOAD:
        importlib.import_module(name)
    launcher = importlib.util.find_spec("ipykernel_launcher").origin
    had_gc = "gc" in sys.modules
    import gc

    gc.collect()
    gc.freeze()  # what was imported stays shared with every fork, untouched by its collections
    if not had_gc:
        del sys.modules["gc"]  # a fresh kernel has not imported it (it is built in: nothing lost)
    signal.signal(signal.SIGCHLD, _reap)  # each ended fork is waited for (its CPU accounted)
    send(replies, {"ready": os.getpid()})
    while True:
        request = receive(requests)
        if request is None:
            return  # the worker closed the pipe: it is done, or gone
        if threading.active_count() != 1:  # pragma: no cover - a preload started a thread
            send(replies, {"error": "the kernels' warm parent is not single-threaded"})
            continue
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            requests.close()
            replies.close()
            # threads a kernel names "Thread-N" are numbered as in a fresh process
            threading._counter = itertools.count(unnamed).__next__
            become_kernel(request, launcher)  # never returns
        send(replies, {"pid": pid})


def _reap(signum, frame) -> None:
    """Wait for every fork that has ended: no zombie is left, and, as for any child, its CPU
    time is added to this process's children's (so ``time`` and psutil count the kernels)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def become_kernel(request: dict, launcher: str) -> None:
    """In the fork: the process set up as jupyter_client's launcher sets up a kernel's, then
    ipykernel's own application, as ``python -m ipykernel_launcher ARGV`` runs it."""
    os.setsid()  # its own session and process group (jupyter_client: start_new_session=True)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    read_end, _ = os.pipe()  # stdin: a pipe nobody writes to, as jupyter_client gives it
    os.dup2(read_end, 0)
    os.close(read_end)
    log = request.get("log")
    if log:
        sink = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(sink, 1)
        os.dup2(sink, 2)
        os.close(sink)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = [launcher, *request["argv"]]
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize()
    widgets = sys.modules.get("ipywidgets")
    if widgets is not None:
        # Imported in a running kernel, ipywidgets registers its comm targets; it was imported
        # before this kernel existed, so it does it now, as it would have then.
        widgets._handle_ipython()
    app.start()
    raise SystemExit(0)  # a launcher's process ends when launch_new_instance() returns


if __name__ == "__main__":
    serve()
