"""Item ids and saved values the instructor's tools read as well as the widgets that write them.

Here, apart from the widgets, so that reading them imports nothing: the report and the cohort
view (pandas, no ipywidgets) take them from this module, and the widgets
(:mod:`.widgets.audit`, :mod:`.widgets.consent`) from the same lines.
"""

from __future__ import annotations

#: the consent box's item id, and the values it saves
CONSENT_ID = "share"
YES, NO = "yes", "no"

#: the five everyday-practice questions (keys into strings.TEXT: ``audit.qN`` / ``audit.shortN``)
AUDIT_QUESTIONS = 5
#: the rating scale, in order; the last option ("not sure yet") is not ranked
AUDIT_SCALE = (
    "audit.scale.1",
    "audit.scale.2",
    "audit.scale.3",
    "audit.scale.4",
    "audit.scale.5",
)
AUDIT_RANKED = 4


def audit_id(n: int, take: int = 1) -> str:
    """The item id of question ``n`` in take ``take``: ``a3`` for the first, ``a3-2`` later."""
    return f"a{n}" if take == 1 else f"a{n}-{take}"
