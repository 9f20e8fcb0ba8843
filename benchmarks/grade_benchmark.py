"""Benchmark: serial ``nbgrader autograde`` vs ``allyship grade`` vs bare nbclient.

Not a test: it prints numbers for docs/grading.md. One run builds a synthetic cohort (N learners
x the chosen modules, answered through the kit's responses.json from ``allyship key``, some
answers wrong) in a temporary folder, copies it three times, and times, on the same
submissions:

- serial ``nbgrader autograde MODULE`` (one command per module, as an instructor runs it);
- ``allyship grade`` with 1 worker and with all cores;
- bare nbclient: each submitted notebook executed in a fresh kernel, nothing else;
- the kit's import time in a fresh interpreter, and one module's execution with the kernel
  already started.

Run from the course folder:  python benchmarks/grade_benchmark.py --learners 20 --modules 01
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.grading.cohort import build_course, cohort  # noqa: E402
from tests.helpers import BIN, env  # noqa: E402


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


def module_execution(course: Path, module: str, runs: int = 3) -> dict[str, float]:
    """Best of ``runs``, in seconds: a kernel's start-up (start to its kernel_info reply), the
    module's first cell (the kit's import, in a started kernel where IPython is loaded), the
    other cells, and all cells, on one submitted notebook, as nbgrader's kernel runs them."""
    import nbformat
    from nbclient import NotebookClient

    folder = next((course / "submitted").glob(f"*/{module}"))
    best: dict[str, float] = {}
    os.environ["NBGRADER_EXECUTION"] = "autograde"
    try:
        for _ in range(runs):
            nb = nbformat.read(str(folder / f"{module}.ipynb"), as_version=4)
            client = NotebookClient(
                nb,
                timeout=30,
                kernel_name="python3",
                allow_errors=True,
                resources={"metadata": {"path": folder}},
            )
            start = time.perf_counter()
            with client.setup_kernel():
                client.wait_for_reply(client.kc.kernel_info())
                times = {"kernel start-up": time.perf_counter() - start}
                code = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
                start = time.perf_counter()
                client.execute_cell(code[0][1], code[0][0])
                times["kit import (first cell)"] = time.perf_counter() - start
                start = time.perf_counter()
                for index, cell in code[1:]:
                    client.execute_cell(cell, index)
                times["other cells"] = time.perf_counter() - start
            times["all cells"] = times["kit import (first cell)"] + times["other cells"]
            for name, seconds in times.items():
                best[name] = min(seconds, best.get(name, seconds))
    finally:
        del os.environ["NBGRADER_EXECUTION"]
    return best


def writer_share(base: Path, copy: Path, modules: list[str], workers: int) -> float:
    """Seconds the one writer spent saving, in an ``allyship grade`` run in this process."""
    from allyship.grading import grade

    shutil.copytree(base, copy)
    here = os.getcwd()
    try:
        os.chdir(copy)
        return grade(copy, modules, workers=workers).writer_seconds
    finally:
        os.chdir(here)
        shutil.rmtree(copy, ignore_errors=True)


def import_time(runs: int = 7) -> tuple[float, float]:
    """(median seconds of ``import allyship`` beyond a bare interpreter, self-reported
    cumulative import time of the package from ``-X importtime``)."""
    python = str(BIN / "python")

    def wall(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([python, "-c", code], check=True, env=env())
        return time.perf_counter() - start

    bare = statistics.median(wall("pass") for _ in range(runs))
    kit = statistics.median(wall("import allyship") for _ in range(runs))
    cumulative = []
    for _ in range(runs):
        proc = subprocess.run(
            [python, "-X", "importtime", "-c", "import allyship"],
            capture_output=True,
            text=True,
            env=env(),
        )
        line = [x for x in proc.stderr.splitlines() if x.rstrip().endswith("| allyship")][-1]
        cumulative.append(int(line.split("|")[1]) / 1e6)
    return kit - bare, statistics.median(cumulative)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--learners", type=int, default=20)
    parser.add_argument("--modules", nargs="+", default=["01_what_is_allyship"])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds; best kept")
    args = parser.parse_args()
    modules = [
        next(p.name for p in (REPO / "source").iterdir() if p.name.startswith(m[:2]))
        for m in args.modules
    ]
    root = Path(tempfile.mkdtemp(prefix="grade-bench-"))
    load_before = os.getloadavg()[0]
    try:
        base = build_course(root / "base", modules)
        cohort(base, modules, args.learners, seed=3)
        n = args.learners * len(modules)
        grade = [str(BIN / "allyship"), "grade", "--quiet", *modules]
        names = [
            "serial nbgrader autograde",
            "allyship grade, 1 worker",
            f"allyship grade, {args.workers} workers",
            "bare nbclient (serial)",
        ]
        rounds: dict[str, list[float]] = {name: [] for name in names}
        # Rounds interleave the four runs, and the table keeps each one's best round, so a
        # burst of load from other programs on the machine does not land on one run only.
        for r in range(args.rounds):
            copies = {}
            for name in names[:3]:
                copies[name] = root / f"round{r}-{names.index(name)}"
                shutil.copytree(base, copies[name])
            rounds[names[0]].append(
                sum(
                    timed([str(BIN / "nbgrader"), "autograde", m], copies[names[0]])
                    for m in modules
                )
            )
            rounds[names[1]].append(timed([*grade, "--workers", "1"], copies[names[1]]))
            rounds[names[2]].append(
                timed([*grade, "--workers", str(args.workers)], copies[names[2]])
            )
            bare, count = bare_nbclient(base, modules)
            assert count == n
            rounds[names[3]].append(bare)
            for path in copies.values():
                shutil.rmtree(path)
        results = {name: min(times) for name, times in rounds.items()}
        bare = results[names[3]]
        execution = {m: module_execution(base, m) for m in modules}
        writer = writer_share(base, root / "writer", modules, args.workers)
        kit_wall, kit_self = import_time()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    load_after = os.getloadavg()[0]

    serial = results["serial nbgrader autograde"]
    parallel = results[f"allyship grade, {args.workers} workers"]
    print(
        f"\n{n} notebooks ({args.learners} learners x {', '.join(modules)}), "
        f"{os.cpu_count()} cores, {args.workers} workers, best of {args.rounds} rounds; "
        f"load average {load_before:.1f} before, {load_after:.1f} after\n"
    )
    print("| run | wall (s) | per notebook (s) | vs serial nbgrader |")
    print("|---|---:|---:|---:|")
    for name, seconds in results.items():
        print(f"| {name} | {seconds:.1f} | {seconds / n:.3f} | {serial / seconds:.2f}x |")
    per_nb = parallel * args.workers / n
    print(
        f"\nallyship grade, {args.workers} workers vs serial nbgrader: "
        f"{serial / parallel:.2f}x (target >= 4x)"
    )
    first = execution[modules[0]]
    print(
        f"per-notebook cost (wall x workers / notebooks) {per_nb:.3f} s vs {modules[0]}'s "
        f"cells with a kernel started {first['all cells']:.3f} s: "
        f"{per_nb / first['all cells']:.2f}x (target <= 2x)"
    )
    print(f"bare nbclient per notebook (fresh kernel each): {bare / n:.3f} s")
    print("\nWhere a notebook's time goes (best of 3, one kernel, nothing else running in it):")
    for module, times in execution.items():
        for name, seconds in times.items():
            print(f"  {module}: {name}: {seconds:.3f} s")
        print(
            f"  {module}: Run all with the kernel started: {times['all cells']:.2f} s "
            "(target <= 1 s)"
        )
    print(
        f"  writer's share (allyship grade in-process, {args.workers} workers): "
        f"{writer / n:.3f} s per notebook"
    )
    print(
        f"kit import (fresh interpreter, beyond bare python): {kit_wall * 1000:.0f} ms wall, "
        f"{kit_self * 1000:.0f} ms by -X importtime"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
