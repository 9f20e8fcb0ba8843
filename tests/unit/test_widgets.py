"""The widgets, driven through their Python API with ipywidgets' own fake comm (no kernel)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from traitlets import TraitError

from allyship import Choice, Practice, Reflection, ResponseStore, Rewrite
from allyship.kit.widgets import CheckGroup, RadioGroup, framing_feedback

OPTIONS = ["Listen first", "Offer a solution at once", "Explain your credentials"]


def saved(store):
    return json.loads(store.path.read_text(encoding="utf-8"))


def test_choice_click_saves_and_status_says_so(store):
    q = Choice("q1", "What comes first?", OPTIONS, store=store)
    assert q.answer is None and q.control.value is None  # nothing pre-selected
    q.control.value = "Listen first"  # what a click does
    assert q.answer == "Listen first"
    assert saved(store) == {"q1": "Listen first"}
    assert "Saved." in q.status.value and 'role="status"' in q.status.value


def test_choice_restores_when_the_cell_runs_again(store):
    Choice("q1", "What comes first?", OPTIONS, store=store).control.value = OPTIONS[2]
    again = Choice("q1", "What comes first?", OPTIONS, store=ResponseStore(store.path))
    assert again.control.value == OPTIONS[2] and again.answer == OPTIONS[2]


def test_choice_control_is_a_named_radio_group(store):
    q = Choice("q4", "Prompt", OPTIONS, store=store)
    assert isinstance(q.control, RadioGroup)  # one group: arrow keys move between options
    assert q.control.description == "Question 4"  # rendered as the group's <legend>
    assert q.control.show_description is False  # for screen readers: the heading shows it
    assert q.control.options == OPTIONS


def test_choice_takes_a_click_sent_by_the_browser(store):
    q = Choice("q1", "P", OPTIONS, store=store)
    # What group.js sends when a radio button is chosen: an update of the synced value.
    update = {"method": "update", "state": {"value": OPTIONS[1]}}
    q.control._handle_msg({"content": {"data": update}})
    assert q.answer == OPTIONS[1] and saved(store) == {"q1": OPTIONS[1]}


def test_option_groups_refuse_a_value_that_is_not_an_option():
    group = RadioGroup(options=OPTIONS, description="Question 1")
    with pytest.raises(TraitError, match="not one of the options"):
        group.value = "Something else"
    checks = CheckGroup(options=OPTIONS, description="Question 2")
    with pytest.raises(TraitError, match="not one of the options"):
        checks.value = [OPTIONS[0], "Something else"]
    for group_class in (RadioGroup, CheckGroup):
        with pytest.raises(TraitError, match="same text"):
            group_class(options=["Yes", "Yes"])
    assert group.value is None and checks.value == []
    assert (group.multiple, checks.multiple) == (False, True)  # radio buttons or checkboxes


def test_option_group_front_end_ships_with_the_kit():
    """The ES module and its style sheet are read from the package (no network, no CDN)."""
    assert "export default" in RadioGroup._esm and '"checkbox" : "radio"' in RadioGroup._esm
    assert "input.name = name" in RadioGroup._esm  # one shared name: the browser's own group
    assert ".allyship-group-option" in RadioGroup._css


def test_choice_setting_answer_from_code_moves_the_control(store):
    q = Choice("q1", "P", OPTIONS, store=store)
    q.answer = OPTIONS[1]
    assert q.control.value == OPTIONS[1] and saved(store) == {"q1": OPTIONS[1]}


def test_saved_answer_no_longer_an_option_is_explained(store):
    store.set("q1", "An option that was reworded")
    q = Choice("q1", "P", OPTIONS, store=store)
    assert q.answer is None
    assert "no longer one of the options" in q.status.value


def test_multi_choice_ticks_save_as_a_list(store):
    q = Choice("q2", "Which apply?", OPTIONS, multiple=True, store=store)
    assert isinstance(q.control, CheckGroup) and q.control.options == OPTIONS
    assert q.control.description == "Question 2"  # the group's <legend>
    q.control.value = [OPTIONS[2], OPTIONS[0]]  # two ticks, in any order
    assert saved(store) == {"q2": [OPTIONS[0], OPTIONS[2]]}  # kept in the options' order
    q.control.value = []
    assert saved(store) == {}  # nothing ticked is "not answered", not an empty answer
    q.control.value = [OPTIONS[1]]
    again = Choice("q2", "Which apply?", OPTIONS, multiple=True, store=ResponseStore(store.path))
    assert again.control.value == [OPTIONS[1]] and again.answer == [OPTIONS[1]]


def test_select_all_hint_is_said_once(store):
    q = Choice("q2", "Which apply?", OPTIONS, multiple=True, store=store)
    assert q.control.hint == "Select all that apply."  # the group's description
    said = Choice("q3", "Which apply? Select all that apply.", OPTIONS, multiple=True, store=store)
    assert said.control.hint == ""  # the prompt already says it
    assert Choice("q4", "Which one?", OPTIONS, store=store).group_hint() == ""


PRACTICE = [
    ("Ask what would help", True, "It takes direction from the person."),
    ("Step in and fix it", False, "It centres the helper."),
    ("Wait and see", False, "It leaves the person without support."),
]


def test_practice_feedback_in_words_with_the_explanation(store):
    p = Practice("p1", "What now?", PRACTICE, store=store)
    p.control.value = "Step in and fix it"
    assert "Not quite." in p.feedback.value and "It centres the helper." in p.feedback.value
    assert "\u2718" in p.feedback.value  # a mark as well as a colour class
    p.control.value = "Ask what would help"
    assert "Correct." in p.feedback.value and "It takes direction" in p.feedback.value
    assert saved(store) == {"p1": "Ask what would help"}


def test_practice_feedback_returns_after_restart(store):
    Practice("p1", "What now?", PRACTICE, store=store).control.value = "Wait and see"
    again = Practice("p1", "What now?", PRACTICE, store=ResponseStore(store.path))
    assert "Not quite." in again.feedback.value


def test_practice_multiple_needs_check_and_names_missed_options(store):
    options = [("A", True, "why A"), ("B", True, "why B"), ("C", False, "why not C")]
    p = Practice("p2", "Which?", options, multiple=True, store=store)
    p.check_button.click()
    assert "Choose at least one option" in p.feedback.value
    p.control.value = ["A", "C"]
    assert p.feedback.value == ""  # no feedback until the learner asks
    p.check_button.click()
    assert "Partly right." in p.feedback.value
    assert "why not C" in p.feedback.value and "which also fits: why B" in p.feedback.value


def test_reflection_saves_as_typed_counts_words_and_restores(store):
    r = Reflection("r1", "Think of a meeting.", "Or a case you read about.", store=store)
    assert "Nothing written yet" in r.status.value
    assert r.control.description == "Your answer to Reflection 1"
    r.control.value = "The agenda was set before anyone asked the community."
    assert saved(store) == {"r1": "The agenda was set before anyone asked the community."}
    assert "9 words" in r.status.value and "saved" in r.status.value
    again = Reflection("r1", "Think of a meeting.", "Or a case.", store=ResponseStore(store.path))
    assert again.value == "The agenda was set before anyone asked the community."
    assert "9 words" in again.status.value


def test_reflection_shows_the_alternative_prompt(store):
    r = Reflection("r2", "Main prompt", "The alternative prompt", store=store)
    assert "The alternative prompt" in r.children[0].value
    assert "If you prefer, answer this instead" in r.children[0].value


def test_prompt_text_is_escaped(store):
    r = Reflection("r1", "<script>x</script> & more", store=store)
    assert "<script>" not in r.children[0].value and "&lt;script&gt;" in r.children[0].value


def test_a_failed_save_is_shown_next_to_the_control(tmp_path):
    folder = tmp_path / "gone"
    folder.mkdir()
    store = ResponseStore(folder / "responses.json")
    r = Reflection("r1", "P", store=store)
    folder.rmdir()  # the folder vanished (a USB stick pulled out, a moved folder ...)
    r.control.value = "Words I do not want to lose"
    assert "Could not save" in r.status.value
    assert "copy it somewhere safe" in r.status.value
    assert r.control.value == "Words I do not want to lose"


def test_unexpected_callback_errors_are_shown_not_lost(store, monkeypatch):
    q = Choice("q1", "P", OPTIONS, store=store)
    monkeypatch.setattr(store, "set", lambda *a: 1 / 0)
    q.control.value = OPTIONS[0]
    assert "Something went wrong with this control (ZeroDivisionError)" in q.status.value


def test_damaged_file_notice_shows_on_widgets(tmp_path):
    path = tmp_path / "responses.json"
    path.write_text("{not json")
    r = Reflection("r1", "P", store=ResponseStore(path))
    assert "could not be read" in r.status.value and "kept, unchanged" in r.status.value


def test_under_autograde_widgets_render_as_plain_text(store, grading):
    store.set("q1", OPTIONS[0])
    store.set("r1", "A reflection, in full.")
    q = Choice("q1", "What comes first?", OPTIONS, store=store)
    r = Reflection("r1", "Think.", "Or this.", store=store)
    assert q._repr_mimebundle_()["text/plain"] == (
        "Question 1: What comes first?\nAnswer given: Listen first"
    )
    assert r._repr_mimebundle_()["text/plain"].endswith(
        "4 words written:\n\nA reflection, in full."
    )
    empty = Choice("q9", "P", OPTIONS, store=store)._repr_mimebundle_()["text/plain"]
    assert empty.endswith("Answer given: (no answer)")


def test_in_a_learners_session_widgets_render_as_widgets(store):
    bundle = Choice("q1", "P", OPTIONS, store=store)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_a_framing_with_its_action_gets_no_request_for_one():
    notes = framing_feedback("We are showing support for Elders by funding rides to the clinic.")
    assert not any("not yet what you do" in n for n in notes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are showing support for the clinic's Elders' program.", "not yet what you do"),
        (
            "We are showing support for Elders by funding rides to the clinic.",
            "intentional framing",
        ),
        ("I'm using my privilege to help by booking interpreters.", "uses an intentional framing"),
        ("I support Indigenous patients in our clinic every day.", "does not yet start from"),
        ("As an ally, we are showing support for the health centre.", "calls someone an ally"),
        ("Too short", "Write a full sentence"),
    ],
)
def test_framing_feedback(text, expected):
    assert any(expected in note for note in framing_feedback(text))


def test_rewrite_exercise_saves_and_checks(store):
    e = Rewrite(
        "e1", "Rewrite it.", "As an ally, I support the Indigenous health program.", store=store
    )
    e.control.value = (
        "We are showing our commitment to ending racism in triage by auditing wait times."
    )
    e.check_button.click()
    assert "intentional framing" in e.feedback.value
    assert saved(store)["e1"].startswith("We are showing our commitment")


@pytest.mark.parametrize(("mode", "drawn"), [("", True), ("autograde", False), ("validate", False)])
def test_radio_group_loads_its_front_end_only_where_something_is_drawn(tmp_path, mode, drawn):
    """In a learner's session the group is an anywidget; under nbgrader (headless, widgets
    print as text) the kernel skips importing anywidget, and the question works the same."""
    script = (
        "import json, sys\n"
        "from allyship import Choice, ResponseStore\n"
        "store = ResponseStore(sys.argv[1])\n"
        "store.set('q1', 'B')\n"
        "q = Choice('q1', 'P', ['A', 'B'], store=ResponseStore(sys.argv[1]))\n"
        "print(json.dumps([q.answer, q.control.value, 'anywidget' in sys.modules]))\n"
    )
    env = {**os.environ, "NBGRADER_EXECUTION": mode}
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "responses.json")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == ["B", "B", drawn]
    assert out.stderr == ""


@pytest.mark.parametrize(
    "text,stem,claim",
    [
        (
            "Nous témoignons notre soutien aux patients inuit en réservant des interprètes.",
            0,
            False,
        ),
        (
            "Nous montrons notre engagement à mettre fin au racisme en publiant nos délais.",
            1,
            False,
        ),
        ("Je suis une personne alliée des Premières Nations et je le dis.", None, True),
        ("En tant qu’alliés, nous sommes présents pour les familles métisses.", None, True),
    ],
)
def test_the_french_rewrite_check_reads_the_french_framings(text, stem, claim):
    from allyship.kit.strings import in_language, t
    from allyship.kit.widgets.text import FRAMINGS

    with in_language("fr"):
        notes = framing_feedback(text)
        stems = list(FRAMINGS["fr"][0])
        if stem is not None:
            assert notes[0] == t("framing.stem_found", stem=stems[stem])
            assert t("framing.no_action") not in notes  # "en ..." names the action
        else:
            assert notes[0] == t("framing.no_stem")
        assert (
            any(n.startswith(t("framing.identity_claim", phrase="")[:20]) for n in notes) == claim
        )
