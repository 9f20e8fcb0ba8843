"""Benchmark: serial ``nbgrader autograde`` vs ``allyship grade`` vs bare nbclient.

Not a test: it prints the numbers for docs/grading.md and README.md (issue 17). One run builds
a synthetic cohort (N learners x the chosen modules, answered through the kit's responses.json
from ``allyship key``, some answers wrong) in a temporary folder, with a temporary home, and
times, on copies of the same submissions, in interleaved rounds (best round of each kept):

- serial ``nbgrader autograde MODULE`` (one command per module, as an instructor runs it);
- ``allyship grade`` with 1 worker and with ``--workers`` (all cores), run as the command;
- bare nbclient: each submitted notebook executed in a fresh kernel, nothing else.

It then prints where each notebook's time went in the best round of ``allyship grade`` with all
workers (``allyship grade --timings``: the workers' stages, the writer's share, CPU seconds per
process), the two targets of the issue as met or not, and the kit's lines
(:mod:`benchmarks.kit_benchmark`: the kit's import in a started kernel, module 01's Run all).
The machine's load (``/proc/loadavg``) is printed with every run: compare ratios measured in the
same run only.

Run from the course folder:  python benchmarks/grade_benchmark.py --learners 20 --modules 01
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks import kit_benchmark  # noqa: E402
from benchmarks.dask_benchmark import temporary_home  # noqa: E402
from tests.grading.cohort import build_course, cohort  # noqa: E402
from tests.helpers import BIN, env  # noqa: E402

load = kit_benchmark.load

#: the workers' stages (allyship.grading.worker.STAGES), as the table names them
STAGES = {
    "copy": "files copied to a private folder",
    "sanitize": "nbgrader's pre-processing (sanitize steps, the guard)",
    "kernel hand-over": "kernel hand-over from the pool (started ahead, until it answers)",
    "setup cell": "kit import (the setup cell, answers loaded)",
    "other cells": "cell execution (the other cells)",
    "kernel shutdown": "kernel shutdown",
}


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=env(), capture_output=True, text=True, check=False)
    return time.perf_counter() - start


def bare_nbclient(course: Path, modules: list[str]) -> tuple[float, int]:
    """Every submitted notebook executed by nbclient in a fresh kernel, one after another, in
    a copy of its folder (responses.json beside it), as autograde's kernel sees it."""
    import nbformat
    from nbclient import NotebookClient

    count, start = 0, time.perf_counter()
    os.environ["NBGRADER_EXECUTION"] = "autograde"
    try:
        for module in modules:
            for folder in sorted((course / "submitted").glob(f"*/{module}")):
                work = Path(tempfile.mkdtemp()) / module
                shutil.copytree(folder, work)
                nb = nbformat.read(str(work / f"{module}.ipynb"), as_version=4)
                NotebookClient(
                    nb,
                    timeout=30,
                    kernel_name="python3",
                    allow_errors=True,
                    resources={"metadata": {"path": work}},
                ).execute()
                shutil.rmtree(work.parent)
                count += 1
    finally:
        del os.environ["NBGRADER_EXECUTION"]
    return time.perf_counter() - start, count


def breakdown(timings: list[dict], wall: float, workers: int) -> list[str]:
    """Where each notebook's time went, from one ``allyship grade --timings`` run."""
    n = len(timings)

    def mean(key: str) -> float:
        return statistics.mean(t.get(key, 0.0) for t in timings)

    lines = ["| stage, on a worker (mean per notebook, wall) | seconds |", "|---|---:|"]
    on_worker = 0.0
    for key, name in STAGES.items():
        on_worker += mean(key)
        lines.append(f"| {name} | {mean(key):.3f} |")
    lines.append(f"| = a worker's time per notebook | {on_worker:.3f} |")
    rest = wall * workers / n - on_worker
    lines.append(
        f"| + start-up and tail, shared out (the command's start, nbgrader's import, the "
        f"workers' set-up, the last saves) | {rest:.3f} |"
    )
    lines.append(f"| = per-notebook cost (wall x workers / notebooks) | {wall * workers / n:.3f} |")
    lines.append(
        f"| the writer's share, in the instructor's process, beside the workers (nbgrader's "
        f"post-processing, the gradebook) | {mean('writer'):.3f} |"
    )
    cpu = {k: mean(k) for k in ("kernel CPU", "worker CPU", "writer CPU")}
    lines.append(
        f"\nCPU seconds per notebook: kernel {cpu['kernel CPU']:.3f}, worker "
        f"{cpu['worker CPU']:.3f}, writer {cpu['writer CPU']:.3f} (total {sum(cpu.values()):.3f})"
    )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument("--modules", nargs="+", default=["01_what_is_allyship"])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; best kept")
    args = parser.parse_args()
    modules = [
        next(p.name for p in (REPO / "source").iterdir() if p.name.startswith(m[:2]))
        for m in args.modules
    ]
    home = temporary_home()
    root = Path(tempfile.mkdtemp(prefix="grade-bench-"))
    n = args.learners * len(modules)
    names = [
        "serial nbgrader autograde",
        "allyship grade, 1 worker",
        f"allyship grade, {args.workers} workers",
        "bare nbclient (serial)",
    ]
    rounds: dict[str, list[float]] = {name: [] for name in names}
    loads: list[list[str]] = []
    timings: list[list[dict]] = []
    started = datetime.now(UTC)
    try:
        base = build_course(root / "base", modules)
        cohort(base, modules, args.learners, seed=3)
        grade = [str(BIN / "allyship"), "grade", "--quiet", *modules]
        # Rounds interleave the four runs, and the table keeps each one's best round, so a
        # burst of load from other programs on the machine does not land on one run only.
        for r in range(args.rounds):
            copies = {}
            for i, name in enumerate(names[:3]):
                copies[name] = root / f"round{r}-{i}"
                shutil.copytree(base, copies[name])
            loads.append([])
            loads[-1].append(load())
            rounds[names[0]].append(
                sum(
                    timed([str(BIN / "nbgrader"), "autograde", m], copies[names[0]])
                    for m in modules
                )
            )
            loads[-1].append(load())
            rounds[names[1]].append(timed([*grade, "--workers", "1"], copies[names[1]]))
            loads[-1].append(load())
            out = root / f"timings{r}.json"
            rounds[names[2]].append(
                timed(
                    [*grade, "--workers", str(args.workers), "--timings", str(out)],
                    copies[names[2]],
                )
            )
            timings.append(json.loads(out.read_text()))
            loads[-1].append(load())
            bare, count = bare_nbclient(base, modules)
            assert count == n
            rounds[names[3]].append(bare)
            for path in copies.values():
                shutil.rmtree(path)
        submission = next((base / "submitted").glob(f"*/{modules[0]}"))
        kit_lines, kit = kit_benchmark.report(submission, modules[0], runs=3)
    finally:
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)

    results = {name: min(times) for name, times in rounds.items()}
    serial, parallel = results[names[0]], results[names[2]]
    best = rounds[names[2]].index(parallel)
    print(
        f"\n{started:%Y-%m-%d %H:%M} UTC: {n} notebooks ({args.learners} learners x "
        f"{', '.join(modules)}), {os.cpu_count()} cores, {args.workers} workers, best of "
        f"{args.rounds} rounds\n"
    )
    print("| run | wall (s) | per notebook (s) | vs serial nbgrader |")
    print("|---|---:|---:|---:|")
    for name, seconds in results.items():
        print(f"| {name} | {seconds:.1f} | {seconds / n:.3f} | {serial / seconds:.2f}x |")
    print("\nEach round (wall s; /proc/loadavg before each run):")
    for r, times in enumerate(zip(*rounds.values(), strict=True)):
        print(
            f"  round {r + 1}: "
            + ", ".join(f"{name} {t:.1f}" for name, t in zip(names, times, strict=True))
            + f"; {args.workers} workers vs serial {times[0] / times[2]:.2f}x"
        )
        for name, before in zip(
            ["serial", "1 worker", f"{args.workers} workers", "bare"], loads[r], strict=True
        ):
            print(f"    load before {name}: {before}")
    per_nb = parallel * args.workers / n
    cells = kit["autograde"]["Run all"]
    speed = serial / parallel
    print(
        f"\nTarget 1: allyship grade, {args.workers} workers vs serial nbgrader: {speed:.2f}x "
        f"(target >= 4x): {'met' if speed >= 4 else 'not met'}"
    )
    print(
        f"Target 2: per-notebook cost (wall x workers / notebooks) {per_nb:.3f} s vs "
        f"{modules[0]}'s cells with a kernel started (autograde) {cells:.3f} s: "
        f"{per_nb / cells:.2f}x (target <= 2x): {'met' if per_nb / cells <= 2 else 'not met'}"
    )
    print(
        f"\nWhere each notebook's time went (allyship grade, {args.workers} workers, its best "
        f"round, round {best + 1}: {parallel:.1f} s):\n"
    )
    print("\n".join(breakdown(timings[best], parallel, args.workers)))
    print(f"\nBare nbclient per notebook (a fresh kernel each): {results[names[3]] / n:.3f} s")
    print("\n" + "\n".join(kit_lines))
    print(f"\nload average at the end: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
