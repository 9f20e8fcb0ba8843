"""The two ways to open the course on one machine, and their verbs (see :mod:`allyship.cli`).

- ``allyship lab`` (``make course``): an instructor trying the course. Every module is
  registered and released into the course's own exchange, then JupyterLab opens on the course
  folder at the start-here notebook, with nbgrader's instructor tools. In the Assignment List
  every module waits under "Released assignments", to fetch as a learner would.
- ``allyship study`` (``make learner``): a learner studying alone. Every module is released and
  fetched into a learner folder (``learner/`` by default) beside the start-here notebook and the
  journal; JupyterLab opens on that folder without the instructor tools. The Assignment List
  still submits, into the same exchange, so the instructor's commands grade it as usual.
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

from ..cli import Verb, argument, course_of
from . import lab


def _modules(course: Path, language: str = "en") -> list[str]:
    """The course's modules in ``language``'s edition (a learner follows one language)."""
    from ..course import list_modules
    from ..kit.store import module_language

    return [m for m in list_modules(course) if module_language(m) == language]


def _exchange(course: Path) -> Path:
    return Path(os.environ.get("ALLYSHIP_EXCHANGE", course / "exchange"))


def prepare_course(course: Path, language: str = "en") -> dict:
    """Register and release every module of ``language``'s edition; return the server's
    environment additions."""
    from ..grading.release import release

    release(course, _modules(course, language))
    return lab.prepare(course, language=language)


def prepare_learner(course: Path, folder: Path, language: str = "en") -> dict:
    """Release every module of the edition, fetch what ``folder`` lacks, add the learner's
    notebooks; return the server's environment additions. Nothing in ``folder`` is replaced."""
    from ..grading.release import release

    modules = _modules(course, language)
    release(course, modules)
    folder.mkdir(parents=True, exist_ok=True)
    for module in modules:
        if not (folder / module).exists():
            fetch(_exchange(course), module, folder)
    where, *names = lab.NOTEBOOKS[language]
    for name in names:
        if not (folder / name).exists():
            shutil.copy(course / where / name, folder / name)
    return lab.prepare(folder, learner=True, exchange=_exchange(course), language=language)


def fetch(exchange: Path, module: str, folder: Path) -> None:
    """``nbgrader fetch_assignment`` into ``folder``, in this process."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeFetchAssignment
    from traitlets.config import Config

    config = Config()
    config.Exchange.root = str(exchange)
    config.Exchange.assignment_dir = str(folder)
    config.CourseDirectory.course_id = "allyship"
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = module
    ExchangeFetchAssignment(
        coursedir=coursedir, authenticator=Authenticator(config=config), config=config
    ).start()


def _serve(root: Path, extra_env: dict, args: argparse.Namespace, start: str) -> int:
    argv = lab.command(root, port=args.port, start=start, open_browser=not args.no_browser)
    print(f"Opening the course in JupyterLab from {root} (press Ctrl+C twice to stop).")
    os.chdir(root)
    os.execvpe(argv[0], argv, {**os.environ, **extra_env})
    return 0  # pragma: no cover - exec does not return


def cmd_lab(args: argparse.Namespace) -> int:
    course = course_of(args)
    env = prepare_course(course, args.lang)
    return _serve(course, env, args, lab.start_notebook(args.lang))


def cmd_study(args: argparse.Namespace) -> int:
    course = course_of(args)
    folder = (args.folder or course / "learner").resolve()
    env = prepare_learner(course, folder, args.lang)
    return _serve(folder, env, args, lab.NOTEBOOKS[args.lang][1])


SERVE = (
    argument("--port", type=int, default=8888, help="the port on 127.0.0.1 (default 8888)"),
    argument("--no-browser", action="store_true", help="do not open a browser tab"),
    argument(
        "--lang",
        choices=tuple(lab.NOTEBOOKS),
        default="en",
        help="the edition: en (default) or fr, the French modules and JupyterLab in French",
    ),
)

VERBS = [
    Verb(
        "lab",
        "instructors",
        "open the course in JupyterLab with every module released (make course)",
        cmd_lab,
        SERVE,
    ),
    Verb(
        "study",
        "learners",
        "take the course alone on this computer: every module fetched into learner/",
        cmd_study,
        (*SERVE, argument("--folder", type=Path, help="your folder (default: learner/)")),
    ),
]
