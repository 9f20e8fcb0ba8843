"""``allyship repair`` on its own, without nbgrader: it settles, it never copies an answer out
of a source notebook, and it says plainly when there is nothing to repair."""

from __future__ import annotations

import nbformat

from allyship.cli import main
from allyship.grading.reconcile import public, reconcile
from allyship.grading.repair import repair_submission

from ..helpers import REPO
from .catalogue import (
    MODULE,
    NOTEBOOK,
    drop,
    duplicate,
    edit_locked,
    forged,
    release,
    retype,
    runaway,
    write_answers,
)
from .leaks import hidden_lines

SOURCE = REPO / "source" / MODULE / NOTEBOOK


def submission(tmp_path, change=None):
    folder = tmp_path / "submitted" / "kim" / MODULE
    folder.mkdir(parents=True)
    nb = release()
    if change:
        change(nb)
    nbformat.write(nb, str(folder / NOTEBOOK))
    write_answers(folder, {"q1": "An answer."})
    return folder


def test_a_repaired_submission_needs_no_second_repair(tmp_path):
    folder = submission(tmp_path, duplicate("q2"))
    reference = REPO / "release" / MODULE / NOTEBOOK
    assert repair_submission(folder, reference)
    assert repair_submission(folder, reference) == []
    assert "Duplicated cell 'q2'" in (folder / "repair-notes.txt").read_text()


def test_a_repaired_notebook_passes_the_guard_untouched(tmp_path):
    """The repair and the guard share reconcile(): after one, the other has nothing to do."""

    def change(nb):
        for damage in (runaway, forged, retype, edit_locked):
            damage(nb)

    folder = submission(tmp_path, change)
    reference = REPO / "release" / MODULE / NOTEBOOK
    notes = repair_submission(folder, reference)
    assert any("'q2' was kept as text" in n for n in notes)
    assert sum("A code cell added" in n for n in notes) == 2
    nb = nbformat.read(str(folder / NOTEBOOK), as_version=4)
    before = nbformat.writes(nb)
    guard_ref = public(nbformat.read(str(reference), as_version=4))
    assert reconcile(nb, guard_ref, restore_missing=False) == []
    assert nbformat.writes(nb) == before


def test_cells_put_back_from_a_source_notebook_carry_no_hidden_test(tmp_path):
    folder = submission(tmp_path, drop("q1", "q2", "q3"))
    notes = repair_submission(folder, SOURCE)
    assert any("'q1', 'q2', 'q3'" in n for n in notes)
    text = (folder / NOTEBOOK).read_text(encoding="utf-8")
    assert not [line for line in hidden_lines() if line in text]
    assert "HIDDEN TESTS" not in text


def test_repair_with_nothing_collected_says_so(tmp_path, capsys):
    course = tmp_path / "course"
    (course / "source" / MODULE).mkdir(parents=True)
    (course / "source" / MODULE / NOTEBOOK).write_bytes(SOURCE.read_bytes())
    (course / "nbgrader_config.py").write_text("")
    assert main(["--course", str(course), "repair", "01"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("allyship: No submission of 01_what_is_allyship from any learner")
    assert "nbgrader collect" in err and len(err.splitlines()) == 1
