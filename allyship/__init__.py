"""allyship: the course kit, and the tools around it.

Module notebooks import only what they show, from here::

    from allyship import Choice, Practice, Reflection, check_answered, open_responses, ...

The package is laid out by who each part serves (docs/architecture.md):

* :mod:`allyship.kit` — the learner's kit, which runs inside a learner's kernel (and under
  nbgrader's Validate and autograde): the answers store, the widgets, the checks, the strings;
* :mod:`allyship.course` — the course and its authoring: finding the course and its modules, the
  cell factory, the answer key, the rubric, text every module shares;
* :mod:`allyship.grading` — what runs when submissions are graded: the plan, the workers, the one
  gradebook writer, repair, and the feedback page's scrubbing;
* :mod:`allyship.instructor` — instructors' and facilitators' tools: gradebook frames, reports,
  item export, the cohort view, the facilitator kit, handouts;
* :mod:`allyship.cli` — the ``allyship`` command, one verb pattern over the packages above.

The names below are loaded on first use, so ``allyship key`` or ``nbgrader`` loading this
package for :mod:`allyship.grading.feedback` never pays for ipywidgets.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

#: public name -> the module that defines it
_EXPORTS = {
    **dict.fromkeys(
        (
            "ActionPlan",
            "Choice",
            "Consent",
            "HandIn",
            "LandRecord",
            "Practice",
            "Reflection",
            "Rewrite",
            "SelfAudit",
            "StorageNote",
        ),
        "allyship.kit.widgets",
    ),
    **dict.fromkeys(
        ("check_answered", "check_choice", "check_choices", "check_written"), "allyship.kit.checks"
    ),
    "open_responses": "allyship.kit.session",
    "ResponseStore": "allyship.kit.store",
    "default_store": "allyship.kit.store",
    **dict.fromkeys(
        (
            "AllyshipError",
            "AnswerCheckFailed",
            "AnswerKeyError",
            "CourseNotFoundError",
            "InvalidResponseError",
            "SaveFailedError",
            "UnknownModuleError",
        ),
        "allyship.errors",
    ),
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'allyship' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
