"""The report's answers reader (allyship/instructor/answers.py) reads what read_responses reads,
less what the report never needs; its cache gives the same frame and notices a changed file;
and the cohort view's faster excerpt is textwrap.shorten's, to the character."""

from __future__ import annotations

import json
import os
import pickle
import random
import shutil
import sqlite3
import textwrap
import threading

import numpy as np
import pandas as pd
import pytest

from allyship.instructor.answers import read_answers, read_early
from allyship.instructor.cohort import excerpt
from allyship.instructor.gradebook import load
from allyship.instructor.reports import summarise_report

from .synthetic import M1, M5, reflection_text

pytestmark = pytest.mark.xdist_group("analytics-synthetic")


def kept(responses: pd.DataFrame) -> pd.DataFrame:
    """read_responses's rows the report keeps: choices, ratings, consent, and the reflections
    of (learner, module) pairs whose consent box says yes."""
    r = responses
    yes = set(
        map(
            tuple,
            r.loc[(r["item"] == "share") & (r["value"] == "yes"), ["learner", "module"]].values,
        )
    )
    shared = [(a, b) in yes for a, b in zip(r["learner"], r["module"], strict=True)]
    mask = r["item"].str.match(r"^(q\d+|a\d+(-\d+)?|share)$") | (
        r["item"].str.match(r"^r\d+$") & pd.Series(shared, index=r.index)
    )
    return r.loc[mask].reset_index(drop=True)


def test_the_same_answers_as_read_responses_less_what_is_not_needed(synthetic, data, responses):
    answers = read_answers(synthetic, data)
    pd.testing.assert_frame_equal(answers.astype(object), kept(responses).astype(object))
    for column in ("module", "item", "value"):  # codes, categories in the text's order
        assert answers[column].cat.categories.is_monotonic_increasing
    texts = set(answers["value"])
    assert reflection_text("L01", M1) in texts  # L01 ticked the box in 01
    assert reflection_text("L07", M1) not in texts  # L07 said no
    assert reflection_text("L01", M5) in texts and reflection_text("L05", M5) not in texts
    assert not answers["item"].str.startswith("c").any()  # commitments are never read


def test_the_cache_gives_the_same_frames_and_notices_a_changed_file(synthetic, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(synthetic, course, ignore=shutil.ignore_patterns(".allyship"))
    cold = summarise_report(course)
    assert (course / ".allyship" / "answers.cache").is_file()
    assert (course / ".allyship" / "gradebook.cache").is_file()
    warm = summarise_report(course)
    pd.testing.assert_frame_equal(warm.responses, cold.responses)
    pd.testing.assert_frame_equal(warm.items.questions, cold.items.questions)
    uncached = summarise_report(course, cache=False)
    pd.testing.assert_frame_equal(uncached.difficulty, cold.difficulty)
    # L21 changes their answer to 01's q1 after the last report (a regrade would follow)
    path = course / "autograded" / "L21" / M1 / "responses.json"
    answers = json.loads(path.read_text())
    path.write_text(json.dumps({**answers, "q1": "D"}))
    os.utime(path, ns=(1, 1))  # even with an old time: the size changed
    after = summarise_report(course).items.distractors.set_index(["module", "item", "letter"])
    assert after.loc[(M1, "q1", "D"), "chosen"] == 1
    assert after.loc[(M1, "q1", "C"), "chosen"] == 8


def test_a_damaged_cache_is_read_around(synthetic, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(synthetic, course, ignore=shutil.ignore_patterns(".allyship"))
    first = summarise_report(course)
    (course / ".allyship" / "answers.cache").write_bytes(b"not a pickle")
    (course / ".allyship" / "gradebook.cache").write_bytes(b"")
    again = summarise_report(course)
    pd.testing.assert_frame_equal(again.responses, first.responses)


def _url(course) -> str:
    return f"sqlite:///{course / 'gradebook.db'}"


def _early(course, **kw):
    """read_early as the command line runs it (pytest-xdist's worker has threads of its own)."""
    return read_early(course, _url(course), with_threads=True, **kw)


def _kept_answers(folder):
    with open(folder / "answers.cache", "rb") as f:
        version, key, (pairs, stats, columns) = pickle.load(f)
    return (
        key,
        pairs,
        stats,
        {k: v.tolist() if hasattr(v, "tolist") else v for k, v in columns.items()},
    )


def test_answers_read_beside_the_gradebook_are_the_same_frame(synthetic, data, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(synthetic, course, ignore=shutil.ignore_patterns(".allyship"))
    early = _early(course, cache=tmp_path / "cache", minimum=0)
    # nothing kept: two processes, half the files each
    assert early is not None and len(early.processes) == 2
    assert os.getpid() not in {p.pid for p in early.processes}
    beside = early.result(data)
    early.finish()  # the report's own last step: no process left behind
    assert not any(p.is_alive() for p in early.processes)
    pd.testing.assert_frame_equal(beside, read_answers(course, data))
    # and what they read is kept as one reading of every file keeps it, to the last code
    read_answers(course, data, cache=tmp_path / "serial")
    assert _kept_answers(tmp_path / "cache") == _kept_answers(tmp_path / "serial")
    # with the answers kept, one process checks the files and reads the changed ones
    path = course / "autograded" / "L21" / M1 / "responses.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), "q1": "D"}))
    early = _early(course, cache=tmp_path / "cache", minimum=0)
    assert early is not None and len(early.processes) == 1
    pd.testing.assert_frame_equal(early.result(data), read_answers(course, data))
    early.finish()  # that process keeps the answers after sending them
    assert not any(p.is_alive() for p in early.processes)
    read_answers(course, data, cache=tmp_path / "serial")
    assert _kept_answers(tmp_path / "cache") == _kept_answers(tmp_path / "serial")
    # once the gradebook is cached, reading it is quick: the files are read here, after it
    summarise_report(course)
    assert _early(course, cache=course / ".allyship", minimum=0) is None
    assert _early(course, minimum=10**6) is None  # a small course: here too


def test_kept_answers_with_submissions_added_or_regraded_read_as_afresh(synthetic, data, tmp_path):
    """The cache brought up to date both ways a round of grading leaves it: the same
    submissions with some files rewritten, and a list of submissions that gained some."""
    from allyship.instructor.answers import _pairs, _read_columns

    course = tmp_path / "course"
    shutil.copytree(synthetic, course, ignore=shutil.ignore_patterns(".allyship"))
    root, pairs = str(course / "autograded"), _pairs(data)[2]
    cache = tmp_path / "cache"
    _read_columns(root, pairs[:-7], cache, None)  # seven submissions not yet in the gradebook
    learner, module = pairs[3]
    path = course / "autograded" / learner / module / "responses.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), "q1": "D"}))
    # first submissions added (and one rewritten), then the same ones (that one rewritten again)
    for n, answer in enumerate(["C", "B"]):
        path.write_text(json.dumps({**json.loads(path.read_text()), "q2": answer}))
        os.utime(path, ns=(n + 2, n + 2))  # the same size: the time tells
        kept = _read_columns(root, pairs, cache, None)
        fresh = _read_columns(root, pairs, None, None)
        texts = [kept["texts"][v] for v in kept["value"]]
        assert texts == [fresh["texts"][v] for v in fresh["value"]]
        assert kept["pair"].tolist() == fresh["pair"].tolist()
        items = [kept["items"][i] for i in kept["item"]]
        assert items == [fresh["items"][i] for i in fresh["item"]]
        rows = zip(kept["pair"].tolist(), items, texts, strict=True)
        assert [t for at, i, t in rows if at == 3 and i == "q2"] == [answer]  # read again


def test_the_halves_join_as_one_reading_codes_them():
    from allyship.instructor.answers import _joined

    first = {
        "pair": np.array([0, 0, 1]),
        "item": np.array([0, 1, 0]),
        "value": np.array([0, 1, 2]),
        "items": ["q1", "q2"],
        "texts": ["A", "B", "C"],
    }
    second = {"pair": np.array([0, 1]), "item": np.array([0, 1]), "value": np.array([0, 1]),
              "items": ["q3", "q1"], "texts": ["C", "D"]}  # fmt: skip
    joined = _joined(first, second, 2)
    assert joined["items"] == ["q1", "q2", "q3"] and joined["texts"] == ["A", "B", "C", "D"]
    assert joined["pair"].tolist() == [0, 0, 1, 2, 3]
    assert joined["item"].tolist() == [0, 1, 0, 2, 0]  # the second's q3 -> 2, q1 -> 0
    assert joined["value"].tolist() == [0, 1, 2, 2, 3]  # the second's C -> 2, D -> 3
    empty = {"pair": np.array([], dtype=int), "item": np.array([], dtype=int),
             "value": np.array([], dtype=int), "items": [], "texts": []}  # fmt: skip
    assert _joined(first, empty, 2)["pair"].tolist() == [0, 0, 1]


def test_answers_read_beside_a_gradebook_that_changed_meanwhile_are_read_again(
    synthetic, data, tmp_path
):
    course = tmp_path / "course"
    shutil.copytree(synthetic, course, ignore=shutil.ignore_patterns(".allyship"))
    early = _early(course, minimum=0)
    with sqlite3.connect(course / "gradebook.db") as con:  # a submission gone meanwhile
        con.execute("DELETE FROM submitted_assignment WHERE student_id = 'L01'")
    now = load(_url(course))
    assert len(now.submissions) < len(data.submissions)
    pd.testing.assert_frame_equal(early.result(now), read_answers(course, now))
    # and a second process that fails (here: killed) leaves the reading to this one
    for killed in (0, 1):  # either of the two
        early = _early(course, minimum=0)
        early.processes[killed].kill()
        pd.testing.assert_frame_equal(early.result(data), read_answers(course, data))


def test_no_second_process_is_forked_beside_other_threads(synthetic, tmp_path):
    # as in a Jupyter kernel (the dashboard): its threads may hold locks a fork would copy
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert read_early(synthetic, _url(synthetic), minimum=0) is None
    finally:
        stop.set()
        other.join()


def test_a_report_reads_beside_the_gradebook_and_an_error_leaves_no_second_process(
    synthetic, tmp_path, monkeypatch
):
    from allyship.instructor import answers
    from allyship.instructor import gradebook as G

    course = tmp_path / "course"
    shutil.copytree(synthetic, course, ignore=shutil.ignore_patterns(".allyship"))
    started = []

    def early(*args, **kw):  # summarise_report's own call, on this small course, in pytest
        started.append(answers_read_early(*args, **kw, minimum=0, with_threads=True))
        return started[-1]

    serial = summarise_report(course, cache=False)  # a small course: read after the gradebook
    answers_read_early = answers.read_early
    monkeypatch.setattr(answers, "read_early", early)
    report = summarise_report(course)
    assert started[0] is not None and not any(p.is_alive() for p in started[0].processes)
    pd.testing.assert_frame_equal(report.responses, serial.responses)
    pd.testing.assert_frame_equal(report.difficulty, serial.difficulty)
    # the gradebook cannot be read: the report stops, and the second process with it
    shutil.rmtree(course / ".allyship")

    def broken(*args, **kw):
        raise G.NoGradebookError("the gradebook is damaged")

    monkeypatch.setattr(G, "load", broken)
    with pytest.raises(G.NoGradebookError):
        summarise_report(course)
    assert started[1] is not None
    assert not any(p.is_alive() for p in started[1].processes)
    assert all(conn.closed for conn in started[1].conns)


def test_a_shorter_excerpt_is_textwrap_shorten_exactly():
    """With and without hyphens (where textwrap may break a line), with words longer than the
    width, and at tiny widths where the placeholder decides what is left."""
    rng = random.Random(20)
    odd = ["well-meaning", "co-op", "x" * 300, "y" * 279, "anti-racist-work", "\t", "-", "\u00a0"]
    for n in range(6000):
        letters = "abcdefg -" if n % 2 else "abcdefgh "
        text = " ".join(
            rng.choice(odd)
            if rng.random() < (0.3 if n % 2 else 0.02)
            else "".join(rng.choice(letters) for _ in range(rng.randint(1, 12)))
            for _ in range(rng.randint(1, 90))
        )
        assert excerpt(text) == textwrap.shorten(text, width=280, placeholder=" \u2026"), text
    for width in (1, 2, 3, 5, 10):
        for _ in range(500):
            text = " ".join("ab"[: rng.randint(1, 2)] * rng.randint(1, 3) for _ in range(8))
            assert excerpt(text, width) == textwrap.shorten(text, width, placeholder=" \u2026")
