"""The land-acknowledgement research record (module 07).

The learner looks up whose land they are on (the links are in the reading; nothing is fetched
here), writes down what they found and one concrete commitment, and checks the record against a
meaningful-versus-performative checklist. The check looks only at what is filled in and ticked:
whose land it is, and how the names are said, are never judged by the course.
"""

from __future__ import annotations

import ipywidgets as W

from ..store import ResponseStore
from ..strings import t
from ..text import escape
from .base import guarded
from .record import Field, Record

#: field suffix -> (kind, label key); each is saved as ``<item_id>-<suffix>``
FIELDS = (
    ("place", "line"),
    ("nations", "text"),
    ("pronunciation", "text"),
    ("status", "radio"),
    ("treaty", "line"),
    ("sources", "line"),
    ("relationship", "text"),
    ("commitment", "text"),
    ("checklist", "checks"),
)
OPTIONAL = ("place", "relationship")
STATUS = ("historic", "modern", "unceded", "mixed", "unknown")
CHECKLIST = 7


class LandRecord(Record):
    """What the learner found out about the land they are on, and what they will do about it."""

    def __init__(self, item_id: str, prompt: str, *, store: ResponseStore | None = None):
        fields = []
        for suffix, kind in FIELDS:
            options: list[str] = []
            if suffix == "status":
                options = [t(f"land.status.{s}") for s in STATUS]
            elif suffix == "checklist":
                options = [t(f"land.check.{n}") for n in range(1, CHECKLIST + 1)]
            fields.append(
                Field(
                    f"{item_id}-{suffix}",
                    t(f"land.{suffix}"),
                    kind,
                    options,
                    t(f"land.help.{suffix}"),
                )
            )
        self.feedback = W.HTML()
        self.feedback.add_class("allyship-feedback")
        self.check_button = W.Button(description=t("control.check_record"), icon="check")
        self.check_button.on_click(self._on_check)
        super().__init__(item_id, prompt, fields, label=t("land.title"), store=store)

    def parts(self) -> list[W.Widget]:
        return super().parts()[:-1] + [self.check_button, self.feedback, self.status]

    def field_id(self, suffix: str) -> str:
        return f"{self.item_id}-{suffix}"

    def notes(self) -> list[str]:
        """Sentences on how complete the record is: what is still empty, what is not ticked."""
        empty = [
            self.fields[self.field_id(s)].label
            for s, kind in FIELDS
            if kind != "checks" and s not in OPTIONAL and self.value(self.field_id(s)) is None
        ]
        ticked = self.value(self.field_id("checklist")) or []
        unticked = [o for o in self.fields[self.field_id("checklist")].options if o not in ticked]
        notes = [t("land.feedback.empty", fields="; ".join(empty))] if empty else []
        notes += [t("land.feedback.unticked", item=o) for o in unticked]
        if not notes:
            notes.append(t("land.feedback.complete"))
        return notes + [t("land.feedback.note")]

    @guarded
    def _on_check(self, _button: W.Button) -> None:
        items = "".join(f"<li>{escape(n)}</li>" for n in self.notes())
        self.feedback.value = f'<div role="status" aria-live="polite"><ul>{items}</ul></div>'
