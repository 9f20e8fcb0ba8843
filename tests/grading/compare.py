"""What a grading run leaves behind, in a form two runs can be compared by: every grade and
comment in the gradebook, and every autograded notebook's cells and outputs."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbgrader.api import Gradebook


def gradebook_state(course: Path, module: str) -> dict:
    """{learner: {...}}: submission fields, and per cell grade and comment fields."""
    state = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "allyship") as gb:
        for sub in gb.assignment_submissions(module):
            entry = {
                "timestamp": str(sub.timestamp),
                "late_penalty": sub.late_submission_penalty,
                "score": sub.score,
                "needs_manual_grade": sub.needs_manual_grade,
            }
            for nb in sub.notebooks:
                entry[f"flagged:{nb.name}"] = nb.flagged
                for g in nb.grades:
                    entry[f"grade:{g.name}"] = (
                        g.auto_score,
                        g.manual_score,
                        g.extra_credit,
                        g.max_score,
                        g.needs_manual_grade,
                    )
                for c in nb.comments:
                    entry[f"comment:{c.name}"] = (c.auto_comment, c.manual_comment)
            state[sub.student_id] = entry
    return state


def _clean(output: dict) -> dict:
    """An output without the per-run widget model id (a fresh random id every execution)."""
    out = {k: v for k, v in output.items() if k != "metadata"}
    data = dict(out.get("data", {}))
    view = data.get("application/vnd.jupyter.widget-view+json")
    if view:
        data["application/vnd.jupyter.widget-view+json"] = {
            k: v for k, v in view.items() if k != "model_id"
        }
    if data:
        out["data"] = data
    return out


def autograded_notebooks(course: Path, module: str) -> dict:
    """{learner: [(cell type, source, nbgrader metadata, outputs)]} from ``autograded/``, and
    the names of the other files there."""
    result = {}
    for folder in sorted((course / "autograded").glob(f"*/{module}")):
        nb = nbformat.read(str(folder / f"{module}.ipynb"), as_version=4)
        cells = [
            (
                c.cell_type,
                c.source,
                c.metadata.get("nbgrader"),
                [_clean(o) for o in c.get("outputs", [])],
            )
            for c in nb.cells
        ]
        files = sorted(p.name for p in folder.iterdir())
        result[folder.parent.name] = {"cells": cells, "files": files}
    return result
