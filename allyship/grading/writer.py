"""The single writer of ``allyship grade``: nbgrader's own autograde, minus the kernel.

The writer runs nbgrader's ``Autograde`` converter, unchanged, for one submission at a time:
``init_assignment`` (student, submission, timestamp, source files), sanitizing, then the grading
steps (``IgnorePattern``, ``ClearMetadataPreprocessor``, ``LimitOutput``, ``SaveAutoGrades``,
``AssignLatePenalties``, ``CheckCellMetadata``) and the write to ``autograded/``. Only the
``Execute`` step is replaced, by :class:`ReplayExecute`, which hands over the notebook a worker
already executed, after checking that the worker sanitized exactly the notebook the writer has
in hand. A mismatch (the course changed mid-run) makes the writer execute the notebook itself,
so the result is always what serial ``nbgrader autograde`` would have produced.

Only this process opens the course's gradebook, so SQLite sees one writer, as it requires.
"""

from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass

from nbgrader import utils
from nbgrader.api import Gradebook
from nbgrader.converters import Autograde
from nbgrader.converters.base import NbGraderException
from nbgrader.preprocessors import Execute, SaveAutoGrades
from nbgrader.preprocessors.execute import UnresponsiveKernelError
from sqlalchemy.exc import SAWarning

from .guard import PREFIX
from .worker import Executed, digest


class WorkerExecutionError(RuntimeError):
    """A worker's kernel failed while running a notebook; nbgrader fails the submission."""


class ReplayExecute(Execute):
    """``Execute`` that returns a worker's executed notebook when it matches (see module doc).

    Being a subclass, it takes every ``c.Execute`` setting of the course's config, including
    ``enabled`` (``--no-execute``)."""

    executed: Executed | None = None
    replayed = 0
    executed_here = 0

    def preprocess(self, nb, resources, km=None):
        notebook_id = resources["nbgrader"]["notebook"]
        job = self.executed
        if job is not None and notebook_id in job.notebooks:
            key, executed = job.notebooks[notebook_id]
            if key == digest(nb):
                self.replayed += 1
                return executed, resources
        elif job is not None and notebook_id in job.errors:
            kind, message = job.errors[notebook_id]
            if kind == "UnresponsiveKernelError":
                raise UnresponsiveKernelError(message)
            if kind != "sanitize":
                raise WorkerExecutionError(message)
        self.executed_here += 1
        return super().preprocess(nb, resources, km=km)


class SaveAutoGradesOnce(SaveAutoGrades):
    """nbgrader's ``SaveAutoGrades``, committing once per notebook instead of once per cell.

    nbgrader commits after each grade and each comment: sixteen SQLite commits, each a write
    to disk, for module 01. This sets exactly the same fields on exactly the same rows, in the
    same session, and commits them together at the end; if a cell fails, what the cells before
    it set is committed before the error goes on, as nbgrader would have left it."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        self.notebook_id, self.assignment_id = info["notebook"], info["assignment"]
        self.student_id, self.db_url = info["student"], info["db_url"]
        self.gradebook = Gradebook(self.db_url)
        with self.gradebook:
            try:  # each cell, as SaveAutoGrades.preprocess_cell does it
                nb, resources = super(SaveAutoGrades, self).preprocess(nb, resources)
            finally:
                self.gradebook.db.commit()  # after a failed cell: what the cells before set
        return nb, resources

    def _row(self, find, cell):
        """The cell's grade or comment row of this submission (``find``: the gradebook's
        ``find_grade`` or ``find_comment``)."""
        grade_id = cell.metadata["nbgrader"]["grade_id"]
        return find(grade_id, self.notebook_id, self.assignment_id, self.student_id)

    def _add_score(self, cell, resources) -> None:
        grade = self._row(self.gradebook.find_grade, cell)
        auto_score, _ = utils.determine_grade(cell, self.log)
        grade.auto_score = auto_score
        grade.needs_manual_grade = (grade.manual_score is not None) or (grade.auto_score is None)

    def _add_comment(self, cell, resources) -> None:
        comment = self._row(self.gradebook.find_comment, cell)
        unchanged = cell.metadata.nbgrader.get("checksum", None) == utils.compute_checksum(cell)
        comment.auto_comment = "No response." if unchanged and not utils.is_task(cell) else None


class ReplayAutograde(Autograde):
    """nbgrader's ``Autograde`` with :class:`ReplayExecute` in place of ``Execute`` and
    :class:`SaveAutoGradesOnce` in place of ``SaveAutoGrades``."""

    def _init_preprocessors(self) -> None:
        if self._sanitizing:
            return super()._init_preprocessors()
        self.exporter._preprocessors = []
        for pp in self.autograde_preprocessors:
            if isinstance(pp, type) and issubclass(pp, Execute):
                self.exporter.register_preprocessor(self.replay)
            elif pp is SaveAutoGrades:
                self.exporter.register_preprocessor(SaveAutoGradesOnce)
            else:
                self.exporter.register_preprocessor(pp)


@dataclass
class Outcome:
    learner: str
    module: str
    status: str  # "graded", "failed" or "skipped"
    reason: str = ""


class _Capture(logging.Handler):
    """Keeps nbgrader's warnings and errors for the summary (its log is silenced on screen)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:  # formatted now: the arguments may be database rows that expire with the session
            self.records.append((record.levelno, record.getMessage()))
        except Exception:  # noqa: BLE001 - a log line must never fail a grade
            self.records.append((record.levelno, str(record.msg)))


class Writer:
    """Owns the gradebook for a run; :meth:`save` grades one executed submission."""

    def __init__(self, app, log_file: str | None = None):
        from nbconvert.writers import FilesWriter

        from .speedups import apply

        apply()
        self.app = app
        self.capture = _Capture()
        app.log.addHandler(self.capture)
        app.log.setLevel(logging.INFO)
        if log_file:
            handler = logging.FileHandler(log_file)
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            app.log.addHandler(handler)
        conv = ReplayAutograde(coursedir=app.coursedir, parent=app)
        conv.writer = FilesWriter(parent=conv, config=conv.config)
        conv.exporter = conv.exporter_class(parent=conv, config=conv.config)
        conv.replay = ReplayExecute(parent=conv.exporter)
        self.converter = conv

    @property
    def replayed(self) -> int:
        return self.converter.replay.replayed

    @property
    def executed_here(self) -> int:
        return self.converter.replay.executed_here

    def save(self, job: Executed) -> Outcome:
        """Grade one submission with nbgrader's converter, as ``nbgrader autograde MODULE
        --student=LEARNER`` would; returns what happened, in a sentence."""
        conv, cd = self.converter, self.app.coursedir
        if job.failure:
            return Outcome(job.learner, job.module, "failed", job.failure)
        cd.student_id, cd.assignment_id = job.learner, job.module
        conv.replay.executed = job
        self.capture.records.clear()
        here = os.getcwd()
        os.chdir(cd.root)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", SAWarning)  # nbgrader 0.9.6 + SQLAlchemy 2.1
                conv.init_notebooks()
                conv.convert_notebooks()
        except NbGraderException as exc:
            return Outcome(job.learner, job.module, "failed", self._reason(str(exc)))
        finally:
            conv.replay.executed = None
            os.chdir(here)
        dest = cd.format_path(cd.autograded_directory, job.learner, job.module)
        if any("Skipping existing assignment" in m for _, m in self.capture.records):
            return Outcome(job.learner, job.module, "skipped", "already graded")
        if not os.path.isdir(dest):
            return Outcome(job.learner, job.module, "failed", self._reason("not graded"))
        guarded = [m[len(PREFIX) :] for _, m in self.capture.records if m.startswith(PREFIX)]
        note = "; ".join([*job.notes, *guarded])  # the repair's notes, then the guard's
        return Outcome(job.learner, job.module, "graded", note)

    def _reason(self, fallback: str) -> str:
        """The most telling line nbgrader logged: the last line of a traceback, or its error."""
        for _, message in reversed(self.capture.records):
            text = message.strip()
            if text.startswith("Traceback"):
                return text.splitlines()[-1]
        errors = [m for level, m in self.capture.records if level >= logging.ERROR]
        return errors[0] if errors else fallback
