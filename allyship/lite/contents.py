"""The notebooks the browser edition serves: start here, every module as released, the journal.

The site's root holds ``00_start_here.ipynb`` and ``my_journal.ipynb`` beside one folder per
module (``01_what_is_allyship/01_what_is_allyship.ipynb``), the layout the start-here notebook
and the journal already expect of a learner's folder; a French site (``--lang fr``) holds the
French edition's (``00_commencer_ici.ipynb``, ``fr-01_etre_allie/`` ...).

The modules are the release notebooks, with cells added for the browser only, marked with
:data:`~allyship.kit.widgets.handin.LITE_KEY` (chosen over changing every module: JupyterLab
learners hand in through the Assignment List and need none of it, and the cells come out again
when a learner downloads a module, so nbgrader receives it exactly as released):

- the setup cell's saved output says that Python is starting in the browser, until Run all
  replaces it with the usual line about the answers file;
- right after it, a note on where this browser keeps the answers (or that it cannot);
- after the module's last control, the hand-in controls (download, load).
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

from ..course.layout import EDITION_NOTEBOOKS
from ..errors import LiteBuildError
from ..kit.store import MODULE_NAME, module_language
from ..kit.strings import in_language, t
from ..kit.widgets.handin import LITE_KEY

#: the in-browser kernel, as the Pyodide kernel names itself
KERNELSPEC = {"name": "python", "display_name": "Python (Pyodide)", "language": "python"}
#: a cell the learner cannot change or delete, whose code stays hidden
LOCKED = {"deletable": False, "editable": False, "jupyter": {"source_hidden": True}}


def _markdown_output(text: str) -> dict:
    return {
        "output_type": "display_data",
        "metadata": {},
        "data": {"text/markdown": [f"*{text}*"], "text/plain": [text]},
    }


def _lite_cell(cell_id: str, cell_type: str, source: str, outputs: list | None = None) -> dict:
    cell = {"id": f"allyship-lite-{cell_id}", "cell_type": cell_type}
    cell["metadata"] = {**copy.deepcopy(LOCKED), LITE_KEY: True}
    cell["source"] = source
    if cell_type == "code":
        cell.update(execution_count=None, outputs=outputs or [])
    else:
        cell["metadata"].pop("jupyter")
    return cell


def _for_the_browser(nb: dict) -> dict:
    """Point the notebook at the in-browser kernel; keep the released one to put back."""
    meta = nb.setdefault("metadata", {})
    meta[LITE_KEY] = {"kernelspec": meta.get("kernelspec", {})}
    nb["metadata"]["kernelspec"] = dict(KERNELSPEC)
    return nb


def _grade_id(cell: dict) -> str:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")


def lite_module(nb: dict, module: str) -> dict:
    """A released module with the browser edition's cells added."""
    nb = _for_the_browser(copy.deepcopy(nb))
    cells = nb["cells"]
    setup = next((i for i, c in enumerate(cells) if _grade_id(c) == "setup"), None)
    asks = [i for i, c in enumerate(cells) if _grade_id(c).endswith("-ask")]
    if setup is None or not asks:
        raise LiteBuildError(f"{module}: no setup cell or no question cells; is it a module?")
    placeholder = copy.deepcopy(cells[asks[-1]].get("outputs", []))
    cells[setup]["outputs"] = [_markdown_output(t("lite.starting"))]
    code = f"from allyship import HandIn\n\nHandIn({module!r})"  # named: without a folder of
    hand_in = _lite_cell("handin", "code", code, placeholder)  # its own, Python cannot tell
    cells.insert(asks[-1] + 1, hand_in)
    note = _lite_cell("storage", "code", "from allyship import StorageNote\n\nStorageNote()")
    cells.insert(setup + 1, note)
    return nb


def lite_start_here(nb: dict) -> dict:
    nb = _for_the_browser(copy.deepcopy(nb))
    nb["cells"].insert(1, _lite_cell("start", "markdown", t("lite.start_here")))
    return nb


def _joined(value):
    """nbformat's multi-line lists as plain strings: JupyterLite reads a notebook's file as it
    is (no server normalises it), and its table of contents fails on a list."""
    return "".join(value) if isinstance(value, list) else value


def _normalise(nb: dict) -> dict:
    for cell in nb["cells"]:
        cell["source"] = _joined(cell.get("source", ""))
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = _joined(output["text"])
            for mime, value in output.get("data", {}).items():
                if mime.startswith("text/"):
                    output["data"][mime] = _joined(value)
    return nb


def _write(path: Path, nb: dict) -> None:
    nb = _normalise(nb)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LiteBuildError(f"cannot read {path}: {exc}") from exc


def prepare_contents(course: Path, dest: Path, language: str = "en") -> list[str]:
    """Write the site's notebooks of one edition into ``dest``; return the modules it holds."""
    if dest.exists():
        shutil.rmtree(dest)
    released = (course / "release").iterdir() if (course / "release").is_dir() else []
    modules = sorted(
        p.name
        for p in released
        if MODULE_NAME.match(p.name)
        and module_language(p.name) == language
        and (p / f"{p.name}.ipynb").is_file()
    )
    if not modules:
        raise LiteBuildError(f"no released modules in {course / 'release'}: run `make release`")
    with in_language(language):
        for module in modules:
            nb = _read(course / "release" / module / f"{module}.ipynb")
            _write(dest / module / f"{module}.ipynb", lite_module(nb, module))
        folder, *names = EDITION_NOTEBOOKS[language]
        start, journal = (course / folder / n for n in names)
        _write(dest / start.name, lite_start_here(_read(start)))
        _write(dest / journal.name, _for_the_browser(_read(journal)))
    return modules
