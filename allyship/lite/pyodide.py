"""Pyodide for a site that never reaches the internet: the runtime, the wheels, a lock for them.

npm's ``pyodide`` package holds the runtime only; its ``pyodide-lock.json`` names some 350
packages that it expects to fetch from a CDN. The site's copy keeps the runtime, puts every wheel
the kernel and the kit need beside it, and replaces the lock with one that names exactly those
wheels, with their own checksums (PyPI's builds differ from Pyodide's CDN copies). Pyodide then
loads everything from the site.
"""

from __future__ import annotations

import json
import shutil
import tarfile
import zipfile
from pathlib import Path

from ..errors import LiteBuildError
from .pins import KIT_NEEDS, normalize

#: the runtime files of npm's package (no source maps, type files, demo pages)
RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
LOCK = "pyodide-lock.json"
#: the pyodide kernel's own small wheels, inside its JupyterLab extension
KERNEL_WHEELS = ("piplite", "pyodide_kernel", "ipykernel")


def _extract_runtime(tarball: Path, dest: Path) -> dict:
    with tarfile.open(tarball) as tar:
        for name in (*RUNTIME, LOCK):
            member = tar.getmember(f"package/{name}")
            source = tar.extractfile(member)
            if source is None:  # pragma: no cover - npm's package always has these files
                raise LiteBuildError(f"{tarball.name} has no {name}")
            (dest / name).write_bytes(source.read())
    return json.loads((dest / LOCK).read_text(encoding="utf-8"))


def _kernel_wheels(extension_wheel: Path, dest: Path) -> list[Path]:
    """piplite, pyodide_kernel and the ipykernel stand-in, out of the kernel's extension."""
    found = []
    with zipfile.ZipFile(extension_wheel) as z:
        for name in z.namelist():
            base = name.rsplit("/", 1)[-1]
            if "/static/pypi/" in name and base.split("-")[0] in KERNEL_WHEELS:
                (dest / base).write_bytes(z.read(name))
                found.append(dest / base)
    if len(found) != len(KERNEL_WHEELS):
        raise LiteBuildError(f"{extension_wheel.name} lacks the kernel's own wheels")
    return found


def assemble(
    dest: Path, tarball: Path, wheels: dict[str, Path], extension_wheel: Path, kit: Path
) -> list[str]:
    """Write ``dest`` (the site's ``static/pyodide``); return the names the lock holds."""
    from .wheels import lock_entry

    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    original = _extract_runtime(tarball, dest)
    entries = {}
    for wheel in [*wheels.values(), *_kernel_wheels(extension_wheel, dest)]:
        if wheel.parent != dest:
            shutil.copy2(wheel, dest / wheel.name)
        entry = lock_entry(dest / wheel.name)
        entries[entry["name"]] = entry
    shutil.copy2(kit, dest / kit.name)
    entries["allyship"] = lock_entry(dest / kit.name, depends=KIT_NEEDS)
    # front-end-only wheels (a JupyterLab extension) stay out of the browser's Python
    for name in ("jupyterlab-widgets", "jupyterlite-pyodide-kernel"):
        entries.pop(name, None)
        for leftover in dest.glob(f"{name.replace('-', '_')}-*.whl"):
            leftover.unlink()
    missing = sorted(
        f"{e['name']} needs {d}" for e in entries.values() for d in e["depends"] if d not in entries
    )
    if missing:
        raise LiteBuildError("the browser's packages are incomplete: " + "; ".join(missing))
    lock = {"info": original["info"], "packages": dict(sorted(entries.items()))}
    (dest / LOCK).write_text(json.dumps(lock, indent=1) + "\n", encoding="utf-8")
    return sorted(normalize(n) for n in entries)
