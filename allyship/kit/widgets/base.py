"""What every course widget shares: its item id, the store, a status line, guarded callbacks,
and a plain-text face for nbgrader's autograde.

Under autograde no one sees a widget: the notebook runs headless, and formgrader and the
feedback page show only outputs. So while ``NBGRADER_EXECUTION=autograde`` every widget renders
as text (what was asked, what was answered), in three forms of one output:

* ``text/plain``, the text itself;
* ``text/html``, the same text escaped, its line breaks and paragraphs kept and long lines
  wrapped: what formgrader shows a grader (it prefers HTML; a plain-text output is a ``<pre>``
  that never wraps, so a reflection was one line thousands of pixels wide);
* :data:`ANSWER_MIME`, the item and the answer as data, read by the feedback page
  (``allyship/grading/feedback_page.py``). It holds what the learner gave, never the key.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import ipywidgets as W
from traitlets import Unicode, validate

from ...errors import AllyshipError
from ..modes import is_autograding
from ..store import ResponseStore, Value, default_store
from ..strings import item_label, t
from ..text import escape

#: the mimetype of an autograded item's answer, as data, for the feedback page
ANSWER_MIME = "application/vnd.allyship.answer+json"
#: how an autograded item's text is shown: wrapped, paragraphs kept, never wider than its box
PLAIN_STYLE = "white-space: pre-wrap; overflow-wrap: anywhere; max-width: 100%; line-height: 1.5"


def guarded(method: Callable[..., Any]) -> Callable[..., Any]:
    """Run a widget callback; show any failure in the widget's status line.

    In JupyterLab an exception raised inside a widget callback vanishes into a log the learner
    never opens, so a failed save would look like a successful one. Here it becomes a sentence
    next to the control. Nothing is written to stderr (any stderr zeroes an nbgrader cell).
    """

    @functools.wraps(method)
    def wrapper(self: Item, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except AllyshipError as exc:
            self.show_status(str(exc), kind="error")
        except Exception as exc:  # noqa: BLE001 - a learner must see it, whatever it is
            self.show_status(t("status.callback_failed", reason=type(exc).__name__), kind="error")
        return None

    return wrapper


#: How the kit's widgets look in JupyterLab. ipywidgets gives its checkbox (the consent box) and
#: every HTML line one fixed-height row: long text overlaps the next row, and a wrapped prompt
#: gets 28-pixel line spacing. These rules let them wrap like text, and put a text box's label
#: above the box, so nothing is wider than a narrow notebook. (Option groups: group.css.)
STYLE = """<style>
.allyship-item .widget-html-content { line-height: 1.5; }
.allyship-item .widget-checkbox, .allyship-item .widget-checkbox label {
  height: auto; min-height: var(--jp-widgets-inline-height); line-height: 1.4;
  white-space: normal; align-items: flex-start; padding: 2px 0; }
.allyship-item .widget-checkbox label { display: flex; gap: 4px; }
.allyship-item .widget-checkbox input { float: none; flex-shrink: 0; margin-top: 3px; }
.allyship-item .widget-inline-hbox {  /* width 100% plus margins would overflow */
  max-width: calc(100% - 2 * var(--jp-widgets-margin, 2px)); }
.allyship-item .widget-textarea { flex-direction: column; align-items: stretch; }
.allyship-item .widget-textarea > .widget-label {
  width: auto; max-width: none; text-align: left; line-height: 1.4; height: auto; }
.allyship-item .widget-textarea > textarea { width: 100%; box-sizing: border-box; }
.allyship-item .jupyter-button {  /* ipywidgets' fixed 148px cut "Check my answer" short */
  width: auto; max-width: 100%; height: auto; min-height: var(--jp-widgets-inline-height);
  padding: 2px 12px; white-space: normal; }
.allyship-item :focus-visible { outline: 2px solid var(--jp-brand-color1, #1976d2);
  outline-offset: 1px; }
</style>"""


class Item(W.VBox):
    """Base of the course's widgets: one answerable item of a module."""

    item_id = Unicode(help="The item's id, unique within its module: q1, r2, p3 ...")
    prompt = Unicode(help="The question or prompt, as plain text.")
    label = Unicode(help="A person's name for the item, e.g. 'Question 3'.")

    def __init__(self, item_id: str, prompt: str, *, store: ResponseStore | None = None):
        self.store = store if store is not None else default_store()
        self.status = W.HTML(layout=W.Layout(margin="0 0 0 4px"))
        self.status.add_class("allyship-status")
        self.look = W.HTML(STYLE, layout=W.Layout(display="none"))
        super().__init__(item_id=item_id, prompt=prompt, label=item_label(item_id))
        self.add_class("allyship-item")
        self.store.load()  # reads the file once; a damaged one sets store.notice
        if self.store.notice:
            self.show_status(self.store.notice, kind="error")

    @validate("children")
    def _with_look(self, proposal: dict) -> tuple:
        """Every item carries its style sheet, whatever parts a subclass lays out."""
        children = tuple(proposal["value"])
        look = getattr(self, "look", None)
        return children if look is None or look in children else (*children, look)

    # -- saving and status ---------------------------------------------------------------
    def save(self, value: Value | None) -> None:
        """Write this item's answer to the store; say so in the status line."""
        self.store.set(self.item_id, value)
        self.show_status(self.saved_message(value), kind="ok")

    def saved_message(self, value: Value | None) -> str:
        return t("status.saved") if value not in (None, [], "") else t("status.unanswered")

    def show_status(self, message: str, *, kind: str = "info") -> None:
        """A status sentence, announced politely to screen readers."""
        self.status.value = (
            f'<div role="status" aria-live="polite" class="allyship-{kind}">{escape(message)}</div>'
        )

    def heading(self, hint_key: str) -> W.HTML:
        """The prompt, as the item's visible heading, with a one-line hint under it."""
        box = W.HTML(
            f'<div class="allyship-prompt"><p><strong>{escape(self.label)}.</strong> '
            f"{escape(self.prompt)}</p><p><em>{escape(t(hint_key))}</em></p></div>"
        )
        box.add_class("allyship-heading")
        return box

    # -- display ---------------------------------------------------------------------------
    kind = "item"  #: what the feedback page calls this item: choice, text, record ...

    def plain_text(self) -> str:
        """What a grader reads for this item in an autograded notebook."""
        return f"{self.label}: {self.prompt}"

    def plain_html(self) -> str:
        """:meth:`plain_text` as HTML that wraps; the label that starts it in bold."""
        text = self.plain_text()
        head, rest = (
            (self.label, text[len(self.label) :]) if text.startswith(self.label) else ("", text)
        )
        bold = f"<strong>{escape(head)}</strong>" if head else ""
        return f'<div class="allyship-plain" style="{PLAIN_STYLE}">{bold}{escape(rest)}</div>'

    def answer_record(self) -> dict:
        """The item and the answer saved for it (what the checks graded), as data."""
        return {
            "id": self.item_id,
            "kind": self.kind,
            "label": self.label,
            "prompt": self.prompt,
            "answer": self.store.get(self.item_id),
        }

    def _repr_mimebundle_(self, **kwargs: Any) -> dict | None:
        if is_autograding():
            return {
                "text/plain": self.plain_text(),
                "text/html": self.plain_html(),
                ANSWER_MIME: self.answer_record(),
            }
        return super()._repr_mimebundle_(**kwargs)
