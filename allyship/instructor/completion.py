"""Who completed the course, under the rule the instructor sets in ``nbgrader_config.py``.

The rule (``c.CertificateRule...``, read with traitlets like the rest of nbgrader's config):

* every module submitted (``modules``: every module in the gradebook, unless listed);
* the automatically checked points (questions, and the "written" checks of reflections) at
  least ``min_auto_percent`` of what the modules can give, over the whole course;
* every reflection graded by a person, each at ``min_reflection_percent`` of its points or more.

:func:`standings` says, for every learner in the gradebook, whether they completed and, if not,
what is missing, in sentences a learner can read (from the kit's strings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from traitlets import Float, List, Unicode
from traitlets.config import Configurable

from ..kit.strings import item_label, t
from . import gradebook as G
from .study_time import ModuleFacts, module_facts, total_hours


class CertificateRule(Configurable):
    """What completing the course means, and who issues its certificates."""

    modules = List(Unicode(), help="modules to complete (default: every module)").tag(config=True)
    min_auto_percent = Float(80.0, help="least share of the automatic points, %").tag(config=True)
    min_reflection_percent = Float(
        50.0, help="least score of each reflection, % of its points"
    ).tag(config=True)
    course_title = Unicode("The allyship course", help="the course's name").tag(config=True)
    issuer = Unicode("", help="who issues certificates: your organisation").tag(config=True)
    secret_file = Unicode(
        "", help="the HMAC secret (default: .allyship/certificate-secret in the course)"
    ).tag(config=True)


def read_rule(course: Path) -> CertificateRule:
    """The rule from the course's ``nbgrader_config.py`` (defaults where it says nothing)."""
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    return CertificateRule(config=config)


@dataclass
class Standing:
    learner: str
    name: str  # first and last name from the gradebook, else the learner's id
    complete: bool
    missing: list[str] = field(default_factory=list)  # sentences for the learner
    modules: list[tuple[ModuleFacts, pd.Timestamp]] = field(default_factory=list)
    auto_percent: float = 0.0
    hours: float | None = None


def names(data: G.CourseData) -> dict[str, str]:
    people = data.people if data.people is not None else pd.DataFrame(columns=["learner"])
    found = {}
    for row in people.itertuples(index=False):
        parts = [p for p in (getattr(row, "first_name", None), getattr(row, "last_name", None))]
        name = " ".join(str(p).strip() for p in parts if isinstance(p, str) and p.strip())
        found[row.learner] = name
    return {learner: found.get(learner) or learner for learner in data.learners}


def standings(course: Path, data: G.CourseData, rule: CertificateRule) -> list[Standing]:
    """Every learner's standing under ``rule``, in the gradebook's learner order."""
    modules = list(rule.modules) or list(data.modules)
    facts = {m: _facts(course, m) for m in modules}
    g = data.grades.loc[data.grades["module"].isin(modules)]
    reflection = G.matches(g["item"], G.REFLECTION)
    auto = g.loc[~reflection]
    auto_max = auto.drop_duplicates(["module", "item"])["max_score"].sum()
    auto_scored = auto.groupby("learner", observed=True)["score"].sum()
    gaps = _reflection_gaps(g.loc[reflection], facts, rule)
    subs = data.submissions.loc[data.submissions["module"].isin(modules)]
    when = {(r.learner, r.module): r.timestamp for r in subs.itertuples(index=False)}
    who = names(data)
    out = []
    for learner in data.learners:
        missing = [
            t("certificate.missing_module", module=facts[m].title)
            for m in modules
            if (learner, m) not in when
        ]
        percent = 100 * float(auto_scored.get(learner, 0.0)) / auto_max if auto_max else 0.0
        if percent + 1e-9 < rule.min_auto_percent:
            missing.append(
                t(
                    "certificate.missing_auto",
                    score=_percent(percent),
                    needed=_percent(rule.min_auto_percent),
                )
            )
        missing += gaps.get(learner, [])
        done = [(facts[m], when[learner, m]) for m in modules if (learner, m) in when]
        out.append(
            Standing(
                learner,
                who[learner],
                not missing,
                missing,
                done,
                percent,
                total_hours([facts[m] for m in modules]),
            )
        )
    return out


def _facts(course: Path, module: str) -> ModuleFacts:
    notebook = course / "source" / module / f"{module}.ipynb"
    return module_facts(notebook) if notebook.is_file() else ModuleFacts(module, module, "", None)


def _percent(x: float) -> str:
    return f"{x:.0f}" if abs(x - round(x)) < 1e-9 else f"{x:.1f}"


def _reflection_gaps(rows: pd.DataFrame, facts: dict, rule: CertificateRule) -> dict:
    """Per learner, a sentence for each reflection not yet graded or scored under the rule."""
    waiting = rows["needs_manual_grade"] | rows["manual_score"].isna()
    needed = rows["max_score"] * rule.min_reflection_percent / 100
    short = ~waiting & (rows["score"] + 1e-9 < needed)
    gaps: dict[str, list[str]] = {}
    picked = rows.assign(waiting=waiting, needed=needed).loc[waiting | short]
    for row in picked.sort_values(["module", "item"]).itertuples(index=False):
        label, module = item_label(row.item), facts[row.module].title
        if row.waiting:
            text = t("certificate.missing_grading", label=label, module=module)
        else:
            text = t(
                "certificate.missing_reflection",
                label=label,
                module=module,
                score=row.score,
                points=row.max_score,
                needed=row.needed,
            )
        gaps.setdefault(row.learner, []).append(text)
    return gaps
