"""The worker side of ``allyship grade``: run submissions' notebooks, never write the gradebook.

A worker does, for one submission, exactly what ``nbgrader autograde`` does before it saves a
grade: it copies the submission's files and the source's extra files into a private folder,
sanitizes each notebook with nbgrader's own preprocessors (configured from the course's
``nbgrader_config.py``) and executes it with nbgrader's own ``Execute`` preprocessor. It hands
back the sanitized notebook's digest and the executed notebook; the single writer
(:mod:`allyship.grading_writer`) checks the digest against its own sanitized copy and saves the
grades. Workers read a private snapshot of an SQLite gradebook (the assignment's cells never
change during a run), so no two processes ever open the course's gradebook file at once.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: A step run on a submission's folder before it is graded (for example a repair). It is called
#: as ``step(folder, module=..., learner=..., course=...)`` and returns notes of what it did (a
#: string, a list of strings, or None). Raising an exception fails that submission, with the
#: exception's sentence as the reason. Steps must be module-level functions (they are pickled).
PreGradeStep = Callable[..., "str | list[str] | None"]


@dataclass
class Executed:
    """What a worker hands back for one submission."""

    learner: str
    module: str
    #: notebook id -> (digest of the sanitized notebook, the executed notebook)
    notebooks: dict[str, tuple[str, Any]] = field(default_factory=dict)
    errors: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (kind, message)
    notes: list[str] = field(default_factory=list)
    failure: str | None = None  # a pre-grading step refused the submission
    ran_on: str = ""  # a Dask worker's address and process id (allyship.grading.remote)
    #: seconds (wall) spent in each stage on the worker (see :data:`STAGES`); the benchmark
    #: and ``allyship grade --timings`` print them
    timings: dict[str, float] = field(default_factory=dict)


#: The stages of :attr:`Executed.timings`, in order.
STAGES = (
    "copy",  # the submission's and the source's files into a private folder
    "sanitize",  # nbgrader's sanitize steps (the guard among them), and the digest
    "kernel hand-over",  # a kernel started ahead, until it answers (kernel_info)
    "setup cell",  # the module's first code cell: the kit's import, the answers loaded
    "other cells",  # every other cell, as nbgrader's Execute runs them
    "kernel shutdown",  # the kernel stopped, its folder removed
)


def digest(nb) -> str:
    """A notebook's identity, as both sides of the pipeline see it after reading it back."""
    text = json.dumps(nb, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def run_steps(
    steps: Sequence[PreGradeStep], folder: Path, learner: str, module: str, course: Path
) -> tuple[list[str], str | None]:
    """Run the pre-grading ``steps`` on a submission's folder: (their notes, the first
    refusal's sentence or None). A step that raises stops the others."""
    notes: list[str] = []
    for step in steps:
        try:
            note = step(folder, module=module, learner=learner, course=course)
        except Exception as exc:  # noqa: BLE001 - a step's refusal fails this submission only
            return notes, f"{getattr(step, '__name__', 'a pre-grading step')}: {exc}"
        if isinstance(note, str):
            note = [note]
        notes.extend(str(n) for n in note or ())
    return notes, None


def load_app(course: Path, argv: Sequence[str] = ()):
    """nbgrader's own autograde application, configured exactly as ``nbgrader autograde`` in
    the course folder would be (``nbgrader_config.py``, environment, user config)."""
    from nbgrader.apps import AutogradeApp

    here = os.getcwd()
    os.chdir(course)
    try:
        app = AutogradeApp()
        app.initialize(list(argv))
    finally:
        os.chdir(here)
    app.log.handlers[:] = [logging.NullHandler()]  # else logging's last resort prints them
    app.log.propagate = False
    app.log.setLevel(logging.WARNING)
    return app


def snapshot_sqlite(db_url: str, dest: Path) -> str:
    """A consistent copy of an SQLite gradebook (sqlite3's backup API), as a URL; other
    databases (PostgreSQL) serve concurrent readers themselves, so their URL is returned as is."""
    if not db_url.startswith("sqlite:///"):
        return db_url
    source = sqlite3.connect(db_url[len("sqlite:///") :], timeout=60)
    target = sqlite3.connect(str(dest))
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    url = "sqlite:///" + str(dest)
    from nbgrader.api import Gradebook

    with Gradebook(url):  # nbgrader's preprocessors open it with the default course id: add it
        pass
    return url


class Worker:
    """One worker process's state: its nbgrader app, a converter for sanitizing, and the
    ``Execute`` preprocessor, all configured from the course."""

    def __init__(
        self,
        course: Path,
        argv: Sequence[str],
        db_url: str,
        scratch: Path,
        *,
        app=None,
        kernel_log: Path | None = None,
        warm_parent=None,
    ):
        """``app``: an autograde application already configured (a Dask worker builds it from
        the instructor's configuration, :mod:`allyship.grading.remote`); else it is loaded from
        the course folder. ``kernel_log``: where kernels' own stdout and stderr go (else they
        inherit this process's). ``warm_parent``: the kernels' warm parent, if already started
        (:class:`allyship.grading.forkserver.ForkServer`)."""
        from nbgrader.converters import Autograde
        from nbgrader.preprocessors import Execute

        from .kernels import KernelAhead
        from .speedups import apply

        apply()
        self.course = course
        # the kernels' warm parent imports in its own process while this one loads the course
        self.kernels = KernelAhead(None, scratch, log=kernel_log, server=warm_parent)
        self.kernels.prepare()
        self.app = app if app is not None else load_app(course, argv)
        self.scratch = scratch
        self.app.coursedir.db_url = snapshot_sqlite(db_url, scratch / "gradebook-snapshot.db")
        conv = Autograde(coursedir=self.app.coursedir, parent=self.app)
        conv.exporter = conv.exporter_class(parent=conv, config=conv.config)
        conv._sanitizing = True
        conv._init_preprocessors()
        self.converter = conv
        self.execute = Execute(parent=conv.exporter_class(parent=conv, config=conv.config))
        self._marks: list[tuple[str, float]] = []
        mark = self._marks.append
        # nbclient's hooks, for the timings only: they change nothing in the notebook
        self.execute.on_notebook_start = lambda **_: mark(("ready", time.perf_counter()))
        self.execute.on_cell_execute = lambda **_: mark(("cell", time.perf_counter()))
        self.kernels.execute = self.execute

    def run(self, learner: str, module: str, steps: Sequence[PreGradeStep]) -> Executed:
        result = Executed(learner, module)
        cd = self.app.coursedir
        submitted = Path(cd.format_path(cd.submitted_directory, learner, module))
        result.notes, result.failure = run_steps(steps, submitted, learner, module, self.course)
        if result.failure:
            return result
        folder = Path(tempfile.mkdtemp(dir=self.scratch)) / learner / module
        cpu, result.timings["began"] = time.process_time(), time.time()
        try:
            started = time.perf_counter()
            self._copy_files(submitted, folder, module)
            result.timings["copy"] = time.perf_counter() - started
            for nb_file in sorted(submitted.glob("*.ipynb")):
                self._one(nb_file, folder, result)
        finally:
            shutil.rmtree(folder.parent.parent, ignore_errors=True)
            result.timings["worker CPU"] = time.process_time() - cpu
            result.timings["ended"], result.timings["pid"] = time.time(), os.getpid()
        return result

    def _copy_files(self, submitted: Path, folder: Path, module: str) -> None:
        """The files beside the notebook, as nbgrader's ``init_assignment`` lays them out."""
        from nbgrader.utils import find_all_files

        cd = self.app.coursedir
        folder.mkdir(parents=True)
        pairs = [(submitted, f) for f in find_all_files(str(submitted), cd.ignore + ["*.ipynb"])]
        source = cd.format_path(cd.source_directory, ".", module)
        excluded = {
            os.path.join(source, x) for x in self.converter.exclude_overwriting.get(module, [])
        }
        for f in sorted(set(find_all_files(source, cd.ignore + ["*.ipynb"])) - excluded):
            pairs.append((Path(source), f))
        for base, f in pairs:
            dest = folder / os.path.relpath(f, base)
            dest.parent.mkdir(parents=True, exist_ok=True)
            if dest.exists():
                dest.unlink()
            shutil.copy(f, dest)

    def _one(self, nb_file: Path, folder: Path, result: Executed) -> None:
        import nbformat
        from nbgrader import utils

        nb_id = nb_file.stem
        clock = _Clock(result.timings)
        try:
            resources = self.converter.init_single_notebook_resources(str(nb_file))
            # the guard (grading/guard.py) tidies the folder the kernel will run in: here,
            # this scratch copy; under nbgrader, autograded/<learner>/<module>/
            resources["nbgrader"]["kernel_folder"] = str(folder)
            output, _ = self.converter.exporter.from_filename(str(nb_file), resources=resources)
        except Exception as exc:  # noqa: BLE001 - the writer meets (and reports) the same
            result.errors[nb_id] = ("sanitize", f"{type(exc).__name__}: {exc}")
            return
        # the kernel's folder holds the sanitized notebook, as autograded/ does under nbgrader
        (folder / f"{nb_id}.ipynb").write_text(output, encoding="utf-8")
        nb = nbformat.reads(output, as_version=4)  # what reading that file back gives
        key = digest(nb)
        clock.stage("sanitize")
        if not self.execute.enabled:
            return
        resources = self.converter.init_single_notebook_resources(str(nb_file))
        self._marks.clear()
        try:
            # a kernel started ahead, in an empty folder: the guarded folder's files go in it
            km, kernel_folder = self.kernels.take(nb)
            resources["metadata"] = {"name": nb_id, "path": str(kernel_folder)}
            with utils.setenv(NBGRADER_EXECUTION="autograde"):
                nb, _ = self.kernels.run(nb, resources, km, files=folder)
        except Exception as exc:  # noqa: BLE001 - replayed by the writer as the same failure
            kind = type(exc).__name__
            result.errors[nb_id] = (kind, f"{kind}: {exc}\n{traceback.format_exc(limit=3)}")
            return
        finally:
            clock.execution(self._marks, self.kernels.finished)
            if self.kernels.kernel_cpu is not None:
                result.timings["kernel CPU"] = self.kernels.kernel_cpu
        result.notebooks[nb_id] = (key, nb)  # pickled as is: no re-serialising, no re-validating


class _Clock:
    """Adds each stage's wall time to a submission's timings (see :data:`STAGES`)."""

    def __init__(self, timings: dict[str, float]):
        self.timings = timings
        self.last = time.perf_counter()

    def _add(self, stage: str, seconds: float) -> None:
        self.timings[stage] = self.timings.get(stage, 0.0) + max(seconds, 0.0)

    def stage(self, stage: str) -> None:
        now = time.perf_counter()
        self._add(stage, now - self.last)
        self.last = now

    def execution(self, marks: list[tuple[str, float]], finished: float | None) -> None:
        """Split the time since the last stage by nbclient's marks (the kernel answered; each
        code cell sent) and the end of the last cell: until the kernel answered, the first
        cell, the other cells; what follows the last cell is the shutdown."""
        ready = next((t for name, t in marks if name == "ready"), None)
        sent = [t for name, t in marks if name == "cell"]
        if ready is None or finished is None or finished < ready:
            return self.stage("kernel hand-over")  # it failed before it could run a cell
        self._add("kernel hand-over", ready - self.last)
        ends = [*sent[1:], finished]
        if sent:
            self._add("setup cell", ends[0] - ready)
            self._add("other cells", finished - ends[0])
        self.last = finished
        self.stage("kernel shutdown")


_WORKER: Worker | None = None


def init_worker(
    course: Path,
    argv: Sequence[str],
    db_url: str,
    scratch: Path,
    warm_parents: Sequence = (),
    taken=None,
) -> None:
    """Process-pool initializer: one :class:`Worker` per process, with its own scratch folder
    and its own gradebook snapshot. ``warm_parents`` (started by the pool's parent, inherited
    by the fork) and ``taken`` (a shared counter): this worker uses the next free one."""
    global _WORKER
    own = Path(tempfile.mkdtemp(prefix="worker-", dir=scratch))
    # Kernels inherit this process's stdout/stderr and print start-up notices there; their
    # outputs travel over ZMQ, so sending the streams to a file changes no grade and keeps the
    # progress bar clean.
    sink = os.open(own / "worker.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(sink, 1)
    os.dup2(sink, 2)
    os.close(sink)
    mine = None
    if warm_parents and taken is not None:
        with taken.get_lock():
            index, taken.value = taken.value, taken.value + 1
        for i, server in enumerate(warm_parents):
            if i == index:
                mine = server
            else:
                server.release()  # another worker's
    _WORKER = Worker(course, argv, db_url, own, warm_parent=mine)
    from multiprocessing.util import Finalize

    # the kernel booting ahead is shut down when this worker process exits
    Finalize(_WORKER, _WORKER.kernels.close, exitpriority=10)


def run_job(learner: str, module: str, steps: Sequence[PreGradeStep]) -> Executed:
    assert _WORKER is not None, "init_worker was not called in this process"
    return _WORKER.run(learner, module, steps)
