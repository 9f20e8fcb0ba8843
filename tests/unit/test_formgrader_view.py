"""Formgrader's rendering (nbconvert's HTMLExporter, configured from the course's
nbgrader_config.py) shows no widget cell's code; test cells keep theirs."""

from __future__ import annotations

import nbformat
from nbconvert import HTMLExporter
from traitlets.config import Config

from allyship.grading.formgrader_view import QuietCourseCells


def _cell(source: str, grade_id: str, **nbgrader) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade_id": grade_id, **nbgrader}
    return cell


def test_widget_cells_show_one_line_and_test_cells_their_code():
    nb = nbformat.v4.new_notebook(
        cells=[
            _cell("from allyship import Choice\nopen_responses()", "setup"),
            _cell("Reflection('r1', 'A long prompt', 'An alternative')", "r1-ask"),
            _cell('check_written("r1", min_words=1)', "r1-written", grade=True),
        ]
    )
    config = Config()
    config.HTMLExporter.preprocessors = ["allyship.grading.formgrader_view.QuietCourseCells"]
    html, _ = HTMLExporter(config=config).from_notebook_node(nb)
    assert "A long prompt" not in html and "open_responses" not in html
    assert html.count("answer is shown below") == 2
    assert "check_written" in html
    assert nb.cells[1].source.startswith("Reflection(")  # the notebook itself is unchanged
    assert QuietCourseCells().enabled
