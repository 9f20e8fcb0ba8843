"""``allyship grade --scheduler``: the workers on a Dask cluster, the one writer here.

The instructor's process packs the course's kit once (:func:`course_kit`; the worker side is
:mod:`allyship.grading.remote`), then sends each submission's folder as bytes in a Dask task and
saves each result with the same single writer as the local run, as results arrive. Only a few
submissions per worker thread are in flight at once, so 70,000 submissions never sit in memory
together, and an adaptive cluster that grows is used as it grows.

Fault tolerance is Dask's, with two additions: a task whose worker dies is rerun by the scheduler
on another worker (up to ``distributed.scheduler.allowed-failures`` times); past that Dask raises
``KilledWorker`` and the task is sent again under a new key, and a submission that still cannot
be run remotely is executed by the writer itself (nbgrader's own path), so none is lost. The
writer saves each submission at most once (``run._Saving``), so a result that arrives twice is
never written twice.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import tempfile
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from ..errors import GradingError
from .worker import Executed, PreGradeStep, run_steps

#: How often a submission whose worker died is sent again, after Dask's own reruns.
RESUBMITS = 2
#: Submissions in flight per worker thread.
IN_FLIGHT = 2
#: The submission tables of nbgrader's gradebook: left out of the kit workers receive.
LEARNER_TABLES = {"student", "submitted_assignment", "submitted_notebook", "grade", "comment"}


def _files(folder: Path, ignore: Sequence[str]) -> dict[str, bytes]:
    """A folder's files as nbgrader copies them (its ``ignore`` patterns left out)."""
    from nbgrader.utils import find_all_files

    if not folder.is_dir():
        return {}
    found = sorted(find_all_files(str(folder), list(ignore)))
    return {Path(f).relative_to(folder).as_posix(): Path(f).read_bytes() for f in found}


def definitions(db_url: str) -> bytes:
    """An SQLite gradebook holding the course's assignment definitions (cells, points,
    checksums, kernelspecs) and nothing about learners: all that sanitizing reads."""
    from nbgrader.api import Base
    from sqlalchemy import create_engine, insert, select

    tables = [t for t in Base.metadata.sorted_tables if t.name not in LEARNER_TABLES]
    with tempfile.TemporaryDirectory(prefix="allyship-kit-") as tmp:
        path = Path(tmp) / "gradebook.db"
        source, target = create_engine(db_url), create_engine(f"sqlite:///{path}")
        try:
            Base.metadata.create_all(target, tables=tables)
            with source.connect() as src, target.begin() as dst:
                for table in tables:
                    rows = [dict(r._mapping) for r in src.execute(select(table))]
                    if rows:
                        dst.execute(insert(table), rows)
        finally:
            source.dispose()
            target.dispose()
        return path.read_bytes()


def course_kit(app, modules: Sequence[str]):
    """The :class:`~allyship.grading.remote.CourseKit` for grading ``modules`` with ``app``
    (the instructor's configured autograde application)."""
    from .remote import CourseKit

    cd = app.coursedir
    root = Path(cd.root)
    files: dict[str, bytes] = {}
    for module in modules:
        for step in (cd.source_directory, cd.release_directory):
            folder = Path(cd.format_path(step, ".", module))
            base = folder.resolve().relative_to(root.resolve()).as_posix()
            for rel, data in _files(folder, cd.ignore).items():
                files[f"{base}/{rel}"] = data
    gradebook = definitions(cd.db_url)
    config = app.config
    digest = hashlib.sha256(pickle.dumps((sorted(files.items()), gradebook, dict(config))))
    return CourseKit(digest.hexdigest()[:16], config, files, gradebook)


def submission_files(app, learner: str, module: str) -> dict[str, bytes]:
    """The bytes of ``submitted/<learner>/<module>/``, as the worker reads it."""
    cd = app.coursedir
    return _files(Path(cd.format_path(cd.submitted_directory, learner, module)), cd.ignore)


@contextmanager
def local_cluster(workers: int) -> Iterator[str]:
    """A ``distributed.LocalCluster`` of ``workers`` processes (one thread each) on 127.0.0.1,
    with no dashboard and its logs silenced; yields its scheduler's address."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.CRITICAL,
    ) as cluster:
        yield cluster.scheduler_address


@contextmanager
def connected(scheduler) -> Iterator[object]:
    """A ``distributed.Client`` for ``scheduler``: an address (closed after), or a client the
    caller made, for example from a dask-gateway cluster (left open)."""
    from distributed import Client

    if not isinstance(scheduler, str):
        yield scheduler
        return
    try:
        client = Client(scheduler, timeout="30s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise GradingError(
            f"No Dask scheduler answered at {scheduler} ({exc}). Start one (`dask scheduler`, "
            "or a dask-gateway cluster), or grade on this machine without --scheduler."
        ) from exc
    try:
        yield client
    finally:
        client.close()


def run_on_cluster(
    scheduler,
    app,
    todo: Sequence[tuple[str, str]],
    steps: Sequence[PreGradeStep],
    save: Callable[[Executed], None],
) -> int:
    """Grade ``todo`` ((learner, module) pairs) on the cluster at ``scheduler`` (an address
    or a ``distributed.Client``), calling ``save`` here for each result as it arrives.
    ``steps`` run here, on ``submitted/``, before a submission is sent. Returns how many tasks
    were sent again after Dask gave up on their workers (``KilledWorker``)."""
    from .remote import CourseKitPlugin

    kit = course_kit(app, sorted({module for _, module in todo}))
    with connected(scheduler) as client:
        plugin = CourseKitPlugin(kit)
        client.register_plugin(plugin, name=plugin.name)
        run = _ClusterRun(client, app, plugin.name, steps, save)
        try:
            run.all(todo)
        finally:
            run.release()
            try:
                client.unregister_worker_plugin(plugin.name)
            except Exception:  # noqa: BLE001 - the cluster is gone: nothing left to tidy
                pass
    return run.resubmitted


class _ClusterRun:
    """One run's tasks: a bounded number in flight, each result saved once it arrives."""

    def __init__(self, client, app, plugin_name: str, steps, save):
        from distributed import as_completed

        self.client, self.app, self.plugin_name = client, app, plugin_name
        self.steps, self.save = steps, save
        self.run_id = uuid.uuid4().hex[:8]
        self.pending: dict = {}  # future -> (learner, module, attempt, notes)
        self.finished = as_completed(loop=client.loop)
        self.resubmitted = 0

    def all(self, todo: Sequence[tuple[str, str]]) -> None:
        queue = deque(todo)
        self.refill(queue)
        while self.pending:
            self.collect(next(self.finished))
            self.refill(queue)

    def refill(self, queue: deque) -> None:
        threads = sum(self.client.nthreads().values()) or 1
        cd = self.app.coursedir
        while queue and len(self.pending) < IN_FLIGHT * threads:
            learner, module = queue.popleft()
            folder = Path(cd.format_path(cd.submitted_directory, learner, module))
            notes, failure = run_steps(self.steps, folder, learner, module, Path(cd.root))
            if failure:
                self.save(Executed(learner, module, notes=notes, failure=failure))
            else:
                self.send(learner, module, 0, notes)

    def send(self, learner: str, module: str, attempt: int, notes: list[str]) -> None:
        from .remote import grade_remote

        files = submission_files(self.app, learner, module)
        key = f"allyship-grade-{self.run_id}-{learner}-{module}-{attempt}"
        future = self.client.submit(
            grade_remote, self.plugin_name, learner, module, files, key=key, retries=1
        )
        self.pending[future] = (learner, module, attempt, notes)
        self.finished.add(future)

    def collect(self, future) -> None:
        from distributed import KilledWorker

        learner, module, attempt, notes = self.pending.pop(future)
        try:
            result = future.result()
        except KilledWorker:
            if attempt < RESUBMITS:
                self.resubmitted += 1
                self.send(learner, module, attempt + 1, notes)
            else:  # the writer runs it itself, through nbgrader's own Execute
                self.save(Executed(learner, module, notes=notes))
            return
        except Exception as exc:
            raise GradingError(
                f"A Dask worker could not grade {learner} / {module}: {type(exc).__name__}: "
                f"{exc}. Every worker needs the course kit installed (the allyship package, at "
                "the instructor's version). What was graded is saved: run the same command "
                "again for the rest."
            ) from exc
        finally:
            future.release()
        result.notes[:0] = notes
        self.save(result)

    def release(self) -> None:
        for future in list(self.pending):
            future.release()
        self.pending.clear()
