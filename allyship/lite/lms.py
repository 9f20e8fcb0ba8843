"""``allyship export-lms --to canvas|moodle``: the gradebook's totals, as each LMS imports them.

* **Canvas** (Grades → Import): the columns ``Student, ID, SIS User ID, SIS Login ID, Section``
  then one column per module, and a ``Points Possible`` row. Canvas matches a row to a learner
  by ``ID`` (its user number, which a hand-in that came through Canvas carries), else by SIS
  user or login id, else by name; a column is matched to an assignment by ``Title (id)`` or by
  its title, and a new assignment is made otherwise (``GradebookImporter`` in
  instructure/canvas-lms).
* **Moodle** (the assignment's "Upload grading worksheet"): one assignment at a time, with the
  columns ``Identifier`` (``Participant <number>``, the number Moodle's download gave each
  learner's folder), ``Grade`` and ``Last modified (grade)``, the three the importer requires
  (``assignfeedback_offline_grade_importer`` in moodle/moodle), in Moodle's English words.

A learner whose hand-in did not come through that LMS has no number it knows: such rows are
listed for the instructor to enter by hand (Canvas can still match them by SIS login id, which
is what the learner typed). A module whose reflections still await a grader is left blank unless
``include_ungraded``: an LMS shows learners what is imported.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..errors import NoGradebookError

CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
MOODLE_COLUMNS = ["Identifier", "Full name", "Grade", "Maximum Grade", "Last modified (grade)"]


@dataclass
class Row:
    student: str
    first_name: str
    last_name: str
    scores: dict[str, float | None] = field(default_factory=dict)  #: None: awaits a grader
    automatic: dict[str, float] = field(default_factory=dict)  #: the same, ungraded parts as 0


@dataclass
class Export:
    path: Path
    rows: int
    notes: list[str]


def _read(db_url: str, modules: list[str] | None) -> tuple[list[Row], dict[str, float]]:
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url) as gb:
        names = [a.name for a in gb.assignments] if not modules else modules
        maxima = {m: float(gb.find_assignment(m).max_score) for m in names}
        rows = []
        for s in sorted(gb.students, key=lambda s: s.id):
            row = Row(s.id, s.first_name or "", s.last_name or "")
            for m in names:
                try:
                    sub = gb.find_submission(m, s.id)
                except MissingEntry:
                    continue
                row.scores[m] = None if sub.needs_manual_grade else float(sub.score)
                row.automatic[m] = float(sub.score)
            if row.scores:
                rows.append(row)
    return rows, maxima


def _number(value: float, maximum: float, out_of: float | None) -> str:
    if out_of:
        value = value * out_of / maximum if maximum else 0.0
    return f"{value:g}" if value == int(value) else f"{value:.2f}"


def _score(row: Row, module: str, include_ungraded: bool) -> float | None:
    value = row.scores.get(module)
    return row.automatic.get(module) if value is None and include_ungraded else value


def _lms_number(student: str, lms: str) -> str:
    prefix = f"{lms}-"
    return student[len(prefix) :] if student.startswith(prefix) else ""


def export_lms(
    db_url: str,
    lms: str,
    out: Path,
    *,
    modules: list[str] | None = None,
    include_ungraded: bool = False,
    out_of: float | None = None,
) -> Export:
    """Write ``out`` in ``lms``'s import format; say what the instructor must still do."""
    rows, maxima = _read(db_url, modules)
    if not rows:
        raise NoGradebookError(
            "The gradebook holds no graded hand-ins yet: run `nbgrader zip_collect` and "
            "`nbgrader autograde` first."
        )
    names = list(maxima)
    if lms == "moodle" and len(names) != 1:
        raise NoGradebookError(
            "Moodle imports one assignment's grades at a time: name the module with --module "
            f"(one of {', '.join(names)})."
        )
    notes, table = [], []
    waiting = sorted(
        f"{r.student} ({m})" for r in rows for m in names if m in r.scores and r.scores[m] is None
    )
    if waiting:
        state = "counted with automatic marks only" if include_ungraded else "left blank"
        notes.append(f"Reflections still to grade in Formgrader, {state}: " + ", ".join(waiting))
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    for r in rows:
        number = _lms_number(r.student, lms)
        others = r.student.startswith(("canvas-", "moodle-")) and not number
        if lms == "moodle" and not number or lms == "canvas" and others:
            notes.append(f"{r.student} did not hand in through {lms.title()}: enter by hand.")
            continue
        scores = {m: _score(r, m, include_ungraded) for m in names}
        cells = ["" if v is None else _number(v, maxima[m], out_of) for m, v in scores.items()]
        if lms == "canvas":
            person = ", ".join(p for p in (r.last_name, r.first_name) if p) or r.student
            table.append([person, number, "", "" if number else r.student, "", *cells])
        else:
            full = " ".join(p for p in (r.first_name, r.last_name) if p) or r.student
            maximum = _number(maxima[names[0]], maxima[names[0]], out_of)
            table.append([f"Participant {number}", full, cells[0], maximum, now])
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        if lms == "canvas":
            writer.writerow([*CANVAS_COLUMNS, *names])
            possible = [_number(maxima[m], maxima[m], out_of) for m in names]
            writer.writerow(["Points Possible", "", "", "", "", *possible])
        else:
            writer.writerow(MOODLE_COLUMNS)
        writer.writerows(table)
    return Export(out, len(table), notes)
