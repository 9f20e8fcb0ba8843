"""Written answers: reflections (graded by a person against the rubric) and the
intentional-framing rewrite exercise (a self-check, not graded).

Both save on every change, show a word count and a "saved" state, and come back exactly as left
when the cell runs again, after a kernel restart, or in a new session.
"""

from __future__ import annotations

import re

import ipywidgets as W

from ..store import ResponseStore
from ..strings import current_language, t
from ..text import escape, word_count
from .base import Item, guarded


class Reflection(Item):
    """A multi-line written answer with an optional alternative prompt.

    ``control`` is the text box; typing into it (or setting ``control.value``) saves at once.
    """

    control_key = "control.reflection"
    hint_key = "hint.placeholder"
    kind = "text"

    def __init__(
        self,
        item_id: str,
        prompt: str,
        alternative: str | None = None,
        *,
        rows: int = 8,
        store: ResponseStore | None = None,
    ):
        super().__init__(item_id, prompt, store=store)
        self.alternative = alternative
        self.control = W.Textarea(
            value=str(self.store.get(self.item_id) or ""),
            description=t(self.control_key, label=self.label),
            placeholder=t("hint.placeholder"),
            rows=rows,
            continuous_update=True,
            style={"description_width": "initial"},
            layout=W.Layout(width="auto"),  # fills the item, margins included
        )
        self.control.add_class("allyship-control")
        self.control.observe(self._on_type, names="value")
        self.children = self.parts()
        if self.control.value:
            self.show_status(self.saved_message(self.control.value), kind="ok")
        elif not self.store.notice:
            self.show_status(t("status.empty_text"))

    def parts(self) -> list[W.Widget]:
        html = f"<p><strong>{escape(self.label)}.</strong> {escape(self.prompt)}</p>"
        if self.alternative:
            html += f"<p><em>{escape(t('hint.alternative'))}</em> {escape(self.alternative)}</p>"
        heading = W.HTML(f'<div class="allyship-prompt">{html}</div>')
        heading.add_class("allyship-heading")
        return [heading, self.control, self.status]

    @property
    def value(self) -> str:
        return self.control.value

    @guarded
    def _on_type(self, change: dict) -> None:
        text = change["new"]
        self.save(text if text.strip() else None)

    def saved_message(self, value: object) -> str:
        if not value:
            return t("status.empty_text")
        return t("status.saved_words", words=word_count(str(value)))

    def answer_record(self) -> dict:
        return {**super().answer_record(), "alternative": self.alternative}

    def plain_text(self) -> str:
        text = self.control.value
        prompt = self.prompt + (f" / {self.alternative}" if self.alternative else "")
        return t(
            "plain.text",
            label=self.label,
            prompt=prompt,
            words=word_count(text),
            text=text if text.strip() else t("plain.no_text"),
        )


#: The three framing stems from IPAC's "About Allyship", with first-person variants.
#: Per edition: the three framings IPAC's page offers (as the learner writes them), the word that
#: introduces the action ("by ..." / "en ..."), and an identity claim ("I am an ally").
FRAMINGS = {
    "en": (
        {
            "We are showing support for": (
                r"\b(we are|we're|i am|i'm) showing (our |my )?support for\b"
            ),
            "We are showing our commitment to ending": (
                r"\b(we are|we're|i am|i'm) showing (our|my) commitment to ending\b"
            ),
            "We are using our privilege to help by": (
                r"\b(we are|we're|i am|i'm) using (our|my) privilege to help\b"
            ),
        },
        r"\bby\b\W+\w+",
        r"\b(?:i am|i'm|we are|we're|as|being)(?: an?| a proud| true| good)? all(?:y|ies)\b",
    ),
    "fr": (
        {
            "Nous témoignons notre soutien à": (
                r"\b(nous témoignons notre|je témoigne mon) soutien\b"
            ),
            "Nous montrons notre engagement à mettre fin à": (
                r"\b(nous montrons notre|je montre mon) engagement à mettre fin\b"
            ),
            "Nous utilisons notre privilège pour aider": (
                r"\b(nous utilisons notre|j'utilise mon) privilège pour aider\b"
            ),
        },
        r"\ben\b\W+\w+",
        r"(?:\bje suis |\bnous sommes |\ben tant que |\ben tant qu'|\bétant )(?:une? |des "
        r"|de vraie?s? |de bonne?s? |une vraie |un vrai |fière?s? |fiers? )?(?:personnes? )?"
        r"alliée?s?\b",
    ),
}
#: the English edition's (kept for the tests and the authoring docs)
FRAMING_STEMS = FRAMINGS["en"][0]
IDENTITY_CLAIM = re.compile(FRAMINGS["en"][2], re.IGNORECASE)


def framing_feedback(text: str) -> list[str]:
    """Sentences about how ``text`` frames the work (the rewrite exercise's self-check), in the
    kit's current language, against that edition's framings."""
    if word_count(text) < 4:
        return [t("framing.too_short")]
    stems, action, claim = FRAMINGS.get(current_language(), FRAMINGS["en"])
    lowered = " ".join(text.replace("\u2019", "'").split()).lower()
    notes = []
    for stem, pattern in stems.items():
        found = re.search(pattern, lowered)
        if found:
            notes.append(t("framing.stem_found", stem=stem))
            if not re.search(action, lowered[found.end() :]):
                notes.append(t("framing.no_action"))
    if not notes:
        notes.append(t("framing.no_stem"))
    found = re.finditer(claim, text.replace("\u2019", "'"), re.IGNORECASE)
    notes += [t("framing.identity_claim", phrase=m.group(0)) for m in found]
    return notes


class Rewrite(Reflection):
    """Rewrite a statement with intentional framing, then check it against the three stems."""

    control_key = "control.rewrite"

    def __init__(
        self,
        item_id: str,
        prompt: str,
        statement: str,
        *,
        rows: int = 4,
        store: ResponseStore | None = None,
    ):
        self.statement = statement
        self.feedback = W.HTML()
        self.feedback.add_class("allyship-feedback")
        self.check_button = W.Button(description=t("control.check_framing"), icon="check")
        self.check_button.on_click(self._on_check)
        super().__init__(item_id, prompt, None, rows=rows, store=store)

    def parts(self) -> list[W.Widget]:
        heading, control, status = super().parts()
        quote = W.HTML(f"<blockquote>{escape(self.statement)}</blockquote>")
        return [heading, quote, control, self.check_button, self.feedback, status]

    @guarded
    def _on_check(self, _button: W.Button) -> None:
        items = "".join(f"<li>{escape(n)}</li>" for n in framing_feedback(self.control.value))
        self.feedback.value = f'<div role="status" aria-live="polite"><ul>{items}</ul></div>'
