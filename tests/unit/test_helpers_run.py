"""tests/helpers.run runs a command again only when a kernel lost its TCP port to another
process (helpers.PORT_RACE), and never hides any other failure."""

from __future__ import annotations

import sys

import pytest

from .. import helpers

SCRIPT = """
import pathlib, sys
count = pathlib.Path(sys.argv[1])
n = int(count.read_text()) + 1 if count.exists() else 1
count.write_text(str(n))
if n <= int(sys.argv[2]):
    print(sys.argv[3], file=sys.stderr)
    sys.exit(1)
print("graded")
"""


def _run(tmp_path, fails: int, message: str, check: bool = True):
    count = tmp_path / "count"
    args = [sys.executable, "-c", SCRIPT, str(count), str(fails), message]
    return helpers.run(args, tmp_path, check=check), count


def test_a_kernel_that_lost_its_port_is_run_again(tmp_path):
    proc, count = _run(tmp_path, 1, helpers.PORT_RACE + " (addr='tcp://127.0.0.1:39513')")
    assert proc.returncode == 0 and proc.stdout.strip() == "graded"
    assert count.read_text() == "2"


def test_any_other_failure_is_not_retried(tmp_path):
    with pytest.raises(AssertionError, match="Kernel died before replying"):
        _run(tmp_path, 1, "RuntimeError: Kernel died before replying to kernel_info")
    assert (tmp_path / "count").read_text() == "1"


def test_a_race_every_time_still_fails_after_the_last_attempt(tmp_path):
    proc, count = _run(tmp_path, 99, helpers.PORT_RACE, check=False)
    assert proc.returncode == 1 and helpers.PORT_RACE in proc.stderr
    assert count.read_text() == str(helpers.ATTEMPTS)
