"""``allyship grade``: autograde a cohort with N worker processes and one gradebook writer.

nbgrader grades one notebook at a time (upstream #174). Kernel start-up and execution are the
cost, and they are independent per submission, so workers run them in parallel
(:mod:`allyship.grading_worker`), while this process alone writes the gradebook through
nbgrader's own converter (:mod:`allyship.grading_writer`). The grades are therefore nbgrader's
own, byte for byte; SQLite never sees two writers; a re-run skips what is already graded
(``force=True`` regrades; manual grades are never overwritten, as in nbgrader). With
``scheduler=``, the same workers run on a Dask cluster (:mod:`allyship.grading.cluster`) and the
writer stays here. See docs/grading.md.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GradingError
from .worker import Executed, PreGradeStep, init_worker, run_job

__all__ = ["GradeReport", "PreGradeStep", "grade", "plan"]


@dataclass
class GradeReport:
    """What a run did: one outcome per submission, and how the notebooks were executed."""

    outcomes: list = field(default_factory=list)  # grading_writer.Outcome
    not_released: list = field(default_factory=list)  # modules --collect skipped
    replayed: int = 0  # notebooks executed by a worker and saved by the writer
    executed_here: int = 0  # notebooks the writer had to execute itself (should be 0)
    writer_seconds: float = 0.0  # wall time the writer spent saving (the benchmark prints it)
    #: per submission saved: the worker's stages (worker.STAGES) and the writer's wall and CPU
    #: seconds ("writer", "writer CPU"), in seconds; ``allyship grade --timings`` writes them
    timings: list[dict] = field(default_factory=list)
    resubmitted: int = 0  # Dask tasks sent again after Dask gave up on their workers

    def by_status(self, status: str) -> list:
        return [o for o in self.outcomes if o.status == status]

    @property
    def ok(self) -> bool:
        return not self.by_status("failed")


def plan(course: Path, app, modules: Sequence[str], learners: Sequence[str] | None, force: bool):
    """(to grade, skipped) submissions under ``submitted/``, decided as nbgrader's
    ``init_destination`` decides (already graded and not newer: skipped), without touching
    anything."""
    cd = app.coursedir
    todo, skipped = [], []
    excluded = set(filter(None, cd.student_id_exclude.split(",")))
    for module in modules:
        pattern = Path(cd.format_path(cd.submitted_directory, "*", module))
        found = {}
        for folder in sorted(pattern.parent.parent.glob(f"*/{module}")):
            learner = folder.parent.name
            if folder.is_dir() and learner not in excluded:
                found[learner] = folder
        wanted = learners if learners else sorted(found)
        for learner in wanted:
            folder = found.get(learner)
            if folder is None:
                skipped.append((learner, module, "no submission"))
            elif not any(folder.glob("*.ipynb")):
                skipped.append((learner, module, "no notebook in the submission"))
            elif not force and _already_graded(cd, learner, module):
                skipped.append((learner, module, "already graded (--force regrades)"))
            else:
                todo.append((learner, module))
    return todo, skipped


def _already_graded(cd, learner: str, module: str) -> bool:
    src = cd.format_path(cd.submitted_directory, learner, module)
    dest = cd.format_path(cd.autograded_directory, learner, module)
    if not os.path.exists(dest):
        return False
    new, old = cd.get_existing_timestamp(src), cd.get_existing_timestamp(dest)
    return not (new is not None and old is not None and new > old)


def collect(course: Path, modules: Sequence[str], learners: Sequence[str] | None) -> list[str]:
    """``nbgrader collect`` of each module that is released in the exchange (for each named
    learner, or everyone), in this process; returns the modules skipped as not released. Only
    released modules can have submissions, and each ``nbgrader collect`` command would cost
    seconds of start-up."""
    from .release import _api, released

    out = released(course)
    api = _api(course)
    for module in (m for m in modules if m in out):
        for who in learners or ["*"]:
            api.coursedir.student_id = who
            result = api.collect(module)
            if not result.get("success"):
                lines = (result.get("error") or result.get("log") or "").strip().splitlines()
                why = next((x for x in lines if "CRITICAL" in x), lines[-1] if lines else "")
                raise GradingError(f"nbgrader collect {module} failed: {why or 'no message'}")
    return [m for m in modules if m not in out]


def grade(
    course: Path,
    modules: Sequence[str],
    learners: Sequence[str] | None = None,
    *,
    workers: int | None = None,
    force: bool = False,
    collect_first: bool = False,
    steps: Sequence[PreGradeStep] = (),
    nbgrader_args: Sequence[str] = (),
    log_file: str | None = None,
    progress: Callable[[int, int, object], None] | None = None,
    scheduler=None,
) -> GradeReport:
    """Autograde every submission of ``modules`` (only ``learners``, when given) into the
    course's gradebook. ``steps`` run on each submission folder before it is graded (a repair,
    for example); ``nbgrader_args`` are extra ``--Class.trait=value`` settings, as on
    ``nbgrader autograde``'s command line. ``progress(done, total, outcome)`` is called after
    each submission. ``scheduler``: a Dask scheduler's address, or a ``distributed.Client``, to
    run the workers on instead of ``workers`` local processes."""
    course = Path(course).resolve()
    workers = max(1, workers or os.cpu_count() or 1)
    scratch = Path(tempfile.mkdtemp(prefix="allyship-grade-"))
    # the kernels' warm parents import while this process loads nbgrader (local workers only)
    servers = [] if scheduler is not None else _warm_parents(course, modules, workers, scratch)
    handed = False  # the warm parents went to the workers
    try:
        from .speedups import skip_format_grammar

        skip_format_grammar()  # before nbgrader is imported: a second of start-up, unused
        from .release import register
        from .worker import load_app
        from .writer import Outcome, Writer

        register(course, modules)  # a module released by Formgrader's button may not be, yet
        not_released = collect(course, modules, learners) if collect_first else []
        args = [*nbgrader_args] + (["--force"] if force else [])
        app = load_app(course, args)
        todo, skipped = plan(course, app, modules, learners, force)
        report = GradeReport([Outcome(lrn, mod, "skipped", why) for lrn, mod, why in skipped])
        report.not_released = not_released
        total = len(todo) + len(skipped)
        if progress:
            progress(len(skipped), total, None)
        if not todo:
            return report
        if scheduler is not None:
            from .cluster import run_on_cluster

            writer = Writer(app, log_file)
            save = _Saving(writer, report, progress, total)
            report.resubmitted = run_on_cluster(scheduler, app, todo, steps, save)
            report.replayed, report.executed_here = writer.replayed, writer.executed_here
            return report
        context = _fork_context()
        taken = context.Value("i", 0) if servers else None  # which warm parent each worker takes
        pool = ProcessPoolExecutor(
            max_workers=min(workers, len(todo)),
            mp_context=context,
            initializer=init_worker,
            initargs=(course, args, app.coursedir.db_url, scratch, servers, taken),
        )
        with pool:
            # Workers are forked before this process opens the gradebook or any kernel.
            jobs = {pool.submit(run_job, lrn, mod, tuple(steps)): (lrn, mod) for lrn, mod in todo}
            for server in servers:
                server.release()  # the workers are forked: each holds the pipes of its own
            handed = True
            pending = set(jobs)
            writer = Writer(app, log_file)
            save = _Saving(writer, report, progress, total)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    save(_result(future, *jobs[future]))
        report.replayed, report.executed_here = writer.replayed, writer.executed_here
        return report
    finally:
        for server in servers:  # each ends once its worker has closed its pipes
            server.close(stop=not handed)
        shutil.rmtree(scratch, ignore_errors=True)


def _warm_parents(course: Path, modules: Sequence[str], workers: int, scratch: Path) -> list:
    """One warm parent (allyship.grading.forkserver) per worker that may be needed, started now
    so that their imports overlap this process's; [] where kernels are not forked, or when no
    module has a submission folder."""
    from .kernels import FORK

    if not FORK or _fork_context().get_start_method() != "fork":
        return []
    folders = sum(1 for m in modules for _ in (course / "submitted").glob(f"*/{m}"))
    from .forkserver import ForkServer

    env = {**os.environ, "NBGRADER_EXECUTION": "autograde"}  # the kernels' environment
    servers = []
    for _ in range(min(workers, folders)):
        home = Path(tempfile.mkdtemp(prefix="warm-parent-", dir=scratch))
        servers.append(ForkServer(env, log=home / "warm-parent.log", cwd=home))
    return servers


class _Saving:
    """The writer's side of a run: each result saved once, timed, reported. A submission's
    result arriving a second time (a Dask task rerun after its worker died having finished it)
    is not written again."""

    def __init__(self, writer, report: GradeReport, progress, total: int):
        self.writer, self.report, self.progress, self.total = writer, report, progress, total
        self.saved: set[tuple[str, str]] = set()

    def __call__(self, result: Executed) -> None:
        if (result.learner, result.module) in self.saved:
            return
        self.saved.add((result.learner, result.module))
        started, cpu = time.perf_counter(), time.thread_time()
        outcome = self.writer.save(result)
        wall = time.perf_counter() - started
        self.report.writer_seconds += wall
        self.report.timings.append(
            {
                "learner": result.learner,
                "module": result.module,
                "status": outcome.status,
                **result.timings,
                "writer": wall,
                "writer CPU": time.thread_time() - cpu,
                "saved": time.time(),  # when (the worker's "began" and "ended" are times too)
            }
        )
        self.report.outcomes.append(outcome)
        if self.progress:
            self.progress(len(self.report.outcomes), self.total, outcome)


def _result(future, learner: str, module: str) -> Executed:
    """The worker's result; if the worker itself broke, an empty one, so the writer runs the
    notebook in this process (nbgrader's own path) and the submission is still graded."""
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - e.g. BrokenProcessPool; grading goes on, serially
        return Executed(learner, module)


def _fork_context():
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def repair_step(folder: Path, *, module: str, learner: str, course: Path) -> list[str]:
    """The pre-grading step of ``allyship grade --repair``: :func:`allyship.repair.
    repair_submission` against the module's release notebook (its source when no release)."""
    from .repair import reference_notebook, repair_submission

    return repair_submission(folder, reference_notebook(course, module))
