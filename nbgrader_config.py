"""nbgrader configuration for the allyship course.

Embedded defaults for one machine: the course is this folder, the gradebook is SQLite in it,
and the exchange is a folder inside it (``exchange/``). Any of these can be overridden on the
command line (``--CourseDirectory.db_url=postgresql://...``) or with the environment variables
below, which is how the tests and a JupyterHub deployment point it elsewhere.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

ROOT = Path(__file__).resolve().parent

c.CourseDirectory.course_id = os.environ.get("ALLYSHIP_COURSE_ID", "allyship")
c.CourseDirectory.root = str(ROOT)
c.CourseDirectory.db_url = os.environ.get(
    "ALLYSHIP_DB_URL", "sqlite:///" + str(ROOT / "gradebook.db")
)
c.Exchange.root = os.environ.get("ALLYSHIP_EXCHANGE", str(ROOT / "exchange"))

# Learners never type code: every answer is a click or a text box, saved by the course kit.
# Should an author ever add a code answer cell, its stub must not greet a non-programmer with
# ``raise NotImplementedError()``.
c.ClearSolutions.code_stub = {"python": "# Nothing to type here: answer with the controls above."}
c.ClearSolutions.text_stub = "Write your answer here."

# Any stderr output zeroes a test cell; a stray library warning must not cost a learner a mark.
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = r"\w*Warning\b"  # DeprecationWarning, UserWarning, SAWarning ...

# Kit cells finish in well under a second. A cell that runs away (a damaged submission) is
# stopped after 30 s and scores 0 for that cell only; grading goes on.
c.Execute.timeout = 30
c.Execute.startup_timeout = 60
c.Execute.interrupt_on_timeout = True

# Every module's answers live in responses.json beside the notebook. It must never be overwritten
# from source/ at autograde (none is kept there; this guards against one appearing by mistake).
_modules = sorted(p.name for p in (ROOT / "source").glob("[0-9][0-9]_*") if p.is_dir())
c.Autograde.exclude_overwriting = {m: ["responses.json"] for m in _modules}

# responses.json must travel with the submission; damaged copies kept aside travel too, so an
# instructor can recover them.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".*"]
c.CourseDirectory.max_file_size = 20000  # kB: a bigger file is left behind, not submitted

# Autograde restores hidden tests into each learner's autograded notebook and the feedback page
# prints every cell's code (nbgrader #917), which would show `check_choice("q1", "<expected>")`.
# Scrub answer keys before the page is written (allyship/feedback.py; docs/bad-submissions.md).
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "allyship.grading.feedback.ScrubHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# Under autograde the kit's widgets render as plain text; their saved widget state would only
# add ~200 kB of JSON to every autograded notebook and slow formgrader down.
c.Execute.store_widget_state = False
