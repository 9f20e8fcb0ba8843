"""The grading guard: no code the course did not write runs when a submission is graded.

nbgrader's autograde executes every code cell of a submission as the account that grades, in a
kernel that can read ``source/`` (the answer keys), open ``gradebook.db`` and write anywhere
that account can. In this course a learner never needs code, so :class:`CourseCellsOnly`, a
sanitize step of nbgrader's own ``Autograde`` converter (``c.Autograde.sanitize_preprocessors``
in ``nbgrader_config.py``), puts each notebook back into the release's shape before anything
runs, with :func:`allyship.grading.reconcile.reconcile` (the repair step's implementation):
cells the course did not write become text with a note, edited course cells are put back. Being
configuration, it runs on every path: ``nbgrader autograde``, formgrader's Autograde button, and
``allyship grade`` (whose workers and writer build their converters from the same config).

It also keeps out of the kernel's working folder every file the course does not ship: the
kernel starts there with that folder first on ``sys.path``, so a submitted ``allyship.py`` or
``ipykernel_launcher.py`` would otherwise run as the grader (the originals stay in
``submitted/``). A notebook whose release cannot be found is refused, not run.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

import nbformat
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

from ..errors import GradingError
from .reconcile import public, reconcile
from .repair import EXPECTED

#: Prefix of the guard's log lines; ``allyship grade`` repeats them in its summary.
PREFIX = "Guard: "
#: Names the grading steps themselves leave in a submission (kept aside, or notes).
KEPT_PATTERNS = ("responses.damaged-*.json", "*.unreadable", "*.ipynb")


class CourseCellsOnly(Preprocessor):
    """Sanitize step: the notebook in the release's shape, the kernel's folder holding only
    the course's files (see the module's docstring)."""

    enabled = Bool(True, help="On by default: nbgrader registers preprocessors disabled.").tag(
        config=True
    )

    def __init__(self, **kw):
        super().__init__(**kw)
        self._references: dict[str, tuple[int, nbformat.NotebookNode]] = {}

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        module, name = info["assignment"], info["notebook"]
        cd = self._coursedir()
        for note in reconcile(nb, self._reference(cd, module, name), restore_missing=False):
            self.log.warning("%s%s: %s", PREFIX, name, note)
        folder = info.get("kernel_folder") or cd.format_path(
            cd.autograded_directory, info["student"], module
        )
        source = Path(cd.format_path(cd.source_directory, ".", module))
        removed = keep_course_files(Path(folder), course_files(source))
        if removed:
            self.log.warning(
                "%sfiles that are not the course's were left out of the folder the notebook "
                "runs in (they stay in submitted/): %s",
                PREFIX,
                ", ".join(removed),
            )
        return nb, resources

    def _coursedir(self):
        """The converter's course directory (nbgrader's exporter is the parent of each step
        and the converter the exporter's parent); from the configuration when used alone."""
        owner = self.parent
        while owner is not None:
            if getattr(owner, "coursedir", None) is not None:
                return owner.coursedir
            owner = getattr(owner, "parent", None)
        from nbgrader.coursedir import CourseDirectory

        return CourseDirectory(config=self.config)

    def _reference(self, cd, module: str, name: str) -> nbformat.NotebookNode:
        """The module's release notebook (its source, stripped, when there is no release)."""
        tried = []
        for step in (cd.release_directory, cd.source_directory):
            folder = cd.format_path(step, ".", module)
            path = os.path.normpath(os.path.join(folder, name + ".ipynb"))
            tried.append(path)
            try:
                stamp = os.stat(path).st_mtime_ns
            except OSError:
                continue
            cached = self._references.get(path)
            if cached is None or cached[0] != stamp:
                cached = (stamp, public(nbformat.read(path, as_version=4)))
                self._references[path] = cached
            return cached[1]
        raise GradingError(
            f"The course's own copy of {module}/{name}.ipynb was not found (looked for "
            f"{' and '.join(tried)}), so this notebook was not run: without it, cells the "
            f"course did not write cannot be told apart. Run `nbgrader generate_assignment "
            f"{module}`, then autograde again."
        )


def course_files(source_folder: Path) -> set[str]:
    """Paths (relative, with ``/``) of the files nbgrader copies from ``source/<module>/``."""
    if not source_folder.is_dir():
        return set()
    return {
        p.relative_to(source_folder).as_posix()
        for p in source_folder.rglob("*")
        if p.is_file() and p.suffix != ".ipynb"
    }


def keep_course_files(folder: Path, shipped: set[str]) -> list[str]:
    """Remove from ``folder`` whatever is neither shipped by the course nor left by grading
    itself (``responses.json``, notes, kept-aside copies, notebooks); return what went."""
    if not folder.is_dir():
        return []
    removed = []
    parents = {p for rel in shipped for p in _parents(rel)}
    for root, dirs, files in os.walk(folder, topdown=True):
        rel_root = Path(root).relative_to(folder).as_posix()
        rel_root = "" if rel_root == "." else rel_root + "/"
        for name in sorted(files):
            rel = rel_root + name
            top = not rel_root and (name in EXPECTED or _kept(name))
            if rel not in shipped and not top:
                os.unlink(os.path.join(root, name))
                removed.append(rel)
        for name in sorted(dirs):
            path = os.path.join(root, name)
            if os.path.islink(path) or (rel_root + name) not in parents:
                _remove(path)
                removed.append(rel_root + name + "/")
        dirs[:] = [d for d in dirs if os.path.isdir(os.path.join(root, d))]
    return removed


def _kept(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in KEPT_PATTERNS)


def _parents(rel: str) -> list[str]:
    parts = rel.split("/")[:-1]
    return ["/".join(parts[: n + 1]) for n in range(len(parts))]


def _remove(path: str) -> None:
    import shutil

    if os.path.islink(path):
        os.unlink(path)
    else:
        shutil.rmtree(path)
