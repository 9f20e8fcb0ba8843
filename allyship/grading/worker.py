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
    ):
        """``app``: an autograde application already configured (a Dask worker builds it from
        the instructor's configuration, :mod:`allyship.grading.remote`); else it is loaded from
        the course folder. ``kernel_log``: where kernels' own stdout and stderr go (else they
        inherit this process's)."""
        from nbgrader.converters import Autograde
        from nbgrader.preprocessors import Execute

        from .speedups import apply

        apply()
        self.course = course
        self.app = app if app is not None else load_app(course, argv)
        self.scratch = scratch
        self.app.coursedir.db_url = snapshot_sqlite(db_url, scratch / "gradebook-snapshot.db")
        conv = Autograde(coursedir=self.app.coursedir, parent=self.app)
        conv.exporter = conv.exporter_class(parent=conv, config=conv.config)
        conv._sanitizing = True
        conv._init_preprocessors()
        self.converter = conv
        self.execute = Execute(parent=conv.exporter_class(parent=conv, config=conv.config))
        from .kernels import KernelAhead

        self.kernels = KernelAhead(self.execute, scratch, log=kernel_log)

    def run(self, learner: str, module: str, steps: Sequence[PreGradeStep]) -> Executed:
        result = Executed(learner, module)
        cd = self.app.coursedir
        submitted = Path(cd.format_path(cd.submitted_directory, learner, module))
        result.notes, result.failure = run_steps(steps, submitted, learner, module, self.course)
        if result.failure:
            return result
        folder = Path(tempfile.mkdtemp(dir=self.scratch)) / learner / module
        try:
            self._copy_files(submitted, folder, module)
            for nb_file in sorted(submitted.glob("*.ipynb")):
                self._one(nb_file, folder, result)
        finally:
            shutil.rmtree(folder.parent.parent, ignore_errors=True)
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
        try:
            resources = self.converter.init_single_notebook_resources(str(nb_file))
            # the guard (grading/guard.py) tidies the folder the kernel will run in: here,
            # this scratch copy; under nbgrader, autograded/<learner>/<module>/
            resources["nbgrader"]["kernel_folder"] = str(folder)
            output, _ = self.converter.exporter.from_filename(str(nb_file), resources=resources)
        except Exception as exc:  # noqa: BLE001 - the writer meets (and reports) the same
            result.errors[nb_id] = ("sanitize", f"{type(exc).__name__}: {exc}")
            return
        sanitized = folder / f"{nb_id}.ipynb"
        sanitized.write_text(output, encoding="utf-8")
        nb = nbformat.read(str(sanitized), as_version=4)
        key = digest(nb)
        if not self.execute.enabled:
            return
        resources = self.converter.init_single_notebook_resources(str(nb_file))
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
        result.notebooks[nb_id] = (key, nb)  # pickled as is: no re-serialising, no re-validating


_WORKER: Worker | None = None


def init_worker(course: Path, argv: Sequence[str], db_url: str, scratch: Path) -> None:
    """Process-pool initializer: one :class:`Worker` per process, with its own scratch folder
    and its own gradebook snapshot."""
    global _WORKER
    own = Path(tempfile.mkdtemp(prefix="worker-", dir=scratch))
    # Kernels inherit this process's stdout/stderr and print start-up notices there; their
    # outputs travel over ZMQ, so sending the streams to a file changes no grade and keeps the
    # progress bar clean.
    sink = os.open(own / "worker.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(sink, 1)
    os.dup2(sink, 2)
    os.close(sink)
    _WORKER = Worker(course, argv, db_url, own)
    from multiprocessing.util import Finalize

    # the kernel booting ahead is shut down when this worker process exits
    Finalize(_WORKER, _WORKER.kernels.close, exitpriority=10)


def run_job(learner: str, module: str, steps: Sequence[PreGradeStep]) -> Executed:
    assert _WORKER is not None, "init_worker was not called in this process"
    return _WORKER.run(learner, module, steps)
