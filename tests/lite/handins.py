"""Hand-in files as a learner's browser makes them, and as Canvas and Moodle pass them on."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from allyship.kit.widgets.handin import build_submission, submission_name

from ..helpers import REPO, nbgrader


def hand_in(module: str, answers: dict, notebook: Path | None = None) -> bytes:
    """The bytes the "Download my answers" control makes for ``module`` with ``answers``."""
    notebook = notebook or REPO / "release" / module / f"{module}.ipynb"
    return build_submission(module, notebook.read_text(encoding="utf-8"), answers)


def restamp(data: bytes, when: tuple[int, int, int, int, int, int]) -> bytes:
    """The same hand-in, as if made at ``when`` (UTC): an older download of one learner."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=when), src.read(info))
    return out.getvalue()


def archive(files: dict[str, bytes]) -> bytes:
    """A zip of ``{path inside: bytes}``: an LMS's "download all submissions"."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def canvas_name(module: str, learner: str, sortable: str, user_id: int) -> str:
    """Canvas's name for an uploaded file: sortable name, user id, attachment id, file."""
    return f"{sortable}_{user_id}_{user_id + 7000}_{submission_name(module, learner)}"


def moodle_path(module: str, learner: str, full_name: str, participant: int) -> str:
    """Moodle's (3.1+) folder per learner, holding the file as uploaded."""
    return f"{full_name}_{participant}_assignsubmission_file/{submission_name(module, learner)}"


def released_course(course: Path, module: str) -> Path:
    """A temporary course with ``module`` generated (zip_collect checks notebook names
    against release/) and its import folder ready."""
    nbgrader(course, "generate_assignment", module, "--force")
    folder = course / "downloaded" / module / "archive"
    folder.mkdir(parents=True)
    return folder
