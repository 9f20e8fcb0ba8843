"""nbgrader's Validate (the toolbar button runs the same code) names what is still unanswered,
in plain words, and never reveals whether an answer is right."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from allyship.kit.strings import item_label, t

from ..helpers import EDITIONS, MODULES, REPO, key, nbgrader

pytestmark = pytest.mark.slow


def wrong(value, options_hint="a different option"):
    return ["(an answer the course does not expect)"] if isinstance(value, list) else options_hint


@pytest.mark.parametrize(
    "module", [pytest.param(m, marks=pytest.mark.xdist_group(m)) for m in EDITIONS]
)
def test_validate_names_only_the_unanswered_items(module, tmp_path):
    work = tmp_path / module
    shutil.copytree(REPO / "release" / module, work)
    answers = key(module)
    questions = sorted(k for k in answers if k.startswith("q"))
    reflections = sorted(k for k in answers if k.startswith("r"))
    left_out = {questions[0], reflections[0]}
    # Everything else is answered, every question WRONGLY: Validate must still be satisfied.
    given = {k: wrong(v) for k, v in answers.items() if k not in left_out and k.startswith("q")}
    given |= {r: "A few words of reflection." for r in reflections if r not in left_out}
    (work / "responses.json").write_text(json.dumps(given), encoding="utf-8")

    proc = nbgrader(REPO, "validate", str(work / f"{module}.ipynb"), check=False)
    out, text = proc.stdout, " ".join(proc.stdout.split())
    assert out.startswith(t("validate.not_yet") + "\n")
    q_label, r_label = item_label(questions[0]), item_label(reflections[0])
    assert " ".join(t("check.unanswered", label=q_label).split()) in text
    assert " ".join(t("check.empty_text", label=r_label).split()) in text
    assert out.count("\n- ") == len(left_out)  # those items by name, and nothing else
    for noise in ("Traceback", "File ", "check_", "AnswerCheckFailed", "Error", "cell"):
        assert noise not in out, noise  # no code, no exception name, no "cell failed"
    # nor on stderr: no kit warning with a cell's code, no frame of the course's own code (a
    # kernel's start-up or shut-down noise on a loaded machine is not the course's: pyzmq's
    # own "_check_rc" is in such a traceback, the kit's check_choice(...) never is)
    course_noise = re.compile(r"(?<!\w)check_\w+|AnswerCheckFailed|/allyship/|A check failed")
    assert not course_noise.search(proc.stderr), proc.stderr
    assert "not the one the course" not in text  # correctness is never revealed
    for value in answers.values():  # nor is any expected answer
        for v in value if isinstance(value, list) else [value]:
            if not v.startswith("Answer-key placeholder"):
                assert v not in out


def test_validate_passes_a_complete_answer_set(tmp_path):
    module = MODULES[0]
    work = tmp_path / module
    shutil.copytree(REPO / "release" / module, work)
    (work / "responses.json").write_text(json.dumps(key(module)), encoding="utf-8")
    out = nbgrader(REPO, "validate", str(work / f"{module}.ipynb")).stdout
    assert out.strip() == t("validate.all_answered")  # in the course's words, not "tests"
