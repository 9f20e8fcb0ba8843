"""The kit's one error family.

Every error a learner, instructor or facilitator can meet is an :class:`AllyshipError`.
Each also subclasses the builtin it resembles, so callers that catch ``ValueError`` or
``LookupError`` keep working. The library raises; only the command line turns an error into
a one-line message and an exit status.
"""

from __future__ import annotations


class AllyshipError(Exception):
    """Base class: something the person in front of the course can act on."""


class InvalidResponseError(AllyshipError, ValueError):
    """A value of the wrong shape was offered to the store (not text, nor a list of texts)."""


class SaveFailedError(AllyshipError, OSError):
    """An answer could not be written to disk."""


class AnswerCheckFailed(AllyshipError, AssertionError):
    """A graded check did not pass. nbgrader scores a test cell 0 on any AssertionError."""


class CourseNotFoundError(AllyshipError, FileNotFoundError):
    """No course folder (with ``nbgrader_config.py`` and ``source/``) was found."""


class UnknownModuleError(AllyshipError, LookupError):
    """A module name that matches no folder under ``source/``."""


class AnswerKeyError(AllyshipError, ValueError):
    """A source notebook's hidden tests could not be read as an answer key."""


class NoGradebookError(AllyshipError, FileNotFoundError):
    """The course has no gradebook yet (nothing generated or autograded)."""


class NoJournalError(AllyshipError, FileNotFoundError):
    """No module folders with saved answers were found where the journal looked."""


class CohortThresholdError(AllyshipError, ValueError):
    """A cohort view was asked to show groups smaller than learners were promised."""


class NothingToRepairError(AllyshipError, FileNotFoundError):
    """``allyship repair`` found no collected submission to repair."""


class GradingError(AllyshipError, RuntimeError):
    """``allyship grade`` could not run (nothing to grade, a failed collect, a bad setting)."""


class HandoutError(AllyshipError, RuntimeError):
    """A printable handout could not be made (no released copy, no chromium, a failed print)."""


class CertificateError(AllyshipError, ValueError):
    """A certificate cannot be issued or checked (no issuer set, no secret, a malformed code)."""


class CourseTextError(AllyshipError, ValueError):
    """A module's text file (``course/en/NN_slug.md``) could not be read or built: the message
    names the file, the line and what to change."""


class LiteBuildError(AllyshipError, RuntimeError):
    """The browser edition could not be built (a download failed, a tool is missing)."""


class HandInFileError(AllyshipError, ValueError):
    """A hand-in file cannot be loaded: not a zip, another module's, or holding no answers."""
