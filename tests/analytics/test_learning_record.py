"""The learner's record of learning, written beside the journal: objectives, stated time, last
save and commitments of each module, never a reflection, and no claim of accreditation."""

from __future__ import annotations

import json
import os
from datetime import datetime

import nbformat

from allyship.course import authoring as A
from allyship.kit.journal import RECORD_OUT, export_journal
from allyship.kit.learning_record import export_record, read_record

from .test_journal import learner_home

OBJECTIVES = (
    "## Learning objectives\n\nBy the end of this module you will be able to:\n\n"
    "1. Explain why allyship is a process,\n   not an identity.\n2. Rewrite a **claim**."
)


def home_with_objectives(root):
    home = learner_home(root)
    path = home / "01_first" / "01_first.ipynb"
    nb = nbformat.read(str(path), as_version=4)
    nb.cells[0].source += "\n\n**Time:** about 60\u201375 minutes (computed from the reading)."
    nb.cells.insert(1, A.text(OBJECTIVES, "objectives"))
    nbformat.write(nb, str(path))
    saved = datetime(2026, 11, 20, 9, 30).timestamp()
    os.utime(home / "01_first" / "responses.json", (saved, saved))
    return home


def test_a_module_s_record(tmp_path):
    record = read_record(home_with_objectives(tmp_path) / "01_first")
    assert record.title == "Module 01 \u2014 First"
    assert record.objectives == [
        "Explain why allyship is a process, not an identity.",
        "Rewrite a claim.",
    ]
    assert record.time == "about 60\u201375 minutes (computed from the reading)."
    assert record.last_saved == "20 November 2026"
    assert [(c.item_id, c.text) for c in record.commitments] == [("c1", "Ask whose direction.")]


def test_the_record_is_written_beside_the_journal_and_linked(tmp_path):
    home = home_with_objectives(tmp_path)
    journal = export_journal(home)
    record = home / RECORD_OUT
    page = record.read_text(encoding="utf-8")
    assert f'<a href="{RECORD_OUT}">' in journal.read_text(encoding="utf-8")
    assert "Time the module states: about 60\u201375 minutes" in page
    assert "<li>Explain why allyship is a process, not an identity.</li>" in page
    assert "Book the interpreter early." in page  # the action plan's next action (07)
    assert "This module states no time." in page  # 02 states none
    assert "No commitments saved in this module yet." in page
    assert "is not accredited for continuing professional development credit" in page
    assert "&lt;intake&gt;" not in page and "Second thoughts." not in page  # no reflection
    assert "the &lt;intake&gt; form" in journal.read_text(encoding="utf-8")  # the journal has it
    assert "<script" not in page
    assert export_record(home, tmp_path / "elsewhere.html").read_text(encoding="utf-8") == page
    assert json.loads((home / "01_first" / "responses.json").read_text())["c1"]  # untouched
