"""The grading guard (issue 16, docs/bad-submissions.md): no code the course did not write runs
at autograde, on any path. One course, graded three ways without any repair step: plain
``nbgrader autograde``, formgrader's autograde HTTP endpoint (a real ``jupyter server`` on
loopback), and ``allyship grade``. Each way grades an intruder (every attack of
tests/reliability/intruders.py, answers clicked from the key) and an editor (q3's test cell
rewritten to pass, q3 answered wrongly). A control learner with the same attacks is graded by
nbgrader with its stock sanitize steps: every attack that runs there must be stopped here."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import time
from pathlib import Path

import nbformat
import pytest
import requests

from allyship.grading import grade
from allyship.grading.reconcile import ADDED, CHANGED

from ..helpers import BIN, env, fetch, give_answers, key, make_course, nbgrader, open_widgets
from .conftest import scores
from .intruders import (
    CELL_KINDS,
    FILE_KINDS,
    TOKEN,
    editor_notebook,
    gid,
    intruder_notebook,
    shadow_files,
    write_submission,
)
from .leaks import REGION

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("guard")]
MODULE = "01_what_is_allyship"
NOTEBOOK = f"{MODULE}.ipynb"
PATHS = ("nbgrader", "formgrader", "allyship")
CONTROL = "unguarded"
STOCK = [  # nbgrader 0.9.6's own sanitize steps, without the course's guard
    f"nbgrader.preprocessors.{name}"
    for name in (
        "ClearOutput",
        "DeduplicateIds",
        "OverwriteKernelspec",
        "OverwriteCells",
        "CheckCellMetadata",
    )
]
#: which course cell each disguised attack copies (the note names it)
COPIES = {"retyped": "reading-1", "copied-markdown": "objectives", "forged": "q1"}
#: What nbgrader's stock steps do with the disguised kinds: a retyped course cell is put back
#: (OverwriteCells); a second cell with a course cell's id makes the whole submission fail
#: (DeduplicateIds, then "old metadata format", #1083). So the control carries the others.
STOCK_RUNS = {k for k in CELL_KINDS if k not in COPIES}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def formgrader(course: Path, runtime: Path):
    """``jupyter server`` on the course, on 127.0.0.1 with a token; stopped on exit."""
    port, token = free_port(), secrets.token_hex(16)
    server = subprocess.Popen(
        [str(BIN / "jupyter"), "server", "--ServerApp.ip=127.0.0.1", f"--port={port}"]
        + [f"--IdentityProvider.token={token}", "--ServerApp.open_browser=False", "--allow-root"]
        + [f"--ServerApp.root_dir={course}"],
        cwd=course,
        env=env(ALLYSHIP_EXCHANGE=str(course / "exchange"), JUPYTER_RUNTIME_DIR=str(runtime)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base, headers = f"http://127.0.0.1:{port}", {"Authorization": f"token {token}"}
    try:
        deadline = time.monotonic() + 90
        while True:
            with contextlib.suppress(requests.ConnectionError):
                if requests.get(f"{base}/api/status", headers=headers, timeout=2).ok:
                    break
            assert time.monotonic() < deadline, "jupyter server did not start within 90 s"
            time.sleep(0.3)
        yield base, headers
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def click(course: Path, home: Path, answers: dict, wrong: tuple[str, ...] = ()) -> dict:
    """Fetch module 01 as a learner and answer through the kit's widgets, from the key except
    for ``wrong`` (another of the question's options); return the saved responses.json."""
    widgets = open_widgets(fetch(course, MODULE, home))
    given = dict(answers)
    for item in wrong:
        given[item] = next(o for o in widgets[item].options if o != answers[item])
    give_answers(widgets, given)
    return json.loads((home / MODULE / "responses.json").read_text())


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("guard")
    course, marks, runtime = make_course(root / "course", [MODULE]), root / "marks", root / "rt"
    marks.mkdir()
    nbgrader(course, "generate_assignment", MODULE)
    nbgrader(course, "release_assignment", MODULE)
    answers, release = key(MODULE, course), course / "release" / MODULE / NOTEBOOK
    keyed = click(course, root / "keyed", answers)
    q3_wrong = click(course, root / "q3-wrong", answers, wrong=("q3",))
    learners = [f"{p}-{k}" for p in PATHS for k in ("intruder", "editor")] + [CONTROL, "norelease"]
    inbound = course / "exchange" / "allyship" / "inbound"
    for n, learner in enumerate(learners):
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()) + f".{n:06d} UTC"
        folder = inbound / f"{learner}+{MODULE}+{stamp}+g{n:04d}"
        if learner.endswith("editor"):
            write_submission(folder, editor_notebook(release), q3_wrong)
        else:
            kinds = STOCK_RUNS if learner == CONTROL else CELL_KINDS
            nb = intruder_notebook(release, learner, course, marks, kinds)
            write_submission(folder, nb, keyed)
            shadow_files(folder, learner, marks)
        (folder / "timestamp.txt").write_text(stamp)
    nbgrader(course, "collect", MODULE)
    out = {"course": course, "marks": marks, "answers": answers, "learners": learners}
    out["nbgrader"] = nbgrader(course, "autograde", MODULE, "--student=nbgrader-*")
    stock = f"--Autograde.sanitize_preprocessors={json.dumps(STOCK)}"
    out["control"] = nbgrader(course, "autograde", MODULE, f"--student={CONTROL}", stock)
    with formgrader(course, runtime) as (base, headers):
        out["formgrader"] = [
            requests.post(
                f"{base}/formgrader/api/submission/{MODULE}/formgrader-{kind}/autograde",
                headers=headers,
                timeout=600,
            ).json()
            for kind in ("intruder", "editor")
        ]
    saved = os.environ.get("JUPYTER_RUNTIME_DIR")
    os.environ["JUPYTER_RUNTIME_DIR"] = str(runtime)
    try:
        out["allyship"] = grade(course, [MODULE], ["allyship-intruder", "allyship-editor"])
    finally:
        os.environ.pop("JUPYTER_RUNTIME_DIR")
        if saved is not None:
            os.environ["JUPYTER_RUNTIME_DIR"] = saved
    for step in ("release", "source"):  # the course's own copy gone: the guard must refuse
        (course / step / MODULE).rename(course / step / "moved")
    try:
        out["norelease"] = nbgrader(course, "autograde", MODULE, "--student=norelease", check=False)
    finally:
        for step in ("release", "source"):
            (course / step / "moved").rename(course / step / MODULE)
    source_nb = nbformat.read(str(course / "source" / MODULE / NOTEBOOK), as_version=4)
    out["course q3"] = next(c.source for c in source_nb.cells if gid(c) == "q3")
    out["hidden"] = {
        ln.strip()
        for c in source_nb.cells
        for m in REGION.finditer(c.source)
        for ln in m.group(2).splitlines()
        if ln.strip()
    }
    out["full"] = {
        c.metadata.nbgrader["grade_id"]: c.metadata.nbgrader["points"]
        for c in nbformat.read(str(release), as_version=4).cells
        if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
    }
    return out


def guarded(graded, kind: str) -> list[str]:
    return [f"{p}-{kind}" for p in PATHS]


def autograded(graded, learner: str) -> nbformat.NotebookNode:
    path = graded["course"] / "autograded" / learner / MODULE / NOTEBOOK
    return nbformat.read(str(path), as_version=4)


def outputs(nb) -> str:
    """Every text the cells' outputs hold, as printed."""
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            texts += [out.get("text", ""), out.get("evalue", ""), *out.get("traceback", [])]
            texts += [
                v if isinstance(v, str) else json.dumps(v) for v in out.get("data", {}).values()
            ]
    return "\n".join(texts)


def marks_of(graded, learner: str) -> set[str]:
    return {p.name[len(learner) + 1 :] for p in graded["marks"].glob(f"{learner}-*")}


def test_each_path_graded_every_submission(graded):
    assert "ERROR" not in graded["nbgrader"].stderr, graded["nbgrader"].stderr[-3000:]
    assert [r["success"] for r in graded["formgrader"]] == [True, True], graded["formgrader"]
    report = graded["allyship"]
    assert [o.status for o in report.outcomes] == ["graded", "graded"], report.outcomes
    assert (report.replayed, report.executed_here) == (2, 0)  # the guard is deterministic
    for learner in guarded(graded, "intruder") + guarded(graded, "editor"):
        assert (graded["course"] / "autograded" / learner / MODULE / NOTEBOOK).is_file()


def test_without_the_guard_the_attacks_run_as_the_grader(graded):
    """The control: nbgrader's stock steps run every added cell and both files, as the
    grader, in the submission's autograded folder, and the grades hide it."""
    assert marks_of(graded, CONTROL) == STOCK_RUNS | set(FILE_KINDS)
    folder = graded["course"] / "autograded" / CONTROL / MODULE
    assert (graded["marks"] / f"{CONTROL}-outside").read_text() == str(folder)  # the kernel's cwd
    text = outputs(autograded(graded, CONTROL))
    assert str(graded["course"] / "source") in text
    assert any(line in text for line in graded["hidden"])  # the key, printed
    assert scores(graded, CONTROL) == {k: (v, v) for k, v in graded["full"].items()}


def test_no_added_code_runs_on_any_path(graded):
    for learner in graded["learners"]:
        if learner != CONTROL:
            assert marks_of(graded, learner) == set(), learner


def test_no_source_path_or_key_in_any_output(graded):
    source = str(graded["course"] / "source")
    logs = [graded["nbgrader"].stdout + graded["nbgrader"].stderr]
    logs += [r.get("log", "") + r.get("error", "") for r in graded["formgrader"]]
    logs += [o.reason for o in graded["allyship"].outcomes]
    for learner in guarded(graded, "intruder") + guarded(graded, "editor"):
        nb = autograded(graded, learner)
        assert source not in json.dumps(nb, ensure_ascii=False), learner
        assert not [ln for ln in graded["hidden"] if ln in outputs(nb)], learner
    for log in logs:  # (formgrader's log also shows, at debug level, the course's own code)
        assert source not in log


def test_the_clicked_answers_are_graded(graded):
    full = graded["full"]
    for learner in guarded(graded, "intruder"):
        assert scores(graded, learner) == {k: (v, v) for k, v in full.items()}, learner
    for learner in guarded(graded, "editor"):
        expected = {k: (0 if k == "q3" else v, v) for k, v in full.items()}
        assert scores(graded, learner) == expected, learner


def test_the_grader_sees_each_added_cell_as_text_with_the_note(graded):
    for learner in guarded(graded, "intruder"):
        cells = autograded(graded, learner).cells
        assert not [c for c in cells if c.cell_type == "code" and TOKEN in c.source], learner
        for kind in CELL_KINDS:
            shown = [c for c in cells if f"# {TOKEN}{kind}\n" in c.source]
            note = CHANGED.format(key=COPIES[kind]) if kind in COPIES else ADDED
            assert [c.cell_type for c in shown] == ["markdown"], (learner, kind)
            assert shown[0].source.startswith(note + "\n\n```\n"), (learner, kind)


def test_an_edited_course_cell_is_put_back_and_graded_as_written(graded):
    for learner in guarded(graded, "editor"):
        cells = autograded(graded, learner).cells
        q3 = [c for c in cells if gid(c) == "q3"]
        assert [c.source for c in q3] == [graded["course q3"]], learner
        assert "check_choice" in q3[0].source  # nbgrader put the hidden test back
        shown = [c for c in cells if "pass  # the learner's own test" in c.source]
        assert [c.cell_type for c in shown] == ["markdown"], learner
        assert shown[0].source.startswith(CHANGED.format(key="q3"))


def test_files_the_course_does_not_ship_stay_out_of_the_kernels_folder(graded):
    for learner in guarded(graded, "intruder"):
        kept = graded["course"] / "autograded" / learner / MODULE
        assert not {p.name for p in kept.iterdir()} & set(FILE_KINDS.values()), learner
        submitted = graded["course"] / "submitted" / learner / MODULE
        assert set(FILE_KINDS.values()) <= {p.name for p in submitted.iterdir()}  # kept there
    reason = next(o.reason for o in graded["allyship"].outcomes if "intruder" in o.learner)
    assert "kept as text and not run" in reason and "ipykernel_launcher.py" in reason


def test_a_notebook_whose_release_is_missing_is_refused_not_run(graded):
    proc = graded["norelease"]
    assert proc.returncode != 0
    assert "was not found" in proc.stderr and "nbgrader generate_assignment" in proc.stderr
    assert not (graded["course"] / "autograded" / "norelease" / MODULE).exists()
    assert marks_of(graded, "norelease") == set()
    shutil.rmtree(graded["course"] / "submitted" / "norelease")  # the course stays gradable
