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

# The guard (allyship/grading/guard.py; docs/bad-submissions.md): learners never write code, so
# no cell the course did not write may run at autograde. Right after ClearOutput, each notebook
# is put back into its release's shape (added or changed code kept as text with a note, edited
# course cells put back) and the kernel's folder keeps only the course's files. nbgrader's own
# steps follow unchanged. Being configuration, it holds for `nbgrader autograde`, formgrader's
# Autograde button and `allyship grade` alike.
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "allyship.grading.guard.CourseCellsOnly",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    # cells exactly as released get their hidden tests and mark schemes back here, so
    # OverwriteCells warns only about real edits (allyship/grading/checksums.py; nbgrader #1961)
    "allyship.grading.checksums.RestoreReleasedCells",
    "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# responses.json must travel with the submission; damaged copies kept aside travel too, so an
# instructor can recover them.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".*"]
c.CourseDirectory.max_file_size = 20000  # kB: a bigger file is left behind, not submitted

# The feedback page (allyship/grading/feedback_page.py): each graded question and reflection by
# name, the answer given, right or wrong in words, the grader's score and comment; no code, no
# mark scheme, no script. nbgrader's own page prints the autograded notebook whole, with the
# hidden tests autograde restores (nbgrader #917) and the mark schemes: both are still removed
# first (allyship/grading/feedback.py; docs/bad-submissions.md), should a template print cells.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "allyship.grading.feedback.ScrubHiddenTests",
    "nbgrader.preprocessors.ClearMarkScheme",
    "allyship.grading.feedback_page.FeedbackPage",
]
c.GenerateFeedback.exporter_class = "allyship.grading.feedback_page.FeedbackExporter"

# Under autograde the kit's widgets render as plain text; their saved widget state would only
# add ~200 kB of JSON to every autograded notebook and slow formgrader down.
c.Execute.store_widget_state = False

# Validate (the notebook's button, the Assignment List's, `nbgrader validate`) names what is
# still unanswered in the course's words, with no code and no exception name. nbgrader has no
# setting for the class it uses, so this points it at the course's (allyship/grading/validation.py).
from allyship.grading.validation import use_plain_validator  # noqa: E402

use_plain_validator()

# A released module opens with a plain line where each question will appear, until the learner
# presses Run all (allyship/course/placeholders.py). nbgrader's own steps, in its own order, then
# the course's one; autograde and Validate clear outputs first, so grading never sees the line.
c.GenerateAssignment.preprocessors = [
    "nbgrader.preprocessors.IncludeHeaderFooter",
    "nbgrader.preprocessors.InstantiateTests",
    "nbgrader.preprocessors.LockCells",
    "nbgrader.preprocessors.ClearSolutions",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.CheckCellMetadata",
    "nbgrader.preprocessors.ComputeChecksums",
    "nbgrader.preprocessors.SaveCells",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbgrader.preprocessors.ClearMarkScheme",
    "nbgrader.preprocessors.ComputeChecksums",
    "nbgrader.preprocessors.CheckCellMetadata",
    "allyship.course.placeholders.RunAllLines",
]

# Releasing a module, by any path (Formgrader's Release button, `nbgrader release_assignment`,
# the API), registers it in the gradebook first if it is not there yet, so grading never fails
# with "No assignment with ID ... exists" (allyship/grading/exchange.py).
c.ExchangeFactory.release_assignment = "allyship.grading.exchange.RegisteringReleaseAssignment"

# Formgrader renders submissions with nbconvert's HTMLExporter, configured from here: the course's
# widget cells show one short line instead of the code that drew them (the learner's answer is
# their output). Display only; test cells keep their code (allyship/grading/formgrader_view.py).
c.HTMLExporter.preprocessors = ["allyship.grading.formgrader_view.QuietCourseCells"]

# Certificates of completion (`allyship certificates`, checked by `allyship verify`; see
# docs/instructors-and-facilitators.md). A learner completes when every module is submitted, the
# automatically checked points reach min_auto_percent of the course's, and every reflection is
# graded by a person at min_reflection_percent of its points or more. Set the issuer (who runs
# the course) before issuing; certificates say the course holds no accreditation. Their codes
# are HMACs with a secret made on first use in .allyship/ here (git-ignored; back it up).
c.CertificateRule.modules = []  # the modules to complete; empty: every module in the gradebook
c.CertificateRule.min_auto_percent = 80.0
c.CertificateRule.min_reflection_percent = 50.0
c.CertificateRule.course_title = "The allyship course, for health professionals"
c.CertificateRule.issuer = ""  # e.g. "Continuing Education, Example Health Authority"

# Hand-ins without a hub (the browser edition, docs/lite.md): put the learners' files, or an
# LMS's "download all submissions" archive (Canvas, Moodle), in downloaded/<module>/archive/ and
# run `nbgrader zip_collect <module>` (add --force to import again). Archives inside archives are
# opened; whose each hand-in is comes from the course's own file names or the LMS's; what is left
# out (not a zip, another module's, a second hand-in, a name matching nothing) is said in plain
# words (allyship/lite/collect.py).
c.ZipCollectApp.extractor_plugin = "allyship.lite.collect.HandInExtractor"
c.ZipCollectApp.collector_plugin = "allyship.lite.collect.HandInCollector"
