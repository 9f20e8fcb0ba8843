"""The browser edition's verbs from the command line: listed for instructors, and their refusals
in one plain line each."""

from __future__ import annotations

from ..helpers import BIN, REPO, make_course, run


def allyship(*args: str, cwd=REPO):
    return run([str(BIN / "allyship"), *args], cwd=cwd, check=False)


def test_the_verbs_are_listed_for_instructors():
    shown = allyship("--help").stdout
    instructors = shown.split("For instructors and graders:")[1].split("For workshop")[0]
    assert "lite " in instructors and "export-lms " in instructors


def test_the_build_never_replaces_the_course_or_a_folder_it_did_not_build(tmp_path):
    proc = allyship("lite", "--out", str(REPO))
    assert proc.returncode == 1 and "holds the course itself" in proc.stderr
    (tmp_path / "notes.txt").write_text("mine")
    proc = allyship("lite", "--out", str(tmp_path))
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"allyship: {tmp_path} is not empty and is not a site this command built: choose a new "
        "folder, or empty it first"
    ]
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_export_without_a_gradebook_says_what_to_run(tmp_path):
    course = make_course(tmp_path / "course", [])
    (course / "source").mkdir(exist_ok=True)
    proc = allyship("--course", str(course), "export-lms", "--to", "canvas")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith("allyship: ")
