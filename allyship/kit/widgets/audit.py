"""The everyday-practice self-audit: the five questions of IPAC's "Building Trust" section, each
rated on a scale, taken once and again later so the learner can compare.

Ratings are saved like any answer: ``a1`` .. ``a5`` for the first take, ``a1-2`` .. ``a5-2``
for the second, and so on. There are no right answers and nothing is marked; graders see the
ratings as text when the module is submitted, and a facilitator's cohort view can group them by
question because the ids are the same in every learner's file.
"""

from __future__ import annotations

from ..item_ids import AUDIT_QUESTIONS, AUDIT_RANKED, AUDIT_SCALE, audit_id
from ..store import ResponseStore
from ..strings import t
from ..text import escape
from .record import Field, Record

QUESTIONS, SCALE, RANKED = AUDIT_QUESTIONS, AUDIT_SCALE, AUDIT_RANKED  # see ..item_ids


class SelfAudit(Record):
    """Five ratings, one per everyday-practice question.

    For ``take`` > 1 each question also shows what was chosen in the first take, and a summary
    line compares the two once every question has a rating in both.
    """

    def __init__(self, take: int = 1, *, store: ResponseStore | None = None):
        if take < 1:
            raise ValueError("take counts from 1")
        self.take = take
        scale = [t(key) for key in SCALE]
        fields = [
            Field(audit_id(n, take), t(f"audit.short{n}"), "scale", scale, help=t(f"audit.q{n}"))
            for n in range(1, QUESTIONS + 1)
        ]
        label = t("audit.title") if take == 1 else t("audit.title_take", take=take)
        item_id = "a" if take == 1 else f"a-{take}"
        super().__init__(item_id, t("audit.prompt"), fields, label=label, store=store)
        if take > 1:
            self._show_earlier()

    # -- the comparison ----------------------------------------------------------------------
    def earlier(self, n: int) -> str | None:
        """The rating question ``n`` had in the first take (``None`` if not rated)."""
        value = self.store.get(audit_id(n, 1))
        return value if isinstance(value, str) else None

    def _show_earlier(self) -> None:
        for n in range(1, QUESTIONS + 1):
            fid = audit_id(n, self.take)
            before = self.earlier(n)
            note = t("audit.earlier", value=before) if before else t("audit.earlier_none")
            self.helps[fid].value = f"<p>{escape(note)}</p>"  # the question is in the group

    def comparison(self) -> str | None:
        """A sentence comparing this take with the first, once both are complete."""
        if self.take == 1:
            return None
        scale = [t(key) for key in SCALE]
        pairs = [
            (self.earlier(n), self.value(audit_id(n, self.take))) for n in range(1, QUESTIONS + 1)
        ]
        if any(now is None for _, now in pairs):
            return t("audit.compare_wait")
        if all(before is None for before, _ in pairs):
            return t("audit.no_earlier")
        counts = {"higher": 0, "same": 0, "lower": 0, "other": 0}
        for before, now in pairs:
            ranks = [scale.index(v) if v in scale[:RANKED] else None for v in (before, now)]
            if None in ranks:
                counts["other"] += 1
            else:
                key = (
                    "higher" if ranks[1] > ranks[0] else "lower" if ranks[1] < ranks[0] else "same"
                )
                counts[key] += 1
        return t("audit.compare", **counts)

    def progress(self) -> str:
        done = sum(self.value(fid) is not None for fid in self.fields)
        sentence = t("audit.progress", done=done, total=QUESTIONS)
        comparison = self.comparison() if done == QUESTIONS else None
        return f"{sentence} {comparison}" if comparison else sentence

    def plain_text(self) -> str:
        text = super().plain_text()
        comparison = self.comparison()
        return f"{text}\n{comparison}" if comparison else text
