"""The instructor's report and the facilitator's cohort view: gathered, then shown or drawn.

``summarise_*`` functions return frames (and never draw); ``show_*`` display a frame in a
notebook; ``plot_*`` draw one matplotlib figure and return it. The command line prints the
same frames as text and saves the same figures as PNG files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import cohort as C
from . import gradebook as G
from . import item_analysis as IA
from . import items as I
from .module_memo import Memo

SHOWN_PERCENT = {"share": "{:.0%}", "share_correct": "{:.0%}"}


@dataclass
class Report:
    """Everything the instructor dashboard shows, computed once."""

    completion: pd.DataFrame
    completion_by_module: pd.DataFrame
    scores: pd.DataFrame
    max_points: pd.Series
    difficulty: pd.DataFrame
    awaiting: pd.DataFrame
    late: pd.DataFrame
    responses: pd.DataFrame = field(repr=False)
    items: IA.ItemAnalysis | None = field(default=None, repr=False)
    submitted: pd.DataFrame | None = field(default=None, repr=False)  # learner, module, timestamp
    catalogue: dict | None = field(default=None, repr=False)  # module -> item -> items.Question


def summarise_report(
    course: Path,
    db_url: str | None = None,
    progress=None,
    *,
    cache: bool = True,
    step=None,
    editions: str = "separate",
) -> Report:
    """Read the gradebook and the autograded answers; compute every table of the report.

    The answers are those the report uses (:mod:`.answers`: choices, self-audit ratings,
    consent, and reflections only where their writer consented). With ``cache``, what was read
    is kept in ``.allyship/`` until the gradebook or an answers file changes, and each module's
    item analysis and item difficulty until that module's grades, answers or key do
    (:mod:`.module_memo`). ``progress(done,
    total)`` hears how many answers files have been read; ``step(what)`` each step's name.
    ``editions="combined"`` counts each French module with its English twin (:mod:`.editions`);
    by default the two editions are reported apart, as the gradebook holds them."""
    from .answers import read_answers, read_early
    from .private import cache_folder

    step = step or (lambda what: None)
    folder = cache_folder(course) if cache else None
    url = G.gradebook_url(course, db_url)
    early = read_early(course, url, cache=folder)  # the answers files, beside the gradebook
    try:
        step("reading the gradebook" + (" and the answers files" if early else ""))
        data = G.load(url, cache=folder)
    except BaseException:
        if early:
            early.cancel()
        raise
    if early:
        try:  # the other process may still be keeping the answers while the tables are made
            responses = early.result(data, progress=progress)
            return _report(course, data, responses, folder, step, editions)
        finally:
            early.finish()
    step("reading the answers files")
    responses = read_answers(course, data, cache=folder, progress=progress)
    return _report(course, data, responses, folder, step, editions)


def _report(course: Path, data, responses, folder, step, editions: str) -> Report:
    """The report's tables from what was read (each module's figures kept in ``folder``)."""
    if editions == "combined":  # each French module counted with its English twin
        from .editions import combine

        data, responses = combine(course, data, responses)
    step("computing the tables")
    memo = Memo(folder, data, responses) if folder is not None else None
    catalogue = I.questions(course, data.modules)
    kept, todo = IA.kept_parts(data.modules, catalogue, memo)
    items = _work_out(data, responses, catalogue, todo)
    try:
        keys = G.answer_keys(course, data.modules)
        completion = G.completion(data)
        report = Report(
            completion=completion,
            completion_by_module=G.completion_by_module(data, completion),
            scores=G.scores(data),
            max_points=G.max_points(data),
            difficulty=G.item_difficulty(data, responses, keys, memo),
            awaiting=G.awaiting_manual_grading(data),
            late=G.late_submissions(data),
            responses=responses,
            submitted=data.submissions[["learner", "module", "timestamp"]],
            catalogue=catalogue,
        )
        step("item analysis")
        worked = items.result()
    except BaseException:
        items.cancel()
        raise
    report.items = IA.assemble(data.modules, {**kept, **worked}, catalogue, memo)
    if memo is not None:
        memo.save()
    return report


#: from this many grades in the modules to work out, their item analysis is worked out in
#: another process (:mod:`.aside`) while this one works out the other tables; below it,
#: forking costs more than it saves
ASIDE_MINIMUM = 100_000


def _work_out(data: G.CourseData, responses: pd.DataFrame, catalogue: dict, todo: list[str]):
    """The item analysis of the modules ``todo``, started beside the other tables when they
    hold many grades; ``.result()`` gives each one's figures."""
    from .aside import Aside

    rows = int(data.grades["module"].isin(todo).sum()) if todo else 0
    return Aside(IA.work_out, data, responses, catalogue, todo, fork=rows >= ASIDE_MINIMUM)


@dataclass
class CohortView:
    """The facilitator's anonymous view: no learner ids anywhere in it."""

    threshold: int
    difficulty: pd.DataFrame
    audit: pd.DataFrame
    excerpts: C.Excerpts
    summary: pd.DataFrame | None = None  # per module: submitted, agreed, shared, quoted


def summarise_cohort(report: Report, threshold: int = C.MIN_THRESHOLD) -> CohortView:
    excerpts = C.reflection_excerpts(report.responses, threshold, submitted=report.submitted)
    submitted = report.completion_by_module["submitted"]
    return CohortView(
        threshold,
        C.cohort_difficulty(report.difficulty, threshold),
        C.audit_averages(report.responses, threshold),
        excerpts,
        C.cohort_summary(submitted, excerpts, threshold),
    )


# -- display ----------------------------------------------------------------------------------
def show_table(frame: pd.DataFrame, caption: str = "") -> None:
    """Show a frame in a notebook, shares as percentages, empty cells as a dash."""
    from IPython.display import display

    fmt = {k: v for k, v in SHOWN_PERCENT.items() if k in frame.columns}
    styled = frame.style.format(fmt, na_rep="\u2013")
    display(styled.set_caption(caption) if caption else styled)


def as_text(frame: pd.DataFrame, empty: str = "(none)") -> str:
    """A frame as plain text for the terminal (:mod:`.plain_table`)."""
    from .plain_table import plain_table

    return empty if frame.empty else plain_table(frame)


def roster_text(report: Report) -> str:
    """Who the report counts: nbgrader's student list. nbgrader adds a learner to that list when
    their first submission is graded, so without a class list every learner has submitted."""
    listed = len(report.completion.index)
    active = int(report.completion.any(axis=1).sum()) if listed else 0
    line = (
        f"Roster: {listed} learner(s) in nbgrader's student list; {active} have submitted "
        "at least one module."
    )
    if listed == active:
        line += (
            " Everyone listed has submitted, so the list may hold only those who submitted: "
            "add the class list (`nbgrader db student import class.csv`) to count the others."
        )
    return line


#: a list of learners longer than this is shown per module (the report stays a page or two at
#: 10,000 learners); ``allyship report --full`` and ``report_text(..., full=True)`` show every row
LISTED = 50


def _listed(listed: int | None) -> int:
    return LISTED if listed is None else listed


def points_view(report: Report, full: bool = False, listed: int | None = None):
    """(title, table): the points per learner and module, or, for more than ``listed``
    learners, each module's spread of points."""
    scores = report.scores
    if full or len(scores) <= _listed(listed):
        return "Points per learner and module", scores
    table = pd.DataFrame(
        {
            "submitted": scores.notna().sum().astype(int),
            "out_of": report.max_points.reindex(scores.columns),
            "mean": scores.mean(),
            "lowest": scores.min(),
            "median": scores.median(),
            "highest": scores.max(),
        }
    ).rename_axis("module")
    title = (
        f"Points per module ({len(scores):,} learners; one row per learner: "
        "`allyship report --full`, or `nbgrader export`)"
    )
    return title, table


def awaiting_view(report: Report, full: bool = False, listed: int | None = None):
    """(title, table): the reflections awaiting a grader, or, when more than ``listed`` do,
    how many per module and reflection."""
    waiting = report.awaiting
    if full or len(waiting) <= _listed(listed):
        return "Reflections awaiting manual grading", waiting
    table = waiting.groupby(["module", "item"], sort=False).size().rename("awaiting").reset_index()
    title = (
        f"Reflections awaiting manual grading, per module and reflection ({len(waiting):,} in "
        "all; each one is in Formgrader's Manual Grading, or listed by `allyship report --full`)"
    )
    return title, table


def late_view(report: Report, full: bool = False, listed: int | None = None):
    """(title, table): the late submissions, or, when there are more than ``listed``, how
    many per module and by how much."""
    late = report.late
    if full or len(late) <= _listed(listed):
        return "Late submissions", late
    table = late.groupby("module", sort=False)["hours_late"].agg(
        late="size", median_hours_late="median", most_hours_late="max"
    )
    title = (
        f"Late submissions, per module ({len(late):,} in all; each one: `allyship report --full`)"
    )
    return title, table


def option_label(value: str | None, question: I.Question | None) -> str | None:
    """An answer as the text report shows it: an option's letter and its first words
    (``B ("Describe the advocacy work\u2026")``), a select-all answer as its letters
    (``A + C + D``); an answer that is none of the question's options (the question's
    wording changed after it was given, or the file was edited) as its shortened text, quoted,
    saying so: it has no letter in the item analysis's table of options."""
    if value is None:
        return None
    if question is None:
        return IA.short(value)
    shown = dict(zip(question.options, IA.shortened(question.options), strict=True))
    if value in shown:
        letter = question.letter(value)
        return letter if shown[value] == letter else f'{letter} ("{shown[value]}")'
    parts = value.split(" + ")
    if question.multiple and all(p in shown for p in parts):
        return " + ".join(sorted(question.letter(p) for p in parts))
    return f'"{IA.short(value)}" (not one of the options)'


def difficulty_text(report: Report) -> pd.DataFrame:
    """The item difficulty table with each most-chosen wrong answer as :func:`option_label`
    writes it (the item analysis's tables list every option of a question by its letter)."""
    table = report.difficulty
    if report.catalogue is None or table.empty:
        return table
    table = table.copy()
    table["most_chosen_wrong"] = [
        option_label(value, report.catalogue.get(module, {}).get(item))
        for module, item, value in zip(
            table["module"], table["item"], table["most_chosen_wrong"], strict=True
        )
    ]
    return table


def report_text(report: Report, full: bool = False, listed: int | None = None) -> str:
    """The report as plain text. Lists of learners longer than ``listed`` rows are shown per
    module, unless ``full``."""
    done = report.completion_by_module
    sections = [
        ("Completion by module", done),
        points_view(report, full, listed),
        ("Item difficulty (share correct; most-chosen wrong option)", difficulty_text(report)),
        awaiting_view(report, full, listed),
        late_view(report, full, listed),
    ]
    body = "\n\n".join(f"== {title}\n{as_text(frame)}" for title, frame in sections)
    if report.items is not None:
        from .item_report import item_analysis_text

        body += "\n\n" + item_analysis_text(report.items)
    return roster_text(report) + "\n\n" + body


def cohort_text(view: CohortView) -> str:
    excerpts = view.excerpts.table
    sections = []
    if view.summary is not None:
        shown = view.summary.astype(object).where(view.summary.notna(), "-")
        title = (
            f"Cohort summary (agreed: learners who agreed to share their reflections, shown "
            f"for groups of {view.threshold} or more; shared: their reflections; quoted: "
            "excerpts below)"
        )
        sections.append((title, shown))
    sections += [
        (f"Item difficulty (groups under {view.threshold} hidden)", view.difficulty),
        ("Everyday-practice self-audit, cohort average (1 Rarely .. 4 Almost always)", view.audit),
        (
            f"Shared reflection excerpts (consent given; unnamed; at most "
            f"{C.EXCERPTS_PER_ITEM} per reflection, the most recent)",
            excerpts,
        ),
    ]
    text = "\n\n".join(f"== {title}\n{as_text(frame)}" for title, frame in sections)
    return text + "\n" + "\n".join(view.excerpts.notes)


# -- plots ------------------------------------------------------------------------------------
def _axes(ax=None):
    """A new figure and axes, or the figure of the axes given."""
    if ax is not None:
        return ax.figure, ax
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(8, 4))


def plot_completion(completion_by_module: pd.DataFrame, ax=None):
    """Bars: the share of learners who submitted each module."""
    fig, ax = _axes(ax)
    frame = completion_by_module
    ax.bar(frame.index.astype(str), frame["share"] * 100, color="#3b6e8f")
    ax.set_ylim(0, 100)
    ax.set_ylabel("learners who submitted (%)")
    ax.set_title("Completion by module")
    ax.tick_params(axis="x", labelrotation=30)
    fig.tight_layout()
    return fig


def plot_score_distribution(scores: pd.DataFrame, max_points: pd.Series, ax=None):
    """Histogram of each submission's score as a share of the module's points."""
    fig, ax = _axes(ax)
    shares = (scores / max_points).stack().dropna() * 100
    ax.hist(shares, bins=range(0, 105, 5), color="#6c8f3b", edgecolor="white")
    ax.set_xlabel("score (% of the module's points)")
    ax.set_ylabel("submissions")
    ax.set_title("Score distribution")
    fig.tight_layout()
    return fig


def plot_item_difficulty(difficulty: pd.DataFrame, ax=None):
    """Horizontal bars: share correct per question, hardest at the top."""
    fig, ax = _axes(ax)
    frame = difficulty.dropna(subset=["share_correct"]).sort_values(
        "share_correct", ascending=False
    )
    labels = frame["module"].str[:2] + " " + frame["item"]
    ax.barh(labels, frame["share_correct"] * 100, color="#8f3b6e")
    ax.set_xlim(0, 100)
    ax.set_xlabel("answered correctly (%)")
    ax.set_title("Item difficulty")
    fig.set_size_inches(8, max(3, 0.25 * len(frame) + 1))
    fig.tight_layout()
    return fig


def save_plots(report: Report, folder: Path) -> list[Path]:
    """Write the report's figures (and the item analysis's) as PNG files in ``folder``; return
    their paths."""
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    figures = {
        "completion.png": plot_completion(report.completion_by_module),
        "scores.png": plot_score_distribution(report.scores, report.max_points),
        "difficulty.png": plot_item_difficulty(report.difficulty),
    }
    if report.items is not None:
        from .item_report import plot_item_analysis

        figures["item_analysis.png"] = plot_item_analysis(report.items)
    paths = []
    for name, fig in figures.items():
        fig.savefig(folder / name, dpi=100)
        plt.close(fig)
        paths.append(folder / name)
    return paths
