"""Benchmark: the kit in a learner's kernel, and module 01's Run all with the kernel started.

Not a test: it prints the numbers of issue 17's item 4 for docs/grading.md. Everything is
measured inside a started IPython kernel (ipykernel, IPython already loaded), as a learner's
kernel and nbgrader's see it, best of ``--runs``:

- the kit's import: the names of a module's setup cell (``from allyship import ...``), in a
  learner's session (widgets drawn: ipywidgets and anywidget) and under autograde
  (``NBGRADER_EXECUTION=autograde``: nothing drawn, no anywidget); and, in a kernel that has
  already imported ipywidgets (and anywidget), what the kit's own modules add;
- a module's Run all with the kernel started (every cell, its answers loaded from a
  ``responses.json``), in a learner's session and under autograde; the kernel's start-up
  (start to its ``kernel_info`` reply) beside it; target: Run all <= 1 s.

Run from the course folder:  python benchmarks/kit_benchmark.py --module 01
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

#: a module's setup cell imports these (module 01's does, all of them)
SETUP_NAMES = (
    "ActionPlan, Choice, LandRecord, Practice, Reflection, Rewrite, SelfAudit, Consent, "
    "check_answered, check_choice, check_choices, check_written, open_responses"
)


def load() -> str:
    return Path("/proc/loadavg").read_text().strip()


def _client(nb, folder: Path, autograde: bool):
    from nbclient import NotebookClient

    os.environ.pop("NBGRADER_EXECUTION", None)
    if autograde:
        os.environ["NBGRADER_EXECUTION"] = "autograde"  # the kernel inherits it, as nbgrader's
    return NotebookClient(
        nb,
        timeout=60,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(folder)}},
    )


def _timed_cell(client, code: str) -> float:
    from nbformat.v4 import new_code_cell

    cell = new_code_cell(code)
    client.nb.cells.append(cell)
    start = time.perf_counter()
    client.execute_cell(cell, len(client.nb.cells) - 1)
    return time.perf_counter() - start


def kit_import(autograde: bool, runs: int = 3) -> dict[str, float]:
    """Seconds, best of ``runs``, each in a new started kernel: the setup cell's import; and,
    in another, ipywidgets (and anywidget, in a learner's session) first, then the kit's own."""
    from nbformat.v4 import new_notebook

    best: dict[str, float] = {}
    folder = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    try:
        for _ in range(runs):
            for split in (False, True):
                client = _client(new_notebook(), folder, autograde)
                with client.setup_kernel():
                    client.wait_for_reply(client.kc.kernel_info())
                    times = {}
                    if split:
                        libraries = "import ipywidgets" + ("" if autograde else ", anywidget")
                        times["widget libraries"] = _timed_cell(client, libraries)
                        times["the kit's own modules"] = _timed_cell(
                            client, f"from allyship import {SETUP_NAMES}"
                        )
                    else:
                        times["kit import"] = _timed_cell(
                            client, f"from allyship import {SETUP_NAMES}"
                        )
                for name, seconds in times.items():
                    best[name] = min(seconds, best.get(name, seconds))
    finally:
        os.environ.pop("NBGRADER_EXECUTION", None)
        shutil.rmtree(folder, ignore_errors=True)
    return best


def run_all(submission: Path, module: str, autograde: bool, runs: int = 3) -> dict[str, float]:
    """Seconds, best of ``runs``: a kernel's start-up (to its kernel_info reply), the setup
    cell (the kit's import, the answers loaded), the other cells, and Run all (every cell), on
    a copy of ``submission`` (a folder with the notebook and its responses.json)."""
    import nbformat

    best: dict[str, float] = {}
    for _ in range(runs):
        folder = Path(tempfile.mkdtemp(prefix="kit-bench-")) / module
        shutil.copytree(submission, folder)
        nb = nbformat.read(str(folder / f"{module}.ipynb"), as_version=4)
        client = _client(nb, folder, autograde)
        try:
            start = time.perf_counter()
            with client.setup_kernel():
                client.wait_for_reply(client.kc.kernel_info())
                times = {"kernel start-up": time.perf_counter() - start}
                code = [(i, c) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
                start = time.perf_counter()
                client.execute_cell(code[0][1], code[0][0])
                times["setup cell"] = time.perf_counter() - start
                start = time.perf_counter()
                for index, cell in code[1:]:
                    client.execute_cell(cell, index)
                times["other cells"] = time.perf_counter() - start
            times["Run all"] = times["setup cell"] + times["other cells"]
        finally:
            os.environ.pop("NBGRADER_EXECUTION", None)
            shutil.rmtree(folder.parent, ignore_errors=True)
        for name, seconds in times.items():
            best[name] = min(seconds, best.get(name, seconds))
    return best


def report(submission: Path, module: str, runs: int = 3) -> tuple[list[str], dict]:
    """The lines this benchmark prints, and the numbers (Run all under autograde is the
    denominator of grade_benchmark.py's per-notebook target)."""
    lines, numbers = [], {}
    for autograde, where in ((False, "learner's session"), (True, "autograde")):
        before = load()
        kit = kit_import(autograde, runs)
        cells = run_all(submission, module, autograde, runs)
        numbers[where] = {**kit, **cells}
        lines.append(f"In a started kernel, {where} (best of {runs}; load {before}):")
        own = kit["the kit's own modules"]
        lines.append(
            f"  kit import (the setup cell's names): {kit['kit import'] * 1000:.0f} ms; with "
            f"{'ipywidgets' if autograde else 'ipywidgets and anywidget'} already imported "
            f"({kit['widget libraries'] * 1000:.0f} ms), the kit's own modules add "
            f"{own * 1000:.0f} ms"
        )
        verdict = "met" if cells["Run all"] <= 1.0 else "not met"
        lines.append(
            f"  {module}: kernel start-up {cells['kernel start-up']:.3f} s, setup cell "
            f"{cells['setup cell']:.3f} s, other cells {cells['other cells']:.3f} s; Run all "
            f"with the kernel started {cells['Run all']:.3f} s (target <= 1 s): {verdict}"
        )
    return lines, numbers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--module", default="01")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from tests.grading.cohort import build_course, cohort

    module = next(p.name for p in (REPO / "source").iterdir() if p.name.startswith(args.module))
    root = Path(tempfile.mkdtemp(prefix="kit-bench-course-"))
    try:
        course = build_course(root / "course", [module])
        cohort(course, [module], 1, seed=3)
        submission = next((course / "submitted").glob(f"*/{module}"))
        print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores")
        lines, _ = report(submission, module, args.runs)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
