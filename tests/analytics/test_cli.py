"""``allyship report``, ``cohort``, ``guide`` and ``journal``: output, files, plain errors."""

from __future__ import annotations

import io
import re
import shutil

import pytest

from allyship.cli import main
from allyship.instructor.verbs import ProgressBar

from ..helpers import REPO
from .synthetic import M1

pytestmark = pytest.mark.xdist_group("analytics-synthetic")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_report_prints_the_tables_and_writes_the_plots(synthetic, capsys, tmp_path):
    code, out, err = run(capsys, "--course", str(synthetic), "report", "--plots", str(tmp_path))
    assert code == 0 and err == ""
    assert re.search(rf"{M1}\s+36\s+40\s+0\.90", out)
    assert re.search(rf"{M1}\s+q1\s+36\s+20\s+0\.56\s+C\s+9", out)
    assert re.search(r"L02\s+01_alpha .*26\.00", out)
    for name in ("completion.png", "scores.png", "difficulty.png"):
        png = (tmp_path / name).read_bytes()
        assert png.startswith(b"\x89PNG") and len(png) > 5000


def test_report_for_one_module(synthetic, capsys):
    code, out, _ = run(capsys, "--course", str(synthetic), "report", "--module", "5")
    assert code == 0 and "05_audit" in out and "01_alpha" not in out


def test_cohort_shows_no_names(synthetic, capsys):
    code, out, _ = run(capsys, "--course", str(synthetic), "cohort")
    assert code == 0 and not re.search(r"\bL\d\d\b", out)
    assert "01_alpha: 6 learners agreed to share their reflections." in out


def test_no_gradebook_is_one_plain_line(tmp_path, capsys):
    shutil.copy(REPO / "nbgrader_config.py", tmp_path / "nbgrader_config.py")
    (tmp_path / "source").mkdir()
    code, out, err = run(capsys, "--course", str(tmp_path), "report")
    assert code == 1 and out == ""
    assert err == (
        f"allyship: There is no gradebook yet ({tmp_path / 'gradebook.db'} does not exist). It "
        "appears after the first `nbgrader generate_assignment` and fills in with "
        "`nbgrader autograde`.\n"
    )
    assert not (tmp_path / "gradebook.db").exists()


def test_unknown_module_is_one_plain_line(synthetic, capsys):
    for verb in ("report", "cohort"):
        code, _, err = run(capsys, "--course", str(synthetic), verb, "--module", "09")
        assert code == 1
        assert err == "allyship: There is no module '09'. The modules are: 01_alpha, 05_audit.\n"


def test_a_threshold_below_five_is_refused(synthetic, capsys):
    code, _, err = run(capsys, "--course", str(synthetic), "cohort", "--threshold", "3")
    assert code == 1 and err == (
        "allyship: The smallest group the cohort view may show is 5 learners (the consent box "
        "promises learners this); 3 is too small.\n"
    )


def test_journal_without_module_folders_is_one_plain_line(tmp_path, capsys):
    code, _, err = run(capsys, "journal", str(tmp_path))
    assert code == 1 and err.startswith("allyship: No module folders (such as 01_what_is_allyship)")


def test_guide_writes_html_and_prints_one_module(tmp_path, capsys):
    out = tmp_path / "guide.html"
    code, printed, _ = run(capsys, "--course", str(REPO), "guide", "--out", str(out))
    assert code == 0 and printed == f"wrote {out}\n" and out.stat().st_size > 10000
    code, printed, _ = run(capsys, "--course", str(REPO), "guide", "--module", "4")
    assert code == 0 and printed.startswith("## Module 04 \u2014 Roles")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_only():
    term, pipe = Terminal(), io.StringIO()
    for stream in (term, pipe):
        bar = ProgressBar("reading answers", stream)
        bar(1, 4)
        bar(4, 4)
    assert term.getvalue() == (
        "\rreading answers [#######.......................] 1/4"
        "\rreading answers [##############################] 4/4\n"
    )
    assert pipe.getvalue() == ""


def test_an_unreachable_database_is_one_plain_line_without_the_password(synthetic, capsys):
    url = "nonsense://grader:secret@db/allyship"
    code, _, err = run(capsys, "--course", str(synthetic), "report", "--db", url)
    assert code == 1 and "secret" not in err
    assert err == (
        "allyship: The gradebook at nonsense://grader:***@db/allyship could not be read "
        "(NoSuchModuleError). Check the URL, and that the database is running and reachable "
        "from here.\n"
    )
