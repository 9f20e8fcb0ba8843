"""Registering and releasing the course's modules, in one process through nbgrader's own API.

A module can reach learners by several paths: ``nbgrader release_assignment``, Formgrader's
Release button, or the course's own set-up. Formgrader's button publishes ``release/<module>``
as committed, without registering the module in the gradebook, and every grading command then
fails ("No assignment with ID ... exists in the database"). :func:`register` therefore runs
``generate_assignment`` for each module the gradebook does not know yet (which also rewrites
``release/`` byte for byte: the drift test checks that it is unchanged), and ``make course``,
``allyship study`` and ``allyship grade`` call it, so no path leaves a module unregistered.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import GradingError


def scripts_on_path() -> None:
    """Put this interpreter's scripts folder on ``PATH`` if it is not there.

    nbgrader's ``Gradebook`` runs the ``alembic`` command, found on ``PATH``, when it creates a
    gradebook; a virtual environment's Python started by its path (``.venv/bin/python``, a
    benchmark, a cron job) without the environment activated would fail there with "No such
    file or directory: 'alembic'"."""
    import sys

    scripts = os.path.dirname(sys.executable)
    path = os.environ.get("PATH", "")
    if scripts and scripts not in path.split(os.pathsep):
        os.environ["PATH"] = scripts + (os.pathsep + path if path else "")


def _api(course: Path):
    """nbgrader's API, configured from the course's ``nbgrader_config.py`` as its commands are."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.apps.baseapp import NbGrader

    scripts_on_path()
    here = os.getcwd()
    os.chdir(course)
    try:
        app = NbGrader()
        app.load_config_file()
        return NbGraderAPI(config=app.config)
    finally:
        os.chdir(here)


def registered(course: Path) -> set[str]:
    """The modules the gradebook knows (none when there is no gradebook yet)."""
    from nbgrader.api import Gradebook

    api = _api(course)
    url = api.coursedir.db_url
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///") :]).is_file():
        return set()
    with Gradebook(url) as gb:
        return {a.name for a in gb.assignments}


def register(course: Path, modules: Sequence[str]) -> list[str]:
    """Register every module of ``modules`` that the gradebook does not know; return those."""
    missing = [m for m in modules if m not in registered(course)]
    if not missing:
        return []
    api = _api(course)
    for module in missing:
        _check(api.generate_assignment(module, force=True, create=True), "register", module)
    return missing


def released(course: Path) -> set[str]:
    """The modules published in the course's exchange (``outbound/``)."""
    api = _api(course)
    return set(api.get_released_assignments())


def release(course: Path, modules: Sequence[str]) -> list[str]:
    """Register and release every module of ``modules`` not yet released; return those."""
    register(course, modules)
    done = released(course)
    api = _api(course)
    todo = [m for m in modules if m not in done]
    for module in todo:
        _check(api.release_assignment(module), "release", module)
    return todo


def _check(result: dict, what: str, module: str) -> None:
    if not result.get("success"):
        lines = (result.get("error") or result.get("log") or "no message").strip().splitlines()
        raise GradingError(
            f"Could not {what} {module}: {lines[-1] if lines else 'no message'}. Run "
            f"`nbgrader generate_assignment {module} --force` in the course folder to see why."
        )
