"""The instructors' and facilitators' verbs: ``allyship report``, ``cohort``, ``guide`` and
``handouts`` (see :mod:`allyship.cli`).

Light at import: pandas and matplotlib are imported inside each verb, so ``allyship key`` stays
fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli import DB, MODULES, ONLY_MODULE, Verb, argument, course_of, modules_of


class ProgressBar:
    """A one-line bar on stderr, for steps that take seconds; silent when not a terminal."""

    def __init__(self, what: str, stream=None) -> None:
        self.what = what
        self.stream = stream or sys.stderr
        self.on = self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.on or total <= 0:
            return
        width = 30
        filled = int(width * done / total)
        bar = "#" * filled + "." * (width - filled)
        end = "\n" if done >= total else ""
        self.stream.write(f"\r{self.what} [{bar}] {done}/{total}{end}")
        self.stream.flush()


def _one_module(course: Path, name: str | None) -> str | None:
    from ..course.layout import resolve_module

    return resolve_module(course, name) if name else None


def _only(frame, module: str | None):
    return frame if module is None else frame.loc[frame["module"] == module]


def _course_report(args: argparse.Namespace) -> tuple:
    """The course's report from the gradebook, and the ``--module`` asked for (or ``None``)."""
    from .reports import summarise_report

    course = course_of(args)
    module = _one_module(course, args.module)
    return summarise_report(course, args.db, progress=ProgressBar("reading answers")), module


def cmd_report(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg")
    from .reports import report_text, save_plots

    report, module = _course_report(args)
    if module is not None:
        report.difficulty = _only(report.difficulty, module)
        report.awaiting = _only(report.awaiting, module)
        report.late = _only(report.late, module)
        report.completion_by_module = report.completion_by_module.loc[[module]]
        report.scores = report.scores[[module]]
    print(report_text(report))
    if args.plots:
        for path in save_plots(report, Path(args.plots)):
            print(f"wrote {path}")
    return 0


def cmd_cohort(args: argparse.Namespace) -> int:
    from .cohort import check_threshold
    from .reports import cohort_text, summarise_cohort

    check_threshold(args.threshold)
    report, module = _course_report(args)
    if module is not None:
        report.difficulty = _only(report.difficulty, module)
        report.responses = _only(report.responses, module)
    print(cohort_text(summarise_cohort(report, args.threshold)))
    return 0


def cmd_guide(args: argparse.Namespace) -> int:
    from .facilitation import guide_html, guide_markdown, module_guide

    try:
        course = course_of(args)
    except Exception:  # noqa: BLE001 - the guide works without a course (fallback goals)
        course = None
    if args.module:
        number = _one_module(course, args.module)[:2] if course else f"{int(args.module):02d}"
        print(guide_markdown(module_guide(number, course)))
        return 0
    out = Path(args.out)
    out.write_text(guide_html(course), encoding="utf-8")
    print(f"wrote {out}")
    return 0


def cmd_handouts(args: argparse.Namespace) -> int:
    from .handouts import make_handouts

    course = course_of(args)
    for path in make_handouts(course, modules_of(args, course), args.out, pdf=not args.html_only):
        print(path)
    return 0


VERBS = [
    Verb(
        "report",
        "instructors",
        "the instructor's report: completion, scores, item difficulty, grading to do",
        cmd_report,
        (DB, ONLY_MODULE, argument("--plots", metavar="FOLDER", help="also save plots as PNG")),
        "Read the gradebook and the autograded answers; print the report.",
    ),
    Verb(
        "cohort",
        "facilitators",
        "the anonymous cohort view (groups of five or more, with consent)",
        cmd_cohort,
        (
            DB,
            ONLY_MODULE,
            argument("--threshold", type=int, default=5, help="smallest group shown (>= 5)"),
        ),
        "Item difficulty, the self-audit averaged, and reflection excerpts shared with consent; "
        "groups smaller than the threshold are hidden.",
    ),
    Verb(
        "guide",
        "facilitators",
        "the facilitator guide (HTML), or one module's plan (Markdown)",
        cmd_guide,
        (
            argument("--out", default="facilitator_guide.html", help="the HTML file to write"),
            argument("--module", help="print only this module's guide, as Markdown"),
        ),
        "Write the facilitator guide as one printable HTML file.",
    ),
    Verb(
        "handouts",
        "facilitators",
        "printable handouts (HTML and PDF) of the modules, from release/",
        cmd_handouts,
        (
            MODULES,
            argument("--out", type=Path, default=Path("handouts"), help="output folder"),
            argument("--html-only", action="store_true", help="skip the PDFs (no chromium)"),
        ),
        "Write each module as a printable HTML page and PDF, with space to write.",
    ),
]
