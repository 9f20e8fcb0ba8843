"""The practice tools of modules 05, 07 and 08 (self-audit, land record, action plan), driven
through their Python API with ipywidgets' own fake comm (no kernel)."""

from __future__ import annotations

import json

import pytest

from allyship import ActionPlan, LandRecord, ResponseStore, SelfAudit
from allyship.course import authoring as A
from allyship.kit.strings import t
from allyship.kit.widgets import CheckGroup, RadioGroup
from allyship.kit.widgets.audit import audit_id
from allyship.kit.widgets.plan import read_earlier
from allyship.kit.widgets.record import Field

RATINGS = ["Rarely", "Sometimes", "Often", "Almost always", "Not sure yet"]


def saved(store):
    return json.loads(store.path.read_text(encoding="utf-8"))


# -- self-audit ------------------------------------------------------------------------------
def test_audit_ratings_save_under_their_own_ids(store):
    audit = SelfAudit(store=store)
    assert sorted(audit.controls) == ["a1", "a2", "a3", "a4", "a5"]
    audit.controls["a1"].value = "Often"  # what a click does
    audit.controls["a4"].value = "Not sure yet"
    assert saved(store) == {"a1": "Often", "a4": "Not sure yet"}
    assert "2 of 5 rated" in audit.status.value and "saved" in audit.status.value


def test_audit_controls_are_labelled_rating_scales(store):
    audit = SelfAudit(store=store)
    for n, control in enumerate(audit.controls.values(), start=1):
        assert isinstance(control, RadioGroup)  # arrow keys move between options
        assert control.description.startswith(f"{n}. ")  # the control's real <label>
        assert list(control.options) == RATINGS and control.value is None
        assert control.hint == t(f"audit.q{n}")  # the statement, read before the options
        assert audit.helps[audit_id(n)].value == ""  # not shown twice


def test_audit_restores_when_the_cell_runs_again(store):
    SelfAudit(store=store).controls["a2"].value = "Rarely"
    again = SelfAudit(store=ResponseStore(store.path))
    assert again.controls["a2"].value == "Rarely" and again.controls["a1"].value is None
    assert "1 of 5 rated" in again.status.value


def test_audit_second_take_is_saved_apart_and_compared(store):
    first = SelfAudit(store=store)
    for n, rating in enumerate(["Rarely", "Often", "Often", "Sometimes", "Not sure yet"], 1):
        first.controls[f"a{n}"].value = rating
    later = SelfAudit(take=2, store=ResponseStore(store.path))
    assert sorted(later.controls) == ["a1-2", "a2-2", "a3-2", "a4-2", "a5-2"]
    assert "you chose: Rarely" in later.helps["a1-2"].value  # the first take, beside each one
    for n, rating in enumerate(["Often", "Often", "Sometimes", "Sometimes", "Often"], 1):
        later.controls[f"a{n}-2"].value = rating
    data = saved(store)
    assert data["a1"] == "Rarely" and data["a1-2"] == "Often"  # the first take is untouched
    expected = "1 rated more often, 2 the same, 1 less often, 1 not comparable"
    assert expected in later.status.value
    assert expected in later.plain_text()


def test_audit_comparison_waits_for_every_rating(store):
    later = SelfAudit(take=2, store=store)
    later.controls["a1-2"].value = "Often"
    assert later.comparison() == "Rate all five to compare with your first self-audit."
    assert "you did not rate this" in later.helps["a1-2"].value.lower()


def test_audit_plain_text_lists_every_rating(store):
    audit = SelfAudit(store=store)
    audit.controls["a3"].value = "Almost always"
    text = audit.plain_text()
    assert text.startswith("Everyday-practice self-audit:")
    assert "- 3. How my identities take up space: Almost always" in text
    assert "- 1. Space I take up: (no answer)" in text


def test_audit_reworded_rating_is_explained(store):
    store.set("a1", "Hardly ever")
    audit = SelfAudit(store=store)
    assert audit.controls["a1"].value is None
    assert "no longer one of the options" in audit.status.value


def test_audit_take_counts_from_one(store):
    with pytest.raises(ValueError):
        SelfAudit(take=0, store=store)


# -- land-acknowledgement record --------------------------------------------------------------
def land(store):
    return LandRecord("e1", "Record what you found.", store=store)


def test_land_fields_save_under_their_own_ids(store):
    record = land(store)
    record.controls["e1-nations"].value = "The nations named on the maps"
    record.controls["e1-status"].value = "I could not find out yet"
    checklist = record.controls["e1-checklist"]
    checklist.value = [checklist.options[0], checklist.options[2]]
    data = saved(store)
    assert data["e1-nations"] == "The nations named on the maps"
    assert data["e1-status"] == "I could not find out yet"
    ticked = data["e1-checklist"]
    assert isinstance(ticked, list) and len(ticked) == 2
    assert ticked[0].startswith("I used the names the nations use")


def test_land_controls_have_real_labels(store):
    record = land(store)
    for fid, control in record.controls.items():  # a box's label, or an option group's legend
        assert control.description == record.fields[fid].label


def test_land_restores_and_clearing_a_field_forgets_it(store):
    land(store).controls["e1-commitment"].value = "Learn the names and say them well."
    again = land(ResponseStore(store.path))
    assert again.controls["e1-commitment"].value == "Learn the names and say them well."
    again.controls["e1-commitment"].value = "   "
    assert "e1-commitment" not in saved(store)


def test_land_check_speaks_of_completeness_never_correctness(store):
    record = land(store)
    record.controls["e1-nations"].value = "Any text at all"
    record.check_button.click()
    feedback = record.feedback.value
    assert "Still empty: Pronunciation" in feedback
    assert "Place" not in feedback.split("Still empty:")[1].split("</li>")[0]  # optional
    assert "Not ticked yet" in feedback
    assert "No one grades whether the nations" in feedback
    assert "wrong" not in feedback.lower() and "incorrect" not in feedback.lower()


def test_land_checklist_is_a_described_group(store):
    checklist = land(store).controls["e1-checklist"]
    assert isinstance(checklist, CheckGroup) and checklist.description
    assert checklist.hint == t("land.help.checklist")  # read before the boxes, not after


def test_options_shortened_alike_stay_distinct():
    f = Field(
        "e1-carried",
        "Carried",
        "checks",
        [("Listen \u2026", "Listen first."), ("Listen \u2026", "Listen more.")],
    )
    assert f.pairs == [("Listen \u2026", "Listen first."), ("Listen \u2026 (2)", "Listen more.")]


def test_land_plain_text_for_graders(store):
    record = land(store)
    record.controls["e1-pronunciation"].value = "Learned from the nation's own recording"
    checklist = record.controls["e1-checklist"]
    checklist.value = [checklist.options[5]]
    text = record.plain_text()
    assert text.startswith("Land acknowledgement research record: Record what you found.")
    assert "- Pronunciation: Learned from the nation's own recording" in text
    assert "\n    - It leads to a concrete action" in text
    assert "- Nations: (no answer)" in text


# -- action plan -------------------------------------------------------------------------------
@pytest.fixture
def home(tmp_path):
    """A learner's home with modules side by side, as nbgrader's fetch lays them out."""
    (tmp_path / "01_what_is_allyship").mkdir()
    (tmp_path / "01_what_is_allyship" / "responses.json").write_text(
        json.dumps({"c1": "Ask before I speak in huddles.", "r1": "A reflection.", "q1": "x"}),
        encoding="utf-8",
    )
    (tmp_path / "02_responsibilities").mkdir()  # opened, never answered
    (tmp_path / "05_building_trust").mkdir()
    (tmp_path / "05_building_trust" / "responses.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "09_later_module").mkdir()
    (tmp_path / "09_later_module" / "responses.json").write_text('{"c1": "Not yet"}')
    (tmp_path / "08_continuing_the_work").mkdir()
    return tmp_path


def plan(home):
    return ActionPlan(
        "e1", "Your plan.", store=ResponseStore(home / "08_continuing_the_work" / "responses.json")
    )


def test_plan_says_plainly_what_was_found(home):
    p = plan(home)
    assert p.found_text == (
        "Found your saved answers from module(s) 01. Module(s) 02: the folder is there, with no "
        "saved answers yet. Module(s) 05: the saved answers file could not be read, so it was "
        "left exactly as it is. No folder was found for module(s) 03, 04, 06, 07."
    )
    assert "Ask before I speak in huddles." in p.children[0].value
    assert "Reread your reflections from module 01 (1)" in p.children[0].value


def test_plan_never_touches_other_modules_files(home):
    damaged = home / "05_building_trust" / "responses.json"
    plan(home)
    assert damaged.read_text(encoding="utf-8") == "{not json"
    assert sorted(p.name for p in damaged.parent.iterdir()) == ["responses.json"]
    assert not (home / "02_responsibilities" / "responses.json").exists()


def test_plan_reads_only_earlier_modules(home):
    found = read_earlier(home / "08_continuing_the_work")
    assert [m.number for m in found] == ["01", "02", "05"]
    assert found[0].commitments == ["Ask before I speak in huddles."]
    assert found[0].reflections == [("r1", "A reflection.")]


def test_plan_with_nothing_beside_it(tmp_path):
    (tmp_path / "08_continuing_the_work").mkdir()
    p = plan(tmp_path)
    assert p.found_text.startswith("No saved answers from earlier modules were found")
    assert p.controls["e1-carried"].options == []
    p.controls["e1-action"].value = "Read the TRC's health Calls to Action."
    assert saved(p.store) == {"e1-action": "Read the TRC's health Calls to Action."}


def test_plan_survives_an_unreadable_home(home, monkeypatch):
    from pathlib import Path

    def refuse(self):
        raise PermissionError("no")

    monkeypatch.setattr(Path, "iterdir", refuse)
    assert read_earlier(home / "08_continuing_the_work") == []
    assert plan(home).found_text.startswith("No saved answers")


def test_plan_carries_commitments_and_keeps_them_without_the_other_files(home):
    p = plan(home)
    carried = p.controls["e1-carried"]
    assert carried.options == ["Module 01: Ask before I speak in huddles."]
    carried.value = carried.options[:1]
    p.controls["e1-when"].value = "Next team meeting"
    assert saved(p.store)["e1-carried"] == ["Module 01: Ask before I speak in huddles."]
    (home / "01_what_is_allyship" / "responses.json").unlink()
    again = plan(home)
    assert again.controls["e1-carried"].value == carried.options  # kept, though its file is gone
    assert again.controls["e1-when"].value == "Next team meeting"


def test_plan_long_commitment_is_shortened_on_screen_not_in_the_file(home):
    long = "Listen first. " * 40
    (home / "01_what_is_allyship" / "responses.json").write_text(json.dumps({"c1": long}))
    p = plan(home)
    carried = p.controls["e1-carried"]
    shown = carried.options[0]
    assert len(shown) <= 140 and shown.endswith("\u2026")
    carried.value = [shown]
    assert saved(p.store)["e1-carried"] == [f"Module 01: {long.strip()}"]


def test_plan_under_autograde_shows_only_its_own_answers(home, grading):
    store = ResponseStore(home / "08_continuing_the_work" / "responses.json")
    store.set("e1-carried", ["Module 01: Ask before I speak in huddles."])
    store.set("e1-action", "Book a meeting with our Indigenous health lead, paid for their time.")
    p = plan(home)
    assert p.earlier == [] and p.found_text == ""
    text = p._repr_mimebundle_()["text/plain"]
    assert text.startswith("My action plan: Your plan.")
    assert "    - Module 01: Ask before I speak in huddles." in text
    assert "- My next action: Book a meeting" in text


# -- errors show in the status line, never on stderr -------------------------------------------
@pytest.mark.parametrize(
    "make", [lambda s: SelfAudit(store=s), land, lambda s: ActionPlan("e1", "P", store=s)]
)
def test_a_failed_save_is_shown_next_to_the_controls(tmp_path, capsys, make):
    store = ResponseStore(tmp_path / "missing-folder" / "responses.json")
    widget = make(store)
    control = next(c for c in widget.controls.values() if not isinstance(c, CheckGroup))
    control.value = control.options[0] if isinstance(control, RadioGroup) else "Some text"
    assert "Could not save" in widget.status.value and "allyship-error" in widget.status.value
    assert capsys.readouterr().err == ""


def test_unexpected_callback_errors_are_shown_not_lost(store, monkeypatch, capsys):
    audit = SelfAudit(store=store)
    monkeypatch.setattr(store, "set", lambda *a: 1 / 0)
    audit.controls["a1"].value = "Often"
    assert "Something went wrong with this control (ZeroDivisionError)" in audit.status.value
    assert capsys.readouterr().err == ""


def test_damaged_file_notice_shows_on_records(tmp_path):
    (tmp_path / "responses.json").write_text("{oops", encoding="utf-8")
    record = land(ResponseStore(tmp_path / "responses.json"))
    assert "could not be read" in record.status.value


# -- authoring --------------------------------------------------------------------------------
def test_factories_make_ungraded_widget_cells():
    cells = (
        A.self_audit() + A.self_audit(take=2) + A.land_record("e1", "P") + A.action_plan("e2", "P")
    )
    ids = [c.metadata["nbgrader"]["grade_id"] for c in cells]
    assert ids == ["a-ask", "a-2-ask", "e1-ask", "e2-ask"]
    assert all(not c.metadata["nbgrader"]["grade"] for c in cells)
    assert "SelfAudit(\n    take=2,\n)" in cells[1].source
    for name in ("SelfAudit", "LandRecord", "ActionPlan"):
        assert f"    {name},\n" in A.IMPORTS
