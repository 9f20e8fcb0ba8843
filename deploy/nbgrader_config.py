"""Course-wide nbgrader settings for every account on the hub (copy to
/etc/jupyter/nbgrader_config.py, or point JUPYTER_CONFIG_PATH at this folder).

Learners need only two facts: which course they take and where the exchange is. The course
folder, its gradebook and its grading settings belong to the grader account and are read from
the course's own nbgrader_config.py (the repository's), in the course service's folder.
"""

import os

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

# The course id must equal the name of the JupyterHub service that runs formgrader.
c.CourseDirectory.course_id = "allyship"
# Created by deploy/setup_course.py with the hardened modes described in docs/deploy.md.
c.Exchange.root = os.environ.get("ALLYSHIP_EXCHANGE", "/srv/nbgrader/exchange")
# nbgrader's docs ask for a log file on multi-user installs; each account writes its own.
c.NbGrader.logfile = os.path.join(os.path.expanduser("~"), ".nbgrader.log")

# Validate (the notebook's button, the Assignment List's) names what is still unanswered in the
# course's words, with no code and no exception name (allyship/grading/validation.py).
from allyship.grading.validation import use_plain_validator  # noqa: E402

use_plain_validator()
