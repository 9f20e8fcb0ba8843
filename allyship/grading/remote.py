"""The Dask worker's side of ``allyship grade --scheduler``: the same worker, on another machine.

A Dask worker shares no file system with the instructor's server. What the worker of
:mod:`allyship.grading.worker` reads from the course arrives as data instead, in a
:class:`CourseKit`: the instructor's resolved nbgrader configuration (``nbgrader_config.py``,
user config and ``--nbgrader-option`` settings, as the instructor's own ``AutogradeApp`` loaded
them), the files of ``source/<module>/`` and ``release/<module>/`` for the modules being graded,
and a gradebook holding only their definitions (no learner, no grade). The kit travels once per
worker process as a Dask worker plugin, so a worker that joins late, or is restarted after a
crash, receives it too; each submission travels with its task as the bytes of its folder.

On the worker, the kit is laid out as a private course folder and the unchanged
:class:`~allyship.grading.worker.Worker` runs there: same sanitize steps, same ``Execute``, same
kernels started ahead of need, same guard. What comes back is the same
:class:`~allyship.grading.worker.Executed` (the sanitized notebook's digest and the executed
notebook), which the one writer, on the instructor's server, checks and saves. Workers never see
the course's gradebook and never write anything the instructor reads.

The kit holds the source notebooks (answer keys): a cluster that receives it must be the
grading account's own (dask-gateway gives each user a cluster behind TLS; docs/grading.md).
"""

from __future__ import annotations

import copy
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from .worker import Executed

#: Prefix of the worker plugin's name; the kit's token follows it.
PLUGIN_PREFIX = "allyship-course-"


@dataclass(frozen=True)
class CourseKit:
    """What a worker needs from the course, as data (built by :func:`allyship.grading.
    cluster.course_kit`)."""

    token: str  # digest of everything below: workers keep one course folder per token
    config: Any  # traitlets Config: the instructor's AutogradeApp's, paths re-pointed on arrival
    files: dict[str, bytes] = field(default_factory=dict)  # course-relative POSIX path -> bytes
    gradebook: bytes = b""  # an SQLite gradebook with the modules' definitions only

    @property
    def plugin_name(self) -> str:
        return PLUGIN_PREFIX + self.token


def write_tree(root: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` (relative POSIX paths) under ``root``, refusing any path that leaves it."""
    for rel, data in files.items():
        parts = PurePosixPath(rel).parts
        if not parts or PurePosixPath(rel).is_absolute() or ".." in parts:
            raise ValueError(f"refusing to write {rel!r} outside {root}")
        dest = root.joinpath(*parts)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)


def app_from_config(config) -> Any:
    """nbgrader's autograde application configured from ``config`` alone: no config file of
    this machine (its home, its working folder) is read, so the worker grades with the
    instructor's settings and nothing else."""
    import logging

    from nbgrader.apps import AutogradeApp
    from nbgrader.coursedir import CourseDirectory

    app = AutogradeApp(config=config)
    app.coursedir = CourseDirectory(parent=app)
    app.log.handlers[:] = [logging.NullHandler()]
    app.log.propagate = False
    app.log.setLevel(logging.WARNING)
    return app


class CourseKitPlugin(WorkerPlugin):
    """Carries a :class:`CourseKit` to every worker process; grades submissions there.

    The course folder and the grading :class:`~allyship.grading.worker.Worker` are built on the
    first task, in the task's thread (building them in ``setup`` would hold up the worker's event
    loop for seconds). Tasks on one worker process run one at a time: a worker owns one kernel
    starting ahead and nbgrader's ``Execute`` is not thread-safe, so give workers one thread
    each and scale by processes."""

    def __init__(self, kit: CourseKit):
        self.kit = kit
        self.name = kit.plugin_name

    def setup(self, worker) -> None:
        self._base = Path(getattr(worker, "local_directory", None) or tempfile.gettempdir())
        self._lock = threading.Lock()
        self._grader = None
        self._root: Path | None = None

    def teardown(self, worker) -> None:
        with self._lock:
            if self._grader is not None:
                self._grader.kernels.close()
                self._grader = None
            for folder in (self._root, getattr(self, "_scratch", None)):
                if folder is not None:
                    shutil.rmtree(folder, ignore_errors=True)

    def _ready(self):
        if self._grader is None:
            from .worker import Worker

            self._root = Path(tempfile.mkdtemp(prefix="allyship-course-", dir=self._base))
            self._scratch = Path(tempfile.mkdtemp(prefix="allyship-scratch-", dir=self._base))
            write_tree(self._root, self.kit.files)
            (self._root / "gradebook.db").write_bytes(self.kit.gradebook)
            db_url = "sqlite:///" + str(self._root / "gradebook.db")
            config = copy.deepcopy(self.kit.config)
            config.CourseDirectory.root = str(self._root)
            config.CourseDirectory.db_url = db_url
            app = app_from_config(config)
            self._grader = Worker(
                self._root,
                (),
                db_url,
                self._scratch,
                app=app,
                kernel_log=self._scratch / "kernels.log",
            )
        return self._grader

    def run(self, learner: str, module: str, files: dict[str, bytes]) -> Executed:
        """Grade one submission whose folder's files are ``files`` (relative paths)."""
        with self._lock:
            grader = self._ready()
            cd = grader.app.coursedir
            folder = Path(cd.format_path(cd.submitted_directory, learner, module))
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            try:
                write_tree(folder, files)
                return grader.run(learner, module, ())
            finally:
                shutil.rmtree(folder, ignore_errors=True)


def grade_remote(plugin_name: str, learner: str, module: str, files: dict[str, bytes]):
    """The Dask task: one submission, graded by this worker's copy of the course."""
    from distributed import get_worker

    worker = get_worker()
    plugin = worker.plugins.get(plugin_name)
    if plugin is None:
        raise RuntimeError(
            f"this Dask worker has no course kit {plugin_name!r}: the run that sent it ended"
        )
    result = plugin.run(learner, module, files)
    result.ran_on = f"{worker.address} pid {os.getpid()}"
    return result
