"""The suite never writes into the real user's home (issue 14): every Jupyter folder a test or
its servers and kernels use is inside the temporary home ``tests/conftest.py`` sets up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .. import conftest


def test_jupyter_folders_point_into_the_test_home():
    home = conftest.TEST_HOME
    assert home != conftest.REAL_HOME
    for var in ("HOME", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTER_CONFIG_DIR"):
        assert Path(os.environ[var]).is_relative_to(home), var


def test_nbgrader_cache_of_a_real_command_lands_in_the_test_home():
    """What nbgrader itself computes for its cache (where ``submit`` writes), in a fresh
    process with the suite's environment."""
    code = "from nbgrader.exchange.default.exchange import Exchange; print(Exchange().cache)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert Path(proc.stdout.strip()).is_relative_to(conftest.TEST_HOME)


def test_the_home_check_sees_a_new_or_changed_file(tmp_path):
    cache = tmp_path / ".local/share/jupyter/nbgrader_cache"
    cache.mkdir(parents=True)
    before = conftest.home_snapshot(tmp_path)
    (cache / "allyship+someone+01+2026").write_text("x")
    after = conftest.home_snapshot(tmp_path)
    assert set(after) - set(before) == {str(cache / "allyship+someone+01+2026")}
