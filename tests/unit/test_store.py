"""responses.json: atomic saves, damaged files kept aside, unicode, empty files."""

from __future__ import annotations

import json
import os

import pytest

from allyship import InvalidResponseError, ResponseStore, SaveFailedError
from allyship.kit.store import MAX_BYTES, default_store


def read(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_missing_file_is_no_answers_yet(store):
    assert store.load() == {}
    assert store.notice is None
    assert not store.path.exists()


def test_set_saves_at_once_and_reads_back(store, tmp_path):
    store.set("q1", "Listen more, speak less")
    store.set("q2", ["a", "b"])
    assert read(store.path) == {"q1": "Listen more, speak less", "q2": ["a", "b"]}
    again = ResponseStore(tmp_path / "responses.json")
    assert again.get("q1") == "Listen more, speak less"
    assert again.get("q2") == ["a", "b"]


def test_none_forgets_an_answer(store):
    store.set("q1", "x")
    store.set("q1", None)
    assert read(store.path) == {}


def test_unicode_round_trips_unescaped(store):
    text = (
        "Kwak\u02bcwala, Anishinaabemowin, \u1403\u14c4\u1483\u144e\u1450\u1466"
        " \u2014 \u00e9t\u00e9 \U0001f331"
    )
    store.set("r1", text)
    assert text in store.path.read_text(encoding="utf-8")  # stored as written, not \u-escaped
    assert ResponseStore(store.path).get("r1") == text


@pytest.mark.parametrize("content", [b"", b"  \n"])
def test_empty_file_is_no_answers_and_not_damage(tmp_path, content):
    path = tmp_path / "responses.json"
    path.write_bytes(content)
    s = ResponseStore(path)
    assert s.load() == {}
    assert s.notice is None
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"q1": "half a sent', "not in the expected format"),
        (b"\xff\xfe\x00garbage", "not plain text"),
        (b'["q1", "a list"]', "does not hold a set of answers"),
    ],
)
def test_damaged_file_is_kept_aside_and_learner_told(tmp_path, content, reason):
    path = tmp_path / "responses.json"
    path.write_bytes(content)
    s = ResponseStore(path)
    assert s.load() == {}
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("responses.damaged-")]
    assert len(aside) == 1 and aside[0].read_bytes() == content  # kept, byte for byte
    assert reason in s.notice and aside[0].name in s.notice
    s.set("q1", "new")  # a fresh file starts; the damaged one is untouched
    assert read(path) == {"q1": "new"} and aside[0].read_bytes() == content


def test_wrong_value_types_are_left_out_and_a_copy_kept(tmp_path):
    path = tmp_path / "responses.json"
    path.write_text(json.dumps({"q1": "fine", "q2": 3, "q3": ["a", 1], "r1": {"x": 1}}))
    s = ResponseStore(path)
    assert s.load() == {"q1": "fine"}
    assert "q2, q3, r1" in s.notice
    copies = list(tmp_path.glob("responses.damaged-*.json"))
    assert len(copies) == 1 and json.loads(copies[0].read_text())["q2"] == 3


def test_huge_file_is_not_loaded_but_kept(tmp_path):
    path = tmp_path / "responses.json"
    with open(path, "wb") as f:
        f.truncate(MAX_BYTES + 1)
    s = ResponseStore(path)
    assert s.load() == {}
    assert "far larger" in s.notice
    assert next(tmp_path.glob("responses.damaged-*.json")).stat().st_size == MAX_BYTES + 1


def test_two_damaged_files_in_one_second_both_kept(tmp_path):
    path = tmp_path / "responses.json"
    for content in (b"{bad one", b"{bad two"):
        path.write_bytes(content)
        ResponseStore(path).load()
    kept = sorted(p.read_bytes() for p in tmp_path.glob("responses.damaged-*.json"))
    assert kept == [b"{bad one", b"{bad two"]


@pytest.mark.parametrize("value", [3, {"a": 1}, ["a", 2], b"bytes"])
def test_wrong_shapes_are_refused_in_plain_words(store, value):
    with pytest.raises(InvalidResponseError, match="can only be saved as text or a list"):
        store.set("q1", value)
    assert not store.path.exists()


def test_save_is_atomic_no_temp_files_left(store, tmp_path):
    for n in range(20):
        store.set("r1", "word " * n)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["responses.json"]


def test_failed_write_keeps_old_file_and_says_why(store, monkeypatch):
    store.set("q1", "kept")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(SaveFailedError, match="No space left on device"):
        store.set("q1", "lost?")
    assert read(store.path) == {"q1": "kept"}
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["responses.json"]


def test_answers_written_by_another_session_are_merged_not_overwritten(tmp_path):
    path = tmp_path / "responses.json"
    first, second = ResponseStore(path), ResponseStore(path)
    first.set("q1", "from the first tab")
    second.set("q2", "from the second tab")
    os.utime(path, ns=(1, 1))  # make sure the change is visible even within one clock tick
    first.set("q3", "first again")
    assert read(path) == {
        "q1": "from the first tab",
        "q2": "from the second tab",
        "q3": "first again",
    }


def test_default_store_is_the_file_in_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = default_store()
    assert s.path == (tmp_path / "responses.json").resolve()
    assert default_store() is s
