"""Benchmark: ``allyship report``, the item analysis and the cohort view on a 10,000-learner
gradebook, against a bare ``pandas.read_sql`` of the same tables.

Not a test: it prints numbers for docs/instructors-and-facilitators.md. One run builds, in a
temporary folder (or ``--keep FOLDER``, reused when it is already there):

- a course folder with the repository's nbgrader_config.py and every module of ``source/``,
  registered in a new SQLite gradebook by nbgrader's own ``generate_assignment``;
- N learners (default 10,000) with a submission of every module, written straight into
  nbgrader's own tables (student, submitted_assignment, submitted_notebook, grade) with the
  columns and values nbgrader's autograde leaves: each choice question scored against the real
  answer key, each reflection's "written" check passed, most reflections graded by a person;
- each submission's autograded ``responses.json``: answers drawn from a simple ability model
  (a learner of ability th answers a question of difficulty b correctly with probability
  1 / (1 + exp(b - th))), reflections of about 120 words, one learner in three sharing.

Then it times, best of ``--runs`` (default 3), each in this process:

- the bare read: ``pandas.read_sql("SELECT * FROM <table>")`` of every table the report reads;
- the full report (``summarise_report`` and ``report_text``: gradebook, answers, item analysis,
  every table as text), first with no cache (as after grading), then again with its caches
  (``.allyship/``) and nothing graded since;
- the item analysis alone, on frames already read; the cohort view alone, on the report;

then ``allyship report`` itself in a fresh interpreter (start-up and imports included), and the
peak memory (``ru_maxrss``) of this process and of the command. A line on stderr says what it
is doing once the run has taken more than a few seconds.

Run from the course folder:  python benchmarks/report_benchmark.py [--learners 10000]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
import warnings
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TABLES = (
    "student", "assignment", "notebook", "base_cell", "grade_cells", "task_cells",
    "submitted_assignment", "submitted_notebook", "grade",
)  # fmt: skip
DUE = datetime(2026, 3, 1, 12, 0, 0)
WORDS = (
    "I noticed who spoke first in the huddle and whose knowledge was treated as evidence "
    "when the family asked for an interpreter and a longer visit"
).split()
SCALE = ["Rarely", "Sometimes", "Often", "Almost always", "Not sure yet"]


class Progress:
    """A line on stderr for each step, once the run has taken more than a few seconds."""

    def __init__(self, after: float = 3.0) -> None:
        self.start, self.after = time.perf_counter(), after

    def __call__(self, what: str) -> None:
        elapsed = time.perf_counter() - self.start
        if elapsed > self.after:
            print(f"  ... {what} ({elapsed:.0f} s so far)", file=sys.stderr, flush=True)


def _key_and_options(course: Path, module: str):
    from allyship.course.key import answer_key
    from allyship.instructor.items import question_options

    notebook = course / "source" / module / f"{module}.ipynb"
    key = {k: v for k, v in answer_key(notebook).items() if k[0] == "q" and k[1:].isdigit()}
    return key, question_options(notebook)


def _answer(rng: random.Random, ability: float, difficulty: float, key, options):
    right = rng.random() < 1 / (1 + math.exp(difficulty - ability))
    if isinstance(key, list):
        if right:
            return list(key)
        wrong = [o for o in options if o not in key]
        return sorted(set(key[:-1]) | set(rng.sample(wrong, 1))) if wrong else key[:-1]
    if right:
        return key
    wrong = [o for o in options if o != key]
    return rng.choices(wrong, weights=range(len(wrong), 0, -1))[0]  # one distractor draws most


def build(course: Path, learners: int, progress: Progress, seed: int = 20) -> None:
    """The course folder, its gradebook and every autograded responses.json (see above)."""
    from nbgrader.api import Gradebook

    from allyship.course.layout import list_modules
    from allyship.grading.release import register

    course.mkdir(parents=True)
    shutil.copy(REPO / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.copytree(REPO / "source", course / "source")
    modules = list_modules(course)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        register(course, modules)
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
            for module in modules:
                gb.update_or_create_assignment(module, duedate=DUE)
    progress("modules registered")
    con = sqlite3.connect(course / "gradebook.db")
    ids = {
        name: aid for aid, name in con.execute("SELECT id, name FROM assignment")
    }  # fmt: skip
    notebooks = {aid: nid for nid, aid in con.execute("SELECT id, assignment_id FROM notebook")}
    cells = {}  # module -> [(cell id, name, max score, kind)]
    for module, aid in ids.items():
        cells[module] = [
            (cid, name, score, kind)
            for cid, name, score, kind in con.execute(
                "SELECT b.id, b.name, COALESCE(g.max_score, t.max_score), b.type FROM base_cell b "
                "LEFT JOIN grade_cells g ON g.id = b.id LEFT JOIN task_cells t ON t.id = b.id "
                "WHERE b.notebook_id = ? AND b.type IN ('GradeCell', 'TaskCell')",
                (notebooks[aid],),
            )
        ]
    rng = random.Random(seed)
    names = [f"S{n:05d}" for n in range(1, learners + 1)]
    con.executemany(
        "INSERT INTO student (id, first_name, last_name) VALUES (?, ?, ?)",
        [(s, f"First{s[1:]}", f"Last{s[1:]}") for s in names],
    )
    plans = {m: _key_and_options(course, m) for m in modules}
    difficulty = {(m, q): rng.uniform(-2, 1.5) for m in modules for q in plans[m][0]}
    for n, learner in enumerate(names, 1):
        ability = rng.gauss(0, 1)
        subs, nbs, grades = [], [], []
        for module in modules:
            key, options = plans[module]
            answers = {
                q: _answer(rng, ability, difficulty[module, q], key[q], options.get(q, ([], 0))[0])
                for q in key
            }
            sa, sn = uuid.uuid4().hex, uuid.uuid4().hex
            when = DUE - timedelta(hours=rng.uniform(-6, 200))
            subs.append((sa, ids[module], learner, when.strftime("%Y-%m-%d %H:%M:%S.%f")))
            nbs.append((sn, sa, notebooks[ids[module]]))
            graded = rng.random() < 0.9
            for cid, name, top, kind in cells[module]:
                if kind == "TaskCell":  # a reflection, scored by a person
                    score = float(rng.randint(3, int(top))) if graded else None
                    grades.append((uuid.uuid4().hex, sn, cid, None, score, not graded))
                elif name in answers:
                    right = answers[name] == key[name] or (
                        isinstance(key[name], list) and sorted(answers[name]) == sorted(key[name])
                    )
                    grades.append((uuid.uuid4().hex, sn, cid, top if right else 0.0, None, False))
                else:  # the "written" check of a reflection
                    grades.append((uuid.uuid4().hex, sn, cid, top, None, False))
            for r in ("r1", "r2"):
                answers[r] = " ".join(rng.choices(WORDS, k=120))
            answers["c1"] = "Ask the family whose direction to follow."
            if module.startswith("05"):
                answers |= {f"a{k}": rng.choice(SCALE) for k in range(1, 6)}
            if rng.random() < 1 / 3:
                answers["share"] = "yes"
            folder = course / "autograded" / learner / module
            folder.mkdir(parents=True)
            (folder / "responses.json").write_text(json.dumps(answers), encoding="utf-8")
        con.executemany(
            "INSERT INTO submitted_assignment (id, assignment_id, student_id, timestamp) "
            "VALUES (?, ?, ?, ?)",
            subs,
        )
        con.executemany(
            "INSERT INTO submitted_notebook (id, assignment_id, notebook_id, flagged) "
            "VALUES (?, ?, ?, 0)",
            nbs,
        )
        con.executemany(
            "INSERT INTO grade (id, notebook_id, cell_id, auto_score, manual_score, "
            "needs_manual_grade) VALUES (?, ?, ?, ?, ?, ?)",
            grades,
        )
        if n % 1000 == 0:
            con.commit()
            progress(f"built {n} of {learners} learners")
    con.commit()
    con.close()


def best(runs: int, fn):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def bare_read(course: Path) -> dict:
    import pandas as pd
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{course / 'gradebook.db'}")
    with engine.connect() as con:
        return {t: pd.read_sql(f"SELECT * FROM {t}", con) for t in TABLES}


def clear_caches(course: Path) -> None:
    for cache in (course / ".allyship").glob("*.cache"):
        cache.unlink()


def the_command(course: Path) -> tuple[float, float | None]:
    """``allyship report`` in a fresh interpreter, as an instructor runs it: (seconds, peak MB,
    from GNU time when it is installed: a forked child's own count would include this
    process's pages)."""
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
    code = "import matplotlib, allyship.instructor.reports, allyship.instructor.answers"
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build here (reused if already built)")
    args = parser.parse_args()
    progress = Progress()
    root = args.keep or Path(tempfile.mkdtemp(prefix="report-benchmark-"))
    course = root / "course"
    if not (course / "gradebook.db").is_file():
        start = time.perf_counter()
        build(course, args.learners, progress)
        print(f"built {args.learners} learners in {time.perf_counter() - start:.1f} s ({course})")
    import matplotlib

    matplotlib.use("Agg")
    from allyship.instructor import gradebook as G
    from allyship.instructor import item_analysis as IA
    from allyship.instructor.reports import (
        cohort_text,
        report_text,
        summarise_cohort,
        summarise_report,
    )

    def full() -> str:
        return report_text(summarise_report(course))

    progress("timing the bare read")
    bare, tables = best(args.runs, lambda: bare_read(course))
    rows = sum(len(t) for t in tables.values())
    del tables
    progress("timing the report with nothing kept from an earlier one")
    clear_caches(course)
    cold, _ = best(1, full)
    progress("timing the report again, nothing graded since")
    warm, _ = best(args.runs, full)
    report = summarise_report(course)
    data = G.load(G.gradebook_url(course))
    progress("timing the item analysis")
    items, _ = best(args.runs, lambda: IA.analyse(course, data, report.responses))
    progress("timing the cohort view")
    cohort, _ = best(args.runs, lambda: cohort_text(summarise_cohort(report)))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    progress("timing the command itself")
    command, command_peak = the_command(course)
    start_up = imports_only()
    grades = len(data.grades)
    print(f"gradebook: {args.learners} learners x {len(data.modules)} modules = "
          f"{len(data.submissions)} submissions, {grades} grades; {rows} rows in all")  # fmt: skip
    print(f"bare pandas.read_sql of the {len(TABLES)} tables:     {bare:6.2f} s")
    print(f"full report, first run (reads every table and file): {cold:6.2f} s "
          f"({cold / bare:.1f}x the bare read)")  # fmt: skip
    print(f"full report, again with nothing graded since:       {warm:6.2f} s "
          f"({warm / bare:.1f}x the bare read)")  # fmt: skip
    print(f"item analysis alone (frames already read):          {items:6.2f} s")
    print(f"cohort view alone (report already read):            {cohort:6.2f} s")
    print(f"`allyship report` in a fresh interpreter:           {command:6.2f} s "
          f"(of which {start_up:.2f} s importing pandas, nbformat, matplotlib)")  # fmt: skip
    shown = f"{command_peak:.0f} MB" if command_peak else "not measured (no GNU time)"
    print(f"peak memory: this process {peak:.0f} MB; `allyship report` {shown}")
    within = "yes" if warm <= 3 and warm <= 3 * bare else "no"
    print(f"target (report <= 3 s and <= 3x the bare read, after the first run): {within}")
    if not args.keep:
        shutil.rmtree(root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
