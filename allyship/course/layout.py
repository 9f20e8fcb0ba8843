"""Finding the course and its modules on disk.

A course folder holds ``nbgrader_config.py`` and ``source/``; modules are
``source/NN_slug/NN_slug.ipynb`` (DESIGN.md). Commands accept a module as ``01``, ``1``,
``01_what_is_allyship`` or ``what_is_allyship``.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import CourseNotFoundError, UnknownModuleError
from ..kit.store import MODULE_NAME

__all__ = [
    "EDITION_NOTEBOOKS",
    "MODULE_NAME",
    "find_course",
    "list_modules",
    "resolve_module",
    "source_notebook",
]

#: Each edition's course notebooks: their folder, the start-here notebook and the journal.
EDITION_NOTEBOOKS = {
    "en": ("notebooks", "00_start_here.ipynb", "my_journal.ipynb"),
    "fr": ("notebooks/fr", "00_commencer_ici.ipynb", "mon_journal.ipynb"),
}


def find_course(start: os.PathLike | str | None = None) -> Path:
    """The course folder: ``$ALLYSHIP_COURSE``, or ``start`` (default: here) or a parent of it."""
    env = os.environ.get("ALLYSHIP_COURSE")
    candidates = [Path(env)] if env else []
    here = Path(start or Path.cwd()).resolve()
    candidates += [here, *here.parents]
    for folder in candidates:
        if (folder / "nbgrader_config.py").is_file() and (folder / "source").is_dir():
            return folder.resolve()
    raise CourseNotFoundError(
        f"No course folder found from {here}. Run this inside the course (the folder with "
        "nbgrader_config.py and source/), or pass --course PATH."
    )


def list_modules(course: Path) -> list[str]:
    """Module names under ``source/``, in order."""
    return sorted(
        p.name
        for p in (course / "source").iterdir()
        if p.is_dir() and MODULE_NAME.match(p.name) and (p / f"{p.name}.ipynb").is_file()
    )


def resolve_module(course: Path, name: str) -> str:
    """The full module name for what a person typed; a clear error when nothing matches."""
    modules = list_modules(course)
    wanted = name.strip().strip("/").split("/")[-1].lower()
    if wanted.isdigit():
        wanted = f"{int(wanted):02d}"
    for module in modules:
        number, slug = module.split("_", 1)
        if wanted in (module, number, slug):
            return module
    available = ", ".join(modules) or "none"
    raise UnknownModuleError(f"There is no module '{name}'. The modules are: {available}.")


def source_notebook(course: Path, module: str) -> Path:
    return course / "source" / module / f"{module}.ipynb"
