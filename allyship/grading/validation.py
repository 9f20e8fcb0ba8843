"""nbgrader's Validate in the course's words: what is still unanswered, by name, and nothing else.

nbgrader 0.9.6 lets a course configure little of what Validate says: the header templates
(``Validator.failed_warning`` and its siblings), ``indent`` and ``width``. The rest is fixed:
the command line prints each failed cell's code and traceback, and the JupyterLab extension's
dialog (the notebook's Validate button and the Assignment List's, both ``POST
/assignments/validate``) shows "The following cell failed:", the cell's code and the error.
For a learner who never writes code that is a wall of ``check_written("r2", min_words=1)``.

:class:`PlainValidator` keeps nbgrader's checks (the same preprocessors, the same failed-cell
rule) and changes only what is said:

* each failed check is named by its own sentence (the kit's ``AnswerCheckFailed`` message, read
  from the error output's ``evalue``, so no traceback and no exception name), and a cell that
  failed for any other reason is named by its item ("Question 3 could not be checked ...");
* the command line prints those sentences under one plain header, or "Everything is answered.
  You can submit."; ``--invert`` (an instructor's check of a release) is nbgrader's own;
* the dialog receives one entry whose error is that list as HTML, with a scoped style that hides
  the dialog's fixed "The following cell failed:" line and its (empty) code box. If a future
  extension ignores the style, the learner still sees only plain words. The success dialog's
  sentence ("Success! Your notebook passes all the tests.") is written in the extension's
  JavaScript and cannot be changed from Python.

nbgrader builds its ``Validator`` by name in two places and offers no setting to choose the
class, so :func:`use_plain_validator` (called from ``nbgrader_config.py``, which the command
line and the server's validate handler both load) points those two names at this subclass.
"""

from __future__ import annotations

import json
import os
import sys
import textwrap
from collections.abc import Iterable

from nbformat import current_nbformat
from nbformat import read as read_nb
from nbgrader import utils
from nbgrader.validator import Validator

from ..course.placeholders import notebook_language
from ..errors import AnswerCheckFailed
from ..kit.strings import in_language, item_label, t
from ..kit.text import escape

#: the modules that hold the name ``Validator`` nbgrader instantiates
_USERS = ("nbgrader.apps.validateapp", "nbgrader.server_extensions.validate_assignment.handlers")

#: Hides the fixed parts of nbgrader's dialog (its ``#validation-message`` holds, per entry, a
#: div with "The following cell failed:", a box with the cell's code, a box with the error).
_DIALOG_STYLE = (
    "<style>#validation-message.validation-failed > div:first-child,"
    "#validation-message.validation-failed > div:nth-child(2) { display: none; }"
    "#validation-message .allyship-validate { white-space: normal;"
    " font-family: var(--jp-ui-font-family, sans-serif); font-size: var(--jp-ui-font-size1);"
    " line-height: 1.5; }"
    "#validation-message .allyship-validate p { margin-top: 0; }"
    "#validation-message .allyship-validate li { margin: 0.3em 0; }</style>"
)


class PlainValidator(Validator):
    """nbgrader's ``Validator``, reporting in the course's words (see the module doc)."""

    def findings(self, filename: str) -> list[str]:
        """The sentences a learner needs, in notebook order; empty when everything is answered.

        Same checks as ``Validator.validate``: changed cell types stop before running; changed
        read-only cells are reported (their originals are restored at grading) together with the
        failed checks, since a learner can act on the latter.
        """
        self.log.info("Validating '%s'", filename)
        folder, name = _split(filename)
        with utils.chdir(folder):
            nb = read_nb(name, as_version=current_nbformat)
        if self._get_type_changed_cells(nb):
            return [t("validate.changed")]
        with utils.chdir(folder):
            nb = self._preprocess(nb)
        sentences = []
        if not self.ignore_checksums and self._get_changed_cells(nb):
            sentences.append(t("validate.changed"))
        return sentences + [self._sentence(cell) for cell in self._get_failed_cells(nb)]

    def _sentence(self, cell) -> str:
        """The kit's own sentence for a failed check, or the item's name and what to do."""
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                if output.get("ename") == AnswerCheckFailed.__name__ and output.get("evalue"):
                    return " ".join(str(output["evalue"]).split())
        self.log.warning(
            "A check failed without the kit's sentence:\n%s", self._extract_error(cell)
        )
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        return t("validate.could_not_check", label=item_label(grade_id.partition("-")[0]))

    # -- what nbgrader's callers use -----------------------------------------------------------
    def validate(self, filename: str) -> dict:
        """The results for the JupyterLab dialog, in the shape its extension reads."""
        if self.invert:
            return super().validate(filename)
        with in_language(_language(filename)):
            found = self.findings(filename)
            if not found:
                return {}
            error, raw = dialog_html(found), _text(found)
        return {"failed": [{"source": "", "error": error, "raw_error": raw}]}

    def validate_and_print(self, filename: str) -> None:
        """What ``nbgrader validate`` prints."""
        if self.invert:
            return super().validate_and_print(filename)
        with in_language(_language(filename)):
            found = self.findings(filename)
            self.stream.write(
                (_text(found, self.width) if found else t("validate.all_answered")) + "\n"
            )
        return None


def _language(filename: str) -> str:
    """The edition of the notebook being validated (its sentences are said in it)."""
    try:
        with open(filename, encoding="utf-8") as f:
            return notebook_language(json.load(f))
    except (OSError, ValueError):
        return "en"


def _split(filename: str) -> tuple[str, str]:
    return os.path.dirname(filename) or ".", os.path.basename(filename)


def _text(found: Iterable[str], width: int = 90) -> str:
    """The header, then one wrapped, dashed line per sentence."""
    wrap = textwrap.TextWrapper(width=width, initial_indent="- ", subsequent_indent="  ")
    return "\n".join([t("validate.not_yet"), *(wrap.fill(s) for s in found)])


def dialog_html(found: Iterable[str]) -> str:
    """The dialog's error box: the header and the sentences, escaped, as a list."""
    items = "".join(f"<li>{escape(s)}</li>" for s in found)
    return (
        f'{_DIALOG_STYLE}<div class="allyship-validate"><p>{escape(t("validate.not_yet"))}</p>'
        f"<ul>{items}</ul></div>"
    )


def use_plain_validator() -> None:
    """Make ``nbgrader validate`` and the Validate buttons use :class:`PlainValidator`.

    Only modules already imported are changed (the server's handler module is imported when its
    extension loads, before any request reads the config), so the command line does not import
    the server's code.
    """
    for name in _USERS:
        module = sys.modules.get(name)
        if module is not None and getattr(module, "Validator", None) is Validator:
            module.Validator = PlainValidator
