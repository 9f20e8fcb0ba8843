"""The course's exchange step for releasing: a module is registered in the gradebook first.

Formgrader's Release button, ``nbgrader release_assignment`` and nbgrader's API all release
through the exchange's ``ReleaseAssignment`` step (``c.ExchangeFactory.release_assignment`` in
``nbgrader_config.py`` names this one). nbgrader's own step publishes ``release/<module>`` as it
is, so on a fresh clone (``release/`` is committed) a module could reach learners without being
in the gradebook, and every grading command would then fail with "No assignment with ID ...
exists in the database". This step runs ``generate_assignment`` first when the gradebook does
not know the module (``release/`` comes out byte for byte the same: the drift test checks it).
"""

from __future__ import annotations

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.converters import GenerateAssignment
from nbgrader.exchange.default import ExchangeReleaseAssignment


class RegisteringReleaseAssignment(ExchangeReleaseAssignment):
    """nbgrader's release, after registering the module in the gradebook if it is not there."""

    def init_src(self):
        module = self.coursedir.assignment_id
        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gb:
            try:
                gb.find_assignment(module)
                known = True
            except MissingEntry:
                known = False
        if not known:
            self.log.info("Registering %s in the gradebook before releasing it", module)
            step = GenerateAssignment(coursedir=self.coursedir, parent=self)
            step.force = True
            step.create_assignment = True
            step.start()
        super().init_src()
