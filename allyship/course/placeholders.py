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

import re

from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbformat.v4 import new_output
from traitlets import Bool

from ..kit.strings import in_language, t

#: the mime type of an ipywidgets view in a notebook output
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
SETUP_LANGUAGE = re.compile(r"open_responses\(language=['\"](\w+)['\"]\)")


def notebook_language(nb: dict) -> str:
    """The edition a module notebook is in, as its setup cell says (``open_responses(language=
    'fr')``); ``"en"`` for any other notebook."""
    for cell in nb.get("cells", []):
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        if grade_id == "setup":
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            found = SETUP_LANGUAGE.search(source)
            return found.group(1) if found else "en"
    return "en"


def run_all_line(language: str = "en") -> NotebookNode:
    """The output that stands in for a widget: one sentence, as Markdown and as plain text."""
    with in_language(language):
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

    def preprocess(self, nb, resources):
        self._language = notebook_language(nb)
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if is_widget_cell(cell) and not cell.outputs:
            cell.outputs = [run_all_line(getattr(self, "_language", "en"))]
        return cell, resources
