"""The instructor's, facilitator's and learner's verbs: ``allyship report``, ``cohort``,
``guide`` and ``journal``.

Kept apart from :mod:`allyship.cli` and light at import: pandas and matplotlib are imported
inside each verb, so ``allyship key`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


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


def _course(args: argparse.Namespace) -> Path:
    from .course import find_course

    return find_course(args.course)


def _one_module(course: Path, name: str | None) -> str | None:
    from .course import resolve_module

    return resolve_module(course, name) if name else None


def _only(frame, module: str | None):
    return frame if module is None else frame.loc[frame["module"] == module]


def _course_report(args: argparse.Namespace) -> tuple:
    """The course's report from the gradebook, and the ``--module`` asked for (or ``None``)."""
    from .reports import summarise_report

    course = _course(args)
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
        course = _course(args)
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


def cmd_journal(args: argparse.Namespace) -> int:
    from .journal import export_journal

    out = export_journal(Path(args.folder), Path(args.out) if args.out else None)
    print(f"wrote {out}")
    return 0


def add_verbs(verbs) -> None:
    """Add this module's verbs to the ``allyship`` command (see ``cli.VERB_MODULES``)."""
    report = verbs.add_parser(
        "report",
        help="the instructor's report: completion, scores, item difficulty, grading to do",
        description="Read the gradebook and the autograded answers; print the report.",
    )
    report.add_argument("--db", help="gradebook URL (default: $ALLYSHIP_DB_URL or gradebook.db)")
    report.add_argument("--module", help="only this module (01, 1 or its name)")
    report.add_argument("--plots", metavar="FOLDER", help="also save the plots as PNG here")
    report.set_defaults(run=cmd_report)

    cohort = verbs.add_parser(
        "cohort",
        help="the facilitator's anonymous cohort view",
        description="Item difficulty, the self-audit averaged, and reflection excerpts shared "
        "with consent; groups smaller than the threshold are hidden.",
    )
    cohort.add_argument("--db", help="gradebook URL (default: $ALLYSHIP_DB_URL or gradebook.db)")
    cohort.add_argument("--module", help="only this module (01, 1 or its name)")
    cohort.add_argument("--threshold", type=int, default=5, help="smallest group shown (>= 5)")
    cohort.set_defaults(run=cmd_cohort)

    guide = verbs.add_parser(
        "guide",
        help="the facilitator guide (HTML), or one module's plan (Markdown)",
        description="Write the facilitator guide as one printable HTML file.",
    )
    guide.add_argument("--out", default="facilitator_guide.html", help="the HTML file to write")
    guide.add_argument("--module", help="print only this module's guide, as Markdown")
    guide.set_defaults(run=cmd_guide)

    journal = verbs.add_parser(
        "journal",
        help="a learner's reflections and commitments, as one HTML file",
        description="Gather your reflections and commitments from your module folders.",
    )
    journal.add_argument(
        "folder", nargs="?", default=".", help="the folder holding your module folders"
    )
    journal.add_argument("--out", help="the HTML file to write (default: in that folder)")
    journal.set_defaults(run=cmd_journal)
