"""The ``allyship`` command: one verb pattern over the role packages.

Each role package lists its verbs as data (``VERBS`` in the modules of :data:`VERB_MODULES`): a
:class:`Verb` names who it is for, a one-line summary, its arguments (built from the shared
shapes below) and the function that runs it. This module alone turns them into argparse parsers,
prints ``allyship --help`` grouped by who uses each verb, and turns an
:class:`~allyship.errors.AllyshipError` into one line on stderr and a non-zero exit status. Verb
modules import anything heavy (pandas, nbgrader) inside their run functions, so ``allyship key``
stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import AllyshipError

Argument = tuple[tuple[str, ...], dict]


def argument(*flags: str, **options: object) -> Argument:
    """One ``add_argument`` call, as data."""
    return flags, options


# -- the shapes verbs share ----------------------------------------------------------------

MODULE = argument("module", help="a module: 01, 1, 01_what_is_allyship or what_is_allyship")
MODULES = argument("modules", nargs="*", metavar="MODULE", help="modules (default: every module)")
ONLY_MODULE = argument("--module", help="only this module (01, 1 or its name)")
DB = argument("--db", help="gradebook URL (default: $ALLYSHIP_DB_URL or gradebook.db)")
STUDENT = argument("--student", default=None, help="only this learner's submission")

#: who a verb is for, in the order ``allyship --help`` lists them
AUDIENCES = {
    "instructors": "For instructors and graders",
    "facilitators": "For workshop facilitators",
    "learners": "For learners",
}


@dataclass(frozen=True)
class Verb:
    name: str
    who: str  # a key of AUDIENCES
    summary: str  # the one line ``allyship --help`` shows
    run: Callable[[argparse.Namespace], int]
    arguments: tuple[Argument, ...] = ()
    description: str = ""


#: the modules that have a ``VERBS`` list, in the order ``allyship --help`` lists them
VERB_MODULES = (
    "course.verbs",
    "instructor.launch",
    "grading.verbs",
    "instructor.verbs",
    "kit.verbs",
    "lite.verbs",
)


def all_verbs() -> list[Verb]:
    verbs = []
    for name in VERB_MODULES:
        verbs += importlib.import_module(f"{__package__}.{name}").VERBS
    return verbs


def course_of(args: argparse.Namespace) -> Path:
    """The course folder a verb works on (``--course``, ``$ALLYSHIP_COURSE`` or found from here)."""
    from .course import find_course

    return find_course(args.course)


def modules_of(args: argparse.Namespace, course: Path) -> list[str]:
    """The modules named on the command line (``modules``), resolved; every module if none."""
    from .course import list_modules, resolve_module

    return [resolve_module(course, m) for m in args.modules] or list_modules(course)


def _grouped(verbs: Sequence[Verb]) -> str:
    width = max(len(v.name) for v in verbs) + 2
    lines = []
    for who, title in AUDIENCES.items():
        mine = [v for v in verbs if v.who == who]
        if mine:
            lines.append(f"{title}:")
            lines += [f"  {v.name:<{width}}{v.summary}" for v in mine]
            lines.append("")
    lines.append("`allyship VERB --help` says more about each.")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    verbs = all_verbs()
    unknown = {v.who for v in verbs} - set(AUDIENCES)
    if unknown:  # pragma: no cover - a verb module's mistake, caught by the CLI tests
        raise ValueError(f"verbs for an unknown audience: {sorted(unknown)}")
    parser = argparse.ArgumentParser(
        prog="allyship",
        description="The allyship course's tools, grouped by who uses them.",
        epilog=_grouped(verbs),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--course", type=Path, default=None, help="the course folder (default: found from here)"
    )
    sub = parser.add_subparsers(
        dest="verb", metavar="VERB", required=True, help="one of the verbs listed below"
    )
    for verb in verbs:  # no help= here: the grouped list below is the one list of verbs
        p = sub.add_parser(verb.name, description=verb.description or verb.summary)
        for flags, options in verb.arguments:
            p.add_argument(*flags, **options)
        p.set_defaults(run=verb.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .grading.release import scripts_on_path

    scripts_on_path()  # nbgrader runs `alembic` from PATH when it creates a gradebook
    try:
        return args.run(args)
    except AllyshipError as exc:
        print(f"allyship: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("allyship: stopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
