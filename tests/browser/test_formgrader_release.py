"""An instructor releases a module with Formgrader's Release button, on a course whose gradebook
has never heard of it (a fresh clone: release/ is committed), and plain ``nbgrader autograde``
then grades a learner's submission (issue 14). Before, autograde failed with "No assignment with
ID ... exists in the database"; the course's release step registers the module first."""

from __future__ import annotations

import json

import pytest
from nbgrader.api import Gradebook, MissingEntry

from ..helpers import fetch, key, nbgrader, submit
from .notebook import shot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
MODULE = "05_building_trust"


def test_formgrader_release_button_then_nbgrader_autograde_grades(page, lab, tmp_path):
    course = lab.root
    nbgrader(course, "list", "--remove", MODULE, "--course", "allyship")  # not released ...
    nbgrader(course, "db", "assignment", "remove", MODULE, "--force")  # ... nor registered
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        with pytest.raises(MissingEntry):
            gb.find_assignment(MODULE)

    page.goto(f"{lab.url}/formgrader/manage_assignments?token={lab.token}")
    row = page.locator("tr", has_text=MODULE)
    row.locator(".release a").click()
    page.get_by_text(f"Successfully released '{MODULE}'.").wait_for()
    shot(page, "released")

    learner = tmp_path / "learner"
    notebook = fetch(course, MODULE, learner)
    answers = key(MODULE, course)
    (notebook.parent / "responses.json").write_text(json.dumps(answers), encoding="utf-8")
    submit(course, MODULE, learner, "fresh-clone")
    nbgrader(course, "collect", MODULE)
    nbgrader(course, "autograde", MODULE, "--student=fresh-clone")

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(MODULE, MODULE, "fresh-clone")
        auto = [g for g in nb.grades if g.auto_score is not None]
        assert auto and all(g.auto_score == g.max_score for g in auto), [
            (g.name, g.auto_score, g.max_score) for g in auto
        ]
