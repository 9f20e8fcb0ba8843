"""Submissions that try to run code at grading time (issue 16), made from the learner's copy of
module 01: the attacks tests/reliability/test_guard.py grades on every path.

Each attack writes a marker file ``<marks>/<learner>-<kind>`` outside the course when it runs,
so a test sees exactly which ones ran. The course's path is written in hex inside the cells, so
finding it in a graded notebook means a cell printed it, not that the cell's text was shown.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import nbformat

TOKEN = "attack:"  # each attack cell's first line is "# attack:<kind>"
#: what each kind is: a code cell the learner added, or a way to hide one
CELL_KINDS = {
    "source": "an added cell that lists source/ and prints its hidden tests",
    "outside": "an added cell that writes a file outside its folder",
    "gradebook": "an added cell that opens gradebook.db",
    "retyped": "a course reading (Markdown) turned into code and rewritten",
    "copied-markdown": "a copy of a course Markdown cell, turned into code, before the original",
    "forged": "a code cell carrying q1's grading settings, before the real q1",
}
#: files beside the notebook that the kernel would import or run from its working folder
FILE_KINDS = {"shadow": "allyship.py", "launcher": "ipykernel_launcher.py"}


def gid(cell) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id", "")


def attack(kind: str, learner: str, course: Path, marks: Path) -> str:
    where = course.as_posix().encode().hex()
    head = (
        f"# {TOKEN}{kind}\nimport pathlib\n"
        f"course = pathlib.Path(bytes.fromhex({where!r}).decode())\n"
        f"mark = pathlib.Path({str(marks)!r}, {f'{learner}-{kind}'!r})\n"
    )
    body = {
        "source": (
            "import nbformat\n"
            "found = sorted(str(p) for p in (course / 'source').rglob('*.ipynb'))\n"
            "print(found)\n"
            "for p in found:\n"
            "    for c in nbformat.read(p, 4).cells:\n"
            "        print(c.source)  # hidden tests included\n"
            "mark.write_text('\\n'.join(found))\n"
        ),
        "outside": "import os\nmark.write_text(os.getcwd())\n",
        "gradebook": (
            "import sqlite3\n"
            "db = sqlite3.connect(str(course / 'gradebook.db'))\n"
            "print(db.execute('SELECT id FROM student').fetchall())\n"
            "mark.write_text('ran')\n"
        ),
    }.get(kind, "mark.write_text('ran')\n")
    return head + body


def intruder_notebook(release: Path, learner: str, course: Path, marks: Path, kinds=CELL_KINDS):
    """The release with these kinds of attack cells in it (default: all)."""
    nb = nbformat.read(str(release), as_version=4)
    cells = []
    for cell in nb.cells:
        if gid(cell) == "objectives" and "copied-markdown" in kinds:
            twin = copy.deepcopy(cell)
            twin["id"] = "pasted-copy"  # JupyterLab's paste gives a new id, keeps the metadata
            cells.append(
                nbformat.v4.new_code_cell(attack("copied-markdown", learner, course, marks))
            )
            cells[-1].metadata, cells[-1]["id"] = twin.metadata, twin["id"]
        if gid(cell) == "q1" and "forged" in kinds:
            forged = nbformat.v4.new_code_cell(attack("forged", learner, course, marks))
            forged.metadata = copy.deepcopy(cell.metadata)
            cells.append(forged)
        if gid(cell) == "reading-1" and "retyped" in kinds:
            retyped = nbformat.v4.new_code_cell(attack("retyped", learner, course, marks))
            retyped.metadata, retyped["id"] = copy.deepcopy(cell.metadata), cell["id"]
            cell = retyped
        cells.append(cell)
        if gid(cell) == "setup":
            for kind in [k for k in ("source", "outside", "gradebook") if k in kinds]:
                cells.append(nbformat.v4.new_code_cell(attack(kind, learner, course, marks)))
    nb.cells = cells
    return nb


def shadow_files(folder: Path, learner: str, marks: Path) -> None:
    """``allyship.py`` and ``ipykernel_launcher.py`` that mark, then hand over to the real
    module, so a kernel they enter still grades normally: only the marker tells."""
    for kind, name in FILE_KINDS.items():
        mark = str(marks / f"{learner}-{kind}")
        hand_over = {
            "shadow": (
                "import importlib, os, sys\n"
                "here = os.path.dirname(os.path.abspath(__file__))\n"
                "sys.path[:] = [p for p in sys.path if os.path.abspath(p or '.') != here]\n"
                "del sys.modules['allyship']\n"
                "sys.modules['allyship'] = importlib.import_module('allyship')\n"
            ),
            "launcher": (
                "import os, runpy, sys\n"
                "sys.path[:] = [p for p in sys.path if os.path.abspath(p or '.') != os.getcwd()]\n"
                "runpy.run_module('ipykernel_launcher', run_name='__main__', alter_sys=True)\n"
            ),
        }[kind]
        (folder / name).write_text(f"open({mark!r}, 'w').write('ran')\n" + hand_over)


def editor_notebook(release: Path):
    """The release with q3's test cell rewritten to pass whatever was answered."""
    nb = nbformat.read(str(release), as_version=4)
    for cell in nb.cells:
        if gid(cell) == "q3":
            cell.source = "pass  # the learner's own test"
    return nb


def write_submission(folder: Path, nb, responses: dict) -> None:
    folder.mkdir(parents=True)
    nbformat.write(nb, str(folder / f"{folder.name.split('+')[1]}.ipynb"))
    (folder / "responses.json").write_text(json.dumps(responses, indent=1, sort_keys=True))
