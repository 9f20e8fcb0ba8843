"""The dashboard, the facilitator guide and the journal run clean in a fresh kernel."""

from __future__ import annotations

import base64
import html
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from allyship.instructor.facilitation_plans import CONTENT

from ..helpers import REPO
from .synthetic import M1, reflection_text
from .test_journal import REFLECTION, learner_home

pytestmark = pytest.mark.slow
with_cohort = pytest.mark.xdist_group("analytics-synthetic")  # shares the graded cohort
#: matplotlib's one-time note on a fresh machine is not an error
BENIGN = ("Matplotlib is building the font cache",)


def execute(name: str, folder: Path) -> list[dict]:
    """Copy ``notebooks/<name>`` into ``folder``, run it there, return every output."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copy(REPO / "notebooks" / name, target)
    nb = nbformat.read(str(target), as_version=4)
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(folder)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = [o.text for o in outputs if o.get("name") == "stderr"]
    assert not [s for s in stderr if not s.startswith(BENIGN)], stderr
    return outputs


def text_of(outputs: list[dict]) -> str:
    parts = []
    for o in outputs:
        parts.append(o.get("text", ""))
        for kind in ("text/markdown", "text/html"):
            parts.append(o.get("data", {}).get(kind, ""))
    return "\n".join(parts)


@pytest.fixture(autouse=True)
def _no_course_from_outside(monkeypatch):
    for name in ("ALLYSHIP_COURSE", "ALLYSHIP_DB_URL"):
        monkeypatch.delenv(name, raising=False)


@with_cohort
def test_dashboard_shows_tables_and_plots(synthetic):
    outputs = execute("instructor_dashboard.ipynb", synthetic / "notebooks")
    text = text_of(outputs)
    assert f"Course: {synthetic}. 40 learners, 2 modules." in text
    assert "L31" in text and "26.0" in text  # awaiting grading, late by 26 hours
    pngs = [base64.b64decode(o["data"]["image/png"]) for o in outputs if "image/png" in o.get(
        "data", {})]  # fmt: skip
    # completion, scores, item difficulty, and the item analysis (facility x discrimination)
    assert len(pngs) == 4 and all(p.startswith(b"\x89PNG") and len(p) > 5000 for p in pngs)
    assert "01_alpha: 36 learner(s), 2 graded question(s); Cronbach's alpha 0.65" in text
    assert "no one chooses option D: replace it" in text


def test_dashboard_without_a_gradebook_says_so(tmp_path):
    course = tmp_path / "course"
    (course / "source").mkdir(parents=True)
    shutil.copy(REPO / "nbgrader_config.py", course / "nbgrader_config.py")
    text = text_of(execute("instructor_dashboard.ipynb", course / "notebooks"))
    assert "There is no gradebook yet" in text
    assert "Nothing else in this notebook can be shown until there is a gradebook." in text
    assert not (course / "gradebook.db").exists()


@with_cohort
def test_facilitator_guide_with_the_anonymous_view(synthetic):
    text = text_of(execute("facilitator_guide.ipynb", synthetic / "notebooks"))
    assert text.count("### 90-minute session") == len(CONTENT)  # one per module
    assert "Indigenous participants are not expected to educate others" in text
    assert "1-866-925-4419" in text  # support lines
    assert reflection_text("L01", M1) in text and reflection_text("L07", M1) not in text
    assert "01_alpha: 6 learners agreed to share their reflections." in text


def test_facilitator_guide_outside_a_course(tmp_path):
    text = text_of(execute("facilitator_guide.ipynb", tmp_path / "alone"))
    assert "No course folder was found, so there is no group to show yet." in text
    assert text.count("### 60-minute session") == len(CONTENT)


def test_journal_gathers_and_exports(tmp_path):
    home = learner_home(tmp_path / "home")
    text = text_of(execute("my_journal.ipynb", home))
    assert "Saved your journal as my_allyship_journal.html" in text
    assert "No reflections or commitments saved in this module yet." in text
    page = (home / "my_allyship_journal.html").read_text(encoding="utf-8")
    assert html.escape(REFLECTION, quote=True) in page


def test_journal_with_no_modules_says_so_and_writes_nothing(tmp_path):
    folder = tmp_path / "empty" / "notebooks"
    text = text_of(execute("my_journal.ipynb", folder))
    assert "No module folders (such as 01_what_is_allyship) were found" in text
    assert sorted(p.name for p in folder.iterdir()) == ["my_journal.ipynb"]
