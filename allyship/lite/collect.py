"""``nbgrader zip_collect``'s two plugins for the course (named in ``nbgrader_config.py``).

An instructor puts the learners' hand-in files (``allyship_<module>_<name>.zip``), or the
archive an LMS's "download all submissions" gives (Canvas, Moodle), in
``downloaded/<module>/archive/`` and runs ``nbgrader zip_collect <module>``:

* :class:`HandInExtractor` unpacks every archive, archives inside archives too, keeping each
  file's time; a file that is not a zip, or a damaged one, is passed on as it is;
* :class:`HandInCollector` looks at everything at once before nbgrader copies anything: which
  learner each hand-in belongs to (``names.py``), whether it is this module's, whether one
  learner handed in twice (the newest is kept). It says what it left out, and why, in plain
  words, then hands nbgrader the notebook and ``responses.json`` of each hand-in it kept.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from nbgrader.plugins import ExtractorPlugin, FileNameCollectorPlugin
from traitlets import List

from ..kit.store import FILENAME, MODULE_NAME
from .names import Learner, identify

#: how deep archives inside archives are opened (an LMS archive of hand-in files is 2)
DEPTH = 3


def _unique(path: Path) -> Path:
    n, candidate = 1, path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


class HandInExtractor(ExtractorPlugin):
    """Unpack each archive into a folder named after it, safely and recursively."""

    def extract(self, archive_path: str, extracted_path: str) -> None:
        source, dest = Path(archive_path), Path(extracted_path)
        for root, _, files in os.walk(source):
            for name in sorted(files):
                self._take(Path(root) / name, dest / Path(root).relative_to(source), 0)

    def _take(self, file: Path, into: Path, depth: int) -> None:
        into.mkdir(parents=True, exist_ok=True)
        if file.suffix.lower() == ".zip" and depth < DEPTH and zipfile.is_zipfile(file):
            try:
                self._unzip(file, _unique(into / file.stem), depth)
                return
            except (zipfile.BadZipFile, OSError, ValueError):
                pass  # a damaged archive: passed on as it is, and reported by the collector
        shutil.copy2(file, _unique(into / file.name))

    def _unzip(self, file: Path, folder: Path, depth: int) -> None:
        nested = []
        with zipfile.ZipFile(file) as z:
            for info in z.infolist():
                parts = PurePosixPath(info.filename.replace("\\", "/")).parts
                if info.is_dir() or not parts or ".." in parts or parts[0] in ("/", "__MACOSX"):
                    continue
                target = folder.joinpath(*parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(z.read(info))
                when = datetime(*info.date_time, tzinfo=UTC).timestamp()
                os.utime(target, (when, when))
                if target.suffix.lower() == ".zip":
                    nested.append(target)
        for inner in nested:  # a damaged one stays where it is, for the collector to report
            if depth + 1 < DEPTH and zipfile.is_zipfile(inner):
                try:
                    self._unzip(inner, _unique(inner.parent / inner.stem), depth + 1)
                    inner.unlink()
                except (zipfile.BadZipFile, OSError, ValueError):
                    pass


@dataclass
class HandIn:
    folder: Path
    learner: Learner
    notebook: Path
    responses: Path
    saved: datetime


@dataclass
class Plan:
    take: dict[Path, tuple[str, str, str]] = field(default_factory=dict)  #: file -> ids, time
    problems: list[str] = field(default_factory=list)
    learners: int = 0


class HandInCollector(FileNameCollectorPlugin):
    """Which learner each extracted file belongs to; what is left out, said in plain words."""

    valid_ext = List([".ipynb", ".json"], help="A hand-in's notebook and its answers.").tag(
        config=True
    )

    _plan: Plan | None = None

    def collect(self, submitted_file: str) -> dict | None:
        if self._plan is None:
            self._plan = self._make_plan(self._extracted(submitted_file))
            for problem in self._plan.problems:
                self.log.warning(problem)
            self.log.info(
                "Importing %d learners' hand-ins for %s; %d left out, each said above.",
                self._plan.learners,
                self._module,
                len(self._plan.problems),
            )
        found = self._plan.take.get(Path(submitted_file))
        if found is None:
            return None
        student, file_id, when = found
        return {"student_id": student, "file_id": file_id, "timestamp": when}

    # -- looking at everything first -------------------------------------------------------
    @property
    def _module(self) -> str:
        return self.parent.coursedir.assignment_id

    def _extracted(self, submitted_file: str) -> Path:
        app = self.parent
        if hasattr(app, "_format_collect_path"):
            return Path(app._format_collect_path(app.extracted_directory))
        return Path(submitted_file).parent  # pragma: no cover - only ZipCollectApp calls this

    def _make_plan(self, root: Path) -> Plan:
        plan, hand_ins = Plan(), []
        folders = {p.parent for p in root.rglob("*") if p.is_file() and self._is_hand_in_file(p)}
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if not any(f == path.parent for f in folders):
                plan.problems.append(self._loose(path, root))
        for folder in sorted(folders):
            hand_in = self._read(folder, root, plan)
            if hand_in is not None:
                hand_ins.append(hand_in)
        by_learner: dict[str, list[HandIn]] = {}
        for h in hand_ins:
            by_learner.setdefault(h.learner.student_id, []).append(h)
        for student, mine in sorted(by_learner.items()):
            mine.sort(key=lambda h: h.saved)
            kept = mine[-1]
            if len(mine) > 1:
                plan.problems.append(self._twice(student, mine, root))
            when = kept.saved.strftime("%Y-%m-%d %H:%M:%S.%f UTC")
            plan.take[kept.notebook] = (student, f"{self._module}.ipynb", when)
            plan.take[kept.responses] = (student, FILENAME, when)
            self._record_name(kept.learner)
        plan.learners = len(by_learner)
        return plan

    @staticmethod
    def _is_hand_in_file(path: Path) -> bool:
        return path.name == FILENAME or path.suffix == ".ipynb"

    def _read(self, folder: Path, root: Path, plan: Plan) -> HandIn | None:
        rel = folder.relative_to(root)
        shown = f"{rel}.zip" if rel.parts else str(rel)
        named = identify(list(rel.parts))
        notebooks = sorted(p.stem for p in folder.glob("*.ipynb"))
        others = [n for n in notebooks if MODULE_NAME.match(n) and n != self._module]
        if (named.module and named.module != self._module) or (others and not named.module):
            other = named.module if named.module != self._module else others[0]
            plan.problems.append(
                f"{shown}: a hand-in for module {other}, not {self._module}. Left out; put it "
                f"in downloaded/{other}/archive/ and run `nbgrader zip_collect {other}`."
            )
            return None
        if named.learner is None:
            plan.problems.append(
                f"{shown}: its name says neither whose it is nor which module: it is not named "
                f"like a hand-in from the course (allyship_{self._module}_NAME.zip) nor like "
                "one from Canvas's or Moodle's download. Left out; rename it as the course "
                "names it, with the learner's name, and import again."
            )
            return None
        notebook, responses = folder / f"{self._module}.ipynb", folder / FILENAME
        if not notebook.is_file() or not responses.is_file():
            missing = notebook.name if not notebook.is_file() else FILENAME
            plan.problems.append(
                f"{shown}: it has no {missing}, so it cannot be graded. Left out; ask "
                f"{named.learner.student_id} to download the module's file again."
            )
            return None
        saved = datetime.fromtimestamp(responses.stat().st_mtime, UTC)
        return HandIn(folder, named.learner, notebook, responses, saved)

    def _loose(self, path: Path, root: Path) -> str:
        shown = path.relative_to(root)
        if path.suffix.lower() == ".zip":
            return (
                f"{shown}: not a zip file that can be opened (it may be damaged, or only partly "
                "downloaded). Left out; ask the learner to download their file again."
            )
        return (
            f"{shown}: not a hand-in file (a hand-in is one zip file per learner, named like "
            f"allyship_{self._module}_NAME.zip). Left out."
        )

    def _twice(self, student: str, mine: list[HandIn], root: Path) -> str:
        def one(h: HandIn) -> str:
            return f"{h.folder.relative_to(root)}.zip (made {h.saved:%Y-%m-%d %H:%M} UTC)"

        older = ", ".join(one(h) for h in mine[:-1])
        return (
            f"{student}: {len(mine)} hand-ins for this module. Imported the newest, "
            f"{one(mine[-1])}; left out {older}."
        )

    def _record_name(self, learner: Learner) -> None:
        """The learner's name as the LMS gave it, into the gradebook (formgrader shows it)."""
        if not (learner.first_name or learner.last_name):
            return
        from nbgrader.api import Gradebook

        with Gradebook(self.parent.coursedir.db_url) as gb:
            gb.update_or_create_student(
                learner.student_id, first_name=learner.first_name, last_name=learner.last_name
            )
