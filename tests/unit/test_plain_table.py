"""The report's text tables (allyship/instructor/plain_table.py): what each cell shows, how the
columns line up, when the row labels appear."""

from __future__ import annotations

import numpy as np
import pandas as pd

from allyship.instructor.plain_table import plain_table


def test_numbers_right_text_left_missing_as_a_dash_two_spaces_apart():
    frame = pd.DataFrame(
        {
            "points": [1.0, np.nan, 22.456],
            "n": [1, 20, 3],
            "done": [True, False, True],
            "option": ["Ask her", None, "Wait\nand see"],
            "when": pd.to_datetime(["2026-03-01 09:00", None, "2026-03-02 17:30"]),
        },
        index=pd.Index(["alice", "b", "carol-long"], name="learner"),
    )
    frame.columns.name = "module"
    assert plain_table(frame).splitlines() == [
        "learner     points   n   done  option        when",
        "alice         1.00   1   True  Ask her       2026-03-01 09:00:00",
        "b                -  20  False  -             -",
        "carol-long   22.46   3   True  Wait and see  2026-03-02 17:30:00",
    ]


def test_the_plain_numbering_of_rows_is_left_out_other_labels_are_shown():
    frame = pd.DataFrame({"item": ["q1", "q10"], "share": [0.5, 0.25]})
    assert plain_table(frame).splitlines() == ["item  share", "q1     0.50", "q10    0.25"]
    assert plain_table(frame, index=True).splitlines()[1] == "0  q1     0.50"
    numbered = frame.set_axis(pd.RangeIndex(1, 3))  # not 0, 1, 2 ...: it says something
    assert plain_table(numbered).splitlines()[2] == "2  q10    0.25"
    two = frame.set_index(["item", "share"], drop=False)
    assert plain_table(two).splitlines()[0] == "item / share  item  share"
    assert plain_table(two).splitlines()[1] == "q1 0.50       q1     0.50"


def test_a_column_of_numbers_held_as_objects_lines_up_as_numbers():
    summary = pd.DataFrame({"agreed": [12, "-"], "quoted": ["-", 3.5], "item": ["r1", 2]})
    assert plain_table(summary).splitlines() == [
        "agreed  quoted  item",
        "    12       -  r1",
        "     -    3.50  2",
    ]  # a dash already written in for a missing number is still a missing number


def test_missing_values_of_every_kind_show_as_a_dash():
    frame = pd.DataFrame(
        {
            "a": pd.array([1, None], dtype="Int64"),
            "b": pd.Series([pd.NA, "x"], dtype="string"),
            "c": pd.Categorical(["q1", None]),
            "d": [None, float("nan")],
            "e": pd.to_timedelta(["1h", None]),
        }
    )
    assert plain_table(frame).splitlines() == [
        "a  b  c   d  e",
        "1  -  q1  -  0 days 01:00:00",
        "-  x  -   -  -",
    ]


def test_a_table_of_ten_thousand_rows_keeps_every_row_and_one_width_per_column():
    rng = np.random.default_rng(3)
    values = rng.integers(0, 1200, size=(10_000, 3)) / 100
    values[rng.random(values.shape) < 0.1] = np.nan
    frame = pd.DataFrame(values, columns=["01_a", "02_bb", "03_ccc"])
    frame.index = pd.Index([f"S{n:05d}" for n in range(10_000)], name="learner")
    lines = plain_table(frame).splitlines()
    assert len(lines) == 10_001 and len({len(line) for line in lines}) == 1
    assert lines[0] == "learner   01_a  02_bb  03_ccc"  # the numbers are 5 wide: 11.99
    row = 9_999
    shown = ["-" if np.isnan(v) else f"{v:.2f}" for v in values[row]]
    assert lines[row + 1].split() == [f"S{row:05d}", *shown]


def test_times_are_written_as_timestamps_write_them_to_the_second_or_finer():
    whole = pd.to_datetime(["2026-03-01 09:00:05", None, "1999-12-31 23:59:59"])
    finer = pd.to_datetime(["2026-03-01 09:00:05.250", None])
    for times in (whole, whole.as_unit("us"), finer):
        frame = pd.DataFrame({"when": times, "n": range(len(times))})
        expected = ["-" if t is pd.NaT else str(t) for t in times]
        shown = [line.rsplit("  ", 1)[0].rstrip() for line in plain_table(frame).splitlines()]
        assert shown[1:] == expected  # each time as pandas writes it, a dash for none
    assert "2026-03-01 09:00:05.250000" in plain_table(pd.DataFrame({"when": finer}))
