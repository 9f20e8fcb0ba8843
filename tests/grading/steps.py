"""Pre-grading steps for the tests (module-level, so worker processes can receive them)."""

from __future__ import annotations

from pathlib import Path

from allyship.errors import GradingError


def note_or_refuse(folder: Path, *, module: str, learner: str, course: Path) -> list[str]:
    """Refuses the learner named ``refused``; for anyone else, notes what it saw."""
    if learner == "refused":
        raise GradingError("the test step refused this submission")
    assert folder == course / "submitted" / learner / module
    return [f"looked at {sorted(p.name for p in folder.iterdir())}"]
