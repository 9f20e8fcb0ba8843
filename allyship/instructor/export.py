"""A grades CSV with one column per graded item as well as totals, as an nbgrader exporter.

nbgrader's own ``nbgrader export`` writes one row per learner and module with totals only.
Instructors asked for the questions too, so this plugin writes one row per learner::

    nbgrader export --exporter=allyship.export.ItemCsvExport --to=grades_by_item.csv

Columns: ``student_id, last_name, first_name, email``; then for each module, in order, one
column per graded cell (``01_what_is_allyship:q1`` ... ``:r1`` for the person-graded reflection,
``:r1-written`` for its completeness check) and ``<module>:total``; then ``total`` and
``max_total``. A module not submitted leaves its columns empty and adds 0 to ``total``.
``--assignment`` and ``--student`` narrow it down as they do for nbgrader's own exporter.
"""

from __future__ import annotations

import csv
import re

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import ExportPlugin
from traitlets import Bool

from .editions import twins

DEFAULT_DEST = "grades_by_item.csv"
PERSON = ["student_id", "last_name", "first_name", "email"]


def item_order(name: str) -> tuple:
    """q1 < q2 < q10 < r1 < r1-written < r2: letter, number, then suffix."""
    match = re.match(r"^([a-z]+)(\d*)(.*)$", name)
    if not match:
        return (name, 0, "")
    letters, digits, rest = match.groups()
    return (letters, int(digits) if digits else 0, rest)


def number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class ItemCsvExport(ExportPlugin):
    """One row per learner; a column per graded item, per module total, and the overall total.

    With ``--ItemCsvExport.combine_editions=True`` a French module's grades go in its English
    twin's columns (the same item ids and points; :mod:`.editions`), so a module has one set of
    columns whichever language each learner took it in (the later submission if both)."""

    combine_editions = Bool(
        False, help="Put each French module's grades in its English twin's columns."
    ).tag(config=True)

    def export(self, gradebook: Gradebook) -> None:
        dest = self.to or DEFAULT_DEST
        wanted = [str(a) for a in self.assignment]
        found = sorted(
            (a for a in gradebook.assignments if not wanted or a.name in wanted),
            key=lambda a: a.name,
        )
        pairs = twins([a.name for a in found]) if self.combine_editions else {}
        assignments = [a for a in found if a.name not in pairs]
        editions = {a.name: [a.name] for a in assignments}
        for other, english in pairs.items():
            editions[english].append(other)
        wanted_students = [str(s) for s in self.student]
        students = sorted(
            (s for s in gradebook.students if not wanted_students or s.id in wanted_students),
            key=lambda s: s.id,
        )
        items = {a.name: self._items(a) for a in assignments}
        header = list(PERSON)
        for a in assignments:
            header += [f"{a.name}:{name}" for name in items[a.name]] + [f"{a.name}:total"]
        header += ["total", "max_total"]
        max_total = sum(sum(items[a.name].values()) for a in assignments)
        self.log.info("Exporting grades by item to %s", dest)
        with open(dest, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            for student in students:
                row = [student.id, student.last_name or "", student.first_name or ""]
                row.append(student.email or "")
                total = 0.0
                for a in assignments:
                    scores = self._latest(gradebook, editions[a.name], student.id)
                    module_total = sum(scores.values()) if scores is not None else None
                    row += [number((scores or {}).get(name)) for name in items[a.name]]
                    row.append(number(module_total))
                    total += module_total or 0.0
                writer.writerow(row + [number(total), number(max_total)])

    @staticmethod
    def _items(assignment) -> dict[str, float]:
        """Every graded cell of the module (questions, checks, person-graded tasks), in order."""
        cells = {}
        for nb in assignment.notebooks:
            for cell in list(nb.grade_cells) + list(nb.task_cells):
                cells[cell.name] = float(cell.max_score)
        return {name: cells[name] for name in sorted(cells, key=item_order)}

    @staticmethod
    def _latest(gradebook: Gradebook, names: list[str], student: str) -> dict[str, float] | None:
        """The learner's grades in the latest submission among ``names`` (a module's editions)."""
        submissions = []
        for name in names:
            try:
                submissions.append(gradebook.find_submission(name, student))
            except MissingEntry:
                continue
        if not submissions:
            return None
        latest = max(submissions, key=lambda s: (s.timestamp is not None, s.timestamp or 0))
        return {g.name: float(g.score) for nb in latest.notebooks for g in nb.grades}
