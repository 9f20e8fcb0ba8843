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
    session_plan,
)

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


def test_there_is_a_guide_for_all_seven_modules():
    assert sorted(CONTENT) == [f"{n:02d}" for n in range(1, 8)]
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
    guide = module_guide("06", None)
    assert guide.title == "Module 06 \u2014 Allyship with Indigenous peoples"
    assert guide.goals == CONTENT["06"][3]


def test_safety_notes_say_what_the_course_promises():
    text = " ".join(GENERAL_SAFETY)
    assert "No one is asked to speak for a group" in text
    assert "Indigenous participants are not expected to educate others" in text
    assert "Pacing" in text and "Never ask anyone to read theirs aloud" in text
    assert SUPPORT_MARKDOWN in general_markdown()


def test_the_printable_guide_is_one_self_contained_page():
    page = guide_html(REPO)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert len(re.findall(r"<h2>Module \d\d", page)) == 7
    assert page.count("<table>") == 14
    assert "1-855-242-3310" in page  # Hope for Wellness, from the course's support text
