"""``allyship grade`` with its workers on a Dask cluster (a ``LocalCluster`` of 2 worker
processes on 127.0.0.1): the gradebook and autograded notebooks are serial nbgrader's; a worker
killed while it grades has its submission rerun on another, and each submission is written once."""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import threading
import time

import pytest

from allyship.grading import grade
from allyship.grading.cluster import local_cluster
from allyship.grading.writer import Writer

from ..helpers import BIN, run
from .cohort import build_course, cohort, submit
from .compare import autograded_notebooks, gradebook_state

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("grading-dask")]
MODULE = "01_what_is_allyship"
LEARNERS = {"learner000", "learner001", "learner002", "notjson"}
BAR = re.compile(r"^\[[#-]+\] \d+/\d+ ")


@pytest.fixture(scope="module")
def courses(tmp_path_factory):
    """One cohort in copies: graded by serial nbgrader, by ``allyship grade --dask-local 2``,
    and one left ungraded for the fault tests."""
    root = tmp_path_factory.mktemp("grade-dask")
    serial = build_course(root / "serial", [MODULE])
    cohort(serial, [MODULE], learners=3, seed=11)
    folder = submit(serial, MODULE, "notjson", {"q1": "x"})
    (folder / f"{MODULE}.ipynb").write_text("this is not a notebook", encoding="utf-8")
    for name in ("cli", "ungraded"):
        shutil.copytree(serial, root / name)
    run([str(BIN / "nbgrader"), "autograde", MODULE], serial, False)
    command = [str(BIN / "allyship"), "--course", str(root / "cli"), "grade", MODULE]
    cli = run([*command, "--dask-local", "2"], root / "cli", False)
    return {"serial": serial, "cli": root / "cli", "ungraded": root / "ungraded", "run": cli}


def duplicates(course) -> int:
    db = sqlite3.connect(course / "gradebook.db")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return db.execute(
            "SELECT COUNT(*) FROM (SELECT student_id, assignment_id FROM submitted_assignment "
            "GROUP BY student_id, assignment_id HAVING COUNT(*) > 1)"
        ).fetchone()[0]
    finally:
        db.close()


def test_dask_local_grades_as_serial_nbgrader(courses):
    proc, serial, cli = courses["run"], courses["serial"], courses["cli"]
    assert proc.returncode == 1  # notjson fails, as under nbgrader
    assert proc.stdout.splitlines()[0] == "Graded 3, failed 1, skipped 0."
    assert "run by the writer itself" not in proc.stdout  # every notebook ran on a Dask worker
    # Dask's own logs are silenced: stderr holds the progress bar and nothing else
    assert all(BAR.match(line) for line in proc.stderr.splitlines()), proc.stderr[-2000:]
    assert set(gradebook_state(serial, MODULE)) == LEARNERS
    assert gradebook_state(cli, MODULE) == gradebook_state(serial, MODULE)
    assert autograded_notebooks(cli, MODULE) == autograded_notebooks(serial, MODULE)
    assert duplicates(cli) == 0


def kill_first_busy_worker(client, found: dict, stop: threading.Event) -> None:
    """Once a worker is executing a grading task, kill its process (SIGKILL, no goodbye)."""

    def _executing(dask_worker) -> tuple[int, list[str]]:  # nested: sent by value, not by name
        return os.getpid(), [str(ts.key) for ts in dask_worker.state.executing]

    while not stop.is_set():
        for address, (pid, keys) in client.run(_executing).items():
            if any(k.startswith("allyship-grade-") for k in keys):
                os.kill(pid, signal.SIGKILL)
                found.update(address=address, pid=pid, key=keys[0])
                return
        time.sleep(0.1)


@pytest.mark.parametrize(
    "allowed_failures, resubmitted",
    [(3, False), (0, True)],
    ids=["rerun-by-dask", "sent-again-after-KilledWorker"],
)
def test_a_killed_worker_loses_nothing_and_grades_nothing_twice(
    courses, allowed_failures, resubmitted, tmp_path, monkeypatch, capfd
):
    """Dask's scheduler reruns the dead worker's task itself (its default, 3 allowed
    failures); with none allowed it gives up at once (``KilledWorker``) and the run sends the
    submission again."""
    import dask
    from distributed import Client

    saved = []
    original = Writer.save

    def counting(self, job):
        saved.append(job)
        return original(self, job)

    monkeypatch.setattr(Writer, "save", counting)
    course, found, stop = tmp_path / "course", {}, threading.Event()
    shutil.copytree(courses["ungraded"], course)
    settings = {"distributed.scheduler.allowed-failures": allowed_failures}
    with (
        dask.config.set(settings),
        local_cluster(2) as address,
        Client(address, set_as_default=False) as client,
    ):
        client.wait_for_workers(2, timeout=60)
        killer = threading.Thread(target=kill_first_busy_worker, args=(client, found, stop))
        killer.start()
        try:
            report = grade(course, [MODULE], scheduler=address)
        finally:
            stop.set()
            killer.join()
        pids_after = set(client.run(os.getpid).values())

    assert found, "no worker was seen executing a task"
    assert found["pid"] not in pids_after  # it really died (the nanny started a new one)
    # each submission saved exactly once by the one writer, and all of them
    names = sorted(job.learner for job in saved)
    assert names == sorted(LEARNERS)
    assert sorted(o.learner for o in report.outcomes) == sorted(LEARNERS)
    killed = next(job for job in saved if f"-{job.learner}-" in found["key"])
    assert killed.ran_on and not killed.ran_on.endswith(f"pid {found['pid']}")  # rerun elsewhere
    assert (report.replayed, report.executed_here) == (3, 0)  # every notebook ran on a worker
    # every task the dead worker held (running, or waiting there) was sent again, or none
    assert (report.resubmitted >= 1) if resubmitted else (report.resubmitted == 0)
    assert gradebook_state(course, MODULE) == gradebook_state(courses["serial"], MODULE)
    assert autograded_notebooks(course, MODULE) == autograded_notebooks(courses["serial"], MODULE)
    assert duplicates(course) == 0
    out, err = capfd.readouterr()
    assert err == "", err[-2000:]  # the worker's death is not shouted on stderr


def test_the_kit_carries_the_course_and_no_learner(courses, tmp_path):
    """What every worker receives: the module's source and release, the configuration, and a
    gradebook of definitions only (a graded course's learners and grades stay here)."""
    from allyship.grading.cluster import course_kit
    from allyship.grading.worker import load_app

    kit = course_kit(load_app(courses["cli"]), [MODULE])
    assert f"source/{MODULE}/{MODULE}.ipynb" in kit.files
    assert f"release/{MODULE}/{MODULE}.ipynb" in kit.files
    assert not [f for f in kit.files if not f.startswith(("source/", "release/"))]
    (tmp_path / "kit.db").write_bytes(kit.gradebook)
    db = sqlite3.connect(tmp_path / "kit.db")
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        cells = db.execute("SELECT COUNT(*) FROM base_cell").fetchone()[0]
    finally:
        db.close()
    assert not tables & {"student", "submitted_assignment", "submitted_notebook", "grade"}
    assert "comment" not in tables and cells > 0
    assert kit.config.Execute.timeout == 30  # the course's nbgrader_config.py, as loaded here
