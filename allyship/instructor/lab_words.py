"""nbgrader's fixed English labels, in the edition's language, in the course's JupyterLab.

nbgrader 0.9.6's front end draws its learner-facing labels (the Assignment List's headings and
buttons, the notebook's Validate button, the Validate dialog's title ...) from fixed English
strings, with no translation hook, so a French-speaking learner met "Fetch", "Validate" and
"Submit" in an otherwise French JupyterLab. :func:`write` puts a small JupyterLab extension
(``course_words.js``, written by hand: no build step, no npm) into the server's state folder
for an edition in another language; it swaps each of those labels, and nothing else, for the
edition's word, as JupyterLab draws it. The words are the kit's strings (``lab.nbgrader.*``,
one table per language; the English table holds nbgrader's own labels, which are what the
extension looks for).

:func:`allyship.instructor.lab.prepare` calls it and points JupyterLab at the folder
(``LabApp.extra_labextensions_path`` in the state folder's server config), so ``make course
LANG=fr``, ``make learner LANG=fr`` and the browser tests' servers all load it. What only an
instructor sees keeps nbgrader's English: Formgrader (its pages are nbgrader's own HTML) and
the Create Assignment panel's contents (its tab is named in French, since ``make course
LANG=fr`` shows it to whoever starts the course that way).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from ..kit.strings import TEXT, in_language, t

#: the extension's package name (its folder under ``labextensions/``)
NAME = "allyship-course-words"
#: the strings keys of the labels swapped (``lab.nbgrader.*``; the English table holds
#: nbgrader's own words, which the extension looks for)
KEYS = tuple(sorted(k for k in TEXT if k.startswith("lab.nbgrader.")))


def words(language: str) -> dict[str, str]:
    """nbgrader's label -> the edition's word, for every label the edition says differently."""
    with in_language("en"):
        english = [t(key) for key in KEYS]
    with in_language(language):
        said = [t(key) for key in KEYS]
    return {e: s for e, s in zip(english, said, strict=True) if e != s}


def script(language: str) -> str:
    """The extension's JavaScript for ``language``: ``course_words.js`` with its words."""
    template = (Path(__file__).with_name("course_words.js")).read_text(encoding="utf-8")
    table = json.dumps(words(language), ensure_ascii=False, indent=2, sort_keys=True)
    return template.replace("__NAME__", NAME).replace("__WORDS__", table)


def write(folder: Path, language: str) -> Path | None:
    """Write the extension under ``folder`` (a ``labextensions`` folder) for ``language``.

    Returns the extension's folder, or None (and removes an earlier one) when the edition says
    nbgrader's labels as nbgrader does. The script's name carries a hash of its content, since
    JupyterLab serves an extension's ``static/`` files as never changing."""
    target = Path(folder) / NAME
    if target.exists():
        shutil.rmtree(target)
    if not words(language):
        return None
    code = script(language)
    entry = f"static/remoteEntry.{hashlib.sha256(code.encode()).hexdigest()[:16]}.js"
    (target / "static").mkdir(parents=True)
    (target / entry).write_text(code, encoding="utf-8")
    package = {
        "name": NAME,
        "version": "1.0.0",
        "description": "nbgrader's labels in the course's language (allyship/instructor)",
        "jupyterlab": {"_build": {"load": entry, "extension": "./extension"}},
    }
    (target / "package.json").write_text(json.dumps(package, indent=2) + "\n", encoding="utf-8")
    return target
