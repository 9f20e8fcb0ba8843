"""The course's widgets (ipywidgets), one file per family."""

from .base import Item
from .choice import Choice, Practice
from .text import Reflection, Rewrite, framing_feedback

__all__ = ["Choice", "Item", "Practice", "Reflection", "Rewrite", "framing_feedback"]
