"""allyship: the course kit imported by every module notebook.

Learner notebooks import only what they show::

    from allyship import Choice, Practice, Reflection, Rewrite, check_answered, ...

The kit stays light (no pandas, no matplotlib) so a module opens fast.
"""

from .checks import check_answered, check_choice, check_choices, check_written
from .errors import (
    AllyshipError,
    AnswerCheckFailed,
    AnswerKeyError,
    CourseNotFoundError,
    DamagedResponsesError,
    InvalidResponseError,
    SaveFailedError,
    UnknownModuleError,
)
from .session import open_responses
from .store import ResponseStore, default_store
from .widgets import Choice, Practice, Reflection, Rewrite

__version__ = "0.1.0"

__all__ = [
    "AllyshipError",
    "AnswerCheckFailed",
    "AnswerKeyError",
    "Choice",
    "CourseNotFoundError",
    "DamagedResponsesError",
    "InvalidResponseError",
    "Practice",
    "Reflection",
    "ResponseStore",
    "Rewrite",
    "SaveFailedError",
    "UnknownModuleError",
    "check_answered",
    "check_choice",
    "check_choices",
    "check_written",
    "default_store",
    "open_responses",
]

# practice tools (modules 05-07)
from .widgets import ActionPlan, LandRecord, SelfAudit  # noqa: E402

__all__ += ["ActionPlan", "LandRecord", "SelfAudit"]

# consent to share reflections, unnamed, in the facilitator's cohort view
from .widgets import Consent  # noqa: E402

__all__ += ["Consent"]
