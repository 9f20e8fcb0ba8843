"""The course's widgets (ipywidgets), one file per family."""

from .audit import SelfAudit
from .base import Item
from .choice import Choice, Practice
from .consent import Consent
from .land import LandRecord
from .plan import ActionPlan
from .radio import RadioGroup
from .record import Field, Record
from .text import Reflection, Rewrite, framing_feedback

__all__ = [
    "ActionPlan",
    "Choice",
    "Consent",
    "Field",
    "Item",
    "LandRecord",
    "Practice",
    "RadioGroup",
    "Record",
    "Reflection",
    "Rewrite",
    "SelfAudit",
    "framing_feedback",
]
