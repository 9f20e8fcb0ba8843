"""The course's widgets (ipywidgets), one file per family."""

from .audit import SelfAudit
from .base import Item
from .choice import Choice, Practice
from .consent import Consent
from .group import CheckGroup, RadioGroup
from .handin import HandIn, StorageNote
from .land import LandRecord
from .plan import ActionPlan
from .record import Field, Record
from .text import Reflection, Rewrite, framing_feedback

__all__ = [
    "ActionPlan",
    "CheckGroup",
    "Choice",
    "Consent",
    "Field",
    "HandIn",
    "Item",
    "LandRecord",
    "Practice",
    "RadioGroup",
    "Record",
    "Reflection",
    "Rewrite",
    "SelfAudit",
    "StorageNote",
    "framing_feedback",
]
