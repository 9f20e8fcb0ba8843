"""The first cell of every module: open the learner's answers and say where they live."""

from __future__ import annotations

from ..errors import AnswerCheckFailed
from .modes import is_grading
from .store import default_store
from .strings import t, use_language


class _Notice:
    """A sentence shown as the cell's output: Markdown in JupyterLab, plain text elsewhere."""

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def open_responses(language: str = "en") -> _Notice:
    """Load ``responses.json`` for this module; the returned notice tells the learner.

    ``language`` is the module's edition (``"fr"`` in the French modules' setup cell): every
    sentence the kit shows afterwards, Validate's included, is in it. A damaged file has
    already been kept aside by the store; the notice says so in plain words.
    """
    use_language(language)
    if is_grading():
        _short_tracebacks()
    store = default_store()
    store.load()
    return _Notice(store.notice or t("store.ready", name=store.path.name))


def _short_tracebacks() -> None:
    """While nbgrader runs the notebook, show a failed check as its sentence alone.

    Validate shows a learner each failed cell's traceback, and formgrader shows it too; frames,
    and even the exception's name (``AnswerCheckFailed:``), are noise to a non-programmer. A
    failed check's error output is its sentence and nothing else; any other error is shortened
    to IPython's ``%xmode Minimal``. The cell still fails, so nbgrader still scores it 0.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - the kit always runs under IPython in a notebook
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "InteractiveTB"):
        shell.InteractiveTB.set_mode(mode="Minimal")
    if shell is not None and hasattr(shell, "set_custom_exc"):
        shell.set_custom_exc((AnswerCheckFailed,), _sentence_only)


def _sentence_only(shell, etype, value, tb, tb_offset=None) -> list[str]:
    """IPython's handler for a failed check: the error output's traceback is the sentence.

    IPython ignores a custom handler's return value when it runs a cell, so the handler shows
    the traceback itself, through the same ``_showtraceback`` a kernel uses for every error
    (the error output keeps ``ename``, so nbgrader still sees a failed cell).
    """
    stb = [str(value)]
    shell._showtraceback(etype, value, stb)
    return stb
