"""The grading verbs, ``allyship grade`` and ``allyship repair`` (see :mod:`allyship.cli`): a
progress bar on stderr, a summary on stdout.

Display only; the work is :func:`allyship.grading.grade` and
:func:`allyship.grading.repair.repair_module`.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

from ..cli import MODULE, MODULES, STUDENT, Verb, argument, course_of, modules_of


class ProgressBar:
    """A one-line bar (``[#####-----] 12/40  graded 10  failed 1  skipped 1  0:42``) redrawn in
    place on a terminal; elsewhere (a log, CI) one line per tenth of the run."""

    def __init__(self, stream: TextIO = sys.stderr, width: int = 30):
        self.stream, self.width = stream, width
        self.counts = {"graded": 0, "failed": 0, "skipped": 0}
        self.start = time.monotonic()
        self.tty = stream.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int, outcome) -> None:
        if outcome is None:  # the skipped ones, counted before the run starts
            self.counts["skipped"] = done
        else:
            self.counts[outcome.status] += 1
        filled = self.width * done // max(total, 1)
        elapsed = int(time.monotonic() - self.start)
        line = (
            f"[{'#' * filled}{'-' * (self.width - filled)}] {done}/{total}  "
            + "  ".join(f"{k} {v}" for k, v in self.counts.items())
            + f"  {elapsed // 60}:{elapsed % 60:02d}"
        )
        if self.tty:
            self.stream.write("\r" + line + ("\n" if done == total else ""))
        elif done * 10 // max(total, 1) > self.last_tenth or done == total:
            self.last_tenth = done * 10 // max(total, 1)
            self.stream.write(line + "\n")
        self.stream.flush()


def summary(report) -> str:
    """The end-of-run text: counts, then every failure and skip with its reason."""
    graded, failed, skipped = (report.by_status(s) for s in ("graded", "failed", "skipped"))
    lines = [f"Graded {len(graded)}, failed {len(failed)}, skipped {len(skipped)}."]
    if report.not_released:
        lines.append(
            "  Not released yet, so not collected: " + ", ".join(report.not_released) + "."
        )
    for outcome in sorted(failed + skipped, key=lambda o: (o.status, o.module, o.learner)):
        lines.append(f"  {outcome.status:<8}{outcome.learner} / {outcome.module}: {outcome.reason}")
    for outcome in graded:
        if outcome.reason:
            lines.append(f"  notes   {outcome.learner} / {outcome.module}: {outcome.reason}")
    if report.executed_here:
        lines.append(
            f"  ({report.executed_here} notebook(s) were run by the writer itself, not a worker.)"
        )
    return "\n".join(lines)


def cmd_grade(args: argparse.Namespace) -> int:
    from .run import grade, repair_step

    course = course_of(args)
    if args.scheduler and args.dask_local:
        from ..errors import GradingError

        raise GradingError("give --scheduler or --dask-local, not both.")
    work = dict(
        workers=args.workers,
        force=args.force,
        collect_first=args.collect,
        steps=[repair_step] if args.repair else [],
        nbgrader_args=args.nbgrader_option,
        log_file=args.log,
        progress=None if args.quiet else ProgressBar(),
        scheduler=args.scheduler,
    )
    modules = modules_of(args, course)
    if args.dask_local:
        from .cluster import local_cluster

        with local_cluster(args.dask_local) as address:
            report = grade(course, modules, args.learner or None, **{**work, "scheduler": address})
    else:
        report = grade(course, modules, args.learner or None, **work)
    if args.timings:
        import json
        from pathlib import Path

        Path(args.timings).write_text(json.dumps(report.timings, indent=1), encoding="utf-8")
    print(summary(report))
    return 0 if report.ok else 1


def cmd_repair(args: argparse.Namespace) -> int:
    from ..course import resolve_module
    from .repair import repair_module

    course = course_of(args)
    module = resolve_module(course, args.module)
    for learner, notes in repair_module(course, module, args.student).items():
        if not notes:
            print(f"{learner}: nothing to repair.")
        for note in notes:
            print(f"{learner}: {note}")
    return 0


VERBS = [
    Verb(
        "grade",
        "instructors",
        "autograde submissions in parallel into the gradebook (nbgrader's grades)",
        cmd_grade,
        (
            MODULES,
            argument(
                "--learner", action="append", default=[], help="only this learner (repeatable)"
            ),
            argument(
                "-j", "--workers", type=int, default=None, help="worker processes (default: cores)"
            ),
            argument(
                "--scheduler",
                default=None,
                metavar="ADDRESS",
                help="run the workers on the Dask cluster of this scheduler (tcp://host:8786)",
            ),
            argument(
                "--dask-local",
                type=int,
                default=None,
                metavar="N",
                help="run the workers on a Dask cluster of N processes started here (a trial)",
            ),
            argument("--collect", action="store_true", help="run `nbgrader collect` first"),
            argument("--force", action="store_true", help="regrade already graded submissions"),
            argument(
                "--repair",
                action="store_true",
                help="repair each submission before grading (see `allyship repair`)",
            ),
            argument(
                "--nbgrader-option",
                action="append",
                default=[],
                metavar="--Class.trait=VALUE",
                help="an nbgrader setting, as on its command line (repeatable)",
            ),
            argument("--log", default=None, help="write nbgrader's full log to this file"),
            argument(
                "--timings",
                default=None,
                metavar="FILE",
                help="write where each submission's time went (seconds per stage) as JSON",
            ),
            argument("-q", "--quiet", action="store_true", help="no progress bar"),
        ),
        "Autograde every submission of the given modules (default: all) with several worker "
        "processes. The grades are exactly those of `nbgrader autograde`; only this process "
        "writes the gradebook, also when the workers run on a Dask cluster (--scheduler). "
        "Already graded submissions are skipped unless --force; manual grades are never "
        "overwritten. Exits 1 if any submission failed.",
    ),
    Verb(
        "repair",
        "instructors",
        "repair collected submissions before autograde, and say what was repaired",
        cmd_repair,
        (MODULE, STUDENT),
        "Put each collected notebook of MODULE back into the release's shape (deleted, "
        "duplicated, edited or retyped cells; added code cells kept as text), rescue a damaged "
        "responses.json, and write the notes to repair-notes.txt in each submission folder. Run "
        "it after `nbgrader collect` and before `nbgrader autograde`.",
    ),
]
