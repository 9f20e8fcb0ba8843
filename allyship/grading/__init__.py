"""Grading: what runs on the instructor's side when submissions are graded.

It serves the instructor (and nbgrader, which loads :mod:`allyship.grading.feedback` from the
course's ``nbgrader_config.py``): the plan of what to grade, the worker processes that execute
submissions (here, or on a Dask cluster), the single gradebook writer, the speed-ups applied in
workers, the repair of damaged submissions, the scrubbing of answer keys from feedback pages,
and the ``grade`` and ``repair`` verbs. What it may import: nbgrader, nbconvert, nbclient,
sqlalchemy, distributed (in the Dask runner's modules only), the course package and the kit's
store (the shape of ``responses.json``). Never the instructor tools; pandas is not needed.
nbgrader itself is imported inside functions, so loading this package stays cheap.
"""

from .run import GradeReport, PreGradeStep, grade, plan, repair_step

__all__ = ["GradeReport", "PreGradeStep", "grade", "plan", "repair_step"]
