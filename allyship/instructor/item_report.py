"""The item analysis shown: as text for the terminal, as tables in a notebook, as one figure.

Computed in :mod:`.item_analysis`; nothing here computes a statistic.
"""

from __future__ import annotations

import math

import pandas as pd

from . import item_analysis as IA
from .plain_table import plain_table

PERCENT = ["facility", "upper", "lower", "share"]
HOW_TO_READ = (
    "facility: the share who scored the question's points; sd: its spread; discrimination: "
    "the correlation of the question with the rest of the module (below "
    f"{IA.DISCRIMINATION_LOW:.2f} needs review, below 0 suggests a wrong key); upper, lower: "
    "facility in the top and bottom 27% of the module's totals; upper_lower: their difference "
    "(Kelley's d). Reflections: with_auto is the correlation of a reflection's score with the "
    "module's automatic total."
)


def only(analysis: IA.ItemAnalysis, module: str | None) -> IA.ItemAnalysis:
    """The analysis of one module (all of it for ``None``)."""
    if module is None:
        return analysis
    parts = [
        frame.loc[frame["module"] == module].reset_index(drop=True) if "module" in frame else frame
        for frame in (
            analysis.modules, analysis.questions, analysis.distractors, analysis.reflections,
            analysis.flags,
        )
    ]  # fmt: skip
    return IA.ItemAnalysis(*parts)


def _number(x: float, digits: int = 2) -> str:
    return "-" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"


def module_line(row: pd.Series) -> str:
    """One module's reliability in a sentence."""
    text = f"{row['module']}: {row['n']} learner(s), {row['questions']} graded question(s)"
    if not math.isnan(row["alpha"]):
        text += (
            f"; Cronbach's alpha {_number(row['alpha'])} (SE {_number(row['alpha_se'])}, 95% "
            f"interval {_number(row['alpha_low'])} to {_number(row['alpha_high'])}); standard "
            f"error of measurement {_number(row['sem'])} points"
        )
    if row["note"]:
        text += f".\n  Note: {row['note']}"
    return text + "."


def _table(frame: pd.DataFrame, drop: list[str]) -> str:
    if frame.empty:
        return "(none)"
    shown = frame.drop(columns=[c for c in drop if c in frame.columns])
    return plain_table(shown, index=False)


def item_analysis_text(analysis: IA.ItemAnalysis) -> str:
    """Every module's reliability, question table, flags, distractors and reflections."""
    out = ["== Item analysis (graded choice questions)", HOW_TO_READ]
    for _, row in analysis.modules.iterrows():
        module = row["module"]
        questions = analysis.questions.loc[analysis.questions["module"] == module]
        flags = analysis.flags.loc[analysis.flags["module"] == module]
        distractors = analysis.distractors.loc[analysis.distractors["module"] == module].copy()
        reflections = analysis.reflections.loc[analysis.reflections["module"] == module]
        out += ["", module_line(row), _table(questions, ["module"])]
        out.append("Flags:" if len(flags) else "Flags: none.")
        out += [f"  {f['item']}: {f['reason']}" for _, f in flags.iterrows()]
        if len(distractors):
            distractors["key"] = distractors["key"].map({True: "key", False: ""})
            out += ["Options chosen (share overall, in the upper and lower groups):"]
            out.append(_table(distractors, ["module"]))
        if len(reflections):
            out += ["Reflections, scored by people (not in alpha or the flags):"]
            out.append(_table(reflections, ["module"]))
    return "\n".join(out)


def show_item_analysis(analysis: IA.ItemAnalysis) -> None:
    """The same, as tables in a notebook."""
    from IPython.display import Markdown, display

    from .reports import show_table

    display(Markdown(HOW_TO_READ))
    for _, row in analysis.modules.iterrows():
        module = row["module"]
        display(Markdown(f"**{module_line(row)}**"))

        def pick(frame: pd.DataFrame, module: str = module) -> pd.DataFrame:
            return frame.loc[frame["module"] == module].drop(columns="module")

        show_table(pick(analysis.questions), f"{module}: questions")
        flags = pick(analysis.flags)
        if len(flags):
            show_table(flags, f"{module}: flags")
        show_table(pick(analysis.distractors), f"{module}: options chosen")
        if len(pick(analysis.reflections)):
            show_table(pick(analysis.reflections), f"{module}: reflections (scored by people)")


def plot_item_analysis(analysis: IA.ItemAnalysis, ax=None):
    """Each question by facility (x) and discrimination (y); the zones the flags use shaded,
    flagged questions in red and labelled."""
    from .reports import _axes

    fig, ax = _axes(ax)
    q = analysis.questions.dropna(subset=["discrimination"])
    ax.axvspan(0, IA.FACILITY_LOW * 100, color="#f3e0e0")
    ax.axvspan(IA.FACILITY_HIGH * 100, 100, color="#f3e0e0")
    ax.axhspan(-1, IA.DISCRIMINATION_LOW, color="#f6ecd9", zorder=0)
    ax.axhline(0, color="#888", linewidth=0.8)
    flagged = q["flags"] > 0
    for mask, colour in ((~flagged, "#3b6e8f"), (flagged, "#b03a2e")):
        part = q.loc[mask]
        ax.scatter(part["facility"] * 100, part["discrimination"], color=colour, zorder=3)
    for _, row in q.loc[flagged].iterrows():
        label = f"{row['module'][:2]} {row['item']}"
        ax.annotate(label, (row["facility"] * 100, row["discrimination"]), fontsize=8,
                    xytext=(4, 4), textcoords="offset points")  # fmt: skip
    ax.set_xlim(0, 100)
    ax.set_ylim(-1, 1)
    ax.set_xlabel("facility: answered correctly (%)")
    ax.set_ylabel("discrimination (corrected item-total r)")
    ax.set_title("Item analysis: shaded zones need a look; flagged questions in red")
    fig.tight_layout()
    return fig
