"""Choice widgets: single choice, select-all-that-apply, and their practice variants.

Graded choices give no hint of correctness: the key lives in nbgrader's hidden tests, never in
the learner's copy. Practice questions carry their explanations (they are not graded) and give
feedback at once, in words first ("Correct." / "Not quite."), never colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as W
from traitlets import List, Unicode, Union, observe

from ..store import ResponseStore
from ..strings import t
from ..text import escape
from .base import Item, guarded
from .group import CheckGroup, RadioGroup

_WIDE = W.Layout(width="auto", max_width="100%")


class Choice(Item):
    """A graded question: one option (``multiple=False``) or any number of them.

    ``answer`` is the chosen option's text (``None`` until chosen), or the list of ticked
    options' texts when ``multiple=True``. A click sets it; so does assigning it from Python.
    """

    answer = Union(
        [Unicode(), List(Unicode())],
        allow_none=True,
        default_value=None,
        help="The chosen option's text, or the ticked options' texts (multiple=True).",
    )

    hint_key = "hint.graded"
    kind = "choice"

    def __init__(
        self,
        item_id: str,
        prompt: str,
        options: Sequence[str],
        *,
        multiple: bool = False,
        store: ResponseStore | None = None,
    ):
        super().__init__(item_id, prompt, store=store)
        self.options = [str(o) for o in options]
        self.multiple = multiple
        self._syncing = False
        named = {"description": self.label, "show_description": False}  # the heading shows it
        if multiple:
            self.control = CheckGroup(
                options=self.options, hint=self.group_hint(), layout=_WIDE, **named
            )
        else:
            self.control = RadioGroup(options=self.options, layout=_WIDE, **named)
        self.control.observe(self._on_click, names="value")
        self.control.add_class("allyship-control")
        self.children = self.parts()
        self._restore()

    def group_hint(self) -> str:
        """The select-all hint for the group, or "" (one choice, or the prompt says it)."""
        hint = t("hint.select_all")
        if not self.multiple or hint.rstrip(".").lower() in self.prompt.lower():
            return ""
        return hint

    def parts(self) -> list[W.Widget]:
        return [self.heading(self.hint_key), self.control, self.status]

    # -- state -------------------------------------------------------------------------------
    def _restore(self) -> None:
        saved = self.store.get(self.item_id)
        if saved is None:
            return
        wanted = saved if isinstance(saved, list) else [saved]
        missing = [v for v in wanted if v not in self.options]
        kept = [v for v in wanted if v in self.options]
        if missing:
            self.show_status(t("status.restored_missing", value=missing[0]), kind="error")
        if kept:
            self._syncing = True  # restoring is not a new answer: no save
            try:
                self.answer = kept if self.multiple else kept[0]
            finally:
                self._syncing = False
            self.restored()

    def restored(self) -> None:
        """Hook: a saved answer was put back on screen."""
        self.show_status(t("status.saved"), kind="ok")

    @guarded
    def _on_click(self, change: dict) -> None:
        if not self._syncing:
            self.answer = change["new"]

    @observe("answer")
    def _answer_changed(self, change: dict) -> None:
        self._show_answer(change["new"])
        if not self._syncing:
            self._answer_saved(change["new"])

    def _show_answer(self, value: object) -> None:
        """Keep the on-screen controls in step with ``answer`` (set by click or by code)."""
        was, self._syncing = self._syncing, True
        try:
            self.control.value = list(value or []) if self.multiple else value
        finally:
            self._syncing = was

    @guarded
    def _answer_saved(self, value: object) -> None:
        self.save(value if value not in ([], "") else None)
        self.answered(value)

    def answered(self, value: object) -> None:
        """Hook: the learner chose something (practice questions give feedback here)."""

    def plain_text(self) -> str:
        value = self.answer
        if isinstance(value, list):
            shown = "; ".join(value) if value else t("plain.no_answer")
        else:
            shown = value or t("plain.no_answer")
        return t("plain.choice", label=self.label, prompt=self.prompt, answer=shown)


class Practice(Choice):
    """An ungraded question with instant feedback and an explanation for every option.

    ``options`` is a sequence of ``(text, correct, explanation)``. With ``multiple=True`` the
    learner ticks options and presses "Check my answer".
    """

    hint_key = "hint.practice"
    kind = "practice"

    def __init__(
        self,
        item_id: str,
        prompt: str,
        options: Sequence[tuple[str, bool, str]],
        *,
        multiple: bool = False,
        store: ResponseStore | None = None,
    ):
        self.key = {str(text): (bool(ok), str(why)) for text, ok, why in options}
        self.feedback = W.HTML()
        self.feedback.add_class("allyship-feedback")
        self.check_button = W.Button(description=t("control.check"), icon="check")
        self.check_button.on_click(self._on_check)
        super().__init__(item_id, prompt, list(self.key), multiple=multiple, store=store)

    def parts(self) -> list[W.Widget]:
        extra = [self.check_button] if self.multiple else []
        return super().parts()[:-1] + extra + [self.feedback, self.status]

    def restored(self) -> None:
        super().restored()
        self.give_feedback()

    def answered(self, value: object) -> None:
        if not self.multiple:
            self.give_feedback()
        else:
            self.feedback.value = ""

    @guarded
    def _on_check(self, _button: W.Button) -> None:
        self.give_feedback()

    def give_feedback(self) -> None:
        chosen = self.answer if isinstance(self.answer, list) else [self.answer]
        chosen = [c for c in chosen if c]
        if not chosen:
            self.feedback.value = self._feedback_html(t("feedback.choose_first"), [], "info")
            return
        right = {text for text, (ok, _) in self.key.items() if ok}
        lines = [t("feedback.option_yes", option=c, why=self.key[c][1]) for c in chosen]
        missed = (
            [o for o in self.options if o in right and o not in chosen] if self.multiple else []
        )
        lines += [t("feedback.option_missed", option=o, why=self.key[o][1]) for o in missed]
        if set(chosen) == right:
            verdict, kind = t("feedback.correct"), "correct"
        elif set(chosen) & right:
            verdict, kind = t("feedback.partly"), "partly"
        else:
            verdict, kind = t("feedback.incorrect"), "incorrect"
        self.feedback.value = self._feedback_html(verdict, lines, kind)

    @staticmethod
    def _feedback_html(verdict: str, lines: list[str], kind: str) -> str:
        mark = {"correct": "\u2714 ", "incorrect": "\u2718 ", "partly": "\u25d1 "}.get(kind, "")
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        return (
            f'<div role="status" aria-live="polite" class="allyship-{kind}">'
            f"<p><strong>{mark}{escape(verdict)}</strong></p>"
            f"{'<ul>' + items + '</ul>' if items else ''}</div>"
        )
