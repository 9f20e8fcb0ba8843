"""What the build downloads, once: the build tools, the browser's wheels, Pyodide's runtime.

Everything comes from PyPI (``pip download``) and npm (``npm pack``), at the versions in
``pins.py`` and the ``lite`` extra of ``pyproject.toml``, into a cache folder (``.venv/lite-cache``
by default) that a second build reuses without a download.

The build tools are installed into the cache, not into the course's environment:
``jupyterlite-pyodide-kernel`` installs a JupyterLab extension, and the course's own JupyterLab
(``make course``, the browser tests) must not load an in-browser kernel meant for the static site.
They run with the course environment's ``jupyter_server`` on their path.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from ..errors import LiteBuildError
from .pins import EXTENSIONS, PYODIDE, PYTHON, WHEELS, normalize


def lite_extra(course: Path) -> list[str]:
    """The build tools' pins: the ``lite`` extra of the course's ``pyproject.toml``."""
    project = tomllib.loads((course / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    try:
        return list(project["optional-dependencies"]["lite"])
    except KeyError as exc:
        raise LiteBuildError("pyproject.toml has no `lite` extra: the build tools' pins") from exc


def _run(args: list[str], what: str, cwd: Path | None = None) -> str:
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        raise LiteBuildError(f"{what} failed: {' '.join(tail)}")
    return proc.stdout


def build_tools(course: Path, cache: Path) -> Path:
    """The folder holding jupyterlite and its kernel, installed once per set of pins."""
    pins = sorted(lite_extra(course))
    digest = hashlib.sha256("\n".join(pins).encode()).hexdigest()[:12]
    target = cache / f"tools-{digest}"
    if (target / ".complete").is_file():
        return target
    _run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target)]
        + pins,
        "Installing the build tools (" + ", ".join(pins) + ")",
    )
    (target / ".complete").write_text("\n".join(pins) + "\n")
    return target


def _have(folder: Path, name: str, version: str) -> Path | None:
    stem = normalize(name).replace("-", "_")
    for wheel in folder.glob("*.whl"):
        dist, _, rest = wheel.name.partition("-")
        if normalize(dist).replace("-", "_") == stem and rest.startswith(version + "-"):
            return wheel
    return None


def browser_wheels(cache: Path) -> dict[str, Path]:
    """Every pinned pure-Python wheel for the in-browser Python (3.14, any platform)."""
    folder = cache / "wheels"
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {**WHEELS, **EXTENSIONS}
    missing = [f"{n}=={v}" for n, v in wanted.items() if _have(folder, n, v) is None]
    if missing:
        _run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(folder)]
            + ["--only-binary=:all:", "--python-version", PYTHON, "--implementation", "py"]
            + ["--abi", "none", "--platform", "any"]
            + missing,
            "Downloading the browser's Python packages from PyPI",
        )
    found = {n: _have(folder, n, v) for n, v in wanted.items()}
    absent = sorted(n for n, w in found.items() if w is None)
    if absent:
        raise LiteBuildError(f"PyPI has no pure-Python wheel of: {', '.join(absent)}")
    return found


def pyodide_tarball(cache: Path) -> Path:
    """npm's ``pyodide`` package (the runtime: no wheels), at the pinned version."""
    folder = cache / "npm"
    folder.mkdir(parents=True, exist_ok=True)
    tarball = folder / f"pyodide-{PYODIDE}.tgz"
    if not tarball.is_file():
        npm = os.environ.get("NPM", "npm")
        try:
            _run(
                [npm, "pack", f"pyodide@{PYODIDE}", "--silent", "--pack-destination", str(folder)],
                f"Downloading pyodide {PYODIDE} from npm",
            )
        except FileNotFoundError as exc:
            raise LiteBuildError(
                "npm is missing: install Node.js and npm (apt-get install npm), then build again"
            ) from exc
        if not tarball.is_file():
            raise LiteBuildError(f"npm did not leave {tarball.name} in {folder}")
    return tarball
