"""The consent box: may this module's reflections appear, unnamed, in the cohort view?

Reflections are personal (DESIGN.md). Graders read them because the learner submits them; a
facilitator's anonymous cohort view may quote them only if the learner ticks this box, and only
in a group large enough that no one is singled out. The box starts unticked and nothing is
saved until the learner clicks: no answer means "not shared".

Saved like any answer under the item id ``share``: ``"yes"`` or ``"no"``.
"""

from __future__ import annotations

import ipywidgets as W

from ..item_ids import CONSENT_ID, NO, YES
from ..modes import is_grading
from ..store import ResponseStore
from ..strings import t
from ..text import escape
from .base import Item, guarded
from .home import BackToTop

ITEM_ID = CONSENT_ID  # see ..item_ids


class Consent(Item):
    """One checkbox whose label says exactly what is shared, with whom, and when."""

    def __init__(self, *, store: ResponseStore | None = None):
        super().__init__(ITEM_ID, t("consent.prompt"), store=store)
        self.label = t("consent.title")
        self._syncing = False
        self.control = W.Checkbox(
            value=self.store.get(ITEM_ID) == YES,
            description=t("consent.control"),
            indent=False,
            layout=W.Layout(width="auto", max_width="100%"),
        )
        self.control.add_class("allyship-control")
        self.control.observe(self._on_click, names="value")
        self.children = [self._explanation(), self.control, self.status]
        if not is_grading():  # the last widget of every module: Run all ends back at the top
            self.children = (*self.children, BackToTop())
        if not self.store.notice:
            self.show_status(self._state_message())

    def _explanation(self) -> W.HTML:
        box = W.HTML(
            f'<div class="allyship-prompt"><p><strong>{escape(self.label)}.</strong> '
            f"{escape(self.prompt)}</p><p><em>{escape(t('consent.hint'))}</em></p></div>"
        )
        box.add_class("allyship-heading")
        return box

    @property
    def shared(self) -> bool:
        """True only when the learner has ticked the box."""
        return self.store.get(ITEM_ID) == YES

    def _state_message(self) -> str:
        return t("consent.state_yes") if self.shared else t("consent.state_no")

    @guarded
    def _on_click(self, change: dict) -> None:
        self.store.set(ITEM_ID, YES if change["new"] else NO)
        self.show_status(self._state_message(), kind="ok")

    kind = "consent"

    def plain_text(self) -> str:
        return t("consent.plain", answer=t("consent.yes" if self.shared else "consent.no"))
