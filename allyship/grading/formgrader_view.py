"""Formgrader shows a submission without the course's own code.

Formgrader renders each autograded notebook with nbconvert's ``HTMLExporter``, configured from
the course's ``nbgrader_config.py`` (``c.HTMLExporter.preprocessors``), and prints every code
cell's source above its output. For the course's widget cells (``<item>-ask``, ``setup``) that
source is the call that drew the question, such as ``Reflection('r1', '...prompt...', ...)``:
noise to a grader, who needs what the learner answered (the output below it). This step gives
those cells one short line instead. It changes only what Formgrader displays, never the
notebook on disk; test cells keep their code, so a grader still sees what was checked.
"""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool, Unicode


class QuietCourseCells(Preprocessor):
    """Replace the source of the course's widget cells with one line, for display only."""

    enabled = Bool(True, help="On by default: nbconvert registers preprocessors disabled.").tag(
        config=True
    )
    line = Unicode(
        "# The course's own cell: the learner's answer is shown below.",
        help="What Formgrader shows in place of a widget cell's code.",
    ).tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type == "code" and (grade_id == "setup" or grade_id.endswith("-ask")):
            cell.source = self.line
        return cell, resources
