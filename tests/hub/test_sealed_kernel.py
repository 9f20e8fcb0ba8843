"""The sealed grading kernel (allyship/grading/sealed.py, docs/deploy.md) on real unix accounts:
autograde run by the course's grader account, whose kernel cannot reach source/, the gradebook,
other submissions, the exchange or the grader's home, and still grades.

The probe is a learner-added cell, so for this test the guard is switched off on the command
line (nbgrader's stock sanitize steps): the point is what a cell that does run can reach. The
same probe in an ordinary kernel is the control."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from ..helpers import key
from .conftest import ROOT_ONLY, load_setup_course
from .runtime import as_user

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hub"), ROOT_ONLY]
STOCK = json.dumps(
    [
        f"nbgrader.preprocessors.{name}"
        for name in (
            "ClearOutput",
            "DeduplicateIds",
            "OverwriteKernelspec",
            "OverwriteCells",
            "CheckCellMetadata",
        )
    ]
)
CAN_SEAL = (  # what the launcher needs: an unprivileged user namespace with a process namespace
    "import ctypes, ctypes.util\n"
    "libc = ctypes.CDLL(ctypes.util.find_library('c'), use_errno=True)\n"
    "raise SystemExit(libc.unshare(0x10000000 | 0x00020000 | 0x20000000))\n"
)


def probe(targets: dict[str, Path]) -> str:
    hexed = {label: str(path).encode().hex() for label, path in targets.items()}
    return f"""# probe: what this kernel can reach
import json, os, pathlib
def reach(path):
    try:
        if os.path.isdir(path):
            return "ok:" + ",".join(sorted(os.listdir(path)))
        with open(path, "rb") as f:
            return "ok" if f.read(1) is not None else "ok"
    except OSError as e:
        return type(e).__name__
targets = {hexed!r}
found = {{label: reach(bytes.fromhex(h).decode()) for label, h in targets.items()}}
print("PROBE" + json.dumps(found, sort_keys=True))
"""


def submission(world, learner: str, answers: dict, extra: str | None) -> None:
    release = world.course / "release" / world.module / f"{world.module}.ipynb"
    nb = nbformat.read(str(release), as_version=4)
    if extra:
        at = next(
            n for n, c in enumerate(nb.cells) if c.metadata["nbgrader"]["grade_id"] == "setup"
        )
        nb.cells.insert(at + 1, nbformat.v4.new_code_cell(extra))
    folder = world.course / "submitted" / learner / world.module
    folder.mkdir(parents=True)
    nbformat.write(nb, str(folder / release.name))
    (folder / "responses.json").write_text(json.dumps(answers))
    (folder / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
    inst = world.users["inst"]
    for path in (folder.parent, folder, *folder.iterdir()):
        shutil.chown(path, inst, inst)


def found_by_probe(world, learner: str) -> dict:
    path = world.course / "autograded" / learner / world.module / f"{world.module}.ipynb"
    for cell in nbformat.read(str(path), as_version=4).cells:
        for out in cell.get("outputs", []):
            if out.get("text", "").startswith("PROBE"):
                return json.loads(out["text"][len("PROBE") :])
    raise AssertionError(f"the probe printed nothing for {learner}")


def auto_score(world, learner: str) -> float:
    with Gradebook(f"sqlite:///{world.course / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(world.module, world.module, learner)
        return sum(g.auto_score or 0 for g in nb.grades)


def test_a_sealed_kernel_grades_but_cannot_reach_the_course(world):
    inst = world.users["inst"]
    if as_user(inst, [str(world.python), "-c", CAN_SEAL], env=world.env()).returncode != 0:
        pytest.skip("this machine gives unprivileged accounts no user namespaces")
    home = Path(os.path.expanduser(f"~{inst}"))
    (home / "private.txt").write_text("the grader's own file")
    shutil.chown(home / "private.txt", inst, inst)
    targets = {
        "source": world.course / "source",
        "gradebook": world.course / "gradebook.db",
        "submitted": world.course / "submitted",
        "exchange": world.exchange,
        "grader's home file": home / "private.txt",
        "own folder": Path("."),
    }
    answers = key(world.module, world.course)
    for learner in ("sealed-probe", "open-probe"):
        submission(world, learner, answers, probe(targets))
    submission(world, "sealed-grade", answers, None)
    config = world.course / "nbgrader_config.py"
    before = config.read_text()
    load_setup_course().seal_kernels(world.course, inst, world.python)  # --seal-kernels
    try:
        grade_all(world)
    finally:
        config.write_text(before)  # the other hub tests grade in ordinary kernels
    opened, shut = found_by_probe(world, "open-probe"), found_by_probe(world, "sealed-probe")
    assert all(v.startswith("ok") for v in opened.values()), opened  # the control reaches all
    assert "sealed-probe" in opened["submitted"] and world.module in opened["source"]
    assert {k: v for k, v in shut.items() if k != "own folder"} == {
        k: "FileNotFoundError" for k in targets if k != "own folder"
    }
    assert "responses.json" in shut["own folder"]  # its own folder, and nothing else
    full = auto_score(world, "open-probe")
    assert full > 0 and auto_score(world, "sealed-probe") == full
    assert auto_score(world, "sealed-grade") == full


def grade_all(world) -> None:
    """As the grader account: both probes by nbgrader with its stock steps, in the kernel the
    course's config now names (sealed) and in an ordinary one; and a plain submission by
    ``allyship grade`` (guard on), whose workers' kernels the same config seals."""
    mod, course = world.module, world.course
    stock = f"--Autograde.sanitize_preprocessors={STOCK}"
    world.nbgrader("inst", "autograde", mod, "--student=sealed-probe", stock, cwd=course)
    ordinary = "--Execute.kernel_name=python3"
    world.nbgrader("inst", "autograde", mod, "--student=open-probe", ordinary, stock, cwd=course)
    graded = as_user(
        world.users["inst"],
        [str(world.bin / "allyship"), "grade", mod, "--learner=sealed-grade", "-q"],
        env=world.env(),
        cwd=course,
    )
    assert graded.returncode == 0 and graded.stdout.startswith("Graded 1,"), graded.stdout
