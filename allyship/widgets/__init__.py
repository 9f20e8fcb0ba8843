"""The course's widgets (ipywidgets), one file per family."""

from .base import Item
from .choice import Choice, Practice
from .text import Reflection, Rewrite, framing_feedback

__all__ = ["Choice", "Item", "Practice", "Reflection", "Rewrite", "framing_feedback"]

# practice tools (modules 05-07): records that save several answers each
from .audit import SelfAudit  # noqa: E402
from .land import LandRecord  # noqa: E402
from .plan import ActionPlan  # noqa: E402
from .record import Field, Record  # noqa: E402

__all__ += ["ActionPlan", "Field", "LandRecord", "Record", "SelfAudit"]

# consent to share reflections, unnamed, in the facilitator's cohort view
from .consent import Consent  # noqa: E402

__all__ += ["Consent"]
