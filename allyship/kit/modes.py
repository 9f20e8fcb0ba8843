"""Where the kit is running: a learner's session, nbgrader's Validate, or autograde.

nbgrader sets ``NBGRADER_EXECUTION`` to ``"validate"`` or ``"autograde"`` in the environment of
the kernel it starts (``validator.py``, ``converters/autograde.py``). The kit reads it to decide
two things: checks raise only when nbgrader is asking (so "Run all" never stops on an unanswered
question in a learner's session), and widgets print plain text instead of controls under
autograde (so formgrader and the feedback page show what the learner wrote).
"""

from __future__ import annotations

import os

AUTOGRADE = "autograde"
VALIDATE = "validate"


def grading_mode() -> str | None:
    """Return ``"autograde"``, ``"validate"`` or ``None`` (a learner's own session)."""
    mode = os.environ.get("NBGRADER_EXECUTION", "").strip().lower()
    return mode if mode in (AUTOGRADE, VALIDATE) else None


def is_grading() -> bool:
    """True while nbgrader runs the notebook (Validate or autograde)."""
    return grading_mode() is not None


def is_autograding() -> bool:
    """True while nbgrader's autograde re-runs a submission headless."""
    return grading_mode() == AUTOGRADE
