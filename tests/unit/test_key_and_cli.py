"""``allyship key`` reads the answer key from source/; the CLI fails in one plain line."""

from __future__ import annotations

import json
import shutil

import nbformat
import pytest

from allyship.cli import main
from allyship.course import authoring as A
from allyship.course.key import REFLECTION_PLACEHOLDER, answer_key

from ..helpers import REPO


def tiny_module(course, name="01_tiny"):
    """A one-of-each module, built with the same factory as the course's modules."""
    cells = [A.text("# Tiny", "title"), A.setup()]
    cells += A.choice("q1", "One?", ["a", "b", "c"], "b")
    cells += A.choices("q2", "Many?", ["a", "b", "c"], ["a", "c"])
    cells += A.practice("p1", "Try", [("x", True, "yes"), ("y", False, "no")])
    cells += A.reflection("r1", "Think", "Or this")
    folder = course / "source" / name
    folder.mkdir(parents=True)
    nbformat.write(A.notebook(cells), str(folder / f"{name}.ipynb"))
    shutil.copy(REPO / "nbgrader_config.py", course / "nbgrader_config.py")
    return folder / f"{name}.ipynb"


def test_key_reads_hidden_tests(tmp_path):
    nb = tiny_module(tmp_path)
    assert answer_key(nb) == {"q1": "b", "q2": ["a", "c"], "r1": REFLECTION_PLACEHOLDER}


def test_key_command_prints_json(tmp_path, capsys):
    tiny_module(tmp_path)
    assert main(["--course", str(tmp_path), "key", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["q1"] == "b"
    for name in ("01", "01_tiny", "tiny"):
        assert main(["--course", str(tmp_path), "key", name]) == 0


def test_unknown_module_is_one_plain_line(tmp_path, capsys):
    tiny_module(tmp_path)
    assert main(["--course", str(tmp_path), "key", "09"]) == 1
    err = capsys.readouterr().err
    assert err == "allyship: There is no module '09'. The modules are: 01_tiny.\n"


def test_no_course_is_explained(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("ALLYSHIP_COURSE", raising=False)
    assert main(["--course", str(tmp_path), "key", "01"]) == 1
    assert "No course folder found" in capsys.readouterr().err


def test_a_damaged_source_notebook_is_explained(tmp_path, capsys):
    nb = tiny_module(tmp_path)
    nb.write_text("{ not a notebook")
    assert main(["--course", str(tmp_path), "key", "01"]) == 1
    assert "could not be read as a notebook" in capsys.readouterr().err


def test_a_computed_answer_is_refused(tmp_path, capsys):
    nb_path = tiny_module(tmp_path)
    nb = nbformat.read(str(nb_path), as_version=4)
    cell = next(c for c in nb.cells if c.metadata["nbgrader"].get("grade_id") == "q1")
    cell.source = cell.source.replace("'b'", "'b'.upper()")
    nbformat.write(nb, str(nb_path))
    assert main(["--course", str(tmp_path), "key", "01"]) == 1
    assert "computes its answer instead of stating it" in capsys.readouterr().err


def test_wrong_arguments_exit_2_with_usage(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["kee", "01"])
    assert exit_.value.code == 2
    assert "invalid choice: 'kee'" in capsys.readouterr().err


def test_the_course_key_matches_every_modules_hidden_tests():
    """Every graded item of every module has a key entry, and nothing else does."""
    for nb_path in sorted((REPO / "source").glob("*/*.ipynb")):
        nb = nbformat.read(str(nb_path), as_version=4)
        graded = {
            c.metadata["nbgrader"]["grade_id"]
            for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade")
            and c.metadata["nbgrader"]["grade_id"][0] == "q"
        }
        key = answer_key(nb_path)
        assert graded == {k for k in key if k.startswith("q")}, nb_path.name
