"""Benchmark: ``allyship grade`` on a Dask cluster, and what one submission costs there.

Not a test: it prints the numbers docs/grading.md uses for a cohort of 70,000 submissions. It
builds a synthetic cohort (as grade_benchmark.py does) in a temporary folder, with a temporary
home, starts a ``distributed.LocalCluster`` of N worker processes on 127.0.0.1, grades the
cohort through it and reads Dask's task stream:

- per submission on a worker: the task's compute time, the first task of each worker (which
  lays out the course and starts its first kernels) apart from the others;
- the writer's time per submission, in the instructor's process;
- what travels: the course kit once per worker, each submission's files, each result;
- for comparison, the same cohort graded by ``allyship grade`` with N local worker processes.

Run from the course folder:  python benchmarks/dask_benchmark.py --learners 20 --workers 2
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.grading.cohort import build_course, cohort  # noqa: E402
from tests.home import use_home  # noqa: E402


def temporary_home() -> Path:
    """Jupyter's, IPython's and matplotlib's folders in a temporary home (the real one stays
    untouched, as in the tests); set before the cluster starts, so its workers inherit it."""
    home = Path(tempfile.mkdtemp(prefix="allyship-bench-home-"))
    use_home(home)
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return home


def load() -> str:
    return Path("/proc/loadavg").read_text().strip()


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown processor",
    )
    return f"{os.cpu_count()} cores ({model})"


def _memory() -> int:
    """Resident memory of this process and its children (run on each Dask worker)."""
    import psutil

    me = psutil.Process()
    return me.memory_info().rss + sum(c.memory_info().rss for c in me.children(recursive=True))


def _cpu() -> float:
    """CPU seconds of this process and of its kernels, ended or running (run on each worker);
    kernels forked by a warm parent count in its children's times, as it waits for them."""
    import psutil

    me = psutil.Process()
    t = me.cpu_times()
    running = sum(sum(c.cpu_times()[:4]) for c in me.children(recursive=True))
    return t.user + t.system + t.children_user + t.children_system + running


def on_dask(course: Path, module: str, workers: int) -> dict:
    from distributed import Client, get_task_stream

    from allyship.grading import grade
    from allyship.grading.cluster import course_kit, local_cluster, submission_files
    from allyship.grading.worker import load_app
    from allyship.grading.writer import Writer

    app = load_app(course)
    sizes = [
        sum(len(b) for b in submission_files(app, f.parent.name, module).values())
        for f in sorted((course / "submitted").glob(f"*/{module}"))
    ]
    kit = len(pickle.dumps(course_kit(app, [module])))
    writer_cpu = [0.0]
    save = Writer.save

    def timed_save(self, job):  # the writer's own CPU time, in its own thread
        start = time.thread_time()
        try:
            return save(self, job)
        finally:
            writer_cpu[0] += time.thread_time() - start

    Writer.save = timed_save
    try:
        with local_cluster(workers) as address, Client(address, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=120)
            cpu_before = sum(client.run(_cpu).values())
            with get_task_stream(client) as stream:
                start = time.perf_counter()
                report = grade(course, [module], scheduler=address)
                wall = time.perf_counter() - start
            cpu = sum(client.run(_cpu).values()) - cpu_before
            memory = client.run(_memory)  # each worker and its kernel booting ahead
    finally:
        Writer.save = save
    tasks: dict[str, list[tuple[float, float]]] = {}
    for record in stream.data:
        for step in record.get("startstops", ()):
            if step["action"] == "compute":
                tasks.setdefault(record["worker"], []).append((step["start"], step["stop"]))
    first = [stop - start for runs in tasks.values() for start, stop in sorted(runs)[:1]]
    rest = [stop - start for runs in tasks.values() for start, stop in sorted(runs)[1:]]
    graded = len(report.by_status("graded"))
    results = [
        (course / "autograded" / o.learner / module / f"{module}.ipynb").stat().st_size
        for o in report.by_status("graded")
    ]
    return {
        "wall": wall,
        "graded": graded,
        "first": first,
        "rest": rest,
        "writer": report.writer_seconds / max(graded, 1),
        "writer_cpu": writer_cpu[0] / max(graded, 1),
        "cpu": cpu / max(graded, 1),
        "executed_here": report.executed_here,
        "kit": kit,
        "memory": max(memory.values()),
        "submission": statistics.mean(sizes),
        "result": statistics.mean(results),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument("--module", default="01_what_is_allyship")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    home = temporary_home()
    from allyship.grading import grade

    print(f"{datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, {machine()}")
    print(f"load before: {load()}")
    base = Path(tempfile.mkdtemp(prefix="allyship-dask-bench-"))
    try:
        course = build_course(base / "dask", [args.module])
        cohort(course, [args.module], learners=args.learners, seed=3)
        shutil.copytree(course, base / "local")
        d = on_dask(course, args.module, args.workers)
        start = time.perf_counter()
        grade(base / "local", [args.module], workers=args.workers)
        local = time.perf_counter() - start
    finally:
        shutil.rmtree(base, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)
    n, w = d["graded"], args.workers
    print(f"load after:  {load()}")
    print(f"submissions graded: {n} ({args.module}), Dask workers: {w} processes x 1 thread")
    print(f"Dask run, wall: {d['wall']:.1f} s ({d['wall'] * w / n:.3f} s per notebook per worker)")
    print(f"local run ({w} worker processes), wall: {local:.1f} s")
    print(
        f"worker, first task (course laid out, first kernels): {statistics.mean(d['first']):.2f} s"
    )
    rest = d["rest"]
    print(
        f"worker, each later task: median {statistics.median(rest):.3f} s, "
        f"mean {statistics.mean(rest):.3f} s, max {max(rest):.3f} s ({len(rest)} tasks)"
    )
    print(
        f"writer, per submission: {d['writer']:.3f} s (notebooks it ran itself: "
        f"{d['executed_here']})"
    )
    print(
        f"sent: course kit {d['kit'] / 1e3:.0f} kB once per worker; per submission "
        f"{d['submission'] / 1e3:.1f} kB out, about {d['result'] / 1e3:.0f} kB back"
    )
    print(
        f"CPU per submission: workers and their kernels {d['cpu']:.3f} s (each worker's "
        f"start-up included), the writer {d['writer_cpu']:.3f} s"
    )
    print(f"memory of a worker process with its kernel booting ahead: {d['memory'] / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
