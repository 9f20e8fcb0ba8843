"""Keep answer keys out of the feedback page (nbgrader #917).

Autograde puts each test cell's hidden region back into the learner's autograded notebook, and
``nbgrader generate_feedback`` prints every cell's code, so without this step a learner's
feedback page would show ``check_choice("q1", "<the expected option>")``. The feedback may show
the answer given, each reflection, the grader's comments and, for a wrong question, the sentence
"the answer given is not the one the course expects"; never the expected option.

:class:`ScrubHiddenTests` is a preprocessor for ``GenerateFeedback`` (configured in
``nbgrader_config.py``): in every code cell it removes the hidden-test and solution regions and
any line that calls a grading check with an expected answer, whatever the delimiters.
"""

from __future__ import annotations

import re

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

_REGION = re.compile(
    r"^[ \t]*### BEGIN (HIDDEN TESTS|SOLUTION)\b.*?^[ \t]*### END \1\b[^\n]*\n?",
    re.MULTILINE | re.DOTALL,
)
#: a check that carries its answer: check_choice("q1", ...) / check_choices("q4", [...])
_KEYED_CALL = re.compile(r"^.*\bcheck_choices?\s*\(.*$\n?", re.MULTILINE)
_LEFTOVER = re.compile(r"^[ \t]*### (BEGIN|END) (HIDDEN TESTS|SOLUTION).*$\n?", re.MULTILINE)


def scrub(source: str) -> str:
    """``source`` without hidden tests, solutions or keyed checks."""
    for pattern in (_REGION, _KEYED_CALL, _LEFTOVER):
        source = pattern.sub("", source)
    return source.rstrip("\n")


class ScrubHiddenTests(Preprocessor):
    """Remove answer keys from the code of every cell before the feedback page is written."""

    enabled = Bool(True, help="On by default: nbgrader registers preprocessors disabled.").tag(
        config=True
    )

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            cell.source = scrub(cell.source)
        return cell, resources
