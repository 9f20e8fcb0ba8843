"""The instructors' and facilitators' verbs: ``allyship report``, ``cohort``, ``guide``,
``handouts``, ``kit``, ``certificates``, ``verify`` and ``revoke`` (see :mod:`allyship.cli`).

Light at import: pandas and matplotlib are imported inside each verb, so ``allyship key`` stays
fast.
"""

from __future__ import annotations

import argparse
import sys
import time
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


class SlowSteps:
    """A report's progress: nothing for its first ``after`` seconds (most reports are done by
    then); after that, on a terminal, one line on stderr naming the step it is on, with the
    answers files read so far. Cleared before the report is printed; silent when stderr is not
    a terminal."""

    def __init__(self, after: float = 3.0, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.on = self.stream.isatty()
        self.after, self.start = after, time.monotonic()
        self.what, self.width = "", 0

    def step(self, what: str) -> None:
        self.what = what
        self._line(what)

    def __call__(self, done: int, total: int) -> None:
        if total > 0:
            self._line(f"{self.what}: {done} of {total}")

    def _line(self, text: str) -> None:
        elapsed = time.monotonic() - self.start
        if not self.on or elapsed < self.after:
            return
        text = f"allyship: {text} ({elapsed:.0f} s so far)"
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def close(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


#: the edition a facilitator's verb writes when no module says it (``fr-01`` is French)
LANG = argument(
    "--lang",
    choices=("en", "fr"),
    default=None,
    help="the edition when no module is named, or of a bare module number: en (default) or fr",
)


def _one_module(course: Path, name: str | None) -> str | None:
    from ..course.layout import resolve_module

    return resolve_module(course, name) if name else None


def _only(frame, module: str | None):
    return frame if module is None else frame.loc[frame["module"] == module]


def _course_report(args: argparse.Namespace, slow: SlowSteps) -> tuple:
    """The course's report from the gradebook, and the ``--module`` asked for (or ``None``)."""
    from .reports import summarise_report

    course = course_of(args)
    module = _one_module(course, args.module)
    editions = getattr(args, "editions", "separate")
    report = summarise_report(course, args.db, progress=slow, step=slow.step, editions=editions)
    return report, module


def cmd_report(args: argparse.Namespace) -> int:
    slow = SlowSteps()
    from .reports import report_text, save_plots

    report, module = _course_report(args, slow)
    if module is not None:
        report.difficulty = _only(report.difficulty, module)
        report.awaiting = _only(report.awaiting, module)
        report.late = _only(report.late, module)
        report.completion_by_module = report.completion_by_module.loc[[module]]
        report.scores = report.scores[[module]]
        if report.items is not None:
            from .item_report import only

            report.items = only(report.items, module)
    slow.step("writing the report")
    text = report_text(report, full=args.full)
    if args.plots:
        slow.step("drawing the figures")
        import matplotlib  # only for the figures: a sixth of a second to import

        matplotlib.use("Agg")
        paths = save_plots(report, Path(args.plots))
    slow.close()
    print(text)
    for path in paths if args.plots else []:
        print(f"wrote {path}")
    return 0


def cmd_cohort(args: argparse.Namespace) -> int:
    from .cohort import check_threshold
    from .reports import cohort_text, summarise_cohort

    check_threshold(args.threshold)
    slow = SlowSteps()
    report, module = _course_report(args, slow)
    if module is not None:
        report.difficulty = _only(report.difficulty, module)
        report.responses = _only(report.responses, module)
        report.completion_by_module = report.completion_by_module.loc[[module]]
    slow.step("the cohort view")
    text = cohort_text(summarise_cohort(report, args.threshold))
    slow.close()
    print(text)
    return 0


def _in_edition(name: str, language: str | None) -> str:
    """A module as typed, in ``--lang``'s edition when it is a bare number (``03`` with
    ``--lang fr`` is ``fr-03``); any other name already says its edition."""
    from ..kit.store import LANGUAGE_PREFIX

    bare = name.strip().strip("/")
    return LANGUAGE_PREFIX.get(language or "", "") + bare if bare.isdigit() else name


def _edition(args: argparse.Namespace, course: Path) -> tuple[list[str], str]:
    """The modules a facilitator's verb works on, and the language of what every session
    shares: the modules named (each printed in its own language), or every module of
    ``--lang``'s edition (English by default)."""
    from ..course import list_modules
    from ..kit.store import module_language
    from .kit import kit_language

    if args.modules:
        args.modules = [_in_edition(m, args.lang) for m in args.modules]
        modules = modules_of(args, course)
        return modules, kit_language(modules, args.lang)
    language = args.lang or "en"
    return [m for m in list_modules(course) if module_language(m) == language], language


def cmd_guide(args: argparse.Namespace) -> int:
    import re

    from ..kit.store import module_language
    from .facilitation import guide_html, guide_markdown, module_guide
    from .module_text import number_of

    try:
        course = course_of(args)
    except Exception:  # noqa: BLE001 - the guide works without a course (fallback goals)
        course = None
    if args.module:
        name = _in_edition(args.module, args.lang)
        if course:
            module = _one_module(course, name)
            number, language = number_of(module), module_language(module)
        else:
            digits = re.search(r"\d+", name)
            number = f"{int(digits.group(0)):02d}" if digits else name
            language = module_language(name)
        print(guide_markdown(module_guide(number, course, language)))
        return 0
    out = Path(args.out)
    out.write_text(guide_html(course, args.lang or "en"), encoding="utf-8")
    print(f"wrote {out}")
    return 0


def cmd_handouts(args: argparse.Namespace) -> int:
    from .handouts import make_handouts

    course = course_of(args)
    modules, _language = _edition(args, course)
    for path in make_handouts(course, modules, args.out, pdf=not args.html_only):
        print(path)
    return 0


def cmd_kit(args: argparse.Namespace) -> int:
    from .kit import make_kit

    course = course_of(args)
    out = Path(args.out)
    modules, language = _edition(args, course)
    items = make_kit(
        course,
        modules,
        out,
        people=args.people,
        pdf=not args.html_only,
        progress=ProgressBar("printing"),
        language=language,
    )
    if not args.html_only:  # page counts exist only once the PDFs are printed
        print((out / "printing-checklist.md").read_text(encoding="utf-8"))
    print(f"wrote {len(items)} printable pieces, projector views and the guide into {out}/")
    print(f"open {out / 'index.html'} first")
    return 0


def cmd_certificates(args: argparse.Namespace) -> int:
    from .certificates import issue

    out = Path(args.out)
    issued, waiting = issue(
        course_of(args),
        out,
        db_url=args.db,
        learners=args.learner or None,
        pdf=not args.html_only,
        progress=ProgressBar("printing"),
    )
    print(f"wrote {len(issued)} certificate(s) into {out}/ (issued.csv lists their codes)")
    unnamed = [i.learner for i in issued if i.name == i.learner]
    if unnamed:
        print(
            f"{len(unnamed)} certificate(s) show a learner id, not a name: the gradebook has no "
            "name for them. Add names (`nbgrader db student import class.csv`), then run this "
            "again."
        )
    if waiting:
        print(f"{len(waiting)} learner(s) have not completed; each one's note is in "
              f"{out / 'not-yet-complete'}/:")  # fmt: skip
        for s in waiting[:20]:
            print(f"  {s.learner}: {' '.join(s.missing)}")
        if len(waiting) > 20:
            print(f"  ... and {len(waiting) - 20} more")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from .certificates import verify

    valid, text = verify(course_of(args), " ".join(args.code), args.db)
    print(text)
    return 0 if valid else 2


def cmd_revoke(args: argparse.Namespace) -> int:
    from .certificate_codes import revoke, shown

    entry = revoke(course_of(args), " ".join(args.code), args.reason)
    print(f"revoked {shown(entry['code'])} ({entry['when']}); `allyship verify` now refuses it")
    return 0


EDITIONS = argument(
    "--editions",
    choices=("separate", "combined"),
    default="separate",
    help="separate (default): each edition's modules apart; combined: each French module "
    "counted with its English twin",
)

VERBS = [
    Verb(
        "report",
        "instructors",
        "the instructor's report: completion, scores, item analysis, grading to do",
        cmd_report,
        (
            DB,
            ONLY_MODULE,
            EDITIONS,
            argument("--plots", metavar="FOLDER", help="also save plots as PNG"),
            argument(
                "--full",
                action="store_true",
                help="every row of the lists of learners (points, grading to do, late), "
                "however many; without it, a list of more than 50 is shown per module",
            ),
        ),
        "Read the gradebook and the autograded answers; print the report, with the item "
        "analysis of each module (facility, discrimination, options chosen, alpha, flags).",
    ),
    Verb(
        "cohort",
        "facilitators",
        "the anonymous cohort view (groups of five or more, with consent)",
        cmd_cohort,
        (
            DB,
            ONLY_MODULE,
            EDITIONS,
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
            argument(
                "--module", help="print only this module's guide, as Markdown (fr-03: French)"
            ),
            LANG,
        ),
        "Write the facilitator guide as one printable HTML file, in English or, with --lang fr "
        "(or a French --module such as fr-03), in French.",
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
            LANG,
        ),
        "Write each module as a printable HTML page and PDF, with space to write, in the "
        "module's language (fr-01 is French; with no module named, --lang picks the edition).",
    ),
    Verb(
        "kit",
        "facilitators",
        "the session kit: facilitator sheets, projector views, handouts, sign-in, evaluation",
        cmd_kit,
        (
            MODULES,
            argument("--out", type=Path, default=Path("kit"), help="output folder"),
            argument("--people", type=int, default=20, help="group size, for the checklist"),
            argument("--html-only", action="store_true", help="skip the PDFs (no chromium)"),
            LANG,
        ),
        "Write everything a session needs into one folder: for each module a facilitator "
        "sheet (plan, agreements, practice questions with every explanation, prompts, safety "
        "notes), projector views (one screen per step), full and short handouts worded for "
        "paper, the statements to rewrite, a sign-in sheet (a name, optional) and an anonymous "
        "evaluation form; the agreements; the guide; and a printing checklist counted from the "
        "PDFs. Each module's pieces are in its language (fr-01 is French); with no module "
        "named, --lang picks the edition.",
    ),
    Verb(
        "certificates",
        "instructors",
        "certificates of completion (PDF), and what is missing for everyone else",
        cmd_certificates,
        (
            DB,
            argument("--out", type=Path, default=Path("certificates"), help="output folder"),
            argument("--learner", action="append", help="only this learner (may repeat)"),
            argument("--html-only", action="store_true", help="skip the PDFs (no chromium)"),
        ),
        "Write a PDF certificate for each learner who completed the course under the rule in "
        "nbgrader_config.py (c.CertificateRule), with a verification code; for everyone else "
        "a note saying what is still missing (not-yet-complete/), and issued.csv.",
    ),
    Verb(
        "verify",
        "instructors",
        "check a certificate's code against the gradebook",
        cmd_verify,
        (
            DB,
            argument("code", nargs="+", help="the certificate's code, e.g. ABCD-EFGH-IJKL-MNOP"),
        ),
        "Say whether a certificate's code matches a learner's current record (exit 0), or was "
        "revoked, regraded, mistyped or never issued here (exit 2).",
    ),
    Verb(
        "revoke",
        "instructors",
        "revoke a certificate's code, so it never verifies again",
        cmd_revoke,
        (
            argument("code", nargs="+", help="the code on the certificate"),
            argument("--reason", default="", help="why (kept with the revocation)"),
        ),
        "Add a code to the course's revocations (.allyship/revoked.json, not in git).",
    ),
]
