"""The facilitator guide: every module has goals, two timed plans, prompts and safety notes."""

from __future__ import annotations

import re

import nbformat
import pytest

from allyship.course.support import SUPPORT_MARKDOWN
from allyship.instructor.facilitation import (
    CONTENT,
    GENERAL_SAFETY,
    PLANS,
    general_markdown,
    guide_html,
    guide_markdown,
    module_guide,
    plan_steps,
    session_plan,
)
from allyship.instructor.module_text import QUOTED_CLAIM, agreements, module_text

from ..helpers import MODULES, REPO


@pytest.mark.parametrize("number", sorted(CONTENT))
def test_each_module_has_goals_plans_prompts_and_safety(number):
    guide = module_guide(number, REPO)
    assert len(guide.goals) >= 2 and len(guide.prompts) == 4 and guide.safety
    for minutes in (60, 90):
        plan = session_plan(guide, minutes)
        assert sum(length for _, length, _ in plan) == minutes
        assert plan[-1][0].endswith(f"\u2013{minutes}")
    text = guide_markdown(guide)
    assert "### 60-minute session" in text and "### 90-minute session" in text


def test_there_is_a_guide_for_all_eight_modules():
    assert sorted(CONTENT) == [f"{n:02d}" for n in range(1, 9)]
    assert sorted(PLANS) == [60, 90]


@pytest.mark.parametrize("module", MODULES)
def test_goals_and_titles_are_read_from_the_module_itself(module):
    guide = module_guide(module[:2], REPO)
    nb = nbformat.read(str(REPO / "source" / module / f"{module}.ipynb"), as_version=4)
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in nb.cells}
    objectives = " ".join(cells["objectives"].split())
    assert guide.title == cells["title"].splitlines()[0].lstrip("# ")
    assert len(guide.goals) == len(re.findall(r"^\d+\. ", cells["objectives"], re.M))
    assert all(goal in objectives for goal in guide.goals)


def test_without_a_course_the_guide_uses_its_own_summaries():
    guide = module_guide("07", None)
    assert guide.title == "Module 07 \u2014 Allyship with Indigenous peoples"
    assert guide.goals == CONTENT["07"][3]


def test_safety_notes_say_what_the_course_promises():
    text = " ".join(GENERAL_SAFETY)
    assert "No one is asked to speak for a group" in text
    assert "Indigenous participants are not expected to educate others" in text
    assert "Pacing" in text and "Never ask anyone to read theirs aloud" in text
    assert SUPPORT_MARKDOWN in general_markdown()


def test_the_printable_guide_is_one_self_contained_page():
    page = guide_html(REPO)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert len(re.findall(r"<h2>Module \d\d", page)) == 8
    assert page.count("<table>") == 16
    assert "1-855-242-3310" in page  # Hope for Wellness, from the course's support text


def test_every_plan_step_is_a_kind_the_projector_shows():
    kinds = {"welcome", "recap", "activity", "break", "discussion", "practice", "close"}
    for minutes in PLANS:
        steps = plan_steps(module_guide("01", REPO), minutes)
        assert {s.kind for s in steps} <= kinds and steps[0].kind == "welcome"
        assert all(1 <= n <= 4 for s in steps for n in s.prompts)
        assert [(s.span, s.minutes, s.what) for s in steps] == session_plan(
            module_guide("01", REPO), minutes
        )


def test_the_guide_says_who_should_facilitate_without_claiming_an_endorsement():
    text = " ".join(general_markdown().split())
    assert "co-facilitated with an Indigenous facilitator, who is paid" in text
    assert "Churchill et al., 2017, Well Living House" in text
    assert "does not mean that IPAC, or any other organisation, has endorsed" in text
    assert "## Who facilitates" in text and "<h2>Who facilitates</h2>" in guide_html(REPO)


def test_the_agreements_are_read_from_start_here():
    found = agreements(REPO)
    nb = nbformat.read(str(REPO / "notebooks" / "00_start_here.ipynb"), as_version=4)
    cell = next(c.source for c in nb.cells if "## Community agreements" in c.source)
    assert len(found.items) == len(re.findall(r"^\d+\. ", cell, re.M)) >= 5
    assert all(item.split("**")[1] in cell for item in found.items)


def test_statements_to_rewrite_come_from_the_exercise_and_never_from_graded_questions():
    text = module_text(REPO, MODULES[0])
    claims = text.claims()
    assert text.rewrites and claims[0] == text.rewrites[0].statement
    assert all(len(c.split()) >= 4 and c[:1].isupper() for c in claims)
    nb = nbformat.read(str(REPO / "source" / MODULES[0] / f"{MODULES[0]}.ipynb"), as_version=4)
    graded = " ".join(
        c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id", "")[:1] == "q"
    )
    only_graded = {m.group(1) for m in QUOTED_CLAIM.finditer(graded)} - {
        m.group(1) for q in text.practice for m in QUOTED_CLAIM.finditer(q.prompt)
    }
    assert only_graded and not only_graded & set(claims)
