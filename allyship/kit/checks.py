"""What nbgrader's test cells call.

A module's test cell for question ``q3`` looks like this in ``source/``::

    check_answered("q3")
    ### BEGIN HIDDEN TESTS
    check_choice("q3", "The option text that is right")
    ### END HIDDEN TESTS

The expected answer arrives as an argument and lives only in the hidden region, so
``generate_assignment`` removes it from the learner's copy; ``allyship key`` reads it back from
``source/``. The rules of nbgrader's scoring shape every function here (``utils.determine_grade``):

* a failed check raises :class:`AnswerCheckFailed` (an ``AssertionError``) with a sentence a
  learner understands: any error output scores the cell 0;
* a passed check returns ``None``: a trailing number would read as partial credit;
* nothing is written to stderr: any stderr output also scores the cell 0.

In a learner's own session (not Validate, not autograde) checks do nothing at all: JupyterLab's
"Run all" stops at the first error, and an unanswered question must never stop a learner.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from ..errors import AnswerCheckFailed
from .modes import is_grading
from .store import ResponseStore, default_store
from .strings import item_label, t
from .text import word_count


def check_answered(item_id: str, *, store: ResponseStore | None = None) -> None:
    """Fail when ``item_id`` has no answer. Says nothing about whether the answer is right."""
    if not is_grading():
        return None
    value = (store or default_store()).get(item_id)
    if value is None or value == [] or (isinstance(value, str) and not value.strip()):
        raise _fail(t("check.unanswered", label=item_label(item_id)))
    return None


def check_choice(item_id: str, expected: str, *, store: ResponseStore | None = None) -> None:
    """Fail unless the chosen option of ``item_id`` is ``expected`` (a hidden test)."""
    if not is_grading():
        return None
    check_answered(item_id, store=store)
    value = (store or default_store()).get(item_id)
    if not isinstance(value, str) or _norm(value) != _norm(expected):
        raise _fail(t("check.incorrect", label=item_label(item_id)))
    return None


def check_choices(
    item_id: str, expected: Iterable[str], *, store: ResponseStore | None = None
) -> None:
    """Fail unless exactly the options in ``expected`` were ticked (order does not matter)."""
    if not is_grading():
        return None
    check_answered(item_id, store=store)
    value = (store or default_store()).get(item_id)
    chosen = [value] if isinstance(value, str) else list(value or [])
    if {_norm(v) for v in chosen} != {_norm(v) for v in expected}:
        raise _fail(t("check.incorrect", label=item_label(item_id)))
    return None


def check_written(item_id: str, *, min_words: int = 1, store: ResponseStore | None = None) -> None:
    """Fail when a reflection is empty or shorter than ``min_words``.

    This is a completeness check for Validate, never a judgement of what was written: a person
    grades reflections against the published rubric.
    """
    if not is_grading():
        return None
    value = (store or default_store()).get(item_id)
    text = value if isinstance(value, str) else ""
    words = word_count(text)
    if words == 0:
        raise _fail(t("check.empty_text", label=item_label(item_id)))
    if words < min_words:
        raise _fail(t("check.too_short", label=item_label(item_id), words=words, minimum=min_words))
    return None


def _fail(message: str) -> AnswerCheckFailed:
    """The error to raise, its sentence wrapped so Validate's 90-column view never cuts it."""
    return AnswerCheckFailed("\n".join(textwrap.wrap(message, width=62)))


def _norm(text: str) -> str:
    """Compare option texts without tripping on spacing or letter case."""
    return " ".join(str(text).split()).casefold()
