"""After "Run all", bring the notebook back to its top (the front end is ``home.js``).

JupyterLab's Run All makes the last cell the active one and scrolls to it, so a learner who has
just pressed Run all finds herself at the module's sources, 40 cells below where the module
starts. :class:`BackToTop` draws nothing; when the last widget a Run all reaches is drawn, it
scrolls the notebook to the top. Under nbgrader nothing is drawn, and anywidget is not imported.
"""

from __future__ import annotations

from pathlib import Path

from .group import Drawn


class BackToTop(Drawn):
    """An invisible widget that scrolls its notebook to the top when it is drawn."""

    _esm = (Path(__file__).parent / "home.js").read_text(encoding="utf-8")
