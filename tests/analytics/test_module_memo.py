"""Each module's figures kept between reports (allyship/instructor/module_memo.py) and the item
analysis worked out in a second process (allyship/instructor/aside.py): a report from kept
figures is the report worked out afresh; a change to one module's grades or answers works out
that module again, and only that one; the second process gives what this one would, and when
it fails, this one works it out (and raises what it raises)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading

import pandas as pd
import pytest

from allyship.instructor import aside, reports
from allyship.instructor import item_analysis as IA
from allyship.instructor.reports import summarise_report

from .synthetic import M1, M5

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("analytics-synthetic")]


def same(a: reports.Report, b: reports.Report) -> None:
    pd.testing.assert_frame_equal(a.difficulty, b.difficulty)
    for name in ("modules", "questions", "distractors", "reflections", "flags"):
        pd.testing.assert_frame_equal(getattr(a.items, name), getattr(b.items, name))


@pytest.fixture
def course(synthetic, tmp_path):
    copy = tmp_path / "course"
    shutil.copytree(synthetic, copy, ignore=shutil.ignore_patterns(".allyship"))
    return copy


@pytest.fixture
def worked(monkeypatch):
    """The modules whose item analysis is worked out (not taken from what was kept)."""
    done: list[str] = []
    real = IA._module

    def module(prepared, name, catalogue):
        done.append(name)
        return real(prepared, name, catalogue)

    monkeypatch.setattr(IA, "_module", module)
    return done


def test_kept_figures_give_the_report_worked_out_afresh(course, worked):
    first = summarise_report(course)
    assert sorted(worked) == [M1, M5] and (course / ".allyship" / "modules.cache").is_file()
    worked.clear()
    again = summarise_report(course)
    assert worked == []  # nothing changed: every module's figures were kept
    same(again, first)
    same(again, summarise_report(course, cache=False))


def test_a_regrade_works_out_that_module_again_and_only_that_one(course, worked):
    summarise_report(course)
    worked.clear()
    with sqlite3.connect(course / "gradebook.db") as con:  # a grader changes one score in 05
        (row,) = con.execute(
            "SELECT g.rowid FROM grade g JOIN base_cell c ON c.id = g.cell_id "
            "JOIN submitted_notebook n ON n.id = g.notebook_id "
            "JOIN submitted_assignment s ON s.id = n.assignment_id "
            "JOIN assignment a ON a.id = s.assignment_id "
            "WHERE a.name = ? AND c.name = 'q1' LIMIT 1",
            (M5,),
        ).fetchone()
        con.execute("UPDATE grade SET extra_credit = 0.5 WHERE rowid = ?", (row,))
    after = summarise_report(course)
    assert worked == [M5]
    worked.clear()
    fresh = summarise_report(course, cache=False)
    same(after, fresh)
    assert worked == [M1, M5]


def test_a_changed_answer_works_out_that_module_again(course, worked):
    before = summarise_report(course)
    worked.clear()
    path = course / "autograded" / "L21" / M1 / "responses.json"
    answers = json.loads(path.read_text())
    path.write_text(json.dumps({**answers, "q1": "D"}))
    after = summarise_report(course)
    assert worked == [M1]
    options = after.items.distractors.set_index(["module", "item", "letter"])["chosen"]
    assert options[(M1, "q1", "D")] == 1
    assert not after.items.distractors.equals(before.items.distractors)
    same(after, summarise_report(course, cache=False))


def test_the_item_analysis_worked_out_beside_the_other_tables_is_the_same(course, monkeypatch):
    here = summarise_report(course, cache=False)
    started = []
    real = aside.Aside

    def forked(work, *args, **kw):
        started.append(real(work, *args, **kw, with_threads=True))  # pytest runs other threads
        return started[-1]

    monkeypatch.setattr(reports, "ASIDE_MINIMUM", 1)
    monkeypatch.setattr(aside, "Aside", forked)
    there = summarise_report(course, cache=False)
    assert len(started) == 1 and started[0].process is None  # asked for, and done with
    assert not real(sum, [1], fork=False, with_threads=True).forked  # a small course: here
    same(there, here)


def _fail():
    raise ValueError("a bad module")


class _Unpicklable:
    def __reduce__(self):
        raise TypeError("cannot be sent")


def _unsendable(where: list):
    where.append("ran")
    return _Unpicklable()


def test_a_second_process_that_fails_leaves_the_work_to_this_one():
    assert aside.Aside(sum, [1, 2, 3], with_threads=True).result() == 6
    failing = aside.Aside(_fail, with_threads=True)
    assert failing.forked
    with pytest.raises(ValueError, match="a bad module"):  # raised here, as it would be
        failing.result()
    ran: list = []
    unsendable = aside.Aside(_unsendable, ran, with_threads=True)
    assert isinstance(unsendable.result(), _Unpicklable) and ran == ["ran"]  # here, once


def test_no_second_process_beside_other_threads():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        waiting = aside.Aside(sum, [4, 5])
        assert not waiting.forked and waiting.result() == 9
    finally:
        stop.set()
        other.join()
