"""A plain line in place of each widget until the learner presses Run all.

A module's questions and text boxes are widgets: they exist only while the notebook's kernel
runs. A notebook that has just been fetched, or reopened next week, would otherwise show nothing
(or, had widget views been saved, "Error displaying widget: model not found") where each
question goes. Two places put this line there, from one function:

- :class:`RunAllLines`, the last step of ``nbgrader generate_assignment`` (``nbgrader_config.py``),
  so every released notebook opens with a line under each reading where its question will be;
- the course's JupyterLab save hook (:func:`allyship.instructor.lab.before_save`), which replaces
  each widget view with the same line whenever the notebook is saved.

Autograde and Validate clear all outputs first, so the line never reaches grading.
"""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbformat.v4 import new_output
from traitlets import Bool

from ..kit.strings import t

#: the mime type of an ipywidgets view in a notebook output
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def run_all_line() -> NotebookNode:
    """The output that stands in for a widget: one sentence, as Markdown and as plain text."""
    text = t("lab.press_run_all")
    return new_output(
        "display_data", data={"text/markdown": text, "text/plain": text.replace("*", "")}
    )


def is_widget_cell(cell: dict) -> bool:
    """A cell the cell factory made to show a widget (grade_id ``<item>-ask``)."""
    grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
    return cell.get("cell_type") == "code" and grade_id.endswith("-ask")


class RunAllLines(Preprocessor):
    """Give every widget cell of a release the line asking to press Run all."""

    enabled = Bool(True, help="On by default: nbgrader registers preprocessors disabled.").tag(
        config=True
    )

    def preprocess_cell(self, cell, resources, index):
        if is_widget_cell(cell) and not cell.outputs:
            cell.outputs = [run_all_line()]
        return cell, resources
