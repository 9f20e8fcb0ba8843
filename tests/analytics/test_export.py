"""The per-item grades CSV, through nbgrader's own ``export`` command and plugin mechanism."""

from __future__ import annotations

import csv

import pytest
from nbgrader.api import Gradebook

from allyship.instructor.export import ItemCsvExport

from ..helpers import nbgrader
from .synthetic import M1, M5

pytestmark = [pytest.mark.xdist_group("analytics-synthetic"), pytest.mark.slow]

HEADER = [
    "student_id", "last_name", "first_name", "email",
    f"{M1}:q1", f"{M1}:q2", f"{M1}:r1", f"{M1}:r1-written", f"{M1}:total",
    f"{M5}:q1", f"{M5}:r1", f"{M5}:r1-written", f"{M5}:total",
    "total", "max_total",
]  # fmt: skip


def export(course, tmp_path):
    out = tmp_path / "by_item.csv"
    nbgrader(course, "export", "--exporter=allyship.instructor.export.ItemCsvExport", f"--to={out}")
    with open(out, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def test_one_column_per_graded_item_and_totals(synthetic, tmp_path):
    rows = export(synthetic, tmp_path)
    assert rows[0] == HEADER
    body = {r[0]: r for r in rows[1:]}
    assert len(body) == 40
    assert body["L01"][4:] == ["2", "2", "6", "1", "11", "2", "6", "1", "9", "20", "24"]
    assert body["L05"][4:] == ["2", "2", "6", "1", "11", "0", "6", "1", "7", "18", "24"]
    # reflection not yet graded by a person: 0 so far; module 05 never submitted: empty
    assert body["L31"][4:] == ["0", "0", "0", "1", "1", "", "", "", "", "1", "24"]
    assert body["L40"][4:] == [""] * 9 + ["0", "24"]


def test_assignment_and_student_filters_are_honoured(synthetic, tmp_path):
    out = tmp_path / "some.csv"
    plugin = ItemCsvExport(to=str(out), assignment=[M5], student=["L02", "L13"])
    with Gradebook(f"sqlite:///{synthetic / 'gradebook.db'}") as gb:
        plugin.export(gb)
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == HEADER[:4] + HEADER[9:]
    assert rows[1:] == [
        ["L02", "", "", "", "2", "6", "1", "9", "9", "11"],
        ["L13", "", "", "", "", "", "", "", "0", "11"],
    ]
