"""The house by role holds: a module notebook's kernel loads only the learner's kit, and no
package reaches into a role it must not (docs/architecture.md)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from allyship.course.key import answer_key

from ..helpers import MODULES, REPO

PACKAGE = REPO / "allyship"
HEAVY = ("pandas", "matplotlib", "sqlalchemy", "nbgrader")

#: package -> the sibling packages it must never import
FORBIDDEN = {
    "kit": {"course", "grading", "instructor"},
    "course": {"grading", "instructor"},
    "grading": {"instructor"},
}

RUN_MODULE = r"""
import json, os, sys
os.chdir(sys.argv[2])
cells = json.loads(sys.argv[1])
namespace = {}
for source in cells:
    exec(compile(source, "<cell>", "exec"), namespace)
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def _code_cells(module: str) -> list[str]:
    nb = nbformat.read(str(REPO / "release" / module / f"{module}.ipynb"), as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code"]


@pytest.mark.parametrize("mode", [None, "autograde"])
@pytest.mark.parametrize("module", MODULES[:1] + MODULES[-1:])
def test_a_module_notebook_loads_no_instructor_library(module, mode, tmp_path):
    """Every code cell of a release notebook, run in a fresh interpreter as a learner's session
    (and as autograde) runs it: none of pandas, matplotlib, sqlalchemy or nbgrader is loaded."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    if mode:  # autograde runs the hidden checks: give them the key's answers
        env["NBGRADER_EXECUTION"] = mode
        key = answer_key(REPO / "source" / module / f"{module}.ipynb")
        (tmp_path / "responses.json").write_text(json.dumps(key), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", RUN_MODULE, json.dumps(_code_cells(module)), str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    loaded = set(json.loads(proc.stdout.strip().splitlines()[-1]))
    assert "allyship" in loaded and "ipywidgets" in loaded  # the cells really ran the kit
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def _imports(path: Path, source: str | None = None) -> set[str]:
    """The allyship sub-packages a file imports, absolute or relative, as first-level names."""
    parts = path.relative_to(REPO).with_suffix("").parts  # ("allyship", "kit", "store")
    source = path.read_text(encoding="utf-8") if source is None else source
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(parts[: len(parts) - node.level])
                target = base + (node.module.split(".") if node.module else [])
                names = [target] if node.module else [target + [a.name] for a in node.names]
            else:
                names = [(node.module or "").split(".")]
        elif isinstance(node, ast.Import):
            names = [a.name.split(".") for a in node.names]
        else:
            continue
        for name in names:
            if len(name) > 1 and name[0] == "allyship":
                found.add(name[1])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_package_imports_a_role_it_must_not(package):
    files = sorted((PACKAGE / package).rglob("*.py"))
    assert files
    broken = {
        str(f.relative_to(REPO)): sorted(_imports(f) & FORBIDDEN[package])
        for f in files
        if _imports(f) & FORBIDDEN[package]
    }
    assert not broken, f"{package} must not import {sorted(FORBIDDEN[package])}: {broken}"


def test_the_import_scan_sees_every_spelling_of_an_import():
    """The scan itself: relative, absolute and from-package spellings are all found."""
    probe = REPO / "allyship" / "kit" / "widgets" / "probe.py"  # never written: parsed only
    source = (
        "from ...grading import run\nimport allyship.instructor.reports\n"
        "from ... import course\nfrom ..store import FILENAME\n"
    )
    assert _imports(probe, source) == {"grading", "instructor", "course", "kit"}


def test_every_verb_module_is_light_to_import():
    """``allyship --help`` lists every verb without loading pandas, nbgrader or ipywidgets."""
    code = (
        "import sys, allyship.cli as c; c.build_parser(); "
        "print(' '.join(m for m in ('pandas','nbgrader','ipywidgets','matplotlib') "
        "if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""
