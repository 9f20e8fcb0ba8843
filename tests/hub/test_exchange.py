"""nbgrader's exchange between real unix accounts, set up by deploy/setup_course.py: learners
fetch, answer through the kit and submit; the instructor account collects and autogrades; and
no learner can see another's work, the course's source or its gradebook."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from nbgrader.api import Gradebook

from ..helpers import key
from .conftest import ROOT_ONLY
from .runtime import ANSWER_SCRIPT, as_user, probe_as

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hub"), ROOT_ONLY]


@pytest.fixture(scope="module")
def graded(world):
    """Both learners take module 01 (A from the key, B with its first question wrong)."""
    world.answers_file = world.base / "key.json"
    world.answers_file.write_text(json.dumps(key(world.module, world.course)))
    world.answers_file.chmod(0o644)
    script = world.base / "answer.py"
    script.write_text(ANSWER_SCRIPT)
    script.chmod(0o644)
    questions = sorted(k for k in json.loads(world.answers_file.read_text()) if k[0] == "q")
    flips = {"a": [], "b": questions[:1]}
    for role in ("a", "b"):
        home = Path(os.path.expanduser(f"~{world.users[role]}"))
        world.nbgrader(role, "fetch_assignment", world.module, cwd=home)
        notebook = home / world.module / f"{world.module}.ipynb"
        proc = as_user(
            world.users[role],
            [str(world.python), str(script), str(notebook), str(world.answers_file), *flips[role]],
            env=world.env(),
            cwd=home,
        )
        assert proc.returncode == 0, proc.stderr
        world.nbgrader(role, "submit", world.module, cwd=home)
    world.nbgrader("inst", "collect", world.module, cwd=world.course)
    world.nbgrader("inst", "autograde", world.module, cwd=world.course)
    inbound = world.exchange / "allyship" / "inbound"
    submissions = {role: next(inbound.glob(f"{world.users[role]}+*")) for role in ("a", "b")}
    return {"flips": flips, "questions": questions, "submissions": submissions}


def auto_scores(world, role):
    with Gradebook(f"sqlite:///{world.course / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(world.module, world.module, world.users[role])
        return {
            g.name: (g.auto_score, g.max_score)
            for g in nb.grades
            if g.auto_score is not None and not g.needs_manual_grade
        }


def check_grades_are_right_for_each_learner(world, graded):
    full = auto_scores(world, "a")
    assert full and all(score == maximum for score, maximum in full.values()), full
    partly = auto_scores(world, "b")
    wrong = graded["flips"]["b"]
    assert [name for name, (score, _) in partly.items() if score == 0] == wrong, partly
    lost = sum(full[name][1] for name in wrong)
    assert sum(s for s, _ in partly.values()) == sum(m for _, m in full.values()) - lost


def check_a_learner_cannot_see_another_learners_work(world, graded):
    a, b = world.users["a"], world.users["b"]
    home_b = Path(os.path.expanduser(f"~{b}"))
    inbound = world.exchange / "allyship" / "inbound"
    assert (home_b / world.module / "responses.json").is_file()  # B's answers exist
    found = probe_as(
        a,
        world.python,
        [
            ["list inbound", "list", str(inbound)],
            ["find B's submission", "glob", str(inbound / f"{b}+*")],
            ["B's responses.json", "read", str(home_b / world.module / "responses.json")],
            ["B's home", "list", str(home_b)],
            ["B's submit cache", "list", str(home_b / ".local/share/jupyter/nbgrader_cache")],
        ],
    )
    assert found == {
        "list inbound": "EACCES",
        "find B's submission": "ok:",
        "B's responses.json": "EACCES",
        "B's home": "EACCES",
        "B's submit cache": "EACCES",
    }


def check_a_learner_cannot_read_the_course_source_or_gradebook(world, graded):
    found = probe_as(
        world.users["a"],
        world.python,
        [
            ["source", "list", str(world.course / "source")],
            ["gradebook", "read", str(world.course / "gradebook.db")],
            ["course folder", "list", str(world.course)],
            ["the clone's source", "list", str(world.course_from / "source")],
        ],
    )
    assert found == {
        "source": "EACCES",
        "gradebook": "EACCES",
        "course folder": "EACCES",
        "the clone's source": "EACCES",
    }


def check_the_hardened_exchange_stops_renames_that_stock_modes_allow(world, graded):
    """#1225: nbgrader needs a world-writable root; with the sticky bit a learner can no longer
    move the course aside (to plant a look-alike inbox) nor move a submission whose name
    leaked. The same rename succeeds under nbgrader's stock 0777 root."""
    a = world.users["a"]
    stock = world.base / "stock-exchange"
    (stock / "allyship").mkdir(parents=True)
    stock.chmod(0o777)
    found = probe_as(
        a,
        world.python,
        [
            ["course", "rename", str(world.exchange / "allyship"), str(world.exchange / "x")],
            ["B's submission", "rename", str(graded["submissions"]["b"]), str(world.base / "y")],
            ["stock course", "rename", str(stock / "allyship"), str(stock / "x")],
        ],
    )
    assert found == {"course": "EPERM", "B's submission": "EPERM", "stock course": "ok"}


def check_exchange_modes_are_the_documented_ones(world, graded):
    """The modes docs/deploy.md describes: ours (setup_course.py) and what nbgrader 0.9.6 sets
    on a submission (a 0777 folder of 0644 files, hidden only by its random name)."""

    def mode(p: Path) -> int:
        return stat.S_IMODE(p.stat().st_mode)

    course = world.exchange / "allyship"
    assert mode(world.exchange) == 0o1777
    assert (mode(course), mode(course / "outbound"), mode(course / "inbound")) == (
        0o755,
        0o755,
        0o3733,
    )
    submission = graded["submissions"]["b"]
    assert mode(submission) == 0o777
    assert {mode(f) for f in submission.iterdir()} == {0o644}
    student, module, _timestamp, random = submission.name.split("+")
    assert (student, module, len(random)) == (world.users["b"], world.module, 12)
    for role in ("inst", "a", "b"):
        assert mode(Path(os.path.expanduser(f"~{world.users[role]}"))) == 0o700


SERVER_STATE = """
import json
from jupyter_core.paths import jupyter_config_path
from jupyter_server.extension.config import ExtensionConfigManager
found = ExtensionConfigManager(read_config_path=jupyter_config_path()).get_jpserver_extensions()
print(json.dumps({k: v for k, v in found.items() if k.startswith("nbgrader.")}))
"""  # the merge jupyter_server itself makes at start-up (ServerApp.init_server_extensions)


def server_extensions(world, role) -> dict[str, bool]:
    proc = as_user(world.users[role], [str(world.python), "-c", SERVER_STATE], env=world.env())
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def check_learners_do_not_get_the_grading_tools(world):
    """setup_course.py --jupyter: each learner's JupyterLab has the grading tools disabled, and
    their server the formgrader and course-list extensions; the grader account keeps all."""
    nbgrader = "nbgrader.server_extensions."
    for role in ("a", "b"):
        home = Path(os.path.expanduser(f"~{world.users[role]}"))
        page = json.loads((home / ".jupyter" / "labconfig" / "page_config.json").read_text())
        disabled = {k for k, v in page["disabledExtensions"].items() if v}
        assert disabled == {
            "@jupyter/nbgrader:formgrader",
            "@jupyter/nbgrader:create-assignment",
            "@jupyter/nbgrader:course-list",
        }
        assert server_extensions(world, role) == {
            f"{nbgrader}formgrader": False,
            f"{nbgrader}course_list": False,
            f"{nbgrader}assignment_list": True,
            f"{nbgrader}validate_assignment": True,
        }
    kept = server_extensions(world, "inst")
    assert set(kept.values()) == {True} and len(kept) == 4, kept


def test_learners_submit_through_the_exchange_and_stay_apart(world, graded):
    """One test, several checks: xdist's grouping does not hold with pytest 9.2, and each
    worker running a test of this file would otherwise take the whole flow again."""
    check_grades_are_right_for_each_learner(world, graded)
    check_a_learner_cannot_see_another_learners_work(world, graded)
    check_a_learner_cannot_read_the_course_source_or_gradebook(world, graded)
    check_the_hardened_exchange_stops_renames_that_stock_modes_allow(world, graded)
    check_exchange_modes_are_the_documented_ones(world, graded)
    check_learners_do_not_get_the_grading_tools(world)
