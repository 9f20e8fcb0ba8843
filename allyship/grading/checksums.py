"""Silence nbgrader's false alarm "Attribute 'checksum' for cell q1 has changed!" at its cause.

``nbgrader generate_assignment`` stores each read-only cell's checksum in the gradebook
*before* it removes hidden tests and mark schemes, then writes the release with a new checksum
(``converters/generate_assignment.py``: ComputeChecksums, SaveCells, ClearHiddenTests,
ClearMarkScheme, ComputeChecksums). At autograde ``OverwriteCells`` compares every submitted
read-only cell with the gradebook's checksum, so each cell that lost a hidden test or a mark
scheme (six questions and two reflection tasks in module 01) differs, is reported as changed,
and gets its source back: the restore is how hidden tests return, and the warning is noise that
reads like tampering (upstream: jupyter/nbgrader#1961, open).

:class:`RestoreReleasedCells` runs just before ``OverwriteCells`` (``Autograde.
sanitize_preprocessors`` in ``nbgrader_config.py``). For each read-only cell whose submitted
source is exactly what nbgrader's own ``ClearHiddenTests`` and ``ClearMarkScheme`` make of the
gradebook's source, it puts that source back itself, so ``OverwriteCells`` finds the checksum
it expects and stays quiet. Any other difference (a cell really edited) is left alone, and
``OverwriteCells`` warns and restores exactly as before.
"""

from __future__ import annotations

import copy

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme, NbGraderPreprocessor


class RestoreReleasedCells(NbGraderPreprocessor):
    """Give read-only cells that are exactly as released their source back (see module doc)."""

    def preprocess(self, nb, resources):
        nbgrader = resources["nbgrader"]
        self.notebook_id, self.assignment_id = nbgrader["notebook"], nbgrader["assignment"]
        self.restored = 0
        self.strippers = (ClearHiddenTests(parent=self), ClearMarkScheme(parent=self))
        with Gradebook(nbgrader["db_url"]) as self.gradebook:
            nb, resources = super().preprocess(nb, resources)
        self.log.debug("Restored %d released cell(s) from the gradebook", self.restored)
        return nb, resources

    def preprocess_cell(self, cell, resources, index):
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id is None:
            return cell, resources
        try:
            source = self.gradebook.find_source_cell(grade_id, self.notebook_id, self.assignment_id)
        except MissingEntry:
            return cell, resources  # OverwriteCells reports it
        if source.locked and cell.cell_type == source.cell_type and cell.source != source.source:
            if cell.source == self.released(cell, source.source):
                cell.source = source.source
                self.restored += 1
        return cell, resources

    def released(self, cell, source: str) -> str | None:
        """``source`` as ``generate_assignment`` releases it, or None if nbgrader refuses it."""
        twin = copy.deepcopy(cell)
        twin.source = source
        try:
            for stripper in self.strippers:
                twin, _ = stripper.preprocess_cell(twin, {}, 0)
        except RuntimeError:  # a region in the wrong kind of cell: not ours to judge
            return None
        return twin.source
