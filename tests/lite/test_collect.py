"""``nbgrader zip_collect`` with the course's plugins (nbgrader_config.py), for real: a folder
of hand-ins with everything that goes wrong in one, each problem said in plain words, and the
rest imported."""

from __future__ import annotations

import json

import pytest

from ..helpers import make_course, nbgrader
from .handins import archive, canvas_name, hand_in, moodle_path, released_course, restamp

pytestmark = [pytest.mark.slow]
MODULE = "01_what_is_allyship"
OTHER = "02_power_listening_direction"


def submitted(course, learner: str) -> dict:
    folder = course / "submitted" / learner / MODULE
    return json.loads((folder / "responses.json").read_text(encoding="utf-8"))


def test_bad_files_are_reported_in_plain_words_and_the_rest_imported(tmp_path):
    course = make_course(tmp_path / "course", [MODULE, OTHER])
    inbox = released_course(course, MODULE)
    good = {"q1": "An answer", "r1": "Ana's reflection."}
    older, newer = {"q1": "First try"}, {"q1": "Second try", "r1": "Bob's reflection."}
    files = {
        f"allyship_{MODULE}_ana.zip": hand_in(MODULE, good),
        # one learner twice: a browser names the second download " (1)"
        f"allyship_{MODULE}_bob.zip": restamp(hand_in(MODULE, older), (2026, 1, 5, 9, 0, 0)),
        f"allyship_{MODULE}_bob (1).zip": hand_in(MODULE, newer),
        "not-really.zip": b"this was never a zip file",  # not a zip
        f"allyship_{OTHER}_cleo.zip": hand_in(OTHER, {"q1": "x"}),  # another module's
        "homework.zip": hand_in(MODULE, {"q1": "y"}),  # a name matching no pattern
        "notes.txt": b"Please grade kindly.",
        # Canvas's archive holding one learner's file, and a damaged file inside it
        "submissions.zip": archive(
            {
                canvas_name(MODULE, "dee", "smithdee", 4242): hand_in(MODULE, {"q1": "z"}),
                "broken_77_9_allyship_01_what_is_allyship_x.zip": b"PK\x03\x04 cut short",
            }
        ),
        # Moodle's, with a folder per learner
        "moodle.zip": archive({moodle_path(MODULE, "eve", "Eve Roy", 512): hand_in(MODULE, good)}),
    }
    for name, data in files.items():
        (inbox / name).write_bytes(data)

    proc = nbgrader(course, "zip_collect", MODULE)
    log = proc.stdout + proc.stderr
    assert "Traceback" not in log

    # every problem, by file, in words an instructor acts on
    assert "not-really.zip: not a zip file that can be opened" in log
    assert "broken_77_9_allyship_01_what_is_allyship_x.zip: not a zip file" in log
    assert log.count("broken_77_9_allyship_01_what_is_allyship_x.zip:") == 1  # said once
    assert f"allyship_{OTHER}_cleo.zip: a hand-in for module {OTHER}, not {MODULE}" in log
    assert f"`nbgrader zip_collect {OTHER}`" in log
    assert "homework.zip: its name says neither whose it is nor which module" in log
    assert "notes.txt: not a hand-in file" in log
    assert "bob: 2 hand-ins for this module. Imported the newest," in log
    assert f"allyship_{MODULE}_bob (1).zip (made" in log.split("Imported the newest,")[1]
    assert f"Importing 4 learners' hand-ins for {MODULE}; 6 left out" in log

    # the rest, imported: notebook and answers for each learner, the newest of bob's two
    learners = sorted(p.name for p in (course / "submitted").iterdir())
    assert learners == ["ana", "bob", "canvas-4242", "moodle-512"]
    for learner in learners:
        folder = course / "submitted" / learner / MODULE
        assert sorted(p.name for p in folder.iterdir()) == [
            f"{MODULE}.ipynb",
            "responses.json",
            "timestamp.txt",
        ]
    assert submitted(course, "ana") == good and submitted(course, "bob") == newer
    assert submitted(course, "moodle-512") == good
    stamp = (course / "submitted" / "bob" / MODULE / "timestamp.txt").read_text()
    assert stamp.startswith("20") and "2026-01-05" not in stamp

    # Moodle's full name reaches the gradebook, so formgrader and the LMS export show it
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        eve = gb.find_student("moodle-512")
        assert (eve.first_name, eve.last_name) == ("Eve", "Roy")
