"""Whose hand-in is this? The file names of the course, of Canvas and of Moodle.

A hand-in reaches the instructor under one of three names, and sometimes two at once (an LMS
puts its own prefix in front of the learner's file):

* the course's own: ``allyship_<module>_<learner>.zip`` (:data:`allyship.kit.widgets.handin.NAME`);
* Canvas's "Download Submissions": ``<sortable name>[_LATE]_<user id>_<attachment id>_<file>``,
  the name lower-cased without punctuation, ``anon_<id>`` in place of the name and id when
  grading is anonymous (``ContentZipper#get_filename`` and ``#add_upload_submission`` in
  instructure/canvas-lms ``lib/content_zipper.rb``);
* Moodle's "Download all submissions": a folder
  ``<Full Name>_<participant id>_assignsubmission_file`` per learner (Moodle 3.1 and later;
  older versions end it with ``_``), or, with folders turned off, files named
  ``<Full Name>_<participant id>_assignsubmission_file_<file>``; ``Participant`` in place of
  the name when marking is blind (``downloader::get_student_prefix`` in moodle/moodle
  ``mod/assign/classes/downloader.php``).

The LMS's number identifies the learner (it is what its gradebook imports match on); the
course's own name is used when no LMS handled the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..kit.widgets.handin import NAME

CANVAS = re.compile(
    r"^(?:(?P<name>[^\W_]*)_)?(?:LATE_)?(?P<id>anon_[A-Za-z0-9]+|\d+)_(?P<attachment>\d+)_(?P<rest>.+)$"
)
MOODLE = re.compile(r"^(?P<name>[^_/]+)_(?P<id>\d+)_assignsubmission_file_?(?P<rest>.*)$")


@dataclass(frozen=True)
class Learner:
    student_id: str  #: the id in nbgrader's gradebook: ``canvas-123``, ``moodle-45``, ``jane-doe``
    lms: str  #: "canvas", "moodle" or "course"
    lms_id: str  #: the LMS's own number (or the course's learner name)
    first_name: str = ""
    last_name: str = ""


@dataclass(frozen=True)
class Named:
    learner: Learner | None  #: None: no pattern matched
    module: str | None  #: the module the course's own name says, if any


def _own(part: str) -> re.Match | None:
    return NAME.match(part if part.endswith(".zip") else part + ".zip")


def identify(parts: list[str]) -> Named:
    """Read the folder names a hand-in was found under (outermost first; an extracted zip's
    folder is the zip's name without ``.zip``)."""
    lms: Learner | None = None
    own = None
    for part in parts:
        moodle, canvas = MOODLE.match(part), CANVAS.match(part)
        if moodle and lms is None:
            full = moodle["name"].strip()
            first, _, last = full.rpartition(" ") if " " in full else ("", "", full)
            lms = Learner(f"moodle-{moodle['id']}", "moodle", moodle["id"], first, last)
            part = moodle["rest"] or part
        elif canvas and lms is None and not _own(part):
            sortable = canvas["name"] or ""
            lms = Learner(f"canvas-{canvas['id'].lower()}", "canvas", canvas["id"], "", sortable)
            part = canvas["rest"]
        own = _own(part) or own
    if lms is None and own is not None:
        lms = Learner(own["learner"], "course", own["learner"])
    return Named(lms, own["module"] if own else None)
