"""Wheels for the in-browser Python: the kit's own, and each wheel's entry in Pyodide's lock.

The kit's wheel is made here from this checkout, with the standard library alone: only what a
module notebook loads (``allyship/__init__.py``, ``errors.py`` and ``kit/``), never the
instructor's side, which needs nbgrader and pandas and never runs in a browser. No setuptools
run, so nothing is written into the checkout.
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from email.parser import Parser
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement

from ..errors import LiteBuildError
from .pins import NOT_IN_BROWSER, PYTHON, PYTHON_FULL, normalize

#: the parts of the package a module notebook loads
KIT_FILES = ("allyship/__init__.py", "allyship/errors.py", "allyship/kit")
KIT_SUFFIXES = {".py", ".js", ".css"}
#: the browser's answers to wheel markers (sys_platform == "emscripten" ...)
BROWSER = {
    "sys_platform": "emscripten",
    "platform_system": "Emscripten",
    "platform_machine": "wasm32",
    "os_name": "posix",
    "python_version": PYTHON,
    "python_full_version": PYTHON_FULL,
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "extra": "",
}


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def kit_wheel(course: Path, dest: Path, version: str) -> Path:
    """``allyship-<version>-py3-none-any.whl`` holding the learner's kit, from ``course``."""
    files: list[Path] = []
    for part in KIT_FILES:
        path = course / part
        found = sorted(path.rglob("*")) if path.is_dir() else [path]
        files += [
            f
            for f in found
            if f.is_file() and f.suffix in KIT_SUFFIXES and "__pycache__" not in f.parts
        ]
    if not files:
        raise LiteBuildError(f"no allyship kit found in {course}")
    info = f"allyship-{version}.dist-info"
    meta = {
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: allyship\nVersion: {version}\n"
        "Summary: The allyship course's learner kit, for the browser edition.\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: allyship.lite\nRoot-Is-Purelib: true\n"
        "Tag: py3-none-any\n",
        f"{info}/top_level.txt": "allyship\n",
    }
    dest.mkdir(parents=True, exist_ok=True)
    wheel = dest / f"allyship-{version}-py3-none-any.whl"
    record = []
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as z:
        for f in files:
            name, data = f.relative_to(course).as_posix(), f.read_bytes()
            z.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data)
            record.append(_record_line(name, data))
        for name, text in meta.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), text)
            record.append(_record_line(name, text.encode()))
        record.append(f"{info}/RECORD,,")
        z.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return wheel


def _metadata(z: zipfile.ZipFile) -> tuple[object, list[str]]:
    names = z.namelist()
    meta = next(n for n in names if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
    return Parser().parsestr(z.read(meta).decode("utf-8")), names


def _imports(names: list[str]) -> list[str]:
    """Top-level importable names of a wheel: its packages and single-file modules."""
    tops = set()
    for n in names:
        head, _, rest = n.partition("/")
        if head.endswith((".dist-info", ".data")):
            continue
        if rest.endswith("__init__.py") and rest.count("/") == 0:
            tops.add(head)
        elif not rest and head.endswith(".py"):
            tops.add(head[:-3])
    return sorted(tops)


def lock_entry(wheel: Path, *, depends: list[str] | None = None) -> dict:
    """The wheel's entry in ``pyodide-lock.json``: what it is, what it needs, its checksum.

    ``depends`` overrides what the wheel declares (the kit's wheel); otherwise its
    ``Requires-Dist`` lines are read, with their markers answered as the browser would."""
    with zipfile.ZipFile(wheel) as z:
        meta, names = _metadata(z)
    if depends is None:
        depends = []
        for line in meta.get_all("Requires-Dist") or []:
            req = Requirement(line)
            if req.marker is not None and not Marker(str(req.marker)).evaluate(BROWSER):
                continue
            if normalize(req.name) not in NOT_IN_BROWSER:
                depends.append(normalize(req.name))
    return {
        "name": normalize(meta["Name"]),
        "version": meta["Version"],
        "file_name": wheel.name,
        "install_dir": "site",
        "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
        "package_type": "package",
        "imports": _imports(names),
        "depends": sorted(set(depends)),
        "unvendored_tests": False,
    }
