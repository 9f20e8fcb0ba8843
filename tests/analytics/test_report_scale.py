"""What makes the report fast at 10,000 learners gives what the slower ways gave.

* source/ read as JSON (allyship/instructor/source_json.py) gives the key and the options that
  allyship.course.key and nbformat give, for every module of every edition, and the same
  errors; and the report's path never imports nbformat or jsonschema;
* SQLite's one-pass read of the grade table is taken on a real gradebook, and anything it
  cannot read exactly (ids of another length, a number too close to zero) goes through the
  row-by-row read and still gives nbgrader's frames;
* the cohort view's bounded sample: at most EXCERPTS_PER_ITEM excerpts per reflection, the
  most recent, with how many more there are; no reflection fewer than the threshold wrote;
  counts per module, none for a group under the threshold;
* the report's progress line appears only on a terminal and only once it is slow.
"""

from __future__ import annotations

import io
import math
import shutil
import sqlite3
import subprocess
import sys
import uuid
import warnings
from datetime import datetime, timedelta

import nbformat
import numpy as np
import pandas as pd
import pytest
from nbgrader.api import Gradebook

from allyship.course.key import answer_key
from allyship.errors import AnswerKeyError
from allyship.instructor import cohort as C
from allyship.instructor import gradebook_sql
from allyship.instructor import source_json as S
from allyship.instructor.items import question_options
from allyship.instructor.reports import cohort_text, summarise_cohort
from allyship.instructor.verbs import SlowSteps

from ..helpers import EDITIONS, REPO
from .synthetic import M1
from .test_gradebook_sql import assert_same

pytestmark = pytest.mark.xdist_group("analytics-synthetic")


# -- source/ as JSON ----------------------------------------------------------------------------
@pytest.mark.parametrize("module", EDITIONS)
def test_the_json_reading_gives_the_key_and_cells_nbformat_gives(module):
    notebook = REPO / "source" / module / f"{module}.ipynb"
    assert S.answer_key(notebook) == answer_key(notebook)
    nb = nbformat.read(str(notebook), as_version=4)
    expected = [
        (c.get("metadata", {}).get("nbgrader", {}).get("grade_id", ""), c.source)
        for c in nb.cells
        if c.cell_type == "code"
    ]
    assert S.code_cells(notebook) == expected
    assert question_options(notebook)  # every module asks graded choice questions


def test_the_json_reading_fails_as_answer_key_does(tmp_path):
    missing = tmp_path / "none.ipynb"
    with pytest.raises(AnswerKeyError, match="does not exist"):
        S.answer_key(missing)
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{not a notebook")
    with pytest.raises(AnswerKeyError) as ours:
        S.answer_key(broken)
    with pytest.raises(AnswerKeyError) as theirs:
        answer_key(broken)
    assert str(ours.value) == str(theirs.value)
    bad = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("check_choice('q1',")])
    bad.cells[0].metadata["nbgrader"] = {"grade": True, "grade_id": "q1-test"}
    path = tmp_path / "bad.ipynb"
    nbformat.write(bad, str(path))
    with pytest.raises(AnswerKeyError, match="The test cell 'q1-test' is not valid Python"):
        S.answer_key(path)


def test_the_report_never_imports_nbformat_ipywidgets_nor_sqlalchemy_for_sqlite(synthetic):
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from allyship.instructor.reports import summarise_report, report_text\n"
        f"report_text(summarise_report(Path({str(synthetic)!r}), cache=False))\n"
        "heavy = ('nbformat', 'jsonschema', 'sqlalchemy', 'ipywidgets')\n"
        "print(' '.join(m for m in heavy if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


# -- the grade table from SQLite --------------------------------------------------------------
def test_a_damaged_sqlite_gradebook_is_one_plain_error(tmp_path):
    from allyship.errors import NoGradebookError
    from allyship.instructor import gradebook as G

    path = tmp_path / "gradebook.db"
    path.write_bytes(b"this is not a database, but it is long enough" * 40)
    for url in (f"sqlite:///{path}", f"sqlite:///{path}?timeout=5"):  # sqlite3, then SQLAlchemy
        with pytest.raises(NoGradebookError, match=r"could not be read \((\w+\.)?DatabaseError\)"):
            G.load(url)


def test_sqlite_reads_the_grade_table_in_one_pass(synthetic):
    with sqlite3.connect(synthetic / "gradebook.db") as con:
        columns = gradebook_sql._sqlite_grades(con.cursor())
    assert columns is not None and len(columns["notebook_id"]) == 36 * 4 + 12 * 3


def _copy(synthetic, tmp_path) -> str:
    shutil.copy(synthetic / "gradebook.db", tmp_path / "gradebook.db")
    return f"sqlite:///{tmp_path / 'gradebook.db'}"


def test_two_threads_reading_half_the_grade_table_each_read_what_nbgrader_reads(
    synthetic, tmp_path, monkeypatch
):
    url = _copy(synthetic, tmp_path)
    path = str(tmp_path / "gradebook.db")
    with sqlite3.connect(path) as con:  # rowids with a gap: the halves split the rowids' span
        con.execute("UPDATE grade SET rowid = rowid + 100000 WHERE rowid > 150")
    started = []
    real = gradebook_sql._GradeRead._part

    def part(self, path, rows, at):
        started.append(rows)
        real(self, path, rows, at)

    monkeypatch.setattr(gradebook_sql, "SPLIT_FROM", 2)
    monkeypatch.setattr(gradebook_sql._GradeRead, "_part", part)
    assert_same(url)
    assert started == [(1, 50090), (50091, 100180)]
    with sqlite3.connect(path) as con:
        whole = gradebook_sql._sqlite_grades(con.cursor())
        halves = [gradebook_sql._sqlite_grades(con.cursor(), rows) for rows in started]
    assert [len(h["cell_id"]) for h in halves] == [150, 30]
    for name, column in whole.items():
        np.testing.assert_array_equal(np.concatenate([h[name] for h in halves]), column)


def test_a_half_that_cannot_be_read_sends_the_table_through_the_row_by_row_read(
    synthetic, tmp_path, monkeypatch
):
    url = _copy(synthetic, tmp_path)
    path = str(tmp_path / "gradebook.db")
    with sqlite3.connect(path) as con:  # a number too close to 0, in the last row
        con.execute("UPDATE grade SET extra_credit = 3e-300 WHERE rowid = 180")
    monkeypatch.setattr(gradebook_sql, "SPLIT_FROM", 2)
    with sqlite3.connect(path) as con:
        cur = con.cursor()
        cur.execute("BEGIN")
        grades = gradebook_sql._GradeRead(cur, path)
        assert len(grades.threads) == 2 and grades.result() is None
        assert len(grades.parts[0]["cell_id"]) == 90 and grades.parts[1] is None
    assert_same(url)  # the rows read one by one: the 3e-300 as nbgrader reads it


def test_a_gradebook_changed_while_it_is_read_is_read_again(synthetic, tmp_path, monkeypatch):
    url = _copy(synthetic, tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir()
    real, calls = gradebook_sql._tables, []

    def tables(url):
        calls.append(url)
        frames = real(url)
        if len(calls) == 1:  # someone grades while the first read is under way
            with sqlite3.connect(tmp_path / "gradebook.db") as con:
                con.execute("UPDATE grade SET extra_credit = 2 WHERE rowid = 1")
        return frames

    monkeypatch.setattr(gradebook_sql, "_tables", tables)
    first = gradebook_sql.read(url, cache)
    assert len(calls) == 2  # read again: the file changed under the first read
    monkeypatch.setattr(gradebook_sql, "_tables", lambda url: pytest.fail("not from the cache"))
    kept = gradebook_sql.read(url, cache)  # the second read, kept
    assert kept[3].equals(first[3])
    monkeypatch.setattr(gradebook_sql, "_tables", real)
    data = assert_same(url)  # what was returned and kept is the gradebook after the change
    assert data.grades.equals(first[3]) and (first[3]["score"] - first[3]["auto_score"]).max() > 0


def test_ids_of_another_length_are_read_row_by_row(synthetic, tmp_path):
    url = _copy(synthetic, tmp_path)
    with sqlite3.connect(tmp_path / "gradebook.db") as con:
        (cell,) = con.execute("SELECT id FROM base_cell WHERE name = 'q1' LIMIT 1").fetchone()
        for table, column in (("base_cell", "id"), ("grade_cells", "id"), ("grade", "cell_id")):
            con.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (cell + "-x", cell))
        assert gradebook_sql._sqlite_grades(con.cursor()) is None
    assert_same(url)


def test_a_number_too_close_to_zero_is_read_row_by_row(synthetic, tmp_path):
    url = _copy(synthetic, tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Gradebook(url) as gb:
            gb.find_grade("q1", M1, M1, "L21").extra_credit = 3e-300
            gb.db.commit()
    with sqlite3.connect(tmp_path / "gradebook.db") as con:
        assert gradebook_sql._sqlite_grades(con.cursor()) is None
    data = assert_same(url)
    row = data.grades.loc[(data.grades["learner"] == "L21") & (data.grades["item"] == "q1")]
    assert row["score"].tolist() == [3e-300]


def _read_rows(path) -> dict:
    with sqlite3.connect(path) as con:
        rows = con.execute(
            "SELECT auto_score, manual_score, extra_credit FROM grade NOT INDEXED"
        ).fetchall()
    return {name: [r[n] for r in rows] for n, name in enumerate(gradebook_sql.NUMBERS)}


def _same_numbers(read: dict, rows: dict) -> bool:
    return all(
        [None if math.isnan(v) else v for v in read[name].tolist()] == rows[name]
        for name in gradebook_sql.NUMBERS
    )


def test_whole_numbers_come_back_as_integers_and_exactly(synthetic):
    with sqlite3.connect(synthetic / "gradebook.db") as con:
        row = con.execute(gradebook_sql.SQLITE_GRADES).fetchone()
        read = gradebook_sql._sqlite_grades(con.cursor())
    assert row[6] == row[8] == row[10] == 0  # no column holds anything but whole numbers
    assert "." not in row[5] and "nan" in row[7]  # integers written, NULL as nan
    assert _same_numbers(read, _read_rows(synthetic / "gradebook.db"))


@pytest.mark.parametrize("value", [1 / 3, 2.5, 1e20, -7.0])
def test_a_score_that_is_not_a_small_whole_number_is_read_exactly(synthetic, tmp_path, value):
    url = _copy(synthetic, tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Gradebook(url) as gb:
            gb.find_grade("q1", M1, M1, "L21").manual_score = value
            gb.db.commit()
    with sqlite3.connect(tmp_path / "gradebook.db") as con:
        read = gradebook_sql._sqlite_grades(con.cursor())
    assert read is not None  # still the one-pass read, that column by quote()
    assert _same_numbers(read, _read_rows(tmp_path / "gradebook.db"))
    data = assert_same(url)
    row = data.grades.loc[(data.grades["learner"] == "L21") & (data.grades["item"] == "q1")]
    assert row["manual_score"].tolist() == [value]


def test_ids_joined_by_sqlite_are_split_only_when_each_is_a_whole_id():
    a, b = "a" * 32, "b" * 32
    assert gradebook_sql._ids(f"{a},{b}", 2).tolist() == [a.encode(), b.encode()]
    bad = [
        (f"{a[:-1]},,{b}", 2),  # a comma inside an id, the length still right
        (f"{a}x{b}", 2),  # no separator
        (f"{a},{b[:-1]}", 2),  # an id one short
        ("\u00e9" * 32, 1),  # not ASCII
    ]
    for joined, n in bad:
        with pytest.raises(ValueError):
            gradebook_sql._ids(joined, n)


@pytest.mark.parametrize("numbers", ["kept", "none tell the keys apart"])
@pytest.mark.parametrize("shared_heads", [False, True])
@pytest.mark.parametrize("runs", [1, 10])
def test_ids_are_found_where_a_text_lookup_finds_them(shared_heads, runs, numbers, monkeypatch):
    """The bytes lookup (runs looked up once; the keys sorted by the first 8 bytes as a number
    when they tell the keys apart, else by all the bytes mixed, else by the bytes) against
    pandas' own lookup of the same ids as text, missing ids included."""
    if numbers != "kept":  # every numbering gives all keys one number: the bytes decide

        def same(ids):
            return np.zeros(len(ids), dtype=np.uint64)

        monkeypatch.setattr(gradebook_sql, "NUMBERINGS", (same,) * len(gradebook_sql.NUMBERINGS))
    rng = np.random.default_rng(7)
    hexes = [uuid.UUID(int=int(rng.integers(2**62)) << 64 | n).hex for n in range(60)]
    if shared_heads:  # keys alike in their first 8 bytes: the whole id decides
        hexes = ["0" * 8 + h[8:] for h in hexes]
    keys, strangers = hexes[:40], hexes[40:]
    picked = rng.choice(keys + strangers, size=500 // runs)
    ids = np.array(np.repeat(picked, runs).tolist(), dtype="S32")
    index = pd.Index(keys)
    expected = index.get_indexer(ids.astype(str))
    assert (expected == -1).any() and (expected >= 0).any()
    assert gradebook_sql._positions(index, ids).tolist() == expected.tolist()


# -- the cohort view at scale ----------------------------------------------------------------
START = datetime(2026, 3, 1, 9, 0)


def _cohort(consenting: int, writers_r2: int, module: str = M1):
    """``consenting`` learners who ticked the box in ``module`` and wrote r1 (learner n handed
    in n hours after START), the first ``writers_r2`` of them r2 too; ten more who did not."""
    rows, when = [], []
    for n in range(1, consenting + 11):
        learner = f"P{n:03d}"
        when.append((learner, module, START + timedelta(hours=n)))
        if n > consenting:
            rows.append((learner, module, "r1", f"private text {n}"))
            continue
        rows += [(learner, module, "share", "yes"), (learner, module, "r1", f"shared one {n}")]
        if n <= writers_r2:
            rows.append((learner, module, "r2", f"shared two {n}"))
    answers = pd.DataFrame(rows, columns=["learner", "module", "item", "value"])
    return answers, pd.DataFrame(when, columns=["learner", "module", "timestamp"])


def test_at_most_thirty_excerpts_per_reflection_the_most_recent():
    answers, when = _cohort(consenting=42, writers_r2=3)
    found = C.reflection_excerpts(answers, submitted=when)
    r1 = found.table.loc[found.table["item"] == "r1", "excerpt"]
    assert len(r1) == C.EXCERPTS_PER_ITEM == 30
    assert set(r1) == {f"shared one {n}" for n in range(13, 43)}  # the 30 handed in last
    assert r1.tolist() == sorted(r1)  # in text order, never in learner or time order
    assert f"{M1} r1: 30 of 42 shared reflections quoted (the most recent); 12 more not shown." in (
        found.notes
    )
    assert f"{M1} r2: not shown (fewer than 5 of them wrote one)." in found.notes
    assert not found.table["excerpt"].str.contains("private|two").any()
    counts = found.counts.set_index("item")
    assert counts.loc["r1", "shared"] == 42 and counts.loc["r1", "quoted"] == 30
    assert pd.isna(counts.loc["r2", "shared"]) and counts.loc["r2", "quoted"] == 0


def test_the_summary_counts_and_hides_small_groups():
    big, big_when = _cohort(consenting=12, writers_r2=12)
    small, small_when = _cohort(consenting=4, writers_r2=4, module="05_audit")
    small["learner"] = small["learner"].str.replace("P", "Q")
    small_when["learner"] = small_when["learner"].str.replace("P", "Q")
    answers = pd.concat([big, small], ignore_index=True)
    found = C.reflection_excerpts(answers, submitted=pd.concat([big_when, small_when]))
    submitted = pd.Series({M1: 22, "05_audit": 14})
    summary = C.cohort_summary(submitted, found, 5)
    assert summary.loc[M1].tolist() == [22, 12, 24, 24]
    assert summary.loc["05_audit", "submitted"] == 14 and summary.loc["05_audit", "quoted"] == 0
    assert summary.loc["05_audit", ["agreed", "shared"]].isna().all()  # 4 < 5: no figure


def test_the_cohort_text_says_what_it_holds_back(report):
    view = summarise_cohort(report)
    text = cohort_text(view)
    assert text.startswith("== Cohort summary")
    assert view.summary.loc[M1, "agreed"] == 6 and pd.isna(view.summary.loc["05_audit", "agreed"])
    assert "at most 30 per reflection, the most recent" in text
    assert view.summary.loc[M1, "quoted"] == len(view.excerpts.table)


# -- progress ---------------------------------------------------------------------------------
class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_shows_only_when_slow_and_on_a_terminal():
    term, pipe, quick = Terminal(), io.StringIO(), Terminal()
    for stream, after in ((term, 0.0), (pipe, 0.0), (quick, 60.0)):
        slow = SlowSteps(after=after, stream=stream)
        slow.step("reading the answers files")
        slow(1000, 80000)
        slow.close()
    text = term.getvalue()
    assert "\rallyship: reading the answers files (0 s so far)" in text
    assert "\rallyship: reading the answers files: 1000 of 80000 (0 s so far)" in text
    assert text.endswith("\r")  # the line is cleared before the report is printed
    assert pipe.getvalue() == "" and quick.getvalue() == ""
