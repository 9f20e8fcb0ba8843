"""allyship: the course kit imported by every module notebook.

Learner notebooks import only what they show::

    from allyship import Choice, Practice, Reflection, check_answered, open_responses, ...

The kit stays light (no pandas, no matplotlib) so a module opens fast.
"""

from .checks import check_answered, check_choice, check_choices, check_written
from .errors import (
    AllyshipError,
    AnswerCheckFailed,
    AnswerKeyError,
    CourseNotFoundError,
    InvalidResponseError,
    SaveFailedError,
    UnknownModuleError,
)
from .session import open_responses
from .store import ResponseStore, default_store
from .widgets import (
    ActionPlan,
    Choice,
    Consent,
    LandRecord,
    Practice,
    Reflection,
    Rewrite,
    SelfAudit,
)

__version__ = "0.1.0"

__all__ = [
    "ActionPlan",
    "AllyshipError",
    "AnswerCheckFailed",
    "AnswerKeyError",
    "Choice",
    "Consent",
    "CourseNotFoundError",
    "InvalidResponseError",
    "LandRecord",
    "Practice",
    "Reflection",
    "ResponseStore",
    "Rewrite",
    "SaveFailedError",
    "SelfAudit",
    "UnknownModuleError",
    "check_answered",
    "check_choice",
    "check_choices",
    "check_written",
    "default_store",
    "open_responses",
]
