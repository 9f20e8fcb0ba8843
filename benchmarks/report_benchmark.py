"""Benchmark: ``allyship report``, the item analysis and the cohort view on a 10,000-learner
gradebook, against a bare ``pandas.read_sql`` of the same tables.

Not a test: it prints numbers for docs/instructors-and-facilitators.md. One run builds, in a
temporary folder (or ``--keep FOLDER``, reused when it is already there), the synthetic course
of ``report_gradebook.py``: N learners (default 10,000) x every module of the English edition
in nbgrader's own tables, and every submission's autograded ``responses.json``.

Then it times, each in a fresh interpreter with its imports already done (so each has its own
peak memory, ``ru_maxrss``, and nothing kept in memory from an earlier step):

- the bare read: ``pandas.read_sql("SELECT * FROM <table>")`` of every table the report reads
  (best of ``--runs``, default 3);
- the full report (``summarise_report`` and ``report_text``: gradebook, answers, item analysis,
  every table as text): first with no cache (the first report ever, or after deleting
  ``.allyship/``); then after a round of grading of one module (its answers files rewritten,
  a tenth of them with a different answer, and a thousand of its reflections scored in the
  gradebook: :func:`a_round_of_grading`), these two in turn ``--runs`` rounds, each printed,
  the median judged against the target; then again with nothing graded since (best of
  ``--runs``);
- the item analysis alone, on frames already read, with nothing kept of it; the cohort view
  alone, on the report;

then ``allyship report`` itself in a fresh interpreter (start-up and imports included), its
peak memory from GNU time, and the load average before and after. A line on stderr says what
it is doing once the run has taken more than a few seconds.

Run from the course folder:  python benchmarks/report_benchmark.py [--learners 10000]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from report_gradebook import TABLES, build  # noqa: E402

TARGET_SECONDS, TARGET_RATIO = 3.0, 3.0


class Progress:
    """A line on stderr for each step, once the run has taken more than a few seconds."""

    def __init__(self, after: float = 3.0) -> None:
        self.start, self.after = time.perf_counter(), after

    def __call__(self, what: str) -> None:
        elapsed = time.perf_counter() - self.start
        if elapsed > self.after:
            print(f"  ... {what} ({elapsed:.0f} s so far)", file=sys.stderr, flush=True)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- what a child interpreter times -----------------------------------------------------------
def _steps(course: Path) -> dict:
    import pandas as pd
    from sqlalchemy import create_engine

    from allyship.instructor import gradebook as G
    from allyship.instructor import item_analysis as IA
    from allyship.instructor.reports import (
        cohort_text,
        report_text,
        summarise_cohort,
        summarise_report,
    )

    def bare() -> int:
        engine = create_engine(f"sqlite:///{course / 'gradebook.db'}")
        with engine.connect() as con:
            tables = {t: pd.read_sql(f"SELECT * FROM {t}", con) for t in TABLES}
        engine.dispose()
        return sum(len(t) for t in tables.values())

    def report() -> int:
        return len(report_text(summarise_report(course)))

    def items() -> tuple[float, float]:  # its own times: the frames are read first
        data = G.load(G.gradebook_url(course), cache=course / ".allyship")
        answers = summarise_report(course).responses
        start, cpu = time.perf_counter(), time.process_time()
        IA.analyse(course, data, answers)
        return time.perf_counter() - start, time.process_time() - cpu

    def cohort() -> tuple[float, float]:  # its own times: the report is read first
        full = summarise_report(course)
        start, cpu = time.perf_counter(), time.process_time()
        cohort_text(summarise_cohort(full))
        return time.perf_counter() - start, time.process_time() - cpu

    return {"bare": bare, "report": report, "items": items, "cohort": cohort}


def child(course: Path, what: str, runs: int) -> None:
    """Time ``what`` ``runs`` times in this interpreter; print the best as JSON."""
    steps = _steps(course)
    imports = peak_mb()
    times, result = [], None
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        result = steps[what]()
        elapsed = (time.perf_counter() - start, time.process_time() - cpu)
        times.append(result if what in ("items", "cohort") else elapsed)
    best = min(times)
    print(json.dumps({"seconds": best[0], "cpu": best[1], "peak_mb": peak_mb(),
                      "imports_mb": imports, "result": result}))  # fmt: skip


def measure(course: Path, what: str, runs: int = 1) -> dict:
    command = [sys.executable, __file__, "--child", what, "--runs", str(runs), str(course)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{what} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the parent ---------------------------------------------------------------------------------
def clear_caches(course: Path) -> None:
    for cache in (course / ".allyship").glob("*.cache"):
        cache.unlink()


def a_round_of_grading(course: Path) -> int:
    """What a round of grading of one module leaves: ``nbgrader autograde`` rewrites every
    answers file of the module (a new modification time), one learner in ten with a different
    answer to one question; and a grader scores a thousand of its reflections in the
    gradebook (those not scored yet first; once every one is, a thousand scored again with
    another score, so that a course kept with ``--keep`` and graded round after round still
    changes). Every other module is as it was."""
    import sqlite3

    from allyship.instructor.items import questions

    module = sorted(p.name for p in (course / "source").iterdir())[-1]
    asked = questions(course, [module])[module]
    item = sorted(asked)[0]
    files = sorted((course / "autograded").glob(f"*/{module}/responses.json"))
    for n, path in enumerate(files):
        answers = json.loads(path.read_text(encoding="utf-8"))
        if n % 10 == 0 and isinstance(answers.get(item), str):  # another option than before
            options = [o for o in asked[item].options if o != answers[item]]
            answers[item] = options[n // 10 % len(options)]
        path.write_text(json.dumps(answers), encoding="utf-8")
    reflections = (
        "SELECT g.rowid FROM grade g JOIN base_cell c ON c.id = g.cell_id "
        "JOIN submitted_notebook n ON n.id = g.notebook_id "
        "JOIN submitted_assignment s ON s.id = n.assignment_id "
        "JOIN assignment a ON a.id = s.assignment_id WHERE a.name = ? AND c.name LIKE 'r%'"
    )
    with sqlite3.connect(course / "gradebook.db") as con:  # those not scored yet come first
        present = con.execute(f"SELECT count(*) FROM ({reflections})", (module,)).fetchone()[0]
        wanted = min(1000, present)
        scored = con.execute(
            "UPDATE grade SET manual_score = coalesce(manual_score, 0) + 1, needs_manual_grade = 0 "
            f"WHERE rowid IN ({reflections} ORDER BY g.manual_score IS NOT NULL, "
            "g.manual_score, g.rowid LIMIT 1000)",
            (module,),
        ).rowcount
    if not scored or scored != wanted:  # a round that changed nothing would time the cache
        raise SystemExit(f"the round of grading scored {scored} reflections, not {wanted}")
    return len(files)


def the_command(course: Path) -> tuple[float, float | None]:
    """``allyship report`` in a fresh interpreter, as an instructor runs it: (seconds, peak MB,
    from GNU time when it is installed)."""
    command = [sys.executable, "-m", "allyship.cli", "--course", str(course), "report"]
    timer = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    with tempfile.NamedTemporaryFile("r") as peak:
        wrapped = [timer, "-f", "%M", "-o", peak.name, *command] if timer else command
        start = time.perf_counter()
        subprocess.run(wrapped, stdout=subprocess.DEVNULL, check=True)
        elapsed = time.perf_counter() - start
        text = Path(peak.name).read_text().strip().splitlines()
    return elapsed, (int(text[-1]) / 1024 if timer and text else None)


def imports_only() -> float:
    start = time.perf_counter()
    code = "import allyship.cli, allyship.instructor.reports, allyship.instructor.answers"
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def line(label: str, m: dict, bare: float | None = None) -> str:
    ratio = f", {m['seconds'] / bare:.1f}x the bare read" if bare else ""
    return (f"{label:<52}{m['seconds']:6.2f} s (CPU {m['cpu']:.2f} s){ratio}; peak memory "
            f"{m['peak_mb']:.0f} MB ({m['imports_mb']:.0f} MB of it imports)")  # fmt: skip


def median_run(runs: list[dict]) -> dict:
    """The run whose time is the median (of an even number, the slower of the middle two)."""
    return sorted(runs, key=lambda m: m["seconds"])[len(runs) // 2]


def spread(runs: list[dict]) -> str:
    """Every round's time, in the order run, when there was more than one (the line above
    gives the median round's)."""
    if len(runs) < 2:
        return ""
    times = ", ".join(f"{m['seconds']:.2f}" for m in runs)
    return f"\n{'':<52}the {len(runs)} rounds, in order: {times} s (above: their median)"


def verdict(label: str, seconds: float, bare: float) -> str:
    met = seconds <= TARGET_SECONDS and seconds <= TARGET_RATIO * bare
    return (f"target (<= {TARGET_SECONDS:.0f} s and <= {TARGET_RATIO:.0f}x the bare read), "
            f"{label}: {'met' if met else 'not met'} ({seconds:.2f} s, "
            f"{seconds / bare:.1f}x)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build here (reused if already built)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("course", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.runs < 1 or args.learners < 1:
        parser.error("--runs and --learners need to be at least 1")
    if args.child:
        child(args.course, args.child, args.runs)
        return 0
    progress = Progress()
    root = args.keep or Path(tempfile.mkdtemp(prefix="report-benchmark-"))
    course = root / "course"
    if not (course / "gradebook.db").is_file():
        start = time.perf_counter()
        build(course, args.learners, progress)
        print(f"built {args.learners} learners in {time.perf_counter() - start:.1f} s ({course})")
    load_before = loadavg()
    progress("timing the bare read")
    bare = measure(course, "bare", args.runs)
    firsts, afters = [], []
    for n in range(1, args.runs + 1):  # each a state of the course: measured once per round
        progress(f"timing the report with nothing kept from an earlier one ({n} of {args.runs})")
        clear_caches(course)
        firsts.append(measure(course, "report"))
        progress(f"timing the report after a round of grading ({n} of {args.runs})")
        regraded = a_round_of_grading(course)
        afters.append(measure(course, "report"))
    first, after = median_run(firsts), median_run(afters)
    progress("timing the report again, nothing graded since")
    warm = measure(course, "report", args.runs)
    progress("timing the item analysis and the cohort view")
    items, cohort = measure(course, "items", args.runs), measure(course, "cohort", args.runs)
    progress("timing the command itself")
    command, command_peak = the_command(course)
    start_up = imports_only()
    load_after = loadavg()
    files = len(list((course / "autograded").glob("*/*/responses.json")))
    b = bare["seconds"]
    print(f"gradebook: {args.learners} learners, {bare['result']} rows in the {len(TABLES)} "
          f"tables the report reads; {files} answers files")  # fmt: skip
    print(f"load average (1, 5, 15 min): {load_before} at the start, {load_after} at the end")
    print(line(f"bare pandas.read_sql of the {len(TABLES)} tables:", bare))
    print(line("full report, first run (nothing cached):", first, b) + spread(firsts))
    print(line(f"full report after a round of grading ({regraded} files):", after, b)
          + spread(afters))  # fmt: skip
    print(line("full report again, nothing graded since:", warm, b))
    cpu = f"CPU {items['cpu']:.2f} / {cohort['cpu']:.2f} s"
    print(f"{'item analysis alone / cohort view alone:':<52}{items['seconds']:6.2f} s / "
          f"{cohort['seconds']:.2f} s ({cpu})")  # fmt: skip
    shown = f"{command_peak:.0f} MB" if command_peak else "not measured (no GNU time)"
    label = "`allyship report` in a fresh interpreter (cached):"
    print(f"{label:<52}{command:6.2f} s (of which {start_up:.2f} s starting and importing "
          f"pandas); peak memory {shown}")  # fmt: skip
    median = f", median of {args.runs} rounds" if args.runs > 1 else ""
    print(verdict(f"first run{median}", first["seconds"], b))
    print(verdict(f"after a round of grading{median}", after["seconds"], b))
    print(verdict("nothing graded since", warm["seconds"], b))
    if not args.keep:
        shutil.rmtree(root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
