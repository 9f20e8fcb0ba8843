"""A temporary home for Jupyter, IPython and matplotlib: the tests' (``conftest.py``) and the
benchmarks' (``benchmarks/dask_benchmark.py``), so neither writes to the real user's."""

from __future__ import annotations

import os
from pathlib import Path

#: each variable, and its folder under the temporary home
FOLDERS = {
    "HOME": "",
    "JUPYTER_DATA_DIR": ".local/share/jupyter",
    "JUPYTER_RUNTIME_DIR": ".local/share/jupyter/runtime",
    "JUPYTER_CONFIG_DIR": ".jupyter",
    "IPYTHONDIR": ".ipython",
    "MPLCONFIGDIR": ".config/matplotlib",
}


def use_home(home: Path) -> None:
    """Point every variable of :data:`FOLDERS` into ``home`` (processes started later inherit
    them: kernels, servers, a Dask cluster's workers)."""
    for variable, sub in FOLDERS.items():
        os.environ[variable] = str(Path(home) / sub)
