"""The learner's journal: their own words, in module order, missing and damaged files named."""

from __future__ import annotations

import json

import nbformat
import pytest

from allyship.course import authoring as A
from allyship.errors import NoJournalError
from allyship.kit.journal import export_journal, gather, journal_html

REFLECTION = "I noticed that the <intake> form asked for a card first & I asked why."


def learner_home(root):
    """Modules 01, 02 (no answers yet), 03 (damaged file) and 07 (action plan) side by side."""
    specs = {
        "01_first": A.reflection("r1", "What did you notice?", "Or this")
        + A.reflection("r2", "And then?", "Or that")
        + A.commitment("c1", "One next action"),
        "02_second": A.reflection("r1", "Second prompt", "Alt"),
        "03_third": A.reflection("r1", "Third prompt", "Alt"),
        "07_last": A.action_plan("e1", "Build your plan"),
    }
    for name, cells in specs.items():
        folder = root / name
        folder.mkdir(parents=True)
        title = A.text(f"# Module {name[:2]} \u2014 {name[3:].title()}", "title")
        nbformat.write(A.notebook([title, A.setup(), *cells]), str(folder / f"{name}.ipynb"))
    answers = {"r2": "Second thoughts.", "r1": REFLECTION, "c1": "Ask whose direction.",
               "q1": "not kept", "share": "yes"}  # fmt: skip
    (root / "01_first" / "responses.json").write_text(json.dumps(answers))
    (root / "03_third" / "responses.json").write_text("{ damaged")
    plan = {"e1-action": "Book the interpreter early.", "e1-when": "Monday", "e1-carried": ["x"]}
    (root / "07_last" / "responses.json").write_text(json.dumps(plan))
    return root


def test_entries_in_module_and_item_order_with_prompts(tmp_path):
    modules = gather(learner_home(tmp_path))
    assert [m.name for m in modules] == ["01_first", "02_second", "03_third", "07_last"]
    first = modules[0]
    assert first.title == "Module 01 \u2014 First"
    assert [(e.item_id, e.label, e.prompt) for e in first.entries] == [
        ("r1", "Reflection 1", "What did you notice?"),
        ("r2", "Reflection 2", "And then?"),
        ("c1", "Commitment 1", "One next action"),
    ]
    last = modules[3]
    assert [(e.item_id, e.label, e.text) for e in last.entries] == [
        ("e1-action", "My next action", "Book the interpreter early."),
        ("e1-when", "When", "Monday"),
    ]


def test_missing_and_damaged_files_are_said_plainly_and_left_alone(tmp_path):
    home = learner_home(tmp_path)
    modules = {m.name: m for m in gather(home)}
    assert modules["02_second"].note == "No reflections or commitments saved in this module yet."
    assert modules["03_third"].note == (
        "The saved answers file here could not be read; it was left as it is."
    )
    assert (home / "03_third" / "responses.json").read_text() == "{ damaged"
    assert sorted(p.name for p in (home / "03_third").iterdir()) == [
        "03_third.ipynb", "responses.json",
    ]  # fmt: skip


def test_export_writes_one_escaped_html_file(tmp_path):
    home = learner_home(tmp_path)
    out = export_journal(home)
    assert out == home / "my_allyship_journal.html"
    page = out.read_text(encoding="utf-8")
    assert "the &lt;intake&gt; form asked for a card first &amp; I asked why" in page
    assert page.index("Reflection 1") < page.index("Reflection 2") < page.index("Commitment 1")
    assert page.index("Module 01") < page.index("Module 02") < page.index("Module 07")
    assert "not kept" not in page and "<script" not in page
    assert journal_html(gather(home)) == page


def test_the_journal_can_sit_in_its_own_folder_beside_the_modules(tmp_path):
    home = learner_home(tmp_path)
    (home / "journal").mkdir()
    assert [m.name for m in gather(home / "journal")][0] == "01_first"


def test_no_module_folders_is_a_plain_error(tmp_path):
    with pytest.raises(NoJournalError, match="No module folders .* were found in"):
        gather(tmp_path)


def test_a_journal_released_as_its_own_numbered_folder_leaves_itself_out(tmp_path):
    home = learner_home(tmp_path)
    (home / "00_journal").mkdir()
    names = [m.name for m in gather(home / "00_journal")]
    assert names == ["01_first", "02_second", "03_third", "07_last"]
