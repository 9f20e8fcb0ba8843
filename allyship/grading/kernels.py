"""Kernels started ahead of need: one kernel per submission, booted while the previous runs.

nbgrader's ``Execute`` starts a kernel, waits for it, runs the cells and shuts it down, so a
worker sits idle for every kernel's start-up. :class:`KernelAhead` starts the *next*
submission's kernel (a new process, in a new, empty folder, with ``NBGRADER_EXECUTION=
autograde`` in its environment, exactly as ``Execute`` would start it) before the current one
executes, and hands it to nbgrader's own ``Execute.preprocess(nb, resources, km=...)``. Every
kernel still runs exactly one submission and is shut down after it, so no learner's notebook
ever sees another's interpreter state; nbgrader's timeouts apply unchanged (they are the
``Execute`` preprocessor's). The kernel's folder is empty while it boots, and the guard
(:mod:`allyship.grading.guard`) tidies it, after the submission's files are copied in and
before any cell runs, as it tidies a kernel's folder under ``nbgrader autograde``.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


class KernelAhead:
    """One kernel booting ahead of need for an ``Execute`` preprocessor (one per worker)."""

    def __init__(self, execute, scratch: Path, log: Path | None = None):
        self.execute = execute
        self.scratch = scratch
        self.log = log  # the kernels' stdout and stderr; None: this process's own
        self._next: tuple[str, object, Path] | None = None  # (kernel name, manager, folder)

    def _start(self, name: str) -> tuple[str, object, Path]:
        from jupyter_core.utils import run_sync
        from nbgrader import utils

        folder = Path(tempfile.mkdtemp(prefix="kernel-", dir=self.scratch)) / "submission"
        folder.mkdir()
        ex = self.execute
        km = ex.kernel_manager_class(kernel_name=name, config=ex.config)
        streams = {}
        if self.log is not None:
            sink = open(self.log, "ab")  # noqa: SIM115 - the kernel holds its own copy
            streams = {"stdout": sink, "stderr": sink}
        try:
            with utils.setenv(NBGRADER_EXECUTION="autograde"):
                run_sync(km.start_kernel)(
                    extra_arguments=ex.extra_arguments, cwd=str(folder), **streams
                )
        finally:
            if streams:
                streams["stdout"].close()
        return name, km, folder

    def take(self, nb) -> tuple[object, Path]:
        """A started kernel (manager, empty working folder) for ``nb``'s kernel, as nbclient
        would choose it; the next one starts booting at once."""
        name = self.execute.kernel_name or nb.metadata.get("kernelspec", {}).get("name") or ""
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
        folder) into that folder; the kernel is shut down and its folder removed after,
        whatever happened."""
        kernel_folder = Path(resources["metadata"]["path"])
        try:
            if files is not None:
                shutil.copytree(files, kernel_folder, dirs_exist_ok=True)
            return self.execute.preprocess(nb, resources, km=km)
        finally:
            self._stop(km)
            shutil.rmtree(kernel_folder.parent, ignore_errors=True)

    def _stop(self, km) -> None:
        from jupyter_core.utils import run_sync

        kc = getattr(self.execute, "kc", None)
        if kc is not None and getattr(self.execute, "km", None) is km:
            kc.stop_channels()
            self.execute.kc = None
        try:
            if run_sync(km.is_alive)():
                run_sync(km.shutdown_kernel)(now=True)
        except RuntimeError:
            pass  # already gone
        finally:
            run_sync(km.cleanup_resources)()

    def close(self) -> None:
        """Shut down the kernel booting ahead (at the worker's exit)."""
        ahead, self._next = self._next, None
        if ahead is not None:
            self._stop(ahead[1])
