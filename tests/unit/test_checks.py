"""The helpers nbgrader's test cells call: silent for learners, plain AssertionErrors for
nbgrader, never a return value, never stderr."""

from __future__ import annotations

import pytest

from allyship import AnswerCheckFailed, check_answered, check_choice, check_choices, check_written


def test_checks_never_raise_in_a_learners_session(store, capsys):
    # Nothing answered, and not under nbgrader: "Run all" must not stop here.
    assert check_answered("q1", store=store) is None
    assert check_choice("q1", "right", store=store) is None
    assert check_choices("q2", ["a"], store=store) is None
    assert check_written("r1", store=store) is None
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("mode", ["validate", "autograde"])
def test_unanswered_says_so_in_plain_words(store, monkeypatch, mode):
    monkeypatch.setenv("NBGRADER_EXECUTION", mode)
    with pytest.raises(AssertionError) as err:
        check_answered("q3", store=store)
    assert isinstance(err.value, AnswerCheckFailed)
    message = " ".join(str(err.value).split())
    assert message == (
        "Question 3 has no answer yet. Go back to Question 3, choose an answer, and it is "
        "saved automatically."
    )
    assert all(len(line) <= 62 for line in str(err.value).splitlines())


def test_answered_passes_whatever_the_answer(store, grading, capsys):
    store.set("q1", "any option at all")
    assert check_answered("q1", store=store) is None  # reveals nothing about correctness
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("value", ["", "   ", []])
def test_blank_answers_count_as_unanswered(store, grading, value):
    store.set("q1", value)
    with pytest.raises(AnswerCheckFailed, match="no answer yet"):
        check_answered("q1", store=store)


def test_check_choice(store, grading, capsys):
    store.set("q1", "Listen  more, speak less ")
    assert check_choice("q1", "listen more, speak less", store=store) is None
    store.set("q1", "Speak first")
    with pytest.raises(AnswerCheckFailed) as err:
        check_choice("q1", "listen more, speak less", store=store)
    assert "is not the one the course" in str(err.value)
    assert "listen more" not in str(err.value).lower()  # the message never gives the answer
    assert capsys.readouterr().err == ""


def test_check_choices_all_or_nothing(store, grading):
    store.set("q2", ["b", "a"])
    assert check_choices("q2", ["a", "b"], store=store) is None
    store.set("q2", ["a"])
    with pytest.raises(AnswerCheckFailed):
        check_choices("q2", ["a", "b"], store=store)
    store.set("q2", ["a", "b", "c"])
    with pytest.raises(AnswerCheckFailed):
        check_choices("q2", ["a", "b"], store=store)


def test_check_written(store, grading):
    with pytest.raises(AnswerCheckFailed, match="Reflection 1 is empty"):
        check_written("r1", store=store)
    store.set("r1", "Three words here")
    assert check_written("r1", store=store) is None
    with pytest.raises(AnswerCheckFailed, match="has 3 words so far; write at least 10"):
        check_written("r1", min_words=10, store=store)


def test_a_wrong_kind_of_value_fails_cleanly(store, grading):
    store.set("q1", ["a", "list"])  # e.g. a tampered file: a list where one option belongs
    with pytest.raises(AnswerCheckFailed):
        check_choice("q1", "a", store=store)
    store.set("r1", ["not", "text"])
    with pytest.raises(AnswerCheckFailed, match="empty"):
        check_written("r1", store=store)
