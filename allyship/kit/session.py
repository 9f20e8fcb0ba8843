"""The first cell of every module: open the learner's answers and say where they live."""

from __future__ import annotations

from .modes import is_grading
from .store import default_store
from .strings import t


class _Notice:
    """A sentence shown as the cell's output: Markdown in JupyterLab, plain text elsewhere."""

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def open_responses() -> _Notice:
    """Load ``responses.json`` for this module; the returned notice tells the learner.

    A damaged file has already been kept aside by the store; the notice says so in plain words.
    """
    if is_grading():
        _short_tracebacks()
    store = default_store()
    store.load()
    return _Notice(store.notice or t("store.ready", name=store.path.name))


def _short_tracebacks() -> None:
    """While nbgrader runs the notebook, show a failed check as its sentence alone.

    Validate shows a learner each failed cell's traceback, and the feedback page shows it too;
    the kit's frames in it are noise to a non-programmer. This is IPython's ``%xmode Minimal``.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - the kit always runs under IPython in a notebook
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "InteractiveTB"):
        shell.InteractiveTB.set_mode(mode="Minimal")
