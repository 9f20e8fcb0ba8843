"""Kernels started ahead of need: one kernel per submission, booted while the previous runs.

nbgrader's ``Execute`` starts a kernel, waits for it, runs the cells and shuts it down, so a
worker sits idle for every kernel's start-up. :class:`KernelAhead` starts the *next*
submission's kernel (a new process, in a new, empty folder, with ``NBGRADER_EXECUTION=
autograde`` in its environment and nbclient's in-memory history, exactly as ``Execute`` would
start it) before the current one executes, and hands it to nbgrader's own
``Execute.preprocess(nb, resources, km=...)``. On Linux the new process is forked from a warm
parent that has already imported ipykernel and the kit (:mod:`allyship.grading.forkserver`).
Every kernel still runs exactly one submission and is killed after it, so no learner's notebook
ever sees another's interpreter state; nbgrader's timeouts apply unchanged (they are the
``Execute`` preprocessor's). The kernel's folder is empty while it boots, and the guard
(:mod:`allyship.grading.guard`) tidies it, after the submission's files are copied in and
before any cell runs, as it tidies a kernel's folder under ``nbgrader autograde``.

No worker waits on a fixed delay: the handshake with a kernel skips jupyter_client's final
0.2 s of IOPub silence (:class:`QuickReadyClient`), and a finished kernel is killed at once while
its end is waited for at the next hand-over.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient


class QuickReadyClient(AsyncKernelClient):
    """jupyter_client's asynchronous client, whose ``wait_for_ready`` does jupyter_client's
    handshake (a ``kernel_info_reply`` on the shell channel, then a message on IOPub, which
    proves IOPub is connected) without its last step, waiting for 0.2 s of silence on IOPub:
    a fixed wait per kernel. Skipping it changes no output: nbclient keeps, for each cell, only
    the IOPub messages whose parent is that cell's request, so a start-up message left on IOPub
    is never read as a cell's output."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                msg = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                pass
            else:
                if msg["msg_type"] == "kernel_info_reply":
                    try:
                        await self.iopub_channel.get_msg(timeout=0.2)
                    except Empty:
                        pass  # IOPub not connected yet: ask again
                    else:
                        self._handle_kernel_info_reply(msg)
                        return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:.0f} seconds")


#: Fork kernels from a warm parent where it is safe and tested: Linux (macOS forbids forking a
#: process whose system libraries may have started threads; Windows cannot fork).
FORK = sys.platform.startswith("linux")


class KernelAhead:
    """One kernel booting ahead of need for an ``Execute`` preprocessor (one per worker).

    ``fork=True``: Python kernels are forked from a warm parent that has imported ipykernel and
    the kit (:mod:`allyship.grading.forkserver`), still one new process per submission."""

    def __init__(
        self, execute, scratch: Path, log: Path | None = None, fork: bool = FORK, server=None
    ):
        """``server``: a warm parent already started (forkserver.ForkServer), else one is
        started on first need."""
        self.execute = execute
        self.scratch = scratch
        self.log = log  # the kernels' stdout and stderr; None: this process's own
        self.fork = fork
        self._server = server if fork else None
        self._next: tuple[str, object, Path] | None = None  # (kernel name, manager, folder)
        self._dying: list = []  # kernels killed, their shutdown to finish (see _kill)
        self.finished: float | None = None  # when the last run's last cell ended
        self.kernel_cpu: float | None = None  # CPU seconds the last run's kernel used

    def _arguments(self, km) -> list[str]:
        """The kernel's extra arguments, as nbclient adds them when it starts a kernel itself
        (an in-memory IPython history: no history file shared between kernels)."""
        ex = self.execute
        args = list(ex.extra_arguments)
        hist = getattr(ex, "ipython_hist_file", "")
        if (
            getattr(km, "ipykernel", False)
            and hist
            and not any(a.startswith("--HistoryManager.hist_file") for a in args)
        ):
            args.append(f"--HistoryManager.hist_file={hist}")
        return args

    def prepare(self) -> None:
        """Start the warm parent now: its imports run while the worker loads the course."""
        if self.fork:
            self._warm_parent()

    def _warm_parent(self):
        """The fork server, started (again, if it died) with the kernels' environment."""
        import os

        from .forkserver import ForkServer

        if self._server is None or not self._server.alive:
            env = {**os.environ, "NBGRADER_EXECUTION": "autograde"}
            home = Path(tempfile.mkdtemp(prefix="warm-parent-", dir=self.scratch))
            self._server = ForkServer(env, log=self.log, cwd=home)
        return self._server

    def _start(self, name: str) -> tuple[str, object, Path]:
        from jupyter_core.utils import run_sync
        from nbgrader import utils

        folder = Path(tempfile.mkdtemp(prefix="kernel-", dir=self.scratch)) / "submission"
        folder.mkdir()
        ex = self.execute
        km = ex.kernel_manager_class(kernel_name=name, config=ex.config)
        if km.client_factory is AsyncKernelClient:
            km.client_factory = QuickReadyClient
        if self.fork and getattr(km, "ipykernel", False):
            import uuid

            from .forkserver import ForkProvisioner

            km.kernel_id = str(uuid.uuid4())
            km.provisioner = ForkProvisioner(
                kernel_id=km.kernel_id, kernel_spec=km.kernel_spec, parent=km
            )
            km.provisioner.server = self._warm_parent()
        streams = {}
        if self.log is not None:
            sink = open(self.log, "ab")  # noqa: SIM115 - the kernel holds its own copy
            streams = {"stdout": sink, "stderr": sink}
        try:
            with utils.setenv(NBGRADER_EXECUTION="autograde"):
                run_sync(km.start_kernel)(
                    extra_arguments=self._arguments(km), cwd=str(folder), **streams
                )
        finally:
            if streams:
                streams["stdout"].close()
        return name, km, folder

    def take(self, nb) -> tuple[object, Path]:
        """A started kernel (manager, empty working folder) for ``nb``'s kernel, as nbclient
        would choose it; the next one starts booting at once."""
        name = self.execute.kernel_name or nb.metadata.get("kernelspec", {}).get("name") or ""
        self._reap()
        ahead, self._next = self._next, None
        if ahead is not None and ahead[0] != name:
            self._stop(ahead[1])
            ahead = None
        current = ahead or self._start(name)
        self._next = self._start(name)
        return current[1], current[2]

    def run(self, nb, resources, km, files: Path | None = None):
        """nbgrader's ``Execute`` on ``nb`` in kernel ``km`` (whose folder is
        ``resources["metadata"]["path"]``), after copying ``files``' contents (a guarded
        folder) into that folder; the kernel is killed and its folder removed after, whatever
        happened."""
        kernel_folder = Path(resources["metadata"]["path"])
        self.finished = self.kernel_cpu = None
        try:
            if files is not None:
                shutil.copytree(files, kernel_folder, dirs_exist_ok=True)
            executed = self.execute.preprocess(nb, resources, km=km)
            self.finished = time.perf_counter()  # the last cell's end (worker's timings)
            self.kernel_cpu = _cpu_seconds(getattr(km.provisioner, "pid", None))
            return executed
        finally:
            self._kill(km)
            shutil.rmtree(kernel_folder.parent, ignore_errors=True)

    def _kill(self, km) -> None:
        """Stop the kernel at once (SIGKILL to its process group, as ``shutdown_kernel(now=True)``
        ends with); waiting for its end and removing its connection file are left to
        :meth:`_reap`, at the next hand-over, so no worker waits for a kernel to die."""
        from jupyter_core.utils import run_sync

        self._release_client(km)
        provisioner = getattr(km, "provisioner", None)
        try:
            if provisioner is not None and provisioner.has_process:
                run_sync(provisioner.kill)()
        except (OSError, ValueError):
            pass  # already gone; _reap finds out
        self._dying.append(km)

    def _reap(self) -> None:
        """Finish the shutdown of the kernels :meth:`_kill` stopped."""
        dying, self._dying = self._dying, []
        for km in dying:
            self._stop(km)

    def _release_client(self, km) -> None:
        kc = getattr(self.execute, "kc", None)
        if kc is not None and getattr(self.execute, "km", None) is km:
            kc.stop_channels()
            self.execute.kc = None

    def _stop(self, km) -> None:
        from jupyter_core.utils import run_sync

        self._release_client(km)
        try:
            if km.has_kernel:  # alive, or killed and not yet waited for
                run_sync(km.shutdown_kernel)(now=True)
        except RuntimeError:
            pass  # already gone
        finally:
            run_sync(km.cleanup_resources)()

    def close(self) -> None:
        """Shut down the kernel booting ahead and the warm parent (at the worker's exit)."""
        ahead, self._next = self._next, None
        if ahead is not None:
            self._kill(ahead[1])
            shutil.rmtree(ahead[2].parent, ignore_errors=True)
        for km in self._dying:  # killed: their end comes within milliseconds
            process = getattr(getattr(km, "provisioner", None), "process", None)
            if process is not None and hasattr(process, "pid"):
                try:
                    process.wait(timeout=5)
                except Exception:  # noqa: BLE001 - _reap below shuts it down as jupyter_client does
                    pass
        self._reap()
        server, self._server = self._server, None
        if server is not None:
            server.close()


def _cpu_seconds(pid: int | None) -> float | None:
    """CPU seconds (user and system) a running process has used so far (Linux), or None."""
    import os

    if not pid:
        return None
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None
