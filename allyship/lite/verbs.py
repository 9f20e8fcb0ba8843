"""The browser edition's verbs: ``allyship lite`` and ``allyship export-lms`` (see
:mod:`allyship.cli`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import DB, ONLY_MODULE, Verb, argument, course_of


def cmd_lite(args: argparse.Namespace) -> int:
    from .build import build_site

    course = course_of(args)
    site = build_site(course, args.out, args.cache, args.lang)
    print(
        f"Built the browser edition in {site.out}: {len(site.modules)} modules, "
        f"{site.size / 1e6:.1f} MB in {site.files} files, in {site.seconds:.0f} s."
    )
    print(
        "Serve that folder with any web server, for example "
        f"`python -m http.server 8000 --bind 127.0.0.1 --directory {site.out}`, "
        "and open http://127.0.0.1:8000/ (docs/lite.md: HTTPS for anything but this computer)."
    )
    return 0


def cmd_export_lms(args: argparse.Namespace) -> int:
    from ..course.layout import resolve_module
    from ..instructor.gradebook import gradebook_url
    from .lms import export_lms

    course = course_of(args)
    modules = [resolve_module(course, args.module)] if args.module else None
    out = args.out or Path(f"grades-{args.to}{'-' + modules[0] if modules else ''}.csv")
    done = export_lms(
        gradebook_url(course, args.db),
        args.to,
        out,
        modules=modules,
        include_ungraded=args.include_ungraded,
        out_of=args.out_of,
    )
    for note in done.notes:
        print(note)
    where = "Grades, Import" if args.to == "canvas" else "the assignment's Upload grading worksheet"
    print(f"Wrote {done.rows} learners' grades to {done.path}; import it in {args.to}: {where}.")
    return 0


VERBS = [
    Verb(
        "lite",
        "instructors",
        "build the browser edition: a static site, offline, nothing to install",
        cmd_lite,
        (
            argument("--out", type=Path, required=True, help="the site's folder (replaced)"),
            argument(
                "--cache",
                type=Path,
                default=None,
                help="where downloads are kept for the next build (default: .venv/lite-cache)",
            ),
            argument(
                "--lang",
                choices=("en", "fr"),
                default="en",
                help="the edition: en (default) or fr (the French modules and notebooks)",
            ),
        ),
        "Build the whole course as a static JupyterLite site (start here, every module, the "
        "journal, the kit in an in-browser Python) from pinned PyPI and npm packages. The site "
        "fetches nothing from outside; serve it with any static web server (docs/lite.md).",
    ),
    Verb(
        "export-lms",
        "instructors",
        "write the gradebook's grades as Canvas's or Moodle's import CSV",
        cmd_export_lms,
        (
            argument("--to", choices=("canvas", "moodle"), required=True, help="the LMS"),
            ONLY_MODULE,
            DB,
            argument("--out", type=Path, default=None, help="the CSV (default: grades-LMS.csv)"),
            argument(
                "--include-ungraded",
                action="store_true",
                help="give hand-ins whose reflections await a grader their automatic marks",
            ),
            argument(
                "--out-of",
                type=float,
                default=None,
                help="scale every grade to this maximum (e.g. 100), as the LMS's assignment has",
            ),
        ),
        "Write the gradebook's totals in the import format of Canvas's gradebook or of "
        "Moodle's assignment grading worksheet (docs/lite.md).",
    ),
]
