"""Records: one widget that asks several things, each saved under its own item id.

The self-audit, the land-acknowledgement record and the action plan each gather several answers
(a rating per question, a line per field). The responses.json contract holds only text or lists
of text, so each field is its own item (``a1``, ``e1-nations`` ...) and the record is the widget
that lays them out, saves each on change, restores each, and prints them all as plain text for
graders under autograde.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

import ipywidgets as W

from ..store import ResponseStore, Value
from ..strings import t
from ..text import escape
from .base import Item, guarded
from .group import CheckGroup, RadioGroup

_WIDE = W.Layout(width="100%")
_LABELLED = {"description_width": "initial"}
#: fields drawn as a group of options; their help is the group's description
OPTION_KINDS = ("scale", "radio", "checks")


@dataclass
class Field:
    """One answer inside a record.

    ``kind`` is ``"line"`` (one line of text), ``"text"`` (several lines), ``"scale"`` (one
    option, laid out in a row), ``"radio"`` (one option, in a column) or ``"checks"`` (any
    number of options). ``options`` are texts, or ``(shown, saved)`` pairs when the text on
    screen must be shorter than the text saved. ``help`` is a sentence shown under the control
    (for the option kinds, under the group's name, before its options).
    """

    item_id: str
    label: str
    kind: str = "text"
    options: Sequence[str | tuple[str, str]] = ()
    help: str = ""
    pairs: list[tuple[str, str]] = field(init=False)

    def __post_init__(self) -> None:
        pairs = [(o, o) if isinstance(o, str) else (str(o[0]), str(o[1])) for o in self.options]
        self.pairs, seen = [], set()
        for shown, kept in pairs:  # two long texts shortened alike stay two options
            unique, n = shown, 1
            while unique in seen:
                n += 1
                unique = f"{shown} ({n})"
            seen.add(unique)
            self.pairs.append((unique, kept))


class Record(Item):
    """A group of fields, each saved under its own item id as soon as it changes.

    ``controls[field_id]`` is the field's control: a ``Text``, ``Textarea``, ``RadioGroup`` or
    (for ``"checks"``) ``CheckGroup``; set its ``.value`` as a learner's typing or click would.
    """

    def __init__(
        self,
        item_id: str,
        prompt: str,
        fields: Sequence[Field],
        *,
        label: str | None = None,
        store: ResponseStore | None = None,
    ):
        super().__init__(item_id, prompt, store=store)
        if label:
            self.label = label
        self.fields = {f.item_id: f for f in fields}
        self.controls: dict[str, W.Widget] = {}
        self.helps: dict[str, W.HTML] = {}
        self._syncing = False
        for f in fields:
            self.controls[f.item_id] = self._make(f)
            beside = f.help and f.kind not in OPTION_KINDS  # an option group holds its own
            self.helps[f.item_id] = W.HTML(f"<p><em>{escape(f.help)}</em></p>" if beside else "")
        self.restore()
        self.children = self.parts()

    # -- building ----------------------------------------------------------------------------
    def _make(self, f: Field) -> W.Widget:
        on_change = functools.partial(self._on_change, f.item_id)
        if f.kind == "checks":
            control = CheckGroup(
                options=[shown for shown, _ in f.pairs],
                description=f.label,
                hint=f.help,
                layout=W.Layout(width="auto", max_width="100%"),
            )
            control.observe(on_change, names="value")
            return control
        if f.kind in ("scale", "radio"):
            control = RadioGroup(
                options=[shown for shown, _ in f.pairs],
                description=f.label,
                hint=f.help,
                orientation="horizontal" if f.kind == "scale" else "vertical",
                layout=W.Layout(width="auto", max_width="100%"),
            )
        elif f.kind == "line":
            control = W.Text(description=f.label, style=_LABELLED, layout=_WIDE)
        else:
            control = W.Textarea(description=f.label, rows=3, style=_LABELLED, layout=_WIDE)
        control.add_class("allyship-control")
        control.observe(on_change, names="value")
        return control

    def heading_html(self) -> str:
        return (
            f'<div class="allyship-prompt"><p><strong>{escape(self.label)}.</strong> '
            f"{escape(self.prompt)}</p></div>"
        )

    def parts(self) -> list[W.Widget]:
        """The heading, then each field with its help, then the status line."""
        heading = W.HTML(self.heading_html())
        heading.add_class("allyship-heading")
        parts: list[W.Widget] = [heading]
        for fid in self.fields:
            parts += [self.controls[fid], self.helps[fid]]
        return parts + [self.status]

    # -- values ------------------------------------------------------------------------------
    def value(self, field_id: str) -> Value | None:
        """The field's answer as saved: text, a list of texts, or ``None`` when empty."""
        f, control = self.fields[field_id], self.controls[field_id]
        saved = dict((shown, kept) for shown, kept in f.pairs)
        if f.kind == "checks":
            return [saved[shown] for shown in control.value] or None
        if f.kind in ("scale", "radio"):
            return saved.get(control.value) if control.value is not None else None
        return control.value if control.value.strip() else None

    def show_value(self, field_id: str, value: Value | None) -> list[str]:
        """Put ``value`` on screen without saving it; return saved texts that no longer fit."""
        f, control = self.fields[field_id], self.controls[field_id]
        shown_for = {kept: shown for shown, kept in f.pairs}
        was, self._syncing = self._syncing, True
        try:
            if f.kind == "checks":
                wanted = value if isinstance(value, list) else [value] if value else []
                control.value = [shown_for[v] for v in wanted if v in shown_for]
                return [v for v in wanted if v not in shown_for]
            if f.kind in ("scale", "radio"):
                if value is None or value in shown_for:
                    control.value = shown_for.get(value) if value is not None else None
                    return []
                return [str(value)]
            control.value = value if isinstance(value, str) else ""
            return []
        finally:
            self._syncing = was

    def restore(self) -> None:
        """Show every field's saved answer; say so if an old answer no longer fits."""
        missing: list[str] = []
        for fid in self.fields:
            missing += self.show_value(fid, self.store.get(fid))
        if missing:
            self.show_status(t("status.restored_missing", value=missing[0]), kind="error")
        elif any(self.store.get(fid) is not None for fid in self.fields):
            self.show_status(self.progress(), kind="ok")
        elif not self.store.notice:
            self.show_status(t("status.unanswered"))

    @guarded
    def _on_change(self, field_id: str, _change: dict) -> None:
        if self._syncing:
            return
        self.store.set(field_id, self.value(field_id))
        self.show_status(self.progress(), kind="ok")
        self.changed(field_id)

    def changed(self, field_id: str) -> None:
        """Hook: a field was changed by the learner and saved."""

    def progress(self) -> str:
        done = sum(self.value(fid) is not None for fid in self.fields)
        return t("record.progress", done=done, total=len(self.fields))

    # -- text for graders --------------------------------------------------------------------
    kind = "record"

    def answer_record(self) -> dict:
        fields = [
            {"id": fid, "label": f.label, "answer": self.store.get(fid)}
            for fid, f in self.fields.items()
        ]
        return {**super().answer_record(), "fields": fields}

    def plain_text(self) -> str:
        lines = [t("plain.record", label=self.label, prompt=self.prompt)]
        for fid, f in self.fields.items():
            value = self.value(fid)
            if isinstance(value, list):
                shown = "".join(f"\n    - {v}" for v in value)
            else:
                shown = value or t("plain.no_answer")
            lines.append(t("plain.field", label=f.label, value=shown))
        return "\n".join(line.rstrip() for line in "\n".join(lines).splitlines())
