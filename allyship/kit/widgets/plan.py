"""The personal action plan (module 08), built from the learner's earlier commitments.

Each module folder sits beside the others in the learner's home, so module 08 reads
``../NN_slug/responses.json`` of every earlier module it finds, read-only: a missing or damaged
file is reported in a sentence, never raised, and never moved or changed (that file belongs to
its own module). The commitments the learner chooses to carry forward are saved in module 08's
own answers, so graders see the plan as it was written even without the other modules' files.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from ..modes import is_autograding
from ..store import FILENAME, ResponseStore, default_store, module_language, read_responses
from ..store import MODULE_NAME as MODULE
from ..strings import item_label, t
from ..text import escape
from .record import Field, Record

COMMITMENT = re.compile(r"^c\d+$")
REFLECTION = re.compile(r"^r\d+$")
#: fields after the carried commitments: suffix -> kind
FIELDS = (
    ("action", "text"),
    ("when", "line"),
    ("whose", "line"),
    ("support", "line"),
    ("review", "line"),
)
SHOWN_CHARS = 140


@dataclass
class EarlierModule:
    """What was found in one earlier module's folder."""

    number: str
    name: str
    state: str  # "found", "no_file", "damaged"
    commitments: list[str] = field(default_factory=list)
    reflections: list[tuple[str, str]] = field(default_factory=list)


def _key(item_id: str) -> tuple[int, str]:
    digits = item_id[1:]
    return (int(digits) if digits.isdigit() else 0, item_id)


def read_earlier(folder: Path, answers: str = FILENAME) -> list[EarlierModule]:
    """Every module folder beside ``folder`` numbered before it, and what its answers hold.

    Never raises and never writes: a folder that cannot be listed gives an empty list.
    """
    own = MODULE.match(folder.name)
    try:
        siblings = sorted(p for p in folder.parent.iterdir() if p.is_dir() and p != folder)
    except OSError:
        return []
    found = []
    for path in siblings:
        match = MODULE.match(path.name)
        if not match or (own and match.group(1) >= own.group(1)):
            continue
        if module_language(path.name) != module_language(folder.name):
            continue  # the other edition's modules: a learner follows one language
        data, reason = read_responses(path / answers)
        if reason is not None:
            found.append(EarlierModule(match.group(1), path.name, "damaged"))
            continue
        if not (path / answers).is_file():
            found.append(EarlierModule(match.group(1), path.name, "no_file"))
            continue
        texts = {k: v.strip() for k, v in data.items() if isinstance(v, str) and v.strip()}
        found.append(
            EarlierModule(
                match.group(1),
                path.name,
                "found",
                [texts[k] for k in sorted(texts, key=_key) if COMMITMENT.match(k)],
                [(k, texts[k]) for k in sorted(texts, key=_key) if REFLECTION.match(k)],
            )
        )
    return found


def describe_found(folder: Path, earlier: list[EarlierModule]) -> str:
    """One plain paragraph: which modules' answers were found, and which were not."""
    own = MODULE.match(folder.name)
    expected = [f"{n:02d}" for n in range(1, int(own.group(1)))] if own else []
    by_state: dict[str, list[str]] = {"found": [], "no_file": [], "damaged": []}
    for module in earlier:
        by_state[module.state].append(module.number)
    absent = [n for n in expected if n not in {m.number for m in earlier}]
    sentences = []
    if by_state["found"]:
        sentences.append(t("plan.found", modules=", ".join(by_state["found"])))
    else:
        sentences.append(t("plan.none_found", folder=str(folder.parent)))
    if by_state["no_file"]:
        sentences.append(t("plan.no_file", modules=", ".join(by_state["no_file"])))
    if by_state["damaged"]:
        sentences.append(t("plan.damaged", modules=", ".join(by_state["damaged"])))
    if absent:
        sentences.append(t("plan.absent", modules=", ".join(absent)))
    if by_state["found"] and not any(m.commitments for m in earlier):
        sentences.append(t("plan.no_commitments"))
    return " ".join(sentences)


class ActionPlan(Record):
    """The learner's plan: earlier commitments to carry forward, then a concrete next step."""

    def __init__(self, item_id: str, prompt: str, *, store: ResponseStore | None = None):
        store = store if store is not None else default_store()
        folder = store.path.parent
        # Under autograde the plan is shown from this module's own answers only: the grader's
        # machine holds other files, or none.
        self.earlier = [] if is_autograding() else read_earlier(folder)
        self.found_text = "" if is_autograding() else describe_found(folder, self.earlier)
        carried_id = f"{item_id}-carried"
        options = [
            (self._shown(m.number, c), t("plan.commitment_option", module=m.number, text=c))
            for m in self.earlier
            for c in m.commitments
        ]
        saved = store.get(carried_id) or []
        saved = saved if isinstance(saved, list) else [saved]
        kept = {value for _, value in options}
        options += [(self._shorten(v), v) for v in saved if isinstance(v, str) and v not in kept]
        fields = [Field(carried_id, t("plan.carried"), "checks", options, t("plan.help.carried"))]
        fields += [
            Field(f"{item_id}-{s}", t(f"plan.{s}"), kind, help=t(f"plan.help.{s}"))
            for s, kind in FIELDS
        ]
        super().__init__(item_id, prompt, fields, label=t("plan.title"), store=store)

    @staticmethod
    def _shorten(text: str) -> str:
        return textwrap.shorten(text, width=SHOWN_CHARS, placeholder=" \u2026")

    def _shown(self, number: str, text: str) -> str:
        return self._shorten(t("plan.commitment_option", module=number, text=text))

    def heading_html(self) -> str:
        html = super().heading_html()
        if self.found_text:
            html += f'<p role="note">{escape(self.found_text)}</p>'
        for module in self.earlier:
            if module.commitments:
                items = "".join(f"<li>{escape(c)}</li>" for c in module.commitments)
                html += (
                    f"<p>{escape(t('plan.commitments_from', module=module.number))}</p>"
                    f"<ul>{items}</ul>"
                )
            if module.reflections:
                shown = "".join(
                    f"<p><strong>{escape(item_label(k))}.</strong> {escape(v)}</p>"
                    for k, v in module.reflections
                )
                count = len(module.reflections)
                summary = t("plan.reflections_from", module=module.number, count=count)
                html += f"<details><summary>{escape(summary)}</summary>{shown}</details>"
        return html
