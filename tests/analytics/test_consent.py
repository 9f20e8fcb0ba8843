"""The consent box: unticked by default, saved as "yes"/"no", plain text for graders."""

from __future__ import annotations

import json

import ipywidgets as W

from allyship import Consent
from allyship.course import authoring as A
from allyship.kit.store import ResponseStore
from allyship.kit.strings import t


def saved(store):
    return json.loads(store.path.read_text(encoding="utf-8"))


def test_not_shared_until_ticked_and_nothing_written(store):
    box = Consent(store=store)
    assert isinstance(box.control, W.Checkbox) and box.control.value is False
    assert not box.shared and not store.path.exists()
    assert box.item_id == "share"


def test_ticking_and_unticking_save_yes_and_no(store):
    box = Consent(store=store)
    box.control.value = True
    assert saved(store) == {"share": "yes"} and box.shared
    assert "may be shared, unnamed" in box.status.value
    box.control.value = False
    assert saved(store) == {"share": "no"} and not box.shared


def test_the_choice_comes_back_when_the_cell_runs_again(store):
    Consent(store=store).control.value = True
    again = Consent(store=ResponseStore(store.path))
    assert again.control.value is True


def test_the_label_says_what_is_shared_with_whom_and_when(store):
    box = Consent(store=store)
    label = box.control.description
    assert label == t("consent.control")
    assert "unnamed excerpts" in label and "facilitator" in label and "my group" in label
    html = box.children[0].value
    for words in ("280 characters", "without your name", "at least five people", "graders"):
        assert words in html


def test_graders_read_the_answer_as_text(store, grading):
    Consent(store=store).control.value = True
    bundle = Consent(store=ResponseStore(store.path))._repr_mimebundle_()
    assert bundle["text/plain"] == "Sharing reflections in the anonymous cohort view: yes"


def test_the_authoring_factory_makes_one_ungraded_locked_cell():
    (cell,) = A.consent()
    assert cell.source.splitlines()[0].startswith("# ")  # what a collapsed cell shows
    assert cell.source.splitlines()[1:] == ["Consent()"]
    meta = cell.metadata["nbgrader"]
    assert meta["grade_id"] == "share-ask" and meta["locked"] and not meta["grade"]
    assert "    Consent,\n" in A.IMPORTS


def test_module_notebooks_and_the_journal_stay_light():
    """The kit a module imports, and the learner's journal, never pull in pandas."""
    import subprocess
    import sys

    code = (
        "import sys, allyship, allyship.kit.journal, allyship.instructor.verbs, allyship.cli; "
        "heavy = {'pandas', 'matplotlib'} & set(sys.modules); "
        "print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
