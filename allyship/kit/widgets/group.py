"""A question's options as one form group, that works with the keyboard as every web form does.

ipywidgets' ``RadioButtons`` draws each option as a separate radio button with no shared name, so
the browser does not see one group: each option is its own Tab stop, and in JupyterLab the arrow
keys move the cell selection instead of the choice. Its ``Checkbox``es are loose boxes with no
group name for a screen reader to announce. These widgets draw a ``<fieldset>`` named by its
``<legend>`` (and described by ``hint``, when given) holding radio buttons (``RadioGroup``) or
checkboxes (``CheckGroup``) that share a name: Tab reaches a radio group once and the arrow keys
move between options and choose. The front end is a small ES module (``group.js``) run by
anywidget, whose JupyterLab extension is installed with it; nothing is fetched from the network.
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as W
from traitlets import Bool, List, TraitError, Unicode, validate

from ..modes import is_grading

_HERE = Path(__file__).parent

if is_grading():
    # nbgrader runs the notebook headless and nothing is drawn (widgets print as text), so its
    # kernels skip importing anywidget: about 25-40 ms of every autograded notebook. The Python
    # side (options, value, checks) is the same either way.
    Drawn = W.DOMWidget
else:
    from anywidget import AnyWidget as Drawn


class _Group(Drawn):
    """What both groups share: their options, name, hint and layout, and the front end."""

    _esm = (_HERE / "group.js").read_text(encoding="utf-8")
    _css = (_HERE / "group.css").read_text(encoding="utf-8")

    options = List(Unicode(), help="The options' texts, in order.").tag(sync=True)
    description = Unicode(help="The group's name, shown above the options.").tag(sync=True)
    show_description = Bool(
        True, help="False: the name is for screen readers only (a heading shows it)."
    ).tag(sync=True)
    hint = Unicode(help="A sentence under the name that describes the group.").tag(sync=True)
    orientation = Unicode("vertical", help="'vertical' or 'horizontal'.").tag(sync=True)
    multiple = Bool(False, read_only=True, help="Checkboxes (True) or radio buttons.").tag(
        sync=True
    )

    @validate("options")
    def _distinct(self, proposal: dict) -> list[str]:
        options = list(proposal["value"])
        if len(set(options)) != len(options):
            raise TraitError("two options have the same text")
        return options

    def _check(self, value: str) -> str:
        if value not in self.options:
            raise TraitError(f"{value!r} is not one of the options")
        return value


class RadioGroup(_Group):
    """One choice among ``options``; ``value`` is the chosen option's text, or ``None``."""

    value = Unicode(None, allow_none=True, help="The chosen option's text.").tag(sync=True)

    @validate("value")
    def _one_of_the_options(self, proposal: dict) -> str | None:
        value = proposal["value"]
        return None if value is None else self._check(value)


class CheckGroup(_Group):
    """Any number of ``options``; ``value`` lists the ticked options' texts, in option order."""

    value = List(Unicode(), help="The ticked options' texts.").tag(sync=True)
    multiple = Bool(True, read_only=True, help="Checkboxes.").tag(sync=True)

    @validate("value")
    def _options_in_order(self, proposal: dict) -> list[str]:
        ticked = {self._check(v) for v in proposal["value"]}
        return [o for o in self.options if o in ticked]
