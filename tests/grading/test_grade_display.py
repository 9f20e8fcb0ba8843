"""The progress bar and the summary of ``allyship grade`` (display only, no kernel)."""

from __future__ import annotations

import io

from allyship.grading import GradeReport
from allyship.grading.verbs import ProgressBar, summary
from allyship.grading.writer import Outcome


def report() -> GradeReport:
    return GradeReport(
        [
            Outcome("ann", "01_x", "skipped", "already graded (--force regrades)"),
            Outcome("bo", "01_x", "graded", ""),
            Outcome("cy", "01_x", "failed", "NotJSONError: Notebook does not appear to be JSON"),
            Outcome("di", "01_x", "graded", "restored cell q2"),
        ]
    )


def test_summary_counts_then_names_each_failure_and_skip_with_its_reason():
    assert summary(report()).splitlines() == [
        "Graded 2, failed 1, skipped 1.",
        "  failed  cy / 01_x: NotJSONError: Notebook does not appear to be JSON",
        "  skipped ann / 01_x: already graded (--force regrades)",
        "  notes   di / 01_x: restored cell q2",
    ]
    assert not report().ok


def test_progress_off_a_terminal_prints_a_line_per_tenth_and_the_last():
    stream = io.StringIO()
    bar = ProgressBar(stream, width=10)
    bar(1, 4, None)  # one skipped before the run
    for done, outcome in enumerate(report().outcomes[1:], start=2):
        bar(done, 4, outcome)
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("[##--------] 1/4  graded 0  failed 0  skipped 1")
    assert lines[-1].startswith("[##########] 4/4  graded 2  failed 1  skipped 1")
    assert len(lines) == 4
