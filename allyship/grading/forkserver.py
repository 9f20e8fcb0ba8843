"""Kernels forked from a warm parent: a fresh interpreter per submission, without the start-up.

Starting an IPython kernel costs a new Python process, ipykernel's and IPython's imports, then the
kit's (ipywidgets) in the first cell: most of a kernel's CPU for a module that runs in well under
a second. A *fork server* pays the imports once: a small process
(:mod:`allyship.grading.warm_parent`, run as a script), started for each grading worker with the
kernels' own environment (``NBGRADER_EXECUTION=autograde``), imports ipykernel, IPython and the
kit, and then only forks.
Each fork becomes one kernel, exactly as ``python -m ipykernel_launcher -f CONNECTION_FILE ...``
would start: its own session and process group, its own working folder, environment,
``sys.argv``, standard streams and connection file, nbgrader's command-line arguments; ipykernel
builds its sockets, shell and namespace after the fork, from nothing.

Why this keeps every guarantee of a kernel per submission:

- the server never runs a cell, never creates a shell, a socket or a thread (it checks that it is
  single-threaded before each fork), so each kernel starts from the state of a process that has
  only imported modules, the same modules a fresh kernel imports, in the same environment;
  nothing one submission does (globals, module attributes, ``sys.modules``, files in its folder)
  exists in the server, so nothing reaches the next one;
- what ipywidgets does when it is imported inside a running kernel (register its comm targets)
  is done once the kernel's shell exists, as then;
- Python reseeds ``random`` in every fork; ``uuid4`` and ``secrets`` read the OS;
- nbgrader's timeouts and interrupts are the kernel manager's, unchanged: the provisioner below
  signals the kernel's process group, as jupyter_client's own does.

:class:`ForkProvisioner` is the kernel manager's side (a jupyter_client provisioner): it sends the
launch command to the server and manages the forked process by its pid. A command that is not
this interpreter's ``ipykernel_launcher`` (another kernel) is launched as jupyter_client launches
it. See docs/grading.md ("Kernels forked from a warm parent").
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from jupyter_client.provisioning import LocalProvisioner

from .warm_parent import receive as _receive
from .warm_parent import send as _send

#: The warm parent, run as a script (not ``-m``: no ``allyship.grading`` module in a kernel).
SCRIPT = Path(__file__).with_name("warm_parent.py")


class ForkServer:
    """One warm parent process, used by one grading worker.

    It may be started by the process that then forks the worker (``allyship grade`` starts
    them first, so their imports overlap its own start-up): the worker inherits and uses it,
    and every other process that inherited it calls :meth:`release`."""

    def __init__(self, env: dict[str, str], log: Path | None = None, cwd: Path | None = None):
        """Start the server; it imports in the background (:meth:`fork` waits for it)."""
        sink = open(log, "ab") if log else None  # noqa: SIM115 - the server holds its own copy
        try:
            self.process = subprocess.Popen(
                [sys.executable, str(SCRIPT)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=sink,
                env=env,
                cwd=str(cwd) if cwd else None,
            )
        finally:
            if sink:
                sink.close()
        self.owner = os.getpid()  # its parent: the one process that may wait for it
        self.pid: int | None = None
        self._ended = _Forked(self.process.pid)  # tells its end from any process, by pidfd

    @property
    def alive(self) -> bool:
        return self._ended.poll() is None and not self.process.stdin.closed

    def release(self) -> None:
        """This process will not use the server: close its copy of the pipes, so the server
        ends when the one process that uses it closes them (or ends)."""
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass

    def _ready(self) -> int:
        if self.pid is None:
            reply = _receive(self.process.stdout)
            if not reply or "ready" not in reply:
                raise RuntimeError("the kernels' warm parent did not start (see the kernels' log)")
            self.pid = int(reply["ready"])
        return self.pid

    def fork(self, argv: list[str], env: dict[str, str], cwd: str, log: str | None) -> int:
        """Fork one kernel (``ipykernel_launcher``'s arguments ``argv``); its pid."""
        env = {**env, "JPY_PARENT_PID": str(self._ready())}  # the kernel's parent is the server
        _send(self.process.stdin, {"argv": argv, "env": env, "cwd": cwd, "log": log})
        reply = _receive(self.process.stdout)
        if not reply or "pid" not in reply:
            raise RuntimeError((reply or {}).get("error", "the kernels' warm parent stopped"))
        return int(reply["pid"])

    def close(self, stop: bool = False) -> None:
        """Close the pipes (the server then ends); its parent also waits for its end.
        ``stop``: end it at once (it was never used)."""
        self.release()
        if stop and os.getpid() == self.owner and self.process.poll() is None:
            self.process.kill()
        if os.getpid() == self.owner:
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        else:
            try:
                self._ended.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass  # its parent reaps it
        self._ended._close()


class _Forked:
    """A forked kernel, managed by pid as ``subprocess.Popen`` manages a child (it is the warm
    parent's child, which reaps it; a pidfd tells when it has ended)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None
        try:
            self._fd: int | None = os.pidfd_open(pid)
        except (AttributeError, OSError):  # pragma: no cover - Linux < 5.3, or already gone
            self._fd = None

    def poll(self) -> int | None:
        if self.returncode is None:
            if self._fd is not None:
                ended = bool(select.select([self._fd], [], [], 0)[0])
            else:  # pragma: no cover
                try:
                    os.kill(self.pid, 0)
                    ended = False
                except ProcessLookupError:
                    ended = True
            if ended:
                self.returncode = 0
                self._close()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.poll() is None and self._fd is not None:
            select.select([self._fd], [], [], timeout)
        if self.poll() is None:
            raise subprocess.TimeoutExpired("kernel", timeout)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def _close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def is_python_kernel(argv: list[str]) -> bool:
    """True if ``argv`` starts this interpreter's ``ipykernel_launcher`` (what the server runs)."""
    if len(argv) < 3 or argv[1:3] != ["-m", "ipykernel_launcher"]:
        return False
    exe = argv[0]
    if os.sep not in exe:
        import shutil

        exe = shutil.which(exe) or exe
    try:
        return os.path.samefile(exe, sys.executable)
    except OSError:
        return False


class ForkProvisioner(LocalProvisioner):
    """jupyter_client's local provisioner, launching through a :class:`ForkServer`."""

    server: ForkServer | None = None  # set by whoever owns the server, per instance

    async def send_signal(self, signum: int) -> None:
        """As the local provisioner's (to the kernel's process group), but only while the
        forked kernel lives: the warm parent reaps it as soon as it ends, and its pid is free
        after that."""
        if isinstance(self.process, _Forked):
            if self.process.poll() is None:
                try:
                    os.killpg(self.pgid, signum)
                except OSError:
                    self.process.send_signal(signum)
            return
        await super().send_signal(signum)

    async def wait(self) -> int | None:
        """As the local provisioner's, but a forked kernel's end is seen at once (its pidfd),
        not at the next tenth of a second."""
        if isinstance(self.process, _Forked):
            import asyncio

            while self.process.poll() is None:
                await asyncio.sleep(0.005)
            ret, self.process = self.process.returncode, None
            return ret
        return await super().wait()

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> dict:
        server = self.server
        if server is None or not server.alive or not is_python_kernel(cmd):
            return await super().launch_kernel(cmd, **kwargs)
        stdout = kwargs.get("stdout")
        log = getattr(stdout, "name", None) if stdout is not None else None
        env = dict(kwargs.get("env") or os.environ)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        try:
            pid = server.fork(cmd[3:], env, cwd, log if isinstance(log, str) else None)
        except (OSError, RuntimeError, ValueError):  # the warm parent is gone: start it as usual
            return await super().launch_kernel(cmd, **kwargs)
        self.process = _Forked(pid)
        self.pid = self.pgid = pid  # the fork called setsid(): its pid is its group's
        self.cwd = cwd
        return self.connection_info
